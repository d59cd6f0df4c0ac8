/** The enrollment life cycle over HTTP: each step by its own person, with who, when, why and the evaluation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { addUser, createTestPolicy, householdOf } from './test-support.js';

let ctx: TestContext;
let admin: Client;
let caseworker: Client;
let policy: Client;
let policy2: Client;
let xixia: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  await addUser(ctx, 'policy2', ['policy_admin']);
  [admin, caseworker, policy, policy2, xixia] = await Promise.all(['admin', 'caseworker', 'policy', 'policy2', 'xixia'].map((u) => ctx.signIn(u)));
  await createTestPolicy(admin, ctx, 't-card', 15000, '2026-01-01');
});
afterAll(async () => ctx?.close());

describe('an application', () => {
  it('goes through review and approval, each step recorded with who, why and the evaluation', async () => {
    const householdId = await householdOf(ctx, '王建国');
    const applied = await caseworker.post('/api/enrollments', { policyCode: 't-card', householdId, personId: null, startedOn: '2026-06-01', reason: '入户核实' });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ status: 'applied', awaiting: 'review', amountFen: 15000, source: '申请' });
    expect((applied.body.evaluation as { eligible: boolean }).eligible).toBe(true);
    const id = applied.body.id;

    const own = await caseworker.post(`/api/enrollments/${id}/review`, { approve: true });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('separation_of_duties');
    expect((await policy.post(`/api/enrollments/${id}/review`, { approve: true })).body.status).toBe('reviewed');
    expect((await policy.post(`/api/enrollments/${id}/approve`, { approve: true })).status).toBe(403);
    const approved = await admin.post(`/api/enrollments/${id}/approve`, { approve: true, reason: '符合条件' });
    expect(approved.body).toMatchObject({ status: 'active', awaiting: null });
    expect(approved.body.terms).toEqual([{ validFrom: '2026-06-01', validTo: null, amountFen: 15000, versionId: expect.any(Number), version: 1 }]);
    expect(approved.body.events.map((e: { action: string; actorName: string }) => [e.action, e.actorName])).toEqual([
      ['applied', '银川市总工会 帮扶干部 陈静'], ['reviewed', '银川市总工会 政策管理员'], ['approved', expect.any(String)],
    ]);
    expect(approved.body.events[2].reason).toBe('符合条件');

    const household = await caseworker.get(`/api/households/${householdId}/enrollments`);
    expect(household.body.map((e: { policyCode: string }) => e.policyCode)).toContain('t-card');
    const again = await caseworker.post('/api/enrollments', { policyCode: 't-card', householdId, personId: null, startedOn: '2026-07-01' });
    expect(again.status).toBe(409);
  });

  it('needs two different approvers when the policy asks for two levels', async () => {
    expect((await admin.put('/api/policies/t-card/approval-levels', { levels: 2 })).status).toBe(200);
    const householdId = await householdOf(ctx, '刘芳');
    const applied = await caseworker.post('/api/enrollments', { policyCode: 't-card', householdId, personId: null, startedOn: '2026-06-01' });
    expect(applied.body.approvalLevels).toBe(2);
    await policy.post(`/api/enrollments/${applied.body.id}/review`, { approve: true });
    const first = await admin.post(`/api/enrollments/${applied.body.id}/approve`, { approve: true });
    expect(first.body).toMatchObject({ status: 'first_approved', awaiting: 'final_approval' });
    expect((await admin.post(`/api/enrollments/${applied.body.id}/approve`, { approve: true })).status).toBe(403);
    const second = await policy2.post(`/api/enrollments/${applied.body.id}/approve`, { approve: true });
    expect(second.body.status).toBe('active');
    const inbox = await policy.get('/api/enrollments?awaiting=approval');
    expect(inbox.body.items.some((e: { id: number }) => e.id === applied.body.id)).toBe(false);
    await admin.put('/api/policies/t-card/approval-levels', { levels: 1 });
  });

  it('is rejected only with a reason, and can then be made again', async () => {
    const householdId = await householdOf(ctx, '马明');
    const applied = await caseworker.post('/api/enrollments', { policyCode: 't-card', householdId, personId: null, startedOn: '2026-06-01' });
    const bare = await policy.post(`/api/enrollments/${applied.body.id}/review`, { approve: false });
    expect(bare.status).toBe(400);
    expect(bare.body.error.field).toBe('reason');
    const rejected = await policy.post(`/api/enrollments/${applied.body.id}/review`, { approve: false, reason: '收入超过标准' });
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.events.at(-1)).toMatchObject({ action: 'rejected', reason: '收入超过标准' });
    expect((await caseworker.post('/api/enrollments', { policyCode: 't-card', householdId, personId: null, startedOn: '2026-07-01' })).status).toBe(200);
  });

  it('needs a reason when the rule says the subject does not qualify', async () => {
    await createTestPolicy(admin, ctx, 't-nobody', 100, '2026-01-01', 'household.size > 50');
    const householdId = await householdOf(ctx, '王建国');
    const res = await caseworker.post('/api/enrollments', { policyCode: 't-nobody', householdId, personId: null, startedOn: '2026-06-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('不符合条件');
  });

  it('from a candidate list hands the candidate over to the enrollment', async () => {
    const run = await policy.post('/api/policy-runs', { policyCodes: ['nx-union-utilities'] });
    await expect.poll(async () => (await policy.get(`/api/policy-runs/${run.body.id}`)).body.status, { timeout: 30_000 }).toBe('completed');
    const list = await caseworker.get(`/api/policy-runs/${run.body.id}/candidates?kind=add`);
    expect(list.body.items.length).toBe(2);
    const candidate = list.body.items[0];
    const applied = await caseworker.post('/api/enrollments', { policyCode: 'nx-union-utilities', householdId: candidate.householdId, personId: null, startedOn: '2026-01-01', candidateId: candidate.id });
    expect(applied.body.source).toBe('政策找人');
    const { rows } = await sql<{ decision: string; handoff_status: string }>`select decision, handoff_status from policy_candidates where id = ${candidate.id}`.execute(ctx.db);
    expect(rows[0]).toEqual({ decision: 'apply', handoff_status: 'taken' });
    // The application is being handled: the next run does not list the household again.
    const rerun = await policy.post('/api/policy-runs', { policyCodes: ['nx-union-utilities'] });
    await expect.poll(async () => (await policy.get(`/api/policy-runs/${rerun.body.id}`)).body.status, { timeout: 30_000 }).toBe('completed');
    const again = await caseworker.get(`/api/policy-runs/${rerun.body.id}/candidates?kind=add`);
    expect(again.body.items.map((c: { householdId: number }) => c.householdId)).toEqual([list.body.items[1].householdId]);
  });

  it('is out of reach outside the data scope', async () => {
    const { rows } = await sql<{ id: number }>`select e.id from enrollments e join households h on h.id = e.household_id
      join organisations o on o.id = h.org_id where o.name = '兴庆区总工会' limit 1`.execute(ctx.db);
    expect((await xixia.get(`/api/enrollments/${rows[0]!.id}`)).status).toBe(404);
    expect((await xixia.post(`/api/enrollments/${rows[0]!.id}/stop`, { endedOn: '2026-06-01', reason: '测试' })).status).toBe(404);
    const list = await xixia.get('/api/enrollments?pageSize=200');
    expect(list.body.items.some((e: { id: number }) => e.id === rows[0]!.id)).toBe(false);
  });

  it('is suspended and resumed, each a term of its own', async () => {
    const householdId = await householdOf(ctx, '王建国');
    const { rows } = await sql<{ id: number }>`select e.id from enrollments e join policies p on p.id = e.policy_id
      where p.code = 't-card' and e.household_id = ${householdId} and e.status = 'active'`.execute(ctx.db);
    const id = rows[0]!.id;
    const suspended = await caseworker.post(`/api/enrollments/${id}/suspend`, { from: '2026-08-01', reason: '外出务工，暂停核查' });
    expect(suspended.body.status).toBe('suspended');
    const resumed = await caseworker.post(`/api/enrollments/${id}/resume`, { from: '2026-09-01', reason: '核查完毕' });
    expect(resumed.body.status).toBe('active');
    expect(resumed.body.terms.map((t: { validFrom: string; amountFen: number }) => [t.validFrom, t.amountFen])).toEqual([
      ['2026-06-01', 15000], ['2026-08-01', 0], ['2026-09-01', 15000],
    ]);
  });
});

describe('applications by import', () => {
  async function upload(client: Client, csv: string) {
    const boundary = '----huimin-import';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="applications.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.from(csv, 'utf8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return client.send('POST', '/api/enrollments/import', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }
  const idOf = async (name: string) => (await sql<{ id_number: string }>`select id_number from persons where name = ${name}`.execute(ctx.db)).rows[0]!.id_number;

  it('rejects the whole file on any bad row, naming row and field, and writes nothing', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from enrollments`.execute(ctx.db)).rows[0]!.n;
    const good = await idOf('周红');
    const bad = `${good.slice(0, 17)}${good.endsWith('1') ? '2' : '1'}`;
    const csv = ['身份证号,政策编码,开始日期,金额（元）,理由', `${good},t-card,2026-07-01,,`, `${bad},t-card,2026-07-01,,`,
      `${good},t-card,2026-07-01,,`, `${await idOf('孙海燕')},no-such,2026-13-01,,`, `${await idOf('孙海燕')},nx-union-special-medical-grant,2026-07-01,12.345,`].join('\n');
    const res = await upload(caseworker, csv);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('未导入任何申请');
    const problems = res.body.error.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`);
    expect(problems).toEqual(expect.arrayContaining(['3:身份证号', '4:身份证号', '5:政策编码', '5:开始日期', '6:金额']));
    expect((await sql<{ n: number }>`select count(*)::int as n from enrollments`.execute(ctx.db)).rows[0]!.n).toBe(before);
  });

  it('makes one application per good row, each waiting for review', async () => {
    const csv = ['身份证号,政策编码,开始日期,理由', `${await idOf('周红')},t-card,2026-07-01,街道报送`, `${await idOf('孙海燕')},t-card,2026-07-01,街道报送`].join('\n');
    const res = await upload(caseworker, csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 2 });
    const inbox = await policy.get('/api/enrollments?awaiting=review&policyCode=t-card');
    expect(inbox.body.items.filter((e: { source: string }) => e.source === '导入')).toHaveLength(2);
  });
});
