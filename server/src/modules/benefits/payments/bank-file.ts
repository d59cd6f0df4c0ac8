/**
 * The bank payment file (代发文件) of a released run, as .xlsx or CSV: a summary line that
 * declares the batch (number, line count, total), then one line per payment with its
 * reference for the bank's return file. Full account numbers only for users allowed to see
 * them; every export is audited. Written page by page, so a million lines stay out of memory.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../../../kernel/audit.js';
import { can, type Actor } from '../../../kernel/auth/actor.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { yuanText } from '../../../kernel/money.js';
import { neutralizeFormula } from '../../../kernel/text/spreadsheet-safety.js';
import type { WaitForRoom } from '../../registry/transfer/xlsx-response.js';
import { findPaymentRun } from './runs.repo.js';
import { requireWholeBatch } from './batch-scope.js';

const PAGE = 5000;

export interface BankLine {
  id: number;
  reference: string;
  accountName: string | null;
  accountNumber: string | null;
  bankName: string | null;
  amountFen: number;
  purpose: string;
}

export const BANK_COLUMNS = ['序号', '流水号', '户名', '账号', '开户行', '金额（元）', '用途'];
export const SUMMARY_COLUMNS = ['批次号', '笔数', '总金额（元）'];

export function maskAccount(value: string | null): string | null {
  if (!value) return value;
  return value.length <= 8 ? '*'.repeat(value.length) : `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

async function bankPage(db: Kysely<any>, runId: number, afterId: number): Promise<BankLine[]> {
  const { rows } = await sql<BankLine>`
    select l.id, l.bank_reference as reference, coalesce(a.account_name, payee.name) as "accountName", a.account_number as "accountNumber",
      a.bank_name as "bankName", l.amount_fen as "amountFen", coalesce(av.name_zh, p.code) || ' ' || l.period as purpose
    from payment_lines l join policies p on p.id = l.policy_id
    left join policy_versions av on av.policy_id = p.id and av.status = 'active'
    left join persons payee on payee.id = l.payee_person_id left join bank_accounts a on a.person_id = l.payee_person_id
    where l.run_id = ${runId} and l.bank_reference is not null and l.id > ${afterId} order by l.id limit ${PAGE}`.execute(db);
  return rows;
}

export interface BankBatch {
  runId: number;
  batchNo: string;
  declaredLines: number;
  declaredFen: number;
  reveal: boolean;
}

/** Checks the run can be exported and records who exported it (and whether full numbers were shown). */
export async function openBankBatch(db: Kysely<any>, actor: Actor, runId: number, format: 'xlsx' | 'csv'): Promise<BankBatch> {
  requireWholeBatch(actor, 'payment:approve');
  const run = await findPaymentRun(db, runId);
  if (!run) throw notFound();
  if (run.status !== 'released' && run.status !== 'reconciled') throw new AppError('invalid_state', { zh: '批次发送银行后才能导出代发文件', en: 'release the run first' });
  const reveal = can(actor, 'payment:account_reveal');
  await recordAudit(db, actor, { action: 'payment.bank_file_exported', entityType: 'payment_run', entityId: runId, detail: { format, fullAccountNumbers: reveal, lines: run.declaredLines, amountFen: run.declaredFen } });
  return { runId, batchNo: `HM${runId}`, declaredLines: run.declaredLines ?? 0, declaredFen: run.declaredFen ?? 0, reveal };
}

function cells(batch: BankBatch, line: BankLine, index: number): Array<string | number> {
  const account = batch.reveal ? line.accountNumber : maskAccount(line.accountNumber);
  return [index, line.reference, neutralizeFormula(line.accountName ?? ''), account ?? '', neutralizeFormula(line.bankName ?? ''), yuanText(line.amountFen), neutralizeFormula(line.purpose)];
}

async function eachLine(db: Kysely<any>, batch: BankBatch, room: WaitForRoom, write: (row: Array<string | number>) => void): Promise<void> {
  let index = 0;
  for (let after = 0; ; ) {
    const lines = await bankPage(db, batch.runId, after);
    for (const line of lines) write(cells(batch, line, ++index));
    if (lines.length < PAGE) return;
    after = lines[lines.length - 1]!.id;
    await room();
  }
}

export async function writeBankXlsx(db: Kysely<any>, batch: BankBatch, out: Writable, room: WaitForRoom): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('代发明细');
  sheet.columns = [8, 18, 14, 26, 24, 14, 30].map((width) => ({ width }));
  sheet.addRow(SUMMARY_COLUMNS).commit();
  sheet.addRow([batch.batchNo, batch.declaredLines, yuanText(batch.declaredFen)]).commit();
  sheet.addRow(BANK_COLUMNS).commit();
  await eachLine(db, batch, room, (row) => sheet.addRow(row).commit());
  sheet.commit();
  await workbook.commit();
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export async function writeBankCsv(db: Kysely<any>, batch: BankBatch, out: Writable, room: WaitForRoom): Promise<void> {
  // A byte-order mark so Excel opens the UTF-8 file with its Chinese intact.
  out.write('\ufeff');
  out.write(`${SUMMARY_COLUMNS.join(',')}\r\n${[batch.batchNo, batch.declaredLines, yuanText(batch.declaredFen)].join(',')}\r\n${BANK_COLUMNS.join(',')}\r\n`);
  await eachLine(db, batch, room, (row) => out.write(`${row.map(csvCell).join(',')}\r\n`));
  out.end();
}
