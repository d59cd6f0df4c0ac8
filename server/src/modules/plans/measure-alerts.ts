/**
 * Who hears about a measure, and when: a referral reaches the partner unit's handlers; the fast
 * channel reaches the hospital and the medical-insurance contacts at once; a partner's answer
 * reaches the plan's lead caseworker and the measure's author; a passed deadline reaches them,
 * and the unit that carries it, once per deadline (a new deadline that passes alerts again).
 */
import { sql, type Kysely } from 'kysely';
import { MEASURE_TYPES, type MeasureType } from '../../contracts/plans.js';
import { notify } from '../notifications/notifications.repo.js';
import { handlersOf } from './measures.repo.js';

interface NewMeasureAlert {
  id: number;
  householdId: number;
  type: MeasureType;
  title: string;
  deadline: string;
  responsibleOrgId: number;
  ccOrgIds: number[];
  referred: boolean;
  ownerOrgName: string;
}

const inboxLink = (id: number) => `/inbox/measures/${id}`;

async function notifyAll(db: Kysely<any>, userIds: number[], message: Omit<Parameters<typeof notify>[1], 'userId'>): Promise<number> {
  let sent = 0;
  for (const userId of new Set(userIds)) if (await notify(db, { ...message, userId })) sent += 1;
  return sent;
}

export async function alertNewMeasure(db: Kysely<any>, m: NewMeasureAlert): Promise<void> {
  if (m.type === 'serious_illness') {
    await notifyAll(db, await handlersOf(db, [m.responsibleOrgId, ...m.ccOrgIds]), {
      kind: 'fast_channel', title: `【大病快速通道】${m.title}`, body: `${m.ownerOrgName}转介，须在 ${m.deadline} 前办结，请立即处理。`,
      householdId: null, personId: null, policyCode: null, link: inboxLink(m.id), dedupeKey: `measure-new:${m.id}`, once: true,
    });
    return;
  }
  if (!m.referred) return;
  await notifyAll(db, await handlersOf(db, [m.responsibleOrgId]), {
    kind: 'measure_referred', title: `${m.ownerOrgName}转介：${m.title}`, body: `${MEASURE_TYPES[m.type].label}，完成期限 ${m.deadline}。请接收或说明理由退回。`,
    householdId: null, personId: null, policyCode: null, link: inboxLink(m.id), dedupeKey: `measure-new:${m.id}:${m.responsibleOrgId}`, once: true,
  });
}

/** The plan's lead caseworker and the measure's author: the owner's side of a measure. */
async function ownersOf(db: Kysely<any>, measureId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number | null }>`select p.lead_user_id as id from measures m join plans p on p.id = m.plan_id where m.id = ${measureId}
    union select m.created_by from measures m where m.id = ${measureId}`.execute(db);
  return rows.map((r) => r.id).filter((id): id is number => id !== null);
}

/** Tells the owner's side what a partner did (accepted, declined, reported progress or completion). */
export async function alertOwners(db: Kysely<any>, measure: { id: number; householdId: number; title: string }, what: string, note: string | null, key: string): Promise<void> {
  await notifyAll(db, await ownersOf(db, measure.id), {
    kind: 'measure_answered', title: `${measure.title}：${what}`, body: note ?? '', householdId: measure.householdId, personId: null, policyCode: null,
    link: `/households/${measure.householdId}?tab=plan`, dedupeKey: `measure-answer:${measure.id}:${key}`,
  });
}

/** Alerts for every open measure past its deadline; returns how many reminders were new. */
export async function remindOverdueMeasures(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ id: number; household_id: number; title: string; deadline: string; responsible_org_id: number; referral: string | null; org_name: string; days: number }>`
    select m.id, m.household_id, m.title, m.deadline, m.responsible_org_id, m.referral, o.name as org_name, (current_date - m.deadline) as days
    from measures m join organisations o on o.id = m.responsible_org_id
    where m.status in ('planned', 'in_progress', 'blocked') and m.deadline < current_date`.execute(db);
  let sent = 0;
  for (const m of rows) {
    const message = { kind: 'measure_overdue' as const, title: `措施逾期 ${m.days} 天：${m.title}`, body: `责任单位：${m.org_name}，期限 ${m.deadline}。请督办或调整。`,
      personId: null, policyCode: null, dedupeKey: `measure-overdue:${m.id}:${m.deadline}`, once: true };
    sent += await notifyAll(db, await ownersOf(db, m.id), { ...message, householdId: m.household_id, link: `/households/${m.household_id}?tab=plan` });
    if (m.referral === 'accepted') sent += await notifyAll(db, await handlersOf(db, [m.responsible_org_id]), { ...message, householdId: null, link: inboxLink(m.id) });
  }
  return sent;
}
