/**
 * Measures across households: the owner's list (措施清单: filter by unit, status, overdue) and
 * the partner unit's inbox (待办), which shows only what acting on a measure needs.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { InboxItem, MeasureListItem, MeasureStatus, MeasureType } from '../../contracts/plans.js';
import { can, requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { notFound } from '../../kernel/errors.js';
import { organisationScopeCondition } from '../../kernel/auth/scope.js';
import { maskPhone } from '../../kernel/privacy/mask.js';
import { today } from '../policies/evaluation.service.js';
import { householdScope } from '../registry/households.repo.js';
import { ageOn } from '../registry/presentation.js';
import { findMeasure, inboxScope, MEASURE_COLUMNS, MEASURE_FROM, OPEN_STATUSES, OVERDUE } from './measures.repo.js';
import { detailOf } from './measures.service.js';

export interface MeasureFilter {
  responsibleOrgId?: number;
  status?: MeasureStatus | 'open';
  type?: MeasureType;
  overdue?: boolean;
  year?: number;
  q?: string;
}

interface Page {
  page: number;
  pageSize: number;
}

function conditions(filter: MeasureFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (filter.responsibleOrgId) where.push(sql`m.responsible_org_id = ${filter.responsibleOrgId}`);
  if (filter.status === 'open') where.push(sql`m.status in ${OPEN_STATUSES}`);
  else if (filter.status) where.push(sql`m.status = ${filter.status}`);
  if (filter.type) where.push(sql`m.type = ${filter.type}`);
  if (filter.overdue) where.push(OVERDUE);
  if (filter.year) where.push(sql`p.year = ${filter.year}`);
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(m.title like ${like} or hp.name like ${like} or pp.name like ${like})`);
  }
  return where;
}

export async function listMeasures(db: Kysely<any>, actor: Actor, filter: MeasureFilter, page: Page): Promise<{ items: MeasureListItem[]; total: number }> {
  requirePermission(actor, 'plan:read');
  const where = sql.join([householdScope(actor.scope), ...conditions(filter)], sql` and `);
  const from = sql`${MEASURE_FROM} join plans p on p.id = m.plan_id join households h on h.id = m.household_id
    left join persons hp on hp.id = h.head_person_id join organisations oo on oo.id = p.owner_org_id`;
  const { rows } = await sql<MeasureListItem>`select ${MEASURE_COLUMNS}, hp.name as "headName",
      (select r.name from regions r where r.code = h.region_code) as "regionName", p.year as "planYear", oo.name as "ownerOrgName"
    from ${from} where ${where}
    order by ${OVERDUE} desc, m.deadline, m.id limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`.execute(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from ${from} where ${where}`.execute(db);
  return { items: rows, total: count.rows[0]!.n };
}

export type InboxState = 'todo' | 'active' | 'closed' | 'all';

const INBOX_STATES: Record<InboxState, RawBuilder<unknown>> = {
  todo: sql`m.referral = 'pending' and m.status in ${OPEN_STATUSES}`,
  active: sql`m.status in ${OPEN_STATUSES} and coalesce(m.referral, 'accepted') = 'accepted'`,
  closed: sql`(m.status in ('done', 'cancelled') or m.referral = 'declined')`,
  all: sql`true`,
};

/**
 * The inbox rows. The person is the measure's beneficiary (the head when it serves the whole
 * household); the phone is shown only to users allowed to see phone numbers.
 */
async function inboxRows(db: Kysely<any>, actor: Actor, where: RawBuilder<unknown>, page: Page): Promise<InboxItem[]> {
  const { rows } = await sql<InboxItem & { phone: string | null; name: string; sex: 'M' | 'F' | null; birthDate: string | null }>`
    select m.id, m.type, m.title, m.detail, m.deadline, m.status, m.referral, m.status_note as "statusNote", ${OVERDUE} as overdue,
      ro.name as "responsibleOrgName", oo.name as "ownerOrgName", lu.display_name as "leadUserName", lu.phone as "leadUserPhone",
      not ${organisationScopeCondition(actor.scope, sql`array[m.responsible_org_id]`)} as "copiedOnly",
      b.name, b.sex, b.birth_date as "birthDate", b.phone, (select r.name from regions r where r.code = h.region_code) as "regionName", m.created_at as "createdAt"
    from measures m join organisations ro on ro.id = m.responsible_org_id join plans p on p.id = m.plan_id
      join organisations oo on oo.id = p.owner_org_id left join users lu on lu.id = p.lead_user_id
      join households h on h.id = m.household_id join persons b on b.id = coalesce(m.person_id, h.head_person_id)
    where ${inboxScope(actor.scope)} and ${where}
    order by ${OVERDUE} desc, m.deadline, m.id limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`.execute(db);
  const revealPhones = can(actor, 'pii:reveal');
  const now = await today(db);
  return rows.map(({ phone, name, sex, birthDate, ...row }) => ({
    ...row,
    person: { name, sex, age: birthDate ? ageOn(birthDate, new Date(`${now}T00:00:00`)) : null, phone: revealPhones ? phone : maskPhone(phone) },
  }));
}

export async function inbox(db: Kysely<any>, actor: Actor, state: InboxState, overdueOnly: boolean, page: Page): Promise<{ items: InboxItem[]; total: number; counts: Record<InboxState, number> }> {
  requirePermission(actor, 'measure:handle');
  const where = sql.join([INBOX_STATES[state], ...(overdueOnly ? [OVERDUE] : [])], sql` and `);
  const items = await inboxRows(db, actor, where, page);
  const { rows } = await sql<Record<InboxState, number> & { total: number }>`select
      count(*) filter (where ${where})::int as total,
      count(*) filter (where ${INBOX_STATES.todo})::int as todo, count(*) filter (where ${INBOX_STATES.active})::int as active,
      count(*) filter (where ${INBOX_STATES.closed})::int as closed, count(*)::int as "all"
    from measures m where ${inboxScope(actor.scope)}`.execute(db);
  const { total, ...counts } = rows[0]!;
  return { items, total, counts };
}

/** One measure from the inbox: the same minimum data, with its history and evidence. */
export async function inboxMeasure(db: Kysely<any>, actor: Actor, id: number) {
  requirePermission(actor, 'measure:handle');
  const m = await findMeasure(db, actor.scope, id);
  if (!m || !m.asHandler) throw notFound();
  const [item] = await inboxRows(db, actor, sql`m.id = ${id}`, { page: 1, pageSize: 1 });
  const { events, attachments, can: abilities } = await detailOf(db, actor, m);
  return { ...item!, events, attachments, can: abilities };
}

export type StuckReason = 'overdue' | 'blocked' | 'declined';

/** Why a measure is stuck, the strongest reason first: declined by its unit, blocked, or past its deadline. */
const STUCK_REASON = sql<StuckReason>`case when m.referral = 'declined' then 'declined' when m.status = 'blocked' then 'blocked' else 'overdue' end`;
const STUCK = sql`(m.status in ${OPEN_STATUSES} and (m.referral = 'declined' or m.status = 'blocked' or ${OVERDUE}))`;

/** The measures a joint meeting should take up, across every unit, within the user's households. */
export async function stuckMeasures(db: Kysely<any>, actor: Actor, ids?: number[]): Promise<Array<MeasureListItem & { reason: StuckReason }>> {
  requirePermission(actor, 'plan:read');
  const { rows } = await sql<MeasureListItem & { reason: StuckReason }>`select ${MEASURE_COLUMNS}, hp.name as "headName",
      (select r.name from regions r where r.code = h.region_code) as "regionName", p.year as "planYear", oo.name as "ownerOrgName", ${STUCK_REASON} as reason
    from ${MEASURE_FROM} join plans p on p.id = m.plan_id join households h on h.id = m.household_id
      left join persons hp on hp.id = h.head_person_id join organisations oo on oo.id = p.owner_org_id
    where ${householdScope(actor.scope)} and ${STUCK} ${ids ? sql`and m.id = any(${ids}::bigint[])` : sql``}
    order by ro.name, m.deadline, m.id limit 500`.execute(db);
  return rows;
}
