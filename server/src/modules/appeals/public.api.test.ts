/** The public side of appeals: the form without signing in, idempotent retries, flood limits, the lookup by number and phone, and the digest. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { multipartBody, pngBytes } from '../../../test/multipart.js';
import { COLUMN_APPEALS } from '../seed/demo-appeals.js';

let ctx: TestContext;
let hotline: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { publicAppealsPerMinute: 4, publicLookupsPerMinute: 6 } });
  hotline = await ctx.signIn('hotline');
});
afterAll(async () => ctx?.close());

const appealCount = async () => (await sql<{ n: number }>`select count(*)::int as n from appeals`.execute(ctx.db)).rows[0]!.n;
const form = {
  categoryCode: 'road_facilities', description: '金波路口的井盖松动，车压过去哐哐响。<img src=x onerror=alert(1)>', address: '西夏区金波路口',
  regionCode: '640105002003', contactName: '张女士', contactPhone: '139-0951-6666',
};
const send = (body: object, key: string | null, ip = '203.0.113.7') => ctx.app.inject({
  method: 'POST', url: '/api/public/appeals', payload: body, remoteAddress: ip, headers: key ? { 'idempotency-key': key } : {},
});
const lookUp = (number: string, phone: string, ip = '203.0.113.8') => ctx.app.inject({ method: 'POST', url: '/api/public/appeals/lookup', payload: { number, phone }, remoteAddress: ip });

describe('the public form', () => {
  let number: string;

  it('takes an appeal without signing in, dispatches it and answers with the receipt only', async () => {
    const sent = await send(form, 'web-draft-0001-abcd');
    expect(sent.statusCode).toBe(201);
    const receipt = sent.json();
    expect(Object.keys(receipt).sort()).toEqual(['createdAt', 'dueAt', 'number', 'responsibleOrgName', 'status']);
    expect(receipt).toMatchObject({ status: 'dispatched', responsibleOrgName: '银川市城市管理局' });
    number = receipt.number;
    const stored = (await hotline.get(`/api/appeals?q=${number}`)).body.items[0];
    expect(stored).toMatchObject({ channel: 'web', createdByName: '市民（网上诉求）', description: form.description });
  });

  it('returns the stored appeal when the browser retries with the same key', async () => {
    const before = await appealCount();
    const again = await send(form, 'web-draft-0001-abcd');
    expect(again.statusCode).toBe(200);
    expect(again.json().number).toBe(number);
    expect(await appealCount()).toBe(before);
  });

  it('needs a phone and a key, checks every field, and stores nothing when anything is wrong', async () => {
    const before = await appealCount();
    const noPhone = await send({ ...form, contactPhone: null }, 'web-draft-0002-abcd', '203.0.113.9');
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().error.field).toBe('contactPhone');
    const noKey = await send(form, null, '203.0.113.9');
    expect(noKey.json().error.problems.map((p: { field: string }) => p.field)).toContain('Idempotency-Key');
    const bad = await send({ ...form, categoryCode: 'ufo', lat: 91, lng: 10 }, 'web-draft-0003-abcd', '203.0.113.10');
    expect(bad.json().error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['categoryCode', 'lat']);
    const channel = await send({ ...form, channel: 'hotline' }, 'web-draft-0004-abcd', '203.0.113.10');
    expect(channel.statusCode).toBe(400);
    expect(await appealCount()).toBe(before);
  });

  it('refuses a flood from one address with a Chinese message, and nothing of it is stored', async () => {
    const before = await appealCount();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await send({ ...form, description: `刷单 ${i}` }, `flood-key-${i}-abcdef`, '198.51.100.1')).statusCode);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    const limited = await send(form, 'flood-key-x-abcdef', '198.51.100.1');
    expect(limited.json().error).toMatchObject({ code: 'rate_limited' });
    expect(limited.json().error.message).toContain('频繁');
    expect(await appealCount()).toBe(before + 4);
    // Another address is not held up by the flood.
    expect((await send({ ...form, description: '另一位市民' }, 'other-key-abcdef', '198.51.100.2')).statusCode).toBe(201);
  });

  it('lets the caller follow the appeal by number and phone, without notes or staff names', async () => {
    const found = await lookUp(number, '13909516666');
    expect(found.statusCode).toBe(200);
    const body = found.json();
    expect(body).toMatchObject({ number, status: 'dispatched', categoryName: '道路设施', responsibleOrgName: '银川市城市管理局', replyText: null });
    expect(body.steps.map((s: { kind: string }) => s.kind)).toEqual(['received', 'dispatched']);
    expect(Object.keys(body.steps[0]).sort()).toEqual(['at', 'kind', 'orgName']);
    expect(JSON.stringify(body)).not.toContain('话务员');
  });

  it('answers a wrong phone exactly as an unknown number, and slows down guessing', async () => {
    const wrongPhone = await lookUp(number, '13900000000', '203.0.113.20');
    const unknown = await lookUp('20990101000001', '13909516666', '203.0.113.20');
    expect(wrongPhone.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrongPhone.json()).toEqual(unknown.json());
    expect(wrongPhone.json().error.message).toContain('请核对诉求编号和留下的联系电话');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await lookUp(number, `1390000000${i}`, '203.0.113.20')).statusCode);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it('shows the unit’s answer once the reply is approved', async () => {
    const id = (await hotline.get(`/api/appeals?q=${number}`)).body.items[0].id;
    const urban = await ctx.signIn('urban');
    expect((await urban.post(`/api/appeals/${id}/accept`)).status).toBe(200);
    expect((await urban.post(`/api/appeals/${id}/reply`, { reply: '已更换井盖并加固。' })).status).toBe(200);
    expect((await lookUp(number, '13909516666')).json().replyText).toBeNull();
    expect((await hotline.post(`/api/appeals/${id}/reply/approve`, { publish: false, publicQuestion: null, publicAnswer: null })).status).toBe(200);
    const answered = (await lookUp(number, '13909516666')).json();
    expect(answered).toMatchObject({ status: 'replied', replyText: '已更换井盖并加固。' });
    // Not published: the digest does not show it.
    const digest = await ctx.app.inject({ method: 'GET', url: '/api/public/digest?pageSize=50' });
    expect(digest.json().items.map((e: { number: string }) => e.number)).not.toContain(number);
  });
});

describe('photos with a web appeal', () => {
  const photo = (key: string | null, content: Buffer | string = pngBytes(), name = '井盖.png') => {
    const { body, headers } = multipartBody({ name, content });
    return ctx.app.inject({ method: 'POST', url: '/api/public/appeals/photos', payload: body, remoteAddress: '203.0.113.30', headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) } });
  };

  it('are taken with the key the appeal was sent with, checked, at most three, seen by the unit', async () => {
    const sent = await send({ ...form, description: '井盖缺失，附照片' }, 'web-photo-key-0001', '203.0.113.31');
    expect(sent.statusCode).toBe(201);
    expect((await photo('web-photo-key-0001')).statusCode).toBe(201);
    const fake = await photo('web-photo-key-0001', 'MZ not a photo');
    expect(fake.json().error.field).toBe('file');
    expect((await photo('web-photo-key-0001')).statusCode).toBe(201);
    expect((await photo('web-photo-key-0001')).statusCode).toBe(201);
    const fourth = await photo('web-photo-key-0001');
    expect(fourth.statusCode).toBe(400);
    expect(fourth.json().error.message).toContain('最多上传 3 张');
    const id = (await hotline.get(`/api/appeals?q=${sent.json().number}`)).body.items[0].id;
    const files = await (await ctx.signIn('urban')).get(`/api/appeals/${id}/files`);
    expect(files.body).toHaveLength(3);
    expect(files.body[0].uploadedByName).toBe('市民（网上诉求）');
  });

  it('are refused without the key, with someone else’s guess, or an hour after sending', async () => {
    expect((await photo(null)).statusCode).toBe(404);
    expect((await photo('web-guessed-key-0001')).statusCode).toBe(404);
    const sent = await send({ ...form, description: '旧诉求' }, 'web-photo-key-0002', '203.0.113.32');
    await sql`update appeals set created_at = now() - interval '61 minutes' where idempotency_key = 'web-photo-key-0002'`.execute(ctx.db);
    expect(sent.statusCode).toBe(201);
    expect((await photo('web-photo-key-0002')).statusCode).toBe(404);
    // A hotline appeal's key is not a web submitter's.
    await hotline.send('POST', '/api/appeals', JSON.stringify(form), { 'content-type': 'application/json', 'idempotency-key': 'call-photo-key-0003' });
    expect((await photo('call-photo-key-0003')).statusCode).toBe(404);
  });
});

describe('the public digest', () => {
  it('lists the seed column’s six answers, newest first, with no personal data', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/public/digest?pageSize=50' });
    expect(response.statusCode).toBe(200);
    const { items, total } = response.json();
    expect(total).toBe(6);
    expect(items.map((e: { question: string }) => e.question).sort()).toEqual(COLUMN_APPEALS.map((a) => a.question).sort());
    expect(items[0]).toMatchObject({ question: COLUMN_APPEALS[5]!.question, unitName: '原州区综合执法局', categoryName: '噪声扰民', regionName: '原州区' });
    const text = JSON.stringify(items);
    expect(text).not.toMatch(/1\d{10}/);
    expect(text).not.toContain('市民');
    expect(Object.keys(items[0]).sort()).toEqual(['answer', 'categoryName', 'number', 'question', 'regionName', 'repliedAt', 'unitName']);
  });

  it('filters by category and pages', async () => {
    const telecom = (await ctx.app.inject({ method: 'GET', url: '/api/public/digest?categoryCode=telecom' })).json();
    expect(telecom.items).toHaveLength(1);
    expect(telecom.items[0].unitName).toBe('宁夏回族自治区国有资产监督管理委员会');
    const second = (await ctx.app.inject({ method: 'GET', url: '/api/public/digest?pageSize=4&page=2' })).json();
    expect(second.items).toHaveLength(2);
  });

  it('came to be through the real workflow: returned and arbitrated, transferred, dispatched by hand, called back', async () => {
    const events = await sql<{ question: string; kinds: string }>`select a.public_question as question, string_agg(e.kind, ',' order by e.id) as kinds
      from appeals a join appeal_events e on e.appeal_id = a.id where a.published group by a.id, a.public_question`.execute(ctx.db);
    const kindsOf = (i: number) => events.rows.find((r) => r.question === COLUMN_APPEALS[i]!.question)!.kinds;
    expect(kindsOf(0)).toBe('received,dispatched,accepted,transferred,accepted,reply_drafted,replied,closed');
    expect(kindsOf(2)).toBe('received,dispatched,returned,arbitrated,accepted,reply_drafted,replied,closed');
    expect(kindsOf(5)).toBe('received,dispatched,accepted,reply_drafted,replied');
  });
});

describe('public regions', () => {
  it('lists places down to the community but not the staff’s grids', async () => {
    const grid = await hotline.get('/api/regions?parent=640105002003');
    const open = await ctx.app.inject({ method: 'GET', url: '/api/public/regions?parent=640105002003' });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toHaveLength(0);
    expect(grid.status).toBe(200);
    const districts = (await ctx.app.inject({ method: 'GET', url: '/api/public/regions?parent=640100' })).json();
    expect(districts.map((r: { name: string }) => r.name)).toContain('西夏区');
  });
});
