/** Signing in: a wrong password, the right one, and the forced change of a generated first password. */
import { describe, expect, test } from 'vitest';
import { adminPassword, apiAs, DEMO_PASSWORD, signInThroughForm, useBrowser, withPage } from './support.js';

const browser = useBrowser();

describe('sign-in', () => {
  test('a wrong password is refused with a Chinese message', async () => {
    await withPage(browser(), {}, async (page) => {
      await page.goto('/households');
      await page.waitForURL(/\/sign-in/);
      await signInThroughForm(page, 'leader', 'not-the-password');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码错误');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    });
  });

  test('the right password lands on the home page, and signing out returns to sign-in', async () => {
    await withPage(browser(), {}, async (page) => {
      await signInThroughForm(page, 'caseworker', DEMO_PASSWORD);
      await page.getByRole('heading', { name: '首页' }).waitFor();
      await page.getByText('欢迎，银川市总工会 帮扶干部 陈静').waitFor();
      await page.getByRole('menuitem', { name: /家庭台账/ }).waitFor();

      await page.getByRole('button', { name: '用户菜单' }).click();
      await page.getByRole('menuitem', { name: /退出登录/ }).click();
      await page.waitForURL(/\/sign-in/);
      await page.goto('/');
      await page.waitForURL(/\/sign-in/);
    });
  });

  test('a user created with a generated password must change it at first sign-in', async () => {
    const admin = await apiAs('admin', adminPassword());
    const orgs: { id: number; name: string }[] = await admin.get('/api/organisations');
    const union = orgs.find((o) => o.name === '银川市总工会')!;
    const username = `e2e_${Date.now().toString(36)}`;
    const created = await admin.post('/api/users', { username, displayName: '新帮扶干部 测试', orgId: union.id, roleCodes: ['caseworker'] });
    await admin.dispose();
    expect(created.generatedPassword).toBeTruthy();

    await withPage(browser(), {}, async (page) => {
      await signInThroughForm(page, username, created.generatedPassword);
      await page.waitForURL(/\/change-password/);
      await page.getByText('首次登录须先修改密码').waitFor();

      // Nothing else opens until the password is changed.
      await page.goto('/households');
      await page.waitForURL(/\/change-password/);

      await page.getByLabel('当前密码').fill(created.generatedPassword);
      await page.getByLabel('新密码', { exact: true }).fill('short1');
      await page.getByRole('button', { name: '确认修改' }).click();
      await page.getByText('至少 10 位，须包含字母和数字').first().waitFor();

      await page.getByLabel('新密码', { exact: true }).fill('Changed-pass-2026');
      await page.getByLabel('确认新密码').fill('Changed-pass-2026');
      await page.getByRole('button', { name: '确认修改' }).click();
      await page.getByRole('heading', { name: '首页' }).waitFor();
      await page.goto('/households');
      await page.getByRole('heading', { name: '家庭台账' }).waitFor();
    });
  });
});
