/**
 * Data access for appeals. An appeal is in a user's scope by where it is (region), who handles
 * it (responsible organisation) or who took it in — the registry's scope rule on those columns.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PossibleDuplicate, AppealChannel, AppealDetail, AppealEvent, AppealEventKind, AppealInput, AppealStatus, LimitUnit, Satisfaction } from '../../contracts/appeals.js';
import { scopeCondition, type DataScope } from '../../kernel/auth/scope.js';
import { executePrepared } from '../../kernel/db/open.js';
import { auditEachRowOf } from '../../kernel/audit.js';

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

/** A timestamp inside json_build_object, written as Date.toISOString writes it (UTC, milliseconds), like the columns pg returns as dates. */
const isoUtc = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export const OPEN = sql`('dispatched', 'accepted', 'in_progress', 'returned', 'reply_drafted')`;

const COLUMNS = sql`a.id, a.number, a.channel, a.category_code as "categoryCode", c.name as "categoryName", a.description, a.address,
  a.region_code as "regionCode", r.name as "regionName", a.lat, a.lng, a.contact_name as "contactName", a.contact_phone as "contactPhone",
  a.status, a.responsible_org_id as "responsibleOrgId", o.name as "responsibleOrgName", a.limit_amount as "limitAmount", a.limit_unit as "limitUnit",
  a.clock_started_at as "clockStartedAt", a.due_at as "dueAt", coalesce(a.status in ${OPEN} and a.due_at < now(), false) as overdue,
  a.created_by_name as "createdByName", a.created_at as "createdAt", a.updated_at as "updatedAt",
  a.reply_text as "replyText", a.replied_by_name as "repliedByName", a.public_question as "publicQuestion", a.public_answer as "publicAnswer",
  a.published, a.replied_at as "repliedAt", a.satisfaction, a.satisfaction_note as "satisfactionNote", a.merged_into as "mergedInto",
  case when a.status = 'returned' then (select json_build_object('note', e.note, 'orgName', eo.name, 'actorName', e.actor_name,
      'at', ${isoUtc('e.at')})
    from appeal_events e left join organisations eo on eo.id = e.org_id where e.appeal_id = a.id and e.kind = 'returned' order by e.id desc limit 1)
  end as "lastReturn"`;
/** The appeals (the table, or a statement's CTE of new ones) as `a` with their category, region and unit. */
const appealsFrom = (source: 'appeals a' | 'a') => sql`${sql.raw(source)} join appeal_categories c on c.code = a.category_code left join regions r on r.code = a.region_code
  left join organisations o on o.id = a.responsible_org_id`;
const FROM = appealsFrom('appeals a');

export type AppealRow = Omit<AppealDetail, 'events' | 'duplicates'>;

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
  /** Only those the reader's unit, or one under it, handles (the unit inbox). */
  handledByMe?: boolean;
  q?: string;
  /** Newest first (the default), or the one due soonest first — those without a due time last. */
  sort?: 'newest' | 'due';
}

/** Lists count at most this many matches (as the registry's lists do): counting a million appeals is not worth a page's wait. */
export const LIST_COUNT_CAP = 10_000;

/** A page of appeals, newest first (or due first), and how many match — exactly up to LIST_COUNT_CAP, then just the cap. */
export async function listAppeals(db: Kysely<any>, viewer: Viewer, filter: AppealFilter, page: { page: number; pageSize: number }): Promise<{ items: AppealRow[]; total: number }> {
  const where: RawBuilder<unknown>[] = [appealScope(viewer.scope)];
  if (filter.status === 'open') where.push(sql`a.status in ${OPEN}`);
  else if (filter.status) where.push(sql`a.status = ${filter.status}`);
  if (filter.categoryCode) where.push(sql`a.category_code = ${filter.categoryCode}`);
  if (filter.responsibleOrgId) where.push(sql`a.responsible_org_id = ${filter.responsibleOrgId}`);
  if (filter.overdue) where.push(sql`a.status in ${OPEN} and a.due_at < now()`);
  if (filter.handledByMe) {
    where.push(sql`a.responsible_org_id in (select o.id from organisations o, organisations me where me.id = ${viewer.orgId}::bigint and o.path like me.path || '%')`);
  }
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(a.number = ${filter.q.trim()} or a.description like ${like} or a.address like ${like})`);
  }
  const condition = sql.join(where, sql` and `);
  const order = filter.sort === 'due' ? sql`a.due_at asc nulls last, a.id asc` : sql`a.created_at desc, a.id desc`;
  const [items, count] = await Promise.all([
    // The page's ids first (from an index, narrow rows), then the 20 rows' names and units.
    sql<AppealRow>`select ${COLUMNS}, ${handlingScope(viewer.orgId)} as handles
      from (select a.id from appeals a where ${condition} order by ${order} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}) p
        join ${FROM} on a.id = p.id
      order by ${order}`.execute(db),
    // Counted along the newest-first index (narrow entries that carry the scope's columns) rather than through the wide rows.
    sql<{ n: number }>`select count(*)::int as n from (select 1 from appeals a where ${condition} order by a.created_at desc, a.id desc limit ${LIST_COUNT_CAP}) t`.execute(db),
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
 * it — and its audit entry, in one statement (atomic without a transaction, one round trip), and
 * returns it as stored, as the one who took it in sees it. Returns null when the Idempotency-Key
 * names an appeal already stored (then nothing is written and no number is used up).
 */
export async function insertAppeal(
  db: Kysely<any>,
  input: AppealInput & { channel: AppealChannel; idempotencyKey: string | null; at: Date; receivedNote: string; dispatch: IntakeDispatch | null },
  actor: { id: number | null; name: string; orgId: number | null; ip: string | null },
): Promise<{ row: AppealRow; events: AppealEvent[] } | null> {
  const d = input.dispatch;
  const events = [sql`('received', null, 'received', ${input.receivedNote}, ${actor.orgId}::bigint)`];
  if (d) events.push(sql`('dispatched', 'received', 'dispatched', ${d.note}, ${d.orgId}::bigint)`);
  const rows = await prepared(db, sql<AppealRow & { events: AppealEvent[] }>`with a as (
      insert into appeals (number, channel, category_code, description, address, region_code, lat, lng, contact_name, contact_phone, idempotency_key,
        status, responsible_org_id, limit_amount, limit_unit, clock_started_at, due_at, created_by, created_by_name, created_at, updated_at)
      select to_char(${input.at}::timestamptz at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('appeal_number_seq')::text, 6, '0'),
        ${input.channel}, ${input.categoryCode}, ${input.description}, ${input.address}, ${input.regionCode}, ${input.lat ?? null}::float8, ${input.lng ?? null}::float8,
        ${input.contactName}, ${input.contactPhone}, ${input.idempotencyKey}::text, ${d ? 'dispatched' : 'received'}, ${d?.orgId ?? null}::bigint,
        ${d?.limit.amount ?? null}::int, ${d?.limit.unit ?? null}, ${d ? input.at : null}::timestamptz, ${d?.dueAt ?? null}::timestamptz,
        ${actor.id}::bigint, ${actor.name}, ${input.at}::timestamptz, ${input.at}::timestamptz
      where ${input.idempotencyKey}::text is null or not exists (select 1 from appeals where idempotency_key = ${input.idempotencyKey}::text)
      on conflict (idempotency_key) where idempotency_key is not null do nothing
      returning *
    ), e as (
      insert into appeal_events (appeal_id, kind, from_status, to_status, note, org_id, actor_id, actor_name)
      select a.id, v.kind, v.from_status, v.to_status, v.note, v.org_id, ${actor.id}::bigint, ${actor.name} from a, (values ${sql.join(events)}) v (kind, from_status, to_status, note, org_id)
      returning *
    ), audit as (
      ${auditEachRowOf('a', actor, { action: 'appeal.received', entityType: 'appeal', after: { channel: input.channel, categoryCode: input.categoryCode, regionCode: input.regionCode } })}
    )
    select ${COLUMNS}, ${handlingScope(actor.orgId)} as handles,
      (select json_agg(json_build_object('id', e.id, 'kind', e.kind, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'note', e.note,
        'orgName', eo.name, 'actorName', e.actor_name, 'at', ${isoUtc('e.at')}) order by e.id) from e left join organisations eo on eo.id = e.org_id) as events
    from ${appealsFrom('a')}`);
  const stored = rows[0];
  if (!stored) return null;
  const { events: storedEvents, ...row } = stored;
  return { row, events: storedEvents };
}

export interface AppealChange {
  status?: AppealStatus;
  reply?: { text: string; byName: string } | null;
  publicText?: { question: string; answer: string } | null;
  published?: boolean;
  repliedAt?: Date | null;
  repliedInTime?: boolean | null;
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
  if (change.repliedInTime !== undefined) sets.push(sql`replied_in_time = ${change.repliedInTime}`);
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

/** Metres between a stored appeal `s` and a point, near enough at city scale (equirectangular). */
const distanceFrom = (lat: number, lng: number) => sql`111320 * sqrt(power(s.lat - ${lat}::float8, 2) + power((s.lng - ${lng}::float8) * cos(radians(${lat}::float8)), 2))`;
/** 300 m of latitude in degrees: a point within 300 m lies within this band (the distance is at least the latitude's). */
const LAT_300M = 300 / 111320;
const DAY_MS = 86_400_000;

/** What the duplicate search needs of an appeal: what, where, who and when. */
export type DuplicateProbe = Pick<AppealRow, 'id' | 'categoryCode' | 'regionCode' | 'lat' | 'lng' | 'contactPhone' | 'createdAt'>;

/**
 * Appeals that may be the same matter as this one, within the reader's scope: the same category
 * in the same community (or within 300 m) three days either side, or the same caller within a week.
 * Each way is a search of one index (category × community × time, category × latitude × time,
 * phone × time) driven by the appeal's own values, passed in rather than joined: with no join the
 * planner has no cheaper-looking scan of a table its statistics still think small (a new one that
 * grew fast), so the prepared statement's generic plan stays on the indexes — planning this union
 * each time was most of an intake's database time.
 */
export async function possibleDuplicates(db: Kysely<any>, scope: DataScope, appeal: DuplicateProbe): Promise<PossibleDuplicate[]> {
  const at = new Date(appeal.createdAt).getTime();
  const within = (days: number) => sql`s.created_at between ${new Date(at - days * DAY_MS)}::timestamptz and ${new Date(at + days * DAY_MS)}::timestamptz`;
  const columns = sql`s.id, s.number, s.status, s.category_code, s.description, s.address, s.created_at, s.contact_phone`;
  const candidate = sql`s.id <> ${appeal.id}::bigint and s.merged_into is null and s.status <> 'merged'
    and ${scopeCondition(scope, { org: 's.responsible_org_id', region: 's.region_code', createdBy: 's.created_by' })}`;
  const ways = [sql`select ${columns} from appeals s where s.category_code = ${appeal.categoryCode} and s.region_code = ${appeal.regionCode} and ${within(3)} and ${candidate}`];
  if (appeal.lat !== null && appeal.lng !== null) {
    ways.push(sql`select ${columns} from appeals s where s.category_code = ${appeal.categoryCode}
      and s.lat between ${appeal.lat - LAT_300M}::float8 and ${appeal.lat + LAT_300M}::float8 and ${within(3)} and ${distanceFrom(appeal.lat, appeal.lng)} < 300 and ${candidate}`);
  }
  if (appeal.contactPhone) ways.push(sql`select ${columns} from appeals s where s.contact_phone = ${appeal.contactPhone} and ${within(7)} and ${candidate}`);
  return prepared(db, sql<PossibleDuplicate>`select d.id, d.number, d.status, c.name as "categoryName", d.description, d.address, d.created_at as "createdAt",
      case when d.contact_phone = ${appeal.contactPhone}::text then 'same_caller' else 'same_place' end as reason
    from (${sql.join(ways, sql` union `)}) d join appeal_categories c on c.code = d.category_code
    order by d.created_at desc limit 10`);
}

export async function mergedInto(db: Kysely<any>, targetId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select id from appeals where merged_into = ${targetId} and status = 'merged'`.execute(db);
  return rows.map((r) => r.id);
}

