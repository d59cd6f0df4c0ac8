/**
 * Builds a payment run's lines in a few set-based statements (a million enrollments is one
 * pass, not a million queries), inside the caller's transaction:
 *  1. regular lines: every enrollment in force in the period, prorated (see ../proration.ts),
 *     skipping those already paid — the unique index on (enrollment, period) backs this up;
 *  2. one-off lines: one-off benefits started by the end of the month and never paid;
 *  3. corrections: for enrollments whose dates or amounts changed back in time, what each
 *     period since was owed minus what was paid, as arrears or recovery lines that wait for
 *     a caseworker's review;
 *  4. each line split across its funding sources (the policy's shares or the case's hand
 *     split), the parts adding up to the line exactly.
 */
import { sql, type Kysely } from 'kysely';
import { yuanSql } from '../../../kernel/money.js';
import { periodBounds } from '../proration.js';

/** Which policies a run pays: the period's kind, optionally narrowed to some codes. */
export async function runPolicies(db: Kysely<any>, period: string, codes: string[]): Promise<Array<{ id: number; code: string; period: string }>> {
  const { kind } = periodBounds(period);
  const periods = kind === 'monthly' ? ['monthly', 'once'] : ['yearly'];
  const { rows } = await sql<{ id: number; code: string; period: string }>`
    select p.id, p.code, v.period from policies p join policy_versions v on v.policy_id = p.id and v.status = 'active'
    where v.period = any(${periods}::text[]) ${codes.length ? sql`and p.code = any(${codes}::text[])` : sql``}
    order by p.code`.execute(db);
  return rows;
}

// Days an enrollment's term is in force inside [ps, pe); a stop on or before the start gives none.
const daysInForce = (ps: RawDate, pe: RawDate) =>
  sql`greatest(0, least(coalesce(t.valid_to, ${pe}), coalesce(e.ended_on, ${pe}), ${pe}) - greatest(t.valid_from, e.started_on, ${ps}))`;
type RawDate = ReturnType<typeof sql>;

const PAYABLE = sql`e.status in ('active', 'suspended', 'stopped')`;

// A personal benefit goes to the person's own account when there is one, else (a child's aid,
// say) to the household head's, like a household benefit.
const PAYEE = sql`case when e.person_id is not null and exists (select 1 from bank_accounts a where a.person_id = e.person_id)
  then e.person_id else h.head_person_id end`;

/**
 * The enrollments already paid for a period, read once before the insert. An anti-join against
 * payment_lines itself would, on a table with no statistics yet, be planned as a nested loop
 * whose inner scan re-reads every page the same INSERT has added: quadratic (measured: 114 s
 * for the first 100,000 lines instead of 1).
 */
async function alreadyPaid(trx: Kysely<any>, period: string): Promise<void> {
  await sql`drop table if exists already_paid`.execute(trx);
  await sql`create temp table already_paid on commit drop as
    select enrollment_id from payment_lines where period = ${period} and kind = 'regular' and status <> 'void'`.execute(trx);
  await sql`analyze already_paid`.execute(trx);
}

export async function insertRegularLines(trx: Kysely<any>, runId: number, period: string, policyIds: number[]): Promise<void> {
  const { start, end } = periodBounds(period);
  await alreadyPaid(trx, period);
  const ps = sql`${start}::date`;
  const pe = sql`${end}::date`;
  await sql`
    insert into payment_lines (run_id, household_id, enrollment_id, person_id, payee_person_id, policy_id, version_id, region_code, period, kind, amount_fen)
    select ${runId}, e.household_id, e.id, e.person_id, ${PAYEE}, e.policy_id, coalesce(x.version_id, e.version_id),
      h.region_code, ${period}, 'regular', x.amount
    from (
      select t.enrollment_id,
        (sum(t.amount_fen * ${daysInForce(ps, pe)})::bigint * 2 + (${pe} - ${ps})) / (2 * (${pe} - ${ps})) as amount,
        max(t.version_id) as version_id
      from enrollments e join enrollment_terms t on t.enrollment_id = e.id
      where ${PAYABLE} and e.policy_id = any(${policyIds}::bigint[]) and e.started_on < ${pe} and (e.ended_on is null or e.ended_on > ${ps})
        and t.valid_from < ${pe} and (t.valid_to is null or t.valid_to > ${ps})
      group by t.enrollment_id
    ) x
    join enrollments e on e.id = x.enrollment_id
    join households h on h.id = e.household_id
    where x.amount > 0
      and e.id not in (select enrollment_id from already_paid)`.execute(trx);
}

export async function insertOnceLines(trx: Kysely<any>, runId: number, period: string, policyIds: number[]): Promise<void> {
  const { end } = periodBounds(period);
  await alreadyPaid(trx, 'once');
  await sql`
    insert into payment_lines (run_id, household_id, enrollment_id, person_id, payee_person_id, policy_id, version_id, region_code, period, kind, amount_fen)
    select ${runId}, e.household_id, e.id, e.person_id, ${PAYEE}, e.policy_id, coalesce(t.version_id, e.version_id),
      h.region_code, 'once', 'regular', t.amount_fen
    from enrollments e
    join households h on h.id = e.household_id
    join enrollment_terms t on t.enrollment_id = e.id and t.valid_from <= e.started_on and (t.valid_to is null or t.valid_to > e.started_on)
    where ${PAYABLE} and e.policy_id = any(${policyIds}::bigint[]) and e.started_on < ${end}::date
      and (e.ended_on is null or e.ended_on > e.started_on) and t.amount_fen > 0
      and e.id not in (select enrollment_id from already_paid)`.execute(trx);
}

// What was paid (or is on its way) for an enrollment and period: lines not void; a failed line
// counts until it is reissued (the reissue then counts instead), so a correction never doubles a reissue.
const NET_LINES = sql`l.status <> 'void' and not (l.status = 'failed' and exists (
  select 1 from payment_lines x where x.corrects_line_id = l.id and x.kind = 'reissue' and x.status <> 'void'))`;

/**
 * Arrears and recovery for enrollments marked for recalculation, for every period from the
 * mark up to this run's period; the mark is then cleared (a rejected run restores it).
 */
export async function insertCorrections(trx: Kysely<any>, runId: number, period: string, policies: Array<{ id: number; period: string }>): Promise<void> {
  const { start, end, kind } = periodBounds(period);
  const step = kind === 'monthly' ? sql`interval '1 month'` : sql`interval '1 year'`;
  const unit = kind === 'monthly' ? 'month' : 'year';
  const periodicIds = policies.filter((p) => p.period !== 'once').map((p) => p.id);
  const onceIds = policies.filter((p) => p.period === 'once').map((p) => p.id);
  await sql`create temp table recalc_periods on commit drop as
    select e.id as enrollment_id, g::date as ps, (g + ${step})::date as pe,
      to_char(g, ${kind === 'monthly' ? 'YYYY-MM' : 'YYYY'}) as period
    from enrollments e, generate_series(date_trunc(${unit}, e.recalc_from), ${start}::date, ${step}) g
    where e.recalc_from is not null and e.recalc_from < ${end}::date and ${PAYABLE} and e.policy_id = any(${periodicIds}::bigint[])`.execute(trx);
  await sql`analyze recalc_periods`.execute(trx);
  await sql`
    with entitled as (
      select r.enrollment_id, r.period,
        coalesce((sum(t.amount_fen * ${daysInForce(sql`r.ps`, sql`r.pe`)})::bigint * 2 + (r.pe - r.ps)) / (2 * (r.pe - r.ps)), 0) as owed,
        max(t.version_id) as version_id
      from recalc_periods r join enrollments e on e.id = r.enrollment_id
      left join enrollment_terms t on t.enrollment_id = r.enrollment_id and t.valid_from < r.pe and (t.valid_to is null or t.valid_to > r.ps)
      group by r.enrollment_id, r.period, r.ps, r.pe
    ), paid as (
      select l.enrollment_id, l.period, sum(l.amount_fen)::bigint as paid
      from payment_lines l join recalc_periods r on r.enrollment_id = l.enrollment_id and r.period = l.period
      where ${NET_LINES} group by l.enrollment_id, l.period
    )
    ${correctionInsert(runId, sql`entitled en left join paid pd on pd.enrollment_id = en.enrollment_id and pd.period = en.period`)}`.execute(trx);
  if (onceIds.length) {
    await sql`
      with entitled as (
        select e.id as enrollment_id, 'once'::text as period,
          case when e.ended_on is not null and e.ended_on <= e.started_on then 0 else coalesce(t.amount_fen, 0) end::bigint as owed, t.version_id
        from enrollments e left join enrollment_terms t on t.enrollment_id = e.id and t.valid_from <= e.started_on and (t.valid_to is null or t.valid_to > e.started_on)
        where e.recalc_from is not null and e.recalc_from < ${end}::date and ${PAYABLE} and e.policy_id = any(${onceIds}::bigint[])
          and exists (select 1 from payment_lines l where l.enrollment_id = e.id and l.period = 'once' and l.status <> 'void')
      ), paid as (
        select l.enrollment_id, l.period, sum(l.amount_fen)::bigint as paid from payment_lines l join entitled en on en.enrollment_id = l.enrollment_id and l.period = 'once'
        where ${NET_LINES} group by l.enrollment_id, l.period
      )
      ${correctionInsert(runId, sql`entitled en left join paid pd on pd.enrollment_id = en.enrollment_id and pd.period = en.period`)}`.execute(trx);
  }
  await sql`update enrollments set recalc_from = null
    where recalc_from is not null and recalc_from < ${end}::date and policy_id = any(${policies.map((p) => p.id)}::bigint[])`.execute(trx);
}

function correctionInsert(runId: number, from: ReturnType<typeof sql>) {
  const diff = sql`(en.owed - coalesce(pd.paid, 0))`;
  return sql`
    insert into payment_lines (run_id, household_id, enrollment_id, person_id, payee_person_id, policy_id, version_id, region_code, period, kind,
      amount_fen, reason, review_status)
    select ${runId}, e.household_id, e.id, e.person_id, ${PAYEE}, e.policy_id, coalesce(en.version_id, e.version_id),
      h.region_code, en.period, case when ${diff} > 0 then 'arrears' else 'recovery' end, ${diff},
      case when ${diff} > 0 then '补发' else '追回' end || ' ' || en.period || '：应发 ' || ${yuanSql(sql`en.owed`)} || ' 元，已发 '
        || ${yuanSql(sql`coalesce(pd.paid, 0)`)} || ' 元' || coalesce('（' || (select ev.reason from enrollment_events ev
          where ev.enrollment_id = e.id and ev.reason is not null order by ev.id desc limit 1) || '）', ''),
      'pending'
    from ${from}
    join enrollments e on e.id = en.enrollment_id
    join households h on h.id = e.household_id
    where ${diff} <> 0`;
}

/**
 * Splits each new line across its sources. Each part is the difference of the line's amount
 * times the cumulative shares before and up to that source, each rounded toward zero: the
 * parts then add up to the line exactly, with no fix-up pass. Splits are computed once per
 * version (or per hand-split enrollment), not per line.
 */
export async function insertFunds(trx: Kysely<any>, runId: number): Promise<void> {
  const parts = (weight: ReturnType<typeof sql>, key: ReturnType<typeof sql>) => sql`
    coalesce(sum(${weight}) over (partition by ${key} order by s.ord rows between unbounded preceding and 1 preceding), 0)::bigint as before,
    (sum(${weight}) over (partition by ${key} order by s.ord))::bigint as upto,
    (sum(${weight}) over (partition by ${key}))::bigint as total`;
  const share = sql`l.amount_fen * sp.upto / sp.total - l.amount_fen * sp.before / sp.total`;
  // Hand splits (a grant shared by the city union, the district union and an insurer).
  await sql`
    with splits as (
      select e.id as enrollment_id, s.value->>'source' as source, ${parts(sql`(s.value->>'weight')::bigint`, sql`e.id`)}
      from enrollments e cross join lateral jsonb_array_elements(e.funding) with ordinality as s(value, ord)
      where e.funding is not null and e.id in (select enrollment_id from payment_lines where run_id = ${runId})
    )
    insert into payment_line_funds (line_id, run_id, household_id, source, amount_fen)
    select l.id, l.run_id, l.household_id, sp.source, ${share}
    from payment_lines l join splits sp on sp.enrollment_id = l.enrollment_id where l.run_id = ${runId}`.execute(trx);
  // The policy version's split for everything else.
  await sql`
    with splits as (
      select v.id as version_id, s.value->>'source' as source, ${parts(sql`(s.value->>'shareBp')::bigint`, sql`v.id`)}
      from policy_versions v cross join lateral jsonb_array_elements(v.funding) with ordinality as s(value, ord)
      where v.id in (select distinct version_id from payment_lines where run_id = ${runId})
    )
    insert into payment_line_funds (line_id, run_id, household_id, source, amount_fen)
    select l.id, l.run_id, l.household_id, sp.source, ${share}
    from payment_lines l join splits sp on sp.version_id = l.version_id
    where l.run_id = ${runId} and l.enrollment_id not in (select id from enrollments where funding is not null)`.execute(trx);
}
