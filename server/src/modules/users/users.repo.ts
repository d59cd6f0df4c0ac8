/** SQL for users and roles. */
import { sql, type Kysely } from 'kysely';
import type { Role, UserSummary } from '../../contracts/users.js';
import type { BuiltinRole, DataScopeLevel } from '../../kernel/auth/permissions.js';

export type { Role, UserSummary } from '../../contracts/users.js';

export async function ensureRoles(db: Kysely<any>, roles: BuiltinRole[]): Promise<void> {
  for (const role of roles) {
    await sql`insert into roles (code, name, permissions, data_scope, builtin)
      values (${role.code}, ${role.name}, ${role.permissions}::text[], ${role.dataScope}, true)
      on conflict (code) do update set permissions = excluded.permissions, data_scope = excluded.data_scope
      where roles.builtin`.execute(db);
  }
}

export async function listRoles(db: Kysely<any>): Promise<Role[]> {
  const { rows } = await sql<Role>`select id, code, name, permissions, data_scope as "dataScope", builtin from roles order by id`.execute(db);
  return rows;
}

export async function insertRole(
  db: Kysely<any>,
  role: { code: string; name: string; permissions: string[]; dataScope: DataScopeLevel; orgIds: number[]; regionCodes: string[] },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into roles (code, name, permissions, data_scope)
    values (${role.code}, ${role.name}, ${role.permissions}::text[], ${role.dataScope}) returning id`.execute(db);
  const id = rows[0].id;
  for (const orgId of role.orgIds) await sql`insert into role_scope_orgs (role_id, org_id) values (${id}, ${orgId})`.execute(db);
  for (const code of role.regionCodes) await sql`insert into role_scope_regions (role_id, region_code) values (${id}, ${code})`.execute(db);
  return id;
}

export async function insertUser(
  db: Kysely<any>,
  user: { username: string; displayName: string; passwordHash: string; orgId: number; regionCode: string | null; mustChangePassword: boolean; roleCodes: string[] },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into users (username, display_name, password_hash, org_id, region_code, must_change_password)
    values (${user.username}, ${user.displayName}, ${user.passwordHash}, ${user.orgId}, ${user.regionCode}, ${user.mustChangePassword})
    returning id`.execute(db);
  const id = rows[0].id;
  await sql`insert into user_roles (user_id, role_id) select ${id}, id from roles where code = any(${user.roleCodes}::text[])`.execute(db);
  return id;
}

export async function findUserByName(db: Kysely<any>, username: string): Promise<{ id: number } | null> {
  const { rows } = await sql<{ id: number }>`select id from users where username = ${username}`.execute(db);
  return rows[0] ?? null;
}

export async function listUsers(db: Kysely<any>): Promise<UserSummary[]> {
  const { rows } = await sql<UserSummary>`
    select u.id, u.username, u.display_name as "displayName", u.org_id as "orgId", o.name as "orgName",
      u.region_code as "regionCode", u.disabled, u.must_change_password as "mustChangePassword",
      u.last_sign_in_at as "lastSignInAt",
      coalesce(array(select r.code from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = u.id order by r.code), '{}') as roles
    from users u join organisations o on o.id = u.org_id order by u.id`.execute(db);
  return rows;
}
