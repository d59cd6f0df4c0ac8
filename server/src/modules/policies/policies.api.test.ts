/**
 * The policy API end to end on the demo households: rules refused at save time with a
 * position, versions, explanations, a population run with candidate lists and decisions,
 * cancel leaving nothing behind, and simulation of a draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, pollUntil, type Client, type TestContext } from '../../../test/harness.js';
import { startRun } from './runs/runs.service.js';
import { systemActor } from '../../kernel/auth/actor.js';

let ctx: TestContext;
let admin: Client;
let unionOrgId: number;

const version = (overrides: Record<string, unknown> = {}) => ({
  nameZh: '测试义务教育助学', nameEn: 'Test compulsory-education aid', target: 'person',
  eligibility: "person.schoolStage in ['primary', 'junior_high']",
  benefit: { kind: 'fixed', amountFen: 50000 }, period: 'yearly',
  funding: [{ source: '工会经费', shareBp: 10000 }], quotas: [], effectiveFrom: '2025-01-01', effectiveTo: null, basis: null, note: null,
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await ctx.signIn('admin');
  const { rows } = await sql<{ id: number }>`select id from organisations where name = '银川市总工会'`.execute(ctx.db);
  unionOrgId = rows[0]!.id;
});
afterAll(async () => ctx?.close());

describe('saving a policy', () => {
  it('refuses an unknown field with its line, column and a Chinese message, and saves nothing', async () => {
    const response = await admin.post('/api/policies', { code: 't-bad', orgId: unionOrgId, version: version({ eligibility: 'person.age >= 60 &&\n  person.agee < 70' }) });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('rule_invalid');
    const [problem] = response.body.error.data.ruleProblems;
    expect(problem).toMatchObject({ field: 'eligibility', line: 2, column: 10 });
    expect(problem.message).toContain('agee');
    expect((await admin.get('/api/policies/t-bad')).status).toBe(404);
  });

  it.each([
    ['a type error', 'person.age >= "60"', '不能比较'],
    ['a syntax error', 'person.age >= 60 &&', '语法错误'],
    ['a huge literal', 'person.age < 99999999999999999', '整数过大'],
    ['possible overflow', 'person.age * 1000000000000 * 1000000000000 > 0', '64 位'],
    ['deep nesting', `${'('.repeat(40)}true${')'.repeat(40)}`, '嵌套过深'],
    ['a non-bool rule', 'person.age', '应为 bool'],
    ['a double', 'person.age > 1.5', '整数'],
    ['an unsupported macro', 'household.members.map(m, m.age).size() > 0', '不支持'],
  ])('refuses %s', async (_label, eligibility, message) => {
    const response = await admin.post('/api/policies/check', { target: 'person', eligibility, benefit: { kind: 'fixed', amountFen: 100 } });
    expect(response.status).toBe(200);
    expect(response.body.problems[0].message).toContain(message);
  });

  it('creates, versions and adopts; every version is kept', async () => {
    const created = await admin.post('/api/policies', { code: 't-edu', orgId: unionOrgId, version: version(), adopt: true });
    expect(created.status).toBe(200);
    expect(created.body.activeVersion).toBe(1);
    const draft = await admin.post('/api/policies/t-edu/versions', version({ benefit: { kind: 'fixed', amountFen: 60000 } }));
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
    const detail = await admin.get('/api/policies/t-edu');
    expect(detail.body.versions.map((v: any) => [v.version, v.status])).toEqual([[2, 'draft'], [1, 'active']]);
  });
});

describe('explaining one household', () => {
  it('says which clause held, with the values it saw', async () => {
    const { rows } = await sql<{ household_id: number }>`
      select p.household_id from persons p join facts f on f.person_id = p.id where f.kind = 'school_stage' and f.value->>'stage' = 'primary' limit 1`.execute(ctx.db);
    const evaluations = await admin.get(`/api/households/${rows[0]!.household_id}/policy-evaluations`);
    expect(evaluations.status).toBe(200);
    const child = evaluations.body.find((e: any) => e.policyCode === 't-edu' && e.eligible);
    expect(child.amountFen).toBe(50000);
    expect(child.explanation).toMatchObject({ value: true, children: [{ text: 'person.schoolStage', value: 'primary' }] });
    const adult = evaluations.body.find((e: any) => e.policyCode === 't-edu' && e.eligible === false);
    expect(adult.explanation.value).toBe(false);
  });

  it('masks the health and disability values an explanation saw, but says whether the clause held', async () => {
    const { rows } = await sql<{ household_id: number }>`select household_id from persons where name = '张志强'`.execute(ctx.db);
    const evaluations = await admin.get(`/api/households/${rows[0]!.household_id}/policy-evaluations`);
    const nursing = evaluations.body.find((e: any) => e.policyCode === 'nx-disabled-nursing-subsidy' && e.eligible);
    const text = JSON.stringify(nursing.explanation);
    expect(text).toContain('（健康信息已脱敏）');
    expect(text).not.toMatch(/"text":"person\.disability\.grade","value":\d/);
    expect(nursing.explanation.value).toBe(true);
  });

  it('takes a null cap as no cap (null is never coerced to 0)', async () => {
    const { rows } = await sql<{ id: number }>`select id from households order by id limit 1`.execute(ctx.db);
    const check = (capFen: number | null) => admin.post('/api/policies/check', { target: 'household', eligibility: 'true', benefit: { kind: 'fixed', amountFen: 500, capFen }, householdId: rows[0]!.id });
    expect((await check(null)).body.evaluations[0].amountFen).toBe(500);
    expect((await check(0)).body.evaluations[0].amountFen).toBe(0);
  });

  it('reports a missing fact as a per-subject error, not a failure', async () => {
    const { rows } = await sql<{ id: number }>`select id from households order by id limit 1`.execute(ctx.db);
    const response = await admin.post('/api/policies/check', { target: 'person', eligibility: 'person.disability.grade <= 2', benefit: { kind: 'fixed', amountFen: 100 }, householdId: rows[0]!.id });
    expect(response.body.problems).toEqual([]);
    const undecided = response.body.evaluations.filter((e: any) => e.eligible === null);
    expect(undecided.length).toBeGreaterThan(0);
    expect(undecided[0].error).toContain('缺少信息');
  });
});

describe('the policy finds the person', () => {
  it('lists the eligible who are not enrolled and the enrolled who no longer qualify, each with a reason', async () => {
    const { rows } = await sql<{ id: number; household_id: number }>`
      select p.id, p.household_id from persons p where not exists (select 1 from facts f where f.person_id = p.id and f.kind = 'school_stage') limit 1`.execute(ctx.db);
    const policy = await sql<{ id: number }>`select id from policies where code = 't-edu'`.execute(ctx.db);
    await sql`insert into enrollments (household_id, person_id, policy_id, amount_fen, status, started_on, source)
      values (${rows[0]!.household_id}, ${rows[0]!.id}, ${policy.rows[0]!.id}, 50000, 'active', '2025-01-01', 'test')`.execute(ctx.db);

    const started = await admin.post('/api/policy-runs', { policyCodes: ['t-edu'] });
    expect(started.status).toBe(200);
    const run = await pollUntil(async () => (await admin.get(`/api/policy-runs/${started.body.id}`)).body, (r) => r.status !== 'running');
    expect(run.status).toBe('completed');
    expect(run.counts[0]).toMatchObject({ code: 't-edu', eligible: 8, toAdd: 8, toStop: 1, amountFen: 8 * 50000 });

    const adds = await admin.get(`/api/policy-runs/${run.id}/candidates?kind=add`);
    expect(adds.body.total).toBe(8);
    expect(adds.body.items[0].reason).toContain('符合');
    const stops = await admin.get(`/api/policy-runs/${run.id}/candidates?kind=stop`);
    expect(stops.body.items[0]).toMatchObject({ personId: rows[0]!.id, reason: '不再符合资格条件' });

    const refused = await admin.post(`/api/policy-candidates/${stops.body.items[0].id}/decision`, { decision: 'stop' });
    expect(refused.status).toBe(400);
    const decided = await admin.post(`/api/policy-candidates/${stops.body.items[0].id}/decision`, { decision: 'stop', reason: '已毕业' });
    expect(decided.body).toMatchObject({ decision: 'stop', decisionReason: '已毕业' });
    const kept = await sql<{ e: any; handoff: string }>`select decision_evaluation as e, handoff_status as handoff from policy_candidates where id = ${stops.body.items[0].id}`.execute(ctx.db);
    expect(kept.rows[0]).toMatchObject({ handoff: 'pending', e: { policyCode: 't-edu', eligible: false, explanation: { value: false } } });

    const xlsx = await admin.get(`/api/policy-runs/${run.id}/candidates.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
  });

  it('a caseworker sees only the candidates inside their data scope', async () => {
    const runs = await admin.get('/api/policy-runs');
    const xixia = await ctx.signIn('xixia');
    const all = await admin.get(`/api/policy-runs/${runs.body[0].id}/candidates?pageSize=100`);
    const mine = await xixia.get(`/api/policy-runs/${runs.body[0].id}/candidates?pageSize=100`);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeLessThan(all.body.total);
    expect(mine.body.items.every((c: any) => c.regionCode.startsWith('640105'))).toBe(true);
  });

  it('a cancelled run leaves no candidates behind', async () => {
    const { run, wait } = await startRun(ctx.db, systemActor(), {});
    await (await import('./runs/runs.service.js')).cancelRun(ctx.db, systemActor(), run.id).catch(() => undefined);
    await wait;
    const row = await sql<{ status: string; n: number }>`select status, (select count(*)::int from policy_candidates where run_id = ${run.id}) as n from policy_runs where id = ${run.id}`.execute(ctx.db);
    expect(row.rows[0]).toMatchObject({ status: 'cancelled', n: 0 });
  });
});

describe('simulation', () => {
  it('compares a draft with the active version: gained, lost, cost by region and funding source', async () => {
    await admin.post('/api/policies/t-edu/versions', version({
      eligibility: "person.schoolStage == 'primary'", benefit: { kind: 'fixed', amountFen: 80000 },
      funding: [{ source: '工会经费', shareBp: 6000 }, { source: '市财政', shareBp: 4000 }],
      quotas: [{ regionCode: '640100', quota: 1, budgetFen: 10_000_000 }],
    }));
    const detail = await admin.get('/api/policies/t-edu');
    const latest = detail.body.versions[0].version;
    const started = await admin.post(`/api/policies/t-edu/versions/${latest}/simulate`, {});
    expect(started.status).toBe(200);
    const run = await pollUntil(async () => (await admin.get(`/api/policy-runs/${started.body.id}`)).body, (r) => r.status !== 'running');
    expect(run.error).toBeNull();
    expect(run.status).toBe('completed');
    const summary = (await admin.get(`/api/policy-runs/${run.id}/simulation`)).body;
    expect(summary.current.eligible).toBe(8);
    expect(summary.lost).toBe(summary.current.eligible - summary.draft.eligible);
    expect(summary.gained).toBe(0);
    expect(summary.draft.yearlyFen).toBe(summary.draft.eligible * 80000);
    expect(summary.byFunding.find((f: any) => f.source === '市财政').draftYearlyFen).toBe(summary.draft.yearlyFen * 0.4);
    expect(summary.byRegion.reduce((n: number, r: any) => n + r.draftEligible, 0)).toBe(summary.draft.eligible);
    expect(summary.quotas).toEqual([{ regionCode: '640100', quota: 1, budgetFen: 10_000_000, draftEligible: summary.draft.eligible, draftYearlyFen: summary.draft.yearlyFen, overQuota: true, overBudget: false }]);
  });
});
