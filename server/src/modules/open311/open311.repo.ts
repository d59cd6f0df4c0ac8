/**
 * SQL for Open311 reads. An appeal is visible to a reader when its reply was approved and
 * published (to everyone) or when the reader's client submitted it (`own`). The contact's name
 * and phone are never selected here, so no query of this module can leak them.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AppealEventKind, AppealStatus } from '../../contracts/appeals.js';
import { CLOSED_STATUSES, UPDATE_EVENT_KINDS, type SpecStatus } from './status.js';

export interface RequestRow {
  id: number;
  number: string;
  categoryCode: string;
  categoryName: string;
  description: string;
  address: string | null;
  regionName: string | null;
  lat: number | null;
  lng: number | null;
  status: AppealStatus;
  orgName: string | null;
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  publicQuestion: string | null;
  publicAnswer: string | null;
  published: boolean;
  own: boolean;
  mediaUrl: string | null;
}

const PUBLISHED = sql`(a.published and a.public_question is not null and a.public_answer is not null)`;
const own = (clientId: number | null) => (clientId === null ? sql<boolean>`false` : sql<boolean>`coalesce(q.client_id = ${clientId}, false)`);
const visible = (clientId: number | null) => sql`(${PUBLISHED} or ${own(clientId)})`;
const closedList = sql.join(CLOSED_STATUSES.map((s) => sql`${s}`));

export interface RequestQuery {
  clientId: number | null;
  /** service_request_id values (our appeal numbers); the other filters are ignored when given. */
  numbers?: string[];
  serviceCode?: string;
  from?: Date;
  to?: Date;
  status?: SpecStatus;
  limit: number;
}

export async function findRequests(db: Kysely<any>, query: RequestQuery): Promise<RequestRow[]> {
  const where: RawBuilder<unknown>[] = [visible(query.clientId)];
  if (query.numbers) {
    where.push(sql`a.number in (${sql.join(query.numbers.map((n) => sql`${n}`))})`);
  } else {
    if (query.serviceCode) where.push(sql`a.category_code = ${query.serviceCode}`);
    if (query.from) where.push(sql`a.created_at >= ${query.from}`);
    if (query.to) where.push(sql`a.created_at <= ${query.to}`);
    if (query.status === 'closed') where.push(sql`a.status in (${closedList})`);
    if (query.status === 'open') where.push(sql`a.status not in (${closedList})`);
  }
  const { rows } = await sql<RequestRow>`
    select a.id, a.number, a.category_code as "categoryCode", c.name as "categoryName", a.description, a.address, r.name as "regionName",
      a.lat, a.lng, a.status, o.name as "orgName", a.due_at as "dueAt", a.created_at as "createdAt", a.updated_at as "updatedAt",
      a.public_question as "publicQuestion", a.public_answer as "publicAnswer", a.published, ${own(query.clientId)} as own, q.media_url as "mediaUrl"
    from appeals a join appeal_categories c on c.code = a.category_code left join regions r on r.code = a.region_code
      left join organisations o on o.id = a.responsible_org_id left join open311_requests q on q.appeal_id = a.id
    where ${sql.join(where, sql` and `)}
    order by a.created_at desc, a.id desc limit ${query.limit}`.execute(db);
  return rows;
}

/** The regions a category can be reported in: those of its dispatch rules and below, down to streets and townships. */
export async function serviceRegions(db: Kysely<any>, categoryCode: string): Promise<Array<{ code: string; name: string }>> {
  const { rows } = await sql<{ code: string; name: string }>`
    select distinct g.code, g.name from dispatch_rules d join regions r on r.code = d.region_code
      join regions g on g.code like r.prefix || '%' and g.level <= greatest(r.level, 4)
    where d.category_code = ${categoryCode} order by g.code limit 500`.execute(db);
  return rows;
}

export async function insertRequestLink(db: Kysely<any>, link: { appealId: number; clientId: number; token: string; mediaUrl: string | null }): Promise<void> {
  await sql`insert into open311_requests (appeal_id, client_id, token, media_url)
    values (${link.appealId}, ${link.clientId}, ${link.token}, ${link.mediaUrl}) on conflict (appeal_id) do nothing`.execute(db);
}

export async function findRequestLink(db: Kysely<any>, appealId: number): Promise<{ clientId: number; token: string } | null> {
  const { rows } = await sql<{ clientId: number; token: string }>`select client_id as "clientId", token from open311_requests where appeal_id = ${appealId}`.execute(db);
  return rows[0] ?? null;
}

export async function findByToken(db: Kysely<any>, token: string): Promise<{ number: string; token: string } | null> {
  const { rows } = await sql<{ number: string; token: string }>`select a.number, q.token from open311_requests q join appeals a on a.id = q.appeal_id
    where q.token = ${token}`.execute(db);
  return rows[0] ?? null;
}

export interface UpdateRow {
  id: number;
  number: string;
  kind: AppealEventKind;
  toStatus: AppealStatus;
  at: Date;
  orgName: string | null;
  published: boolean;
  publicAnswer: string | null;
}

/** The events outsiders may follow, of the requests the reader may see, oldest first. */
export async function findUpdates(db: Kysely<any>, query: { clientId: number | null; from: Date; to: Date; limit: number }): Promise<UpdateRow[]> {
  const { rows } = await sql<UpdateRow>`
    select e.id, a.number, e.kind, e.to_status as "toStatus", e.at, o.name as "orgName", a.published, a.public_answer as "publicAnswer"
    from appeal_events e join appeals a on a.id = e.appeal_id left join open311_requests q on q.appeal_id = a.id
      left join organisations o on o.id = e.org_id
    where e.at >= ${query.from} and e.at <= ${query.to} and e.to_status is not null
      and e.kind in (${sql.join(UPDATE_EVENT_KINDS.map((k) => sql`${k}`))}) and ${visible(query.clientId)}
    order by e.at, e.id limit ${query.limit}`.execute(db);
  return rows;
}
