/**
 * Payments benchmark: `npm run bench:payments [-- flags]`. Not a test: nothing asserts.
 *
 * On a fresh `huimin_bench` database on the PostgreSQL server:
 *  1. a synthetic registry (--persons, default 1,000,000) and two monthly person benefits with a
 *     two-source funding split, enrolled set-based: --enrollments (default 1,000,000) in all,
 *     a tenth on the "small" policy; 1% start mid-month, 1% stopped mid-month, 0.5% marked for
 *     recalculation (arrears for two past months);
 *  2. in a child process each (its own peak RSS): a run of the small policy alone (a tenth of the
 *     size), then the month's run of everything — time, lines, peak RSS, then the ledger check;
 *  3. a roll comparison: a --roll-rows (default 200,000) 低保 roll drawn from the registry (with
 *     unknown IDs and name mismatches mixed in) compared in a child process, when the
 *     comparisons module is present.
 *
 *   --persons N, --enrollments N, --roll-rows N, --seed S, --database-url URL, --keep, --skip-roll
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemActor } from '../server/src/kernel/auth/actor.js';
import { makeIdNumber } from '../server/src/kernel/validation/idcard.js';
import { createPolicy } from '../server/src/modules/policies/policies.service.js';
import { seedSynthetic } from '../server/src/modules/seed/synthetic.js';
import { openPostgres } from './lib/databases.js';
import { markdownTable, textTable } from './lib/stats.js';

const { values: flags } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    enrollments: { type: 'string', default: '1000000' },
    'roll-rows': { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    keep: { type: 'boolean', default: false },
    'skip-roll': { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
  },
});
const int = (raw: string) => Number(raw.replace(/_/g, ''));
const PERSONS = int(flags.persons!);
const ENROLLMENTS = Math.min(int(flags.enrollments!), PERSONS);
const ROLL_ROWS = int(flags['roll-rows']!);
const TARGET = { runSeconds: 30, rollSeconds: 20 };
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const actor = systemActor('bench');
const fmt = (n: number) => Math.round(n).toLocaleString('en');

interface ChildFigures { ms: number; maxRssMb: number; sampledPeakRssMb: number; baselineRssMb: number; lines?: number; ledgerCheckMs?: number | null; ledgerOk?: boolean; counts?: unknown }

function child(args: string[]): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['bin/tsx.mjs', 'bench/lib/payments-child.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`child exited ${code}: ${out}`))));
  });
}

async function policy(db: Parameters<typeof createPolicy>[0], code: string, orgId: number): Promise<number> {
  await createPolicy(db, actor, {
    code, orgId, adopt: true,
    version: {
      nameZh: `基准补贴 ${code}`, nameEn: 'Bench allowance', target: 'person', eligibility: 'person.age >= 0',
      benefit: { kind: 'fixed', amountFen: 20000 }, period: 'monthly',
      funding: [{ source: '中央财政专项帮扶资金', shareBp: 7000 }, { source: '市县财政', shareBp: 3000 }],
      quotas: [], effectiveFrom: '2026-01-01', effectiveTo: null, basis: null, note: null,
    },
  });
  const { rows } = await sql<{ id: number }>`select id from policies where code = ${code}`.execute(db);
  return rows[0]!.id;
}

const bench = await openPostgres(flags['database-url']!);
try {
  const { db } = bench;
  console.log(`registry: ${fmt(PERSONS)} persons …`);
  const seeded = await seedSynthetic(db, { persons: PERSONS, seed: Number(flags.seed) });
  const root = await sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`.execute(db);
  const small = await policy(db, 'bench-small', root.rows[0]!.id);
  const large = await policy(db, 'bench-large', root.rows[0]!.id);
  const loadStarted = performance.now();
  // Set-based, as a migration from an old system would load them.
  await sql`insert into enrollments (household_id, person_id, policy_id, version_id, amount_fen, status, started_on, ended_on, source, recalc_from)
    select p.household_id, p.id, case when p.n % 10 = 0 then ${small}::bigint else ${large}::bigint end,
      (select v.id from policy_versions v where v.policy_id = case when p.n % 10 = 0 then ${small}::bigint else ${large}::bigint end and v.status = 'active'),
      20000, 'active',
      case when p.n % 100 = 1 then date '2026-05-16' else date '2026-01-01' end,
      case when p.n % 100 = 2 then date '2026-05-10' end, 'bench',
      case when p.n % 200 = 3 then date '2026-03-01' end
    from (select id, household_id, row_number() over (order by id) as n from persons where household_id is not null order by id limit ${ENROLLMENTS}) p`.execute(db);
  await sql`update enrollments set status = 'stopped' where ended_on is not null`.execute(db);
  await sql`insert into enrollment_terms (enrollment_id, household_id, valid_from, amount_fen, version_id)
    select id, household_id, started_on, amount_fen, version_id from enrollments`.execute(db);
  await sql`vacuum (analyze)`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from enrollments`.execute(db);
  console.log(`  ${fmt(seeded.persons)} persons, ${fmt(seeded.households)} households; ${fmt(counted[0]!.n)} enrollments loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  const url = bench.databaseUrl!;
  if (flags['load-only']) process.exit(0);
  console.log('run of the small policy (a tenth) …');
  const tenth = await child(['--database-url', url, '--period', '2026-04', '--policy', 'bench-small']);
  console.log(`  ${JSON.stringify(tenth)}`);
  console.log('monthly run of every enrollment …');
  const full = await child(['--database-url', url, '--period', '2026-05']);
  console.log(`  ${JSON.stringify(full)}`);
  const rows: string[][] = [
    ['run, a tenth (2026-04, bench-small)', fmt(tenth.lines ?? 0), (tenth.ms / 1000).toFixed(1), `${tenth.maxRssMb}`, `${tenth.ledgerCheckMs} ms, ${tenth.ledgerOk ? 'ok' : 'FAILED'}`],
    ['run, everything (2026-05)', fmt(full.lines ?? 0), (full.ms / 1000).toFixed(1), `${full.maxRssMb}`, `${full.ledgerCheckMs} ms, ${full.ledgerOk ? 'ok' : 'FAILED'}`],
  ];

  if (!flags['skip-roll'] && fs.existsSync(path.join(ROOT, 'server/src/modules/comparisons/comparisons.service.ts'))) {
    const file = path.join(os.tmpdir(), `huimin-bench-roll-${ROLL_ROWS}.csv`);
    // Drawn from the registry: 98% known people (1% of them under another name), 2% unknown IDs.
    const { rows: people } = await sql<{ id_number: string; name: string; n: number }>`
      select id_number, name, row_number() over (order by id)::int as n from persons where id % 5 = 0 order by id limit ${ROLL_ROWS}`.execute(db);
    const lines = ['身份证号,姓名,救助类型,开始日期'];
    for (const p of people) {
      // Unknown people: born 1900–1902 (nobody in the synthetic registry is), each ID unique and valid.
      const unknown = p.n % 50 === 0;
      const k = p.n / 50;
      const born = new Date(Date.UTC(1900, 0, 1) + Math.floor(k / 1000) * 86_400_000).toISOString().slice(0, 10);
      const id = unknown ? makeIdNumber('640105', born, k % 1000, k % 2 ? 'M' : 'F') : p.id_number;
      lines.push(`${id},${p.n % 100 === 7 ? `${p.name}某` : p.name},低保,2026-01-01`);
    }
    fs.writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`);
    console.log(`roll comparison: ${fmt(people.length)} rows against ${fmt(PERSONS)} persons …`);
    const roll = await child(['--database-url', url, '--roll', file]);
    console.log(`  ${JSON.stringify(roll)}`);
    rows.push([`roll comparison (${fmt(people.length)} rows)`, JSON.stringify(roll.counts ?? ''), (roll.ms / 1000).toFixed(1), `${roll.maxRssMb}`, '']);
  }
  const header = ['step', 'lines / counts', 'seconds', 'peak RSS MB', 'ledger check'];
  console.log(`\n${textTable(header, rows)}`);
  console.log(`\ntargets: monthly run ≤ ${TARGET.runSeconds} s at 1,000,000 enrollments; roll comparison ≤ ${TARGET.rollSeconds} s; peak RSS flat with size`);
  console.log(`\n${markdownTable(header, rows)}`);
} finally {
  await bench.close();
  if (flags.keep) console.log(`kept: ${bench.databaseUrl}`);
  else await bench.discard();
}
