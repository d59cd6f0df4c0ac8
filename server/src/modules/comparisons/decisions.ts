/**
 * Acting on a run's lists. Accepting an item goes through the owning module's service, so it
 * takes the normal path — the registry's recordFact / endFactOn (checked, audited, and the
 * policy monitor re-evaluates the household: reminders, candidate lists), the benefits
 * module's stopEnrollment (audited, periods already paid marked for recovery). Dismissing
 * needs a reason. Unmatched and conflicting rows have nothing to write: they are dismissed
 * once checked, with what was found.
 *
 * Each item is claimed (pending → accepted) before its write and released if the write is
 * refused, so two people accepting at once never write twice; every decision is audited.
 */
import { sql, type Kysely } from 'kysely';
import { ROLL_KIND_LABELS, type ComparisonItem, type DecisionResult, type ItemDecision } from '../../contracts/comparisons.js';
import { recordAudit } from '../../kernel/audit.js';
import { can, requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, invalidField, notFound } from '../../kernel/errors.js';
import { maskIdNumber } from '../../kernel/privacy/mask.js';
import { stopEnrollment } from '../benefits/enrollments.service.js';
import { endFactOn, recordFact } from '../registry/facts.service.js';
import type { FactKind } from '../registry/facts.js';
import { findItems, findRun, listItems, pendingStopsOf, type ItemFilter, type ItemRow, type Proposal } from './comparisons.repo.js';

export const MAX_DECISIONS = 500;

/** What accepting does, in words. */
export function describeProposal(p: Proposal | null): string | null {
  if (!p) return null;
  switch (p.action) {
    case 'record_fact':
      return `记录${p.factKind === 'assistance_status' ? '救助身份' : ''}：${p.label}（自 ${p.validFrom} 起）`;
    case 'end_fact':
      return `结束：${p.label}（${p.endOn} 起失效）`;
    case 'stop_enrollment':
      return `停发「${p.label}」（自 ${p.endedOn} 起）`;
  }
}

/** Disability details are health data: without health:reveal the reason and action say only what kind of item it is. */
export function presentItem(actor: Actor, row: ItemRow, runKind: string): ComparisonItem {
  const { proposal, ...rest } = row;
  const hideHealth = runKind === 'disability' && !can(actor, 'health:reveal') && (row.kind === 'to_add' || row.kind === 'to_change' || row.kind === 'to_stop');
  return {
    ...rest,
    idNumber: can(actor, 'pii:reveal') ? row.idNumber : maskIdNumber(row.idNumber),
    reason: hideHealth ? '残联名册与本系统的残疾信息不一致（残疾信息已脱敏）' : row.reason,
    action: hideHealth ? '（已脱敏）' : describeProposal(proposal),
  };
}

export async function getItems(db: Kysely<any>, actor: Actor, runId: number, filter: ItemFilter, page: { page: number; pageSize: number }) {
  requirePermission(actor, 'comparison:run');
  const run = await findRun(db, actor.scope, actor.id, runId);
  if (!run) throw notFound();
  const { items, total } = await listItems(db, runId, actor.scope, filter, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  return { items: items.map((row) => presentItem(actor, row, run.kind)), total };
}

async function claim(db: Kysely<any>, actor: Actor, id: number): Promise<boolean> {
  const result = await sql`update comparison_items set status = 'accepted', decided_by = ${actor.id}, decided_at = now()
    where id = ${id} and status = 'pending'`.execute(db);
  return Number(result.numAffectedRows ?? 0n) === 1;
}

async function release(db: Kysely<any>, id: number): Promise<void> {
  await sql`update comparison_items set status = 'pending', decided_by = null, decided_at = null where id = ${id} and status = 'accepted'`.execute(db);
}

/** Performs the item's proposal through the owning service; returns what was written. */
async function apply(db: Kysely<any>, actor: Actor, item: ItemRow, source: string): Promise<Record<string, unknown>> {
  const p = item.proposal!;
  switch (p.action) {
    case 'record_fact': {
      const subject = p.subject === 'household' ? { householdId: item.householdId! } : { personId: item.personId! };
      const fact = await recordFact(db, actor, { ...subject, kind: p.factKind as FactKind, value: p.value, source, validFrom: p.validFrom });
      return { factId: fact.id };
    }
    case 'end_fact':
      await endFactOn(db, actor, p.factId, p.endOn);
      return { factId: p.factId, endedOn: p.endOn };
    case 'stop_enrollment':
      await stopEnrollment(db, actor, p.enrollmentId, { endedOn: p.endedOn, reason: `信息比对：${p.reason}` });
      return { enrollmentId: p.enrollmentId, endedOn: p.endedOn };
  }
}

function messageOf(error: unknown): string {
  return error instanceof AppError ? error.messageIn('zh') : `处理失败：${(error as Error)?.message ?? error}`;
}

async function acceptOne(db: Kysely<any>, actor: Actor, item: ItemRow, source: string): Promise<void> {
  if (!(await claim(db, actor, item.id))) throw new AppError('conflict', { zh: '该条已由他人处理', en: 'already decided' });
  let result: Record<string, unknown>;
  try {
    result = await apply(db, actor, item, source);
  } catch (error) {
    await release(db, item.id);
    throw error;
  }
  await db.transaction().execute(async (trx) => {
    await sql`update comparison_items set result = ${JSON.stringify(result)}::jsonb where id = ${item.id}`.execute(trx);
    await recordAudit(trx, actor, {
      action: 'comparison.item_accepted', entityType: item.householdId !== null ? 'household' : 'person', entityId: item.householdId ?? item.personId,
      after: { runId: item.runId, itemId: item.id, kind: item.kind, action: item.proposal!.action, result },
    });
  });
}

export interface DecisionInput {
  itemIds: number[];
  decision: ItemDecision;
  reason?: string | null;
}

export async function decideItems(db: Kysely<any>, actor: Actor, runId: number, input: DecisionInput): Promise<DecisionResult> {
  requirePermission(actor, 'comparison:run');
  const run = await findRun(db, actor.scope, actor.id, runId);
  if (!run) throw notFound();
  if (run.status !== 'completed') throw new AppError('conflict', { zh: '比对尚未完成，不能处理名单', en: 'the run has not completed' });
  const ids = [...new Set(input.itemIds)];
  if (ids.length === 0) throw invalidField('itemIds', '请选择要处理的记录', 'no items');
  if (ids.length > MAX_DECISIONS) throw invalidField('itemIds', `一次最多处理 ${MAX_DECISIONS} 条`, 'too many items');
  const reason = input.reason?.trim() || null;
  const items = await findItems(db, runId, actor.scope, ids);
  if (items.length !== ids.length) throw notFound();
  const result: DecisionResult = { accepted: 0, dismissed: 0, failed: [] };

  if (input.decision === 'dismiss') {
    if (!reason) throw invalidField('reason', '不采纳须填写原因', 'a reason is required');
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: number }>`update comparison_items set status = 'dismissed', decision_reason = ${reason},
          decided_by = ${actor.id}, decided_at = now()
        where id = any(${ids}::bigint[]) and status = 'pending' returning id`.execute(trx);
      const done = new Set(rows.map((r) => r.id));
      for (const item of items) {
        if (!done.has(item.id)) result.failed.push({ id: item.id, message: '该条已处理' });
        else await recordAudit(trx, actor, { action: 'comparison.item_dismissed', entityType: item.householdId !== null ? 'household' : 'comparison_run', entityId: item.householdId ?? runId, reason, after: { runId, itemId: item.id, kind: item.kind } });
      }
      result.dismissed = done.size;
    });
    return result;
  }

  const source = `信息比对：${ROLL_KIND_LABELS[run.kind]}（${run.fileName}）`;
  // A death is recorded before the enrollments it stops, whatever order they were selected in;
  // accepting it also stops the enrollments the person still holds (the run's to_stop items).
  const queue = [...items].sort((a, b) => Number(b.kind === 'to_add') - Number(a.kind === 'to_add') || a.id - b.id);
  const seen = new Set<number>();
  for (let item = queue.shift(); item; item = queue.shift()) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    if (item.status !== 'pending') {
      result.failed.push({ id: item.id, message: '该条已处理' });
      continue;
    }
    if (!item.proposal) {
      result.failed.push({ id: item.id, message: '“未匹配”和“信息不一致”的记录没有可写入的内容，请核实后标记为不采纳并说明情况' });
      continue;
    }
    try {
      await acceptOne(db, actor, item, source);
      result.accepted += 1;
    } catch (error) {
      result.failed.push({ id: item.id, message: messageOf(error) });
      continue;
    }
    if (item.proposal.action === 'record_fact' && item.proposal.factKind === 'deceased' && item.personId !== null) {
      queue.unshift(...(await pendingStopsOf(db, runId, actor.scope, item.personId)).filter((s) => !seen.has(s.id)));
    }
  }
  return result;
}

/** The items of one decision, as the list shows them after it. */
export async function itemsAfterDecision(db: Kysely<any>, actor: Actor, runId: number, ids: number[]): Promise<ComparisonItem[]> {
  const run = await findRun(db, actor.scope, actor.id, runId);
  if (!run) throw notFound();
  return (await findItems(db, runId, actor.scope, ids)).map((row) => presentItem(actor, row, run.kind));
}
