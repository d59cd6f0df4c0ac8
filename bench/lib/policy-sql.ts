/**
 * The hand-written SQL baseline: for each policy, a query written by hand straight over
 * persons / households / facts (facts current at the date), giving the eligible subjects and
 * their amounts, compared with active enrollments, the candidate rows (add / stop / amount)
 * written to a scratch copy of policy_candidates — all policies in one transaction. It is the
 * floor a set-based engine can hope for: each query starts from its most selective fact
 * through the indexes, instead of from a table of every subject.
 *
 * Semantics follow huimin's subject tables exactly (subject-sql.ts): a living person is born
 * by the date with no current 'deceased' fact; fact values that can repeat take the same
 * max()/min() the subject table takes; household size counts living members.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';

const D = '$1::date';
const current = (f: string) => `${f}.valid_from <= ${D} and (${f}.valid_to is null or ${f}.valid_to > ${D})`;
const living = (p: string) => `${p}.birth_date <= ${D} and not exists (select 1 from facts d where d.person_id = ${p}.id and d.kind = 'deceased' and ${current('d')})`;
const age = (p: string) => `extract(year from age(${D}, ${p}.birth_date))`;
/** One value of a person's / household's current facts of a kind, aggregated as the subject table does. */
const personValue = (agg: string, kind: string, p = 'p') => `(select ${agg} from facts f where f.person_id = ${p}.id and f.kind = '${kind}' and ${current('f')})`;
const householdValue = (agg: string, kind: string) => `(select ${agg} from facts f where f.household_id = h.id and f.kind = '${kind}' and ${current('f')})`;
const hasHouseholdFact = (kind: string) => `exists (select 1 from facts f where f.household_id = h.id and f.kind = '${kind}' and ${current('f')})`;
const hasPersonFact = (kind: string, p = 'p', cond = 'true') => `exists (select 1 from facts f where f.person_id = ${p}.id and f.kind = '${kind}' and ${current('f')} and ${cond})`;
/** Households / persons with a current fact of a kind: the selective starting point of most rules. */
const householdsWith = (kind: string, having = '') => `h.id in (select f.household_id from facts f where f.kind = '${kind}' and ${current('f')} group by f.household_id ${having})`;
const personsWith = (kind: string, having = '', cond = 'true') => `p.id in (select f.person_id from facts f where f.kind = '${kind}' and ${current('f')} and ${cond} group by f.person_id ${having})`;

const HARDSHIP = householdsWith('hardship_worker');
const STATUS = householdValue(`max(f.value->>'status')`, 'assistance_status');
const SIZE = `(select count(*) from persons m where m.household_id = h.id and ${living('m')})`;
const INCOME = householdValue(`max((f.value->>'monthlyFen')::bigint)`, 'income');
const PER_CAPITA = `(${INCOME} / nullif(${SIZE}, 0))`;
const STAGE = personValue(`max(f.value->>'stage')`, 'school_stage');
const LEVEL = personValue(`max(f.value->>'level')`, 'incapacitated');
const MINORS = `(select count(*) from persons m where m.household_id = h.id and ${living('m')} and ${age('m')} < 18)`;
const SERIOUS_MEMBER = `exists (select 1 from persons m where m.household_id = h.id and ${living('m')}
  and (${hasPersonFact('illness', 'm', `f.value->>'severity' = 'serious'`)} or ${personValue(`max((f.value->>'grade')::bigint)`, 'disability', 'm')} <= 2))`;

/**
 * Eligible persons: `where` over p (persons) and h (their household). `undecided`, when given,
 * selects the subjects whose CEL rule errs (SQL NULL in huimin): they are 'error' candidates.
 */
const persons = (where: string, amount: string, undecided?: string) => subjects('p.id', 'persons p join households h on h.id = p.household_id', `${living('p')} and`, where, amount, undecided);
/** Eligible households. */
const households = (where: string, amount: string, undecided?: string) => subjects('null::bigint', 'households h', '', where, amount, undecided);

function subjects(personId: string, from: string, base: string, where: string, amount: string, undecided?: string): string {
  const select = (eligible: string, fen: string, condition: string) =>
    `select ${personId} as person_id, h.id as household_id, h.region_code, ${eligible} as eligible, (${fen})::bigint as amount from ${from} where ${base} ${condition}`;
  return select('true', amount, where) + (undecided ? `\n  union all ${select('null::boolean', 'null', undecided)}` : '');
}

/** Eligible subjects with amounts, by policy code. */
export const HAND_WRITTEN: Record<string, string> = {
  'nx-union-living-aid': households(`${HARDSHIP} and ${hasHouseholdFact('special_family')}`, `case when ${STATUS} in ('dibao', 'tekun') then 1800000 else 1300000 end`),
  'nx-union-education-aid': households(
    `${HARDSHIP} and not ${hasHouseholdFact('special_family')} and not ${hasHouseholdFact('assistance_status')}
     and exists (select 1 from persons m where m.household_id = h.id and ${living('m')}
       and ${personValue(`max(f.value->>'stage')`, 'school_stage', 'm')} in ('senior_high', 'vocational', 'college', 'postgraduate'))`,
    '690000',
  ),
  'nx-union-medical-aid': persons(`${HARDSHIP} and (${hasPersonFact('illness', 'p', `f.value->>'severity' = 'serious'`)} or ${hasPersonFact('disability')})`, '1800000'),
  'nx-union-warm-card': households(HARDSHIP, '20000'),
  'nx-union-heating': households(`${HARDSHIP} and coalesce(${STATUS}, '') not in ('dibao', 'tekun')`, '127000'),
  'nx-union-utilities': households(HARDSHIP, `least(47870 + 20190 * greatest(${SIZE}, 3), 148820)`),
  'nx-union-compulsory-edu': persons(`${HARDSHIP} and p.relationship in ('child', 'grandchild') and ${STAGE} in ('primary', 'junior_high')`, '50000'),
  'nx-union-golden-autumn': persons(
    `${HARDSHIP} and p.relationship in ('child', 'grandchild') and ${STAGE} in ('senior_high', 'vocational', 'college')`,
    `case ${STAGE} when 'college' then 500000 else 260000 end`,
  ),
  'nx-union-mutual-aid-medical': persons(`${HARDSHIP} and ${hasPersonFact('employment')}`, '0'),
  'nx-union-mutual-aid-critical-worker': persons(`${HARDSHIP} and ${hasPersonFact('employment')}`, '0'),
  'nx-union-mutual-aid-critical-family': persons(`${HARDSHIP} and not ${hasPersonFact('employment')}`, '0'),
  'nx-disabled-living-subsidy': persons(`${personsWith('disability')} and ${STATUS} = 'dibao'`, '10500'),
  'nx-disabled-nursing-subsidy': persons(personsWith('disability', `having max((f.value->>'grade')::bigint) <= 2`), '11800'),
  'bench-elderly-allowance': persons(`${age('p')} >= 80`, `case when ${age('p')} >= 100 then 30000 when ${age('p')} >= 90 then 10000 else 5000 end`),
  'bench-tekun-support': persons(householdsWith('assistance_status', `having max(f.value->>'status') = 'tekun'`), `case ${LEVEL} when 'full' then 180000 when 'partial' then 140000 else 110000 end`),
  'bench-edge-temporary-aid': households(
    `${householdsWith('assistance_status', `having max(f.value->>'status') = 'dibao_edge'`)} and (${SERIOUS_MEMBER} or ${PER_CAPITA} < 60000)`,
    `least(100000 * ${SIZE}, 500000)`,
    // Income recorded but no living member: per-capita income is NULL, the rule errs.
    `${householdsWith('assistance_status', `having max(f.value->>'status') = 'dibao_edge'`)} and ${INCOME} is not null and ${SIZE} = 0`,
  ),
  'bench-elderly-alone-care': persons(`(${hasPersonFact('elderly_alone')} or ${age('p')} >= 80 and ${SIZE} = 1)`, '10000'),
  'bench-incapacitated-care': persons(
    `${personsWith('incapacitated')} and ${age('p')} >= 60 and ${STATUS} in ('dibao', 'tekun', 'dibao_edge')`,
    `case ${LEVEL} when 'full' then 20000 else 10000 end`,
  ),
  'bench-welfare-post': persons(personsWith('employment', '', `(f.value->>'publicWelfarePost')::boolean and (f.value->>'postEndDate')::date > ${D}`), '180000'),
  'bench-single-mother': households(
    `${householdsWith('special_family', `having min(f.value->>'kind') = 'single_parent'`)}
     and exists (select 1 from persons m where m.household_id = h.id and ${living('m')} and m.relationship = 'head' and m.sex = 'F')
     and ${MINORS} >= 1 and (${hasHouseholdFact('assistance_status')} or ${HARDSHIP} or ${PER_CAPITA} < 80000)`,
    `least(100000 * ${MINORS}, 300000)`,
  ),
};

/** Eligible (and undecidable) set → compared with active enrollments → candidate rows in the scratch table. */
function statement(eligible: string): string {
  return `with e as materialized (${eligible}),
    cur as (select household_id, person_id, amount_fen from enrollments where policy_id = $2 and status = 'active'),
    c as (
      select coalesce(e.household_id, cur.household_id) as household_id, coalesce(e.person_id, cur.person_id) as person_id,
        e.region_code, e.amount, cur.amount_fen as previous,
        case when e.household_id is not null and e.eligible is null then 'error' when cur.household_id is null then 'add'
          when e.household_id is null then 'stop' when cur.amount_fen <> e.amount then 'amount' end as kind
      from e full join cur on cur.household_id = e.household_id and coalesce(cur.person_id, 0) = coalesce(e.person_id, 0)
    ),
    ins as (
      insert into bench_candidates (run_id, household_id, person_id, policy_id, version_id, kind, region_code, amount_fen, previous_amount_fen, reason)
      select 0, c.household_id, c.person_id, $2, $3, c.kind, coalesce(c.region_code, (select region_code from households where id = c.household_id)),
        c.amount, c.previous, case c.kind when 'add' then '符合资格条件，尚未享受' when 'stop' then '不再符合资格条件' when 'amount' then '应享金额变化' else '规则无法判定' end
      from c where c.kind is not null
      returning kind
    )
    select count(*) filter (where eligible) as eligible, coalesce(sum(amount) filter (where eligible), 0) as amount_fen,
      count(*) filter (where eligible is null) as errors,
      (select count(*) from ins where kind = 'add') as to_add, (select count(*) from ins where kind = 'stop') as to_stop,
      (select count(*) from ins where kind = 'amount') as amount_changed
    from e`;
}

export interface HandCounts {
  code: string;
  eligible: number;
  amountFen: number;
  toAdd: number;
  toStop: number;
  amountChanged: number;
  errors: number;
  ms: number;
}

/**
 * Runs every policy's hand-written statement in one transaction, committed (as a run is).
 * The scratch table is created before and dropped after the timed part.
 */
export async function runHandWritten(db: Kysely<any>, asOf: string): Promise<{ seconds: number; counts: HandCounts[] }> {
  const { rows: policies } = await sql<{ id: number; code: string; version_id: number }>`
    select p.id, p.code, v.id as version_id from policies p join policy_versions v on v.policy_id = p.id and v.status = 'active' order by p.code`.execute(db);
  const missing = policies.filter((p) => !HAND_WRITTEN[p.code]);
  if (missing.length) throw new Error(`no hand-written SQL for ${missing.map((p) => p.code).join(', ')}`);
  await sql`drop table if exists bench_candidates`.execute(db);
  // Same columns, defaults, identity, checks and indexes as policy_candidates; no foreign keys.
  await sql`create table bench_candidates (like policy_candidates including all)`.execute(db);
  try {
    const started = performance.now();
    const counts: HandCounts[] = [];
    await db.transaction().execute(async (trx) => {
      // The floor: JIT compilation only costs these short statements time (see the README).
      await sql`set local jit = off`.execute(trx);
      for (const p of policies) {
        const t = performance.now();
        const { rows } = await trx.executeQuery<Record<string, string | number>>(CompiledQuery.raw(statement(HAND_WRITTEN[p.code]!), [asOf, p.id, p.version_id]));
        const r = rows[0]!;
        counts.push({
          code: p.code, eligible: Number(r.eligible), amountFen: Number(r.amount_fen), toAdd: Number(r.to_add),
          toStop: Number(r.to_stop), amountChanged: Number(r.amount_changed), errors: Number(r.errors), ms: performance.now() - t,
        });
      }
    });
    return { seconds: (performance.now() - started) / 1000, counts };
  } finally {
    await sql`drop table if exists bench_candidates`.execute(db);
  }
}

/** EXPLAIN ANALYZE of one policy's hand-written statement (rolled back), for the plan file. */
export function handStatement(code: string): string {
  return statement(HAND_WRITTEN[code]!);
}
