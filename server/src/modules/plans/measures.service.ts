/**
 * A measure's life after it is planned. The owner's side (plan:write on the household) edits,
 * reassigns, moves the deadline and cancels; the unit that carries it (measure:handle in its
 * organisation) accepts or declines a referral and reports progress, blocks and completion
 * with evidence. When the owner's own organisation carries it, the owner does both. Every step
 * is an event with who, when and why; every change is audited.
 */
import type { Kysely } from 'kysely';
import { MEASURE_STATUSES, OPEN_MEASURE_STATUSES, type MeasureDetail, type MeasureStatus } from '../../contracts/plans.js';
import { can, requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { AppError, forbidden, invalidField, notFound, requireText } from '../../kernel/errors.js';
import { isWithinReach } from '../organisations/partners.repo.js';
import { today } from '../policies/evaluation.service.js';
import { listAttachments } from '../files/attachments.repo.js';
import { presentAttachment, storeAttachment } from '../files/attachments.service.js';
import { findMeasure, insertMeasureEvent, listMeasureEvents, updateMeasure, type MeasureAccess, type MeasureChange, type NewMeasureEvent } from './measures.repo.js';
import { alertNewMeasure, alertOwners } from './measure-alerts.js';

export function abilities(actor: Actor, m: MeasureAccess): MeasureDetail['can'] {
  const open = OPEN_MEASURE_STATUSES.includes(m.status);
  const owns = m.asOwner && can(actor, 'plan:write');
  const carries = m.asResponsible && can(actor, 'measure:handle');
  return {
    edit: owns && open,
    answerReferral: carries && open && m.referral === 'pending',
    // The carrying unit reports once it has accepted; the owner reports for measures its own organisation carries.
    handle: open && ((carries && m.referral === 'accepted') || (owns && m.referral === null)),
  };
}

/** The full measure, for the plan owner's side. Partners read it through their inbox instead. */
export async function getMeasure(db: Kysely<any>, actor: Actor, id: number): Promise<MeasureDetail> {
  requirePermission(actor, 'plan:read');
  const m = await findMeasure(db, actor.scope, id);
  if (!m || !m.asOwner) throw notFound();
  return detailOf(db, actor, m);
}

export async function detailOf(db: Kysely<any>, actor: Actor, m: MeasureAccess): Promise<MeasureDetail> {
  const [events, attachments] = await Promise.all([listMeasureEvents(db, m.id), listAttachments(db, 'measure', [m.id])]);
  const { asOwner: _o, asHandler: _h, asResponsible: _r, ownerOrgId: _oo, ownerOrgName: _on, leadUserId: _l, createdBy: _c, ...measure } = m;
  return {
    ...measure,
    events,
    attachments: attachments.map(presentAttachment),
    can: abilities(actor, m),
  };
}

type Ability = keyof MeasureDetail['can'];

/** Locks the measure and checks the user may do this to it now; a measure out of reach is "not found". */
async function lockFor(db: Kysely<any>, actor: Actor, id: number, ability: Ability): Promise<MeasureAccess> {
  const m = await findMeasure(db, actor.scope, id, true);
  if (!m) throw notFound();
  if (!abilities(actor, m)[ability]) {
    if (!OPEN_MEASURE_STATUSES.includes(m.status)) throw new AppError('invalid_state', { zh: `措施${MEASURE_STATUSES[m.status]}，不能再办理`, en: 'the measure is closed' });
    if (ability === 'answerReferral' && m.referral !== 'pending') throw new AppError('invalid_state', { zh: '该转介已答复', en: 'the referral was already answered' });
    if (ability === 'handle' && m.referral === 'pending') throw new AppError('invalid_state', { zh: '请先接收转介，再反馈进展', en: 'accept the referral first' });
    throw forbidden();
  }
  return m;
}

const requireNote = (note: string | null | undefined, what: string) => requireText(note, 'note', what);

/** One step: lock, check, change, event, audit — in one transaction — and the view after it. */
async function step(
  db: Kysely<any>, actor: Actor, id: number, ability: Ability,
  act: (m: MeasureAccess, trx: Kysely<any>) => Promise<{ change: MeasureChange; event: Omit<NewMeasureEvent, 'measureId' | 'householdId'>; after?: (trx: Kysely<any>, m: MeasureAccess) => Promise<void> }>,
): Promise<MeasureDetail> {
  await inTransaction(db, async (trx) => {
    const m = await lockFor(trx, actor, id, ability);
    const { change, event, after } = await act(m, trx);
    await updateMeasure(trx, id, change);
    await insertMeasureEvent(trx, { ...event, measureId: id, householdId: m.householdId }, actor);
    await recordAudit(trx, actor, { action: `measure.${event.kind}`, entityType: 'measure', entityId: id, before: { status: m.status, referral: m.referral, responsibleOrgId: m.responsibleOrgId, deadline: m.deadline }, after: change, reason: event.note ?? null });
    await after?.(trx, m);
  });
  const m = (await findMeasure(db, actor.scope, id))!;
  return detailOf(db, actor, m);
}

export function acceptReferral(db: Kysely<any>, actor: Actor, id: number, input: { note: string | null; responsiblePerson: string | null }): Promise<MeasureDetail> {
  return step(db, actor, id, 'answerReferral', async (m) => ({
    change: { referral: 'accepted', status: 'in_progress', statusNote: null, ...(input.responsiblePerson?.trim() ? { responsiblePerson: input.responsiblePerson.trim() } : {}) },
    event: { kind: 'accepted', fromStatus: m.status, toStatus: 'in_progress', note: input.note?.trim() || null },
    after: (trx) => alertOwners(trx, m, `${m.responsibleOrgName}已接收`, input.note?.trim() || null, 'accepted'),
  }));
}

export function declineReferral(db: Kysely<any>, actor: Actor, id: number, input: { note: string }): Promise<MeasureDetail> {
  const note = requireNote(input.note, '退回理由');
  return step(db, actor, id, 'answerReferral', async (m) => ({
    change: { referral: 'declined', statusNote: note },
    event: { kind: 'declined', note },
    after: (trx) => alertOwners(trx, m, `${m.responsibleOrgName}退回`, note, `declined:${Date.now()}`),
  }));
}

const REPORTABLE: MeasureStatus[] = ['in_progress', 'blocked', 'done'];

/** Progress from whoever carries the measure: a note, and optionally a new status (受阻 and 完成 need the note to say why/what). */
export function reportProgress(db: Kysely<any>, actor: Actor, id: number, input: { note: string; status: MeasureStatus | null }): Promise<MeasureDetail> {
  const note = requireNote(input.note, input.status === 'done' ? '办理结果' : input.status === 'blocked' ? '受阻原因' : '进展情况');
  if (input.status !== null && !REPORTABLE.includes(input.status)) throw invalidField('status', '只能反馈为办理中、受阻或已完成', 'status must be in_progress, blocked or done');
  return step(db, actor, id, 'handle', async (m) => {
    const status = input.status ?? m.status;
    const changed = status !== m.status;
    return {
      change: { status, statusNote: status === 'blocked' ? note : null },
      event: { kind: changed ? 'status' : 'progress', fromStatus: changed ? m.status : null, toStatus: changed ? status : null, note },
      after: async (trx) => {
        if (m.asOwner && m.referral === null) return;
        await alertOwners(trx, m, changed ? `${m.responsibleOrgName}：${MEASURE_STATUSES[status]}` : `${m.responsibleOrgName}反馈进展`, note, `progress:${Date.now()}`);
      },
    };
  });
}

export function reassignMeasure(db: Kysely<any>, actor: Actor, id: number, input: { responsibleOrgId: number; responsiblePerson: string | null; deadline: string | null; note: string }): Promise<MeasureDetail> {
  const note = requireNote(input.note, '改派理由');
  return step(db, actor, id, 'edit', async (m, trx) => {
    if (!(await isWithinReach(trx, m.ownerOrgId, input.responsibleOrgId))) {
      throw invalidField('responsibleOrgId', '新的责任单位不在本计划可分派的范围内（本单位及下级、合作单位）', 'the organisation is outside the plan owner\'s reach');
    }
    const deadline = input.deadline ?? m.deadline;
    if (input.deadline && input.deadline < (await today(trx))) throw invalidField('deadline', '完成期限不能早于今天', 'the deadline is in the past');
    const referral = input.responsibleOrgId === m.ownerOrgId ? null : 'pending';
    return {
      change: { responsibleOrgId: input.responsibleOrgId, responsiblePerson: input.responsiblePerson?.trim() || null, deadline, referral, status: 'planned', statusNote: null },
      event: { kind: 'reassigned', fromStatus: m.status, toStatus: 'planned', note, orgId: input.responsibleOrgId },
      after: (trx, before) => alertNewMeasure(trx, { id, householdId: before.householdId, type: before.type, title: before.title, deadline, responsibleOrgId: input.responsibleOrgId,
        ccOrgIds: before.ccOrgIds, referred: referral !== null, ownerOrgName: before.ownerOrgName }),
    };
  });
}

export function changeDeadline(db: Kysely<any>, actor: Actor, id: number, input: { deadline: string; note: string }): Promise<MeasureDetail> {
  const note = requireNote(input.note, '调整期限的理由');
  return step(db, actor, id, 'edit', async (m, trx) => {
    if (input.deadline < (await today(trx))) throw invalidField('deadline', '完成期限不能早于今天', 'the deadline is in the past');
    return { change: { deadline: input.deadline }, event: { kind: 'deadline', note: `${m.deadline} → ${input.deadline}：${note}` } };
  });
}

export function cancelMeasure(db: Kysely<any>, actor: Actor, id: number, input: { note: string }): Promise<MeasureDetail> {
  const note = requireNote(input.note, '取消理由');
  return step(db, actor, id, 'edit', async (m) => ({ change: { status: 'cancelled', statusNote: note }, event: { kind: 'cancelled', fromStatus: m.status, toStatus: 'cancelled', note } }));
}

/** Evidence from either side that may act on the measure; the file and its event land together. */
export async function addEvidence(db: Kysely<any>, actor: Actor, id: number, upload: { fileName: string; buffer: Buffer; note: string | null }, limitBytes: number): Promise<MeasureDetail> {
  await db.transaction().execute(async (trx) => {
    const m = await findMeasure(trx, actor.scope, id, true);
    if (!m) throw notFound();
    const may = abilities(actor, m);
    if (!may.edit && !may.handle) throw forbidden();
    const stored = await storeAttachment(trx, actor, { entityType: 'measure', entityId: id, householdId: m.householdId }, upload, limitBytes);
    await insertMeasureEvent(trx, { measureId: id, householdId: m.householdId, kind: 'evidence', note: [stored.fileName, upload.note?.trim()].filter(Boolean).join('：') }, actor);
  });
  const m = (await findMeasure(db, actor.scope, id))!;
  return detailOf(db, actor, m);
}

/** Who may open a measure's evidence: either side that may see the measure. */
export async function requireMeasureAccess(db: Kysely<any>, actor: Actor, id: number): Promise<MeasureAccess> {
  const m = await findMeasure(db, actor.scope, id);
  if (!m || !((m.asOwner && can(actor, 'plan:read')) || (m.asHandler && can(actor, 'measure:handle')))) throw notFound();
  return m;
}
