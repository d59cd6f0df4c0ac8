/**
 * 诉求分析: the 12345 operator opens the dashboard from the menu and sees the demo's appeals of
 * the last 30 days — the counts the API gives, the five charts drawn, the oldest open appeals —
 * and follows one to its page; narrowing to a category changes the figures.
 */
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe('appeal dashboard', () => {
  test('the operator sees the period’s figures and charts, and opens the oldest open appeal', async () => {
    await withPage(browser(), { user: 'hotline', password: DEMO_PASSWORD }, async (page, context) => {
      // The default period: the last 30 Beijing days, today included.
      const to = beijingDay(Date.now());
      const from = beijingDay(Date.now() - 29 * 86_400_000);
      const response = await context.request.get(`/api/appeals/dashboard?from=${from}&to=${to}`);
      expect(response.ok()).toBe(true);
      const expected = await response.json();
      // The demo: the six appeals of the newspaper column (five closed after a satisfied call, one awaiting its call) and two still open.
      expect(expected.totals.received).toBeGreaterThanOrEqual(8);
      expect(expected.totals.closed).toBeGreaterThanOrEqual(5);
      expect(expected.satisfaction.satisfied).toBeGreaterThanOrEqual(5);
      expect(expected.oldestOpen.length).toBeGreaterThanOrEqual(2);

      await page.goto('/');
      await page.getByRole('menuitem', { name: '诉求办理' }).click();
      await page.getByRole('menuitem', { name: '诉求分析' }).click();
      await page.waitForURL('**/appeals/dashboard');
      await page.getByRole('heading', { name: '诉求分析' }).waitFor();
      await page.getByTestId('dashboard-as-of').getByText(/数据更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();

      const figure = (key: string) => page.getByTestId(`figure-${key}`).locator('.ant-statistic-content');
      await expect.poll(() => figure('received').innerText()).toBe(String(expected.totals.received));
      expect(await figure('open').innerText()).toBe(String(expected.totals.open));
      expect(await figure('closed').innerText()).toBe(String(expected.totals.closed));
      expect(await figure('overdue').innerText()).toBe(String(expected.totals.overdue));
      const rate = expected.satisfaction.rate === null ? '—' : `${(expected.satisfaction.rate * 100).toFixed(1)}%`;
      expect(await figure('satisfaction').innerText()).toBe(rate);

      // Every chart is drawn on a canvas.
      for (const chart of ['按类别', '按区域', '每日受理量', '满意度回访', '按时答复率']) {
        await page.getByRole('img', { name: chart, exact: true }).locator('canvas').first().waitFor();
      }

      // The oldest open appeals, oldest first, each a link to its page.
      const table = page.getByTestId('oldest-open');
      const first = expected.oldestOpen[0];
      const link = table.getByRole('link', { name: first.number });
      await link.waitFor();
      expect(await table.locator('tbody tr.ant-table-row').count()).toBe(expected.oldestOpen.length);
      await link.click();
      await page.waitForURL(`**/appeals/${first.id}`);
      await page.getByText(first.number).first().waitFor();

      // A category narrows every figure; the filters stay in the address.
      await page.goto(`/appeals/dashboard?categoryCode=noise`);
      const noise = await (await context.request.get(`/api/appeals/dashboard?from=${from}&to=${to}&categoryCode=noise`)).json();
      expect(noise.totals.received).toBeLessThan(expected.totals.received);
      await expect.poll(() => figure('received').innerText()).toBe(String(noise.totals.received));
    });
  });
});
