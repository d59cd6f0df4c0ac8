/**
 * The citizen's side, on a phone and without signing in: an appeal sent while the network is
 * down waits on the phone and goes out once the network is back; an appeal whose answer is lost
 * on the way back is retried with the same key and stored once; the caller follows it by number
 * and phone; the public digest shows the seed column's answers.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiAs, chooseOption, DEMO_PASSWORD, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const PHONE = { width: 390, height: 844 };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');

async function fillAppeal(page: Page, description: string, phone: string): Promise<void> {
  await page.goto('/appeal');
  await page.getByLabel('诉求类别').click();
  await chooseOption(page, '道路设施');
  await page.getByLabel('诉求内容').fill(description);
  await page.getByLabel('所在区域').fill('金波路');
  await chooseOption(page, '金波路社区居委会（640105002003）');
  await page.getByLabel('详细地址').fill('西夏区金波路口');
  await page.getByLabel('联系电话').fill(phone);
}

async function storedWith(description: string): Promise<Array<{ number: string; channel: string; files: number }>> {
  const hotline = await apiAs('hotline', DEMO_PASSWORD);
  try {
    const found = await hotline.get(`/api/appeals?q=${encodeURIComponent(description.slice(0, 12))}&pageSize=50`);
    const mine = found.items.filter((a: { description: string }) => a.description === description);
    return await Promise.all(mine.map(async (a: { id: number; number: string; channel: string }) => ({ ...a, files: (await hotline.get(`/api/appeals/${a.id}/files`)).length })));
  } finally {
    await hotline.dispose();
  }
}

describe('the public appeal form', () => {
  test('sent offline, the appeal waits on the phone and goes out once when the network is back', async () => {
    const description = `井盖松动，夜里车压过哐哐响（离线 ${Date.now()}）`;
    await withPage(browser(), { viewport: PHONE, mobile: true }, async (page, context) => {
      await fillAppeal(page, description, '13909516001');
      await page.locator('input[type=file]').setInputFiles({ name: '井盖.png', mimeType: 'image/png', buffer: PNG });
      await page.locator('.ant-upload-list-item').first().waitFor();
      await context.setOffline(true);
      await page.getByRole('button', { name: '提交诉求' }).click();
      await page.getByText('网络中断，您的诉求已保存在本机').waitFor();
      expect(await storedWith(description)).toHaveLength(0);
      await context.setOffline(false);
      const done = page.getByText(/已受理，诉求编号 \d{14}/);
      await done.waitFor();
      const number = (await done.textContent())!.match(/\d{14}/)![0];
      await page.getByText(/已派至银川市城市管理局/).waitFor();
      const stored = await storedWith(description);
      expect(stored).toHaveLength(1);
      // The photo waited in the page and followed the appeal.
      expect(stored[0]).toMatchObject({ number, channel: 'web', files: 1 });

      // Following it by number and phone; a wrong phone tells nothing.
      await page.getByRole('button', { name: '查询进度' }).click();
      await page.getByLabel('提交时留下的联系电话').fill('13900000000');
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await page.getByText('请核对诉求编号和留下的联系电话').waitFor();
      await page.getByLabel('提交时留下的联系电话').fill('13909516001');
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await page.getByText(`诉求 ${number}`).waitFor();
      await page.getByText('已派单', { exact: true }).first().waitFor();
      expect(await page.getByText('银川市城市管理局').count()).toBeGreaterThan(0);
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
      expect(scroll).toBeLessThanOrEqual(width);
    });
  });

  test('when the answer is lost on the way back, the retry returns the appeal already stored', async () => {
    const description = `井盖松动（回包丢失 ${Date.now()}）`;
    await withPage(browser(), { viewport: PHONE, mobile: true }, async (page) => {
      let attempts = 0;
      await page.route('**/api/public/appeals', async (route) => {
        attempts += 1;
        const response = await route.fetch();
        // The server has stored it; the phone never hears so.
        if (attempts === 1) return route.abort('connectionreset');
        return route.fulfill({ response });
      });
      await fillAppeal(page, description, '13909516002');
      await page.getByRole('button', { name: '提交诉求' }).click();
      await page.getByText('网络中断，您的诉求已保存在本机').waitFor();
      await page.getByText(/已受理，诉求编号 \d{14}/).waitFor({ timeout: 30_000 });
      expect(attempts).toBe(2);
      expect(await storedWith(description)).toHaveLength(1);
    });
  });
});

describe('the public digest', () => {
  test('shows the column’s answers without personal data, by category', async () => {
    await withPage(browser(), { viewport: PHONE, mobile: true }, async (page) => {
      await page.goto('/digest');
      await page.getByText('兴庆区玉皇阁街装饰灯带白天常亮，存在浪费行为。').waitFor();
      await page.getByText('原州区福满苑小区附近早市有流动摊贩使用高音喇叭，影响居民正常休息，要求协调处理。').waitFor();
      expect(await page.locator('.digest-entry').count()).toBeGreaterThanOrEqual(6);
      expect(await page.locator('body').innerText()).not.toMatch(/1[3-9]\d{9}/);
      await page.getByLabel('按类别筛选').click();
      await chooseOption(page, '通信设施');
      await expect.poll(() => page.locator('.digest-entry').count()).toBe(1);
      await page.getByText(/宁夏交投高速公路管理有限公司银川事业部/).waitFor();
    });
  });
});
