/**
 * The enrollment life cycle: application → review (初审) → approval (one or two levels, per
 * policy) → active ⇄ suspended → stopped. Each step records who, when, why and the evaluation
 * it was made on; the person who applied does not review, and no one approves twice.
 * Changes that reach into past periods mark the enrollment for the next payment run to settle
 * arrears or recovery (see payments/build.ts).
 */
import { inTransaction } from '../../kernel/db/transaction.js';
import { sql, type Kysely } from 'kysely';
import type { ApplicationInput, Enrollment, EnrollmentAction, EnrollmentDetail, EnrollmentStatus } from '../../contracts/benefits.js';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, invalidField, notFound } from '../../kernel/errors.js';
import { findHousehold } from '../registry/households.repo.js';
import { findCandidate } from '../policies/runs/runs.repo.js';
import { termsFrom } from './entitlement.js';
import {
  evaluationOf, findEnrollment, insertEnrollment, insertEvent, listEnrollments, listEvents, listTerms, replaceTermsFrom, stepActors,
  updateEnrollment, type EnrollmentFilter,
} from './enrollments.repo.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function requireDate(field: string, value: string): void {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value))) throw invalidField(field, '日期格式应为 YYYY-MM-DD', 'expected YYYY-MM-DD');
}

function requireReason(reason: string | null | undefined, zh: string): string {
  const text = reason?.trim();
  if (!text) throw invalidField('reason', zh, 'a reason is required');
  return text;
}

export async function getEnrollments(db: Kysely<any>, actor: Actor, filter: EnrollmentFilter, page: { page: number; pageSize: number }) {
  requirePermission(actor, 'benefit:read');
  return listEnrollments(db, actor.scope, filter, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
}

export async function getEnrollment(db: Kysely<any>, actor: Actor, id: number): Promise<EnrollmentDetail> {
  requirePermission(actor, 'benefit:read');
  const enrollment = await findEnrollment(db, actor.scope, id);
  if (!enrollment) throw notFound();
  const [events, terms, extra] = await Promise.all([listEvents(db, id), listTerms(db, id), evaluationOf(db, id)]);
  const { appliedBy: _appliedBy, recalcFrom: _recalcFrom, ...view } = enrollment;
  return { ...view, events, terms, evaluation: extra.evaluation, paidFen: Number(extra.paidFen) };
}

interface PolicyForApplication { id: number; approvalLevels: number; versionId: number; period: string; benefit: { kind: string } }

async function policyForApplication(db: Kysely<any>, code: string): Promise<PolicyForApplication> {
  const { rows } = await sql<PolicyForApplication>`
    select p.id, p.approval_levels as "approvalLevels", v.id as "versionId", v.period, v.benefit
    from policies p join policy_versions v on v.policy_id = p.id and v.status = 'active' where p.code = ${code}`.execute(db);
  if (!rows[0]) throw invalidField('policyCode', '政策不存在或没有启用的版本', 'no such active policy');
  return rows[0];
}

/** Starts an application (from a candidate list, a household page, a comparison or by hand). */
export async function applyForBenefit(db: Kysely<any>, actor: Actor, input: ApplicationInput, source = '申请'): Promise<EnrollmentDetail> {
  requirePermission(actor, 'benefit:apply');
  requireDate('startedOn', input.startedOn);
  const household = await findHousehold(db, actor.scope, input.householdId);
  if (!household) throw notFound();
  const policy = await policyForApplication(db, input.policyCode);
  if (input.amountFen != null && policy.period !== 'once') throw invalidField('amountFen', '只有一次性救助可以按个案填写金额', 'only one-off grants take a case amount');
  if (input.funding?.length) validateFunding(input.funding);
  const terms = await termsFrom(db, actor, { policyId: policy.id, householdId: input.householdId, personId: input.personId }, input.startedOn, input.amountFen ?? null);
  const first = terms[0]!;
  if (!first.evaluation) throw invalidField('startedOn', '开始日期时该政策尚未生效', 'the policy is not in force on that date');
  if (first.evaluation.eligible !== true && !input.reason?.trim()) {
    throw invalidField('reason', '按政策规则该对象不符合条件，如仍申请请填写理由', 'not eligible under the rule; give a reason to apply anyway');
  }
  const candidate = input.candidateId ? await findCandidate(db, input.candidateId, actor.scope) : null;
  if (input.candidateId && !candidate) throw invalidField('candidateId', '名单记录不存在', 'no such candidate');
  // Inside the caller's transaction when there is one: a plan's measure and the grant it pays land together.
  const id = await inTransaction(db, async (trx) => {
    const id = await insertEnrollment(trx, {
      householdId: input.householdId, personId: input.personId, policyId: policy.id, versionId: first.versionId,
      amountFen: first.amountFen, startedOn: input.startedOn, source: candidate ? '政策找人' : source, approvalLevels: policy.approvalLevels,
      candidateId: input.candidateId ?? null, reason: input.reason?.trim() || null, evaluation: first.evaluation,
      funding: input.funding?.length ? input.funding : null, inKind: input.inKind?.trim() || null, appliedBy: actor.id,
    }).catch(rethrowDuplicate);
    await insertEvent(trx, { enrollmentId: id, householdId: input.householdId, action: 'applied', fromStatus: null, toStatus: 'applied',
      effectiveOn: input.startedOn, amountFen: first.amountFen, versionId: first.versionId, reason: input.reason?.trim() || null,
      evaluation: first.evaluation, actorId: actor.id, actorName: actor.name });
    if (candidate) {
      await sql`update policy_candidates set decision = 'apply', decided_by = ${actor.id}, decided_at = now(), handoff_status = 'taken',
        decision_evaluation = ${JSON.stringify(first.evaluation)}::jsonb where id = ${candidate.id}`.execute(trx);
    }
    await recordAudit(trx, actor, { action: 'benefit.applied', entityType: 'enrollment', entityId: id, after: { ...input, amountFen: first.amountFen } });
    return id;
  });
  return getEnrollment(db, actor, id);
}

function validateFunding(funding: NonNullable<ApplicationInput['funding']>): void {
  if (funding.some((f) => !f.source.trim() || !Number.isInteger(f.weight) || f.weight <= 0)) {
    throw invalidField('funding', '资金来源名称不能为空，金额须为正整数（分）', 'each source needs a name and a positive weight');
  }
  if (new Set(funding.map((f) => f.source)).size !== funding.length) throw invalidField('funding', '资金来源重复', 'a source appears twice');
}

function rethrowDuplicate(error: unknown): never {
  if (String((error as { message?: string })?.message).includes('enrollments_one_open_idx')) {
    throw new AppError('conflict', { zh: '该对象已有此项待遇的申请或正在享受', en: 'an open application or enrollment already exists', field: 'policyCode' });
  }
  throw error;
}

type Step = 'review' | 'approve';

/** Review or approve (or reject) an application, one step at a time. */
export async function decideApplication(db: Kysely<any>, actor: Actor, id: number, step: Step, approve: boolean, reason: string | null): Promise<EnrollmentDetail> {
  requirePermission(actor, step === 'review' ? 'benefit:review' : 'benefit:approve');
  const current = await findEnrollment(db, actor.scope, id);
  if (!current) throw notFound();
  const expected: EnrollmentStatus[] = step === 'review' ? ['applied'] : ['reviewed', 'first_approved'];
  if (!expected.includes(current.status)) throw new AppError('invalid_state', { zh: `当前状态为“${current.status}”，不能${step === 'review' ? '初审' : '审批'}`, en: `cannot ${step} in status ${current.status}` });
  const actors = await stepActors(db, id);
  if (actor.id !== null && actors.some((a) => a.actorId === actor.id)) throw new AppError('separation_of_duties', { zh: '您已办理过此申请的前一环节', en: 'you took an earlier step of this application' });
  if (!approve) requireReason(reason, '不予通过须填写原因');
  let to: EnrollmentStatus;
  let action: EnrollmentAction;
  if (!approve) [to, action] = ['rejected', 'rejected'];
  else if (step === 'review') [to, action] = ['reviewed', 'reviewed'];
  else if (current.status === 'reviewed' && current.approvalLevels === 2) [to, action] = ['first_approved', 'first_approved'];
  else [to, action] = ['active', 'approved'];
  // On approval: the terms from the start date under each version in force since; a backdated start is paid back.
  const terms = to === 'active' ? await termsFrom(db, actor, current, current.startedOn, current.period === 'once' ? current.amountFen : null) : [];
  await db.transaction().execute(async (trx) => {
    await transition(trx, actor, current, to, action, { reason, evaluation: terms.at(-1)?.evaluation });
    const last = terms.at(-1);
    if (!last) return;
    await replaceTermsFrom(trx, id, current.householdId, current.startedOn, terms);
    await updateEnrollment(trx, id, { amountFen: last.amountFen, versionId: last.versionId, evaluation: last.evaluation, recalcFrom: current.startedOn });
  });
  return getEnrollment(db, actor, id);
}

async function transition(
  trx: Kysely<any>, actor: Actor, current: Enrollment, to: EnrollmentStatus, action: EnrollmentAction,
  extra: { reason?: string | null; effectiveOn?: string | null; amountFen?: number | null; evaluation?: unknown },
): Promise<void> {
  const { evaluation, ...said } = extra;
  await updateEnrollment(trx, current.id, { status: to });
  await insertEvent(trx, { enrollmentId: current.id, householdId: current.householdId, action, fromStatus: current.status, toStatus: to,
    effectiveOn: said.effectiveOn ?? null, amountFen: said.amountFen ?? null, versionId: current.versionId, reason: said.reason?.trim() || null,
    evaluation, actorId: actor.id, actorName: actor.name });
  await recordAudit(trx, actor, { action: `benefit.${action}`, entityType: 'enrollment', entityId: current.id,
    before: { status: current.status }, after: { status: to, ...said } });
}

async function openEnrollment(db: Kysely<any>, actor: Actor, id: number, statuses: EnrollmentStatus[], verb: string) {
  requirePermission(actor, 'benefit:apply');
  const current = await findEnrollment(db, actor.scope, id);
  if (!current) throw notFound();
  if (!statuses.includes(current.status)) throw new AppError('invalid_state', { zh: `当前状态不能${verb}`, en: `cannot ${verb}` });
  return current;
}

/** Stops an enrollment from a date (the first day no longer paid); a past date recovers what was paid after it. */
export async function stopEnrollment(db: Kysely<any>, actor: Actor, id: number, input: { endedOn: string; reason: string; candidateId?: number | null }): Promise<EnrollmentDetail> {
  requireDate('endedOn', input.endedOn);
  const reason = requireReason(input.reason, '停发须填写原因');
  const current = await openEnrollment(db, actor, id, ['active', 'suspended'], '停发');
  await db.transaction().execute(async (trx) => {
    await updateEnrollment(trx, id, { endedOn: input.endedOn, recalcFrom: input.endedOn < current.startedOn ? current.startedOn : input.endedOn });
    await transition(trx, actor, current, 'stopped', 'stopped', { reason, effectiveOn: input.endedOn });
    if (input.candidateId) {
      await sql`update policy_candidates set decision = 'stop', decision_reason = ${reason}, decided_by = ${actor.id}, decided_at = now(), handoff_status = 'taken'
        where id = ${input.candidateId} and household_id = ${current.householdId}`.execute(trx);
    }
  });
  return getEnrollment(db, actor, id);
}

/** Suspends payment from a date: a term of 0 from then (suspended days are not paid). */
export async function suspendEnrollment(db: Kysely<any>, actor: Actor, id: number, input: { from: string; reason: string }): Promise<EnrollmentDetail> {
  requireDate('from', input.from);
  const reason = requireReason(input.reason, '暂停须填写原因');
  const current = await openEnrollment(db, actor, id, ['active'], '暂停');
  if (input.from < current.startedOn) throw invalidField('from', '暂停日期不能早于开始日期', 'before the start');
  await db.transaction().execute(async (trx) => {
    await replaceTermsFrom(trx, id, current.householdId, input.from, [{ validFrom: input.from, validTo: null, amountFen: 0, versionId: current.versionId }]);
    await updateEnrollment(trx, id, { recalcFrom: input.from });
    await transition(trx, actor, current, 'suspended', 'suspended', { reason, effectiveOn: input.from });
  });
  return getEnrollment(db, actor, id);
}

/** Resumes from a date at the amount the version then in force gives (re-evaluated). */
export async function resumeEnrollment(db: Kysely<any>, actor: Actor, id: number, input: { from: string; reason: string }): Promise<EnrollmentDetail> {
  requireDate('from', input.from);
  const reason = requireReason(input.reason, '恢复须填写原因');
  const current = await openEnrollment(db, actor, id, ['suspended'], '恢复');
  await recompute(db, actor, current, input.from, 'resumed', reason, 'active');
  return getEnrollment(db, actor, id);
}

/** Recomputes the amount from a date (e.g. a fact recorded late changed it); past periods are settled by the next run. */
export async function recomputeAmount(db: Kysely<any>, actor: Actor, id: number, input: { from: string; reason: string; candidateId?: number | null }): Promise<EnrollmentDetail> {
  requireDate('from', input.from);
  const reason = requireReason(input.reason, '调整金额须填写原因');
  const current = await openEnrollment(db, actor, id, ['active'], '调整金额');
  await recompute(db, actor, current, input.from < current.startedOn ? current.startedOn : input.from, 'amount_changed', reason, 'active');
  if (input.candidateId) {
    await sql`update policy_candidates set decision = 'apply', decision_reason = ${reason}, decided_by = ${actor.id}, decided_at = now(), handoff_status = 'taken'
      where id = ${input.candidateId} and household_id = ${current.householdId}`.execute(db);
  }
  return getEnrollment(db, actor, id);
}

async function recompute(db: Kysely<any>, actor: Actor, current: Enrollment, from: string, action: EnrollmentAction, reason: string, to: EnrollmentStatus): Promise<void> {
  const terms = await termsFrom(db, actor, current, from, current.period === 'once' ? current.amountFen : null);
  const last = terms.at(-1)!;
  await db.transaction().execute(async (trx) => {
    await replaceTermsFrom(trx, current.id, current.householdId, from, terms);
    await updateEnrollment(trx, current.id, { amountFen: last.amountFen, versionId: last.versionId, evaluation: last.evaluation, recalcFrom: from });
    await transition(trx, actor, { ...current, versionId: last.versionId }, to, action, { reason, effectiveOn: from, amountFen: last.amountFen });
  });
}

/** Everything a household receives or applied for, newest first (the household page's 待遇 tab). */
export async function householdEnrollments(db: Kysely<any>, actor: Actor, householdId: number): Promise<Enrollment[]> {
  requirePermission(actor, 'benefit:read');
  const { items } = await listEnrollments(db, actor.scope, { householdId }, { offset: 0, limit: 500 });
  return items;
}

/** One or two levels of approval for a policy's applications (applications already made keep theirs). */
export async function setApprovalLevels(db: Kysely<any>, actor: Actor, policyCode: string, levels: 1 | 2): Promise<{ policyCode: string; approvalLevels: 1 | 2 }> {
  requirePermission(actor, 'policy:write');
  const { rows } = await sql<{ id: number; before: number }>`
    update policies p set approval_levels = ${levels} from policies old where p.id = old.id and p.code = ${policyCode}
    returning p.id, old.approval_levels as before`.execute(db);
  if (!rows[0]) throw notFound();
  await recordAudit(db, actor, { action: 'policy.approval_levels_set', entityType: 'policy', entityId: rows[0].id, before: { approvalLevels: rows[0].before }, after: { approvalLevels: levels } });
  return { policyCode, approvalLevels: levels };
}
