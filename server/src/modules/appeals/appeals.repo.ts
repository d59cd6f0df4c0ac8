/**
 * Data access for appeals. An appeal is in a user's scope by where it is (region), who handles
 * it (responsible organisation) or who took it in — the registry's scope rule on those columns.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PossibleDuplicate, AppealChannel, AppealDetail, AppealEvent, AppealEventKind, AppealInput, AppealStatus, LimitUnit, Satisfaction } from '../../contracts/appeals.js';
import { scopeCondition, type DataScope } from '../../kernel/auth/scope.js';

export const appealScope = (scope: DataScope) => scopeCondition(scope, { org: 'a.responsible_org_id', region: 'a.region_code', createdBy: 'a.created_by' });
/**
 * The user works for the unit that handles it, or one above it — by membership, not data scope:
 * a hotline that sees every appeal is still not the unit that must act on them.
 */
export const handlingScope = (orgId: number | null) => sql<boolean>`coalesce((select ro.path like uo.path || '%'
  from organisations ro, organisations uo where ro.id = a.responsible_org_id and uo.id = ${orgId}), false)`;

export interface Viewer {
  scope: DataScope;
  orgId: number | null;
}

export const OPEN = sql`('dispatched', 'accepted', 'in_progress', 'returned', 'reply_drafted')`;

const COLUMNS = sql`a.id, a.number, a.channel, a.category_code as "categoryCode", c.name as "categoryName", a.description, a.address,
  a.region_code as "regionCode", r.name as "regionName", a.lat, a.lng, a.contact_name as "contactName", a.contact_phone as "contactPhone",
  a.status, a.responsible_org_id as "responsibleOrgId", o.name as "responsibleOrgName", a.limit_amount as "limitAmount", a.limit_unit as "limitUnit",
  a.clock_started_at as "clockStartedAt", a.due_at as "dueAt", coalesce(a.status in ${OPEN} and a.due_at < now(), false) as overdue,
  a.created_by_name as "createdByName", a.created_at as "createdAt", a.updated_at as "updatedAt",
  a.reply_text as "replyText", a.replied_by_name as "repliedByName", a.public_question as "publicQuestion", a.public_answer as "publicAnswer",
  a.published, a.replied_at as "repliedAt", a.satisfaction, a.satisfaction_note as "satisfactionNote", a.merged_into as "mergedInto"`;
const FROM = sql`appeals a join appeal_categories c on c.code = a.category_code left join regions r on r.code = a.region_code
  left join organisations o on o.id = a.responsible_org_id`;

export type AppealRow = Omit<AppealDetail, 'events' | 'duplicates'> & { handles: boolean };

export async function findAppeal(db: Kysely<any>, viewer: Viewer, id: number, forUpdate = false): Promise<AppealRow | null> {
  const { rows } = await sql<AppealRow>`select ${COLUMNS}, ${handlingScope(viewer.orgId)} as handles from ${FROM}
    where a.id = ${id} and ${appealScope(viewer.scope)} ${forUpdate ? sql`for update of a` : sql``}`.execute(db);
  return rows[0] ?? null;
}

export async function findByIdempotencyKey(db: Kysely<any>, key: string): Promise<number | null> {
  const { rows } = await sql<{ id: number }>`select id from appeals where idempotency_key = ${key}`.execute(db);
  return rows[0]?.id ?? null;
}

export interface AppealFilter {
  status?: AppealStatus | 'open';
  categoryCode?: string;
  responsibleOrgId?: number;
  overdue?: boolean;
  q?: string;
}

export async function listAppeals(db: Kysely<any>, viewer: Viewer, filter: AppealFilter, page: { page: number; pageSize: number }): Promise<{ items: AppealRow[]; total: number }> {
  const where: RawBuilder<unknown>[] = [appealScope(viewer.scope)];
  if (filter.status === 'open') where.push(sql`a.status in ${OPEN}`);
  else if (filter.status) where.push(sql`a.status = ${filter.status}`);
  if (filter.categoryCode) where.push(sql`a.category_code = ${filter.categoryCode}`);
  if (filter.responsibleOrgId) where.push(sql`a.responsible_org_id = ${filter.responsibleOrgId}`);
  if (filter.overdue) where.push(sql`a.status in ${OPEN} and a.due_at < now()`);
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(a.number = ${filter.q.trim()} or a.description like ${like} or a.address like ${like})`);
  }
  const condition = sql.join(where, sql` and `);
  const { rows } = await sql<AppealRow>`select ${COLUMNS}, ${handlingScope(viewer.orgId)} as handles from ${FROM} where ${condition}
    order by a.created_at desc, a.id desc limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`.execute(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from appeals a where ${condition}`.execute(db);
  return { items: rows, total: count.rows[0]!.n };
}

export async function insertAppeal(
  db: Kysely<any>,
  input: AppealInput & { channel: AppealChannel; idempotencyKey: string | null },
  actor: { id: number | null; name: string },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into appeals (number, channel, category_code, description, address, region_code, lat, lng,
      contact_name, contact_phone, idempotency_key, created_by, created_by_name)
    values (to_char(now() at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('appeal_number_seq')::text, 6, '0'),
      ${input.channel}, ${input.categoryCode}, ${input.description}, ${input.address}, ${input.regionCode}, ${input.lat ?? null}, ${input.lng ?? null},
      ${input.contactName}, ${input.contactPhone}, ${input.idempotencyKey}, ${actor.id}, ${actor.name})
    on conflict (idempotency_key) where idempotency_key is not null do nothing
    returning id`.execute(db);
  return rows[0]?.id ?? (await findByIdempotencyKey(db, input.idempotencyKey!))!;
}

export interface AppealChange {
  status?: AppealStatus;
  reply?: { text: string; byName: string } | null;
  publicText?: { question: string; answer: string } | null;
  published?: boolean;
  repliedAt?: Date | null;
  satisfaction?: { value: Satisfaction; note: string | null } | null;
  closedAt?: Date | null;
  responsibleOrgId?: number | null;
  limit?: { amount: number; unit: LimitUnit } | null;
  clockStartedAt?: Date | null;
  dueAt?: Date | null;
  mergedInto?: number | null;
}

export async function updateAppeal(db: Kysely<any>, id: number, change: AppealChange): Promise<void> {
  const sets: RawBuilder<unknown>[] = [sql`updated_at = now()`];
  if (change.status !== undefined) sets.push(sql`status = ${change.status}`);
  if (change.responsibleOrgId !== undefined) sets.push(sql`responsible_org_id = ${change.responsibleOrgId}`);
  if (change.limit !== undefined) sets.push(sql`limit_amount = ${change.limit?.amount ?? null}, limit_unit = ${change.limit?.unit ?? null}`);
  if (change.clockStartedAt !== undefined) sets.push(sql`clock_started_at = ${change.clockStartedAt}`);
  if (change.dueAt !== undefined) sets.push(sql`due_at = ${change.dueAt}`);
  if (change.reply !== undefined) sets.push(sql`reply_text = ${change.reply?.text ?? null}, replied_by_name = ${change.reply?.byName ?? null}`);
  if (change.publicText !== undefined) sets.push(sql`public_question = ${change.publicText?.question ?? null}, public_answer = ${change.publicText?.answer ?? null}`);
  if (change.published !== undefined) sets.push(sql`published = ${change.published}`);
  if (change.repliedAt !== undefined) sets.push(sql`replied_at = ${change.repliedAt}`);
  if (change.satisfaction !== undefined) sets.push(sql`satisfaction = ${change.satisfaction?.value ?? null}, satisfaction_note = ${change.satisfaction?.note ?? null}`);
  if (change.closedAt !== undefined) sets.push(sql`closed_at = ${change.closedAt}`);
  if (change.mergedInto !== undefined) sets.push(sql`merged_into = ${change.mergedInto}`);
  await sql`update appeals set ${sql.join(sets, sql`, `)} where id = ${id}`.execute(db);
}

export async function insertAppealEvent(
  db: Kysely<any>,
  e: { appealId: number; kind: AppealEventKind; fromStatus?: AppealStatus | null; toStatus?: AppealStatus | null; note?: string | null; orgId?: number | null },
  actor: { id: number | null; name: string; orgId: number | null },
): Promise<void> {
  await sql`insert into appeal_events (appeal_id, kind, from_status, to_status, note, org_id, actor_id, actor_name)
    values (${e.appealId}, ${e.kind}, ${e.fromStatus ?? null}, ${e.toStatus ?? null}, ${e.note ?? null}, ${e.orgId ?? actor.orgId}, ${actor.id}, ${actor.name})`.execute(db);
}

export async function listAppealEvents(db: Kysely<any>, appealId: number): Promise<AppealEvent[]> {
  const { rows } = await sql<AppealEvent>`select e.id, e.kind, e.from_status as "fromStatus", e.to_status as "toStatus", e.note, o.name as "orgName",
      e.actor_name as "actorName", e.at from appeal_events e left join organisations o on o.id = e.org_id where e.appeal_id = ${appealId} order by e.id`.execute(db);
  return rows;
}

export async function listPauses(db: Kysely<any>, appealId: number): Promise<Array<{ from: Date; to: Date | null }>> {
  const { rows } = await sql<{ from: Date; to: Date | null }>`select from_at as "from", to_at as "to" from appeal_pauses where appeal_id = ${appealId} order by id`.execute(db);
  return rows.map((r) => ({ from: new Date(r.from), to: r.to ? new Date(r.to) : null }));
}

export async function openPause(db: Kysely<any>, appealId: number, reason: string): Promise<void> {
  await sql`insert into appeal_pauses (appeal_id, from_at, reason) values (${appealId}, now(), ${reason})`.execute(db);
}

export async function closePause(db: Kysely<any>, appealId: number): Promise<void> {
  await sql`update appeal_pauses set to_at = now() where appeal_id = ${appealId} and to_at is null`.execute(db);
}

/** Metres between two points, near enough at city scale (equirectangular). */
const DISTANCE = sql`111320 * sqrt(power(o.lat - a.lat, 2) + power((o.lng - a.lng) * cos(radians(a.lat)), 2))`;

/**
 * Appeals that may be the same matter as this one, within the reader's scope: the same category
 * in the same community (or within 300 m) three days either side, or the same caller within a week.
 */
export async function possibleDuplicates(db: Kysely<any>, scope: DataScope, id: number): Promise<PossibleDuplicate[]> {
  const { rows } = await sql<PossibleDuplicate>`
    select o.id, o.number, o.status, c.name as "categoryName", o.description, o.address, o.created_at as "createdAt",
      case when a.contact_phone is not null and o.contact_phone = a.contact_phone then 'same_caller' else 'same_place' end as reason
    from appeals a join appeals o on o.id <> a.id and o.merged_into is null and o.status <> 'merged'
      join appeal_categories c on c.code = o.category_code
    where a.id = ${id} and ${scopeCondition(scope, { org: 'o.responsible_org_id', region: 'o.region_code', createdBy: 'o.created_by' })} and (
      (o.category_code = a.category_code and o.created_at between a.created_at - interval '3 days' and a.created_at + interval '3 days'
        and (o.region_code = a.region_code or (a.lat is not null and o.lat is not null and ${DISTANCE} < 300)))
      or (a.contact_phone is not null and o.contact_phone = a.contact_phone and o.created_at between a.created_at - interval '7 days' and a.created_at + interval '7 days'))
    order by o.created_at desc limit 10`.execute(db);
  return rows;
}

export async function mergedInto(db: Kysely<any>, targetId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select id from appeals where merged_into = ${targetId} and status = 'merged'`.execute(db);
  return rows.map((r) => r.id);
}

