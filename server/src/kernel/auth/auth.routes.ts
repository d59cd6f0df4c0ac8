/** Sign-in, sign-out, the current user, and changing one's password. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { HttpServer } from '../http/server.js';
import { actorOf } from '../http/server.js';
import { changePassword, SESSION_COOKIE, signIn, signOut } from './sessions.js';
import { PERMISSIONS } from './permissions.js';

export interface AuthRouteOptions {
  db: Kysely<any>;
  sessionTtlHours: number;
  secureCookies: boolean;
  signInPerMinute: number;
}

const SignInBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

const PasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export function authRoutes(app: HttpServer, { db, sessionTtlHours, secureCookies, signInPerMinute }: AuthRouteOptions): void {
  app.post(
    '/api/auth/sign-in',
    {
      schema: { tags: ['auth'], summary: '登录 Sign in', body: SignInBody },
      config: { public: true, rateLimit: { max: signInPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await signIn(db, {
        username: request.body.username.trim(),
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        ttlHours: sessionTtlHours,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        path: '/',
        expires: result.expiresAt,
      });
      return { ok: true };
    },
  );

  app.post('/api/auth/sign-out', { schema: { tags: ['auth'], summary: '退出 Sign out' }, config: { allowPasswordChangePending: true } }, async (request, reply) => {
    await signOut(db, request.sessionToken!, actorOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户 Current user' }, config: { allowPasswordChangePending: true } }, async (request) => {
    const session = request.session!;
    return {
      id: session.actor.id,
      username: session.username,
      displayName: session.actor.name,
      orgId: session.orgId,
      roles: session.roles,
      permissions: [...session.actor.permissions],
      mustChangePassword: session.mustChangePassword,
      csrfToken: session.csrfToken,
    };
  });

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], summary: '修改密码 Change password', body: PasswordBody }, config: { allowPasswordChangePending: true } },
    async (request) => {
      await changePassword(db, actorOf(request), { ...request.body, keepToken: request.sessionToken! });
      return { ok: true };
    },
  );

  app.get('/api/auth/permissions', { schema: { tags: ['auth'], summary: '权限列表 Permission catalogue' } }, async () => PERMISSIONS);
}
