/** HTTP for appeals: categories and the dispatch catalogue, intake (with Idempotency-Key), lists and the handling steps. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { APPEAL_STATUSES, SATISFACTION } from '../../contracts/appeals.js';
import { KeyOf } from '../../kernel/http/schemas.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { Id, IdParams } from '../registry/registry.schema.js';
import { getAppeal, getAppeals, takeIn } from './appeals.service.js';
import { getCategories, getRules, removeRule, setRule } from './catalogue.service.js';
import { approveReply, draftReply, recordSatisfaction, rejectReply } from './replies.service.js';
import { acceptAppeal, arbitrateReturn, dispatchAppeal, mergeAppeal, reportAppealProgress, returnAppeal, transferAppeal } from './workflow.service.js';

const tags = ['appeals'];
const Unit = Type.Union([Type.Literal('workdays'), Type.Literal('hours')]);
const Note = Type.String({ maxLength: 2000 });

export const AppealBody = Type.Object({
  categoryCode: Type.String({ maxLength: 40 }),
  description: Type.String({ maxLength: 4000 }),
  address: Nullable(Type.String({ maxLength: 200 })),
  regionCode: Type.String({ pattern: '^\\d{6,15}$' }),
  lat: Type.Optional(Nullable(Type.Number())),
  lng: Type.Optional(Nullable(Type.Number())),
  contactName: Nullable(Type.String({ maxLength: 50 })),
  contactPhone: Nullable(Type.String({ maxLength: 20 })),
  channel: Type.Optional(Type.Union([Type.Literal('hotline'), Type.Literal('grid')])),
}, { additionalProperties: false });

export function appealRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/appeal-categories', { schema: { tags, summary: '诉求类别' } }, async () => getCategories(db));
  app.get('/api/dispatch-rules', { schema: { tags, summary: '派单目录（类别 × 区划 → 承办单位、办理时限）' } }, async (request) => getRules(db, actorOf(request)));
  app.put('/api/dispatch-rules', {
    schema: { tags, summary: '设置派单目录的一条规则（同一类别和区划只有一条）',
      body: Type.Object({ categoryCode: Type.String({ maxLength: 40 }), regionCode: Type.String({ pattern: '^\\d{6,15}$' }), orgId: Id,
        limitAmount: Type.Integer(), limitUnit: Unit }, { additionalProperties: false }) },
  }, async (request) => setRule(db, actorOf(request), request.body));
  app.delete('/api/dispatch-rules/:id', { schema: { tags, summary: '删除派单目录的一条规则（已派出的诉求不受影响）', params: IdParams } },
    async (request) => removeRule(db, actorOf(request), request.params.id));

  app.post('/api/appeals', {
    schema: { tags, summary: '受理诉求（存储成功后才返回；Idempotency-Key 相同的重试不会重复登记）', body: AppealBody,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 100 })) }) },
  }, async (request, reply) => {
    const { channel = 'hotline', ...input } = request.body;
    const result = await takeIn(db, actorOf(request), input, channel, request.headers['idempotency-key'] ?? null);
    return reply.code(result.created ? 201 : 200).send(result.appeal);
  });
  app.get('/api/appeals', {
    schema: { tags, summary: '诉求列表', querystring: Type.Object({
      status: Type.Optional(Type.Union([KeyOf(APPEAL_STATUSES), Type.Literal('open')])), categoryCode: Type.Optional(Type.String({ maxLength: 40 })),
      responsibleOrgId: Type.Optional(Id), overdue: Type.Optional(Type.Boolean()), q: Type.Optional(Type.String({ maxLength: 50 })),
      handledByMe: Type.Optional(Type.Boolean({ description: '只看本单位及下级单位承办的' })),
      sort: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('due')], { description: 'newest：最新在前（默认）；due：临近期限在前' })),
      page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    }) },
  }, async (request) => {
    const { page = 1, pageSize = 20, ...filter } = request.query;
    return getAppeals(db, actorOf(request), filter, { page, pageSize });
  });
  app.get('/api/appeals/:id', { schema: { tags, summary: '诉求详情及办理过程', params: IdParams } }, async (request) => getAppeal(db, actorOf(request), request.params.id));
  app.post('/api/appeals/:id/dispatch', {
    schema: { tags, summary: '人工派单', params: IdParams,
      body: Type.Object({ orgId: Id, limit: Type.Optional(Type.Object({ amount: Type.Integer({ minimum: 1, maximum: 720 }), unit: Unit })), note: Nullable(Note) }, { additionalProperties: false }) },
  }, async (request) => dispatchAppeal(db, actorOf(request), request.params.id, request.body));
  app.post('/api/appeals/:id/accept', { schema: { tags, summary: '签收', params: IdParams } }, async (request) => acceptAppeal(db, actorOf(request), request.params.id));
  app.post('/api/appeals/:id/return', {
    schema: { tags, summary: '退单（须说明理由，由派单员仲裁）', params: IdParams, body: Type.Object({ note: Note }, { additionalProperties: false }) },
  }, async (request) => returnAppeal(db, actorOf(request), request.params.id, request.body));
  app.post('/api/appeals/:id/arbitrate', {
    schema: { tags, summary: '仲裁退单：成立则改派，不成立则退回原单位', params: IdParams,
      body: Type.Object({ upheld: Type.Boolean(), orgId: Type.Optional(Nullable(Id)), note: Note }, { additionalProperties: false }) },
  }, async (request) => arbitrateReturn(db, actorOf(request), request.params.id, request.body));
  app.post('/api/appeals/:id/transfer', {
    schema: { tags, summary: '转办给其他单位（时限不重新计算起点）', params: IdParams, body: Type.Object({ orgId: Id, note: Note }, { additionalProperties: false }) },
  }, async (request) => transferAppeal(db, actorOf(request), request.params.id, request.body));
  app.post('/api/appeals/:id/progress', {
    schema: { tags, summary: '反馈办理进展', params: IdParams, body: Type.Object({ note: Note }, { additionalProperties: false }) },
  }, async (request) => reportAppealProgress(db, actorOf(request), request.params.id, request.body));
  app.post('/api/appeals/:id/reply', {
    schema: { tags, summary: '拟写答复（提交审核，办理时限暂停计时）', params: IdParams, body: Type.Object({ reply: Type.String({ maxLength: 4000 }) }, { additionalProperties: false }) },
  }, async (request) => draftReply(db, actorOf(request), request.params.id, request.body));
  app.post('/api/appeals/:id/reply/approve', {
    schema: { tags, summary: '审核通过答复；可公开发布（群众反映、办理结果，不含个人信息）', params: IdParams,
      body: Type.Object({ publish: Type.Boolean(), publicQuestion: Nullable(Type.String({ maxLength: 500 })), publicAnswer: Nullable(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }) },
  }, async (request) => approveReply(db, actorOf(request), request.params.id, request.body));
  app.post('/api/appeals/:id/reply/reject', {
    schema: { tags, summary: '退回答复（恢复计时）', params: IdParams, body: Type.Object({ note: Note }, { additionalProperties: false }) },
  }, async (request) => rejectReply(db, actorOf(request), request.params.id, request.body));
  app.post('/api/appeals/:id/satisfaction', {
    schema: { tags, summary: '满意度回访：满意或未接通则办结，不满意则重新办理', params: IdParams,
      body: Type.Object({ value: KeyOf(SATISFACTION), note: Nullable(Note) }, { additionalProperties: false }) },
  }, async (request) => recordSatisfaction(db, actorOf(request), request.params.id, request.body as { value: 'satisfied'; note: string | null }));
  app.post('/api/appeals/:id/merge', {
    schema: { tags, summary: '并案：把重复诉求并入正在办理的诉求，答复时一并告知来电人', params: IdParams,
      body: Type.Object({ intoId: Id, note: Nullable(Note) }, { additionalProperties: false }) },
  }, async (request) => mergeAppeal(db, actorOf(request), request.params.id, request.body));
}
