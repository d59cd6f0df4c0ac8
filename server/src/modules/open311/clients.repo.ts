/** SQL for Open311 API clients. A key is looked up by its SHA-256; the key itself is never stored. */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Open311Client } from '../../contracts/open311-clients.js';

export type { Open311Client };

export const hashKey = (key: string) => crypto.createHash('sha256').update(key, 'utf8').digest('hex');

const COLUMNS = sql`c.id, c.name, c.key_hint as "keyHint", c.default_region_code as "defaultRegionCode", r.name as "defaultRegionName",
  c.active, c.created_at as "createdAt", c.deactivated_at as "deactivatedAt",
  (select count(*)::int from open311_requests q where q.client_id = c.id) as "requestCount"`;
const FROM = sql`open311_clients c left join regions r on r.code = c.default_region_code`;

export async function listClients(db: Kysely<any>): Promise<Open311Client[]> {
  const { rows } = await sql<Open311Client>`select ${COLUMNS} from ${FROM} order by c.active desc, c.name`.execute(db);
  return rows;
}

export async function findClient(db: Kysely<any>, id: number): Promise<Open311Client | null> {
  const { rows } = await sql<Open311Client>`select ${COLUMNS} from ${FROM} where c.id = ${id}`.execute(db);
  return rows[0] ?? null;
}

export async function findClientByName(db: Kysely<any>, name: string): Promise<Open311Client | null> {
  const { rows } = await sql<Open311Client>`select ${COLUMNS} from ${FROM} where c.name = ${name}`.execute(db);
  return rows[0] ?? null;
}

/** The active client holding this key, or null. */
export async function findActiveClientByKey(db: Kysely<any>, key: string): Promise<Open311Client | null> {
  const { rows } = await sql<Open311Client>`select ${COLUMNS} from ${FROM} where c.key_hash = ${hashKey(key)} and c.active`.execute(db);
  return rows[0] ?? null;
}

export async function insertClient(
  db: Kysely<any>,
  input: { name: string; defaultRegionCode: string | null; key: string },
  createdBy: number | null,
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into open311_clients (name, key_hash, key_hint, default_region_code, created_by)
    values (${input.name}, ${hashKey(input.key)}, ${input.key.slice(0, 9)}, ${input.defaultRegionCode}, ${createdBy}) returning id`.execute(db);
  return rows[0]!.id;
}

export async function deactivate(db: Kysely<any>, id: number): Promise<void> {
  await sql`update open311_clients set active = false, deactivated_at = now() where id = ${id} and active`.execute(db);
}
