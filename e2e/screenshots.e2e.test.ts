/**
 * The README's screenshots (households.png and household.png) of the demo data. Every run takes
 * them into .test-output/screenshots/; HUIMIN_SCREENSHOTS=1 writes them to docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { useBrowser, withPage } from './support.js';

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
});
