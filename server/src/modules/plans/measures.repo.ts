/**
 * Data access for plans and measures. Two ways in, each enforced here in SQL: the plan owner's
 * side (the household is in the user's data scope) and the partner's side (the measure is
 * referred or copied to the user's organisation, or one below it).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Measure, MeasureEvent, Plan, MeasureEventKind, MeasureFunding, MeasureStatus, MeasureType, ReferralState } from '../../contracts/plans.js';
import { organisationScopeCondition, type DataScope } from '../../kernel/auth/scope.js';
import { householdScope } from '../registry/households.repo.js';

export const OPEN_STATUSES = sql`('planned', 'in_progress', 'blocked')`;
export const OVERDUE = sql<boolean>`(m.status in ${OPEN_STATUSES} and m.deadline < current_date)`;

/** The measure is in the user's inbox: referred or copied to an organisation at or below theirs. */
export const inboxScope = (scope: DataScope) => organisationScopeCondition(scope, sql`(array[m.responsible_org_id] || m.cc_org_ids)`);

export const MEASURE_COLUMNS = sql`m.id, m.plan_id as "planId", m.household_id as "householdId", m.person_id as "personId", pp.name as "personName",
  m.type, m.title, m.detail, m.responsible_org_id as "responsibleOrgId", ro.name as "responsibleOrgName", m.responsible_person as "responsiblePerson",
  m.cc_org_ids::int[] as "ccOrgIds",
  coalesce((select array_agg(co.name order by co.id) from organisations co where co.id = any(m.cc_org_ids)), '{}') as "ccOrgNames",
  m.deadline, m.amount_fen as "amountFen", m.funding, m.enrollment_id as "enrollmentId", en.status as "enrollmentStatus",
  m.status, m.referral, m.status_note as "statusNote", m.origin, ${OVERDUE} as overdue,
  m.created_by_name as "createdByName", m.created_at as "createdAt", m.updated_at as "updatedAt", m.done_at as "doneAt"`;

export const MEASURE_FROM = sql`measures m join organisations ro on ro.id = m.responsible_org_id
  left join persons pp on pp.id = m.person_id left join enrollments en on en.id = m.enrollment_id`;

/** A plan without its measures, as its row gives it. */
export type PlanRow = Omit<Plan, 'measures' | 'counts'>;

const PLAN_COLUMNS = sql`p.id, p.household_id as "householdId", p.year, p.owner_org_id as "ownerOrgId", oo.name as "ownerOrgName",
  p.lead_user_id as "leadUserId", lu.display_name as "leadUserName", p.goal, p.status, p.created_at as "createdAt", p.updated_at as "updatedAt"`;
const PLAN_FROM = sql`plans p join organisations oo on oo.id = p.owner_org_id left join users lu on lu.id = p.lead_user_id`;

/** Plans of a household the user may see, newest year first. */
export async function listPlans(db: Kysely<any>, scope: DataScope, householdId: number): Promise<PlanRow[]> {
  const { rows } = await sql<PlanRow>`select ${PLAN_COLUMNS} from ${PLAN_FROM} join households h on h.id = p.household_id
    where p.household_id = ${householdId} and ${householdScope(scope)} order by p.year desc`.execute(db);
  return rows;
}

export async function findPlan(db: Kysely<any>, scope: DataScope, id: number, forUpdate = false): Promise<PlanRow | null> {
  const { rows } = await sql<PlanRow>`select ${PLAN_COLUMNS} from ${PLAN_FROM} join households h on h.id = p.household_id
    where p.id = ${id} and ${householdScope(scope)} ${forUpdate ? sql`for update of p` : sql``}`.execute(db);
  return rows[0] ?? null;
}

export async function findPlanByYear(db: Kysely<any>, householdId: number, year: number): Promise<PlanRow | null> {
  const { rows } = await sql<PlanRow>`select ${PLAN_COLUMNS} from ${PLAN_FROM} where p.household_id = ${householdId} and p.year = ${year}`.execute(db);
  return rows[0] ?? null;
}

export async function savePlan(
  db: Kysely<any>,
  row: { householdId: number; year: number; ownerOrgId: number; leadUserId: number | null; goal: string | null; createdBy: number | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into plans (household_id, year, owner_org_id, lead_user_id, goal, created_by)
    values (${row.householdId}, ${row.year}, ${row.ownerOrgId}, ${row.leadUserId}, ${row.goal}, ${row.createdBy})
    on conflict (household_id, year) do update set lead_user_id = excluded.lead_user_id, goal = excluded.goal, updated_at = now()
    returning id`.execute(db);
  return rows[0]!.id;
}

export async function measuresOfPlans(db: Kysely<any>, planIds: number[]): Promise<Measure[]> {
  if (planIds.length === 0) return [];
  const { rows } = await sql<Measure>`select ${MEASURE_COLUMNS} from ${MEASURE_FROM}
    where m.plan_id = any(${planIds}::bigint[]) order by m.deadline, m.id`.execute(db);
  return rows;
}

/** A measure seen from the owner's side (household in scope) or the partner's (in the inbox); which one is returned too. */
export interface MeasureAccess extends Measure {
  /** The household is in the user's scope: the plan owner's side, full view. */
  asOwner: boolean;
  /** Referred or copied to the user's organisation: the partner's side, minimum data. */
  asHandler: boolean;
  /** Referred to (not merely copied to) the user's organisation: may accept, decline, report. */
  asResponsible: boolean;
  ownerOrgId: number;
  ownerOrgName: string;
  leadUserId: number | null;
  createdBy: number | null;
}

export async function findMeasure(db: Kysely<any>, scope: DataScope, id: number, forUpdate = false): Promise<MeasureAccess | null> {
  const { rows } = await sql<MeasureAccess>`
    select ${MEASURE_COLUMNS}, ${householdScope(scope)} as "asOwner", ${inboxScope(scope)} as "asHandler",
      ${organisationScopeCondition(scope, sql`array[m.responsible_org_id]`)} as "asResponsible", m.created_by as "createdBy",
      p.owner_org_id as "ownerOrgId", (select name from organisations where id = p.owner_org_id) as "ownerOrgName", p.lead_user_id as "leadUserId"
    from ${MEASURE_FROM} join plans p on p.id = m.plan_id join households h on h.id = m.household_id
    where m.id = ${id} and (${householdScope(scope)} or ${inboxScope(scope)}) ${forUpdate ? sql`for update of m` : sql``}`.execute(db);
  return rows[0] ?? null;
}

export interface NewMeasure {
  householdId: number;
  planId: number;
  personId: number | null;
  type: MeasureType;
  title: string;
  detail: string | null;
  responsibleOrgId: number;
  responsiblePerson: string | null;
  ccOrgIds: number[];
  deadline: string;
  amountFen: number | null;
  funding: MeasureFunding[] | null;
  enrollmentId: number | null;
  referral: ReferralState | null;
  origin: 'plan' | 'meeting' | 'visit';
  originId: number | null;
}

export async function insertMeasure(db: Kysely<any>, m: NewMeasure, actor: { id: number | null; name: string }): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into measures (household_id, plan_id, person_id, type, title, detail, responsible_org_id,
      responsible_person, cc_org_ids, deadline, amount_fen, funding, enrollment_id, referral, origin, origin_id, created_by, created_by_name)
    values (${m.householdId}, ${m.planId}, ${m.personId}, ${m.type}, ${m.title}, ${m.detail}, ${m.responsibleOrgId}, ${m.responsiblePerson},
      ${m.ccOrgIds}::bigint[], ${m.deadline}::date, ${m.amountFen}, ${m.funding ? JSON.stringify(m.funding) : null}::jsonb, ${m.enrollmentId},
      ${m.referral}, ${m.origin}, ${m.originId}, ${actor.id}, ${actor.name})
    returning id`.execute(db);
  return rows[0]!.id;
}

export interface MeasureChange {
  status?: MeasureStatus;
  referral?: ReferralState | null;
  statusNote?: string | null;
  responsibleOrgId?: number;
  responsiblePerson?: string | null;
  deadline?: string;
}

export async function updateMeasure(db: Kysely<any>, id: number, change: MeasureChange): Promise<void> {
  const sets: RawBuilder<unknown>[] = [sql`updated_at = now()`];
  if (change.status !== undefined) {
    sets.push(sql`status = ${change.status}`);
    sets.push(sql`done_at = ${change.status === 'done' ? sql`now()` : sql`null`}`);
  }
  if (change.referral !== undefined) sets.push(sql`referral = ${change.referral}`);
  if (change.statusNote !== undefined) sets.push(sql`status_note = ${change.statusNote}`);
  if (change.responsibleOrgId !== undefined) sets.push(sql`responsible_org_id = ${change.responsibleOrgId}`);
  if (change.responsiblePerson !== undefined) sets.push(sql`responsible_person = ${change.responsiblePerson}`);
  if (change.deadline !== undefined) sets.push(sql`deadline = ${change.deadline}::date`);
  await sql`update measures set ${sql.join(sets, sql`, `)} where id = ${id}`.execute(db);
}

export interface NewMeasureEvent {
  measureId: number;
  householdId: number;
  kind: MeasureEventKind;
  fromStatus?: MeasureStatus | null;
  toStatus?: MeasureStatus | null;
  note?: string | null;
  orgId?: number | null;
}

export async function insertMeasureEvent(db: Kysely<any>, e: NewMeasureEvent, actor: { id: number | null; name: string; orgId: number | null }): Promise<void> {
  await sql`insert into measure_events (measure_id, household_id, kind, from_status, to_status, note, org_id, actor_id, actor_name)
    values (${e.measureId}, ${e.householdId}, ${e.kind}, ${e.fromStatus ?? null}, ${e.toStatus ?? null}, ${e.note ?? null},
      ${e.orgId ?? actor.orgId}, ${actor.id}, ${actor.name})`.execute(db);
}

export async function listMeasureEvents(db: Kysely<any>, measureId: number): Promise<MeasureEvent[]> {
  const { rows } = await sql<MeasureEvent>`select e.id, e.kind, e.from_status as "fromStatus", e.to_status as "toStatus", e.note,
      o.name as "orgName", e.actor_name as "actorName", e.at
    from measure_events e left join organisations o on o.id = e.org_id where e.measure_id = ${measureId} order by e.id`.execute(db);
  return rows;
}

/** Users of these organisations who handle measures: whom a referral or a fast-channel alert reaches. */
export async function handlersOf(db: Kysely<any>, orgIds: number[]): Promise<number[]> {
  if (orgIds.length === 0) return [];
  const { rows } = await sql<{ id: number }>`select distinct u.id from users u
    join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
    where u.org_id = any(${orgIds}::bigint[]) and 'measure:handle' = any(r.permissions) and not u.disabled`.execute(db);
  return rows.map((r) => r.id);
}
