/** The working calendar: an administrator sees the official holidays, marks a local holiday, tries a time limit on it, and undoes it. */
import { describe, test } from 'vitest';
import { adminPassword, dialog, useBrowser, withPage } from './support.js';

const browser = useBrowser();

describe('working calendar', () => {
  test('an administrator corrects a day and a time limit counted on it moves', async () => {
    await withPage(browser(), { user: 'admin', password: adminPassword() }, async (page) => {
      await page.goto('/admin/calendar');
      const days = page.getByTestId('calendar-days');
      await days.getByRole('row', { name: /2026-10-01.*休息.*国庆节.*官方日历/ }).waitFor();
      await days.getByRole('row', { name: /2026-10-10.*上班.*国庆节/ }).waitFor();

      await page.getByRole('button', { name: '调整某天' }).click();
      const form = await dialog(page, '调整某天');
      await form.getByLabel('日期').fill('2026-12-16');
      await form.getByLabel('日期').press('Enter');
      await form.getByLabel('说明').fill('地方性假日');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.waitFor({ state: 'hidden' });
      const row = days.getByRole('row', { name: /2026-12-16.*休息.*地方性假日.*管理员调整/ });
      await row.waitFor();

      // Tuesday 2026-12-15 + 1 working day: Wednesday the 16th is off now, so the day runs out at the end of Thursday.
      await page.getByLabel('开始时间').fill('2026-12-15 10:00:00');
      await page.getByLabel('开始时间').press('Enter');
      await page.getByLabel('时限').fill('1');
      await page.getByRole('button', { name: '计算到期时间' }).click();
      await page.getByTestId('due-result').getByText(/2026-12-18 00:00/).waitFor();

      await row.getByRole('button', { name: '撤销调整' }).click();
      await row.waitFor({ state: 'hidden' });
    });
  });
});
