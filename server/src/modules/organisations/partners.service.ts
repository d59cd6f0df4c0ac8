/** Partner links (合作单位): which organisations an owner may refer measures to beyond its own subtree. */
import type { Kysely } from 'kysely';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { invalidField, notFound } from '../../kernel/errors.js';
import { findOrganisation, type Organisation } from './organisations.repo.js';
import { listPartners, reachableOrganisations, replacePartners } from './partners.repo.js';

export async function getPartners(db: Kysely<any>, actor: Actor, orgId: number): Promise<Organisation[]> {
  requirePermission(actor, 'admin:orgs');
  if (!(await findOrganisation(db, orgId))) throw notFound();
  return listPartners(db, orgId);
}

export async function setPartners(db: Kysely<any>, actor: Actor, orgId: number, partnerOrgIds: number[]): Promise<Organisation[]> {
  requirePermission(actor, 'admin:orgs');
  const ids = [...new Set(partnerOrgIds)];
  if (ids.includes(orgId)) throw invalidField('partnerOrgIds', '不能把本单位设为自己的合作单位', 'an organisation cannot partner itself');
  return db.transaction().execute(async (trx) => {
    if (!(await findOrganisation(trx, orgId))) throw notFound();
    for (const id of ids) if (!(await findOrganisation(trx, id))) throw invalidField('partnerOrgIds', `组织 ${id} 不存在`, `no organisation ${id}`);
    const before = (await listPartners(trx, orgId)).map((o) => o.id);
    await replacePartners(trx, orgId, ids);
    await recordAudit(trx, actor, { action: 'organisation.partners_set', entityType: 'organisation', entityId: orgId, before, after: ids });
    return listPartners(trx, orgId);
  });
}

/** The organisations a plan owned by `ownerOrgId` may assign measures to; anyone who can make plans may ask. */
export async function getReach(db: Kysely<any>, actor: Actor, ownerOrgId: number): Promise<Organisation[]> {
  requirePermission(actor, 'plan:write');
  if (!(await findOrganisation(db, ownerOrgId))) throw notFound();
  return reachableOrganisations(db, ownerOrgId);
}
