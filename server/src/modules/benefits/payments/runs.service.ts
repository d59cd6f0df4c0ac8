/**
 * Payment runs: built for a period in one transaction (a crash leaves nothing; running the
 * same request again returns the run already made), corrections reviewed by a caseworker,
 * approved by someone other than its maker, released to the bank as a batch that declares its
 * line count and total, and rejected runs void their lines so the period can be run again.
 */
import { sql, type Kysely } from 'kysely';
import type { PaymentRun, PaymentRunResult } from '../../../contracts/benefits.js';
import { recordAudit } from '../../../kernel/audit.js';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.js';
import { AppError, invalidField, notFound } from '../../../kernel/errors.js';
import { faultPoint } from '../../../kernel/faults.js';
import { today } from '../../policies/evaluation.service.js';
import { householdScope } from '../../registry/households.repo.js';
import { MONTH_PERIOD, YEAR_PERIOD, periodBounds } from '../proration.js';
import { insertCorrections, insertFunds, insertOnceLines, insertRegularLines, runPolicies } from './build.js';
import { budgetWarnings, findPaymentRun, findRunByKey, insertPaymentRun, listLines, listPaymentRuns, runTotals, saveTotals, type LineFilter } from './runs.repo.js';
import { checkRun } from './ledger-check.js';
import { endBuild, startBuild } from './progress.js';
import { requireWholeBatch } from './batch-scope.js';

export interface RunRequest {
  period: string;
  policyCodes?: string[];
  note?: string | null;
}

function view(row: Omit<PaymentRun, 'progress'> & { createdBy?: number | null }): PaymentRun {
  const { createdBy: _createdBy, ...rest } = row;
  return { ...rest, progress: null };
}

async function validatePeriod(db: Kysely<any>, period: string): Promise<void> {
  if (!MONTH_PERIOD.test(period) && !YEAR_PERIOD.test(period)) throw invalidField('period', '发放期间应为 YYYY-MM（按月）或 YYYY（按年）', 'expected YYYY-MM or YYYY');
  const now = await today(db);
  const { start } = periodBounds(period);
  // Paying ahead: at most the next month (or next year for yearly benefits).
  const limit = YEAR_PERIOD.test(period) ? `${Number(now.slice(0, 4)) + 1}-01-01` : periodBounds(now.slice(0, 7)).end;
  if (start > limit) throw invalidField('period', `发放期间 ${period} 太远，最多提前一期`, 'too far ahead');
}

/** Creates the run for a period (and policies), or returns the one already made for that request. */
export async function createPaymentRun(db: Kysely<any>, actor: Actor, request: RunRequest): Promise<{ run: PaymentRun; created: boolean }> {
  requireWholeBatch(actor, 'payment:run');
  await validatePeriod(db, request.period);
  const codes = [...new Set(request.policyCodes ?? [])].sort();
  const requestKey = `${request.period}|${codes.join(',')}`;
  const existing = await findRunByKey(db, requestKey);
  if (existing) return { run: view(existing), created: false };
  const policies = await runPolicies(db, request.period, codes);
  const missing = codes.filter((c) => !policies.some((p) => p.code === c));
  if (missing.length) throw invalidField('policyCodes', `政策 ${missing.join('、')} 不存在、未启用或不按此期间发放`, 'unknown policy or wrong period kind');
  if (policies.length === 0) throw invalidField('period', '没有按此期间发放的政策', 'no policy pays for this kind of period');
  let runId: number;
  const advance = startBuild(requestKey, request.period, codes);
  try {
    runId = await db.transaction().execute(async (trx) => {
      // The statements are simple scans and joins; JIT compiling them costs more than it saves
      // (measured: a second per statement on estimates inflated by the temporary tables).
      await sql`set local jit = off`.execute(trx);
      const id = await insertPaymentRun(trx, { period: request.period, policyCodes: codes, requestKey, note: request.note?.trim() || null, createdBy: actor.id });
      await insertRegularLines(trx, id, request.period, policies.filter((p) => p.period !== 'once').map((p) => p.id));
      if (MONTH_PERIOD.test(request.period)) await insertOnceLines(trx, id, request.period, policies.filter((p) => p.period === 'once').map((p) => p.id));
      advance(1);
      await insertCorrections(trx, id, request.period, policies);
      await faultPoint('payment-run:lines-written');
      advance(2);
      await insertFunds(trx, id);
      advance(3);
      const totals = await runTotals(trx, id);
      if (totals.lines === 0) throw await nothingToPay(trx, request.period);
      const warnings = await budgetWarnings(trx, id, Number(request.period.slice(0, 4)));
      await saveTotals(trx, id, totals, warnings, 'draft');
      const problems = await checkRun(trx, id, totals);
      if (problems.length) throw new Error(`ledger check failed for the new run: ${problems.join('; ')}`);
      await recordAudit(trx, actor, { action: 'payment.run_created', entityType: 'payment_run', entityId: id, after: { period: request.period, policyCodes: codes, lines: totals.lines, amountFen: totals.amountFen } });
      return id;
    });
  } catch (error) {
    // Two requests for the same run at once: the second finds the first's.
    if (String((error as Error).message).includes('payment_runs_request_idx')) {
      const made = await findRunByKey(db, requestKey);
      if (made) return { run: view(made), created: false };
    }
    throw error;
  } finally {
    endBuild(requestKey);
  }
  return { run: await getPaymentRun(db, actor, runId), created: true };
}

/** A run with no line would only clutter the list: say why instead (the transaction then rolls back). */
async function nothingToPay(db: Kysely<any>, period: string): Promise<AppError> {
  const { rows } = await sql<{ id: number }>`select id from payment_runs where period = ${period} and status not in ('rejected', 'building') order by id`.execute(db);
  const paid = rows.length ? `，已有批次 ${rows.map((r) => `#${r.id}`).join('、')}` : '';
  return new AppError('invalid_state', { zh: `${period} 没有需要发放的明细（已发放或无人享受${paid}）`, en: 'nothing to pay for this period', field: 'period' });
}

export function runResult(run: PaymentRun, created: boolean): PaymentRunResult {
  return { period: run.period, runId: run.id, created, lines: run.lineCount, amountFen: run.amountFen, byPolicy: run.byPolicy, bySource: run.bySource };
}

export async function getPaymentRun(db: Kysely<any>, actor: Actor, id: number): Promise<PaymentRun> {
  requirePermission(actor, 'payment:read');
  const run = await findPaymentRun(db, id);
  if (!run) throw notFound();
  return view(run);
}

export async function getPaymentRuns(db: Kysely<any>, actor: Actor): Promise<PaymentRun[]> {
  requirePermission(actor, 'payment:read');
  return (await listPaymentRuns(db, 100)).map(view);
}

async function lockedRun(trx: Kysely<any>, id: number, status: PaymentRun['status'], verb: string) {
  const run = await findPaymentRun(trx, id, true);
  if (!run) throw notFound();
  if (run.status !== status) throw new AppError('invalid_state', { zh: `批次当前为“${run.status}”，不能${verb}`, en: `cannot ${verb} a ${run.status} run` });
  return run;
}

/** A caseworker accepts or declines arrears and recovery lines (declined lines are void). */
export async function reviewCorrections(db: Kysely<any>, actor: Actor, runId: number, lineIds: number[], accept: boolean, reason: string | null): Promise<PaymentRun> {
  requirePermission(actor, 'benefit:review');
  if (!accept && !reason?.trim()) throw invalidField('reason', '不同意补发或追回须填写原因', 'a reason is required');
  await db.transaction().execute(async (trx) => {
    const run = await lockedRun(trx, runId, 'draft', '审核补发追回');
    const { rows } = await sql<{ id: number }>`
      update payment_lines l set review_status = ${accept ? 'accepted' : 'declined'}, reviewed_by = ${actor.id}
        ${accept ? sql`` : sql`, status = 'void'`}
      from households h
      where h.id = l.household_id and l.run_id = ${runId} and l.id = any(${lineIds}::bigint[]) and l.review_status = 'pending'
        and ${householdScope(actor.scope)}
      returning l.id`.execute(trx);
    if (rows.length !== lineIds.length) throw invalidField('lineIds', '部分明细不存在、已审核或不在您的数据范围内', 'some lines are not pending or not yours');
    await saveTotals(trx, runId, await runTotals(trx, runId), await budgetWarnings(trx, runId, Number(run.period.slice(0, 4))));
    await recordAudit(trx, actor, { action: accept ? 'payment.corrections_accepted' : 'payment.corrections_declined', entityType: 'payment_run', entityId: runId, reason, after: { lineIds } });
  });
  return getPaymentRun(db, actor, runId);
}

/** Approval: by someone other than the maker, after every correction is reviewed, overspend acknowledged. */
export async function approvePaymentRun(db: Kysely<any>, actor: Actor, runId: number, acknowledgeOverspend: boolean): Promise<PaymentRun> {
  requireWholeBatch(actor, 'payment:approve');
  await db.transaction().execute(async (trx) => {
    const run = await lockedRun(trx, runId, 'draft', '审核通过');
    if (actor.id !== null && run.createdBy === actor.id) throw new AppError('separation_of_duties', { zh: '批次须由生成人以外的人员审核', en: 'someone else must approve the run' });
    if (run.pendingReview > 0) throw new AppError('invalid_state', { zh: `还有 ${run.pendingReview} 条补发或追回待帮扶干部审核`, en: 'corrections are still waiting for review' });
    if (run.warnings.length && !acknowledgeOverspend) throw invalidField('acknowledgeOverspend', '本批次将超出预算，请确认后再审核', 'the run overspends a budget');
    await sql`update payment_lines set status = 'approved' where run_id = ${runId} and status = 'pending'`.execute(trx);
    await sql`update payment_runs set status = 'approved', approved_by = ${actor.id}, approved_at = now() where id = ${runId}`.execute(trx);
    await recordAudit(trx, actor, { action: 'payment.run_approved', entityType: 'payment_run', entityId: runId, after: { lines: run.lineCount, amountFen: run.amountFen, overspend: run.warnings } });
  });
  return getPaymentRun(db, actor, runId);
}

/** Rejection voids the run's lines (the period can be run again) and re-marks its corrections. */
export async function rejectPaymentRun(db: Kysely<any>, actor: Actor, runId: number, reason: string): Promise<PaymentRun> {
  requireWholeBatch(actor, 'payment:approve');
  if (!reason.trim()) throw invalidField('reason', '驳回须填写原因', 'a reason is required');
  await db.transaction().execute(async (trx) => {
    await lockedRun(trx, runId, 'draft', '驳回');
    await sql`update enrollments e set recalc_from = least(coalesce(e.recalc_from, x.since), x.since)
      from (select l.enrollment_id, min(case when l.period = 'once' then en.started_on when length(l.period) = 4 then (l.period || '-01-01')::date
              else (l.period || '-01')::date end) as since
            from payment_lines l join enrollments en on en.id = l.enrollment_id
            where l.run_id = ${runId} and l.kind in ('arrears', 'recovery') group by l.enrollment_id) x
      where e.id = x.enrollment_id`.execute(trx);
    await sql`update payment_lines set status = 'void' where run_id = ${runId} and status <> 'void'`.execute(trx);
    await sql`update payment_runs set status = 'rejected', rejected_reason = ${reason.trim()} where id = ${runId}`.execute(trx);
    await recordAudit(trx, actor, { action: 'payment.run_rejected', entityType: 'payment_run', entityId: runId, reason });
  });
  return getPaymentRun(db, actor, runId);
}

/** Release to the bank: the batch declares its count and total; recovery lines wait to be collected. */
export async function releasePaymentRun(db: Kysely<any>, actor: Actor, runId: number): Promise<PaymentRun> {
  requireWholeBatch(actor, 'payment:approve');
  await db.transaction().execute(async (trx) => {
    await lockedRun(trx, runId, 'approved', '发送银行');
    // Goods (实物) are handed over, not wired: their lines are settled with the release and stay out of the bank file.
    await sql`update payment_lines l set status = 'paid', settled_at = now()
      where l.run_id = ${runId} and l.status = 'approved' and l.amount_fen > 0
        and exists (select 1 from enrollments e where e.id = l.enrollment_id and e.in_kind is not null)`.execute(trx);
    const { rows } = await sql<{ n: number; fen: number }>`
      update payment_lines set status = 'exported', bank_reference = 'HM' || run_id || '-' || id
      where run_id = ${runId} and status = 'approved' and amount_fen > 0 returning 1 as n, amount_fen as fen`.execute(trx);
    const declaredFen = rows.reduce((sum, r) => sum + Number(r.fen), 0);
    await sql`update payment_runs set status = 'released', released_by = ${actor.id}, released_at = now(),
      declared_lines = ${rows.length}, declared_fen = ${declaredFen} where id = ${runId}`.execute(trx);
    await recordAudit(trx, actor, { action: 'payment.run_released', entityType: 'payment_run', entityId: runId, after: { declaredLines: rows.length, declaredFen } });
  });
  return getPaymentRun(db, actor, runId);
}

/** Ledger lines behind any figure: of a run, a policy, a region, a period, a household. */
export async function getPaymentLines(db: Kysely<any>, actor: Actor, filter: LineFilter, page: { page: number; pageSize: number }) {
  requirePermission(actor, 'payment:read');
  return listLines(db, actor.scope, filter, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
}

/** Recovery lines are collected outside the bank batch (refund, offset); this records that they were. */
export async function markRecovered(db: Kysely<any>, actor: Actor, runId: number, lineIds: number[]): Promise<PaymentRun> {
  requireWholeBatch(actor, 'payment:approve');
  await db.transaction().execute(async (trx) => {
    const run = await findPaymentRun(trx, runId, true);
    if (!run) throw notFound();
    const { rows } = await sql<{ id: number }>`update payment_lines set status = 'paid', settled_at = now()
      where run_id = ${runId} and id = any(${lineIds}::bigint[]) and amount_fen < 0 and status = 'approved' returning id`.execute(trx);
    if (rows.length !== lineIds.length) throw invalidField('lineIds', '只有已审核、待追回的明细可以登记为已追回', 'only approved recovery lines can be marked recovered');
    await recordAudit(trx, actor, { action: 'payment.recovered', entityType: 'payment_run', entityId: runId, after: { lineIds } });
  });
  return getPaymentRun(db, actor, runId);
}
