/** Loading a policy pack: each policy created and adopted through the service, skipped if present. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/auth/actor.js';
import { findOrganisationByName } from '../../organisations/organisations.repo.js';
import { findPolicy } from '../policies.repo.js';
import { createPolicy } from '../policies.service.js';
import type { PackEntry } from './ningxia.js';

export async function loadPolicyPack(db: Kysely<any>, actor: Actor, pack: PackEntry[]): Promise<{ created: number; skipped: number }> {
  let created = 0;
  for (const entry of pack) {
    if (await findPolicy(db, entry.code)) continue;
    const org = await findOrganisationByName(db, entry.orgName);
    if (!org) throw new Error(`policy pack: organisation ${entry.orgName} is missing`);
    await createPolicy(db, actor, { code: entry.code, orgId: org.id, version: entry.version, adopt: true });
    created += 1;
  }
  return { created, skipped: pack.length - created };
}
