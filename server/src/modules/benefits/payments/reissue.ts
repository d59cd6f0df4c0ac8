/**
 * Re-issuing what the bank returned as failed: a new run (for the same period) with one
 * reissue line per failed line, same amount and same funding split, that goes through review
 * and approval like any run. The failed line stays as it is — the ledger only grows — and the
 * unique index on (corrected line, kind) keeps a failed line from being reissued twice.
 */
import { sql, type Kysely } from 'kysely';
import type { PaymentRun } from '../../../contracts/benefits.js';
import { recordAudit } from '../../../kernel/audit.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { checkRun } from './ledger-check.js';
import { budgetWarnings, findPaymentRun, insertPaymentRun, runTotals, saveTotals } from './runs.repo.js';
import { getPaymentRun } from './runs.service.js';
import { requireWholeBatch } from './batch-scope.js';

export async function reissueFailed(db: Kysely<any>, actor: Actor, runId: number): Promise<PaymentRun> {
  requireWholeBatch(actor, 'payment:run');
  const original = await findPaymentRun(db, runId);
  if (!original) throw notFound();
  const id = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from payment_runs where request_key like ${`reissue:${runId}:%`}`.execute(trx);
    const newId = await insertPaymentRun(trx, { period: original.period, policyCodes: original.policyCodes, requestKey: `reissue:${runId}:${rows[0]!.n + 1}`,
      note: `重发批次 #${runId} 的失败明细`, createdBy: actor.id });
    const inserted = await sql<{ id: number }>`
      insert into payment_lines (run_id, household_id, enrollment_id, person_id, payee_person_id, policy_id, version_id, region_code, period, kind, amount_fen, reason, corrects_line_id)
      select ${newId}, l.household_id, l.enrollment_id, l.person_id, l.payee_person_id, l.policy_id, l.version_id, l.region_code, l.period, 'reissue', l.amount_fen,
        '重发：' || coalesce(l.failure_reason, '银行退回'), l.id
      from payment_lines l
      where l.run_id = ${runId} and l.status = 'failed'
        and not exists (select 1 from payment_lines x where x.corrects_line_id = l.id and x.kind = 'reissue' and x.status not in ('void', 'failed'))
      returning id`.execute(trx);
    if (inserted.rows.length === 0) throw new AppError('invalid_state', { zh: '没有待重发的失败明细', en: 'no failed lines to reissue' });
    await sql`insert into payment_line_funds (line_id, run_id, household_id, source, amount_fen)
      select n.id, n.run_id, f.household_id, f.source, f.amount_fen from payment_lines n join payment_line_funds f on f.line_id = n.corrects_line_id
      where n.run_id = ${newId}`.execute(trx);
    const totals = await runTotals(trx, newId);
    await saveTotals(trx, newId, totals, await budgetWarnings(trx, newId, Number(original.period.slice(0, 4))), 'draft');
    const problems = await checkRun(trx, newId, totals);
    if (problems.length) throw new Error(`ledger check failed for the reissue run: ${problems.join('; ')}`);
    await recordAudit(trx, actor, { action: 'payment.reissue_created', entityType: 'payment_run', entityId: newId, after: { of: runId, lines: inserted.rows.length } });
    return newId;
  });
  return getPaymentRun(db, actor, id);
}
