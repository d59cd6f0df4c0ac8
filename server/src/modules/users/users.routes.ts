/** HTTP: users and roles (administrators). */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { requirePermission } from '../../kernel/auth/actor.js';
import { ALL_PERMISSIONS } from '../../kernel/auth/permissions.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { listRoles, listUsers } from './users.repo.js';
import { createRole, createUser } from './users.service.js';
import { Nullable } from '../../kernel/http/nullable.js';

const DataScope = Type.Union(['all', 'custom', 'dept', 'dept_and_below', 'self'].map((s) => Type.Literal(s)));

export function userRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/users', { schema: { tags: ['users'], summary: '用户列表 Users' } }, async (request) => {
    requirePermission(actorOf(request), 'admin:users');
    return listUsers(db);
  });

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '新增用户（生成初始密码） Create a user with a generated first password',
        body: Type.Object(
          {
            username: Type.String({ minLength: 2, maxLength: 32 }),
            displayName: Type.String({ minLength: 1, maxLength: 40 }),
            orgId: Type.Integer({ minimum: 1 }),
            roleCodes: Type.Array(Type.String(), { minItems: 1, maxItems: 10 }),
            regionCode: Type.Optional(Nullable(Type.String({ pattern: '^\\d{6,18}$' }))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => createUser(db, actorOf(request), request.body),
  );

  app.get('/api/roles', { schema: { tags: ['users'], summary: '角色列表 Roles' } }, async (request) => {
    requirePermission(actorOf(request), 'admin:users');
    return listRoles(db);
  });

  app.post(
    '/api/roles',
    {
      schema: {
        tags: ['users'],
        summary: '新增角色 Create a role with a data scope',
        body: Type.Object(
          {
            code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }),
            name: Type.String({ minLength: 1, maxLength: 40 }),
            permissions: Type.Array(Type.Union(ALL_PERMISSIONS.map((p) => Type.Literal(p)))),
            dataScope: DataScope,
            orgIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }))),
            regionCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{6,18}$' }))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => ({ id: await createRole(db, actorOf(request), request.body as any) }),
  );
}
