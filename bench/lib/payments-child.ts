/**
 * Child process of the payments benchmark: one payment run (createPaymentRun, the code the API
 * and CLI run) or one roll comparison, then one JSON line with its time and this process's own
 * peak RSS, untouched by the parent's data generation.
 *
 *   node bin/tsx.mjs bench/lib/payments-child.ts --database-url URL --period 2026-05 [--policy CODE ...]
 *   node bin/tsx.mjs bench/lib/payments-child.ts --database-url URL --roll FILE.csv
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { systemActor } from '../../server/src/kernel/auth/actor.js';
import { openDatabase } from '../../server/src/kernel/db/open.js';
import { checkLedger } from '../../server/src/modules/benefits/payments/ledger-check.js';
import { createPaymentRun } from '../../server/src/modules/benefits/payments/runs.service.js';

const { values } = parseArgs({
  options: { 'database-url': { type: 'string' }, period: { type: 'string' }, policy: { type: 'string', multiple: true }, roll: { type: 'string' } },
});
let sampledPeak = process.memoryUsage().rss;
const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 50);
const opened = await openDatabase<any>({ databaseUrl: values['database-url']!, dataDir: '' });
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
try {
  const actor = systemActor('bench-payments');
  const baselineRss = process.memoryUsage().rss;
  const started = performance.now();
  let figures: Record<string, unknown>;
  if (values.roll) {
    const { runComparison } = await import('../../server/src/modules/comparisons/comparisons.service.js');
    const result = await runComparison(opened.db, actor, { kind: 'dibao', fileName: values.roll.split('/').pop()!, bytes: fs.readFileSync(values.roll) });
    figures = { comparison: result.id, counts: result.counts };
  } else {
    const { run, created } = await createPaymentRun(opened.db, actor, { period: values.period!, policyCodes: values.policy ?? [] });
    figures = { runId: run.id, created, lines: run.lineCount, amountFen: run.amountFen, corrections: run.corrections };
  }
  const ms = performance.now() - started;
  const checkStarted = performance.now();
  const checks = values.roll ? [] : await checkLedger(opened.db);
  console.log(JSON.stringify({
    ...figures,
    ms: Math.round(ms),
    ledgerCheckMs: values.roll ? null : Math.round(performance.now() - checkStarted),
    ledgerOk: checks.every((c) => c.ok),
    baselineRssMb: mb(baselineRss),
    sampledPeakRssMb: mb(Math.max(sampledPeak, process.memoryUsage().rss)),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }));
} finally {
  clearInterval(sampler);
  await opened.db.destroy();
}
