/**
 * The population evaluator: inside one transaction, builds the subject tables for the chosen
 * households, evaluates eligibility and amount of many policies per scan set-based in
 * PostgreSQL, then per policy compares the (few) eligible or undecidable subjects with the
 * active enrollments and writes the candidate rows — no row-by-row round trips. A failure or
 * a cancel rolls everything back.
 */
import { CompiledQuery, type Transaction } from 'kysely';
import type { PolicyPeriod, PolicyTarget, RunKind, RunPolicyCounts } from '../../../contracts/policies.js';
import { lowerVersion, type CompiledVersion } from '../compile.js';
import { ParamSink } from '../rules/lower.js';
import { buildSubjectTables, type HouseholdFilter } from '../rules/subject-sql.js';

export interface RunVersion {
  policyId: number;
  code: string;
  name: string;
  target: PolicyTarget;
  period: PolicyPeriod;
  versionId: number;
  compiled: CompiledVersion;
}

export interface EngineOptions {
  runId: number;
  kind: RunKind;
  asOf: string;
  filter: HouseholdFilter;
  /** The filter lets every household through (lets the subject build skip it). */
  everyone?: boolean;
  versions: RunVersion[];
  onProgress?: (done: number, total: number, stage: string) => void;
  isCancelled?: () => boolean;
}

export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
  }
}

/** Negative amounts pay nothing; an erroring amount stays NULL (greatest() would turn it into 0). */
export function nonNegative(amountSql: string): string {
  return `(CASE WHEN ${amountSql} < 0 THEN 0 ELSE ${amountSql} END)`;
}

/** The SELECT giving one row per subject: ids, region, eligible (NULL = could not decide), amount. */
export function subjectQuery(version: RunVersion, params: ParamSink): string {
  const { eligibility, amount } = lowerVersion(version.compiled, params);
  const from =
    version.target === 'person'
      ? 'subj_person p join subj_household h on h.household_id = p.household_id'
      : 'subj_household h left join subj_person p on p.person_id = h.head_person_id';
  const personId = version.target === 'person' ? 'p.person_id' : 'null::bigint';
  return `select ${personId} as person_id, h.household_id, h.region_code, e.eligible,
      case when e.eligible then ${nonNegative(amount)} end as amount
    from ${from}
    cross join lateral (select ${eligibility} as eligible) e`;
}

/** Why a candidate is on the list, in the caseworker's words (`c` is the compared row). */
const REASON_SQL = `case
    when c.kind = 'add' then '符合资格条件，尚未享受'
    when c.kind = 'stop' and not c.present then '已不在评估范围（已故、迁出或不再是该户成员）'
    when c.kind = 'stop' then '不再符合资格条件'
    when c.kind = 'amount' then '应享金额由 ' || to_char(c.previous_amount / 100.0, 'FM999999990.00') || ' 元变为 ' || to_char(c.amount / 100.0, 'FM999999990.00') || ' 元'
    else '规则无法判定（缺少必要信息或除数为零），请查看该户的政策解释'
  end`;

/** Policies evaluated per scan of the subject rows: one wide row per subject, all policies at once. */
const POLICIES_PER_SCAN = 40;

/**
 * One scan over the subjects for several policies of the same target: each eligibility is
 * computed once per subject (OFFSET 0 keeps the planner from inlining it into every use), and
 * only subjects eligible or undecidable for at least one of them are kept — most are neither —
 * with one array slot per policy.
 */
async function evaluateScan(trx: Transaction<any>, scan: number, versions: Array<{ index: number; version: RunVersion }>, target: PolicyTarget): Promise<void> {
  const params = new ParamSink();
  const lowered = versions.map(({ version }) => lowerVersion(version.compiled, params));
  const from = target === 'person'
    ? 'subj_person p join subj_household h on h.household_id = p.household_id'
    : 'subj_household h left join subj_person p on p.person_id = h.head_person_id';
  const personId = target === 'person' ? 'p.person_id' : 'null::bigint';
  const decisions = lowered.map((l, i) => `${l.eligibility} as e${i}`).join(', ');
  const eligible = lowered.map((_l, i) => `d.e${i}`).join(', ');
  const amounts = lowered.map((l, i) => `case when d.e${i} then ${nonNegative(l.amount)} end`).join(', ');
  const anyDecided = lowered.map((_l, i) => `d.e${i} is not false`).join(' or ');
  await trx.executeQuery(CompiledQuery.raw(`
    insert into subj_result (scan, person_id, household_id, region_code, eligible, amount)
    select ${scan}, ${personId}, h.household_id, h.region_code, array[${eligible}], array[${amounts}]::bigint[]
    from ${from}
    cross join lateral (select ${decisions} offset 0) d
    where ${anyDecided}`, params.values));
}

/** Compares one policy's results with its active enrollments; writes its candidates; returns its counts. */
async function comparePolicy(trx: Transaction<any>, runId: number, slot: { scan: number; position: number }, version: RunVersion): Promise<RunPolicyCounts> {
  const params = new ParamSink();
  const scan = params.add(String(slot.scan), 'bigint');
  const position = params.add(String(slot.position), 'bigint');
  const policy = params.add(String(version.policyId), 'bigint');
  const versionParam = params.add(String(version.versionId), 'bigint');
  const run = params.add(String(runId), 'bigint');
  const present = version.target === 'person'
    ? 'exists (select 1 from subj_person sp where sp.person_id = cur.person_id and sp.household_id = cur.household_id)'
    : 'exists (select 1 from subj_household sh where sh.household_id = cur.household_id)';
  const statement = `
    with e as (
      select person_id, household_id, region_code, eligible[${position}] as eligible, amount[${position}] as amount
      from subj_result where scan = ${scan} and eligible[${position}] is not false
    ),
    cur as (select household_id, person_id, amount_fen, receiving from subj_enrolled where policy_id = ${policy}),
    compared as (
      select coalesce(e.household_id, cur.household_id) as household_id, coalesce(e.person_id, cur.person_id) as person_id,
        e.region_code, e.eligible, e.amount, cur.amount_fen as previous_amount,
        case when e.household_id is null then ${present} else true end as present,
        case
          when e.household_id is not null and (e.eligible is null or e.amount is null) then 'error'
          when e.household_id is not null and cur.household_id is null then 'add'
          when e.household_id is null then (case when cur.receiving then 'stop' end)
          when cur.receiving and cur.amount_fen <> e.amount then 'amount'
        end as kind
      from e full join cur on cur.household_id = e.household_id and coalesce(cur.person_id, 0) = coalesce(e.person_id, 0)
    ),
    inserted as (
      insert into policy_candidates (run_id, household_id, person_id, policy_id, version_id, kind, region_code, amount_fen, previous_amount_fen, reason)
      select ${run}, c.household_id, c.person_id, ${policy}, ${versionParam}, c.kind,
        coalesce(c.region_code, (select hh.region_code from households hh where hh.id = c.household_id)),
        c.amount, c.previous_amount, ${REASON_SQL}
      from compared c
      where c.kind is not null
      returning kind
    )
    select
      (select count(*) from e where eligible) as eligible,
      (select coalesce(sum(amount), 0) from e where eligible) as amount_fen,
      (select count(*) from e where eligible is null or amount is null) as errors,
      (select count(*) from inserted where kind = 'add') as to_add,
      (select count(*) from inserted where kind = 'stop') as to_stop,
      (select count(*) from inserted where kind = 'amount') as amount_changed`;
  const result = await trx.executeQuery<Record<string, number | string>>(CompiledQuery.raw(statement, params.values));
  const row = result.rows[0]!;
  return {
    code: version.code,
    name: version.name,
    target: version.target,
    versionId: version.versionId,
    eligible: Number(row.eligible),
    toAdd: Number(row.to_add),
    toStop: Number(row.to_stop),
    amountChanged: Number(row.amount_changed),
    errors: Number(row.errors),
    amountFen: Number(row.amount_fen),
  };
}

async function prepareRun(trx: Transaction<any>, versions: RunVersion[]): Promise<void> {
  await trx.executeQuery(CompiledQuery.raw(`create temporary table subj_result (
    scan int not null, person_id bigint, household_id bigint not null, region_code text not null, eligible boolean[] not null, amount bigint[] not null) on commit drop`));
  await trx.executeQuery(CompiledQuery.raw(`create temporary table subj_enrolled on commit drop as
    select e.policy_id, e.household_id, e.person_id, e.amount_fen, true as receiving from enrollments e where false`));
  const ids = new ParamSink();
  const policyIds = ids.add(versions.map((v) => String(v.policyId)), 'bigint[]');
  // Open applications are being handled: not "to add" again. Only what is being received can be
  // "to stop" or change amount — and a one-off grant, once given, is not received any more.
  await trx.executeQuery(CompiledQuery.raw(`insert into subj_enrolled
    select e.policy_id, e.household_id, e.person_id, e.amount_fen,
      e.status in ('active', 'suspended') and coalesce((select v.period from policy_versions v where v.id = e.version_id), '') <> 'once'
    from enrollments e
    where e.status in ('applied', 'reviewed', 'first_approved', 'active', 'suspended') and e.policy_id = any(${policyIds})
      and e.household_id in (select household_id from subj_household)`, ids.values));
}

/** Runs the chosen versions over the filtered population; throws RunCancelled if asked to stop. */
export async function runPolicies(trx: Transaction<any>, options: EngineOptions): Promise<RunPolicyCounts[]> {
  const indexed = options.versions.map((version, index) => ({ index, version }));
  const scans: Array<{ target: PolicyTarget; versions: typeof indexed }> = [];
  for (const target of ['person', 'household'] as const) {
    const ofTarget = indexed.filter((v) => v.version.target === target);
    for (let i = 0; i < ofTarget.length; i += POLICIES_PER_SCAN) scans.push({ target, versions: ofTarget.slice(i, i + POLICIES_PER_SCAN) });
  }
  const total = 1 + scans.length + 1;
  const step = (done: number, stage: string) => {
    if (options.isCancelled?.()) throw new RunCancelled();
    options.onProgress?.(done, total, stage);
  };
  step(0, '准备评估对象');
  await buildSubjectTables(trx, options.asOf, options.filter, options.everyone);
  await prepareRun(trx, options.versions);
  const slots = new Map<number, { scan: number; position: number }>();
  for (const [i, scan] of scans.entries()) {
    step(1 + i, `评估：${scan.versions.map((v) => v.version.name).join('、')}`);
    await evaluateScan(trx, i, scan.versions, scan.target);
    scan.versions.forEach((v, position) => slots.set(v.index, { scan: i, position: position + 1 }));
  }
  step(1 + scans.length, '生成名单');
  const counts: RunPolicyCounts[] = [];
  for (const { index, version } of indexed) counts.push(await comparePolicy(trx, options.runId, slots.get(index)!, version));
  step(total, '完成');
  return counts;
}
