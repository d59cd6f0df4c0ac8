/** Recording and ending facts on a household page; a wrong certificate number is shown under its field. */
import { describe, test } from 'vitest';
import { chooseOption, dialog, useBrowser, withPage } from './support.js';

const browser = useBrowser();

describe('household facts', () => {
  test('a disability certificate error lands on its field; a special-family fact is recorded and ended', async () => {
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto('/households?q=zlj');
      await page.getByRole('link', { name: '赵丽娟' }).click();
      await page.getByRole('heading', { name: /赵丽娟 户/ }).waitFor();

      await page.getByRole('button', { name: /记录信息/ }).click();
      let form = await dialog(page, '记录信息');
      await form.getByLabel('记录对象').click();
      await chooseOption(page, '赵一鸣');
      await form.getByLabel('信息类别').click();
      await chooseOption(page, '残疾');
      await form.getByLabel('残疾类别').click();
      await chooseOption(page, '肢体');
      await form.getByLabel('残疾等级').click();
      await chooseOption(page, '二级');
      await form.getByLabel('残疾证号').fill('64010620120925');
      await form.getByLabel('信息来源').fill('残联证件库');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.getByText('残疾证号应为 20 位').waitFor();
      await form.getByRole('button', { name: /取\s*消/ }).click();
      await form.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: /记录信息/ }).click();
      form = await dialog(page, '记录信息');
      await form.getByLabel('信息类别').click();
      await chooseOption(page, '特殊家庭');
      await form.getByLabel('特殊家庭类型').click();
      await chooseOption(page, '孤儿');
      await form.getByLabel('信息来源').fill('入户核查');
      // Dates away from "today": the server's date and the browser's can differ around midnight.
      await form.getByLabel('生效日期').fill('2025-06-01');
      await form.getByLabel('生效日期').press('Enter');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.waitFor({ state: 'hidden' });

      const row = page.getByTestId('facts-current').getByRole('row', { name: /孤儿/ });
      await row.getByRole('button', { name: '结束' }).click();
      const end = await dialog(page, '结束信息');
      await end.getByLabel('失效日期').fill('2026-01-01');
      await end.getByLabel('失效日期').press('Enter');
      await end.getByRole('button', { name: /确认结束/ }).click();
      await end.waitFor({ state: 'hidden' });
      await row.waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: /历史/ }).click();
      await page.getByTestId('facts-history').getByRole('row', { name: /孤儿/ }).first().waitFor();
    });
  });
});
