/**
 * Applications by import (a list a street office or partner unit sends): one application per
 * row, checked whole before anything is written — ID checksum, a registered person in the
 * reader's scope, an active policy, a real date, an amount of at most two decimals and not
 * negative, no person and policy twice. Any bad row rejects the file with every problem listed
 * by row and field; a good file becomes applications in one transaction, each then reviewed
 * and approved like any other.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, type FieldProblem } from '../../kernel/errors.js';
import { yuanToFen } from '../../kernel/money.js';
import { ID_NUMBER_PROBLEM_MESSAGES, parseIdNumber } from '../../kernel/validation/idcard.js';
import { householdScope } from '../registry/households.repo.js';
import { cellText, openSheet } from '../registry/transfer/readers.js';
import { termsFrom } from './entitlement.js';
import { insertEnrollment, insertEvent } from './enrollments.repo.js';

const MAX_ROWS = 5000;
const COLUMNS = { idNumber: ['身份证号', '公民身份号码', '身份证号码'], policy: ['政策编码', '政策', '项目'], startedOn: ['开始日期', '享受开始日期'], amount: ['金额（元）', '金额(元)', '金额'], reason: ['理由', '申请理由', '备注'] };
type Column = keyof typeof COLUMNS;

interface Row { row: number; idNumber: string; policy: string; startedOn: string; amount: string; reason: string }

async function readRows(fileName: string, buffer: Buffer): Promise<{ rows: Row[]; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const rows: Row[] = [];
  let index: Record<Column, number> | null = null;
  for await (const { number, cells } of openSheet({ fileName, buffer }).rows) {
    const text = cells.map((c) => cellText(c).trim());
    if (!index) {
      index = Object.fromEntries(Object.entries(COLUMNS).map(([key, names]) => [key, text.findIndex((t) => names.includes(t))])) as Record<Column, number>;
      for (const key of ['idNumber', 'policy', 'startedOn'] as const) {
        if (index[key] < 0) problems.push({ row: number, field: COLUMNS[key][0]!, message: `缺少“${COLUMNS[key][0]}”列` });
      }
      if (problems.length) return { rows, problems };
      continue;
    }
    if (text.every((t) => !t)) continue;
    const at = (key: Column) => (index![key] >= 0 ? (text[index![key]] ?? '') : '');
    rows.push({ row: number, idNumber: at('idNumber').toUpperCase(), policy: at('policy'), startedOn: at('startedOn'), amount: at('amount'), reason: at('reason') });
    if (rows.length > MAX_ROWS) {
      problems.push({ row: number, field: '行数', message: `一次最多导入 ${MAX_ROWS} 行` });
      break;
    }
  }
  if (!index) problems.push({ row: 1, field: '表头', message: '文件为空' });
  return { rows, problems };
}

export async function importApplications(db: Kysely<any>, actor: Actor, fileName: string, buffer: Buffer): Promise<{ created: number }> {
  requirePermission(actor, 'benefit:apply');
  const { rows, problems } = await readRows(fileName, buffer);
  const { rows: policies } = await sql<{ id: number; code: string; name: string; period: string; target: string; versionId: number; approvalLevels: number }>`
    select p.id, p.code, v.name_zh as name, v.period, v.target, v.id as "versionId", p.approval_levels as "approvalLevels"
    from policies p join policy_versions v on v.policy_id = p.id and v.status = 'active'`.execute(db);
  const { rows: people } = await sql<{ id: number; idNumber: string; householdId: number | null }>`
    select p.id, p.id_number as "idNumber", p.household_id as "householdId" from persons p join households h on h.id = p.household_id
    where p.id_number = any(${rows.map((r) => r.idNumber)}::text[]) and ${householdScope(actor.scope)}`.execute(db);
  const byId = new Map(people.map((p) => [p.idNumber, p]));
  const seen = new Set<string>();
  const planned: Array<Row & { policyRow: (typeof policies)[number]; person: (typeof people)[number]; amountFen: number | null }> = [];
  for (const r of rows) {
    const fail = (field: string, message: string) => problems.push({ row: r.row, field, message });
    const idCheck = parseIdNumber(r.idNumber);
    const person = byId.get(r.idNumber);
    const policyRow = policies.find((p) => p.code === r.policy || p.name === r.policy);
    const amountFen = r.amount ? yuanToFen(r.amount) : null;
    if (!idCheck.ok) fail('身份证号', ID_NUMBER_PROBLEM_MESSAGES[idCheck.reason]);
    else if (!person) fail('身份证号', '未登记此人，或不在您的数据范围内');
    if (!policyRow) fail('政策编码', `政策“${r.policy}”不存在或未启用`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.startedOn) || Number.isNaN(Date.parse(r.startedOn))) fail('开始日期', '日期应为 YYYY-MM-DD');
    if (r.amount && amountFen === null) fail('金额', '金额须为数字，最多两位小数');
    else if (amountFen !== null && amountFen < 0) fail('金额', '金额不能为负数');
    else if (amountFen !== null && policyRow && policyRow.period !== 'once') fail('金额', '只有一次性救助可以按个案填写金额');
    const key = `${r.idNumber}|${policyRow?.code}`;
    if (seen.has(key)) fail('身份证号', '同一人同一政策重复出现');
    seen.add(key);
    if (person && policyRow && idCheck.ok) planned.push({ ...r, policyRow, person, amountFen });
  }
  if (problems.length) {
    const first = problems[0]!;
    throw new AppError('validation_failed', { zh: `有 ${problems.length} 处问题，未导入任何申请。第 ${first.row} 行 ${first.field}：${first.message}`, en: 'the file has errors; nothing was imported', problems: problems.slice(0, 500) });
  }
  // Evaluations first (reads), then every application in one transaction.
  const prepared = await Promise.all(planned.map(async (p) => {
    const subject = { policyId: p.policyRow.id, householdId: p.person.householdId!, personId: p.policyRow.target === 'person' ? p.person.id : null };
    const terms = await termsFrom(db, actor, subject, p.startedOn, p.amountFen);
    return { ...p, subject, first: terms[0]! };
  }));
  await db.transaction().execute(async (trx) => {
    for (const p of prepared) {
      const id = await insertEnrollment(trx, {
        ...p.subject, versionId: p.first.versionId, amountFen: p.first.amountFen, startedOn: p.startedOn, source: '导入', approvalLevels: p.policyRow.approvalLevels,
        candidateId: null, reason: p.reason || null, evaluation: p.first.evaluation, funding: null, inKind: null, appliedBy: actor.id,
      }).catch((error: Error) => {
        if (error.message.includes('enrollments_one_open_idx')) throw new AppError('conflict', { zh: `第 ${p.row} 行：此人已有该政策的申请或正在享受，未导入任何申请`, en: 'an open enrollment exists' });
        throw error;
      });
      await insertEvent(trx, { enrollmentId: id, householdId: p.subject.householdId, action: 'applied', fromStatus: null, toStatus: 'applied', effectiveOn: p.startedOn,
        amountFen: p.first.amountFen, versionId: p.first.versionId, reason: p.reason || '批量导入', evaluation: p.first.evaluation, actorId: actor.id, actorName: actor.name });
    }
    await recordAudit(trx, actor, { action: 'benefit.applications_imported', entityType: 'enrollment', detail: { fileName, rows: prepared.length } });
  });
  return { created: prepared.length };
}
