/**
 * 超时督办: an appeal whose time limit has run out is escalated once per clock — an event on the
 * appeal, and a reminder to the unit that holds it and to the dispatchers who follow it. Run by
 * the daily sweep and whenever the server's timer asks; a reopened appeal starts a new clock and
 * may be escalated again.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../kernel/auth/actor.js';
import { notify } from '../notifications/notifications.repo.js';
import { insertAppealEvent } from './appeals.repo.js';

export async function escalateOverdueAppeals(db: Kysely<any>, actor: Actor): Promise<number> {
  const { rows } = await sql<{ id: number; number: string; org_id: number | null; org_name: string | null; due_at: Date; category: string }>`
    update appeals a set escalated_at = now()
    from appeal_categories c
    where c.code = a.category_code and a.status in ('dispatched', 'accepted', 'in_progress', 'returned') and a.due_at < now()
      and (a.escalated_at is null or a.escalated_at < a.clock_started_at)
    returning a.id, a.number, a.responsible_org_id as org_id, (select name from organisations where id = a.responsible_org_id) as org_name, a.due_at, c.name as category`.execute(db);
  for (const appeal of rows) {
    await insertAppealEvent(db, { appealId: appeal.id, kind: 'escalated', note: `已超过办理时限（${new Date(appeal.due_at).toISOString()}），督办` }, actor);
    const { rows: users } = await sql<{ id: number }>`select distinct u.id from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
      where not u.disabled and ('appeal:dispatch' = any(r.permissions) or ('appeal:handle' = any(r.permissions) and u.org_id = ${appeal.org_id}))`.execute(db);
    for (const user of users) {
      await notify(db, {
        userId: user.id, kind: 'appeal_overdue', title: `诉求 ${appeal.number} 已超时：${appeal.category}`, body: `承办单位：${appeal.org_name ?? '未派单'}。请尽快办理答复。`,
        householdId: null, personId: null, policyCode: null, link: `/appeals/${appeal.id}`, dedupeKey: `appeal-overdue:${appeal.id}:${new Date(appeal.due_at).getTime()}`, once: true,
      });
    }
  }
  return rows.length;
}
