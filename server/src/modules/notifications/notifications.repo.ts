/**
 * Reminders for users, and the outbox a later SMS sender drains. A reminder carries a dedupe
 * key: the same reminder is not repeated while the first is unread, and `once` reminders
 * (a post about to end) are never repeated at all.
 */
import { sql, type Kysely } from 'kysely';
import type { Notification } from '../../contracts/policies.js';

/** A reminder as it is written: the contract's fields, to whom, and how to tell duplicates. */
export type NewNotification = Omit<Notification, 'id' | 'readAt' | 'createdAt'> & {
  userId: number;
  dedupeKey: string;
  once?: boolean;
};

const COLUMNS = sql`id, kind, title, body, household_id as "householdId", person_id as "personId", policy_code as "policyCode",
  link, read_at as "readAt", created_at as "createdAt"`;

/** Inserts the reminder unless a duplicate stands; queues an SMS when the user has a phone. Returns whether it was new. */
export async function notify(db: Kysely<any>, n: NewNotification): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    insert into notifications (user_id, kind, title, body, household_id, person_id, policy_code, link, dedupe_key)
    select ${n.userId}, ${n.kind}, ${n.title}, ${n.body}, ${n.householdId}, ${n.personId}, ${n.policyCode}, ${n.link}, ${n.dedupeKey}
    where not exists (
      select 1 from notifications x where x.user_id = ${n.userId} and x.dedupe_key = ${n.dedupeKey} and (x.read_at is null or ${n.once ?? false}))
    on conflict do nothing
    returning id`.execute(db);
  const id = rows[0]?.id;
  if (id === undefined) return false;
  await sql`insert into outbox (channel, recipient, body, notification_id)
    select 'sms', u.phone, ${`【惠民】${n.title}`}, ${id} from users u where u.id = ${n.userId} and u.phone is not null`.execute(db);
  return true;
}

export async function listNotifications(db: Kysely<any>, userId: number, unreadOnly: boolean, page: { offset: number; limit: number }) {
  const where = sql`user_id = ${userId} ${unreadOnly ? sql`and read_at is null` : sql``}`;
  const { rows } = await sql<Notification>`select ${COLUMNS} from notifications where ${where} order by id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  const counts = await sql<{ total: number; unread: number }>`
    select (select count(*)::int from notifications where ${where}) as total,
      (select count(*)::int from notifications where user_id = ${userId} and read_at is null) as unread`.execute(db);
  return { items: rows, ...counts.rows[0]! };
}

export async function unreadCount(db: Kysely<any>, userId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`.execute(db);
  return rows[0]!.n;
}

export async function markRead(db: Kysely<any>, userId: number, id: number): Promise<Notification | null> {
  const { rows } = await sql<Notification>`update notifications set read_at = coalesce(read_at, now())
    where id = ${id} and user_id = ${userId} returning ${COLUMNS}`.execute(db);
  return rows[0] ?? null;
}

export async function markAllRead(db: Kysely<any>, userId: number): Promise<number> {
  const result = await sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
