/** HTTP for 信息比对: templates, upload and preview, run with a mapping, runs, lists, decisions, export. */
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission } from '../../kernel/auth/actor.js';
import type { Config } from '../../kernel/config.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { IdParams } from '../registry/registry.schema.js';
import { fileTooLarge } from '../../kernel/http/upload.js';
import { sendXlsxBuffer, sendXlsxStream } from '../registry/transfer/xlsx-response.js';
import { DecisionBody, ExportQuery, ItemQuery, KindParams, RunBody, UploadQuery } from './comparisons.schema.js';
import { findRun } from './comparisons.repo.js';
import { getComparison, getComparisons, recoverInterruptedRuns, startComparison, uploadRoll } from './comparisons.service.js';
import { decideItems, getItems, itemsAfterDecision } from './decisions.js';
import { buildRollTemplate, exportFileName, exportItems, templateFileName } from './files.js';

const tags = ['comparisons'];

export async function comparisonRoutes(app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): Promise<void> {
  const recovered = await recoverInterruptedRuns(db);
  if (recovered > 0) app.log.warn(`信息比对：${recovered} 个运行因服务停止而中断，已标记为失败（未保存任何结果）`);
  const progressLog = (runId: number, stage: string, rows: number) => app.log.info({ comparison: runId, stage, rows }, '信息比对进度');

  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    await api.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 5 } });

    api.get('/api/comparisons/template/:kind', { schema: { tags, summary: '下载名册模板（低保、残疾人证、死亡火化、外单位享受名单）', params: KindParams } }, async (request, reply) => {
      requirePermission(actorOf(request), 'comparison:run');
      return sendXlsxBuffer(reply, templateFileName(request.params.kind), await buildRollTemplate(request.params.kind));
    });

    api.post(
      '/api/comparisons',
      {
        schema: {
          tags,
          summary: '上传外单位名册（xlsx/csv），返回表头、自动识别的列对应和前几行',
          description: 'multipart/form-data，字段 file；不读取登记数据，也不改动任何数据。',
          consumes: ['multipart/form-data'],
          querystring: UploadQuery,
        },
      },
      async (request) => {
        const actor = actorOf(request);
        requirePermission(actor, 'comparison:run');
        let part;
        try {
          part = await request.file({ limits: { fileSize: config.uploadLimitBytes, files: 1 } });
        } catch (error: any) {
          if (error?.code !== 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw error;
        }
        if (!part) throw new AppError('validation_failed', { zh: '请选择要上传的名册文件', en: 'No file was uploaded', field: 'file' });
        const bytes = await part.toBuffer().catch((error: any) => {
          throw error?.code === 'FST_REQ_FILE_TOO_LARGE' ? fileTooLarge(config.uploadLimitBytes) : error;
        });
        if (part.file.truncated) throw fileTooLarge(config.uploadLimitBytes);
        return uploadRoll(db, actor, { kind: request.query.kind, fileName: path.basename(part.filename || 'roll'), bytes }, config.uploadLimitBytes);
      },
    );
  });

  app.get('/api/comparisons', { schema: { tags, summary: '比对记录（最近 50 次）' } }, async (request) => getComparisons(db, actorOf(request)));

  app.get('/api/comparisons/:id', { schema: { tags, summary: '比对详情：状态、进度、各名单数量、名册错误', params: IdParams } }, async (request) =>
    getComparison(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/comparisons/:id/run',
    { schema: { tags, summary: '按确认的列对应开始比对（后台执行，轮询详情；名册有误时整体拒绝，不改动数据）', params: IdParams, body: RunBody } },
    async (request) => (await startComparison(db, actorOf(request), request.params.id, request.body, progressLog)).run,
  );

  app.get('/api/comparisons/:id/items', { schema: { tags, summary: '名单：应纳入、应变更、应退出、未匹配、信息不一致', params: IdParams, querystring: ItemQuery } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return getItems(db, actorOf(request), request.params.id, filter, { page: page ?? 1, pageSize: pageSize ?? 20 });
  });

  app.post(
    '/api/comparisons/:id/decisions',
    { schema: { tags, summary: '处理名单中的记录（可多选）：采纳则经登记/待遇流程写入，不采纳须说明原因', params: IdParams, body: DecisionBody } },
    async (request) => {
      const actor = actorOf(request);
      const result = await decideItems(db, actor, request.params.id, request.body);
      return { ...result, items: await itemsAfterDecision(db, actor, request.params.id, request.body.itemIds) };
    },
  );

  app.get('/api/comparisons/:id/items.xlsx', { schema: { tags, summary: '导出名单（xlsx，按数据范围；身份证号按权限脱敏）', params: IdParams, querystring: ExportQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    requirePermission(actor, 'comparison:run');
    requirePermission(actor, 'registry:export');
    const run = await findRun(db, actor.scope, actor.id, request.params.id);
    if (!run) throw notFound();
    const filter = request.query;
    return sendXlsxStream(reply, exportFileName(run), async (out, room) => {
      const rows = await exportItems(db, actor, run, filter, out, room);
      await recordAudit(db, actor, { action: 'comparison.exported', entityType: 'comparison_run', entityId: run.id, detail: { filter, rows } });
    });
  });
}
