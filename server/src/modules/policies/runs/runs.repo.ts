/** Data access for population runs and their candidate lists; lists carry the reader's data scope. */
import { sql, type Kysely } from 'kysely';
import type { Candidate, CandidateKind, PolicyRun, RunKind, RunPolicyCounts, RunStatus } from '../../../contracts/policies.js';
import type { DataScope } from '../../../kernel/auth/scope.js';
import { householdScope } from '../../registry/households.repo.js';

type RunRow = Omit<PolicyRun, 'progress'>;

const RUN_COLUMNS = sql`r.id, r.kind, r.status, r.policy_codes as "policyCodes", r.region_codes as "regionCodes", r.as_of as "asOf",
  r.counts, r.error, r.requested_by as "requestedBy", u.display_name as "requestedByName", r.started_at as "startedAt", r.finished_at as "finishedAt"`;

export async function insertRun(db: Kysely<any>, run: { kind: RunKind; policyCodes: string[]; regionCodes: string[]; asOf: string; requestedBy: number | null }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into policy_runs (kind, status, policy_codes, region_codes, as_of, requested_by)
    values (${run.kind}, 'running', ${run.policyCodes}::text[], ${run.regionCodes}::text[], ${run.asOf}::date, ${run.requestedBy})
    returning id`.execute(db);
  return rows[0]!.id;
}

export async function finishRun(db: Kysely<any>, id: number, status: RunStatus, fields: { counts?: RunPolicyCounts[]; simulation?: unknown; error?: string | null }): Promise<void> {
  await sql`update policy_runs set status = ${status}, finished_at = now(),
      counts = coalesce(${fields.counts ? JSON.stringify(fields.counts) : null}::jsonb, counts),
      simulation = coalesce(${fields.simulation ? JSON.stringify(fields.simulation) : null}::jsonb, simulation),
      error = ${fields.error ?? null}
    where id = ${id}`.execute(db);
}

export async function findRun(db: Kysely<any>, id: number): Promise<(RunRow & { simulation: unknown }) | null> {
  const { rows } = await sql<RunRow & { simulation: unknown }>`select ${RUN_COLUMNS}, r.simulation from policy_runs r left join users u on u.id = r.requested_by where r.id = ${id}`.execute(db);
  return rows[0] ?? null;
}

export async function listRuns(db: Kysely<any>, kinds: RunKind[], limit: number): Promise<RunRow[]> {
  const { rows } = await sql<RunRow>`select ${RUN_COLUMNS} from policy_runs r left join users u on u.id = r.requested_by
    where r.kind = any(${kinds}::text[]) order by r.id desc limit ${limit}`.execute(db);
  return rows;
}

export interface CandidateFilter {
  kind?: CandidateKind;
  policyCode?: string;
  regionCode?: string;
  decided?: boolean;
}

function candidateWhere(runId: number, scope: DataScope, filter: CandidateFilter) {
  return sql`c.run_id = ${runId} and ${householdScope(scope)}
    ${filter.kind ? sql`and c.kind = ${filter.kind}` : sql``}
    ${filter.policyCode ? sql`and p.code = ${filter.policyCode}` : sql``}
    ${filter.regionCode ? sql`and c.region_code like ${`${filter.regionCode.replace(/0+$/, '')}%`}` : sql``}
    ${filter.decided === undefined ? sql`` : filter.decided ? sql`and c.decision is not null` : sql`and c.decision is null`}`;
}

const CANDIDATE_FROM = sql`policy_candidates c
  join households h on h.id = c.household_id
  join policies p on p.id = c.policy_id
  join policy_versions v on v.id = c.version_id
  left join persons sp on sp.id = c.person_id
  left join persons hp on hp.id = h.head_person_id
  left join regions rg on rg.code = c.region_code
  left join users du on du.id = c.decided_by`;

const CANDIDATE_COLUMNS = sql`c.id, c.run_id as "runId", p.code as "policyCode", v.name_zh as "policyName", c.kind,
  c.person_id as "personId", sp.name as "personName", c.household_id as "householdId", hp.name as "headName",
  c.region_code as "regionCode", rg.name as "regionName", c.amount_fen as "amountFen", c.previous_amount_fen as "previousAmountFen",
  c.reason, c.decision, c.decision_reason as "decisionReason", du.display_name as "decidedByName", c.decided_at as "decidedAt"`;

export async function listCandidates(db: Kysely<any>, runId: number, scope: DataScope, filter: CandidateFilter, page: { offset: number; limit: number }): Promise<{ items: Candidate[]; total: number }> {
  const where = candidateWhere(runId, scope, filter);
  const { rows } = await sql<Candidate>`select ${CANDIDATE_COLUMNS} from ${CANDIDATE_FROM} where ${where}
    order by c.kind, p.code, c.household_id, c.person_id nulls first limit ${page.limit} offset ${page.offset}`.execute(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from ${CANDIDATE_FROM} where ${where}`.execute(db);
  return { items: rows, total: count.rows[0]!.n };
}

export async function findCandidate(db: Kysely<any>, id: number, scope: DataScope): Promise<Candidate | null> {
  const { rows } = await sql<Candidate>`select ${CANDIDATE_COLUMNS} from ${CANDIDATE_FROM} where c.id = ${id} and ${householdScope(scope)}`.execute(db);
  return rows[0] ?? null;
}

export async function recordDecision(db: Kysely<any>, id: number, decision: string, reason: string | null, userId: number | null, evaluation: unknown): Promise<void> {
  await sql`update policy_candidates set decision = ${decision}, decision_reason = ${reason}, decided_by = ${userId}, decided_at = now(),
    decision_evaluation = ${evaluation === null ? null : JSON.stringify(evaluation)}::jsonb,
    handoff_status = case when ${decision} = 'dismiss' then null else 'pending' end where id = ${id}`.execute(db);
}

/** One export page of candidates, newest id first, below `afterId`. */
export async function candidatePage(db: Kysely<any>, runId: number, scope: DataScope, filter: CandidateFilter, afterId: number, limit: number): Promise<Candidate[]> {
  const { rows } = await sql<Candidate>`select ${CANDIDATE_COLUMNS} from ${CANDIDATE_FROM}
    where ${candidateWhere(runId, scope, filter)} and c.id < ${afterId} order by c.id desc limit ${limit}`.execute(db);
  return rows;
}
