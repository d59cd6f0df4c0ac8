/** HTTP for the monthly ledger: the report, its county workbook and the public notice. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { actorOf, type HttpServer } from '../../../kernel/http/server.js';
import { sendXlsxBuffer } from '../../registry/transfer/xlsx-response.js';
import { ledgerWorkbook, noticeWorkbook } from './ledger-export.js';
import { ledgerReport } from './ledger.service.js';

const tags = ['payments'];
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Level = Type.Optional(Type.Union([Type.Literal('county'), Type.Literal('township')]));
const PolicyCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });

export function ledgerRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/ledger', {
    schema: { tags, summary: '月度台账：按政策、区划汇总享受人数、新增、停发和各资金来源金额', querystring: Type.Object({ month: Month, level: Level, policyCode: Type.Optional(PolicyCode) }) },
  }, async (request) => ledgerReport(db, actorOf(request), request.query.month, request.query.level ?? 'county', request.query.policyCode ?? null));
  app.get('/api/ledger.xlsx', {
    schema: { tags, summary: '导出月度台账（上报格式，xlsx）', querystring: Type.Object({ month: Month, level: Level }) },
  }, async (request, reply) => {
    const { month, level } = request.query;
    return sendXlsxBuffer(reply, `台账-${month}.xlsx`, await ledgerWorkbook(db, actorOf(request), month, level ?? 'county'));
  });
  app.get('/api/ledger/notice.xlsx', {
    schema: { tags, summary: '导出公示名单（仅脱敏姓名、社区、项目、金额）', querystring: Type.Object({ month: Month, policyCode: PolicyCode }) },
  }, async (request, reply) => {
    const { month, policyCode } = request.query;
    return sendXlsxBuffer(reply, `公示-${policyCode}-${month}.xlsx`, await noticeWorkbook(db, actorOf(request), month, policyCode));
  });
}
