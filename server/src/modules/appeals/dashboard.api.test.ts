/**
 * 诉求分析: the dashboard's figures, checked exactly on a small scene — appeals taken in through
 * the hotline, then placed in time and state with SQL — within the reader's data scope, on
 * Beijing days, with bad dates refused by field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { systemActor } from '../../kernel/auth/actor.js';
import { createUser } from '../users/users.service.js';
import type { AppealDashboard } from '../../contracts/appeals-dashboard.js';

let ctx: TestContext;
let hotline: Client;
let district: Client;
let finance: Client;
const ids: Record<string, number> = {};

const XIXIA = '640105002003'; // 西夏区 北京西路街道 金波路社区
const XINGQING = '640104006001'; // 兴庆区
const JINFENG = '640106005002'; // 金凤区
const CITY = '640100'; // 银川市 itself: no district
const DAWUKOU = '640202'; // 石嘴山市 大武口区: outside 银川, no dispatch rule

interface Placement {
  created: string;
  status?: string;
  due?: string | 'future' | null;
  replied?: string;
  escalated?: string;
  /** Whether its reply was drafted in time; by default, when it was not escalated on its clock. */
  inTime?: boolean;
  clock?: string;
  satisfaction?: 'satisfied' | 'unsatisfied' | 'unreachable';
  mergedInto?: string;
}

/** Takes the appeal in through the API (as the hotline does), then sets its history with SQL. */
async function appeal(key: string, categoryCode: string, regionCode: string, at: Placement): Promise<void> {
  const taken = await hotline.post('/api/appeals', { categoryCode, description: `诉求 ${key}`, address: null, regionCode, contactName: null, contactPhone: null });
  expect(taken.status, JSON.stringify(taken.body)).toBe(201);
  const id = taken.body.id as number;
  ids[key] = id;
  const due = at.due === 'future' ? sql`now() + interval '2 days'` : at.due === undefined ? sql`due_at` : sql`${at.due}::timestamptz`;
  await sql`update appeals set created_at = ${at.created}::timestamptz, clock_started_at = ${at.clock ?? at.created}::timestamptz,
      status = coalesce(${at.status ?? null}, status), due_at = ${due}, replied_at = ${at.replied ?? null}::timestamptz,
      escalated_at = ${at.escalated ?? null}::timestamptz, replied_in_time = ${at.replied ? (at.inTime ?? !at.escalated) : null}, satisfaction = ${at.satisfaction ?? null},
      closed_at = case when ${at.status ?? null}::text = 'closed' then coalesce(${at.replied ?? null}::timestamptz, now()) end,
      merged_into = ${at.mergedInto ? ids[at.mergedInto]! : null},
      responsible_org_id = case when ${at.status ?? null}::text = 'received' then null else responsible_org_id end
    where id = ${id}`.execute(ctx.db);
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  hotline = await ctx.signIn('hotline');
  finance = await ctx.signIn('finance');
  // A 西夏区 caseworker whose jurisdiction is the district: sees the appeals located there.
  const org = (await sql<{ id: number }>`select id from organisations where name = '西夏区总工会'`.execute(ctx.db)).rows[0]!.id;
  await createUser(ctx.db, systemActor('test'), { username: 'xixia_district', displayName: '西夏区 帮扶干部', orgId: org, roleCodes: ['caseworker'], regionCode: '640105', password: 'Xixia-district-2026' });
  district = await ctx.signIn('xixia_district', 'Xixia-district-2026');

  // The demo's own appeals came in today, outside the period; the backlog is a snapshot, so they
  // are set aside (closed) to keep every figure here exact whatever the demo holds.
  await sql`update appeals set status = 'closed', closed_at = now(), due_at = null`.execute(ctx.db);
  // The period is 2025-06-01 … 2025-06-07 (Beijing days).
  await appeal('a1', 'city_appearance', XIXIA, { created: '2025-06-01T08:00:00+08:00', status: 'closed', replied: '2025-06-02T10:00:00+08:00', satisfaction: 'satisfied', due: null });
  // 23:30 in Beijing is still 1 June there (15:30 UTC).
  await appeal('a2', 'noise', XIXIA, { created: '2025-06-01T23:30:00+08:00', status: 'closed', replied: '2025-06-03T09:00:00+08:00', escalated: '2025-06-02T23:45:00+08:00', satisfaction: 'unreachable', due: null });
  // 00:10 on 2 June in Beijing is 1 June in UTC.
  await appeal('a3', 'utilities', XINGQING, { created: '2025-06-02T00:10:00+08:00', status: 'in_progress', due: '2025-06-03T00:10:00+08:00' });
  await appeal('a4', 'noise', XINGQING, { created: '2025-06-03T12:00:00+08:00', status: 'dispatched', due: 'future' });
  // Reopened after an unsatisfied call: its first reply no longer stands.
  await appeal('a5', 'social_assistance', JINFENG, { created: '2025-06-05T09:00:00+08:00', status: 'dispatched', replied: '2025-06-06T09:00:00+08:00', satisfaction: 'unsatisfied', due: 'future', clock: '2025-06-06T15:00:00+08:00' });
  await appeal('a6', 'city_appearance', CITY, { created: '2025-06-07T23:59:00+08:00', status: 'replied', replied: '2025-06-07T23:59:30+08:00', due: null });
  await appeal('a7', 'telecom', DAWUKOU, { created: '2025-06-04T10:00:00+08:00' });
  await appeal('a8', 'noise', XIXIA, { created: '2025-06-02T11:00:00+08:00', status: 'merged', mergedInto: 'a3', due: null });
  // Just outside the period, on either side.
  await appeal('a9', 'road_facilities', XIXIA, { created: '2025-05-31T23:59:00+08:00', status: 'in_progress', due: '2025-06-04T00:00:00+08:00' });
  await appeal('a10', 'noise', XINGQING, { created: '2025-06-08T00:00:00+08:00', status: 'received', due: null });
  // Received before the period, replied in it, late.
  await appeal('a11', 'city_appearance', XIXIA, { created: '2025-05-20T10:00:00+08:00', status: 'closed', replied: '2025-06-04T10:00:00+08:00', escalated: '2025-05-25T00:00:00+08:00', satisfaction: 'satisfied', due: null });
});
afterAll(async () => ctx?.close());

const dashboard = (client: Client, query: string) => client.get<AppealDashboard>(`/api/appeals/dashboard?from=2025-06-01&to=2025-06-07${query}`);
const counts = (rows: Array<{ code: string; count: number }>) => Object.fromEntries(rows.map((r) => [r.code, r.count]));

describe('the appeals dashboard', () => {
  it('counts the period of Beijing days in a city, broken down by district, category and day', async () => {
    const { status, body } = await dashboard(hotline, `&regionCode=${CITY}`);
    expect(status).toBe(200);
    expect(body.region).toEqual({ code: CITY, name: '银川市' });
    expect(body.totals).toEqual({ received: 7, open: 3, overdue: 1, replied: 1, closed: 2, merged: 1 });
    expect(body.byCategory).toEqual([
      { code: 'noise', name: '噪声扰民', count: 3 },
      { code: 'city_appearance', name: '市容环境', count: 2 },
      { code: 'social_assistance', name: '困难救助', count: 1 },
      { code: 'utilities', name: '供水供暖', count: 1 },
    ]);
    expect(body.byRegion.map((r) => r.code)).toEqual(['640104', '640105', '640106', '640121', '640122', '640181']);
    expect(counts(body.byRegion)).toEqual({ 640104: 2, 640105: 3, 640106: 1, 640121: 0, 640122: 0, 640181: 0 });
    expect(body.byRegion.find((r) => r.code === '640105')!.name).toBe('西夏区');
    expect(body.regionUnplaced).toBe(1);
    expect(body.byDay).toEqual([
      { day: '2025-06-01', received: 2 },
      { day: '2025-06-02', received: 2 },
      { day: '2025-06-03', received: 1 },
      { day: '2025-06-04', received: 0 },
      { day: '2025-06-05', received: 1 },
      { day: '2025-06-06', received: 0 },
      { day: '2025-06-07', received: 1 },
    ]);
    // Replied in the period and standing: a1 and a6 on time, a2 and a11 escalated on their clock; a5 was reopened.
    expect(body.onTime).toEqual({ replied: 4, onTime: 2, late: 2, rate: 0.5 });
    expect(body.satisfaction).toEqual({ satisfied: 1, unsatisfied: 1, unreachable: 1, rate: 0.5 });
    expect(body.backlog).toEqual({ open: 5, overdue: 2 });
    expect(body.oldestOpen.map((a) => a.id)).toEqual(['a9', 'a3', 'a4', 'a5', 'a10'].map((k) => ids[k]));
    expect(body.oldestOpen[0]).toMatchObject({ status: 'in_progress', categoryName: '道路设施', unitName: '银川市城市管理局', overdue: true });
    expect(new Date(body.oldestOpen[0]!.createdAt).toISOString()).toBe('2025-05-31T15:59:00.000Z');
    expect(body.oldestOpen[0]!.number).toMatch(/^\d{14}$/);
    expect(body.oldestOpen.at(-1)).toMatchObject({ status: 'received', unitName: null, dueAt: null, overdue: false });
  });

  it('without a region, breaks the whole province down by city; a category narrows every figure', async () => {
    const all = (await dashboard(hotline, '')).body;
    expect(all.region).toEqual({ code: '640000', name: '宁夏回族自治区' });
    expect(all.totals).toEqual({ received: 8, open: 4, overdue: 1, replied: 1, closed: 2, merged: 1 });
    expect(counts(all.byRegion)).toMatchObject({ 640100: 7, 640200: 1, 640300: 0 });
    expect(all.regionUnplaced).toBe(0);
    expect(all.byDay.find((d) => d.day === '2025-06-04')!.received).toBe(1);

    const noise = (await dashboard(hotline, `&regionCode=${CITY}&categoryCode=noise`)).body;
    expect(noise.totals).toEqual({ received: 3, open: 1, overdue: 0, replied: 0, closed: 1, merged: 1 });
    expect(noise.byCategory).toEqual([{ code: 'noise', name: '噪声扰民', count: 3 }]);
    expect(noise.onTime).toEqual({ replied: 1, onTime: 0, late: 1, rate: 0 });
    expect(noise.satisfaction).toEqual({ satisfied: 0, unsatisfied: 0, unreachable: 1, rate: null });
    expect(noise.oldestOpen.map((a) => a.id)).toEqual([ids.a4, ids.a10]);
  });

  it('a district user sees only the appeals located in the district', async () => {
    const mine = (await dashboard(district, `&regionCode=${CITY}`)).body;
    expect(mine.totals).toEqual({ received: 3, open: 0, overdue: 0, replied: 0, closed: 2, merged: 1 });
    expect(counts(mine.byRegion)).toEqual({ 640104: 0, 640105: 3, 640106: 0, 640121: 0, 640122: 0, 640181: 0 });
    expect(mine.onTime).toEqual({ replied: 3, onTime: 1, late: 2, rate: 1 / 3 });
    expect(mine.backlog).toEqual({ open: 1, overdue: 1 });
    expect(mine.oldestOpen.map((a) => a.id)).toEqual([ids.a9]);
    const elsewhere = (await dashboard(district, '&regionCode=640104')).body;
    expect(elsewhere.totals.received).toBe(0);
    expect(elsewhere.oldestOpen).toEqual([]);
    expect(elsewhere.byRegion.every((r) => r.count === 0)).toBe(true);
  });

  it('an empty period has zero figures and no rates', async () => {
    const { body } = await hotline.get<AppealDashboard>('/api/appeals/dashboard?from=2024-01-01&to=2024-01-03');
    expect(body.totals.received).toBe(0);
    expect(body.byDay).toEqual([{ day: '2024-01-01', received: 0 }, { day: '2024-01-02', received: 0 }, { day: '2024-01-03', received: 0 }]);
    expect(body.onTime.rate).toBeNull();
    expect(body.satisfaction.rate).toBeNull();
    expect(body.byCategory).toEqual([]);
  });

  it('refuses bad dates and unknown filters by field, and readers without appeal:read', async () => {
    const field = async (query: string) => {
      const response = await hotline.get(`/api/appeals/dashboard?${query}`);
      expect(response.status, query).toBe(400);
      return response.body.error.field;
    };
    expect(await field('from=2025-02-30&to=2025-03-01')).toBe('from');
    expect(await field('from=20250601&to=2025-06-07')).toBe('from');
    expect(await field('from=2025-06-01&to=tomorrow')).toBe('to');
    expect(await field('to=2025-06-07')).toBe('from');
    expect(await field('from=2025-06-07&to=2025-06-01')).toBe('to');
    expect(await field('from=2024-01-01&to=2025-06-01')).toBe('to');
    expect(await field('from=2025-06-01&to=2025-06-07&regionCode=649999')).toBe('regionCode');
    expect(await field('from=2025-06-01&to=2025-06-07&categoryCode=ufo')).toBe('categoryCode');
    expect((await finance.get('/api/appeals/dashboard?from=2025-06-01&to=2025-06-07')).status).toBe(403);
  });

  it('answers the same question in the same scope from figures a moment old, saying when they were computed', async () => {
    const first = (await dashboard(hotline, `&regionCode=${CITY}&categoryCode=noise`)).body;
    expect(Date.now() - Date.parse(first.asOf)).toBeLessThan(120_000);
    await appeal('late-comer', 'noise', XIXIA, { created: '2025-06-03T10:00:00+08:00', status: 'dispatched', due: 'future' });
    const again = (await dashboard(hotline, `&regionCode=${CITY}&categoryCode=noise`)).body;
    expect(again.asOf).toBe(first.asOf);
    expect(again).toEqual(first);
    // The same question in another scope is computed for that scope: the district's one open noise appeal is the new one.
    const districtFigures = (await dashboard(district, `&regionCode=${CITY}&categoryCode=noise`)).body;
    expect(districtFigures.oldestOpen.map((a) => a.id)).toEqual([ids['late-comer']]);
    // Turned off, every request computes afresh.
    const fresh = await createTestContext({ demo: true, config: { dashboardCacheSeconds: 0 } });
    try {
      const reader = await fresh.signIn('hotline');
      const before = (await reader.get<AppealDashboard>('/api/appeals/dashboard?from=2025-06-01&to=2025-06-07')).body;
      await reader.post('/api/appeals', { categoryCode: 'noise', description: '新的诉求', address: null, regionCode: XIXIA, contactName: null, contactPhone: null });
      await sql`update appeals set created_at = '2025-06-02T10:00:00+08:00' where description = '新的诉求'`.execute(fresh.db);
      const after = (await reader.get<AppealDashboard>('/api/appeals/dashboard?from=2025-06-01&to=2025-06-07')).body;
      expect(after.totals.received).toBe(before.totals.received + 1);
    } finally {
      await fresh.close();
    }
  });
});
