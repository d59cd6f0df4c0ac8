/** HTTP: browse the region tree, search it, add grids. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { notFound } from '../../kernel/errors.js';
import { listChildren, regionPath, searchRegions } from './regions.repo.js';
import { addGrid } from './regions.service.js';

const RegionCode = Type.String({ pattern: '^\\d{6,18}$' });

export function regionRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: '区划下级 Children of a region (roots without parent)',
        querystring: Type.Object({ parent: Type.Optional(RegionCode) }),
      },
    },
    async (request) => listChildren(db, request.query.parent ?? null),
  );

  app.get(
    '/api/regions/search',
    { schema: { tags: ['regions'], summary: '按名称搜索区划', querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 40 }) }) } },
    async (request) => searchRegions(db, request.query.q, 30),
  );

  app.get(
    '/api/regions/:code/path',
    { schema: { tags: ['regions'], summary: '区划路径 Region with its ancestors', params: Type.Object({ code: RegionCode }) } },
    async (request) => {
      const path = await regionPath(db, request.params.code);
      if (path.length === 0) throw notFound();
      return path;
    },
  );

  app.post(
    '/api/regions/:code/grids',
    {
      schema: {
        tags: ['regions'],
        summary: '新增网格 Add a grid below a community',
        params: Type.Object({ code: RegionCode }),
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false }),
      },
    },
    async (request) => addGrid(db, actorOf(request), request.params.code, request.body.name),
  );
}
