/** One search box finds people by pinyin initials and by ID number, in the person and household lists. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, DEMO_PASSWORD, useBrowser, withPage } from './support.js';

const browser = useBrowser();

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByPlaceholder('姓名、拼音首字母（如 wjg）、身份证号或电话');
  await box.fill(text);
  await box.press('Enter');
}

describe('search', () => {
  test('"wjg" finds 王建国 among persons and households', async () => {
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto('/persons');
      await search(page, 'wjg');
      await page.getByRole('row', { name: /王建国/ }).waitFor();
      await page.getByText('共 1 条').waitFor();
      expect(new URL(page.url()).searchParams.get('q')).toBe('wjg');

      await page.goto('/households');
      await search(page, 'wjg');
      await page.getByText('共 1 条').waitFor();
      await page.getByRole('row', { name: /王建国/ }).getByRole('link', { name: '王建国' }).click();
      await page.getByRole('heading', { name: /王建国 户/ }).waitFor();
    });
  });

  test('a full ID number finds its person', async () => {
    // The clear number comes from the audited reveal, as a caseworker would read it off a document.
    const api = await apiAs('caseworker', DEMO_PASSWORD);
    const found = await api.get('/api/persons?q=wjg');
    const { idNumber } = await api.post(`/api/persons/${found.items[0].id}/reveal`, { fields: ['idNumber'], reason: '核对身份证件' });
    await api.dispose();
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);

    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto('/persons');
      await search(page, idNumber);
      await page.getByText('共 1 条').waitFor();
      await page.getByRole('row', { name: /王建国/ }).waitFor();

      await search(page, '000000000000000000');
      await page.getByText('没有符合条件的记录').waitFor();
    });
  });
});
