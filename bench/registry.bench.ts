/**
 * Registry benchmark: `npm run bench:registry [-- flags]`. Not a test.
 *
 * For PostgreSQL (a fresh `huimin_bench` database) and embedded PGlite (a temp directory):
 * prepare the database, generate a synthetic Ningxia population, then time the real HTTP
 * API (buildApp + inject, signed in) — person searches, household page, household lists —
 * as administrator and as a county caseworker, and EXPLAIN ANALYZE the SQL each ran.
 *
 *   --persons N          persons on PostgreSQL (default 1,000,000)
 *   --pglite-persons N   persons on PGlite (default 100,000)
 *   --requests N         requests per query kind and user (default 300)
 *   --seed S             synthetic population seed (default 1)
 *   --import-rows N      rows of the import benchmark workbook (default 100,000); --skip-import to leave it out
 *   --no-vacuum          measure right after loading (no VACUUM: no index-only scans until autovacuum runs)
 *   --database-url URL   server to create huimin_bench on (default postgres://postgres@127.0.0.1:5432/postgres)
 *   --skip-postgres, --skip-pglite, --keep (keep the database / directory afterwards)
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { seedSynthetic } from '../server/src/modules/seed/synthetic.js';
import { forEachDatabase, tableSizes, type BenchDatabase } from './lib/databases.js';
import { explainRequest, writePlans, type PlanSummary } from './lib/explain.js';
import { SCOPED_COUNTY, signInAdmin, signInScoped, startApp } from './lib/http.js';
import { benchImport, importFixture, type ImportFigures } from './lib/import.js';
import { markdownTable, ms, textTable, type Latency } from './lib/stats.js';
import { buildWorkload, measure } from './lib/workload.js';

const { values: flags } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    'pglite-persons': { type: 'string', default: '100000' },
    requests: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'skip-postgres': { type: 'boolean', default: false },
    'skip-pglite': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'import-rows': { type: 'string', default: '100000' },
    'skip-import': { type: 'boolean', default: false },
    'no-vacuum': { type: 'boolean', default: false },
  },
});
const positiveInt = (name: string, raw: string) => {
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
};
const REQUESTS = positiveInt('requests', flags.requests!);
const SEED = Number(flags.seed);
const SEARCH_P99_TARGET_MS = 50;

interface GenerationFigures {
  db: string;
  persons: number;
  households: number;
  facts: number;
  seconds: number;
  rate: number;
  vacuumSeconds: number | null;
  sizes: string;
}
interface LatencyRow {
  db: string;
  user: string;
  label: string;
  search: boolean;
  latency: Latency;
}

const generation: GenerationFigures[] = [];
const latencies: LatencyRow[] = [];
const planNotes: string[] = [];
const imports: ImportFigures[] = [];

async function runOne(bench: BenchDatabase, persons: number): Promise<void> {
  const name = bench.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  console.log(`\n== ${name}: generating ${persons.toLocaleString('en')} persons (seed ${SEED}) ==`);
  let last = 0;
  const result = await seedSynthetic(bench.db, {
    persons,
    seed: SEED,
    onProgress: (done) => {
      if (done - last >= persons / 10 || done === persons) {
        last = done;
        process.stdout.write(`  ${done.toLocaleString('en')} persons\n`);
      }
    },
  });
  const seconds = result.ms / 1000;
  console.log(`  ${result.households.toLocaleString('en')} households, ${result.facts.toLocaleString('en')} facts in ${seconds.toFixed(1)} s (${Math.round(result.persons / seconds).toLocaleString('en')} persons/s)`);
  let vacuumSeconds: number | null = null;
  if (!flags['no-vacuum']) {
    // The steady state: autovacuum soon visits bulk-loaded tables; until it has, no index-only scans.
    const started = performance.now();
    await sql`vacuum (analyze) persons, households, facts`.execute(bench.db);
    vacuumSeconds = (performance.now() - started) / 1000;
    console.log(`  vacuum (analyze): ${vacuumSeconds.toFixed(1)} s`);
  }
  const sizes = await tableSizes(bench.db);
  console.log(`  ${sizes}`);
  generation.push({ db: name, persons: result.persons, households: result.households, facts: result.facts, seconds, rate: result.persons / seconds, vacuumSeconds, sizes });

  const app = await startApp(bench);
  try {
    const users = [
      { session: await signInAdmin(app), user: 'admin (all)', workload: await buildWorkload(bench.db, REQUESTS) },
      // Inputs from the caseworker's own county: what they search for, and what they may open.
      { session: await signInScoped(app, bench.db), user: 'caseworker (兴庆区)', workload: await buildWorkload(bench.db, REQUESTS, SCOPED_COUNTY) },
    ];
    const planSections: { title: string; plans: PlanSummary[] }[] = [];
    for (const { session, user, workload } of users) {
      for (const kind of workload) {
        const latency = await measure(session, kind);
        latencies.push({ db: name, user, label: kind.label, search: kind.search, latency });
        console.log(`  ${user.padEnd(18)} ${kind.label.padEnd(30)} p50 ${ms(latency.p50)}  p95 ${ms(latency.p95)}  p99 ${ms(latency.p99)} ms${latency.errors ? `  (${latency.errors} errors)` : ''}`);
        const plans = await explainRequest(bench, session, kind.urls[0]);
        planSections.push({ title: `${name} / ${user} / ${kind.label}: ${kind.urls[0]}`, plans });
        for (const plan of plans) {
          if ((plan.seqScans.length > 0 && plan.executionMs >= 5) || plan.executionMs > SEARCH_P99_TARGET_MS) {
            planNotes.push(`${name} ${user} ${kind.label}: ${plan.seqScans.length ? `seq scan on ${plan.seqScans.join(', ')}` : ''} ${plan.executionMs.toFixed(1)} ms — ${plan.sql.slice(0, 160)}…`);
          }
        }
        if (session.username === 'admin') {
          const used = [...new Set(plans.flatMap((p) => p.indexes))].join(', ');
          console.log(`    indexes: ${used || '(none)'}${plans.some((p) => p.seqScans.length) ? `; seq scan: ${[...new Set(plans.flatMap((p) => p.seqScans))].join(', ')}` : ''}`);
        }
      }
    }
    const file = path.join(os.tmpdir(), `huimin-bench-plans-${bench.kind}.txt`);
    writePlans(file, planSections);
    console.log(`  EXPLAIN ANALYZE plans: ${file}`);
  } finally {
    await app.close();
  }
  if (!flags['skip-import']) {
    const file = await importFixture(positiveInt('import-rows', flags['import-rows']!));
    // PGlite allows one process per data directory: the child takes it over.
    await bench.close();
    const figures = await benchImport(bench, file);
    imports.push(figures);
    console.log(`  import: ${figures.rows.toLocaleString('en')} rows (${figures.inserted} inserted, ${figures.updated} updated${figures.committed ? '' : ', NOT committed'}) in ${figures.seconds.toFixed(1)} s, ${Math.round(figures.rows / figures.seconds).toLocaleString('en')} rows/s, peak RSS ${figures.peakRssMb} MB`);
  }
}

async function main(): Promise<void> {
  console.log(`huimin registry benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, load average ${loadAverage()}`);
  await forEachDatabase(
    {
      skipPostgres: flags['skip-postgres']!, skipPglite: flags['skip-pglite']!, databaseUrl: flags['database-url']!, keep: flags.keep!,
      postgresPersons: positiveInt('persons', flags.persons!), pglitePersons: positiveInt('pglite-persons', flags['pglite-persons']!),
    },
    runOne,
  );
  printSummary();
}

/** 1/5/15-minute load averages: with two cores, anything above ~2 means other work competed for the CPU. */
const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

function printSummary(): void {
  console.log(`\nload average at the end: ${loadAverage()} (figures are noisy when it exceeds the ${os.cpus().length} cores)`);
  const genHeader = ['database', 'persons', 'households', 'facts', 'time (s)', 'persons/s', 'vacuum (s)', 'table sizes'];
  const genRows = generation.map((g) => [
    g.db, g.persons.toLocaleString('en'), g.households.toLocaleString('en'), g.facts.toLocaleString('en'), g.seconds.toFixed(1),
    Math.round(g.rate).toLocaleString('en'), g.vacuumSeconds === null ? '-' : g.vacuumSeconds.toFixed(1), g.sizes,
  ]);
  const latHeader = ['database', 'user', 'request', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', ''];
  const latRows = latencies.map((r) => [
    r.db, r.user, r.label, String(r.latency.n), ms(r.latency.p50), ms(r.latency.p95), ms(r.latency.p99), ms(r.latency.max),
    r.latency.errors ? `${r.latency.errors} errors` : r.search ? (r.latency.p99 < SEARCH_P99_TARGET_MS ? 'ok' : `p99 ≥ ${SEARCH_P99_TARGET_MS}`) : '',
  ]);
  console.log('\n== Generation ==\n' + textTable(genHeader, genRows));
  console.log('\n== API latency (sequential requests via app.inject) ==\n' + textTable(latHeader, latRows));
  const impHeader = ['database', 'rows', 'inserted', 'updated', 'time (s)', 'rows/s', 'RSS before MB', 'peak RSS MB (rusage)', 'peak RSS MB (50 ms samples)'];
  const impRows = imports.map((i) => [
    i.db, i.rows.toLocaleString('en'), i.inserted.toLocaleString('en'), i.updated.toLocaleString('en'), i.seconds.toFixed(1),
    Math.round(i.rows / i.seconds).toLocaleString('en'), String(i.baselineRssMb), String(i.peakRssMb), String(i.sampledPeakRssMb),
  ]);
  if (imports.length) console.log('\n== Import (importFile, child process) ==\n' + textTable(impHeader, impRows));
  console.log(planNotes.length ? `\n== Plans to look at ==\n${planNotes.join('\n')}` : '\nNo captured registry query ran a sequential scan of 5 ms or more, or longer than 50 ms, under EXPLAIN ANALYZE.');
  console.log('\n== Markdown ==\n' + markdownTable(genHeader, genRows) + '\n\n' + markdownTable(latHeader, latRows));
  if (imports.length) console.log('\n' + markdownTable(impHeader, impRows));
}

await main();
