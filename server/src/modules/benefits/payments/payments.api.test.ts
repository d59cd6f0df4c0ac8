/** Payment runs over HTTP: a monthly run, idempotence in code and in the database, the append-only ledger, approval, budgets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.js';

let ctx: TestContext;
let admin: Client;
let policy: Client;
let finance: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  [admin, policy, finance] = await Promise.all(['admin', 'policy', 'finance'].map((u) => ctx.signIn(u)));
});
afterAll(async () => ctx?.close());

const sum = (items: Array<{ amountFen: number }>) => items.reduce((n, i) => n + i.amountFen, 0);

describe('a monthly payment run', () => {
  let runId: number;

  it('pays the 工会暖心卡 to the 10 demo households at 200 yuan, and adds up by policy and by source', async () => {
    const res = await policy.post('/api/payment-runs', { period: '2026-05' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created).toBe(true);
    runId = res.body.runId;
    const card = res.body.byPolicy.find((p: { code: string }) => p.code === 'nx-union-warm-card');
    expect(card).toEqual({ code: 'nx-union-warm-card', name: '工会暖心卡', lines: 10, amountFen: 200000 });
    expect(sum(res.body.byPolicy)).toBe(res.body.amountFen);
    expect(sum(res.body.bySource)).toBe(res.body.amountFen);
    expect(res.body.lines).toBe(res.body.byPolicy.reduce((n: number, p: { lines: number }) => n + p.lines, 0));
    // The medical grant (once) is paid in full, split by hand 3 : 1 : 1.
    const sources = Object.fromEntries(res.body.bySource.map((s: { source: string; amountFen: number }) => [s.source, s.amountFen]));
    expect(sources).toMatchObject({ 银川市总工会: 3_000_000, 西夏区总工会: 1_000_000, 中国人寿银川分公司: 1_000_000 });
    expect(res.body.run.status).toBe('draft');
    // Heads have accounts in the demo; the disabled member's subsidies go to his head's account too.
    expect(res.body.run.missingAccounts).toBe(0);
  });

  it('returns the same run, unchanged, when asked again', async () => {
    const again = await policy.post('/api/payment-runs', { period: '2026-05' });
    expect(again.body).toMatchObject({ created: false, runId, lines: (await policy.get(`/api/payment-runs/${runId}`)).body.lineCount });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from payment_lines where period in ('2026-05', 'once')`.execute(ctx.db);
    expect(rows[0]!.n).toBe(again.body.lines);
  });

  it('is refused by the database itself when a line would pay a period twice, or the ledger would change', async () => {
    const line = (await sql<{ id: number }>`select id from payment_lines where run_id = ${runId} and period = '2026-05' limit 1`.execute(ctx.db)).rows[0]!;
    await expect(sql`insert into payment_lines (run_id, household_id, enrollment_id, policy_id, region_code, period, kind, amount_fen)
      select run_id, household_id, enrollment_id, policy_id, region_code, period, kind, amount_fen from payment_lines where id = ${line.id}`.execute(ctx.db))
      .rejects.toThrow(/payment_lines_once_per_period_idx/);
    await expect(sql`update payment_lines set amount_fen = amount_fen + 1 where id = ${line.id}`.execute(ctx.db)).rejects.toThrow(/ledger/);
    await expect(sql`delete from payment_lines where id = ${line.id}`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`update payment_line_funds set amount_fen = 0 where line_id = ${line.id}`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('has nothing to add for a period already paid: a clear error, and no run is made', async () => {
    const before = (await policy.get('/api/payment-runs')).body.length;
    const again = await policy.post('/api/payment-runs', { period: '2026-05', policyCodes: ['nx-union-warm-card'] });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(`2026-05 没有需要发放的明细（已发放或无人享受，已有批次 #${runId}）`);
    expect((await policy.get('/api/payment-runs')).body.length).toBe(before);
  });

  it('is approved by someone other than its maker, then released as a batch that declares its count and total', async () => {
    expect((await policy.post(`/api/payment-runs/${runId}/approve`, {})).status).toBe(403);
    const approved = await finance.post(`/api/payment-runs/${runId}/approve`, {});
    expect(approved.body.status).toBe('approved');
    const released = await finance.post(`/api/payment-runs/${runId}/release`);
    expect(released.body.status).toBe('released');
    expect(released.body.declaredLines).toBe(released.body.lineCount);
    expect(released.body.declaredFen).toBe(released.body.amountFen);
    const checks = await policy.get('/api/ledger/check');
    expect(checks.body.every((c: { ok: boolean }) => c.ok), JSON.stringify(checks.body)).toBe(true);
  });

  it('when rejected voids its lines, and the period can be run again', async () => {
    const made = await policy.post('/api/payment-runs', { period: '2026-06' });
    const rejected = await finance.post(`/api/payment-runs/${made.body.runId}/reject`, { reason: '金额待核实' });
    expect(rejected.body.status).toBe('rejected');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from payment_lines where run_id = ${made.body.runId} and status <> 'void'`.execute(ctx.db);
    expect(rows[0]!.n).toBe(0);
    const again = await policy.post('/api/payment-runs', { period: '2026-06' });
    expect(again.body).toMatchObject({ created: true, lines: made.body.lines, amountFen: made.body.amountFen });
    expect(again.body.runId).not.toBe(made.body.runId);
  });

  it('warns before it overspends a budget, and approval needs the warning acknowledged', async () => {
    await policy.put('/api/budgets', { source: '工会经费', year: 2026, regionCode: '640100', budgetFen: 100_000 });
    await sql`delete from bank_accounts where person_id = (select id from persons where name = '王建国')`.execute(ctx.db);
    const made = await policy.post('/api/payment-runs', { period: '2026-07' });
    // 王建国's household is paid the warm card (and its members' aid) into his account, which is gone.
    expect(made.body.run.missingAccounts).toBeGreaterThanOrEqual(1);
    expect(made.body.run.warnings[0]).toMatchObject({ source: '工会经费', regionCode: '640100', budgetFen: 100_000 });
    const blunt = await finance.post(`/api/payment-runs/${made.body.runId}/approve`, {});
    expect(blunt.status).toBe(400);
    expect(blunt.body.error.field).toBe('acknowledgeOverspend');
    expect((await finance.post(`/api/payment-runs/${made.body.runId}/approve`, { acknowledgeOverspend: true })).body.status).toBe('approved');
    const use = await policy.get('/api/budgets?year=2026');
    const union = use.body.find((b: { source: string }) => b.source === '工会经费');
    expect(union.usedFen).toBeGreaterThan(union.budgetFen);
  });

  it('settles goods given in kind with the release, outside the bank file', async () => {
    const householdId = (await sql<{ id: number }>`select h.id from households h join persons p on p.id = h.head_person_id where p.name = '马明'`.execute(ctx.db)).rows[0]!.id;
    const caseworker = await ctx.signIn('caseworker');
    const applied = await caseworker.post('/api/enrollments', { policyCode: 'nx-union-special-medical-grant', householdId, personId: null, startedOn: '2026-08-03',
      reason: '患儿术后康复', amountFen: 260000, inKind: '康复轮椅一台' });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    await policy.post(`/api/enrollments/${applied.body.id}/review`, { approve: true });
    expect((await admin.post(`/api/enrollments/${applied.body.id}/approve`, { approve: true })).body.status).toBe('active');
    const made = await policy.post('/api/payment-runs', { period: '2026-08', policyCodes: ['nx-union-special-medical-grant', 'nx-union-warm-card'] });
    await finance.post(`/api/payment-runs/${made.body.runId}/approve`, { acknowledgeOverspend: true });
    const released = (await finance.post(`/api/payment-runs/${made.body.runId}/release`)).body;
    expect(released.declaredLines).toBe(10);
    expect(released.declaredFen).toBe(200000);
    const goods = (await policy.get(`/api/payment-runs/${made.body.runId}/lines?policyCode=nx-union-special-medical-grant`)).body.items;
    expect(goods).toMatchObject([{ amountFen: 260000, status: 'paid', period: 'once' }]);
  });

  it('is handled only by people whose data scope covers the whole batch', async () => {
    const role = await admin.post('/api/roles', { code: 'district_finance', name: '区财务（本部门）', permissions: ['payment:read', 'payment:approve', 'payment:run'], dataScope: 'dept' });
    expect(role.status).toBe(200);
    const { addUser } = await import('../test-support.js');
    await addUser(ctx, 'district-finance', ['district_finance'], '西夏区总工会');
    const district = await ctx.signIn('district-finance');
    const made = await policy.post('/api/payment-runs', { period: '2026-09' });
    for (const [url, body] of [[`/api/payment-runs/${made.body.runId}/approve`, {}], ['/api/payment-runs', { period: '2026-10' }]] as const) {
      const refused = await district.post(url, body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('全部数据');
    }
  });

  it('refuses a period in a bad format, too far ahead, or an unknown policy', async () => {
    expect((await policy.post('/api/payment-runs', { period: '2026-13' })).status).toBe(400);
    const ahead = await policy.post('/api/payment-runs', { period: '2030-01' });
    expect(ahead.status).toBe(400);
    expect(ahead.body.error.field).toBe('period');
    const unknown = await policy.post('/api/payment-runs', { period: '2026-05', policyCodes: ['no-such-policy'] });
    expect(unknown.body.error.field).toBe('policyCodes');
    expect((await admin.post('/api/payment-runs', { period: '2026-05', policyCodes: ['nx-union-heating'] })).status).toBe(400);
  });
});
