/** A household's 困难评估 tab: the demo's 2026 assessment is there, and a caseworker reassesses it with a second cause. */
import { describe, test } from 'vitest';
import { chooseOption, dialog, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const HEAD = '孙海燕';

describe('assessments', () => {
  test('a caseworker sees the year’s assessment and reassesses it with a second cause', async () => {
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto(`/households?q=${encodeURIComponent(HEAD)}`);
      await page.getByRole('link', { name: HEAD }).first().click();
      await page.getByRole('heading', { name: new RegExp(`${HEAD} 户`) }).waitFor();
      await page.getByRole('tab', { name: '困难评估' }).click();
      const tab = page.getByTestId('household-assessment');
      await tab.getByText('单亲或丧偶·较重').waitFor();

      await tab.getByRole('button', { name: '重新评估' }).click();
      const form = await dialog(page, '重新评估');
      await form.getByRole('button', { name: '添加原因' }).click();
      await form.getByLabel('致困原因').last().click();
      await chooseOption(page, '失业');
      await form.getByLabel('困难程度').last().click();
      await chooseOption(page, '严重');
      await form.getByLabel('就业').check();
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.waitFor({ state: 'hidden' });
      await tab.getByText('失业·严重').waitFor();
      await tab.getByText('单亲或丧偶·较重').waitFor();
      await tab.getByText(/银川市总工会 帮扶干部 陈静/).waitFor();
    });
  });
});
