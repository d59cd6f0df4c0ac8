/**
 * What the demo households already receive, as the source documents say: every household the
 * pack finds eligible is enrolled from 2026-01-01 (so a monthly run for 2026 pays the 工会暖心卡
 * to all 10 households at 200 yuan), except two households left out of the utilities subsidy
 * and one child out of compulsory-education aid (to add), and one 低保 household still on the
 * heating subsidy it no longer qualifies for (to stop). 王某's household has its 5 万元
 * medical grant, split by hand across the city union, the district union and the insurer.
 * Funding sources, 2026 budgets for Yinchuan and payees' bank accounts complete the picture.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../kernel/auth/actor.js';
import { applyForBenefit, decideApplication } from '../benefits/enrollments.service.js';
import { setBudget } from '../benefits/funding.service.js';
import { startRun } from '../policies/runs/runs.service.js';

const LEFT_OUT = { 'nx-union-utilities': 2, 'nx-union-compulsory-edu': 1 } as Record<string, number>;
const ENROLLED_FROM = '2026-01-01';

const SOURCES: Array<[string, string]> = [
  ['中央财政专项帮扶资金', 'central_fiscal'], ['工会经费', 'union'], ['自治区财政', 'regional_fiscal'], ['市县财政', 'local_fiscal'],
  ['银川市总工会', 'union'], ['西夏区总工会', 'union'], ['中国人寿银川分公司', 'insurer'],
];
const BUDGETS_2026: Array<[string, number]> = [['中央财政专项帮扶资金', 30_000_000], ['工会经费', 8_000_000], ['银川市总工会', 5_000_000]];

async function enrol(db: Kysely<any>, r: { household_id: number; person_id: number | null; policy_id: number; version_id: number; amount_fen: number }, startedOn: string): Promise<void> {
  const { rows } = await sql<{ id: number }>`insert into enrollments (household_id, person_id, policy_id, version_id, amount_fen, status, started_on, source)
    values (${r.household_id}, ${r.person_id}, ${r.policy_id}, ${r.version_id}, ${r.amount_fen}, 'active', ${startedOn}::date, '演示数据') returning id`.execute(db);
  const id = rows[0]!.id;
  await sql`insert into enrollment_terms (enrollment_id, household_id, valid_from, amount_fen, version_id)
    values (${id}, ${r.household_id}, ${startedOn}::date, ${r.amount_fen}, ${r.version_id})`.execute(db);
  await sql`insert into enrollment_events (enrollment_id, household_id, action, to_status, effective_on, amount_fen, version_id, reason, actor_name)
    values (${id}, ${r.household_id}, 'imported', 'active', ${startedOn}::date, ${r.amount_fen}, ${r.version_id}, '演示数据：工会帮扶台账', 'demo-seed')`.execute(db);
}

export async function seedDemoEnrollments(db: Kysely<any>, actor: Actor): Promise<number> {
  const { run, wait } = await startRun(db, actor, {});
  await wait;
  const { rows } = await sql<{ household_id: number; person_id: number | null; policy_id: number; version_id: number; amount_fen: number; code: string }>`
    select c.household_id, c.person_id, c.policy_id, c.version_id, c.amount_fen, p.code from policy_candidates c
    join policies p on p.id = c.policy_id join policy_versions v on v.id = c.version_id
    where c.run_id = ${run.id} and c.kind = 'add' and v.period <> 'once' order by p.code, c.household_id, c.person_id`.execute(db);
  const skipped = new Map<string, number>();
  const enrolled = rows.filter((r) => {
    const left = skipped.get(r.code) ?? 0;
    if (left < (LEFT_OUT[r.code] ?? 0)) {
      skipped.set(r.code, left + 1);
      return false;
    }
    return true;
  });
  for (const r of enrolled) await enrol(db, r, ENROLLED_FROM);
  const stale = await sql<{ household_id: number; policy_id: number; version_id: number }>`
    select f.household_id, p.id as policy_id, v.id as version_id
    from facts f join policies p on p.code = 'nx-union-heating' join policy_versions v on v.policy_id = p.id and v.status = 'active'
    where f.kind = 'assistance_status' and f.valid_to is null order by f.household_id limit 1`.execute(db);
  for (const r of stale.rows) await enrol(db, { ...r, person_id: null, amount_fen: 127000 }, '2025-01-01');
  await sql`delete from policy_runs where id = ${run.id}`.execute(db);

  for (const [name, kind] of SOURCES) await sql`insert into funding_sources (name, kind) values (${name}, ${kind}) on conflict (name) do nothing`.execute(db);
  for (const [source, budgetFen] of BUDGETS_2026) await setBudget(db, actor, { source, year: 2026, regionCode: '640100', budgetFen });
  await seedBankAccounts(db);
  return enrolled.length + stale.rows.length + (await seedMedicalGrant(db, actor));
}

/** 王某's household: 5 万元 = 3 万 city union + 1 万 district union + 1 万 insurer, applied, reviewed and approved. */
async function seedMedicalGrant(db: Kysely<any>, actor: Actor): Promise<number> {
  const { rows } = await sql<{ id: number }>`select h.id from households h join persons p on p.id = h.head_person_id where p.name = '王建国'`.execute(db);
  if (!rows[0]) return 0;
  const grant = await applyForBenefit(db, actor, {
    policyCode: 'nx-union-special-medical-grant', householdId: rows[0].id, personId: null, startedOn: '2026-03-02',
    reason: '妻子李秀兰患尿毒症，自费医疗费用负担沉重，经研究给予专项医疗救助', amountFen: 5_000_000,
    funding: [{ source: '银川市总工会', weight: 3_000_000 }, { source: '西夏区总工会', weight: 1_000_000 }, { source: '中国人寿银川分公司', weight: 1_000_000 }],
  });
  await decideApplication(db, actor, grant.id, 'review', true, '材料齐全');
  await decideApplication(db, actor, grant.id, 'approve', true, '市总工会专题会议研究同意');
  return 1;
}

/** Every head of household gets a (made-up) account: household benefits are paid to the head. */
async function seedBankAccounts(db: Kysely<any>): Promise<void> {
  await sql`insert into bank_accounts (person_id, bank_name, account_number, account_name)
    select p.id, '中国农业银行银川分行', '622848' || lpad(p.id::text, 13, '0'), p.name
    from households h join persons p on p.id = h.head_person_id on conflict (person_id) do nothing`.execute(db);
}
