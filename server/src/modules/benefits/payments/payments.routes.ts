/** HTTP for payment runs: create, review corrections, approve or reject, release, bank file, bank return, reissue, ledger check. */
import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import { requirePermission } from '../../../kernel/auth/actor.js';
import { actorOf, type HttpServer } from '../../../kernel/http/server.js';
import { Type } from '@sinclair/typebox';
import { Id, IdParams } from '../../registry/registry.schema.js';
import { buildsInProgress } from './progress.js';
import { contentDisposition, sendXlsxStream } from '../../registry/transfer/xlsx-response.js';
import { ApproveBody, FormatQuery, LineQuery, RejectBody, ReviewBody, RunBody } from '../benefits.schema.js';
import { openBankBatch, writeBankCsv, writeBankXlsx } from './bank-file.js';
import { checkLedger } from './ledger-check.js';
import { reissueFailed } from './reissue.js';
import {
  approvePaymentRun, createPaymentRun, markRecovered, getPaymentLines, getPaymentRun, getPaymentRuns, rejectPaymentRun, releasePaymentRun, reviewCorrections, runResult,
} from './runs.service.js';

const tags = ['payments'];

export function paymentRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/payment-runs', { schema: { tags, summary: '发放批次' } }, async (request) => getPaymentRuns(db, actorOf(request)));
  app.post('/api/payment-runs', { schema: { tags, summary: '生成某期发放批次（同一期间同一政策重复提交返回原批次，不会重复发放）', body: RunBody } }, async (request) => {
    const { run, created } = await createPaymentRun(db, actorOf(request), request.body);
    return { ...runResult(run, created), run };
  });
  app.get('/api/payment-runs/building', { schema: { tags, summary: '正在生成的批次及其进度' } }, async (request) => {
    requirePermission(actorOf(request), 'payment:read');
    return buildsInProgress();
  });
  app.post('/api/payment-runs/:id/recovered', { schema: { tags, summary: '登记追回明细已收回', params: IdParams, body: Type.Object({ lineIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false }) } }, async (request) =>
    markRecovered(db, actorOf(request), request.params.id, request.body.lineIds),
  );
  app.get('/api/payment-runs/:id', { schema: { tags, summary: '批次详情：按政策、资金来源汇总，预算预警，补发追回', params: IdParams } }, async (request) =>
    getPaymentRun(db, actorOf(request), request.params.id),
  );
  app.get('/api/payment-runs/:id/lines', { schema: { tags, summary: '批次明细', params: IdParams, querystring: LineQuery } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return getPaymentLines(db, actorOf(request), { ...filter, runId: request.params.id }, { page: page ?? 1, pageSize: pageSize ?? 20 });
  });
  app.get('/api/payment-lines', { schema: { tags, summary: '台账明细（按政策、区划、期间、家庭筛选）', querystring: LineQuery } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return getPaymentLines(db, actorOf(request), filter, { page: page ?? 1, pageSize: pageSize ?? 20 });
  });
  app.post('/api/payment-runs/:id/review', { schema: { tags, summary: '帮扶干部审核补发、追回明细', params: IdParams, body: ReviewBody } }, async (request) =>
    reviewCorrections(db, actorOf(request), request.params.id, request.body.lineIds, request.body.accept, request.body.reason ?? null),
  );
  app.post('/api/payment-runs/:id/approve', { schema: { tags, summary: '审核通过（须非生成人；超预算须确认）', params: IdParams, body: ApproveBody } }, async (request) =>
    approvePaymentRun(db, actorOf(request), request.params.id, request.body.acknowledgeOverspend ?? false),
  );
  app.post('/api/payment-runs/:id/reject', { schema: { tags, summary: '驳回（明细作废，可重新生成）', params: IdParams, body: RejectBody } }, async (request) =>
    rejectPaymentRun(db, actorOf(request), request.params.id, request.body.reason),
  );
  app.post('/api/payment-runs/:id/release', { schema: { tags, summary: '发送银行：生成批次声明（笔数、总金额）', params: IdParams } }, async (request) =>
    releasePaymentRun(db, actorOf(request), request.params.id),
  );
  app.post('/api/payment-runs/:id/reissue', { schema: { tags, summary: '重发失败明细（生成新批次，走审核）', params: IdParams } }, async (request) =>
    reissueFailed(db, actorOf(request), request.params.id),
  );
  app.get('/api/payment-runs/:id/bank-file', { schema: { tags, summary: '下载银行代发文件（xlsx 或 csv；完整账号需权限，记审计）', params: IdParams, querystring: FormatQuery } }, async (request, reply) => {
    const format = request.query.format ?? 'xlsx';
    const batch = await openBankBatch(db, actorOf(request), request.params.id, format);
    const fileName = `代发文件-${batch.batchNo}.${format}`;
    if (format === 'xlsx') return sendXlsxStream(reply, fileName, (out, room) => writeBankXlsx(db, batch, out, room));
    const body = new PassThrough();
    const room = () => (body.writableNeedDrain ? new Promise<void>((resolve) => body.once('drain', resolve)) : Promise.resolve());
    writeBankCsv(db, batch, body, room).catch((error) => body.destroy(error));
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition(fileName)).send(body);
  });
  app.get('/api/ledger/check', { schema: { tags, summary: '台账正确性检查' } }, async (request) => {
    requirePermission(actorOf(request), 'payment:read');
    return checkLedger(db);
  });
}
