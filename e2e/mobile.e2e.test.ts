/** On a phone (390×844): the household list is a list of cards and the menu opens as a drawer. */
import { describe, expect, test } from 'vitest';
import { useBrowser, withPage } from './support.js';

const browser = useBrowser();

describe('phone layout', () => {
  test('households render as cards and the menu is a drawer', async () => {
    await withPage(browser(), { user: 'caseworker', viewport: { width: 390, height: 844 }, mobile: true }, async (page) => {
      await page.goto('/households');
      await page.getByRole('heading', { name: '家庭台账' }).waitFor();
      await page.getByTestId('household-card').first().waitFor();
      expect(await page.getByTestId('household-card').count()).toBeGreaterThanOrEqual(10);
      expect(await page.locator('.ant-table').count()).toBe(0);
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);

      await page.getByRole('button', { name: '打开菜单' }).click();
      const drawer = page.locator('.nav-drawer');
      await drawer.getByRole('menuitem', { name: /人员查询/ }).click();
      await page.waitForURL(/\/persons$/);
      await drawer.waitFor({ state: 'hidden' });

      await page.goto('/households');
      await page.getByTestId('household-card').filter({ hasText: '王建国' }).click();
      await page.getByRole('heading', { name: /王建国 户/ }).waitFor();
    });
  });
});
