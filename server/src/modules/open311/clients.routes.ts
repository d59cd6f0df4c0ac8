/** Administration of Open311 API clients (behind sign-in, 'admin:orgs'): list, create (the key is returned once), deactivate. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { IdParams } from '../../kernel/http/schemas.js';
import { createClient, deactivateClient, getClients } from './clients.service.js';

const tags = ['open311'];

export function open311ClientRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/open311/clients', { schema: { tags, summary: 'Open311 客户端（外部系统）列表' } }, async (request) => getClients(db, actorOf(request)));
  app.post('/api/open311/clients', {
    schema: { tags, summary: '新建 Open311 客户端；返回的 apiKey 只显示这一次',
      body: Type.Object({ name: Type.String({ maxLength: 100 }), defaultRegionCode: Nullable(Type.String({ pattern: '^\\d{6,15}$' })) }, { additionalProperties: false }) },
  }, async (request, reply) => reply.code(201).send(await createClient(db, actorOf(request), request.body)));
  app.post('/api/open311/clients/:id/deactivate', { schema: { tags, summary: '停用 Open311 客户端（其密钥随即失效）', params: IdParams } },
    async (request) => deactivateClient(db, actorOf(request), request.params.id));
}
