/** Sessions and sign-in: cookie tokens stored hashed, lockout after repeated failures. */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit.js';
import type { Actor } from './actor.js';
import { hashPassword, isStrongEnough, verifyPassword } from './passwords.js';
import type { DataScopeLevel, Permission } from './permissions.js';
import { resolveScope } from './scope.js';
import { executePrepared } from '../db/open.js';

export const SESSION_COOKIE = 'huimin_session';
const MAX_FAILED_SIGN_INS = 5;
const LOCKOUT_MINUTES = 15;

export interface SessionUser {
  actor: Actor;
  username: string;
  orgId: number;
  mustChangePassword: boolean;
  csrfToken: string;
  roles: string[];
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

interface SessionRow {
  id: number;
  username: string;
  display_name: string;
  org_id: number;
  must_change_password: boolean;
  disabled: boolean;
  org_path: string;
  jurisdiction_prefix: string | null;
  csrf_token: string;
  roles: Array<{ code: string; permissions: string[]; data_scope: DataScopeLevel }>;
  custom_org_paths: string[];
  custom_region_prefixes: string[];
}

/**
 * The signed-in user behind a session cookie, or null when the session is unknown or expired.
 * Every request reads it, so it is one prepared statement: the user, their unit, their roles and
 * the custom scopes of those roles together (kernel/db/open.ts executePrepared).
 */
export async function loadSession(db: Kysely<any>, token: string, ip: string | null): Promise<SessionUser | null> {
  const rows = await executePrepared<SessionRow>(db, sql<SessionRow>`
    select u.id, u.username, u.display_name, u.org_id, u.must_change_password, u.disabled,
           o.path as org_path, r.prefix as jurisdiction_prefix, s.csrf_token,
           coalesce((select json_agg(json_build_object('code', ro.code, 'permissions', ro.permissions, 'data_scope', ro.data_scope) order by ro.id)
             from user_roles ur join roles ro on ro.id = ur.role_id where ur.user_id = u.id), '[]') as roles,
           array(select so.path from user_roles ur join roles ro on ro.id = ur.role_id and ro.data_scope = 'custom'
             join role_scope_orgs x on x.role_id = ro.id join organisations so on so.id = x.org_id where ur.user_id = u.id) as custom_org_paths,
           array(select g.prefix from user_roles ur join roles ro on ro.id = ur.role_id and ro.data_scope = 'custom'
             join role_scope_regions x on x.role_id = ro.id join regions g on g.code = x.region_code where ur.user_id = u.id) as custom_region_prefixes
    from sessions s
    join users u on u.id = s.user_id
    join organisations o on o.id = u.org_id
    left join regions r on r.code = u.region_code
    where s.token_hash = ${hashToken(token)} and s.expires_at > now()`.compile(db));
  const row = rows[0];
  if (!row || row.disabled) return null;
  return sessionUser(row, ip);
}

function sessionUser(row: SessionRow, ip: string | null): SessionUser {
  const scope = resolveScope({
    userId: row.id,
    orgId: row.org_id,
    orgPath: row.org_path,
    jurisdictionPrefix: row.jurisdiction_prefix,
    levels: row.roles.map((r) => r.data_scope),
    customOrgPaths: row.custom_org_paths,
    customRegionPrefixes: row.custom_region_prefixes,
  });
  const permissions = new Set(row.roles.flatMap((r) => r.permissions) as Permission[]);
  return {
    actor: { id: row.id, name: row.display_name, orgId: row.org_id, permissions, scope, ip },
    username: row.username,
    orgId: row.org_id,
    mustChangePassword: row.must_change_password,
    csrfToken: row.csrf_token,
    roles: row.roles.map((r) => r.code),
  };
}

interface UserCredentialsRow {
  id: number;
  display_name: string;
  password_hash: string;
  disabled: boolean;
  failed_sign_ins: number;
  locked: boolean;
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
}

export async function signIn(
  db: Kysely<any>,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; ttlHours: number },
): Promise<SignInResult> {
  const { rows } = await sql<UserCredentialsRow>`
    select id, display_name, password_hash, disabled, failed_sign_ins,
           coalesce(locked_until > now(), false) as locked
    from users where username = ${input.username}`.execute(db);
  const user = rows[0];
  const anonymous = { id: user?.id ?? null, name: input.username, ip: input.ip };
  if (!user) {
    // Same cost as a real check, so timing does not reveal which user names exist.
    await verifyPassword(DUMMY_HASH, input.password);
    await recordAudit(db, anonymous, { action: 'auth.sign_in_failed', detail: { reason: 'unknown_user' } });
    throw new AppError('bad_credentials');
  }
  if (user.locked) {
    await recordAudit(db, anonymous, { action: 'auth.sign_in_failed', entityType: 'user', entityId: user.id, detail: { reason: 'locked' } });
    throw new AppError('account_locked');
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_sign_ins + 1;
    const lock = failures >= MAX_FAILED_SIGN_INS;
    await sql`update users set failed_sign_ins = ${lock ? 0 : failures},
      locked_until = case when ${lock} then now() + make_interval(mins => ${LOCKOUT_MINUTES}) else locked_until end
      where id = ${user.id}`.execute(db);
    await recordAudit(db, anonymous, {
      action: lock ? 'auth.locked' : 'auth.sign_in_failed',
      entityType: 'user',
      entityId: user.id,
      detail: { reason: 'bad_password', failures },
    });
    throw new AppError(lock ? 'account_locked' : 'bad_credentials');
  }
  if (user.disabled) throw new AppError('account_disabled');
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await db.transaction().execute(async (trx) => {
    await sql`insert into sessions (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
      values (${hashToken(token)}, ${user.id}, ${csrf}, ${expiresAt}, ${input.ip}, ${input.userAgent})`.execute(trx);
    await sql`update users set failed_sign_ins = 0, locked_until = null, last_sign_in_at = now() where id = ${user.id}`.execute(trx);
    await sql`delete from sessions where expires_at < now()`.execute(trx);
    await recordAudit(trx, { id: user.id, name: user.display_name, ip: input.ip }, { action: 'auth.sign_in', entityType: 'user', entityId: user.id });
  });
  return { token, expiresAt };
}

export async function signOut(db: Kysely<any>, token: string, actor: Actor): Promise<void> {
  await sql`delete from sessions where token_hash = ${hashToken(token)}`.execute(db);
  await recordAudit(db, actor, { action: 'auth.sign_out', entityType: 'user', entityId: actor.id });
}

export async function changePassword(
  db: Kysely<any>,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepToken: string },
): Promise<void> {
  const { rows } = await sql<{ password_hash: string }>`select password_hash from users where id = ${actor.id}`.execute(db);
  if (!rows[0] || !(await verifyPassword(rows[0].password_hash, input.currentPassword))) {
    throw new AppError('bad_credentials', { field: 'currentPassword', zh: '当前密码不正确', en: 'current password is wrong' });
  }
  if (!isStrongEnough(input.newPassword) || input.newPassword === input.currentPassword) {
    throw new AppError('weak_password', { field: 'newPassword' });
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await sql`update users set password_hash = ${hash}, must_change_password = false where id = ${actor.id}`.execute(trx);
    // Other sessions end: a changed password should lock out whoever else held one.
    await sql`delete from sessions where user_id = ${actor.id} and token_hash <> ${hashToken(input.keepToken)}`.execute(trx);
    await recordAudit(trx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: actor.id });
  });
}

const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$1gJ9tT0g5n3X1oY6m3o9Ywq3m0s3J3m9fQqf7V0QmFQ';
