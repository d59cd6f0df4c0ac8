/** The working calendar: the official special days, an administrator's corrections (audited), and time limits that follow them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';

let ctx: TestContext;
let admin: Client;
let caseworker: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  [admin, caseworker] = await Promise.all(['admin', 'caseworker'].map((u) => ctx.signIn(u)));
});
afterAll(async () => ctx?.close());

const due = (client: Client, start: string, amount: number, unit: 'workdays' | 'hours') => client.post('/api/calendar/due', { start, amount, unit });

describe('the working calendar', () => {
  it('lists the official holidays and swapped working days of a year', async () => {
    const year = await caseworker.get('/api/calendar?year=2026');
    const byDay = Object.fromEntries(year.body.map((d: { day: string }) => [d.day, d]));
    expect(byDay['2026-10-01']).toMatchObject({ workday: false, name: '国庆节', source: 'official' });
    expect(byDay['2026-10-10']).toMatchObject({ workday: true, name: '国庆节', source: 'official' });
    expect(byDay['2026-11-21']).toBeUndefined();
  });

  it('takes an administrator’s correction over the official day, audited, and time limits follow it', async () => {
    const before = await due(caseworker, '2027-02-05T10:00:00+08:00', 3, 'workdays');
    expect(before.body.dueAt).toBe(new Date('2027-02-11T00:00:00+08:00').toISOString());
    expect((await caseworker.put('/api/calendar/days/2027-02-08', { workday: false, name: '春节' })).status).toBe(403);
    const set = await admin.put('/api/calendar/days/2027-02-08', { workday: false, name: '春节' });
    expect(set.status).toBe(200);
    expect(set.body.find((d: { day: string }) => d.day === '2027-02-08')).toMatchObject({ workday: false, name: '春节', source: 'override', officialWorkday: true });
    const after = await due(caseworker, '2027-02-05T10:00:00+08:00', 3, 'workdays');
    expect(after.body.dueAt).toBe(new Date('2027-02-12T00:00:00+08:00').toISOString());
    const audit = await sql<{ action: string }>`select action from audit_log where entity_type = 'calendar' and entity_id = '2027-02-08'`.execute(ctx.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['calendar.day_set']);

    expect((await admin.delete('/api/calendar/days/2027-02-08')).status).toBe(200);
    expect((await due(caseworker, '2027-02-05T10:00:00+08:00', 3, 'workdays')).body.dueAt).toBe(before.body.dueAt);
    expect((await admin.delete('/api/calendar/days/2027-02-08')).status).toBe(404);
  });

  it('refuses impossible dates and empty names, changing nothing', async () => {
    const bad = await admin.put('/api/calendar/days/2026-02-30', { workday: false, name: '无' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('day');
    const unnamed = await admin.put('/api/calendar/days/2026-12-24', { workday: false, name: ' ' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.field).toBe('name');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from calendar_overrides`.execute(ctx.db);
    expect(rows[0]!.n).toBe(0);
  });
});
