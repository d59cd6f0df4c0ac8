/**
 * Workbooks a county sends: the monthly ledger in the shape it is reported upward (title,
 * unit, one row per policy and region, a source column each, a totals row, signatures), and
 * the public notice (公示) that carries only a masked name, the community or village, the
 * policy and the amount — never an ID number, phone or account.
 */
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../../../kernel/audit.js';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.js';
import { invalidField } from '../../../kernel/errors.js';
import { yuanCell as yuan } from '../../../kernel/money.js';
import { maskName } from '../../../kernel/privacy/mask.js';
import { neutralizeFormula } from '../../../kernel/text/spreadsheet-safety.js';
import { householdScope } from '../../registry/households.repo.js';
import { MONTH_PERIOD } from '../proration.js';
import { LEDGER_MONTH, ledgerReport } from './ledger.service.js';

const MONEY = '#,##0.00';

export async function ledgerWorkbook(db: Kysely<any>, actor: Actor, month: string, level: 'county' | 'township'): Promise<Buffer> {
  requirePermission(actor, 'registry:export');
  const report = await ledgerReport(db, actor, month, level, null);
  const sources = report.totals.bySource.map((s) => s.source);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${month} 台账`);
  const headers = ['序号', '政策', '区划', '享受户（人）数', '本月新增', '本月停发', '发放金额（元）', '已到账（元）', ...sources.map((s) => `其中：${s}`)];
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = `${month.replace('-', ' 年 ')} 月 困难群众帮扶资金发放台账`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getRow(2).values = [`填报单位：${actor.name}`, '', '', '', '', '', '单位：元'];
  sheet.getRow(3).values = headers;
  sheet.getRow(3).font = { bold: true };
  report.rows.forEach((row, index) => {
    const parts = new Map(row.bySource.map((s) => [s.source, s.amountFen]));
    sheet.addRow([index + 1, row.policyName, row.regionName ?? row.regionCode, row.recipients, row.newRecipients, row.stopped,
      yuan(row.amountFen), yuan(row.paidFen), ...sources.map((s) => yuan(parts.get(s) ?? 0))]);
  });
  const t = report.totals;
  const totals = sheet.addRow(['合计', '', '', t.recipients, t.newRecipients, t.stopped, yuan(t.amountFen), yuan(t.paidFen), ...t.bySource.map((s) => yuan(s.amountFen))]);
  totals.font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['单位负责人：', '', '', '审核人：', '', '', '填表人：', '', `填报日期：${new Date().toISOString().slice(0, 10)}`]);
  headers.forEach((_, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = i === 0 ? 6 : i < 3 ? 22 : 14;
    if (i >= 6) column.numFmt = MONEY;
  });
  await recordAudit(db, actor, { action: 'payment.ledger_exported', entityType: 'ledger', entityId: month, detail: { level, rows: report.rows.length } });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The public notice of a month's payments for one policy: masked names, community, policy, amount. */
export async function noticeWorkbook(db: Kysely<any>, actor: Actor, month: string, policyCode: string): Promise<Buffer> {
  requirePermission(actor, 'payment:read');
  if (!MONTH_PERIOD.test(month)) throw invalidField('month', '月份应为 YYYY-MM', 'expected YYYY-MM');
  const { rows } = await sql<{ name: string; community: string | null; policyName: string; amountFen: number }>`
    select payee.name, coalesce(c.name, rg.name) as community, coalesce(av.name_zh, p.code) as "policyName", sum(l.amount_fen)::bigint as "amountFen"
    from payment_lines l join payment_runs r on r.id = l.run_id join households h on h.id = l.household_id
    join policies p on p.id = l.policy_id left join policy_versions av on av.policy_id = p.id and av.status = 'active'
    join persons payee on payee.id = coalesce(l.person_id, l.payee_person_id)
    left join regions c on c.code = left(h.region_code, 12) left join regions rg on rg.code = h.region_code
    where ${LEDGER_MONTH} = ${month} and p.code = ${policyCode} and l.status <> 'void' and r.status <> 'rejected' and ${householdScope(actor.scope)}
    group by l.enrollment_id, payee.name, c.name, rg.name, av.name_zh, p.code
    having sum(l.amount_fen) > 0
    order by community, payee.name`.execute(db);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('公示');
  sheet.mergeCells('A1:E1');
  sheet.getCell('A1').value = `${rows[0]?.policyName ?? policyCode} ${month} 发放名单公示`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getRow(2).values = ['序号', '姓名', '社区（村）', '项目', '金额（元）'];
  sheet.getRow(2).font = { bold: true };
  rows.forEach((r, i) => sheet.addRow([i + 1, maskName(r.name), neutralizeFormula(r.community ?? ''), r.policyName, yuan(Number(r.amountFen))]));
  sheet.addRow([]);
  sheet.addRow(['公示期 7 天。如有异议，请向所在社区（村）或 12345 热线反映。']);
  [6, 12, 28, 24, 12].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.getColumn(5).numFmt = MONEY;
  await recordAudit(db, actor, { action: 'payment.notice_exported', entityType: 'ledger', entityId: month, detail: { policyCode, rows: rows.length } });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
