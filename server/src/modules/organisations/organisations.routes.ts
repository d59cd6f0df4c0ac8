/** HTTP: the organisation tree. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { IdParams } from '../../kernel/http/schemas.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { ORGANISATION_TYPES, listOrganisations } from './organisations.repo.js';
import { createOrganisation } from './organisations.service.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { getPartners, getReach, setPartners } from './partners.service.js';


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

  app.get('/api/organisations/:id/partners', { schema: { tags: ['organisations'], summary: '合作单位 Partner organisations', params: IdParams } }, async (request) =>
    getPartners(db, actorOf(request), request.params.id),
  );
  app.put('/api/organisations/:id/partners', {
    schema: {
      tags: ['organisations'],
      summary: '设置合作单位（可向其转介帮扶措施，含其下级） Set partner organisations',
      params: IdParams,
      body: Type.Object({ partnerOrgIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200 }) }, { additionalProperties: false }),
    },
  }, async (request) => setPartners(db, actorOf(request), request.params.id, request.body.partnerOrgIds));
  app.get('/api/organisations/:id/reach', {
    schema: { tags: ['organisations'], summary: '本单位帮扶计划可分派措施的单位（本单位及下级、合作单位及其下级）', params: IdParams },
  }, async (request) => getReach(db, actorOf(request), request.params.id));
}
