/**
 * The population evaluator: inside one transaction, builds the subject tables for the chosen
 * households, then for each policy version evaluates eligibility and amount set-based in
 * PostgreSQL, compares with active enrollments and writes the candidate rows — one statement
 * per policy, no row-by-row round trips. A failure or a cancel rolls everything back.
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
    when c.kind = 'stop' and c.household_id_e is null then '已不在评估范围（已故、迁出或不再是该户成员）'
    when c.kind = 'stop' then '不再符合资格条件'
    when c.kind = 'amount' then '应享金额由 ' || to_char(c.previous_amount / 100.0, 'FM999999990.00') || ' 元变为 ' || to_char(c.amount / 100.0, 'FM999999990.00') || ' 元'
    else '规则无法判定（缺少必要信息或除数为零），请查看该户的政策解释'
  end`;

/** Evaluates one policy over the subject tables, writes its candidates, returns its counts. */
async function evaluatePolicy(trx: Transaction<any>, runId: number, version: RunVersion): Promise<RunPolicyCounts> {
  const params = new ParamSink();
  const subjects = subjectQuery(version, params);
  const policy = params.add(String(version.policyId), 'bigint');
  const versionParam = params.add(String(version.versionId), 'bigint');
  const run = params.add(String(runId), 'bigint');
  const statement = `
    with e as materialized (${subjects}),
    cur as (
      select household_id, person_id, amount_fen from enrollments
      where policy_id = ${policy} and status = 'active' and household_id in (select household_id from subj_household)
    ),
    compared as (
      select coalesce(e.household_id, cur.household_id) as household_id, coalesce(e.person_id, cur.person_id) as person_id,
        e.household_id as household_id_e, e.region_code, e.eligible, e.amount, cur.amount_fen as previous_amount,
        case
          when e.household_id is not null and (e.eligible is null or (e.eligible and e.amount is null)) then 'error'
          when e.eligible and cur.household_id is null then 'add'
          when cur.household_id is not null and (e.household_id is null or e.eligible = false) then 'stop'
          when e.eligible and cur.amount_fen <> e.amount then 'amount'
        end as kind
      from e full join cur on cur.household_id = e.household_id and coalesce(cur.person_id, 0) = coalesce(e.person_id, 0)
    ),
    inserted as (
      insert into policy_candidates (run_id, household_id, person_id, policy_id, version_id, kind, region_code, amount_fen, previous_amount_fen, reason)
      select ${run}, c.household_id, c.person_id, ${policy}, ${versionParam}, c.kind, coalesce(c.region_code, hh.region_code),
        c.amount, c.previous_amount, ${REASON_SQL}
      from compared c join households hh on hh.id = c.household_id
      where c.kind is not null
      returning kind
    )
    select
      (select count(*) from e where eligible) as eligible,
      (select coalesce(sum(amount), 0) from e where eligible) as amount_fen,
      (select count(*) from e where eligible is null or (eligible and amount is null)) as errors,
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

/** Runs the chosen versions over the filtered population; throws RunCancelled if asked to stop. */
export async function runPolicies(trx: Transaction<any>, options: EngineOptions): Promise<RunPolicyCounts[]> {
  const total = options.versions.length + 1;
  options.onProgress?.(0, total, '准备评估对象');
  await buildSubjectTables(trx, options.asOf, options.filter);
  const counts: RunPolicyCounts[] = [];
  for (const [index, version] of options.versions.entries()) {
    if (options.isCancelled?.()) throw new RunCancelled();
    options.onProgress?.(index + 1, total, version.name);
    counts.push(await evaluatePolicy(trx, options.runId, version));
  }
  if (options.isCancelled?.()) throw new RunCancelled();
  options.onProgress?.(total, total, '完成');
  return counts;
}
