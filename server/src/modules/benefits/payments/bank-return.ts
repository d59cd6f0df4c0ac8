/**
 * The bank's return file (回盘文件): one row per payment with its reference, amount and
 * result. It is checked whole before anything changes — every reference a line of this batch,
 * amounts equal to the fen, no row twice, a declared count and total (when the file carries
 * them) equal to the batch's — then lines are marked paid or failed in one transaction.
 * Importing the same file again changes nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { BankReturnReport as ReturnReport } from '../../../contracts/benefits.js';
import { recordAudit } from '../../../kernel/audit.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { AppError, notFound, type FieldProblem } from '../../../kernel/errors.js';
import { yuanText, yuanToFen } from '../../../kernel/money.js';
import { cellText, openSheet, type SheetRow } from '../../registry/transfer/readers.js';
import { findPaymentRun } from './runs.repo.js';
import { requireWholeBatch } from './batch-scope.js';

export interface ReturnRow {
  row: number;
  reference: string;
  amountFen: number;
  paid: boolean;
  failureReason: string | null;
}

const SUCCESS = new Set(['成功', '已成功', '交易成功', 'success', 's', '1']);
const FAILURE = new Set(['失败', '交易失败', 'failed', 'fail', 'f', '0']);

const find = (cells: string[], names: string[]) => cells.findIndex((c) => names.includes(c.replace(/\s/g, '')));

/** Reads the file: an optional summary (笔数, 总金额) and the detail rows under the header with 流水号. */
export async function readReturnFile(fileName: string, buffer: Buffer): Promise<{ rows: ReturnRow[]; declared: { lines: number; fen: number } | null; problems: FieldProblem[] }> {
  const sheet = openSheet({ fileName, buffer });
  const problems: FieldProblem[] = [];
  const rows: ReturnRow[] = [];
  let header: { ref: number; amount: number; result: number; reason: number } | null = null;
  let summaryHeader: { lines: number; total: number } | null = null;
  let declared: { lines: number; fen: number } | null = null;
  for await (const { number, cells } of sheet.rows as AsyncGenerator<SheetRow>) {
    const text = cells.map((c) => cellText(c).trim());
    if (!header) {
      if (summaryHeader && !declared) {
        const fen = yuanToFen(text[summaryHeader.total] ?? '');
        declared = { lines: Number(text[summaryHeader.lines]), fen: fen ?? Number.NaN };
        continue;
      }
      const lines = find(text, ['笔数', '总笔数']);
      if (lines >= 0) summaryHeader = { lines, total: find(text, ['总金额（元）', '总金额(元)', '总金额']) };
      const ref = find(text, ['流水号', '业务流水号', '参考号']);
      if (ref >= 0) {
        header = { ref, amount: find(text, ['金额（元）', '金额(元)', '金额', '交易金额']), result: find(text, ['处理结果', '结果', '交易结果', '状态']), reason: find(text, ['失败原因', '备注', '原因']) };
        if (header.amount < 0) problems.push({ row: number, field: '金额', message: '缺少“金额（元）”列' });
        if (header.result < 0) problems.push({ row: number, field: '处理结果', message: '缺少“处理结果”列' });
        if (problems.length) return { rows, declared, problems };
      }
      continue;
    }
    if (text.every((t) => t === '')) continue;
    const reference = text[header.ref] ?? '';
    const amountFen = yuanToFen(text[header.amount] ?? '');
    const result = (text[header.result] ?? '').toLowerCase();
    if (!reference) problems.push({ row: number, field: '流水号', message: '流水号为空' });
    if (amountFen === null) problems.push({ row: number, field: '金额', message: `金额“${text[header.amount] ?? ''}”不是最多两位小数的数字` });
    if (!SUCCESS.has(result) && !FAILURE.has(result)) problems.push({ row: number, field: '处理结果', message: `处理结果“${text[header.result] ?? ''}”应为“成功”或“失败”` });
    rows.push({ row: number, reference, amountFen: amountFen ?? 0, paid: SUCCESS.has(result), failureReason: header.reason >= 0 ? text[header.reason] || null : null });
  }
  if (!header) problems.push({ row: 1, field: '流水号', message: '找不到表头：须有“流水号”“金额（元）”“处理结果”列' });
  return { rows, declared, problems };
}

function reject(problems: FieldProblem[]): never {
  const first = problems[0]!;
  throw new AppError('validation_failed', { zh: `回盘文件有 ${problems.length} 处问题，未做任何更改。第 ${first.row} 行 ${first.field}：${first.message}`, en: 'the return file does not reconcile; nothing was changed', problems: problems.slice(0, 200) });
}

export async function importBankReturn(db: Kysely<any>, actor: Actor, runId: number, fileName: string, buffer: Buffer): Promise<ReturnReport> {
  requireWholeBatch(actor, 'payment:approve');
  const run = await findPaymentRun(db, runId);
  if (!run) throw notFound();
  if (run.status !== 'released' && run.status !== 'reconciled') throw new AppError('invalid_state', { zh: '批次尚未发送银行，不能导入回盘', en: 'the run has not been released' });
  const file = await readReturnFile(fileName, buffer);
  const problems = [...file.problems];
  if (file.declared && (file.declared.lines !== run.declaredLines || file.declared.fen !== run.declaredFen)) {
    problems.push({ row: 2, field: '笔数/总金额', message: `回盘声明 ${file.declared.lines} 笔 ${Number.isNaN(file.declared.fen) ? '?' : yuanText(file.declared.fen)} 元，与本批次 ${run.declaredLines} 笔 ${yuanText(run.declaredFen ?? 0)} 元不符` });
  }
  const { rows: lines } = await sql<{ reference: string; amountFen: number; status: string }>`
    select bank_reference as reference, amount_fen as "amountFen", status from payment_lines where run_id = ${runId} and bank_reference is not null`.execute(db);
  const byReference = new Map(lines.map((l) => [l.reference, l]));
  const seen = new Set<string>();
  for (const row of file.rows) {
    const line = byReference.get(row.reference);
    if (seen.has(row.reference)) problems.push({ row: row.row, field: '流水号', message: `流水号 ${row.reference} 重复出现` });
    seen.add(row.reference);
    if (!line) {
      problems.push({ row: row.row, field: '流水号', message: `流水号 ${row.reference} 不属于本批次` });
      continue;
    }
    if (line.amountFen !== row.amountFen) problems.push({ row: row.row, field: '金额', message: `金额 ${yuanText(row.amountFen)} 与批次 ${yuanText(line.amountFen)} 元不符` });
    const settledAs = line.status === 'paid' ? true : line.status === 'failed' ? false : null;
    if (settledAs !== null && settledAs !== row.paid) problems.push({ row: row.row, field: '处理结果', message: `流水号 ${row.reference} 已记为${settledAs ? '成功' : '失败'}，与本次回盘不符` });
  }
  if (problems.length) reject(problems);
  const fresh = file.rows.filter((r) => byReference.get(r.reference)!.status === 'exported');
  const report = await db.transaction().execute(async (trx) => {
    const paid = fresh.filter((r) => r.paid);
    const failed = fresh.filter((r) => !r.paid);
    await sql`update payment_lines set status = 'paid', settled_at = now() where run_id = ${runId} and status = 'exported'
      and bank_reference = any(${paid.map((r) => r.reference)}::text[])`.execute(trx);
    for (const r of failed) {
      await sql`update payment_lines set status = 'failed', failure_reason = ${r.failureReason ?? '银行退回'}, settled_at = now()
        where run_id = ${runId} and status = 'exported' and bank_reference = ${r.reference}`.execute(trx);
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from payment_lines where run_id = ${runId} and status = 'exported'`.execute(trx);
    const outstanding = rows[0]!.n;
    if (outstanding === 0) await sql`update payment_runs set status = 'reconciled', reconciled_at = coalesce(reconciled_at, now()) where id = ${runId}`.execute(trx);
    const result: ReturnReport = {
      rows: file.rows.length, paid: paid.length, paidFen: paid.reduce((s, r) => s + r.amountFen, 0),
      failed: failed.length, failedFen: failed.reduce((s, r) => s + r.amountFen, 0), outstanding, reconciled: outstanding === 0,
    };
    await recordAudit(trx, actor, { action: 'payment.bank_return_imported', entityType: 'payment_run', entityId: runId, detail: { fileName, ...result } });
    return result;
  });
  return report;
}
