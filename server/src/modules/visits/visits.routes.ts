/** HTTP for the visit log (网格日志): record and read visits, their photos, and the households to visit. */
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { VisitInput } from '../../contracts/visits.js';
import type { Config } from '../../kernel/config.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { readUpload } from '../../kernel/http/upload.js';
import { MeasureBody } from '../plans/measures.routes.js';
import { Id, IdParams } from '../registry/registry.schema.js';
import { needToMeasure } from './needs.service.js';
import { addVisitPhoto, getVisit, householdsToVisit, householdVisits, recordVisit, searchVisits, sendVisitPhoto } from './visits.service.js';

const tags = ['visits'];
const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

// Loose bounds only: the service checks the words and lengths a person can get wrong, with a Chinese message per field.
const VisitBody = Type.Object(
  {
    householdId: Id,
    visitedOn: Type.String({ maxLength: 20, description: '走访日期 YYYY-MM-DD，不晚于今天' }),
    companions: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30, description: '同行人员姓名（记录人之外）' }),
    purposes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, description: '走访事项，见 VISIT_PURPOSES' }),
    outcome: Type.String({ maxLength: 40, description: 'visited / not_at_home / moved / not_found' }),
    findings: Nullable(Type.String({ maxLength: 10_000 })),
    needs: Type.Array(
      Type.Object({ need: Type.String({ maxLength: 40 }), note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false }),
      { maxItems: 20 },
    ),
    clientId: Type.Optional(Nullable(Type.String({ pattern: UUID, description: '设备生成的草稿编号（UUID）：同一草稿重复提交只保存一次' }))),
    campaignId: Type.Optional(Nullable(Id)),
    facts: Type.Optional(Type.Array(
      Type.Object({
        personId: Id,
        kind: Type.String({ maxLength: 40, description: 'elderly_alone / employment / disability / incapacitated' }),
        value: Type.Unsafe<Record<string, unknown> | null>({ type: ['object', 'null'], maxProperties: 10, description: '该项信息的值（同家庭信息），null 表示已不再如此' }),
      }, { additionalProperties: false }),
      { maxItems: 40, description: '摸排入户时核实或更正的人员信息（value 为 null 表示已不再如此）' },
    )),
  },
  { additionalProperties: false },
);

const Day = Type.String({ maxLength: 20 });
const VisitQuery = Type.Object({
  mine: Type.Optional(Type.Union(['1', '0', 'true', 'false'].map((v) => Type.Literal(v)), { description: 'mine=1：只看本人记录的走访' })),
  householdId: Type.Optional(Id),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export async function visitRoutes(app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): Promise<void> {
  app.post('/api/visits', {
    schema: { tags, summary: '记录一次走访（同一 clientId 再次提交返回已保存的记录）', body: VisitBody },
  }, async (request, reply) => {
    // Fact kinds are checked by the service, with a Chinese message naming the ones a census may check.
    const { visit, created } = await recordVisit(db, actorOf(request), request.body as VisitInput);
    return reply.status(created ? 201 : 200).send(visit);
  });
  app.get('/api/visits', { schema: { tags, summary: '走访记录（最新在前，分页）', querystring: VisitQuery } }, async (request) =>
    searchVisits(db, actorOf(request), { ...request.query, mine: request.query.mine === '1' || request.query.mine === 'true' }),
  );
  app.get('/api/visits/households', {
    schema: { tags, summary: '可走访的家庭：按成员姓名、拼音、身份证号、电话或地址查找', querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 40 })) }) },
  }, async (request) => householdsToVisit(db, actorOf(request), request.query.q));
  app.get('/api/visits/:id', { schema: { tags, summary: '走访记录详情（含照片列表）', params: IdParams } }, async (request) =>
    getVisit(db, actorOf(request), request.params.id),
  );
  app.get('/api/households/:id/visits', { schema: { tags, summary: '家庭的走访记录（最新在前）', params: IdParams } }, async (request) =>
    householdVisits(db, actorOf(request), request.params.id),
  );
  app.post('/api/visits/:id/needs/:index/measure', {
    schema: { tags, summary: '走访发现的需求转为该户当年帮扶计划的措施（每项需求只能转一次）', params: Type.Object({ id: Id, index: Type.Integer({ minimum: 0, maximum: 19 }) }), body: MeasureBody },
  }, async (request, reply) => reply.status(201).send(await needToMeasure(db, actorOf(request), request.params.id, request.params.index, request.body)));
  app.get('/api/visits/:id/photos/:photoId', {
    schema: { tags, summary: '走访照片（查看记审计）', params: Type.Object({ id: Id, photoId: Id }) },
  }, async (request, reply) => sendVisitPhoto(db, actorOf(request), request.params.id, request.params.photoId, reply));

  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    await api.register(multipart, { limits: { fileSize: config.attachmentLimitBytes, files: 1, fields: 5 } });
    api.post('/api/visits/:id/photos', {
      schema: { tags, summary: '上传走访照片（JPEG、PNG、WebP 或 PDF，按文件内容判断；走访记录保存后逐张上传）', params: IdParams, consumes: ['multipart/form-data'] },
    }, async (request, reply) => {
      const photo = await addVisitPhoto(db, actorOf(request), request.params.id, () => readUpload(request, config.attachmentLimitBytes, '请压缩照片后再上传'), config.attachmentLimitBytes);
      return reply.status(201).send(photo);
    });
  });
}
