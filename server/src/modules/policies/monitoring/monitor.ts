/**
 * Monitoring: when a household's facts or members change, every active policy is evaluated
 * again for that household at once (the same set-based engine, restricted to it); each change
 * against its enrollments — now eligible, no longer eligible, amount changed — becomes a
 * reminder for the responsible caseworkers (帮扶干部 of the owning organisation and the
 * organisations above it) and an SMS in the outbox. A daily sweep catches what time alone
 * changes: facts that start or end today, and public-welfare posts ending within 30 days.
 */
import { remindOverdueMeasures } from '../../plans/measure-alerts.js';
import { escalateOverdueAppeals } from '../../appeals/escalation.js';
import { sql, type Kysely } from 'kysely';
import { CANDIDATE_KIND_LABELS, type CandidateKind } from '../../../contracts/policies.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { onSubjectsChanged, type SubjectChange } from '../../../kernel/events.js';
import { notify } from '../../notifications/notifications.repo.js';
import { FACT_KINDS, type FactKind } from '../../registry/facts.js';
import { today } from '../evaluation.service.js';
import { runPolicies } from '../runs/engine.js';
import { finishRun, insertRun } from '../runs/runs.repo.js';
import { runVersions } from '../runs/runs.service.js';

export const POST_WARNING_DAYS = 30;

export function watchForChanges(db: Kysely<any>): void {
  onSubjectsChanged(db, async (database, change) => {
    await reevaluate(database, change);
    if (change.cause === 'employment') await remindEndingPosts(database, change.householdIds);
  });
}

/** Users who answer for a household: caseworkers (policy:run, a unit-bound data scope) of its organisation or any above it. */
async function responsibleUsers(db: Kysely<any>, householdId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select distinct u.id from households h
    join organisations ho on ho.id = h.org_id
    join organisations uo on ho.path like uo.path || '%'
    join users u on u.org_id = uo.id
    join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
    where h.id = ${householdId} and 'policy:run' = any(r.permissions) and r.data_scope <> 'all' and not u.disabled`.execute(db);
  return rows.map((r) => r.id);
}

function causeText(cause: string): string {
  if (cause === 'membership') return '家庭成员变动';
  if (cause === 'daily') return '信息到期或生效';
  return `“${FACT_KINDS[cause as FactKind]?.zh ?? cause}”信息变化`;
}

interface ChangedRow { id: number; kind: CandidateKind; household_id: number; person_id: number | null; code: string; name: string; reason: string; head_name: string | null; person_name: string | null }

/** Re-evaluates the households; returns the monitor run id, or null when nothing changed. */
export async function reevaluate(db: Kysely<any>, change: Pick<SubjectChange, 'householdIds' | 'cause' | 'actor'>): Promise<number | null> {
  const versions = await runVersions(db, null);
  if (versions.length === 0 || change.householdIds.length === 0) return null;
  const asOf = await today(db);
  const runId = await insertRun(db, { kind: 'monitor', policyCodes: versions.map((v) => v.code), regionCodes: [], asOf, requestedBy: change.actor.id });
  await db.transaction().execute(async (trx) => {
    const counts = await runPolicies(trx, { runId, kind: 'monitor', asOf, versions, filter: sql<boolean>`h.id = any(${change.householdIds}::bigint[])` });
    await finishRun(trx, runId, 'completed', { counts });
  });
  const { rows } = await sql<ChangedRow>`
    select c.id, c.kind, c.household_id, c.person_id, p.code, v.name_zh as name, c.reason, hp.name as head_name, sp.name as person_name
    from policy_candidates c join policies p on p.id = c.policy_id join policy_versions v on v.id = c.version_id
    join households h on h.id = c.household_id left join persons hp on hp.id = h.head_person_id left join persons sp on sp.id = c.person_id
    where c.run_id = ${runId} and c.kind in ('add', 'stop', 'amount') order by c.id`.execute(db);
  if (rows.length === 0) {
    await sql`delete from policy_runs where id = ${runId}`.execute(db);
    return null;
  }
  for (const row of rows) {
    const who = row.person_name && row.person_name !== row.head_name ? `${row.head_name ?? ''}家 ${row.person_name}` : `${row.head_name ?? ''}家`;
    for (const userId of await responsibleUsers(db, row.household_id)) {
      await notify(db, {
        userId,
        kind: 'eligibility_changed',
        title: `${who}：《${row.name}》${CANDIDATE_KIND_LABELS[row.kind]}`,
        body: `因${causeText(change.cause)}重新评估：${row.reason}。请核实并处理。`,
        householdId: row.household_id,
        personId: row.person_id,
        policyCode: row.code,
        link: `/households/${row.household_id}`,
        dedupeKey: `eligibility:${row.household_id}:${row.person_id ?? 0}:${row.code}:${row.kind}`,
      });
    }
  }
  return runId;
}

/** Reminds of public-welfare posts in these households (all, if null) ending within 30 days; once per post. */
export async function remindEndingPosts(db: Kysely<any>, householdIds: number[] | null): Promise<number> {
  const { rows } = await sql<{ fact_id: number; person_id: number; household_id: number; name: string; end_date: string; days: number }>`
    select f.id as fact_id, p.id as person_id, p.household_id, p.name, f.value->>'postEndDate' as end_date,
      ((f.value->>'postEndDate')::date - current_date) as days
    from facts f join persons p on p.id = f.person_id
    where f.kind = 'employment' and f.valid_to is null and (f.value->>'publicWelfarePost')::boolean
      and (f.value->>'postEndDate')::date between current_date and current_date + ${POST_WARNING_DAYS}::int
      and p.household_id is not null ${householdIds ? sql`and p.household_id = any(${householdIds}::bigint[])` : sql``}`.execute(db);
  let sent = 0;
  for (const row of rows) {
    for (const userId of await responsibleUsers(db, row.household_id)) {
      const fresh = await notify(db, {
        userId,
        kind: 'post_ending',
        title: `${row.name} 的公益性岗位将于 ${row.end_date} 到期（还有 ${row.days} 天）`,
        body: '请提前联系本人，做好续岗、转岗或其他就业帮扶衔接。',
        householdId: row.household_id,
        personId: row.person_id,
        policyCode: null,
        link: `/households/${row.household_id}`,
        dedupeKey: `post:${row.fact_id}`,
        once: true,
      });
      if (fresh) sent += 1;
    }
  }
  return sent;
}

/** The daily sweep: households whose facts start or end today are re-evaluated; ending posts and overdue measures are reminded. */
export async function dailySweep(db: Kysely<any>, actor: Actor): Promise<{ households: number; reminders: number; overdue: number; appeals: number }> {
  const { rows } = await sql<{ household_id: number }>`
    select distinct coalesce(f.household_id, p.household_id) as household_id from facts f left join persons p on p.id = f.person_id
    where (f.valid_from = current_date or f.valid_to = current_date) and coalesce(f.household_id, p.household_id) is not null`.execute(db);
  const ids = rows.map((r) => r.household_id);
  for (let i = 0; i < ids.length; i += 500) await reevaluate(db, { householdIds: ids.slice(i, i + 500), cause: 'daily', actor });
  return { households: ids.length, reminders: await remindEndingPosts(db, null), overdue: await remindOverdueMeasures(db), appeals: await escalateOverdueAppeals(db, actor) };
}

/** In the server: the sweep at start and whenever the date (Beijing time) turns, overdue appeals every 15 minutes; returns a stop function. */
export function scheduleDailySweep(db: Kysely<any>, actor: Actor, log: (message: string) => void): () => void {
  let lastDay = '';
  const tick = async () => {
    // Appeals with limits in hours cannot wait for the next day: they are escalated every tick.
    const escalated = await escalateOverdueAppeals(db, actor);
    if (escalated) log(`[monitor] ${escalated} appeals past their time limit escalated`);
    const day = await today(db);
    if (day === lastDay) return;
    lastDay = day;
    const result = await dailySweep(db, actor);
    log(`[monitor] ${day}: re-evaluated ${result.households} households, ${result.reminders} post reminders, ${result.overdue} overdue-measure alerts, ${result.appeals} appeals escalated`);
  };
  const timer = setInterval(() => void tick().catch((error: Error) => log(`[monitor] sweep failed: ${error.message}`)), 15 * 60 * 1000);
  timer.unref();
  void tick().catch((error: Error) => log(`[monitor] sweep failed: ${error.message}`));
  return () => clearInterval(timer);
}
