/** The append-only audit log: every write (before/after), reveal, export and sign-in. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor } from './auth/actor.js';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  detail?: unknown;
}

export async function recordAudit(db: Kysely<any>, actor: Pick<Actor, 'id' | 'name' | 'ip'>, entry: AuditEntry): Promise<void> {
  await sql`insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, before, after, reason, ip, detail)
    values (${actor.id}, ${actor.name}, ${entry.action}, ${entry.entityType ?? null},
      ${entry.entityId == null ? null : String(entry.entityId)},
      ${json(entry.before)}, ${json(entry.after)}, ${entry.reason ?? null}, ${actor.ip}, ${json(entry.detail)})`.execute(db);
}

/**
 * The audit entry of each row of `source` (a CTE of the statement that made the change, with an
 * `id` column) as an insert to run inside that statement: the change and its record land together
 * in one round trip, without a transaction around them.
 */
export function auditEachRowOf(source: string, actor: Pick<Actor, 'id' | 'name' | 'ip'>, entry: Omit<AuditEntry, 'entityId'>): RawBuilder<unknown> {
  return sql`insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, before, after, reason, ip, detail)
    select ${actor.id}::bigint, ${actor.name}, ${entry.action}, ${entry.entityType ?? null}, ${sql.ref(`${source}.id`)}::text,
      ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${entry.reason ?? null}, ${actor.ip}, ${json(entry.detail)}::jsonb from ${sql.table(source)}`;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
