#!/usr/bin/env node
// `npm run test:e2e`: the browser journeys (vitest project "e2e"); extra arguments pass through,
// e.g. `npm run test:e2e -- e2e/search`. HUIMIN_SCREENSHOTS=1 also refreshes docs/screenshots/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  console.error(`浏览器测试需要 Chromium（${CHROMIUM}）：apt-get install chromium fonts-noto-cjk`);
  console.error(`The browser journeys need Chromium at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk`);
  process.exit(1);
}
const result = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
