/** Users and roles: accounts with generated first passwords, custom data-scope roles, the first administrator. */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { generatePassword, hashPassword } from '../../kernel/auth/passwords.js';
import { ALL_PERMISSIONS, BUILTIN_ROLES, type DataScopeLevel, type Permission } from '../../kernel/auth/permissions.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, invalidField } from '../../kernel/errors.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import { findRegion } from '../regions/regions.repo.js';
import { DEFAULT_PROVINCE } from '../regions/regions.service.js';
import type { NewUser as NewUserRequest } from '../../contracts/users.js';
import { ensureRoles, findUserByName, insertRole, insertUser, listRoles } from './users.repo.js';

export interface NewUser extends NewUserRequest {
  /** When absent a password is generated, shown once, and must be changed at first sign-in. */
  password?: string;
}

export async function createUser(db: Kysely<any>, actor: Actor, input: NewUser): Promise<{ id: number; generatedPassword: string | null }> {
  requirePermission(actor, 'admin:users');
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.-]{2,32}$/.test(username)) {
    throw invalidField('username', '用户名须为 2-32 位字母、数字或 _.-', 'user name: 2-32 letters, digits or _.-');
  }
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  return db.transaction().execute(async (trx) => {
    if (await findUserByName(trx, username)) throw new AppError('conflict', { field: 'username', zh: '用户名已存在', en: 'user name taken' });
    if (!(await findOrganisation(trx, input.orgId))) throw invalidField('orgId', '组织不存在', 'unknown organisation');
    if (input.regionCode && !(await findRegion(trx, input.regionCode))) throw invalidField('regionCode', '区划代码不存在', 'unknown region');
    const known = new Set((await listRoles(trx)).map((r) => r.code));
    const unknown = input.roleCodes.filter((code) => !known.has(code));
    if (unknown.length > 0 || input.roleCodes.length === 0) throw invalidField('roleCodes', `角色无效：${unknown.join('、') || '未选择'}`, 'unknown or no roles');
    const id = await insertUser(trx, {
      username,
      displayName: input.displayName.trim() || username,
      passwordHash,
      orgId: input.orgId,
      regionCode: input.regionCode ?? null,
      mustChangePassword: generatedPassword !== null,
      roleCodes: input.roleCodes,
    });
    await recordAudit(trx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      after: { username, displayName: input.displayName, orgId: input.orgId, roles: input.roleCodes, regionCode: input.regionCode ?? null },
    });
    return { id, generatedPassword };
  });
}

export interface NewRole {
  code: string;
  name: string;
  permissions: Permission[];
  dataScope: DataScopeLevel;
  orgIds?: number[];
  regionCodes?: string[];
}

export async function createRole(db: Kysely<any>, actor: Actor, input: NewRole): Promise<number> {
  requirePermission(actor, 'admin:users');
  const bad = input.permissions.filter((p) => !ALL_PERMISSIONS.includes(p));
  if (bad.length > 0) throw invalidField('permissions', `未知权限：${bad.join('、')}`, 'unknown permission');
  return db.transaction().execute(async (trx) => {
    const id = await insertRole(trx, { ...input, orgIds: input.orgIds ?? [], regionCodes: input.regionCodes ?? [] });
    await recordAudit(trx, actor, { action: 'role.created', entityType: 'role', entityId: id, after: input });
    return id;
  });
}

const ROOT_ORG_NAME = '惠民平台运营中心';

/**
 * First start: the built-in roles, a root organisation and the administrator `admin`.
 * Returns the generated password when one was made (to print once), else null.
 */
export async function bootstrapAdministrator(db: Kysely<any>, adminPassword: string | null): Promise<{ created: boolean; generatedPassword: string | null }> {
  await ensureRoles(db, BUILTIN_ROLES);
  if (await findUserByName(db, 'admin')) return { created: false, generatedPassword: null };
  const generatedPassword = adminPassword ? null : generatePassword();
  const passwordHash = await hashPassword(adminPassword ?? generatedPassword!);
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`.execute(trx);
    let orgId = rows[0]?.id;
    if (!orgId) {
      const inserted = await sql<{ id: number }>`
        with next as (select nextval(pg_get_serial_sequence('organisations', 'id')) as id)
        insert into organisations (id, parent_id, name, type, region_code, path)
        select next.id, null, ${ROOT_ORG_NAME}, 'government', ${DEFAULT_PROVINCE}, '/' || next.id || '/' from next returning id`.execute(trx);
      orgId = inserted.rows[0].id;
    }
    const id = await insertUser(trx, {
      username: 'admin',
      displayName: '系统管理员',
      passwordHash,
      orgId,
      regionCode: null,
      mustChangePassword: false,
      roleCodes: ['admin'],
    });
    await recordAudit(trx, { id: null, name: 'system', ip: null }, { action: 'user.created', entityType: 'user', entityId: id, after: { username: 'admin' } });
  });
  return { created: true, generatedPassword };
}
