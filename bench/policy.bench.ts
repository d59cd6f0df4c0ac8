/**
 * Policy benchmark: `npm run bench:policy [-- flags]`. Not a test: nothing asserts.
 *
 * For PostgreSQL (a fresh `huimin_bench` database) and embedded PGlite (a temp directory):
 * synthetic population, the facts it lacks, ~20 policies (the Ningxia pack + bench/lib/policy-extra.ts),
 * enrollments for ~70% of the eligible plus stale ones; then, side by side:
 *   (a)/(b) huimin's population run of every policy with its candidate lists (startRun + wait);
 *   (c) hand-written SQL doing the same work in one transaction (the floor), counts checked;
 *   (d) json-rules-engine, (e) @gorules/zen-engine, (f) a plain JavaScript loop, record by record
 *       over huimin's subject rows (a sample, once, on the first database), projected to the population;
 *   (g) evaluateHousehold (one household, every policy, with explanations): p50/p99.
 *
 *   --persons N            persons on PostgreSQL (default 1,000,000; 10,000,000 works too)
 *   --pglite-persons N     persons on PGlite (default 100,000)
 *   --eval-persons N       persons in the record-by-record sample (default 100,000)
 *   --households-sample N  households for the single-household latency (default 300)
 *   --seed S               synthetic population seed (default 1)
 *   --database-url URL     server to create huimin_bench on (default postgres://postgres@127.0.0.1:5432/postgres)
 *   --skip-postgres, --skip-pglite, --skip-engines (no d/e/f), --no-explain (no replay of the run), --keep
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemActor } from '../server/src/kernel/auth/actor.js';
import { today } from '../server/src/modules/policies/evaluation.service.js';
import { getRun, startRun } from '../server/src/modules/policies/runs/runs.service.js';
import { seedSynthetic } from '../server/src/modules/seed/synthetic.js';
import { forEachDatabase, tableSizes, type BenchDatabase } from './lib/databases.js';
import { addDeaths, addMissingFacts, ensurePolicyOrgs, loadPolicies, seedEnrollments } from './lib/policy-data.js';
import { agrees, evaluations, householdLatency, loadSample, runJs, runJsonRulesEngine, runZen, type EngineFigures, type HouseholdLatency, type Sample } from './lib/policy-engines.js';
import { explainRun, type Step } from './lib/policy-explain.js';
import { runHandWritten, type HandCounts } from './lib/policy-sql.js';
import { markdownTable, ms, textTable } from './lib/stats.js';

const { values: flags } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    'pglite-persons': { type: 'string', default: '100000' },
    'eval-persons': { type: 'string', default: '100000' },
    'households-sample': { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'skip-postgres': { type: 'boolean', default: false },
    'skip-pglite': { type: 'boolean', default: false },
    'skip-engines': { type: 'boolean', default: false },
    'no-explain': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const positiveInt = (name: string, raw: string) => {
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
};
const SEED = Number(flags.seed);
const TARGET = { runSecondsAt1M: 5, ratioToSql: 1.3, timesJre: 20, householdP99Ms: 5 };
const actor = systemActor('bench');
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const secs = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

interface DbFigures {
  db: string;
  persons: number;
  households: number;
  facts: number;
  generationSeconds: number;
  extraFacts: number;
  deaths: number;
  enrolled: number;
  olderAmount: number;
  stale: number;
  seedRunSeconds: number;
  sizes: string;
  /** 1-minute load average just before the measured run. */
  load: string;
  runSeconds: number;
  handSeconds: number;
  /** Per policy: huimin's counts and the hand-written SQL's, with the comparison. */
  policies: Array<{ code: string; target: string; eligible: number; toAdd: number; toStop: number; amountChanged: number; errors: number; amountFen: number; hand: HandCounts; same: string }>;
  steps: Step[];
  latency: HouseholdLatency;
}

const results: DbFigures[] = [];
type CheckedFigures = EngineFigures & { check: ReturnType<typeof agrees> };
let engines: { sample: Sample; figures: CheckedFigures[] } | null = null;

async function runOne(bench: BenchDatabase, persons: number): Promise<void> {
  const name = bench.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  console.log(`\n== ${name}: ${fmt(persons)} persons (seed ${SEED}) ==`);
  const generated = await seedSynthetic(bench.db, { persons, seed: SEED });
  console.log(`  generated ${fmt(generated.persons)} persons, ${fmt(generated.households)} households, ${fmt(generated.facts)} facts in ${(generated.ms / 1000).toFixed(1)} s`);
  const createdOrgs = await ensurePolicyOrgs(bench.db, actor);
  console.log(`  organisations created (the synthetic seed has none of them): ${createdOrgs.join('、') || '(all present)'}`);
  const extraFacts = await addMissingFacts(bench.db, SEED);
  const policies = await loadPolicies(bench.db, actor);
  await sql`vacuum (analyze) persons, households, facts`.execute(bench.db);
  console.log(`  ${fmt(extraFacts)} facts added (special family, incapacity, income); ${policies} policies loaded`);
  const enrollment = await seedEnrollments(bench.db, actor, SEED);
  const deaths = await addDeaths(bench.db, SEED);
  await sql`vacuum (analyze) facts, enrollments, policy_candidates`.execute(bench.db);
  console.log(`  seeding run ${enrollment.seedRunSeconds.toFixed(1)} s; ${fmt(enrollment.enrolled)} enrolled (${fmt(enrollment.olderAmount)} at last year's amount), ${fmt(enrollment.stale)} stale; ${fmt(deaths)} deaths since`);
  const sizes = await tableSizes(bench.db);
  const asOf = await today(bench.db);

  // (a)/(b): the run as the CLI does it; its statements are captured for the replay below.
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(`  load average before the run: ${loadAverage()}`);
  const started = performance.now();
  const { result: runId, queries } = await bench.capture(async () => {
    const { run, wait } = await startRun(bench.db, actor, {});
    await wait;
    return run.id;
  });
  const runSeconds = (performance.now() - started) / 1000;
  const run = await getRun(bench.db, actor, runId);
  if (run.status !== 'completed') throw new Error(`run ${runId} ${run.status}: ${run.error}`);
  console.log(`  huimin run: ${runSeconds.toFixed(2)} s for ${run.counts.length} policies (${fmt(persons / runSeconds)} persons/s)`);

  // (c): the hand-written floor.
  const hand = await runHandWritten(bench.db, asOf);
  console.log(`  hand-written SQL: ${hand.seconds.toFixed(2)} s (huimin ÷ SQL = ${(runSeconds / hand.seconds).toFixed(2)})`);
  const rows = run.counts.map((c) => {
    const h = hand.counts.find((x) => x.code === c.code)!;
    const diffs = [
      h.eligible !== c.eligible && `eligible ${h.eligible}`, h.toAdd !== c.toAdd && `add ${h.toAdd}`, h.toStop !== c.toStop && `stop ${h.toStop}`,
      h.amountChanged !== c.amountChanged && `amount ${h.amountChanged}`, h.amountFen !== c.amountFen && `fen ${h.amountFen}`,
      h.errors !== c.errors && `errors ${h.errors}`,
    ].filter(Boolean);
    return { ...c, hand: h, same: diffs.length ? `✗ ${diffs.join(', ')}` : '✓' };
  });

  // Where huimin's time goes.
  let steps: Step[] = [];
  if (!flags['no-explain']) {
    const planFile = path.join(os.tmpdir(), `huimin-bench-policy-plans-${bench.kind}.txt`);
    steps = await explainRun(bench, queries, run.counts.map((c) => c.code), planFile);
    console.log(`  EXPLAIN ANALYZE replay of the run: ${planFile}`);
  }

  // (d)(e)(f): once, on the first database; the evaluation happens in Node either way.
  if (!flags['skip-engines'] && !engines) {
    const sample = await loadSample(bench.db, asOf, positiveInt('eval-persons', flags['eval-persons']!), SEED);
    console.log(`  record-by-record sample: ${fmt(sample.persons)} persons in ${fmt(sample.households.length)} households`);
    const figures: CheckedFigures[] = [];
    for (const method of [runJs, runJsonRulesEngine, runZen]) {
      const f = await method(sample);
      if (!f) {
        console.log('  @gorules/zen-engine: not installed, skipped (npm install --no-save @gorules/zen-engine@0.54.0)');
        continue;
      }
      figures.push({ ...f, check: agrees(sample, f.counts) });
      console.log(`  ${f.method}: ${f.seconds.toFixed(2)} s for ${fmt(f.evals)} evaluations (${fmt(f.evals / f.seconds)}/s) ${figures.at(-1)!.check.ok ? '✓' : `✗ ${figures.at(-1)!.check.differences.join('; ')}`}`);
    }
    engines = { sample, figures };
  }

  const latency = await householdLatency(bench.db, actor, positiveInt('households-sample', flags['households-sample']!), SEED);
  console.log(`  evaluateHousehold: p50 ${ms(latency.total.p50)} ms, p99 ${ms(latency.total.p99)} ms over ${latency.total.n} households (loading subjects p50 ${ms(latency.load.p50)} ms, evaluating with explanations p50 ${ms(latency.evaluate.p50)} ms)`);
  results.push({
    db: name, persons: generated.persons, households: generated.households, facts: generated.facts, generationSeconds: generated.ms / 1000,
    extraFacts, deaths, ...enrollment, sizes, load, runSeconds, handSeconds: hand.seconds, policies: rows, steps, latency,
  });
}

async function main(): Promise<void> {
  console.log(`huimin policy benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPU cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, load average ${loadAverage()}`);
  await forEachDatabase(
    {
      skipPostgres: flags['skip-postgres']!, skipPglite: flags['skip-pglite']!, databaseUrl: flags['database-url']!, keep: flags.keep!,
      postgresPersons: positiveInt('persons', flags.persons!), pglitePersons: positiveInt('pglite-persons', flags['pglite-persons']!),
    },
    runOne,
  );
  printSummary();
}

function printSummary(): void {
  console.log(`\nload average at the end: ${loadAverage()} (figures are noisy when it exceeds the ${os.cpus().length} cores)`);
  const tables: Array<[string, string[], string[][]]> = [];
  tables.push(['Data', ['database', 'persons', 'households', 'facts (+ added)', 'generation (s)', 'enrolled', 'at old amount', 'stale', 'deaths since', 'table sizes'],
    results.map((r) => [r.db, fmt(r.persons), fmt(r.households), `${fmt(r.facts)} (+${fmt(r.extraFacts + r.deaths)})`, r.generationSeconds.toFixed(1), fmt(r.enrolled), fmt(r.olderAmount), fmt(r.stale), fmt(r.deaths), r.sizes])]);

  const policyCount = results[0]?.policies.length ?? engines?.sample.rules.length ?? 0;
  const head = ['method', 'database', 'load', 'persons', 'time (s)', 'persons/s', 'policy evals/s', '÷ hand SQL', 'counts', 'target'];
  const runRows: string[][] = [];
  for (const r of results) {
    const evals = engines ? evaluations(engines.sample.rules, r.persons, r.households) : r.persons * policyCount;
    const sameAll = r.policies.every((p) => p.same === '✓') ? '✓' : '✗';
    const runTarget = r.db === 'PostgreSQL' ? `≤ ${TARGET.runSecondsAt1M} s at 1 M: ${r.runSeconds * (1e6 / r.persons) <= TARGET.runSecondsAt1M ? 'met' : 'missed'}${r.persons === 1e6 ? '' : ' (scaled linearly)'}` : '';
    const ratio = r.runSeconds / r.handSeconds;
    runRows.push([`(${r.db === 'PostgreSQL' ? 'a' : 'b'}) huimin run (startRun)`, r.db, r.load, fmt(r.persons), secs(r.runSeconds), fmt(r.persons / r.runSeconds), fmt(evals / r.runSeconds), ratio.toFixed(2),
      sameAll, `${runTarget}${runTarget ? '; ' : ''}÷ SQL ≤ ${TARGET.ratioToSql}: ${ratio <= TARGET.ratioToSql ? 'met' : 'missed'}`]);
    runRows.push(['(c) hand-written SQL', r.db, '', fmt(r.persons), secs(r.handSeconds), fmt(r.persons / r.handSeconds), fmt(evals / r.handSeconds), '1.00', sameAll, '']);
  }
  if (engines) {
    const pg = results.find((r) => r.db === 'PostgreSQL') ?? results[0];
    for (const [i, f] of engines.figures.entries()) {
      const rate = f.evals / f.seconds;
      const full = pg ? evaluations(engines.sample.rules, pg.persons, pg.households) : f.evals;
      const projected = full / rate;
      const letter = ['f', 'd', 'e'][i];
      const jreTarget = letter === 'd' && pg ? `huimin ≥ ${TARGET.timesJre}× faster: ${(projected / pg.runSeconds).toFixed(0)}× — ${projected / pg.runSeconds >= TARGET.timesJre ? 'met' : 'missed'}` : '';
      runRows.push([`(${letter}) ${f.method} (projected)`, pg ? `Node; ${pg.db} population` : 'Node', '', fmt(pg?.persons ?? engines.sample.persons), secs(projected),
        fmt((pg?.persons ?? engines.sample.persons) / projected), fmt(rate), pg ? (projected / pg.handSeconds).toFixed(2) : '-', f.check.ok ? '✓' : '✗', jreTarget]);
    }
  }
  tables.push(['Population run of every policy', head, runRows]);

  for (const r of results) {
    const jsCheck = (code: string, i: number) => {
      const f = engines?.figures[i];
      if (!f || r !== results[0]) return '';
      return f.check.differences.some((d) => d.startsWith(`${code}:`)) ? '✗' : '✓';
    };
    tables.push([`Per policy — ${r.db} (${fmt(r.persons)} persons)`, ['policy', 'target', 'eligible', 'to add', 'to stop', 'amount changed', 'errors', 'hand SQL ms', 'SQL same', 'JS', 'JRE', 'zen'],
      r.policies.map((p) => [p.code, p.target, fmt(p.eligible), fmt(p.toAdd), fmt(p.toStop), fmt(p.amountChanged), fmt(p.errors), fmt(p.hand.ms), p.same, jsCheck(p.code, 0), jsCheck(p.code, 1), jsCheck(p.code, 2)])]);
    if (r.steps.length === 0) continue;
    const build = r.steps.filter((s) => !r.policies.some((p) => p.code === s.label));
    const policySteps = r.steps.filter((s) => r.policies.some((p) => p.code === s.label));
    const sum = (steps: Step[]) => steps.reduce((a, s) => a + s.ms, 0);
    const total = (steps: Step[], key: 'jitMs' | 'triggerMs') => fmt(steps.reduce((a, s) => a + (s[key] ?? 0), 0));
    const row = (s: Step) => [s.label, fmt(s.ms), s.jitMs === null ? '' : fmt(s.jitMs), s.triggerMs === null ? '' : fmt(s.triggerMs)];
    tables.push([`Where huimin's run goes — ${r.db} (EXPLAIN ANALYZE replay of the run's statements, rolled back)`, ['step', 'ms', 'of which JIT ms', 'FK triggers ms'],
      [...build.map(row), ['(everything before the per-policy statements)', fmt(sum(build)), total(build, 'jitMs'), ''],
        ...[...policySteps].sort((a, b) => b.ms - a.ms).map(row), ['(per-policy statements, total)', fmt(sum(policySteps)), total(policySteps, 'jitMs'), total(policySteps, 'triggerMs')],
        ['(replay, total)', fmt(sum(r.steps)), total(r.steps, 'jitMs'), total(r.steps, 'triggerMs')]]]);
  }
  tables.push([`(g) evaluateHousehold — one household, every policy, with explanations (target p99 < ${TARGET.householdP99Ms} ms)`,
    ['database', 'part', 'households', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'target'],
    results.flatMap((r) => ([['evaluateHousehold', r.latency.total], ['… loadHousehold (subject rows)', r.latency.load], ['… evaluateSubjects (in memory)', r.latency.evaluate]] as const).map(([part, l], i) =>
      [r.db, part, String(l.n), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max), i === 0 ? (l.p99 < TARGET.householdP99Ms ? 'met' : 'missed') : ''])),
  ]);
  if (engines) console.log(`\nRecord-by-record sample: ${fmt(engines.sample.persons)} persons in ${fmt(engines.sample.households.length)} households; json-rules-engine checks eligibility only, the others eligibility and amount.`);
  for (const [title, header, body] of tables) console.log(`\n== ${title} ==\n${textTable(header, body)}`);
  console.log('\n== Markdown ==');
  for (const [title, header, body] of tables) console.log(`\n**${title}**\n\n${markdownTable(header, body)}`);
}

await main();
