/** HTTP for registry import (templates, upload and check, commit, annotated errors) and export. */
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { requirePermission } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import type { Config } from '../../../kernel/config.js';
import { actorOf, type HttpServer } from '../../../kernel/http/server.js';
import { readUpload } from '../../../kernel/http/upload.js';
import { HouseholdQuery, Id, IdParams, PersonQuery } from '../registry.schema.js';
import { annotatedFileName, writeAnnotatedWorkbook } from './annotated-report.js';
import { commitImportBatch, getImportBatch, openBatchForAnnotation, uploadImportBatch } from './batches.js';
import { exportHouseholds, exportPersons } from './export.js';
import { buildTemplate, templateFileName } from './template.js';
import { sendXlsxBuffer, sendXlsxStream } from './xlsx-response.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const KindSchema = literals(['persons', 'households'] as const);
const ModeSchema = literals(['update', 'skip'] as const);
const PolicySchema = literals(['all_or_nothing', 'valid_only'] as const);

const UploadQuery = Type.Object({
  kind: KindSchema,
  mode: Type.Optional(ModeSchema),
  orgId: Type.Optional(Id),
});
const CommitBody = Type.Object({ policy: PolicySchema }, { additionalProperties: false });

const tags = ['registry'];


const today = () => new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 10);

export async function registryTransferRoutes(app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): Promise<void> {
  // Multipart parsing only for these routes, with the configured upload limit.
  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    await api.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 } });

    api.get(
      '/api/imports/template/:kind',
      { schema: { tags, summary: '下载导入模板（人员或家庭，含填写说明和下拉选项）', params: Type.Object({ kind: KindSchema }) } },
      async (request, reply) => {
        requirePermission(actorOf(request), 'registry:import');
        return sendXlsxBuffer(reply, templateFileName(request.params.kind), await buildTemplate(db, request.params.kind));
      },
    );

    api.post(
      '/api/imports',
      {
        schema: {
          tags,
          summary: '上传 Excel/CSV 并检查（不写入登记数据），保存为导入批次',
          description: 'multipart/form-data，字段 file。mode=update 已登记人员以文件为准更新，mode=skip 跳过已登记人员。',
          consumes: ['multipart/form-data'],
          querystring: UploadQuery,
        },
      },
      async (request) => {
        const actor = actorOf(request);
        requirePermission(actor, 'registry:import');
        const upload = await readUpload(request, config.uploadLimitBytes);
        const { kind, mode = 'update', orgId } = request.query;
        return uploadImportBatch(db, actor, { kind, mode, orgId, ...upload }, config.uploadLimitBytes);
      },
    );

    api.get('/api/imports/:id', { schema: { tags, summary: '导入批次的检查报告', params: IdParams } }, async (request) =>
      getImportBatch(db, actorOf(request), request.params.id),
    );

    api.post(
      '/api/imports/:id/commit',
      {
        schema: {
          tags,
          summary: '确认导入：all_or_nothing 有错误则全部不导入，valid_only 只导入正确的行（一个事务内完成）',
          params: IdParams,
          body: CommitBody,
        },
      },
      async (request) => commitImportBatch(db, actorOf(request), request.params.id, request.body.policy),
    );

    api.get(
      '/api/imports/:id/errors.xlsx',
      { schema: { tags, summary: '下载错误标注表格（原表中标红错误单元格并附批注）', params: IdParams } },
      async (request, reply) => {
        const { batch, source, errors } = await openBatchForAnnotation(db, actorOf(request), request.params.id);
        return sendXlsxStream(reply, annotatedFileName(batch.fileName), (out, room) => writeAnnotatedWorkbook(source, errors, out, room));
      },
    );

    api.get('/api/persons/export.xlsx', { schema: { tags, summary: '导出人员名单（按当前筛选条件，身份证号和电话脱敏）', querystring: PersonQuery } }, async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'registry:export');
      const { page: _page, pageSize: _pageSize, ...filter } = request.query;
      return sendXlsxStream(reply, `人员名单-${today()}.xlsx`, async (out, room) => {
        const rows = await exportPersons(db, actor, filter, out, room);
        await recordAudit(db, actor, { action: 'registry.exported', entityType: 'person', detail: { list: 'persons', filter, rows } });
      });
    });

    api.get('/api/households/export.xlsx', { schema: { tags, summary: '导出家庭名单（按当前筛选条件，户主身份证号和电话脱敏）', querystring: HouseholdQuery } }, async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'registry:export');
      const { page: _page, pageSize: _pageSize, ...filter } = request.query;
      return sendXlsxStream(reply, `家庭名单-${today()}.xlsx`, async (out, room) => {
        const rows = await exportHouseholds(db, actor, filter, out, room);
        await recordAudit(db, actor, { action: 'registry.exported', entityType: 'household', detail: { list: 'households', filter, rows } });
      });
    });
  });
}
