/** Registering a household with two members; a bad ID number is reported under that member's field. */
import { describe, expect, test } from 'vitest';
import { breakCheckDigit, chooseOption, makeIdNumber, uniqueSequence, useBrowser, withPage } from './support.js';

const browser = useBrowser();

describe('new household', () => {
  test('shows the ID number error on the member it belongs to, then saves both members', async () => {
    const sequence = uniqueSequence();
    const headId = makeIdNumber('640105', '19830512', sequence);
    const childId = makeIdNumber('640105', '20120901', sequence);

    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto('/households');
      await page.getByRole('button', { name: /登记新家庭/ }).click();
      await page.getByRole('heading', { name: '登记新家庭' }).waitFor();

      // Region: searched on the server, chosen at community level.
      await page.getByLabel('所属区划（社区/网格）').fill('金波路');
      await chooseOption(page, '金波路社区居委会（640105002003）');
      await page.getByLabel('家庭住址').fill('西夏区北京西路金波路 28 号 1-1-101');

      const head = page.getByTestId('member-0');
      await head.getByLabel('姓名').fill('郑海军');
      await head.getByLabel('身份证号').fill(headId);
      await head.getByLabel('电话').fill('13995110011');

      await page.getByRole('button', { name: /添加成员/ }).click();
      const child = page.getByTestId('member-1');
      await child.getByLabel('与户主关系').click();
      await chooseOption(page, '子女');
      await child.getByLabel('姓名').fill('郑小雨');
      await child.getByLabel('身份证号').fill(breakCheckDigit(childId));

      await page.getByRole('button', { name: /保\s*存/ }).click();
      await child.getByText('身份证号校验位不正确').waitFor();
      expect(await head.getByText('身份证号校验位不正确').count()).toBe(0);
      expect(new URL(page.url()).pathname).toBe('/households/new');

      await child.getByLabel('身份证号').fill(childId);
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(/\/households\/\d+$/);
      await page.getByRole('heading', { name: /郑海军 户/ }).waitFor();
      const members = page.getByTestId('members-table');
      await members.getByRole('row', { name: /郑海军/ }).waitFor();
      await members.getByRole('row', { name: /郑小雨/ }).waitFor();
      await expect.poll(() => members.getByRole('row', { name: /郑小雨/ }).textContent()).toContain('子女');
      await page.getByText('金波路社区居委会（640105002003）').waitFor();
    });
  });
});
