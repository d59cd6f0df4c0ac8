/**
 * Data access for appeals. An appeal is in a user's scope by where it is (region), who handles
 * it (responsible organisation) or who took it in — the registry's scope rule on those columns.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PossibleDuplicate, AppealChannel, AppealDetail, AppealEvent, AppealEventKind, AppealInput, AppealStatus, LimitUnit, Satisfaction } from '../../contracts/appeals.js';
import { scopeCondition, type DataScope } from '../../kernel/auth/scope.js';
import { executePrepared } from '../../kernel/db/open.js';

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

/**
 * A hot read (every intake and step shows the appeal and its events) as a named prepared statement
 * on a server: each connection parses and plans it once (kernel/db/open.ts). Only for lookups by key,
 * whose generic plan stays right however the table grows.
 */
const prepared = <R>(db: Kysely<any>, query: RawBuilder<R>): Promise<R[]> => executePrepared<R>(db, query.compile(db));

export async function findAppeal(db: Kysely<any>, viewer: Viewer, id: number, forUpdate = false): Promise<AppealRow | null> {
  const rows = await prepared(db, sql<AppealRow>`select ${COLUMNS}, ${handlingScope(viewer.orgId)} as handles from ${FROM}
    where a.id = ${id} and ${appealScope(viewer.scope)} ${forUpdate ? sql`for update of a` : sql``}`);
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

/** Lists count at most this many matches (as the registry's lists do): counting a million appeals is not worth a page's wait. */
export const LIST_COUNT_CAP = 10_000;

/** A page of appeals, newest first, and how many match — exactly up to LIST_COUNT_CAP, then just the cap. */
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
  const [items, count] = await Promise.all([
    // The page's ids first (from an index, narrow rows), then the 20 rows' names and units.
    sql<AppealRow>`select ${COLUMNS}, ${handlingScope(viewer.orgId)} as handles
      from (select a.id from appeals a where ${condition} order by a.created_at desc, a.id desc limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}) p
        join ${FROM} on a.id = p.id
      order by a.created_at desc, a.id desc`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from (select 1 from appeals a where ${condition} limit ${LIST_COUNT_CAP}) t`.execute(db),
  ]);
  return { items: items.rows, total: count.rows[0]!.n };
}

/** Where the catalogue sends a new appeal at once: the unit, its limit and the clock (started at intake). */
export interface IntakeDispatch {
  orgId: number;
  limit: { amount: number; unit: LimitUnit };
  dueAt: Date | null;
  note: string;
}

/**
 * Stores a new appeal with its first events — received, and dispatched when the catalogue placed
 * it — in one statement. Returns null when the Idempotency-Key names an appeal already stored
 * (then nothing is written and no number is used up).
 */
export async function insertAppeal(
  db: Kysely<any>,
  input: AppealInput & { channel: AppealChannel; idempotencyKey: string | null; at: Date; receivedNote: string; dispatch: IntakeDispatch | null },
  actor: { id: number | null; name: string; orgId: number | null },
): Promise<number | null> {
  const d = input.dispatch;
  const events = [sql`('received', null, 'received', ${input.receivedNote}, ${actor.orgId}::bigint)`];
  if (d) events.push(sql`('dispatched', 'received', 'dispatched', ${d.note}, ${d.orgId}::bigint)`);
  const { rows } = await sql<{ id: number }>`with a as (
      insert into appeals (number, channel, category_code, description, address, region_code, lat, lng, contact_name, contact_phone, idempotency_key,
        status, responsible_org_id, limit_amount, limit_unit, clock_started_at, due_at, created_by, created_by_name, created_at, updated_at)
      select to_char(${input.at}::timestamptz at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('appeal_number_seq')::text, 6, '0'),
        ${input.channel}, ${input.categoryCode}, ${input.description}, ${input.address}, ${input.regionCode}, ${input.lat ?? null}::float8, ${input.lng ?? null}::float8,
        ${input.contactName}, ${input.contactPhone}, ${input.idempotencyKey}::text, ${d ? 'dispatched' : 'received'}, ${d?.orgId ?? null}::bigint,
        ${d?.limit.amount ?? null}::int, ${d?.limit.unit ?? null}, ${d ? input.at : null}::timestamptz, ${d?.dueAt ?? null}::timestamptz,
        ${actor.id}::bigint, ${actor.name}, ${input.at}::timestamptz, ${input.at}::timestamptz
      where ${input.idempotencyKey}::text is null or not exists (select 1 from appeals where idempotency_key = ${input.idempotencyKey}::text)
      on conflict (idempotency_key) where idempotency_key is not null do nothing
      returning id
    ), e as (
      insert into appeal_events (appeal_id, kind, from_status, to_status, note, org_id, actor_id, actor_name)
      select a.id, v.kind, v.from_status, v.to_status, v.note, v.org_id, ${actor.id}::bigint, ${actor.name} from a, (values ${sql.join(events)}) v (kind, from_status, to_status, note, org_id)
    )
    select id from a`.execute(db);
  return rows[0]?.id ?? null;
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
  return prepared(db, sql<AppealEvent>`select e.id, e.kind, e.from_status as "fromStatus", e.to_status as "toStatus", e.note, o.name as "orgName",
      e.actor_name as "actorName", e.at from appeal_events e left join organisations o on o.id = e.org_id where e.appeal_id = ${appealId} order by e.id`);
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
const DISTANCE = (o: string) => sql.raw(`111320 * sqrt(power(${o}.lat - a.lat, 2) + power((${o}.lng - a.lng) * cos(radians(a.lat)), 2))`);
/** 300 m of latitude in degrees: a point within 300 m lies within this band (the distance is at least the latitude's). */
const LAT_300M = 300 / 111320;

/**
 * Appeals that may be the same matter as this one, within the reader's scope: the same category
 * in the same community (or within 300 m) three days either side, or the same caller within a week.
 * Each of the three ways is its own indexed search (category × community, category × latitude
 * band, phone), collected once, so only near candidates are read however many appeals are stored.
 * Materialised steps keep that shape even when the statistics are stale (a new table that grew
 * fast), and the query is planned each time rather than prepared for the same reason.
 */
export async function possibleDuplicates(db: Kysely<any>, scope: DataScope, id: number): Promise<PossibleDuplicate[]> {
  const { rows } = await sql<PossibleDuplicate>`
    with a as materialized (select id, category_code, region_code, lat, lng, contact_phone, created_at from appeals where id = ${id}),
    near as materialized (
      select s.id from a, appeals s where s.category_code = a.category_code and s.region_code = a.region_code
        and s.created_at between a.created_at - interval '3 days' and a.created_at + interval '3 days'
      union
      select s.id from a, appeals s where a.lat is not null and s.category_code = a.category_code
        and s.lat between a.lat - ${LAT_300M}::float8 and a.lat + ${LAT_300M}::float8
        and s.created_at between a.created_at - interval '3 days' and a.created_at + interval '3 days' and ${DISTANCE('s')} < 300
      union
      select s.id from a, appeals s where a.contact_phone is not null and s.contact_phone = a.contact_phone
        and s.created_at between a.created_at - interval '7 days' and a.created_at + interval '7 days'
    )
    select o.id, o.number, o.status, c.name as "categoryName", o.description, o.address, o.created_at as "createdAt",
      case when a.contact_phone is not null and o.contact_phone = a.contact_phone then 'same_caller' else 'same_place' end as reason
    from a, near join appeals o on o.id = near.id join appeal_categories c on c.code = o.category_code
    where o.id <> a.id and o.merged_into is null and o.status <> 'merged'
      and ${scopeCondition(scope, { org: 'o.responsible_org_id', region: 'o.region_code', createdBy: 'o.created_by' })}
    order by o.created_at desc limit 10`.execute(db);
  return rows;
}

export async function mergedInto(db: Kysely<any>, targetId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select id from appeals where merged_into = ${targetId} and status = 'merged'`.execute(db);
  return rows.map((r) => r.id);
}

