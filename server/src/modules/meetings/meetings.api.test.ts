/** Joint meetings: the agenda of stuck measures across units, decisions carried out as measure changes, minutes, scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';

let ctx: TestContext;
let caseworker: Client;
let xixia: Client;
let medins: Client;
let today: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  [caseworker, xixia, medins] = await Promise.all(['caseworker', 'xixia', 'medins'].map((u) => ctx.signIn(u)));
  today = (await sql<{ d: string }>`select current_date::text as d`.execute(ctx.db)).rows[0]!.d;
});
afterAll(async () => ctx?.close());

const orgOf = async (name: string) => (await sql<{ id: number }>`select id from organisations where name = ${name}`.execute(ctx.db)).rows[0]!.id;
const measureOf = async (title: string) => (await sql<{ id: number; plan_id: number }>`select id, plan_id from measures where title = ${title}`.execute(ctx.db)).rows[0]!;
const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('joint meetings', () => {
  let meetingId: number;

  it('build the agenda from overdue, blocked and declined measures across units', async () => {
    const followUp = await measureOf('跟进透析用药医保报销政策');
    expect((await medins.post(`/api/measures/${followUp.id}/progress`, { note: '缺少近三个月透析病历，无法备案', status: 'blocked' })).status).toBe(200);
    const agenda = await caseworker.get('/api/meetings/agenda');
    const reasons = Object.fromEntries(agenda.body.items.map((i: { title: string; reason: string }) => [i.title, i.reason]));
    expect(reasons).toEqual({ 丈夫肢体二级残疾康复训练: 'overdue', 跟进透析用药医保报销政策: 'blocked' });
    expect(agenda.body.byOrg).toEqual(expect.arrayContaining([
      { orgName: '西夏区残疾人联合会', overdue: 1, blocked: 0, declined: 0 },
      { orgName: '银川市医疗保障局', overdue: 0, blocked: 1, declined: 0 },
    ]));
  });

  it('are called over that agenda, not in the past', async () => {
    const past = await caseworker.post('/api/meetings', { title: '十一月联席会议', heldOn: inDays(-1), attendeeOrgIds: [] });
    expect(past.status).toBe(400);
    expect(past.body.error.field).toBe('heldOn');
    const called = await caseworker.post('/api/meetings', {
      title: '十一月联席会议', heldOn: today, attendeeOrgIds: [await orgOf('宁夏回族自治区残疾人联合会'), await orgOf('银川市医疗保障局')],
    });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ convenerOrgName: '银川市总工会', itemCount: 2, decidedCount: 0, attendeeOrgNames: ['宁夏回族自治区残疾人联合会', '银川市医疗保障局'] });
    meetingId = called.body.id;
    // 西夏区's caseworker neither convened nor attends.
    expect((await xixia.get(`/api/meetings/${meetingId}`)).status).toBe(404);
  });

  it('carry out each decision as a measure change or a new measure, once', async () => {
    const meeting = (await caseworker.get(`/api/meetings/${meetingId}`)).body;
    const rehabItem = meeting.items.find((i: { title: string }) => i.title === '丈夫肢体二级残疾康复训练');
    const blockedItem = meeting.items.find((i: { reason: string }) => i.reason === 'blocked');

    const reassigned = await caseworker.post(`/api/meetings/${meetingId}/items/${rehabItem.id}/decision`, {
      decision: 'reassign', note: '区残联康复床位已满，改由自治区残联康复中心承接', responsibleOrgId: await orgOf('宁夏回族自治区残疾人联合会'), deadline: inDays(14),
    });
    expect(reassigned.status).toBe(200);
    const rehab = await caseworker.get(`/api/measures/${rehabItem.measureId}`);
    expect(rehab.body).toMatchObject({ responsibleOrgName: '宁夏回族自治区残疾人联合会', referral: 'pending', deadline: inDays(14), overdue: false });
    expect(rehab.body.events.map((e: { kind: string }) => e.kind).slice(-2)).toEqual(['reassigned', 'meeting']);

    const added = await caseworker.post(`/api/meetings/${meetingId}/items/${blockedItem.id}/decision`, {
      decision: 'new_measure', note: '医院三日内出具透析病历',
      measure: { type: 'referral', title: '出具近三个月透析病历', detail: null, personId: null, responsibleOrgId: await orgOf('宁夏回族自治区人民医院'), responsiblePerson: null, deadline: inDays(3) },
    });
    expect(added.status).toBe(200);
    const item = added.body.items.find((i: { id: number }) => i.id === blockedItem.id);
    expect(item).toMatchObject({ decision: 'new_measure', decisionNote: '医院三日内出具透析病历' });
    const created = await caseworker.get(`/api/measures/${item.newMeasureId}`);
    expect(created.body).toMatchObject({ origin: 'meeting', referral: 'pending', planId: (await measureOf('跟进透析用药医保报销政策')).plan_id });

    const twice = await caseworker.post(`/api/meetings/${meetingId}/items/${blockedItem.id}/decision`, { decision: 'note', note: '再议' });
    expect(twice.status).toBe(409);
  });

  it('a decision that cannot be carried out changes nothing', async () => {
    const called = await caseworker.post('/api/meetings', { title: '补充会议', heldOn: today, attendeeOrgIds: [] });
    const item = called.body.items[0];
    const before = await caseworker.get(`/api/measures/${item.measureId}`);
    const stranger = await (await ctx.signIn('admin')).post('/api/organisations', { parentId: null, name: '外省某医院', type: 'hospital', regionCode: '640200' });
    const refused = await caseworker.post(`/api/meetings/${called.body.id}/items/${item.id}/decision`, { decision: 'reassign', note: '改派', responsibleOrgId: stranger.body.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('responsibleOrgId');
    const after = await caseworker.get(`/api/measures/${item.measureId}`);
    expect(after.body.events).toEqual(before.body.events);
    expect((await caseworker.get(`/api/meetings/${called.body.id}`)).body.decidedCount).toBe(0);
  });

  it('close with minutes, after which the minutes stand', async () => {
    const empty = await caseworker.post(`/api/meetings/${meetingId}/close`, { minutes: ' ' });
    expect(empty.status).toBe(400);
    const closed = await caseworker.post(`/api/meetings/${meetingId}/close`, { minutes: '会议研究了 2 项受阻措施，形成决定 2 项。' });
    expect(closed.body).toMatchObject({ status: 'closed', minutes: '会议研究了 2 项受阻措施，形成决定 2 项。', decidedCount: 2 });
    expect((await caseworker.post(`/api/meetings/${meetingId}/close`, { minutes: '再次' })).status).toBe(409);
    const list = await caseworker.get('/api/meetings');
    expect(list.body.map((m: { title: string }) => m.title)).toContain('十一月联席会议');
  });
});
