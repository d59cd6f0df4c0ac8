/**
 * An appeal's handling after intake. The dispatcher (appeal:dispatch) dispatches what the
 * catalogue could not place and arbitrates returns; the handling unit (appeal:handle, the
 * appeal's responsible organisation or one above it) accepts, returns with a reason, transfers
 * to another unit, and reports progress. Every step locks the appeal, checks its state, and
 * writes the change, its event and the audit entry in one transaction.
 *
 * The clock starts at the first dispatch and is not restarted by a transfer or a redispatch:
 * the citizen has waited since then. A new time limit (from the catalogue of the new unit's
 * rule, or given by the dispatcher) counts from that same start.
 */
import type { Kysely } from 'kysely';
import { APPEAL_STATUSES, type AppealDetail, type AppealEventKind, type AppealStatus, type LimitUnit } from '../../contracts/appeals.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { AppError, forbidden, invalidField, notFound, requireText } from '../../kernel/errors.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import { dueAt } from '../calendar/time-limits.js';
import { findAppeal, insertAppealEvent, updateAppeal, type AppealChange, type AppealRow } from './appeals.repo.js';
import { appealAfterStep } from './appeals.service.js';
import { resolveRule } from './catalogue.repo.js';

type Role = 'dispatcher' | 'handler';

interface Step {
  change: AppealChange;
  kind: AppealEventKind;
  note: string | null;
  orgId?: number | null;
}

export async function act(db: Kysely<any>, actor: Actor, id: number, role: Role, from: AppealStatus[], decide: (a: AppealRow, trx: Kysely<any>) => Promise<Step>): Promise<AppealDetail> {
  requirePermission(actor, role === 'dispatcher' ? 'appeal:dispatch' : 'appeal:handle');
  await inTransaction(db, async (trx) => {
    const appeal = await findAppeal(trx, actor, id, true);
    if (!appeal) throw notFound();
    if (role === 'handler' && !appeal.handles) throw forbidden();
    if (!from.includes(appeal.status)) throw new AppError('invalid_state', { zh: `诉求${APPEAL_STATUSES[appeal.status]}，不能执行此操作`, en: `the appeal is ${appeal.status}` });
    const step = await decide(appeal, trx);
    await updateAppeal(trx, id, step.change);
    await insertAppealEvent(trx, { appealId: id, kind: step.kind, fromStatus: appeal.status, toStatus: step.change.status ?? appeal.status, note: step.note, orgId: step.orgId }, actor);
    await recordAudit(trx, actor, { action: `appeal.${step.kind}`, entityType: 'appeal', entityId: id, before: { status: appeal.status, responsibleOrgId: appeal.responsibleOrgId }, after: step.change, reason: step.note });
  });
  return appealAfterStep(db, actor, id);
}

export const requireNote = (note: string | null | undefined, what: string) => requireText(note, 'note', what);

/** Sends the appeal to a unit: the limit given, else the catalogue's for that unit, counted from the clock's start. */
async function sendTo(trx: Kysely<any>, appeal: AppealRow, orgId: number, limit: { amount: number; unit: LimitUnit } | null): Promise<AppealChange> {
  if (!(await findOrganisation(trx, orgId))) throw invalidField('orgId', '承办单位不存在', 'no such organisation');
  const rule = await resolveRule(trx, appeal.categoryCode, appeal.regionCode);
  const chosen = limit ?? (rule && rule.orgId === orgId ? { amount: rule.limitAmount, unit: rule.limitUnit } : null)
    ?? (appeal.limitAmount && appeal.limitUnit ? { amount: appeal.limitAmount, unit: appeal.limitUnit } : null);
  if (!chosen) throw invalidField('limit', '派单目录中没有该单位的办理时限，请填写时限', 'give a time limit');
  const start = appeal.clockStartedAt ? new Date(appeal.clockStartedAt) : new Date();
  return { status: 'dispatched', responsibleOrgId: orgId, limit: chosen, clockStartedAt: start, dueAt: dueAt(start, chosen, await workingCalendar(trx)) };
}

export function dispatchAppeal(db: Kysely<any>, actor: Actor, id: number, input: { orgId: number; limit?: { amount: number; unit: LimitUnit } | null; note: string | null }) {
  return act(db, actor, id, 'dispatcher', ['received'], async (appeal, trx) => ({
    change: await sendTo(trx, appeal, input.orgId, input.limit ?? null), kind: 'dispatched', note: input.note?.trim() || '人工派单', orgId: input.orgId,
  }));
}

export function acceptAppeal(db: Kysely<any>, actor: Actor, id: number) {
  return act(db, actor, id, 'handler', ['dispatched'], async () => ({ change: { status: 'accepted' }, kind: 'accepted', note: null }));
}

/** 退单: the unit says it is not theirs, with the reason; a dispatcher decides. */
export function returnAppeal(db: Kysely<any>, actor: Actor, id: number, input: { note: string }) {
  const note = requireNote(input.note, '退单理由');
  return act(db, actor, id, 'handler', ['dispatched', 'accepted'], async () => ({ change: { status: 'returned' }, kind: 'returned', note }));
}

/** The arbiter's decision on a return: upheld (sent to another unit) or refused (back to the same unit). */
export function arbitrateReturn(db: Kysely<any>, actor: Actor, id: number, input: { upheld: boolean; orgId?: number | null; note: string }) {
  const note = requireNote(input.note, '仲裁意见');
  return act(db, actor, id, 'dispatcher', ['returned'], async (appeal, trx) => {
    if (!input.upheld) return { change: { status: 'dispatched' }, kind: 'arbitrated', note: `退单不成立，仍由原单位办理：${note}`, orgId: appeal.responsibleOrgId };
    if (!input.orgId) throw invalidField('orgId', '退单成立时须指定新的承办单位', 'choose the unit');
    if (input.orgId === appeal.responsibleOrgId) throw invalidField('orgId', '新的承办单位不能是退单的单位', 'choose another unit');
    return { change: await sendTo(trx, appeal, input.orgId, null), kind: 'arbitrated', note: `退单成立，改派：${note}`, orgId: input.orgId };
  });
}

/** 转办: the unit passes it to another unit it knows is responsible; the clock keeps running. */
export function transferAppeal(db: Kysely<any>, actor: Actor, id: number, input: { orgId: number; note: string }) {
  const note = requireNote(input.note, '转办理由');
  return act(db, actor, id, 'handler', ['accepted', 'in_progress'], async (appeal, trx) => {
    if (input.orgId === appeal.responsibleOrgId) throw invalidField('orgId', '不能转给本单位', 'choose another unit');
    return { change: await sendTo(trx, appeal, input.orgId, null), kind: 'transferred', note, orgId: input.orgId };
  });
}

export function reportAppealProgress(db: Kysely<any>, actor: Actor, id: number, input: { note: string }) {
  const note = requireNote(input.note, '办理情况');
  return act(db, actor, id, 'handler', ['accepted', 'in_progress'], async () => ({ change: { status: 'in_progress' }, kind: 'progress', note }));
}

/** 并案: a duplicate is parked under the appeal that is handled, and gets its reply when that one is approved. */
export function mergeAppeal(db: Kysely<any>, actor: Actor, id: number, input: { intoId: number; note: string | null }) {
  return act(db, actor, id, 'dispatcher', ['received', 'dispatched', 'accepted', 'in_progress', 'returned'], async (appeal, trx) => {
    if (input.intoId === id) throw invalidField('intoId', '不能并入自身', 'not into itself');
    const target = await findAppeal(trx, actor, input.intoId, true);
    if (!target) throw invalidField('intoId', '要并入的诉求不存在或不在您的数据范围内', 'no such appeal');
    if (target.status === 'merged' || target.status === 'closed') throw invalidField('intoId', `诉求 ${target.number} ${APPEAL_STATUSES[target.status]}，不能再并入`, 'cannot merge into it');
    await insertAppealEvent(trx, { appealId: target.id, kind: 'merged', note: `并入诉求 ${appeal.number}，答复时一并告知来电人` }, actor);
    return { change: { status: 'merged', mergedInto: target.id, dueAt: null }, kind: 'merged', note: `并入诉求 ${target.number}${input.note?.trim() ? `：${input.note.trim()}` : ''}` };
  });
}
