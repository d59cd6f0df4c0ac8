/** Data access for enrollments, their steps and terms. Every read goes through the household's data scope. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Enrollment, EnrollmentAction, EnrollmentEvent, EnrollmentStatus, EnrollmentTerm } from '../../contracts/benefits.js';
import type { DataScope } from '../../kernel/auth/scope.js';
import { householdScope } from '../registry/households.repo.js';

const ENROLLMENT_COLUMNS = sql`e.id, e.household_id as "householdId", hp.name as "headName", e.person_id as "personId", pp.name as "personName",
  h.region_code as "regionCode", (select r.name from regions r where r.code = h.region_code) as "regionName",
  e.policy_id as "policyId", p.code as "policyCode", coalesce(v.name_zh, av.name_zh) as "policyName",
  coalesce(v.period, av.period) as period, e.version_id as "versionId", v.version, e.status,
  e.approval_levels as "approvalLevels", e.amount_fen as "amountFen", e.in_kind as "inKind", e.funding,
  e.started_on::text as "startedOn", e.ended_on::text as "endedOn", e.source, e.application_reason as "applicationReason",
  au.display_name as "appliedByName", e.created_at as "createdAt", e.updated_at as "updatedAt",
  case e.status when 'applied' then 'review' when 'reviewed' then (case when e.approval_levels = 2 then 'approval' else 'final_approval' end)
    when 'first_approved' then 'final_approval' end as awaiting`;

const ENROLLMENT_FROM = sql`enrollments e
  join households h on h.id = e.household_id
  join policies p on p.id = e.policy_id
  left join policy_versions v on v.id = e.version_id
  left join policy_versions av on av.policy_id = p.id and av.status = 'active'
  left join persons hp on hp.id = h.head_person_id
  left join persons pp on pp.id = e.person_id
  left join users au on au.id = e.applied_by`;

export interface EnrollmentFilter {
  householdId?: number;
  statuses?: EnrollmentStatus[];
  policyCode?: string;
  awaiting?: 'review' | 'approval';
}

function conditions(scope: DataScope, filter: EnrollmentFilter): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [householdScope(scope)];
  if (filter.householdId) parts.push(sql`e.household_id = ${filter.householdId}`);
  if (filter.statuses?.length) parts.push(sql`e.status = any(${filter.statuses}::text[])`);
  if (filter.policyCode) parts.push(sql`p.code = ${filter.policyCode}`);
  if (filter.awaiting === 'review') parts.push(sql`e.status = 'applied'`);
  if (filter.awaiting === 'approval') parts.push(sql`e.status in ('reviewed', 'first_approved')`);
  return sql.join(parts, sql` and `) as RawBuilder<boolean>;
}

export async function listEnrollments(db: Kysely<any>, scope: DataScope, filter: EnrollmentFilter, page: { offset: number; limit: number }): Promise<{ items: Enrollment[]; total: number }> {
  const where = conditions(scope, filter);
  const [items, total] = await Promise.all([
    sql<Enrollment>`select ${ENROLLMENT_COLUMNS} from ${ENROLLMENT_FROM} where ${where}
      order by e.updated_at desc, e.id desc limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${ENROLLMENT_FROM} where ${where}`.execute(db),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

export async function findEnrollment(db: Kysely<any>, scope: DataScope, id: number, forUpdate = false): Promise<(Enrollment & { appliedBy: number | null; recalcFrom: string | null }) | null> {
  const { rows } = await sql<Enrollment & { appliedBy: number | null; recalcFrom: string | null }>`
    select ${ENROLLMENT_COLUMNS}, e.applied_by as "appliedBy", e.recalc_from::text as "recalcFrom"
    from ${ENROLLMENT_FROM} where e.id = ${id} and ${householdScope(scope)} ${forUpdate ? sql`for update of e` : sql``}`.execute(db);
  return rows[0] ?? null;
}

export async function listEvents(db: Kysely<any>, enrollmentId: number): Promise<EnrollmentEvent[]> {
  const { rows } = await sql<EnrollmentEvent>`
    select ev.id, ev.action, ev.from_status as "fromStatus", ev.to_status as "toStatus", ev.effective_on::text as "effectiveOn",
      ev.amount_fen as "amountFen", ev.version_id as "versionId", v.version, ev.reason, ev.actor_name as "actorName", ev.at
    from enrollment_events ev left join policy_versions v on v.id = ev.version_id
    where ev.enrollment_id = ${enrollmentId} order by ev.id`.execute(db);
  return rows;
}

/** Who took which step: for the rule that one person does not both prepare and approve. */
export async function stepActors(db: Kysely<any>, enrollmentId: number): Promise<Array<{ action: EnrollmentAction; actorId: number | null }>> {
  const { rows } = await sql<{ action: EnrollmentAction; actorId: number | null }>`
    select action, actor_id as "actorId" from enrollment_events where enrollment_id = ${enrollmentId} order by id`.execute(db);
  return rows;
}

export async function listTerms(db: Kysely<any>, enrollmentId: number): Promise<EnrollmentTerm[]> {
  const { rows } = await sql<EnrollmentTerm>`
    select t.valid_from::text as "validFrom", t.valid_to::text as "validTo", t.amount_fen as "amountFen", t.version_id as "versionId", v.version
    from enrollment_terms t left join policy_versions v on v.id = t.version_id
    where t.enrollment_id = ${enrollmentId} order by t.valid_from`.execute(db);
  return rows;
}

export async function evaluationOf(db: Kysely<any>, enrollmentId: number): Promise<{ evaluation: unknown; paidFen: number }> {
  const { rows } = await sql<{ evaluation: unknown; paidFen: number }>`
    select e.evaluation, coalesce((select sum(l.amount_fen) from payment_lines l where l.enrollment_id = e.id and l.status = 'paid'), 0)::bigint as "paidFen"
    from enrollments e where e.id = ${enrollmentId}`.execute(db);
  return rows[0]!;
}

export interface NewEnrollmentRow {
  householdId: number;
  personId: number | null;
  policyId: number;
  versionId: number | null;
  amountFen: number;
  startedOn: string;
  source: string;
  approvalLevels: number;
  candidateId: number | null;
  reason: string | null;
  evaluation: unknown;
  funding: unknown;
  inKind: string | null;
  appliedBy: number | null;
}

export async function insertEnrollment(db: Kysely<any>, row: NewEnrollmentRow): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into enrollments (household_id, person_id, policy_id, version_id, amount_fen, status, started_on, source, approval_levels,
      candidate_id, application_reason, evaluation, funding, in_kind, applied_by)
    values (${row.householdId}, ${row.personId}, ${row.policyId}, ${row.versionId}, ${row.amountFen}, 'applied', ${row.startedOn}::date,
      ${row.source}, ${row.approvalLevels}, ${row.candidateId}, ${row.reason}, ${json(row.evaluation)}::jsonb, ${json(row.funding)}::jsonb,
      ${row.inKind}, ${row.appliedBy})
    returning id`.execute(db);
  return rows[0]!.id;
}

export async function updateEnrollment(
  db: Kysely<any>,
  id: number,
  change: { status?: EnrollmentStatus; endedOn?: string | null; amountFen?: number; versionId?: number | null; evaluation?: unknown; recalcFrom?: string | null },
): Promise<void> {
  const sets = [sql`updated_at = now()`];
  if (change.status) sets.push(sql`status = ${change.status}`);
  if (change.endedOn !== undefined) sets.push(sql`ended_on = ${change.endedOn}::date`);
  if (change.amountFen !== undefined) sets.push(sql`amount_fen = ${change.amountFen}`);
  if (change.versionId !== undefined) sets.push(sql`version_id = ${change.versionId}`);
  if (change.evaluation !== undefined) sets.push(sql`evaluation = ${json(change.evaluation)}::jsonb`);
  // The earliest date any change reaches back to, until a payment run settles it.
  if (change.recalcFrom) sets.push(sql`recalc_from = least(coalesce(recalc_from, ${change.recalcFrom}::date), ${change.recalcFrom}::date)`);
  await sql`update enrollments set ${sql.join(sets)} where id = ${id}`.execute(db);
}

export async function insertEvent(
  db: Kysely<any>,
  event: { enrollmentId: number; householdId: number; action: EnrollmentAction; fromStatus: EnrollmentStatus | null; toStatus: EnrollmentStatus;
    effectiveOn?: string | null; amountFen?: number | null; versionId?: number | null; reason?: string | null; evaluation?: unknown;
    actorId: number | null; actorName: string },
): Promise<void> {
  await sql`insert into enrollment_events (enrollment_id, household_id, action, from_status, to_status, effective_on, amount_fen, version_id, reason, evaluation, actor_id, actor_name)
    values (${event.enrollmentId}, ${event.householdId}, ${event.action}, ${event.fromStatus}, ${event.toStatus}, ${event.effectiveOn ?? null}::date,
      ${event.amountFen ?? null}, ${event.versionId ?? null}, ${event.reason ?? null}, ${json(event.evaluation)}::jsonb, ${event.actorId}, ${event.actorName})`.execute(db);
}

/** Replaces the terms from a date on: earlier terms end there, later ones give way to the new ones. */
export async function replaceTermsFrom(db: Kysely<any>, enrollmentId: number, householdId: number, from: string, terms: Array<{ validFrom: string; validTo: string | null; amountFen: number; versionId: number | null }>): Promise<void> {
  await sql`delete from enrollment_terms where enrollment_id = ${enrollmentId} and valid_from >= ${from}::date`.execute(db);
  await sql`update enrollment_terms set valid_to = ${from}::date where enrollment_id = ${enrollmentId} and (valid_to is null or valid_to > ${from}::date)`.execute(db);
  for (const t of terms) {
    await sql`insert into enrollment_terms (enrollment_id, household_id, valid_from, valid_to, amount_fen, version_id)
      values (${enrollmentId}, ${householdId}, ${t.validFrom}::date, ${t.validTo}::date, ${t.amountFen}, ${t.versionId})`.execute(db);
  }
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
