/**
 * Joint meetings (联席会议). The agenda builds itself from the measures that are stuck across
 * every unit — declined, blocked, overdue — in the convener's households; calling a meeting
 * freezes that agenda; each decision in the minutes is carried out through the measure
 * services (reassigned, a new deadline, cancelled, or a new measure in the same plan), so it
 * alerts, audits and checks exactly as the same step taken by hand would, and lands in one
 * transaction with its record on the item and on the measure.
 */
import type { Kysely } from 'kysely';
import { MEETING_DECISIONS, type Agenda, type DecisionInput, type MeetingDetail, type MeetingInput, type StuckReason } from '../../contracts/meetings.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, invalidField, notFound, requireText } from '../../kernel/errors.js';
import { today } from '../policies/evaluation.service.js';
import { stuckMeasures } from '../plans/measure-lists.js';
import { insertMeasureEvent } from '../plans/measures.repo.js';
import { cancelMeasure, changeDeadline, reassignMeasure } from '../plans/measures.service.js';
import { addMeasure } from '../plans/plans.service.js';
import { closeMeetingRow, findItem, findMeeting, insertItems, insertMeeting, listItems, listMeetings, recordDecision } from './meetings.repo.js';

export async function getAgenda(db: Kysely<any>, actor: Actor): Promise<Agenda> {
  const items = await stuckMeasures(db, actor);
  const byOrg = new Map<string, Record<StuckReason, number>>();
  for (const item of items) {
    const counts = byOrg.get(item.responsibleOrgName) ?? { overdue: 0, blocked: 0, declined: 0 };
    counts[item.reason] += 1;
    byOrg.set(item.responsibleOrgName, counts);
  }
  return { items, byOrg: [...byOrg].map(([orgName, counts]) => ({ orgName, ...counts })) };
}

export async function getMeetings(db: Kysely<any>, actor: Actor) {
  requirePermission(actor, 'plan:read');
  return listMeetings(db, actor.scope);
}

export async function getMeeting(db: Kysely<any>, actor: Actor, id: number): Promise<MeetingDetail> {
  requirePermission(actor, 'plan:read');
  const meeting = await findMeeting(db, actor.scope, id);
  if (!meeting) throw notFound();
  return { ...meeting, items: await listItems(db, id) };
}

/** Calls a meeting over the agenda as it stands now. */
export async function callMeeting(db: Kysely<any>, actor: Actor, input: MeetingInput): Promise<MeetingDetail> {
  requirePermission(actor, 'plan:write');
  if (actor.orgId === null) throw invalidField('convenerOrgId', '召集单位不明', 'the convener has no organisation');
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写会议名称', 'a title is required');
  if (input.heldOn < (await today(db))) throw invalidField('heldOn', '会议日期不能早于今天', 'the meeting date is in the past');
  const agenda = await stuckMeasures(db, actor);
  if (agenda.length === 0) throw new AppError('invalid_state', { zh: '当前没有逾期、受阻或被退回的措施，无需召开联席会议', en: 'nothing is stuck' });
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertMeeting(trx, { title, heldOn: input.heldOn, convenerOrgId: actor.orgId!, attendeeOrgIds: [...new Set(input.attendeeOrgIds)] }, actor);
    await insertItems(trx, id, agenda.map((m) => ({ measureId: m.id, householdId: m.householdId, reason: m.reason })));
    await recordAudit(trx, actor, { action: 'meeting.called', entityType: 'meeting', entityId: id, after: { ...input, items: agenda.length } });
    return id;
  });
  return getMeeting(db, actor, id);
}

/** One decision of the minutes, carried out at once; each agenda item is decided once. */
export async function decide(db: Kysely<any>, actor: Actor, meetingId: number, itemId: number, input: DecisionInput): Promise<MeetingDetail> {
  requirePermission(actor, 'plan:write');
  const note = requireText(input.note, 'note', '会议决定');
  if (!(input.decision in MEETING_DECISIONS)) throw invalidField('decision', '未知的决定类型', 'unknown decision');
  await db.transaction().execute(async (trx) => {
    const meeting = await findMeeting(trx, actor.scope, meetingId, true);
    if (!meeting) throw notFound();
    if (meeting.status !== 'open') throw new AppError('invalid_state', { zh: '会议已结束，纪要不能再修改', en: 'the meeting is closed' });
    const item = await findItem(trx, meetingId, itemId);
    if (!item) throw notFound();
    if (item.decision) throw new AppError('invalid_state', { zh: '该议题已作出决定', en: 'already decided' });
    const because = `联席会议“${meeting.title}”决定：${note}`;
    let newMeasureId: number | null = null;
    if (input.decision === 'reassign') {
      if (!input.responsibleOrgId) throw invalidField('responsibleOrgId', '请选择改派的责任单位', 'choose the new unit');
      await reassignMeasure(trx, actor, item.measureId, { responsibleOrgId: input.responsibleOrgId, responsiblePerson: null, deadline: input.deadline ?? null, note: because });
    } else if (input.decision === 'deadline') {
      if (!input.deadline) throw invalidField('deadline', '请选择新的完成期限', 'choose the new deadline');
      await changeDeadline(trx, actor, item.measureId, { deadline: input.deadline, note: because });
    } else if (input.decision === 'cancel') {
      await cancelMeasure(trx, actor, item.measureId, { note: because });
    } else if (input.decision === 'new_measure') {
      if (!input.measure) throw invalidField('measure', '请填写新增的措施', 'describe the new measure');
      newMeasureId = (await addMeasure(trx, actor, item.planId, input.measure, { origin: 'meeting', originId: meetingId })).id;
    }
    await insertMeasureEvent(trx, { measureId: item.measureId, householdId: item.householdId, kind: 'meeting', note: `${MEETING_DECISIONS[input.decision]}：${because}` }, actor);
    await recordDecision(trx, itemId, input.decision, note, newMeasureId);
    await recordAudit(trx, actor, { action: 'meeting.decided', entityType: 'meeting', entityId: meetingId, after: { itemId, ...input, newMeasureId } });
  });
  return getMeeting(db, actor, meetingId);
}

export async function closeMeeting(db: Kysely<any>, actor: Actor, id: number, minutes: string): Promise<MeetingDetail> {
  requirePermission(actor, 'plan:write');
  const text = requireText(minutes, 'minutes', '会议纪要');
  await db.transaction().execute(async (trx) => {
    const meeting = await findMeeting(trx, actor.scope, id, true);
    if (!meeting) throw notFound();
    if (meeting.status !== 'open') throw new AppError('invalid_state', { zh: '会议已结束', en: 'the meeting is closed' });
    await closeMeetingRow(trx, id, text);
    await recordAudit(trx, actor, { action: 'meeting.closed', entityType: 'meeting', entityId: id, after: { minutes: text } });
  });
  return getMeeting(db, actor, id);
}
