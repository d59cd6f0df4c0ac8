/**
 * The README's screenshots of the demo data (households, a household, a payment run, the ledger, a plan, a partner's inbox). Every run takes
 * them into .test-output/screenshots/; HUIMIN_SCREENSHOTS=1 writes them to docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { apiAs, DEMO_PASSWORD, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(ROOT, process.env.HUIMIN_SCREENSHOTS === '1' ? 'docs/screenshots' : '.test-output/screenshots');

describe('README screenshots', () => {
  test('household list and household page', async () => {
    fs.mkdirSync(DOCS, { recursive: true });
    await withPage(browser(), { user: 'caseworker', viewport: { width: 1440, height: 960 } }, async (page) => {
      await page.goto('/households');
      await page.getByRole('row', { name: /王建国/ }).waitFor();
      await page.screenshot({ path: path.join(DOCS, 'households.png') });

      await page.getByRole('link', { name: '王建国' }).first().click();
      await page.getByTestId('facts-current').getByText('已脱敏').waitFor();
      await page.setViewportSize({ width: 1440, height: 1500 });
      await page.getByRole('heading', { name: /王建国 户/ }).waitFor();
      await page.screenshot({ path: path.join(DOCS, 'household.png') });
    });
  });

  test('a monthly payment run and the monthly ledger', async () => {
    fs.mkdirSync(DOCS, { recursive: true });
    const api = await apiAs('policy', DEMO_PASSWORD);
    // The month's run (or the one already made by another journey).
    const runs: Array<{ id: number; period: string; policyCodes: string[]; status: string }> = await api.get('/api/payment-runs');
    const existing = runs.find((r) => r.period === '2026-05' && r.policyCodes.length === 0 && r.status !== 'rejected');
    const runId = existing?.id ?? (await api.post('/api/payment-runs', { period: '2026-05' })).runId;
    await api.dispose();
    await withPage(browser(), { user: 'policy', viewport: { width: 1440, height: 1000 } }, async (page) => {
      await page.goto(`/payments/${runId}`);
      await page.getByText('按资金来源').waitFor();
      await page.locator('canvas').first().waitFor();
      await page.waitForTimeout(800); // the charts' entry animation
      await page.screenshot({ path: path.join(DOCS, 'payment-run.png'), fullPage: true });
      await page.goto('/ledger?month=2026-05');
      await page.getByRole('row', { name: /工会暖心卡/ }).first().waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(DOCS, 'ledger.png'), fullPage: true });
    });
  });

  test('a household plan and the partner inbox', async () => {
    fs.mkdirSync(DOCS, { recursive: true });
    await withPage(browser(), { user: 'xixia', viewport: { width: 1440, height: 1100 } }, async (page) => {
      await page.goto('/households?q=王建国');
      await page.getByRole('link', { name: '王建国' }).first().click();
      await page.getByRole('tab', { name: '帮扶计划' }).click();
      await page.getByTestId('plan-board').getByText('专项医疗救助金 5 万元').waitFor();
      await page.screenshot({ path: path.join(DOCS, 'plan.png'), fullPage: true });
    });
    // The hospital's whole inbox: other journeys answer and reassign referrals, but the seed's stay in it.
    await withPage(browser(), { user: 'hospital', viewport: { width: 390, height: 844 }, mobile: true }, async (page) => {
      await page.goto('/inbox?state=all');
      await page.getByTestId('inbox').getByRole('button').first().waitFor();
      await page.screenshot({ path: path.join(DOCS, 'inbox-phone.png') });
    });
  });
});
