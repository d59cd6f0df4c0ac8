/**
 * Open311 API clients (an outside system such as a FixMyStreet site): created and deactivated by
 * an administrator ('admin:orgs'), every change audited. The key is random, shown once at
 * creation and kept only as its SHA-256 — 24 random bytes need no slow hash, and a lost key is
 * replaced by a new client, not recovered.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { AppError, notFound, type FieldProblem } from '../../kernel/errors.js';
import { findRegion } from '../regions/regions.repo.js';
import { validationError } from '../registry/persons.service.js';
import { deactivate, findActiveClientByKey, findClient, findClientByName, insertClient, listClients, type Open311Client } from './clients.repo.js';
import type { Open311ClientInput } from '../../contracts/open311-clients.js';

export type { Open311Client };

export type ClientInput = Open311ClientInput;

export const newApiKey = () => `o311_${crypto.randomBytes(24).toString('base64url')}`;

export function getClients(db: Kysely<any>, actor: Actor): Promise<Open311Client[]> {
  requirePermission(actor, 'admin:orgs');
  return listClients(db);
}

/**
 * Stores a client with the key given. The seed uses it with its documented demo key; everyone
 * else goes through createClient, which draws a random key.
 */
export async function storeClient(db: Kysely<any>, actor: Actor, input: ClientInput, key: string): Promise<Open311Client> {
  requirePermission(actor, 'admin:orgs');
  const name = input.name.trim();
  const region = input.defaultRegionCode?.trim() || null;
  const problems: FieldProblem[] = [];
  if (!name) problems.push({ field: 'name', message: '请填写客户端名称' });
  else if (name.length > 100) problems.push({ field: 'name', message: '名称最多 100 字' });
  if (region && !(await findRegion(db, region))) problems.push({ field: 'defaultRegionCode', message: `区划代码 ${region} 不存在` });
  if (problems.length) throw validationError(problems);
  return inTransaction(db, async (trx) => {
    if (await findClientByName(trx, name)) throw new AppError('conflict', { field: 'name', zh: '已有同名的客户端', en: 'a client of that name exists' });
    const id = await insertClient(trx, { name, defaultRegionCode: region, key }, actor.id);
    const client = (await findClient(trx, id))!;
    await recordAudit(trx, actor, { action: 'open311.client_created', entityType: 'open311_client', entityId: id, after: { name, defaultRegionCode: region, keyHint: client.keyHint } });
    return client;
  });
}

/** The new client and its key — the only time the key is ever shown. */
export async function createClient(db: Kysely<any>, actor: Actor, input: ClientInput): Promise<{ client: Open311Client; apiKey: string }> {
  const apiKey = newApiKey();
  return { client: await storeClient(db, actor, input, apiKey), apiKey };
}

export async function deactivateClient(db: Kysely<any>, actor: Actor, id: number): Promise<Open311Client> {
  requirePermission(actor, 'admin:orgs');
  return inTransaction(db, async (trx) => {
    const before = await findClient(trx, id);
    if (!before) throw notFound();
    if (before.active) {
      await deactivate(trx, id);
      await recordAudit(trx, actor, { action: 'open311.client_deactivated', entityType: 'open311_client', entityId: id, before: { active: true }, after: { active: false } });
    }
    return (await findClient(trx, id))!;
  });
}

/** The active client a key belongs to; null for no key, an unknown or a deactivated one. */
export async function clientOfKey(db: Kysely<any>, key: string | undefined): Promise<Open311Client | null> {
  if (!key || key.length > 200) return null;
  return findActiveClientByKey(db, key);
}
