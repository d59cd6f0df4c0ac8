/**
 * The visit log: recording a visit that serves several tasks, a draft re-sent after a network
 * drop stored once, clear errors by field with nothing saved, the household's data scope for
 * every read, list and write, and photos checked by their bytes without touching the visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { multipart } from '../registry/transfer/test-support.js';

const PHOTO_LIMIT = 64 * 1024;
let ctx: TestContext;
let grid: Client;
let otherGrid: Client;
let caseworker: Client;
let leader: Client;
let wang: number;
let wu: number;

const householdOf = async (head: string) =>
  (await sql<{ id: number }>`select h.id from households h join persons p on p.id = h.head_person_id where p.name = ${head}`.execute(ctx.db)).rows[0]!.id;
const visitCount = async () => (await sql<{ n: number }>`select count(*)::int as n from visits`.execute(ctx.db)).rows[0]!.n;
const photoCount = async (visitId: number) =>
  (await sql<{ n: number }>`select count(*)::int as n from attachments where entity_type = 'visit' and entity_id = ${visitId}`.execute(ctx.db)).rows[0]!.n;
const jpeg = (size = 2048) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 6, 7), Buffer.from([0xff, 0xd9])]);
const sendPhoto = (client: Client, visitId: number, name: string, content: Buffer | string, type = 'image/jpeg') => {
  const { body, headers } = multipart(name, content, type);
  return client.send('POST', `/api/visits/${visitId}/photos`, body, headers);
};

const visit = (overrides: Record<string, unknown> = {}) => ({
  householdId: wang, visitedOn: '2026-11-02', companions: ['西夏区总工会 马涛'], purposes: ['needs_check', 'measure_followup'], outcome: 'visited',
  findings: '透析自付费用负担重', needs: [{ need: 'medical', note: '了解门诊慢特病报销' }], ...overrides,
});

/** A grid worker of 星光巷 community, next door to 金波路: her own org and jurisdiction. */
async function gridWorkerOfAnotherCommunity(admin: Client): Promise<Client> {
  const root = (await sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`.execute(ctx.db)).rows[0]!.id;
  const org = await admin.post('/api/organisations', { parentId: root, name: '星光巷社区居委会', type: 'community', regionCode: '640105002002' });
  expect(org.status, JSON.stringify(org.body)).toBe(200);
  const user = await admin.post('/api/users', { username: 'grid2', displayName: '星光巷社区 网格员 周敏', orgId: org.body.id, roleCodes: ['grid_worker'], regionCode: '640105002002' });
  expect(user.status, JSON.stringify(user.body)).toBe(200);
  const first = await ctx.signIn('grid2', user.body.generatedPassword);
  expect((await first.post('/api/auth/password', { currentPassword: user.body.generatedPassword, newPassword: 'Visits-test-2026' })).status).toBe(200);
  return ctx.signIn('grid2', 'Visits-test-2026');
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { attachmentLimitBytes: PHOTO_LIMIT } });
  const admin = await ctx.signIn('admin');
  [grid, caseworker, leader] = await Promise.all(['grid', 'caseworker', 'leader'].map((u) => ctx.signIn(u)));
  otherGrid = await gridWorkerOfAnotherCommunity(admin);
  [wang, wu] = await Promise.all([householdOf('王建国'), householdOf('吴秀梅')]);
});
afterAll(async () => ctx?.close());

describe('recording a visit', () => {
  it('stores one visit serving several tasks, with its needs, and lists it first among mine and the household’s (audited)', async () => {
    const before = await grid.get('/api/visits?mine=1');
    const res = await grid.post('/api/visits', visit({ companions: [' 西夏区总工会 马涛 ', '西夏区总工会 马涛', ''] }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      householdId: wang, headName: '王建国', visitedOn: '2026-11-02', recordedByName: '金波路社区 网格员 谈静美', companions: ['西夏区总工会 马涛'],
      purposes: ['needs_check', 'measure_followup'], outcome: 'visited', findings: '透析自付费用负担重', campaignId: null, photos: [],
      needs: [{ need: 'medical', note: '了解门诊慢特病报销', measureId: null }],
    });
    const mine = await grid.get('/api/visits?mine=1');
    expect(mine.body.total).toBe(before.body.total + 1);
    const dates = mine.body.items.map((v: { visitedOn: string }) => v.visitedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const household = await grid.get(`/api/households/${wang}/visits`);
    expect(household.body.map((v: { id: number }) => v.id)).toContain(res.body.id);
    expect((await grid.get(`/api/visits/${res.body.id}`)).body.findings).toBe('透析自付费用负担重');
    // The caseworker sees it too, but not among her own visits.
    expect((await caseworker.get(`/api/visits?householdId=${wang}&from=2026-11-01&to=2026-11-30`)).body.items.map((v: { id: number }) => v.id)).toContain(res.body.id);
    expect((await caseworker.get('/api/visits?mine=1')).body.total).toBe(0);
    const { rows } = await sql<{ action: string; actor_name: string }>`select action, actor_name from audit_log where entity_type = 'visit' and entity_id = ${String(res.body.id)}`.execute(ctx.db);
    expect(rows).toEqual([{ action: 'visit.recorded', actor_name: '金波路社区 网格员 谈静美' }]);
  });

  it('has the demo log: the grid worker’s visits to her community, one with three purposes and two needs', async () => {
    const seeded = (await grid.get(`/api/visits?mine=1&householdId=${wang}&to=${new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10)}&pageSize=100`)).body.items;
    expect(seeded.length).toBeGreaterThanOrEqual(4);
    expect(seeded.find((v: { purposes: string[] }) => v.purposes.length === 3).needs.map((n: { need: string }) => n.need)).toEqual(['medical', 'education']);
  });

  it('stores a draft sent twice once, and refuses its client id for another household', async () => {
    const clientId = '6f1c2a54-8a3e-4d51-9b1e-0c2d3e4f5a6b';
    const first = await grid.post('/api/visits', visit({ clientId, findings: '断网后重发' }));
    expect(first.status).toBe(201);
    const count = await visitCount();
    const again = await grid.post('/api/visits', visit({ clientId: clientId.toUpperCase(), findings: '断网后重发' }));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await visitCount()).toBe(count);
    const elsewhere = await caseworker.post('/api/visits', visit({ clientId, householdId: wu }));
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.field).toBe('clientId');
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'visit.recorded' and entity_id = ${String(first.body.id)}`.execute(ctx.db);
    expect(audits.rows[0]!.n).toBe(1);
  });

  it('refuses bad input with a Chinese message per field, saving nothing', async () => {
    const count = await visitCount();
    const problems = async (body: Record<string, unknown>) => {
      const res = await grid.post('/api/visits', visit(body));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      return Object.fromEntries(res.body.error.problems.map((p: { field: string; message: string }) => [p.field, p.message]));
    };
    expect(await problems({ visitedOn: '2099-01-01' })).toEqual({ visitedOn: '走访日期不能晚于今天' });
    expect(await problems({ visitedOn: '1999-12-31' })).toEqual({ visitedOn: '走访日期不能早于 2000 年' });
    expect(await problems({ visitedOn: '2026-02-30' })).toEqual({ visitedOn: '走访日期不是有效日期（年-月-日）' });
    expect(await problems({ purposes: [] })).toEqual({ purposes: '请至少选择一项走访事项' });
    expect(await problems({ purposes: ['routine', 'gossip'], outcome: 'maybe' })).toEqual({ purposes: '未知的走访事项“gossip”', outcome: '未知的走访结果“maybe”' });
    expect(await problems({ companions: ['张三', '一二三四五六七八九十一二三四五六七八九十一'] })).toEqual({ 'companions.1': '同行人员“一二三四五六七八…”的姓名超过 20 个字' });
    expect(await problems({ companions: Array.from({ length: 11 }, (_, i) => `同行${i}`) })).toEqual({ companions: '同行人员最多 10 人' });
    expect(await problems({ findings: '很'.repeat(2001) })).toEqual({ findings: '走访情况最多 2000 字' });
    expect(await problems({ needs: [{ need: 'money' }, { need: 'medical', note: '长'.repeat(201) }] })).toEqual({ 'needs.0.need': '未知的需求“money”', 'needs.1.note': '需求说明最多 200 字' });
    expect(await problems({ needs: [{ need: 'medical' }, { need: 'medical' }] })).toEqual({ needs: '同一需求填写了两次' });
    expect(await visitCount()).toBe(count);
  });

  it('needs the visit permission to record', async () => {
    expect((await leader.post('/api/visits', visit())).status).toBe(403);
  });
});

describe('data scope', () => {
  it('a grid worker of another community cannot see, list, record or photograph the household’s visits', async () => {
    const own = await grid.post('/api/visits', visit({ findings: '只有本社区可见' }));
    const id = own.body.id;
    expect((await otherGrid.get(`/api/visits/${id}`)).status).toBe(404);
    expect((await otherGrid.get(`/api/households/${wang}/visits`)).status).toBe(404);
    const listed = await otherGrid.get('/api/visits?pageSize=100');
    expect(listed.body.items.map((v: { householdId: number }) => v.householdId)).not.toContain(wang);
    expect((await otherGrid.get(`/api/visits?householdId=${wang}`)).body).toEqual({ items: [], total: 0 });
    expect((await otherGrid.post('/api/visits', visit())).status).toBe(404);
    expect((await sendPhoto(otherGrid, id, 'door.jpg', jpeg())).status).toBe(404);
    const photo = await sendPhoto(grid, id, 'door.jpg', jpeg());
    expect((await otherGrid.get(`/api/visits/${id}/photos/${photo.body.id}`)).status).toBe(404);
    // Her household search finds her own community's households only.
    const found = await otherGrid.get('/api/visits/households');
    expect(found.body.map((h: { headName: string }) => h.headName)).toEqual(['吴秀梅']);
    expect((await otherGrid.get(`/api/visits/households?q=${encodeURIComponent('金波路')}`)).body).toEqual([]);
    // …and she records visits to it.
    expect((await otherGrid.post('/api/visits', visit({ householdId: wu }))).status).toBe(201);
  });

  it('finds households to visit by a member’s name or a part of the address, with the last visit', async () => {
    const byAddress = await grid.get(`/api/visits/households?q=${encodeURIComponent('金波路 12')}`);
    expect(byAddress.body).toEqual([expect.objectContaining({ id: wang, headName: '王建国', lastVisitedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
    const byMember = await grid.get(`/api/visits/households?q=${encodeURIComponent('李秀兰')}`);
    expect(byMember.body.map((h: { id: number }) => h.id)).toEqual([wang]);
    expect((await grid.get(`/api/visits/households?q=${encodeURIComponent('吴秀梅')}`)).body).toEqual([]);
  });
});

describe('photos', () => {
  let visitId: number;
  beforeAll(async () => {
    visitId = (await grid.post('/api/visits', visit({ findings: '带照片的走访' }))).body.id;
  });

  it('refuses a photo that is too large or is not what its name says, and the visit stays as it was', async () => {
    const big = await sendPhoto(grid, visitId, 'big.jpg', jpeg(PHOTO_LIMIT + 1024));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('请压缩照片后再上传');
    const fake = await sendPhoto(grid, visitId, 'photo.jpg', '<html><script>alert(1)</script></html>');
    expect(fake.status).toBe(400);
    expect(fake.body.error.field).toBe('file');
    expect(fake.body.error.message).toContain('不支持此文件类型');
    expect(await photoCount(visitId)).toBe(0);
    const visit = await grid.get(`/api/visits/${visitId}`);
    expect(visit.body).toMatchObject({ findings: '带照片的走访', photos: [] });
  });

  it('keeps a good photo with the visit, sends it back as an image, and stops at nine', async () => {
    const content = jpeg();
    const ok = await sendPhoto(grid, visitId, 'IMG_0001.JPG', content);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ fileName: 'IMG_0001.JPG', contentType: 'image/jpeg', sizeBytes: content.length, uploadedByName: '金波路社区 网格员 谈静美' });
    expect((await grid.get(`/api/visits/${visitId}`)).body.photos.map((p: { id: number }) => p.id)).toEqual([ok.body.id]);
    const back = await caseworker.get(`/api/visits/${visitId}/photos/${ok.body.id}`);
    expect(back.status).toBe(200);
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(back.raw, content)).toBe(0);
    // A photo id of another visit is not reachable through this one.
    const otherVisit = (await grid.post('/api/visits', visit())).body.id;
    expect((await grid.get(`/api/visits/${otherVisit}/photos/${ok.body.id}`)).status).toBe(404);
    for (let i = 2; i <= 9; i += 1) expect((await sendPhoto(grid, visitId, `IMG_000${i}.jpg`, jpeg())).status).toBe(201);
    const tenth = await sendPhoto(grid, visitId, 'IMG_0010.jpg', jpeg());
    expect(tenth.status).toBe(400);
    expect(tenth.body.error.message).toContain('每次走访最多 9 张照片');
    expect(await photoCount(visitId)).toBe(9);
  });
});

describe('a need found becomes a measure', () => {
  let xixia: Client;
  let xixiaUnion: number;
  const measureCount = async () => (await sql<{ n: number }>`select count(*)::int as n from measures`.execute(ctx.db)).rows[0]!.n;
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const measure = (overrides: Record<string, unknown> = {}) => ({
    type: 'medical_aid', title: '落实门诊慢特病报销', detail: '走访发现：透析自付费用负担重', personId: null, responsibleOrgId: xixiaUnion,
    responsiblePerson: null, deadline: inDays(20), ...overrides,
  });
  const recent = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  beforeAll(async () => {
    xixia = await ctx.signIn('xixia');
    xixiaUnion = (await sql<{ id: number }>`select id from organisations where name = '西夏区总工会'`.execute(ctx.db)).rows[0]!.id;
  });

  it('adds the measure to the plan of the visit’s year, links the need to it, once', async () => {
    const recorded = await grid.post('/api/visits', visit({ visitedOn: recent(), needs: [{ need: 'rehabilitation' }, { need: 'medical', note: '门诊慢特病报销' }] }));
    const id = recorded.body.id;
    // The grid worker found the need; turning it into a measure is the caseworker's (plan:write).
    expect((await grid.post(`/api/visits/${id}/needs/1/measure`, measure())).status).toBe(403);
    const before = await measureCount();
    const made = await xixia.post(`/api/visits/${id}/needs/1/measure`, measure());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const year = Number(recent().slice(0, 4));
    const plan = (await xixia.get(`/api/households/${wang}/plans`)).body.find((p: { year: number }) => p.year === year);
    expect(made.body.measure).toMatchObject({ planId: plan.id, householdId: wang, type: 'medical_aid', title: '落实门诊慢特病报销', origin: 'visit', status: 'planned' });
    expect(made.body.visit.needs).toEqual([
      { need: 'rehabilitation', note: null, measureId: null },
      { need: 'medical', note: '门诊慢特病报销', measureId: made.body.measure.id },
    ]);
    expect((await grid.get(`/api/visits/${id}`)).body.needs[1].measureId).toBe(made.body.measure.id);
    const stored = await sql<{ origin: string; origin_id: number }>`select origin, origin_id::int from measures where id = ${made.body.measure.id}`.execute(ctx.db);
    expect(stored.rows[0]).toEqual({ origin: 'visit', origin_id: id });
    expect(await measureCount()).toBe(before + 1);
    const again = await xixia.post(`/api/visits/${id}/needs/1/measure`, measure({ title: '再转一次' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('该需求已转为措施');
    expect(await measureCount()).toBe(before + 1);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'visit.need_measured' and entity_id = ${String(id)}`.execute(ctx.db);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('refuses a bad measure by field and a year without a plan, leaving the need as it was', async () => {
    const id = (await grid.post('/api/visits', visit({ visitedOn: recent(), needs: [{ need: 'education' }] }))).body.id;
    const before = await measureCount();
    const late = await xixia.post(`/api/visits/${id}/needs/0/measure`, measure({ type: 'education_aid', deadline: '2020-01-01' }));
    expect(late.status).toBe(400);
    expect(late.body.error.field).toBe('deadline');
    const noPlan = (await grid.post('/api/visits', visit({ visitedOn: '2025-06-01', needs: [{ need: 'education' }] }))).body.id;
    const refused = await xixia.post(`/api/visits/${noPlan}/needs/0/measure`, measure({ type: 'education_aid' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: 'plan', problems: [{ field: 'plan', message: '该户 2025 年度尚未制定帮扶计划，请先制定计划' }] });
    expect((await xixia.post(`/api/visits/${id}/needs/5/measure`, measure())).status).toBe(404);
    expect(await measureCount()).toBe(before);
    expect((await grid.get(`/api/visits/${id}`)).body.needs).toEqual([{ need: 'education', note: null, measureId: null }]);
    expect((await grid.get(`/api/visits/${noPlan}`)).body.needs[0].measureId).toBeNull();
  });

  it('reaches only visits of households in the caseworker’s scope', async () => {
    const ma = await householdOf('马明');
    const id = (await caseworker.post('/api/visits', visit({ householdId: ma, visitedOn: recent(), needs: [{ need: 'medical' }] }))).body.id;
    const before = await measureCount();
    expect((await xixia.post(`/api/visits/${id}/needs/0/measure`, measure())).status).toBe(404);
    expect(await measureCount()).toBe(before);
  });
});
