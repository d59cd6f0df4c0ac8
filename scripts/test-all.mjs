#!/usr/bin/env node
/**
 * `npm test`: every suite, in order — typecheck, unit tests, API tests on embedded PGlite,
 * the same API tests on the PostgreSQL server, browser tests — then one summary line
 * "N passed, N failed[, N skipped]" counted over all of them.
 *
 * TEST_DATABASE_URL names the PostgreSQL server (default: postgres://postgres@127.0.0.1:5432/postgres).
 * Outside CI a missing server or Chromium skips that suite with a warning; in CI (CI=true) it fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const OUT = '.test-output';
fs.mkdirSync(OUT, { recursive: true });
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const failures = [];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function vitest(label, project, env = {}) {
  const report = path.join(OUT, `${label}.json`);
  fs.rmSync(report, { force: true });
  console.log(`\n=== ${label} ===`);
  const status = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`], env);
  if (!fs.existsSync(report)) {
    totals.failed += 1;
    lines.push(`${label}: runner failed (exit ${status}) before reporting`);
    return;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  const passed = json.numPassedTests;
  const failed = json.numFailedTests + (status !== 0 && json.numFailedTests === 0 ? 1 : 0);
  const skipped = json.numPendingTests + json.numTodoTests;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  failures.push(...failedTests(label, json));
}

/** The failed tests (or files that failed to load) with the first line of each message: CI shows only the tail. */
function failedTests(label, json) {
  const found = [];
  for (const file of json.testResults ?? []) {
    const where = path.relative(process.cwd(), file.name);
    const failedHere = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedHere) found.push(`${label} ✗ ${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (failedHere.length === 0 && file.status === 'failed') found.push(`${label} ✗ ${where}: ${firstLine(file.message)}`);
  }
  return found;
}

function firstLine(text) {
  return String(text ?? '').split('\n')[0].slice(0, 300);
}

function skipSuite(label, reason) {
  if (inCi) {
    totals.failed += 1;
    lines.push(`${label}: FAILED — ${reason}`);
  } else {
    lines.push(`${label}: not run — ${reason}`);
    console.warn(`\n!!! ${label} not run: ${reason}`);
  }
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 5432) });
    socket.setTimeout(2000);
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
  });
}

console.log('=== typecheck ===');
const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json']) + run('npx', ['tsc', '-p', 'web/tsconfig.json']);
if (typecheck === 0) totals.passed += 1;
else totals.failed += 1;
lines.push(`typecheck: ${typecheck === 0 ? 'passed' : 'FAILED'}`);

vitest('unit', 'unit');
vitest('api-pglite', 'api', { TEST_DATABASE_URL: '' });
if (await reachable(pgUrl)) vitest('api-postgres', 'api', { TEST_DATABASE_URL: pgUrl });
else skipSuite('api-postgres', `no PostgreSQL server at ${pgUrl}`);
if (fs.existsSync('/usr/bin/chromium')) vitest('browser', 'e2e');
else skipSuite('browser', 'Chromium not found at /usr/bin/chromium (apt-get install chromium)');

if (failures.length > 0) console.log(`\nFailed:\n${failures.join('\n')}`);
console.log(`\n${lines.join('\n')}`);
const skippedPart = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skippedPart}`);
process.exit(totals.failed > 0 ? 1 : 0);
