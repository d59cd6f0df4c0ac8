/** Organisations: a tree of the bodies that take part (unions, federations, bureaus, hospitals, communities…). */
import type { Kysely } from 'kysely';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, invalidField } from '../../kernel/errors.js';
import { findRegion } from '../regions/regions.repo.js';
import { findOrganisation, insertOrganisation, type Organisation, type OrganisationType } from './organisations.repo.js';

export interface NewOrganisation {
  parentId: number | null;
  name: string;
  type: OrganisationType;
  regionCode: string;
}

export async function createOrganisation(db: Kysely<any>, actor: Actor, input: NewOrganisation): Promise<Organisation> {
  requirePermission(actor, 'admin:orgs');
  const name = input.name.trim();
  if (!name) throw invalidField('name', '组织名称不能为空', 'name is required');
  return db.transaction().execute(async (trx) => {
    let parentPath = '/';
    if (input.parentId !== null) {
      const parent = await findOrganisation(trx, input.parentId);
      if (!parent) throw invalidField('parentId', '上级组织不存在', 'parent organisation does not exist');
      parentPath = parent.path;
    }
    if (!(await findRegion(trx, input.regionCode))) {
      throw invalidField('regionCode', `区划代码 ${input.regionCode} 不存在`, `unknown region code ${input.regionCode}`);
    }
    let id: number;
    try {
      id = await insertOrganisation(trx, { ...input, name, parentPath });
    } catch (error: any) {
      if (error?.code === '23505') throw new AppError('conflict', { field: 'name', zh: '同一上级下已有同名组织', en: 'a sibling has this name' });
      throw error;
    }
    const created = (await findOrganisation(trx, id))!;
    await recordAudit(trx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: id, after: created });
    return created;
  });
}
