/** HTTP: the organisation tree. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { ORGANISATION_TYPES, listOrganisations } from './organisations.repo.js';
import { createOrganisation } from './organisations.service.js';
import { Nullable } from '../../kernel/http/nullable.js';

export function organisationRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/organisations', { schema: { tags: ['organisations'], summary: '组织列表 All organisations (tree order)' } }, async () =>
    listOrganisations(db),
  );

  app.post(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: '新增组织 Create an organisation',
        body: Type.Object(
          {
            parentId: Nullable(Type.Integer({ minimum: 1 })),
            name: Type.String({ minLength: 1, maxLength: 100 }),
            type: Type.Union(ORGANISATION_TYPES.map((t) => Type.Literal(t))),
            regionCode: Type.String({ pattern: '^\\d{6,18}$' }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => createOrganisation(db, actorOf(request), request.body),
  );
}
