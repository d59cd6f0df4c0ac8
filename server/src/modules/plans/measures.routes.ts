/** HTTP for plans, measures, the partner inbox and evidence files. */
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { MEASURE_STATUSES, MEASURE_TYPES } from '../../contracts/plans.js';
import type { Config } from '../../kernel/config.js';
import { KeyOf, DateText } from '../../kernel/http/schemas.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { readUpload } from '../../kernel/http/upload.js';
import { sendAttachment } from '../files/attachments.service.js';
import { Id, IdParams } from '../registry/registry.schema.js';
import { inbox, inboxMeasure, listMeasures } from './measure-lists.js';
import { acceptReferral, addEvidence, cancelMeasure, changeDeadline, declineReferral, getMeasure, reassignMeasure, reportProgress, requireMeasureAccess } from './measures.service.js';
import { addMeasure, getPlan, getPlans, savePlanForYear } from './plans.service.js';

const tags = ['plans'];
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Note = Type.String({ maxLength: 2000 });
const PageQuery = { page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) };

export const MeasureBody = Type.Object({
  type: KeyOf(MEASURE_TYPES),
  title: Type.String({ minLength: 1, maxLength: 100 }),
  detail: Nullable(Type.String({ maxLength: 2000 })),
  personId: Nullable(Id),
  responsibleOrgId: Id,
  responsiblePerson: Nullable(Type.String({ maxLength: 100 })),
  ccOrgIds: Type.Optional(Type.Array(Id, { maxItems: 10 })),
  deadline: DateText,
  payment: Type.Optional(Type.Object({
    policyCode: Type.String({ minLength: 1, maxLength: 100 }),
    amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000_00 }),
    funding: Type.Array(Type.Object({ source: Type.String({ maxLength: 100 }), amountFen: Type.Integer() }, { additionalProperties: false }), { maxItems: 10 }),
    startedOn: Type.Optional(Nullable(DateText)),
  }, { additionalProperties: false })),
  enrollmentId: Type.Optional(Nullable(Id)),
}, { additionalProperties: false });

export async function measureRoutes(app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): Promise<void> {
  app.get('/api/households/:id/plans', { schema: { tags, summary: '家庭帮扶计划（各年度及其措施）', params: IdParams } }, async (request) =>
    getPlans(db, actorOf(request), request.params.id),
  );
  app.put('/api/households/:id/plans/:year', {
    schema: { tags, summary: '制定或修改某年度帮扶计划（目标、责任帮扶干部）', params: Type.Object({ id: Id, year: Year }),
      body: Type.Object({ goal: Nullable(Type.String({ maxLength: 2000 })), leadUserId: Nullable(Id) }, { additionalProperties: false }) },
  }, async (request) => savePlanForYear(db, actorOf(request), request.params.id, request.params.year, request.body));
  app.get('/api/plans/:id', { schema: { tags, summary: '帮扶计划及其措施', params: IdParams } }, async (request) => getPlan(db, actorOf(request), request.params.id));
  app.post('/api/plans/:id/measures', {
    schema: { tags, summary: '添加措施（责任单位、期限；发放资金的措施同时生成待遇申请）', params: IdParams, body: MeasureBody },
  }, async (request) => addMeasure(db, actorOf(request), request.params.id, request.body));

  app.get('/api/measures', {
    schema: { tags, summary: '措施清单（跨家庭；按责任单位、状态、类型、逾期筛选）', querystring: Type.Object({
      responsibleOrgId: Type.Optional(Id), status: Type.Optional(Type.Union([KeyOf(MEASURE_STATUSES), Type.Literal('open')])),
      type: Type.Optional(KeyOf(MEASURE_TYPES)), overdue: Type.Optional(Type.Boolean()), year: Type.Optional(Year),
      q: Type.Optional(Type.String({ maxLength: 50 })), ...PageQuery,
    }) },
  }, async (request) => {
    const { page = 1, pageSize = 20, ...filter } = request.query;
    return listMeasures(db, actorOf(request), filter, { page, pageSize });
  });
  app.get('/api/measures/:id', { schema: { tags, summary: '措施详情（过程记录、佐证材料）', params: IdParams } }, async (request) =>
    getMeasure(db, actorOf(request), request.params.id),
  );
  app.post('/api/measures/:id/reassign', {
    schema: { tags, summary: '改派责任单位', params: IdParams,
      body: Type.Object({ responsibleOrgId: Id, responsiblePerson: Nullable(Type.String({ maxLength: 100 })), deadline: Nullable(DateText), note: Note }, { additionalProperties: false }) },
  }, async (request) => reassignMeasure(db, actorOf(request), request.params.id, request.body));
  app.post('/api/measures/:id/deadline', {
    schema: { tags, summary: '调整完成期限', params: IdParams, body: Type.Object({ deadline: DateText, note: Note }, { additionalProperties: false }) },
  }, async (request) => changeDeadline(db, actorOf(request), request.params.id, request.body));
  app.post('/api/measures/:id/cancel', {
    schema: { tags, summary: '取消措施', params: IdParams, body: Type.Object({ note: Note }, { additionalProperties: false }) },
  }, async (request) => cancelMeasure(db, actorOf(request), request.params.id, request.body));
  app.post('/api/measures/:id/accept', {
    schema: { tags, summary: '接收转介', params: IdParams,
      body: Type.Object({ note: Nullable(Note), responsiblePerson: Nullable(Type.String({ maxLength: 100 })) }, { additionalProperties: false }) },
  }, async (request) => acceptReferral(db, actorOf(request), request.params.id, request.body));
  app.post('/api/measures/:id/decline', {
    schema: { tags, summary: '退回转介（须说明理由）', params: IdParams, body: Type.Object({ note: Note }, { additionalProperties: false }) },
  }, async (request) => declineReferral(db, actorOf(request), request.params.id, request.body));
  app.post('/api/measures/:id/progress', {
    schema: { tags, summary: '反馈进展、受阻或完成', params: IdParams,
      body: Type.Object({ note: Note, status: Type.Optional(Type.Union([Type.Literal('in_progress'), Type.Literal('blocked'), Type.Literal('done')])) }, { additionalProperties: false }) },
  }, async (request) => reportProgress(db, actorOf(request), request.params.id, { note: request.body.note, status: request.body.status ?? null }));

  app.get('/api/inbox/measures', {
    schema: { tags, summary: '本单位待办：转介来的措施（仅含办理所需的最少信息）', querystring: Type.Object({
      state: Type.Optional(Type.Union(['todo', 'active', 'closed', 'all'].map((s) => Type.Literal(s)))), overdue: Type.Optional(Type.Boolean()), ...PageQuery,
    }) },
  }, async (request) => {
    const { state = 'todo', overdue = false, page = 1, pageSize = 20 } = request.query;
    return inbox(db, actorOf(request), state as 'todo', overdue, { page, pageSize });
  });
  app.get('/api/inbox/measures/:id', { schema: { tags, summary: '待办措施详情', params: IdParams } }, async (request) =>
    inboxMeasure(db, actorOf(request), request.params.id),
  );

  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    await api.register(multipart, { limits: { fileSize: config.attachmentLimitBytes, files: 1, fields: 3 } });
    api.post('/api/measures/:id/attachments', {
      schema: { tags, summary: '上传佐证材料（JPEG、PNG、WebP 图片或 PDF；字段 note 可选，须在文件之前）', params: IdParams, consumes: ['multipart/form-data'] },
    }, async (request) => {
      const upload = await readUpload(request, config.attachmentLimitBytes, '请压缩图片或拆分文件后再上传');
      return addEvidence(db, actorOf(request), request.params.id, { ...upload, note: upload.fields.note ?? null }, config.attachmentLimitBytes);
    });
  });
  app.get('/api/measures/:id/attachments/:attachmentId', {
    schema: { tags, summary: '下载佐证材料（记入审计日志）', params: Type.Object({ id: Id, attachmentId: Id }) },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await requireMeasureAccess(db, actor, request.params.id);
    return sendAttachment(db, actor, { entityType: 'measure', entityId: request.params.id }, request.params.attachmentId, reply);
  });
}
