/**
 * Child process of the import benchmark: imports one workbook with importFile into an
 * already prepared database and prints one JSON line with its figures, so the parent reads
 * this process's own peak RSS (getrusage), untouched by the benchmark's other work.
 *
 *   node bin/tsx.mjs bench/lib/import-child.ts --file F.xlsx (--database-url URL | --data-dir DIR)
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemActor } from '../../server/src/kernel/auth/actor.js';
import { openDatabase } from '../../server/src/kernel/db/open.js';
import { importFile } from '../../server/src/modules/registry/transfer/import.service.js';

const { values } = parseArgs({ options: { file: { type: 'string' }, 'database-url': { type: 'string' }, 'data-dir': { type: 'string' } } });
let sampledPeak = process.memoryUsage().rss;
const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 50);
const opened = await openDatabase<any>({ databaseUrl: values['database-url'] ?? null, dataDir: values['data-dir'] ?? 'memory://' });
try {
  const root = await sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`.execute(opened.db);
  const actor = { ...systemActor('bench-import'), orgId: Number(root.rows[0].id) };
  const baselineRss = process.memoryUsage().rss;
  const started = performance.now();
  const result = await importFile(opened.db, actor, {
    kind: 'persons',
    fileName: values.file!.split('/').pop()!,
    filePath: values.file!,
    mode: 'update',
    policy: 'all_or_nothing',
    dryRun: false,
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  console.log(JSON.stringify({
    rows: result.rows,
    valid: result.valid,
    invalid: result.invalid,
    inserted: result.inserted,
    updated: result.updated,
    committed: result.committed,
    ms: Math.round(ms),
    baselineRssMb: mb(baselineRss),
    sampledPeakRssMb: mb(sampledPeak),
    // ru_maxrss, in kilobytes on Linux: the true peak, including the start-up before sampling began.
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }));
} finally {
  clearInterval(sampler);
  await opened.close();
}
