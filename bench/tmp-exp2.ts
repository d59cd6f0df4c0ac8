import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import '../server/src/kernel/db/open.js';
import { ParamSink } from '../server/src/modules/policies/rules/lower.js';
import { lowerVersion } from '../server/src/modules/policies/compile.js';
import { buildSubjectTables } from '../server/src/modules/policies/rules/subject-sql.js';
import { subjectQuery } from '../server/src/modules/policies/runs/engine.js';
import { runVersions } from '../server/src/modules/policies/runs/runs.service.js';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.URL ?? 'postgres://postgres@127.0.0.1:5432/huimin_bench', max: 2 }) }) });
const versions = await runVersions(db, null);
const REASON = `'x'`;
function original(v: any, filtered: boolean) {
  const params = new ParamSink();
  const subjects = subjectQuery(v, params);
  const policy = params.add(String(v.policyId), 'bigint');
  const ver = params.add(String(v.versionId), 'bigint');
  const run = params.add('RUN', 'bigint');
  const e = filtered ? `select * from (${subjects}) s where eligible is distinct from false` : subjects;
  const region = filtered ? `coalesce(c.region_code, (select region_code from households where id = c.household_id))` : 'coalesce(c.region_code, hh.region_code)';
  const from = filtered ? 'compared c' : 'compared c join households hh on hh.id = c.household_id';
  const counts = filtered
    ? `select (select count(*) from e where eligible) as eligible, 0 as x, (select count(*) from inserted where kind = 'add') as to_add`
    : `select (select count(*) from e where eligible) as eligible, (select coalesce(sum(amount), 0) from e where eligible) as amount_fen, (select count(*) from e where eligible is null) as errors, (select count(*) from inserted where kind = 'add') as to_add, (select count(*) from inserted where kind = 'stop') as to_stop, (select count(*) from inserted where kind = 'amount') as amount_changed`;
  const text = `
    with e as materialized (${e}),
    cur as (select household_id, person_id, amount_fen from enrollments where policy_id = ${policy} and status = 'active' and household_id in (select household_id from subj_household)),
    compared as (
      select coalesce(e.household_id, cur.household_id) as household_id, coalesce(e.person_id, cur.person_id) as person_id,
        e.household_id as household_id_e, e.region_code, e.eligible, e.amount, cur.amount_fen as previous_amount,
        case
          when e.household_id is not null and e.eligible is null then 'error'
          when e.eligible and cur.household_id is null then 'add'
          when cur.household_id is not null and (e.household_id is null or e.eligible = false) then 'stop'
          when e.eligible and cur.amount_fen <> e.amount then 'amount'
        end as kind
      from e full join cur on cur.household_id = e.household_id and coalesce(cur.person_id, 0) = coalesce(e.person_id, 0)
    ),
    inserted as (
      insert into ${process.env.NOFK ? 'cand_nofk' : 'policy_candidates'} (run_id, household_id, person_id, policy_id, version_id, kind, region_code, amount_fen, previous_amount_fen, reason)
      select ${run}, c.household_id, c.person_id, ${policy}, ${ver}, c.kind, ${region}, c.amount, c.previous_amount, ${REASON}
      from ${from} where c.kind is not null returning kind)
    ${counts}`;
  return { text, params };
}
const mode = process.argv[2] ?? 'original';
await db.transaction().execute(async (trx) => {
  await sql`set local jit = off`.execute(trx);
  const { rows } = await sql<{ id: number }>`insert into policy_runs (kind, status, policy_codes, as_of) values ('run', 'running', '{}', current_date) returning id`.execute(trx);
  await sql`create temp table cand_nofk (like policy_candidates including all) on commit drop`.execute(trx);
  let s = performance.now();
  await buildSubjectTables(trx, '2026-11-23', sql`true`);
  console.log('build', (performance.now() - s).toFixed(0));
  s = performance.now();
  let total = 0;
  const out: string[] = [];
  for (const v of versions) {
    const t = performance.now();
    if (mode === 'onepass') break;
    const { text, params } = original(v, mode === 'filtered');
    const r = await trx.executeQuery(CompiledQuery.raw(text, params.values.map((x) => (x === 'RUN' ? String(rows[0].id) : x))));
    const ms = performance.now() - t; total += ms;
    out.push(`${v.code} ${ms.toFixed(0)} ${JSON.stringify(r.rows[0])}`);
  }
  if (mode === 'onepass') {
    for (const target of ['person', 'household']) {
      const vs = versions.filter((v) => v.target === target);
      const params = new ParamSink();
      const cols = vs.map((v, i) => { const { eligibility, amount } = lowerVersion(v.compiled, params); return `count(*) filter (where ${eligibility}) as e${i}, sum(greatest(${amount},0)) filter (where ${eligibility}) as a${i}`; });
      const from = target === 'person' ? 'subj_person p join subj_household h on h.household_id = p.household_id' : 'subj_household h left join subj_person p on p.person_id = h.head_person_id';
      const t = performance.now();
      const r = await trx.executeQuery(CompiledQuery.raw(`select ${cols.join(', ')} from ${from}`, params.values));
      out.push(`onepass ${target} ${(performance.now() - t).toFixed(0)} ${JSON.stringify(r.rows[0]).slice(0, 200)}`);
    }
    total = performance.now() - s;
  }
  console.log(out.join('\n'));
  console.log(mode, 'policies total', total.toFixed(0));
  throw new Error('rollback');
}).catch((e) => { if (e.message !== 'rollback') throw e; });
await db.destroy();
