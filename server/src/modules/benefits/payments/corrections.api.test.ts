/**
 * Back pay and recovery (补发 / 追回): a backdated start across a policy version change is paid
 * for every past period at the rate then in force; a death reported after two more payments,
 * and a stop dated before the start, are recovered; each correction waits for a caseworker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.js';
import { systemActor } from '../../../kernel/auth/actor.js';
import { recordFact } from '../../registry/facts.service.js';
import { adoptNewVersion, createTestPolicy, enrol, householdOf } from '../test-support.js';

let ctx: TestContext;
let admin: Client;
let caseworker: Client;
let policy: Client;
let finance: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  [admin, caseworker, policy, finance] = await Promise.all(['admin', 'caseworker', 'policy', 'finance'].map((u) => ctx.signIn(u)));
  // 100 yuan a month from 2025, raised to 120 yuan from 2026.
  await createTestPolicy(admin, ctx, 't-allowance', 10000, '2025-01-01');
  await adoptNewVersion(admin, 't-allowance', 12000, '2026-01-01');
});
afterAll(async () => ctx?.close());

const clients = () => ({ apply: caseworker, review: policy, approve: admin });

/** The period's run for the test policy, and its lines for one household. */
async function run(period: string, householdId: number): Promise<{ runId: number; lines: Array<{ id: number; period: string; kind: string; amountFen: number; reason: string | null; reviewStatus: string | null }> }> {
  const made = await policy.post('/api/payment-runs', { period, policyCodes: ['t-allowance'] });
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  const lines = await policy.get(`/api/payment-runs/${made.body.runId}/lines?pageSize=200&householdId=${householdId}`);
  return { runId: made.body.runId, lines: lines.body.items };
}

async function acceptAndApprove(runId: number, lineIds: number[]): Promise<void> {
  if (lineIds.length) {
    const blocked = await finance.post(`/api/payment-runs/${runId}/approve`, {});
    expect(blocked.status).toBe(409);
    const reviewed = await caseworker.post(`/api/payment-runs/${runId}/review`, { lineIds, accept: true });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
  }
  const approved = await finance.post(`/api/payment-runs/${runId}/approve`, { acknowledgeOverspend: true });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
}

const shape = (lines: Awaited<ReturnType<typeof run>>['lines']) => lines.map((l) => [l.period, l.kind, l.amountFen]).sort();

describe('a start recorded late', () => {
  it('pays arrears for each past period under the version then in force, after review', async () => {
    const householdId = await householdOf(ctx, '周红');
    await enrol(clients(), { policyCode: 't-allowance', householdId, startedOn: '2025-11-01', reason: '残疾证补登，自2025年11月起享受' });
    const { runId, lines } = await run('2026-03', householdId);
    expect(shape(lines)).toEqual([
      ['2025-11', 'arrears', 10000], ['2025-12', 'arrears', 10000], ['2026-01', 'arrears', 12000], ['2026-02', 'arrears', 12000], ['2026-03', 'regular', 12000],
    ]);
    const arrears = lines.filter((l) => l.kind === 'arrears');
    expect(arrears.every((l) => l.reviewStatus === 'pending' && l.reason!.startsWith('补发'))).toBe(true);
    expect(arrears[0]!.reason).toContain('残疾证补登');
    await acceptAndApprove(runId, arrears.map((l) => l.id));
    // Settled: the next month has only its regular line.
    expect(shape((await run('2026-04', householdId)).lines)).toEqual([['2026-04', 'regular', 12000]]);
  });
});

describe('a death reported after two more payments', () => {
  it('recovers what was paid after the date of death, prorated to the day', async () => {
    const householdId = await householdOf(ctx, '袁卫东');
    const id = await enrol(clients(), { policyCode: 't-allowance', householdId, startedOn: '2026-01-01' });
    for (const period of ['2026-03', '2026-04']) {
      // Runs for these periods exist already (for the first household); a new request key pays the new enrollment.
      const made = await policy.post('/api/payment-runs', { period, policyCodes: ['t-allowance'], note: `第二户 ${period}` });
      expect(made.body.created).toBe(false);
    }
    const catchUp = await run('2026-05', householdId);
    // Never paid for January to April: arrears for each.
    expect(shape(catchUp.lines)).toEqual([
      ['2026-01', 'arrears', 12000], ['2026-02', 'arrears', 12000], ['2026-03', 'arrears', 12000], ['2026-04', 'arrears', 12000], ['2026-05', 'regular', 12000],
    ]);
    await acceptAndApprove(catchUp.runId, catchUp.lines.filter((l) => l.kind !== 'regular').map((l) => l.id));

    const stopped = await caseworker.post(`/api/enrollments/${id}/stop`, { endedOn: '2026-03-10', reason: '死亡（火化记录补报）' });
    expect(stopped.body.status).toBe('stopped');
    const { runId, lines } = await run('2026-06', householdId);
    // March: 9 of 31 days were owed (3,484 fen); April and May not at all.
    expect(shape(lines)).toEqual([['2026-03', 'recovery', -(12000 - 3484)], ['2026-04', 'recovery', -12000], ['2026-05', 'recovery', -12000]]);
    expect(lines.every((l) => l.reason!.startsWith('追回') && l.reason!.includes('死亡'))).toBe(true);
    await acceptAndApprove(runId, lines.map((l) => l.id));
    // Recovery is collected outside the bank batch; finance records it when it comes in.
    const released = await finance.post(`/api/payment-runs/${runId}/release`);
    expect(released.body.status).toBe('released');
    expect((await finance.post(`/api/payment-runs/${runId}/recovered`, { lineIds: lines.map((l) => l.id) })).status).toBe(200);
    const settled = (await policy.get(`/api/payment-runs/${runId}/lines?pageSize=50&householdId=${householdId}`)).body.items;
    expect(settled.map((l: { status: string }) => l.status)).toEqual(['paid', 'paid', 'paid']);
    const checks = await policy.get('/api/ledger/check');
    expect(checks.body.every((c: { ok: boolean }) => c.ok), JSON.stringify(checks.body)).toBe(true);
  });
});

describe('a stop dated before the start', () => {
  it('recovers the whole of what was paid, and a declined correction is void and not raised again', async () => {
    const householdId = await householdOf(ctx, '赵丽娟');
    const id = await enrol(clients(), { policyCode: 't-allowance', householdId, startedOn: '2026-06-16' });
    const first = await run('2026-07', householdId);
    // June: 15 of 30 days, back paid; July in full.
    expect(shape(first.lines)).toEqual([['2026-06', 'arrears', 6000], ['2026-07', 'regular', 12000]]);
    await acceptAndApprove(first.runId, first.lines.filter((l) => l.kind === 'arrears').map((l) => l.id));

    await caseworker.post(`/api/enrollments/${id}/stop`, { endedOn: '2026-06-01', reason: '申请时已不符合条件' });
    const second = await run('2026-08', householdId);
    const mine = second.lines;
    expect(shape(mine)).toEqual([['2026-06', 'recovery', -6000], ['2026-07', 'recovery', -12000]]);
    const declined = await caseworker.post(`/api/payment-runs/${second.runId}/review`, { lineIds: mine.map((l) => l.id), accept: false, reason: '经核实，已另行处理' });
    expect(declined.body.pendingReview).toBe(0);
    expect(shape((await run('2026-09', householdId)).lines)).toEqual([]);
  });
});

describe('a fact recorded late, across a policy version change', () => {
  it('recomputes from the fact’s date: arrears for each month at the tier of the version then in force', async () => {
    // Tiered by 低保: 300 / 100 yuan a month in 2025, 360 / 120 from 2026.
    const tiered = (dibao: number, other: number) => ({ kind: 'tiered', by: 'household.assistanceStatus', tiers: [{ equals: 'dibao', amountFen: dibao }], otherwiseFen: other });
    await createTestPolicy(admin, ctx, 't-tiered', 10000, '2025-01-01');
    const current = (await admin.get('/api/policies/t-tiered')).body.versions[0];
    const { id: _id, policyId: _p, version: _v, status: _s, createdBy: _c, createdByName: _n, createdAt: _a, adoptedAt: _d, ...input } = current;
    for (const [from, dibao, other] of [['2025-01-01', 30000, 10000], ['2026-01-01', 36000, 12000]] as const) {
      const made = await admin.post('/api/policies/t-tiered/versions', { ...input, benefit: tiered(dibao, other), effectiveFrom: from });
      expect((await admin.post(`/api/policies/t-tiered/versions/${made.body.version}/adopt`)).status).toBe(200);
    }
    const householdId = await householdOf(ctx, '孙海燕');
    const id = await enrol(clients(), { policyCode: 't-tiered', householdId, startedOn: '2025-10-01' });
    for (const period of ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02']) {
      const made = await policy.post('/api/payment-runs', { period, policyCodes: ['t-tiered'] });
      expect(made.body.amountFen, period).toBe(period < '2026' ? 10000 : 12000);
    }
    // The civil-affairs roll, entered in March, says the household has been on 低保 since 15 November.
    await recordFact(ctx.db, systemActor(), { householdId, kind: 'assistance_status', value: { status: 'dibao' }, source: '民政低保名册（补录）', validFrom: '2025-11-15' });
    const recomputed = await caseworker.post(`/api/enrollments/${id}/recompute`, { from: '2025-11-15', reason: '低保身份补录，自2025年11月15日起' });
    expect(recomputed.body.terms.map((t: { validFrom: string; amountFen: number; version: number }) => [t.validFrom, t.amountFen, t.version])).toEqual([
      ['2025-10-01', 10000, 2], ['2025-11-15', 30000, 2], ['2026-01-01', 36000, 3],
    ]);
    const made = await policy.post('/api/payment-runs', { period: '2026-03', policyCodes: ['t-tiered'] });
    const lines = (await policy.get(`/api/payment-runs/${made.body.runId}/lines?pageSize=50&householdId=${householdId}`)).body.items;
    // November: 14 days at 100 and 16 at 300 over 30 days = 206.67, of which 100 was paid.
    expect(shape(lines)).toEqual([
      ['2025-11', 'arrears', 20667 - 10000], ['2025-12', 'arrears', 20000], ['2026-01', 'arrears', 24000], ['2026-02', 'arrears', 24000], ['2026-03', 'regular', 36000],
    ]);
  });
});
