/** Yearly assessments: one per household and year with history, checked input, data scope, and the seed's counts by cause. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';

let ctx: TestContext;
let caseworker: Client;
let xixia: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  [caseworker, xixia] = await Promise.all(['caseworker', 'xixia'].map((u) => ctx.signIn(u)));
});
afterAll(async () => ctx?.close());

const householdOf = async (head: string) =>
  (await sql<{ id: number }>`select h.id from households h join persons p on p.id = h.head_person_id where p.name = ${head}`.execute(ctx.db)).rows[0]!.id;

describe('assessments', () => {
  it('give the seed documents’ counts by hardship cause', async () => {
    const res = await caseworker.get('/api/assessments/causes?year=2026');
    expect(Object.fromEntries(res.body.map((c: { cause: string; households: number }) => [c.cause, c.households]))).toEqual({
      single_parent_widowed: 5, illness_disability: 3, education_burden: 2,
    });
    expect(res.body.find((c: { cause: string }) => c.cause === 'illness_disability').label).toBe('大病或残疾');
    // 西夏区's union sees its own households only.
    const own = await xixia.get('/api/assessments/causes?year=2026');
    expect(own.body.reduce((n: number, c: { households: number }) => n + c.households, 0)).toBeLessThan(10);
  });

  it('is one per household and year: a reassessment replaces it (audited), earlier years stay as history', async () => {
    const id = await householdOf('周红');
    const body = { causes: [{ cause: 'single_parent_widowed', severity: 'severe' }, { cause: 'unemployment', severity: 'moderate', note: '超市闭店' }], needs: ['employment', 'living'], summary: '户主失业', assessedOn: '2026-09-01' };
    const again = await caseworker.put(`/api/households/${id}/assessments/2026`, body);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ year: 2026, causes: [{ cause: 'single_parent_widowed', severity: 'severe' }, { cause: 'unemployment', note: '超市闭店' }], assessedByName: '银川市总工会 帮扶干部 陈静' });
    expect((await caseworker.put(`/api/households/${id}/assessments/2025`, { ...body, assessedOn: '2025-03-01' })).status).toBe(200);
    const history = await caseworker.get(`/api/households/${id}/assessments`);
    expect(history.body.map((a: { year: number }) => a.year)).toEqual([2026, 2025]);
    const { rows } = await sql<{ action: string }>`select action from audit_log where action like 'plan.%' and entity_type = 'household' and entity_id = ${String(id)} order by id`.execute(ctx.db);
    expect(rows.map((r) => r.action)).toEqual(['plan.assessed', 'plan.reassessed', 'plan.assessed']);
  });

  it('refuses a future year, a date outside the year, a cause twice, and unknown words, saving nothing', async () => {
    const id = await householdOf('李强');
    const good = { causes: [{ cause: 'single_parent_widowed', severity: 'moderate' }], needs: [], summary: null, assessedOn: '2026-02-01' };
    const future = await caseworker.put(`/api/households/${id}/assessments/2027`, { ...good, assessedOn: '2027-01-05' });
    expect(future.status).toBe(400);
    expect(future.body.error.problems.map((p: { field: string }) => p.field)).toContain('year');
    const twice = await caseworker.put(`/api/households/${id}/assessments/2026`, { ...good, causes: [good.causes[0], good.causes[0]], assessedOn: '2025-12-31' });
    expect(twice.body.error.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['causes', 'assessedOn']));
    expect((await caseworker.put(`/api/households/${id}/assessments/2026`, { ...good, causes: [{ cause: 'bad-luck', severity: 'mild' }] })).status).toBe(400);
    const history = await caseworker.get(`/api/households/${id}/assessments`);
    expect(history.body.map((a: { summary: string }) => a.summary)).toEqual(['单亲或丧偶，独自抚养子女']);
  });

  it('is out of reach outside the data scope', async () => {
    const id = await householdOf('马明');
    expect((await xixia.get(`/api/households/${id}/assessments`)).status).toBe(404);
    expect((await xixia.put(`/api/households/${id}/assessments/2026`, { causes: [{ cause: 'other', severity: 'mild' }], needs: [], summary: null, assessedOn: '2026-02-01' })).status).toBe(404);
  });
});
