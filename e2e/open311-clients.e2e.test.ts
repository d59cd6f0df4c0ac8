/**
 * 外部系统接入: an administrator creates an Open311 client, sees its key once, the key files an
 * appeal through the Open311 API, and after deactivation the list says so and the key is refused.
 */
import { describe, expect, test } from 'vitest';
import { adminPassword, baseUrl, dialog, useBrowser, withPage } from './support.js';

const browser = useBrowser();

/** An Open311 POST as an outside system sends it (JSON body, region given as an attribute). */
const report = (apiKey: string) => fetch(`${baseUrl()}/open311/v2/requests.json`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ api_key: apiKey, service_code: 'noise', description: '夜市喇叭扰民（浏览器测试）', lat: '38.4872', long: '106.2309', attribute: { region_code: '640104' } }),
});

describe('Open311 clients', () => {
  test('an administrator creates a client, copies the key once, and deactivates it', async () => {
    const name = `网格平台 ${Date.now().toString(36)}`;
    await withPage(browser(), { user: 'admin', password: adminPassword() }, async (page) => {
      await page.goto('/');
      await page.getByRole('menuitem', { name: '诉求办理' }).click();
      await page.getByRole('menuitem', { name: '外部系统接入' }).click();
      await page.waitForURL('**/admin/open311-clients');
      const list = page.getByTestId('open311-clients');
      await list.getByRole('row').filter({ hasText: 'FixMyStreet 银川（演示）' }).waitFor();

      await page.getByRole('button', { name: '新建客户端' }).click();
      const form = await dialog(page, '新建客户端');
      const create = form.getByRole('button', { name: /创\s*建/ });
      await create.click();
      await form.getByText('请填写客户端名称').waitFor();
      // The server's refusal lands under the field it names (the demo client holds this name).
      await form.getByLabel('客户端名称').fill('FixMyStreet 银川（演示）');
      await create.click();
      await form.getByText('已有同名的客户端').waitFor();
      await form.getByLabel('客户端名称').fill(name);
      await create.click();

      const shown = await dialog(page, '客户端已创建');
      await shown.getByText('API 密钥只显示这一次，关闭后无法再次查看', { exact: false }).waitFor();
      const apiKey = await shown.getByTestId('open311-api-key').innerText();
      expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
      await shown.getByRole('button', { name: '我已复制保存' }).click();
      await shown.waitFor({ state: 'hidden' });

      const row = list.getByRole('row').filter({ hasText: name });
      await row.filter({ hasText: '启用' }).filter({ hasText: apiKey.slice(0, 9) }).waitFor();
      // Once closed, the key is nowhere on the page: only its prefix is listed.
      expect(await page.locator('body').innerText()).not.toContain(apiKey);
      expect((await report(apiKey)).status).toBe(201);

      await row.getByRole('button', { name: `停用 ${name}` }).click();
      await page.getByText('停用此客户端？').waitFor();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /^停\s*用$/ }).click();
      await page.getByText(`已停用 ${name}`).waitFor();
      await row.filter({ hasText: '已停用' }).waitFor();
      await row.getByRole('button', { name: `停用 ${name}` }).waitFor({ state: 'detached' });
      expect((await report(apiKey)).status).toBe(403);
    });
  });

  test('the menu entry is only for those who may manage clients', async () => {
    await withPage(browser(), { user: 'hotline' }, async (page) => {
      await page.goto('/');
      await page.getByRole('menuitem', { name: '诉求办理' }).click();
      await page.getByRole('menuitem', { name: '派单目录' }).waitFor();
      expect(await page.getByRole('menuitem', { name: '外部系统接入' }).count()).toBe(0);
    });
  });
});
