/**
 * Who the demo households already receive, so "the policy finds the person" has something
 * to find: the pack's eligible subjects are enrolled, except two households left out of the
 * warm card and one child out of compulsory-education aid (to add), and one 低保 household
 * still on the heating subsidy it no longer qualifies for (to stop).
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../kernel/auth/actor.js';
import { startRun } from '../policies/runs/runs.service.js';

const LEFT_OUT = { 'nx-union-warm-card': 2, 'nx-union-compulsory-edu': 1 } as Record<string, number>;

export async function seedDemoEnrollments(db: Kysely<any>, actor: Actor): Promise<number> {
  const { run, wait } = await startRun(db, actor, {});
  await wait;
  const { rows } = await sql<{ household_id: number; person_id: number | null; policy_id: number; version_id: number; amount_fen: number; code: string }>`
    select c.household_id, c.person_id, c.policy_id, c.version_id, c.amount_fen, p.code from policy_candidates c
    join policies p on p.id = c.policy_id where c.run_id = ${run.id} and c.kind = 'add' order by p.code, c.household_id, c.person_id`.execute(db);
  const skipped = new Map<string, number>();
  const enrolled = rows.filter((r) => {
    const left = skipped.get(r.code) ?? 0;
    if (left < (LEFT_OUT[r.code] ?? 0)) {
      skipped.set(r.code, left + 1);
      return false;
    }
    return true;
  });
  for (const r of enrolled) {
    await sql`insert into enrollments (household_id, person_id, policy_id, version_id, amount_fen, status, started_on, source)
      values (${r.household_id}, ${r.person_id}, ${r.policy_id}, ${r.version_id}, ${r.amount_fen}, 'active', '2026-01-01', '演示数据')`.execute(db);
  }
  await sql`insert into enrollments (household_id, person_id, policy_id, version_id, amount_fen, status, started_on, source)
    select f.household_id, null, p.id, v.id, 127000, 'active', '2025-01-01', '演示数据'
    from facts f join policies p on p.code = 'nx-union-heating' join policy_versions v on v.policy_id = p.id and v.status = 'active'
    where f.kind = 'assistance_status' and f.valid_to is null order by f.household_id limit 1`.execute(db);
  await sql`delete from policy_runs where id = ${run.id}`.execute(db);
  return enrolled.length + 1;
}
