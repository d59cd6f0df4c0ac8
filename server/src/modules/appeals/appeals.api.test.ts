/** Appeals, first slice: the dispatch catalogue, durable and idempotent intake, automatic dispatch with a working-time limit, returns, arbitration and transfers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { multipartBody, pngBytes } from '../../../test/multipart.js';
import { systemActor } from '../../kernel/auth/actor.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import { escalateOverdueAppeals } from './escalation.js';
import { dueAt } from '../calendar/time-limits.js';

let ctx: TestContext;
let hotline: Client;
let urban: Client;
let caseworker: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  [hotline, urban, caseworker] = await Promise.all(['hotline', 'urban', 'caseworker'].map((u) => ctx.signIn(u)));
});
afterAll(async () => ctx?.close());

const orgOf = async (name: string) => (await sql<{ id: number }>`select id from organisations where name = ${name}`.execute(ctx.db)).rows[0]!.id;
const appealCount = async () => (await sql<{ n: number }>`select count(*)::int as n from appeals`.execute(ctx.db)).rows[0]!.n;
const lightStrip = {
  categoryCode: 'city_appearance', description: '小区门口商铺的装饰灯带白天也一直亮着，浪费电。<script>alert(1)</script>', address: '西夏区北京西路金波路 12 号',
  regionCode: '640105002003', lat: 38.5028, lng: 106.1325, contactName: '王先生', contactPhone: '13909517777',
};
const intake = (body: object, key?: string) =>
  key ? hotline.send('POST', '/api/appeals', JSON.stringify(body), { 'content-type': 'application/json', 'idempotency-key': key }) : hotline.post('/api/appeals', body);

describe('intake', () => {
  let id: number;

  it('stores the appeal, dispatches it by the catalogue and starts its clock on the working calendar', async () => {
    const taken = await intake(lightStrip, 'call-20261123-0001');
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ status: 'dispatched', responsibleOrgName: '银川市城市管理局', limitAmount: 3, limitUnit: 'workdays', channel: 'hotline' });
    expect(taken.body.number).toMatch(/^\d{8}\d{6}$/);
    expect(taken.body.description).toBe(lightStrip.description);
    const expected = dueAt(new Date(taken.body.clockStartedAt), { amount: 3, unit: 'workdays' }, await workingCalendar(ctx.db))!;
    expect(new Date(taken.body.dueAt).toISOString()).toBe(expected.toISOString());
    expect(taken.body.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'dispatched']);
    // The hotline is not the handling unit: the contact is masked for it, and clear for the city management bureau.
    expect(taken.body.contactPhone).toBe('139****7777');
    id = taken.body.id;
    expect((await urban.get(`/api/appeals/${id}`)).body.contactPhone).toBe('13909517777');
  });

  it('returns the first appeal when a submission is retried with the same Idempotency-Key', async () => {
    const before = await appealCount();
    const again = await intake({ ...lightStrip, description: '重试' }, 'call-20261123-0001');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    expect(await appealCount()).toBe(before);
  });

  it('refuses bad input by field and stores nothing', async () => {
    const before = await appealCount();
    const unknown = await intake({ ...lightStrip, categoryCode: 'ufo' });
    expect(unknown.body.error.field).toBe('categoryCode');
    const empty = await intake({ ...lightStrip, description: '   ' });
    expect(empty.body.error.field).toBe('description');
    const long = await intake({ ...lightStrip, description: '长'.repeat(4001) });
    expect(long.status).toBe(400);
    const half = await intake({ ...lightStrip, lng: null });
    expect(half.body.error.problems.map((p: { field: string }) => p.field)).toContain('lat');
    const off = await intake({ ...lightStrip, lat: 95 });
    expect(off.body.error.message).toContain('纬度应在 -90 到 90 之间');
    const phone = await intake({ ...lightStrip, contactPhone: 'call me' });
    expect(phone.body.error.field).toBe('contactPhone');
    const region = await intake({ ...lightStrip, regionCode: '649999' });
    expect(region.body.error.field).toBe('regionCode');
    expect((await caseworker.post('/api/appeals', lightStrip)).status).toBe(403);
    expect(await appealCount()).toBe(before);
  });
});

describe('handling', () => {
  it('a return goes to the arbiter, who sends it to the right unit; the clock keeps its start', async () => {
    const cable = await intake({ ...lightStrip, description: '通信线缆掉落在人行道上，影响通行', categoryCode: 'city_appearance' });
    const id = cable.body.id;
    expect((await urban.post(`/api/appeals/${id}/accept`)).body.status).toBe('accepted');
    const noReason = await urban.post(`/api/appeals/${id}/return`, { note: '' });
    expect(noReason.body.error.field).toBe('note');
    const returned = await urban.post(`/api/appeals/${id}/return`, { note: '通信线缆归电信公司维护，非我局职责' });
    expect(returned.body.status).toBe('returned');
    expect((await caseworker.post(`/api/appeals/${id}/arbitrate`, { upheld: true, orgId: await orgOf('中国电信银川分公司'), note: '同意' })).status).toBe(403);
    const sent = await hotline.post(`/api/appeals/${id}/arbitrate`, { upheld: true, orgId: await orgOf('中国电信银川分公司'), note: '线缆产权属电信' });
    expect(sent.body).toMatchObject({ status: 'dispatched', responsibleOrgName: '中国电信银川分公司', clockStartedAt: cable.body.clockStartedAt, dueAt: cable.body.dueAt });
    expect(sent.body.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'dispatched', 'accepted', 'returned', 'arbitrated']);
    // The bureau no longer handles it: it may not act on it, and sees it no more.
    expect((await urban.post(`/api/appeals/${id}/progress`, { note: '已处理' })).status).toBe(404);
  });

  it('a refused return goes back to the same unit; a transfer moves it on; progress is reported', async () => {
    const noisy = await intake({ ...lightStrip, categoryCode: 'noise', description: '夜市摊贩大喇叭循环播放，晚上十点后仍在响' });
    expect(noisy.body).toMatchObject({ limitAmount: 24, limitUnit: 'hours' });
    const id = noisy.body.id;
    await urban.post(`/api/appeals/${id}/return`, { note: '应由公安处理' });
    const refused = await hotline.post(`/api/appeals/${id}/arbitrate`, { upheld: false, note: '流动摊贩噪声属城管职责' });
    expect(refused.body).toMatchObject({ status: 'dispatched', responsibleOrgName: '银川市城市管理局' });
    await urban.post(`/api/appeals/${id}/accept`);
    const progress = await urban.post(`/api/appeals/${id}/progress`, { note: '已联系街道执法中队到场' });
    expect(progress.body.status).toBe('in_progress');
    const moved = await urban.post(`/api/appeals/${id}/transfer`, { orgId: await orgOf('银川市住房和城乡建设局'), note: '涉及小区物业' });
    expect(moved.body).toMatchObject({ status: 'dispatched', responsibleOrgName: '银川市住房和城乡建设局', clockStartedAt: noisy.body.clockStartedAt });
  });

  it('what the catalogue cannot place waits for a dispatcher, who gives a time limit', async () => {
    const elsewhere = await intake({ ...lightStrip, regionCode: '640202', address: '大武口区', lat: null, lng: null });
    expect(elsewhere.body).toMatchObject({ status: 'received', responsibleOrgId: null, dueAt: null });
    const id = elsewhere.body.id;
    const unit = await orgOf('银川市城市管理局');
    const noLimit = await hotline.post(`/api/appeals/${id}/dispatch`, { orgId: unit, note: null });
    expect(noLimit.status).toBe(400);
    expect(noLimit.body.error.field).toBe('limit');
    const sent = await hotline.post(`/api/appeals/${id}/dispatch`, { orgId: unit, limit: { amount: 5, unit: 'workdays' }, note: '临时代办' });
    expect(sent.body).toMatchObject({ status: 'dispatched', limitAmount: 5 });
    expect((await hotline.post(`/api/appeals/${id}/dispatch`, { orgId: unit, note: null })).status).toBe(409);
  });

  it('keep each unit to its own appeals', async () => {
    const mine = await urban.get('/api/appeals?pageSize=200');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((a: { responsibleOrgName: string }) => a.responsibleOrgName === '银川市城市管理局')).toBe(true);
    // The district caseworker sees the appeals of their district (the demo's worker asking the union for aid), no others.
    const district = (await caseworker.get('/api/appeals?pageSize=200')).body;
    expect(district.total).toBeGreaterThan(0);
    expect(district.items.every((a: { regionCode: string }) => a.regionCode.startsWith('640105'))).toBe(true);
    const everyone = (await hotline.get('/api/appeals?pageSize=200')).body;
    expect(everyone.total).toBeGreaterThan(district.total);
    expect((await hotline.get('/api/appeals?status=open')).body.total).toBeGreaterThanOrEqual(3);
  });

  it('give a unit its inbox, due first, and say who handles each and why a unit returned one', async () => {
    const inbox = (await urban.get('/api/appeals?status=open&handledByMe=true&sort=due&pageSize=200')).body;
    expect(inbox.total).toBeGreaterThan(0);
    expect(inbox.items.every((a: { responsibleOrgName: string; handles: boolean }) => a.responsibleOrgName === '银川市城市管理局' && a.handles)).toBe(true);
    const dues = inbox.items.map((a: { dueAt: string | null }) => (a.dueAt ? Date.parse(a.dueAt) : Infinity));
    expect(dues).toEqual([...dues].sort((x: number, y: number) => x - y));
    // The hotline sees every appeal but handles none of them.
    expect((await hotline.get('/api/appeals?handledByMe=true')).body.total).toBe(0);
    const seen = (await hotline.get('/api/appeals?pageSize=5')).body.items;
    expect(seen.every((a: { handles: boolean }) => a.handles === false)).toBe(true);

    const id = (await intake({ ...lightStrip, description: '路灯杆上的广告牌歪斜' })).body.id;
    expect((await urban.get(`/api/appeals/${id}`)).body.handles).toBe(true);
    expect((await hotline.get(`/api/appeals/${id}`)).body).toMatchObject({ handles: false, lastReturn: null });
    await urban.post(`/api/appeals/${id}/return`, { note: '广告牌属户外广告管理，非本局' });
    const returned = (await hotline.get('/api/appeals?status=returned&pageSize=200')).body.items.find((a: { id: number }) => a.id === id);
    expect(returned.lastReturn).toMatchObject({ note: '广告牌属户外广告管理，非本局', orgName: '银川市城市管理局' });
    await hotline.post(`/api/appeals/${id}/arbitrate`, { upheld: false, note: '户外广告由城管局负责' });
    expect((await hotline.get(`/api/appeals/${id}`)).body.lastReturn).toBeNull();
  });
});

describe('the dispatch catalogue', () => {
  it('is kept by dispatchers, checked by field', async () => {
    const rules = await hotline.get('/api/dispatch-rules');
    expect(rules.body.find((r: { categoryCode: string }) => r.categoryCode === 'telecom')).toMatchObject({ orgName: '中国电信银川分公司', limitAmount: 2, limitUnit: 'workdays' });
    const bad = await hotline.put('/api/dispatch-rules', { categoryCode: 'telecom', regionCode: '640105', orgId: await orgOf('中国电信银川分公司'), limitAmount: 90, limitUnit: 'workdays' });
    expect(bad.body.error.field).toBe('limitAmount');
    const district = await hotline.put('/api/dispatch-rules', { categoryCode: 'city_appearance', regionCode: '640105', orgId: await orgOf('西夏区总工会'), limitAmount: 1, limitUnit: 'workdays' });
    expect(district.status).toBe(200);
    // The most specific region wins.
    const taken = await intake({ ...lightStrip, description: '西夏区的另一处灯带' });
    expect(taken.body).toMatchObject({ responsibleOrgName: '西夏区总工会', limitAmount: 1 });
    expect((await urban.put('/api/dispatch-rules', { categoryCode: 'noise', regionCode: '640100', orgId: 1, limitAmount: 1, limitUnit: 'hours' })).status).toBe(403);
  });

  it('loses a rule when a dispatcher removes it: new appeals fall to the wider rule; the removal is audited', async () => {
    const rules = (await hotline.get('/api/dispatch-rules')).body;
    const district = rules.find((r: { categoryCode: string; regionCode: string }) => r.categoryCode === 'city_appearance' && r.regionCode === '640105');
    expect(district).toBeTruthy();
    expect((await urban.delete(`/api/dispatch-rules/${district.id}`)).status).toBe(403);
    const left = await hotline.delete(`/api/dispatch-rules/${district.id}`);
    expect(left.status).toBe(200);
    expect(left.body.some((r: { id: number }) => r.id === district.id)).toBe(false);
    expect((await hotline.delete(`/api/dispatch-rules/${district.id}`)).status).toBe(404);
    const taken = await intake({ ...lightStrip, description: '西夏区又一处灯带' });
    expect(taken.body.responsibleOrgName).toBe('银川市城市管理局');
    const audit = await sql<{ before: { orgName: string } }>`select before from audit_log where action = 'appeal.rule_removed' and entity_id = ${String(district.id)}`.execute(ctx.db);
    expect(audit.rows[0]!.before.orgName).toBe('西夏区总工会');
  });
});

describe('the answer and the follow-up', () => {
  it('a drafted reply stops the clock; approval publishes the plain-words answer; satisfied closes it', async () => {
    const taken = await intake({ ...lightStrip, description: '井盖维修后没有任何警示标志，晚上很危险', categoryCode: 'road_facilities' });
    const id = taken.body.id;
    await urban.post(`/api/appeals/${id}/accept`);
    expect((await urban.post(`/api/appeals/${id}/reply`, { reply: ' ' })).body.error.field).toBe('reply');
    const drafted = await urban.post(`/api/appeals/${id}/reply`, { reply: '已设置围挡和警示灯，维修单位已整改。' });
    expect(drafted.body).toMatchObject({ status: 'reply_drafted', dueAt: null, overdue: false, repliedByName: '银川市城管局 诉求专员 刘洋' });
    // The unit cannot approve its own reply.
    expect((await urban.post(`/api/appeals/${id}/reply/approve`, { publish: false, publicQuestion: null, publicAnswer: null })).status).toBe(403);
    const personal = await hotline.post(`/api/appeals/${id}/reply/approve`, { publish: true, publicQuestion: '市民反映井盖维修无警示，电话13909517777', publicAnswer: '已整改' });
    expect(personal.body.error).toMatchObject({ field: 'publicQuestion' });
    expect(personal.body.error.message).toContain('不能包含电话号码或身份证号');
    const approved = await hotline.post(`/api/appeals/${id}/reply/approve`, { publish: true, publicQuestion: '市民反映某路段井盖维修后无警示标志', publicAnswer: '城管局督促维修单位设置围挡和警示灯，已整改到位' });
    expect(approved.body).toMatchObject({ status: 'replied', published: true, publicAnswer: '城管局督促维修单位设置围挡和警示灯，已整改到位' });
    const unhappyNoReason = await hotline.post(`/api/appeals/${id}/satisfaction`, { value: 'unsatisfied', note: null });
    expect(unhappyNoReason.body.error.field).toBe('note');
    const closed = await hotline.post(`/api/appeals/${id}/satisfaction`, { value: 'satisfied', note: null });
    expect(closed.body).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
    expect(closed.body.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'dispatched', 'accepted', 'reply_drafted', 'replied', 'closed']);
  });

  it('a rejected reply restarts the clock where it stood; an unsatisfied citizen reopens it with a new clock', async () => {
    const taken = await intake({ ...lightStrip, categoryCode: 'noise', description: '商铺门口音箱声音太大' });
    const id = taken.body.id;
    await urban.post(`/api/appeals/${id}/accept`);
    await urban.post(`/api/appeals/${id}/reply`, { reply: '已告知商户' });
    const rejected = await hotline.post(`/api/appeals/${id}/reply/reject`, { note: '请写明整改结果' });
    expect(rejected.body.status).toBe('in_progress');
    // The pause took (almost) no working time: the due time is back within a few seconds of the original.
    expect(Math.abs(new Date(rejected.body.dueAt).getTime() - new Date(taken.body.dueAt).getTime())).toBeLessThan(60_000);
    expect(new Date(rejected.body.dueAt).getTime()).toBeGreaterThanOrEqual(new Date(taken.body.dueAt).getTime());
    await urban.post(`/api/appeals/${id}/reply`, { reply: '商户已调低音量并承诺营业时间外不再外放' });
    await hotline.post(`/api/appeals/${id}/reply/approve`, { publish: false, publicQuestion: null, publicAnswer: null });
    const reopened = await hotline.post(`/api/appeals/${id}/satisfaction`, { value: 'unsatisfied', note: '晚上仍有外放' });
    expect(reopened.body).toMatchObject({ status: 'dispatched', satisfaction: 'unsatisfied', responsibleOrgName: '银川市城市管理局' });
    expect(new Date(reopened.body.clockStartedAt).getTime()).toBeGreaterThan(new Date(taken.body.clockStartedAt).getTime());
    expect(reopened.body.events.at(-1)).toMatchObject({ kind: 'reopened', note: '群众不满意，重新办理：晚上仍有外放' });
  });

  it('decides "on time" when the reply is drafted — late past the due time even before any escalation runs', async () => {
    const inTime = (id: number) => sql<{ v: boolean | null }>`select replied_in_time as v from appeals where id = ${id}`.execute(ctx.db).then((r) => r.rows[0]!.v);
    const late = (await intake({ ...lightStrip, categoryCode: 'noise', description: '广场舞音响过大，超时答复' })).body.id;
    await urban.post(`/api/appeals/${late}/accept`);
    await sql`update appeals set due_at = now() - interval '1 minute' where id = ${late}`.execute(ctx.db);
    await urban.post(`/api/appeals/${late}/reply`, { reply: '已协调广场管理方限定音量' });
    expect(await inTime(late)).toBe(false);
    // Sent back and drafted again: decided again, on the clock as it then stands.
    await hotline.post(`/api/appeals/${late}/reply/reject`, { note: '请补充限定的时段' });
    await sql`update appeals set due_at = now() + interval '1 day' where id = ${late}`.execute(ctx.db);
    await urban.post(`/api/appeals/${late}/reply`, { reply: '已协调广场管理方限定音量，晚八点后停止' });
    expect(await inTime(late)).toBe(true);
  });
});

describe('duplicates', () => {
  it('are shown at intake — same place and category, or the same caller — and a merged one gets the answer with its own call', async () => {
    const first = await intake({ ...lightStrip, categoryCode: 'utilities', description: '学校宿舍楼停水停暖两天了', contactPhone: '13909518888', regionCode: '640104006001', lat: 38.48, lng: 106.23 });
    const second = await intake({ ...lightStrip, categoryCode: 'utilities', description: '校园里没有水也没有暖气', contactPhone: '13909519999', regionCode: '640104006003', lat: 38.4805, lng: 106.2304 });
    expect(second.body.error ?? null).toBeNull();
    expect(second.body.duplicates).toEqual([expect.objectContaining({ id: first.body.id, reason: 'same_place' })]);
    const sameCaller = await intake({ ...lightStrip, categoryCode: 'noise', description: '另外反映一下噪声', contactPhone: '13909518888', lat: null, lng: null });
    expect(sameCaller.body.duplicates.map((d: { id: number; reason: string }) => [d.id, d.reason])).toContainEqual([first.body.id, 'same_caller']);
    // Units that handle appeals do not decide on duplicates.
    expect((await urban.get(`/api/appeals/${sameCaller.body.id}`)).body.duplicates).toEqual([]);

    const merged = await hotline.post(`/api/appeals/${second.body.id}/merge`, { intoId: first.body.id, note: '同一校区' });
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: first.body.id, dueAt: null });
    expect((await hotline.post(`/api/appeals/${second.body.id}/merge`, { intoId: first.body.id, note: null })).status).toBe(409);
    expect((await hotline.post(`/api/appeals/${first.body.id}/merge`, { intoId: first.body.id, note: null })).body.error.field).toBe('intoId');

    const housing = await ctx.signIn('admin');
    await housing.post(`/api/appeals/${first.body.id}/accept`);
    await housing.post(`/api/appeals/${first.body.id}/reply`, { reply: '供热管线抢修完毕，已恢复供水供暖。' });
    await hotline.post(`/api/appeals/${first.body.id}/reply/approve`, { publish: true, publicQuestion: '市民反映某校区停水停暖', publicAnswer: '住建部门组织抢修，当天恢复供水供暖' });
    const told = await hotline.get(`/api/appeals/${second.body.id}`);
    expect(told.body).toMatchObject({ status: 'replied', replyText: '供热管线抢修完毕，已恢复供水供暖。' });
    expect(told.body.events.at(-1)).toMatchObject({ kind: 'replied', note: `随诉求 ${first.body.number} 一并答复` });
    expect((await hotline.post(`/api/appeals/${second.body.id}/satisfaction`, { value: 'satisfied', note: null })).body.status).toBe('closed');
  });
});

describe('escalation', () => {
  it('alerts the unit and the dispatchers once when the limit runs out, and again after a reopening runs out', async () => {
    const taken = await intake({ ...lightStrip, categoryCode: 'noise', description: '广场舞音响太吵' });
    const id = taken.body.id;
    // As if it had been dispatched two days ago with its 24-hour limit.
    await sql`update appeals set clock_started_at = now() - interval '2 days', due_at = now() - interval '1 hour' where id = ${id}`.execute(ctx.db);
    const admin = systemActor('test');
    expect(await escalateOverdueAppeals(ctx.db, admin)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueAppeals(ctx.db, admin)).toBe(0);
    const detail = await hotline.get(`/api/appeals/${id}`);
    expect(detail.body).toMatchObject({ overdue: true });
    expect(detail.body.events.at(-1).kind).toBe('escalated');
    for (const client of [hotline, urban]) {
      const alerts = await client.get('/api/notifications?unreadOnly=true');
      expect(alerts.body.items.some((n: { kind: string; title: string }) => n.kind === 'appeal_overdue' && n.title.includes(taken.body.number))).toBe(true);
    }
    expect((await caseworker.get('/api/notifications?unreadOnly=true')).body.items.some((n: { kind: string }) => n.kind === 'appeal_overdue')).toBe(false);
    // A new clock (a reopening) that runs out is escalated again.
    await sql`update appeals set clock_started_at = now(), due_at = now() - interval '1 second' where id = ${id}`.execute(ctx.db);
    expect(await escalateOverdueAppeals(ctx.db, admin)).toBe(1);
  });
});

describe('files', () => {
  const upload = (client: Client, id: number, name: string, content: Buffer | string) => {
    const { body, headers } = multipartBody({ name, content });
    return client.send('POST', `/api/appeals/${id}/files`, body, headers);
  };

  it('are added by intake and the handling unit, checked by their bytes, and read by those who may read the appeal', async () => {
    const taken = await intake({ ...lightStrip, categoryCode: 'road_facilities', description: '井盖松动，附现场照片' });
    const id = taken.body.id;
    const added = await upload(hotline, id, '现场.png', pngBytes());
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ fileName: '现场.png', contentType: 'image/png' });
    const fake = await upload(hotline, id, '现场.png', 'not an image');
    expect(fake.body.error.field).toBe('file');
    expect((await upload(urban, id, '整改后.png', pngBytes())).status).toBe(201);
    // A unit that does not handle it may not add to it, nor see it.
    expect((await upload(caseworker, id, 'x.png', pngBytes())).status).toBe(404);
    const listed = await urban.get(`/api/appeals/${id}/files`);
    expect(listed.body.map((f: { fileName: string }) => f.fileName)).toEqual(['现场.png', '整改后.png']);
    const download = await hotline.get(`/api/appeals/${id}/files/${added.body.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'attachment.downloaded' and entity_type = 'appeal' and entity_id = ${String(id)}`.execute(ctx.db);
    expect(audited.rows[0]!.n).toBe(1);
    // Another appeal's file is not reachable through this one.
    const other = (await intake({ ...lightStrip, description: '另一处井盖' })).body.id;
    expect((await hotline.get(`/api/appeals/${other}/files/${added.body.id}`)).status).toBe(404);
  });
});
