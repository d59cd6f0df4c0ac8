/**
 * The answer (回音) and the follow-up. The handling unit drafts its reply to the citizen, which
 * stops the clock; the 12345 centre approves it — with the plain-words question and answer for
 * the public digest, which must carry no personal data — or sends it back, which restarts the
 * clock where it stood. The satisfaction call is recorded apart from the reply: satisfied (or
 * not reachable) closes the appeal; not satisfied, with the reason, reopens it with the same
 * unit and a new clock from the call.
 */
import type { Kysely } from 'kysely';
import type { AppealDetail, Satisfaction } from '../../contracts/appeals.js';
import type { Actor } from '../../kernel/auth/actor.js';
import { invalidField, requireText } from '../../kernel/errors.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import { dueAt } from '../calendar/time-limits.js';
import { closePause, insertAppealEvent, listPauses, mergedInto, openPause, updateAppeal } from './appeals.repo.js';
import { act, requireNote } from './workflow.service.js';

const LIMITS = { reply: 4000, question: 500, answer: 2000 } as const;

/** What the public must never read in the digest: a phone number or a resident ID number. */
const PERSONAL = /(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx]|\d{3,4}-\d{7,8})(?!\d)/;

export function draftReply(db: Kysely<any>, actor: Actor, id: number, input: { reply: string }): Promise<AppealDetail> {
  const reply = requireText(input.reply, 'reply', '答复内容');
  if (reply.length > LIMITS.reply) throw invalidField('reply', `答复最多 ${LIMITS.reply} 字`, 'too long');
  return act(db, actor, id, 'handler', ['accepted', 'in_progress'], async (appeal, trx) => {
    await openPause(trx, id, '答复待审核');
    // Whether the reply came in time is decided now, while the due time is known; the clock stops and forgets it.
    const inTime = appeal.dueAt === null || Date.now() <= new Date(appeal.dueAt).getTime();
    return { change: { status: 'reply_drafted', reply: { text: reply, byName: actor.name }, repliedInTime: inTime, dueAt: null }, kind: 'reply_drafted', note: reply };
  });
}

export function approveReply(db: Kysely<any>, actor: Actor, id: number, input: { publish: boolean; publicQuestion: string | null; publicAnswer: string | null }): Promise<AppealDetail> {
  const question = input.publicQuestion?.trim() || null;
  const answer = input.publicAnswer?.trim() || null;
  if (input.publish) {
    if (!question) throw invalidField('publicQuestion', '公开发布须填写“群众反映”', 'the public question is required');
    if (!answer) throw invalidField('publicAnswer', '公开发布须填写“办理结果”', 'the public answer is required');
  }
  if ((question?.length ?? 0) > LIMITS.question) throw invalidField('publicQuestion', `最多 ${LIMITS.question} 字`, 'too long');
  if ((answer?.length ?? 0) > LIMITS.answer) throw invalidField('publicAnswer', `最多 ${LIMITS.answer} 字`, 'too long');
  for (const [field, text] of [['publicQuestion', question], ['publicAnswer', answer]] as const) {
    if (text && PERSONAL.test(text)) throw invalidField(field, '公开内容不能包含电话号码或身份证号', 'no personal data in public text');
  }
  return act(db, actor, id, 'dispatcher', ['reply_drafted'], async (appeal, trx) => {
    await closePause(trx, id);
    // Every caller of a merged duplicate gets the same answer, and a satisfaction call of their own.
    for (const merged of await mergedInto(trx, id)) {
      await updateAppeal(trx, merged, { status: 'replied', reply: { text: appeal.replyText!, byName: appeal.repliedByName! }, repliedAt: new Date() });
      await insertAppealEvent(trx, { appealId: merged, kind: 'replied', fromStatus: 'merged', toStatus: 'replied', note: `随诉求 ${appeal.number} 一并答复` }, actor);
    }
    return {
      change: { status: 'replied', repliedAt: new Date(), published: input.publish, publicText: question && answer ? { question, answer } : null },
      kind: 'replied', note: input.publish ? '审核通过并公开' : '审核通过（不公开）',
    };
  });
}

export function rejectReply(db: Kysely<any>, actor: Actor, id: number, input: { note: string }): Promise<AppealDetail> {
  const note = requireNote(input.note, '退回意见');
  return act(db, actor, id, 'dispatcher', ['reply_drafted'], async (appeal, trx) => {
    await closePause(trx, id);
    const limit = { amount: appeal.limitAmount!, unit: appeal.limitUnit! };
    const due = dueAt(new Date(appeal.clockStartedAt!), limit, await workingCalendar(trx), await listPauses(trx, id));
    return { change: { status: 'in_progress', dueAt: due }, kind: 'reply_rejected', note };
  });
}

export function recordSatisfaction(db: Kysely<any>, actor: Actor, id: number, input: { value: Satisfaction; note: string | null }): Promise<AppealDetail> {
  const note = input.note?.trim() || null;
  if (input.value === 'unsatisfied' && !note) throw invalidField('note', '群众不满意时须记录原因', 'say why');
  return act(db, actor, id, 'dispatcher', ['replied'], async (appeal, trx) => {
    if (input.value !== 'unsatisfied') {
      return { change: { status: 'closed', satisfaction: { value: input.value, note }, closedAt: new Date() }, kind: 'closed', note: note ?? (input.value === 'satisfied' ? '群众满意' : '回访未接通') };
    }
    const start = new Date();
    const limit = { amount: appeal.limitAmount!, unit: appeal.limitUnit! };
    return {
      change: { status: 'dispatched', satisfaction: { value: 'unsatisfied', note }, clockStartedAt: start, dueAt: dueAt(start, limit, await workingCalendar(trx)) },
      kind: 'reopened', note: `群众不满意，重新办理：${note}`, orgId: appeal.responsibleOrgId,
    };
  });
}
