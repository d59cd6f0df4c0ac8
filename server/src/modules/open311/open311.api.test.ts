/**
 * Open311 GeoReport v2 over appeals. Every response — JSON and XML — goes through checkResponse,
 * which validates it against open311.openapi.json; a FixMyStreet-shaped client submits and follows
 * a report as FixMyStreet's Open311.pm would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { DEMO_OPEN311_KEY } from '../seed/demo-open311.js';
import { hashKey } from './clients.repo.js';
import { checkResponse, type CheckedResponse } from './conformance.js';
import { FixMyStreetOpen311, type FmsProblem, type Transport } from './fixmystreet-client.js';

const LIMIT = 6;
const V2 = '/open311/v2';
let ctx: TestContext;
let admin: Client;
let hotline: Client;
let urban: Client;
/** Every response body, for the privacy sweep at the end. */
const seen: string[] = [];

interface CallOptions { form?: Record<string, string>; json?: unknown; body?: string; headers?: Record<string, string>; ip?: string }

async function call(method: 'GET' | 'POST', url: string, options: CallOptions = {}): Promise<CheckedResponse & { headers: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...options.headers };
  let payload = options.body;
  if (options.form) {
    payload = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  if (options.json !== undefined) {
    payload = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  const response = await ctx.app.inject({ method, url, payload, headers, remoteAddress: options.ip ?? '127.0.0.1' });
  seen.push(response.body);
  return { ...checkResponse(method, url, { status: response.statusCode, contentType: String(response.headers['content-type']), text: response.body }), headers: response.headers };
}
const get = (url: string, ip?: string) => call('GET', url, { ip });
const both = async (path: string) => Promise.all([get(`${V2}/${path.replace('{f}', 'json')}`), get(`${V2}/${path.replace('{f}', 'xml')}`)]);

/** FixMyStreet's HTTP goes through the same conformance check. */
const fmsTransport = (ip: string): Transport => async (request) => {
  const url = new URL(request.url);
  const response = await call(request.method, `${url.pathname}${url.search}`, { body: request.body, headers: request.headers, ip });
  return { status: response.status, body: response.text };
};
const fms = (apiKey: string, ip: string) => new FixMyStreetOpen311({ endpoint: `http://localhost${V2}/`, apiKey, transport: fmsTransport(ip) });

const appealCount = async () => (await sql<{ n: number }>`select count(*)::int as n from appeals`.execute(ctx.db)).rows[0]!.n;
const appealOf = async (number: string) => (await sql<any>`select a.*, o.name as org from appeals a left join organisations o on o.id = a.responsible_org_id
  where a.number = ${number}`.execute(ctx.db)).rows[0];
const errorText = (r: CheckedResponse) => r.body.map((e: { code: number; description: string }) => `${e.code} ${e.description}`).join('\n');
async function newClient(name: string, defaultRegionCode: string | null): Promise<string> {
  const created = await admin.post('/api/open311/clients', { name, defaultRegionCode });
  expect(created.status).toBe(201);
  return created.body.apiKey;
}

const streetLight: FmsProblem = {
  id: 42, title: '商铺灯带白天常亮', detail: '金波路一家商铺门口的装饰灯带白天也一直亮着，浪费电。', name: '王小明',
  latitude: 38.50281234, longitude: 106.1325, user: { email: 'wxm@example.cn', phone: '13909510001' },
  extra: [{ name: 'region_code', value: '640105' }],
};
const noisyForm = (apiKey: string) => ({
  api_key: apiKey, service_code: 'noise', description: `夜市摊贩大喇叭循环播放 <b>&amp; "很吵" '深夜'</b>`, lat: '38.4872', long: '106.2309',
  first_name: '李', last_name: '女士', phone: '13909510002', email: 'li@example.cn',
});

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { open311PostsPerMinute: LIMIT } });
  [admin, hotline, urban] = await Promise.all(['admin', 'hotline', 'urban'].map((u) => ctx.signIn(u)));
});
afterAll(async () => ctx?.close());

describe('discovery and services', () => {
  it('describe the endpoint and one service per active category, the same in JSON and XML', async () => {
    const [discoveryJson, discoveryXml] = await both('discovery.{f}');
    expect(discoveryJson.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] });
    expect(discoveryXml.body).toEqual(discoveryJson.body);
    const [json, xml] = await both('services.{f}');
    const active = await sql<{ n: number }>`select count(*)::int as n from appeal_categories where active`.execute(ctx.db);
    expect(json.body).toHaveLength(active.rows[0]!.n);
    expect(json.body.find((s: { service_code: string }) => s.service_code === 'noise')).toEqual({
      service_code: 'noise', service_name: '噪声扰民', description: '商铺喇叭、施工噪声、夜间扰民等', metadata: true, type: 'realtime',
      keywords: '噪声扰民, 商铺喇叭, 施工噪声, 夜间扰民', group: '银川市城市管理局',
    });
    expect(xml.body).toEqual(json.body);
    expect(xml.text).toContain('<services><service><service_code>');
  });

  it('define the region attribute from the catalogue; an unknown service is 404', async () => {
    const [json, xml] = await both('services/noise.{f}');
    const [region] = json.body.attributes;
    expect(region).toMatchObject({ code: 'region_code', datatype: 'singlevaluelist', required: false, variable: true, order: 1 });
    expect(region.values).toContainEqual({ key: '640105', name: '西夏区' });
    expect(region.values.length).toBeGreaterThan(50);
    expect(xml.body).toEqual(json.body);
    const unknown = await get(`${V2}/services/ufo.xml`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('<errors><error><code>404</code>');
    const nowhere = await ctx.app.inject({ method: 'GET', url: `${V2}/nothing-here.json` });
    expect([nowhere.statusCode, nowhere.json()]).toEqual([404, [{ code: 404, description: expect.stringContaining('No such Open311 path') }]]);
  });

  it('serves its own OpenAPI document', async () => {
    expect((await get(`${V2}/openapi.json`)).body.paths['/requests.{format}'].post).toBeDefined();
  });
});

let reportId: string;
let noisyId: string;
let noisyToken: string;

describe('creating requests', () => {
  it('takes a FixMyStreet report: stored, dispatched by the catalogue, the contact kept for the unit', async () => {
    const client = fms(DEMO_OPEN311_KEY, '10.0.1.1');
    const sent = await client.sendServiceRequest(streetLight, { url: 'https://fms.example.cn/report/42', image_url: 'https://fms.example.cn/photo/42.0.full.jpeg' }, 'city_appearance');
    expect(client.error).toBe('');
    expect(sent).toMatch(/^\d{14}$/);
    reportId = sent as string;
    const appeal = await appealOf(reportId);
    expect(appeal).toMatchObject({
      channel: 'open311', status: 'dispatched', category_code: 'city_appearance', region_code: '640105', org: '银川市城市管理局',
      lat: 38.502812, lng: 106.1325, contact_name: '王小明', contact_phone: '13909510001', created_by_name: 'Open311 FixMyStreet 银川（演示）',
    });
    expect(appeal.description).toBe('商铺灯带白天常亮\n\n金波路一家商铺门口的装饰灯带白天也一直亮着，浪费电。\n\nhttps://fms.example.cn/report/42\n\n图片：https://fms.example.cn/photo/42.0.full.jpeg');
    const audit = await sql<{ actor_name: string; ip: string }>`select actor_name, ip from audit_log where action = 'appeal.received' and entity_id = ${String(appeal.id)}`.execute(ctx.db);
    expect(audit.rows[0]).toMatchObject({ actor_name: 'Open311 FixMyStreet 银川（演示）', ip: '10.0.1.1' });
  });

  it('returns the first request when a submission is retried with the same Idempotency-Key or token', async () => {
    const first = await call('POST', `${V2}/requests.json`, { json: { ...noisyForm(DEMO_OPEN311_KEY), attribute: { region_code: '640104' } }, headers: { 'idempotency-key': 'fms-report-77' }, ip: '10.0.1.1' });
    expect(first.status).toBe(201);
    [{ service_request_id: noisyId, token: noisyToken }] = first.body;
    expect(first.body[0].service_notice).toMatch(/^已派至银川市城市管理局办理，办理时限至 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const before = await appealCount();
    const again = await call('POST', `${V2}/requests.xml`, { form: noisyForm(DEMO_OPEN311_KEY), headers: { 'idempotency-key': 'fms-report-77' }, ip: '10.0.1.1' });
    expect(again.status).toBe(200);
    expect(again.body[0]).toMatchObject({ service_request_id: noisyId, token: noisyToken });
    const byToken = await call('POST', `${V2}/requests.xml`, { form: { ...noisyForm(DEMO_OPEN311_KEY), token: 'client-made-0001' }, ip: '10.0.1.1' });
    const byTokenAgain = await call('POST', `${V2}/requests.xml`, { form: { ...noisyForm(DEMO_OPEN311_KEY), token: 'client-made-0001' }, ip: '10.0.1.1' });
    expect([byToken.status, byTokenAgain.status]).toEqual([201, 200]);
    expect(byTokenAgain.body[0].service_request_id).toBe(byToken.body[0].service_request_id);
    expect(await appealCount()).toBe(before + 1);
    expect((await appealOf(noisyId)).region_code).toBe('640104');
  });

  it('resolves tokens as the spec says, for FixMyStreet too', async () => {
    const [json, xml] = await both(`tokens/${noisyToken}.{f}`);
    expect(json.body).toEqual([{ service_request_id: noisyId, token: noisyToken }]);
    expect(xml.body).toEqual(json.body);
    expect(await fms(DEMO_OPEN311_KEY, '10.0.1.9').getServiceRequestIdFromToken(noisyToken)).toBe(noisyId);
    expect((await get(`${V2}/tokens/no-such-token-at-all.json`)).status).toBe(404);
  });
});

describe('refusals', () => {
  it('refuses a missing, wrong or deactivated key with 403 and stores nothing', async () => {
    const before = await appealCount();
    const { api_key: _, ...keyless } = noisyForm('');
    const missing = await call('POST', `${V2}/requests.xml`, { form: keyless, ip: '10.0.2.1' });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('<errors><error><code>403</code>');
    expect((await call('POST', `${V2}/requests.json`, { form: noisyForm('o311_not-a-key'), ip: '10.0.2.1' })).status).toBe(403);
    const retiredKey = await newClient('已停用的客户端', '640100');
    const retired = (await admin.get('/api/open311/clients')).body.find((c: { name: string }) => c.name === '已停用的客户端');
    expect((await admin.post(`/api/open311/clients/${retired.id}/deactivate`)).body.active).toBe(false);
    expect((await call('POST', `${V2}/requests.json`, { form: noisyForm(retiredKey), ip: '10.0.2.1' })).status).toBe(403);
    const wrong = fms('o311_wrong', '10.0.2.1');
    expect(await wrong.sendServiceRequest(streetLight, { url: 'https://fms.example.cn/report/43' }, 'city_appearance')).toBe(0);
    expect(wrong.error).toContain('403: Invalid api_key');
    expect((await get(`${V2}/requests.json?api_key=o311_wrong`)).status).toBe(403);
    expect(await appealCount()).toBe(before);
  });

  it('lists every problem with the input as the spec\'s errors (400) and stores nothing', async () => {
    const key = await newClient('没有默认区划的客户端', null);
    const before = await appealCount();
    const post = (form: Record<string, string>) => call('POST', `${V2}/requests.json`, { form: { api_key: key, ...form }, ip: '10.0.3.1' });
    const empty = await post({});
    expect(empty.status).toBe(400);
    expect(errorText(empty)).toMatch(/400 service_code: required[\s\S]*400 description: required[\s\S]*400 lat\/long: a location is required[\s\S]*400 attribute\[region_code\]: required/);
    const place = await post({ service_code: 'noise', description: '噪声', lat: '95', long: 'east', region_code: '640104' });
    expect(errorText(place)).toContain('long: not a number');
    const range = await post({ service_code: 'noise', description: '噪声', lat: '95', long: '106.2', region_code: '640104', media_url: 'javascript:alert(1)' });
    expect(errorText(range)).toMatch(/lat: must be between -90 and 90[\s\S]*media_url/);
    const long = await post({ service_code: 'ufo', description: '长'.repeat(4001), address_string: '某处', region_code: '640104' });
    expect(errorText(long)).toContain('service_code: unknown service "ufo"');
    const service = await post({ service_code: 'noise', description: '长'.repeat(4001), address_string: '某处', 'attribute[region_code]': '649999', phone: 'call me' });
    expect(service.body.map((e: { description: string }) => e.description.split(':')[0])).toEqual(['description', 'attribute[region_code]', 'phone']);
    const huge = await call('POST', `${V2}/requests.xml`, { form: { api_key: key, description: 'x'.repeat(ctx.config.bodyLimitBytes) }, ip: '10.0.3.2' });
    expect([huge.status, huge.body[0].code]).toEqual([413, 413]);
    const plain = await call('POST', `${V2}/requests.json`, { body: 'api_key=x', headers: { 'content-type': 'text/plain' }, ip: '10.0.3.2' });
    expect(plain.status).toBe(415);
    expect(await appealCount()).toBe(before);
  });
});

describe('flood control', () => {
  it('limits POSTs per key (429 in the spec\'s format, nothing stored) and per address', async () => {
    const key = await newClient('限流测试客户端', '640100');
    for (let i = 1; i <= LIMIT; i += 1) {
      expect((await call('POST', `${V2}/requests.json`, { form: { ...noisyForm(key), description: '' }, ip: `10.0.4.${i}` })).status).toBe(400);
    }
    const before = await appealCount();
    const flooded = await call('POST', `${V2}/requests.xml`, { form: noisyForm(key), ip: '10.0.4.99' });
    expect(flooded.status).toBe(429);
    expect(flooded.body).toEqual([{ code: 429, description: expect.stringContaining('Too many requests') }]);
    expect(Number(flooded.headers['retry-after'])).toBeGreaterThan(0);
    expect(await appealCount()).toBe(before);
    for (let i = 1; i <= LIMIT; i += 1) expect((await call('POST', `${V2}/requests.json`, { form: {}, ip: '10.0.5.1' })).status).toBe(403);
    expect((await call('POST', `${V2}/requests.json`, { form: noisyForm(DEMO_OPEN311_KEY), ip: '10.0.5.1' })).status).toBe(429);
    // Reads are not limited.
    expect((await get(`${V2}/services.json`, '10.0.5.1')).status).toBe(200);
  });
});

describe('reading requests and following updates', () => {
  let publishedId: string;
  let hiddenId: string;

  beforeAll(async () => {
    // The FixMyStreet report is handled through the normal services: accepted, answered, published, closed.
    const report = (await appealOf(reportId)).id;
    await urban.post(`/api/appeals/${report}/accept`);
    await urban.post(`/api/appeals/${report}/reply`, { reply: '王小明您好，已督促商户调整亮灯时间，电话回访请拨13909510001。' });
    await hotline.post(`/api/appeals/${report}/reply/approve`, { publish: true, publicQuestion: '市民反映某商铺灯带白天常亮', publicAnswer: '城管部门已督促商户调整亮灯时间' });
    expect((await hotline.post(`/api/appeals/${report}/satisfaction`, { value: 'satisfied', note: null })).body.status).toBe('closed');
    // A hotline appeal answered in public, then reopened by an unhappy caller.
    const pothole = await hotline.post('/api/appeals', { categoryCode: 'road_facilities', description: '井盖松动', address: '兴庆区解放东街 8 号',
      regionCode: '640104', lat: 38.47, lng: 106.28, contactName: '王先生', contactPhone: '13909517777' });
    publishedId = pothole.body.number;
    await urban.post(`/api/appeals/${pothole.body.id}/accept`);
    await urban.post(`/api/appeals/${pothole.body.id}/reply`, { reply: '已更换井盖。' });
    await hotline.post(`/api/appeals/${pothole.body.id}/reply/approve`, { publish: true, publicQuestion: '市民反映某路段井盖松动', publicAnswer: '已更换井盖' });
    await hotline.post(`/api/appeals/${pothole.body.id}/satisfaction`, { value: 'unsatisfied', note: '仍有响声' });
    // And one never published.
    hiddenId = (await hotline.post('/api/appeals', { categoryCode: 'noise', description: '楼下烧烤店油烟和噪声', address: null,
      regionCode: '640104', contactName: '赵女士', contactPhone: '13909518888' })).body.number;
  });

  it('show keyless readers only published appeals, as their public words and region', async () => {
    const [json, xml] = await both('requests.{f}');
    const ids = json.body.map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([reportId, publishedId]));
    expect(ids).not.toContain(hiddenId);
    expect(ids).not.toContain(noisyId);
    expect(json.body.find((r: { service_request_id: string }) => r.service_request_id === reportId)).toEqual({
      service_request_id: reportId, status: 'closed', status_notes: '城管部门已督促商户调整亮灯时间', service_name: '市容环境', service_code: 'city_appearance',
      description: '市民反映某商铺灯带白天常亮', agency_responsible: '银川市城市管理局', service_notice: null,
      // The clock stopped when the reply was drafted: a closed appeal has no due time.
      requested_datetime: expect.stringMatching(/\+08:00$/), updated_datetime: expect.stringMatching(/\+08:00$/), expected_datetime: null,
      address: '西夏区', address_id: null, zipcode: null, lat: null, long: null, media_url: null, detailed_status: 'closed', detailed_status_name: '已办结',
    });
    expect(json.body.find((r: { service_request_id: string }) => r.service_request_id === publishedId)).toMatchObject({ status: 'open', detailed_status: 'dispatched', status_notes: '已更换井盖' });
    expect(xml.body).toEqual(json.body);
    expect((await get(`${V2}/requests/${hiddenId}.json`)).status).toBe(404);
    expect((await get(`${V2}/requests/${noisyId}.xml`)).status).toBe(404);
    expect((await get(`${V2}/requests/19990101000001.json`)).status).toBe(404);
  });

  it('show a client its own requests with its own words and place', async () => {
    const mine = await get(`${V2}/requests/${reportId}.json?api_key=${DEMO_OPEN311_KEY}`);
    expect(mine.body[0]).toMatchObject({ description: expect.stringContaining('金波路一家商铺'), lat: 38.502812, long: 106.1325, media_url: 'https://fms.example.cn/photo/42.0.full.jpeg' });
    const [openJson, open] = await both(`requests/${noisyId}.{f}?api_key=${DEMO_OPEN311_KEY}`);
    expect(open.body).toEqual(openJson.body);
    expect(open.text).toContain('<description>夜市摊贩大喇叭循环播放 &lt;b&gt;&amp;amp; &quot;很吵&quot; &apos;深夜&apos;&lt;/b&gt;</description>');
    expect(open.body[0]).toMatchObject({ status: 'open', detailed_status: 'dispatched', status_notes: '已派至银川市城市管理局办理', expected_datetime: expect.stringMatching(/\+08:00$/) });
  });

  it('filter by status, service_code, dates and ids, and refuse bad filters', async () => {
    const ids = async (query: string) => (await get(`${V2}/requests.json?api_key=${DEMO_OPEN311_KEY}&${query}`)).body.map((r: { service_request_id: string }) => r.service_request_id);
    expect(await ids('status=open')).toEqual(expect.arrayContaining([noisyId, publishedId]));
    expect(await ids('status=open')).not.toContain(reportId);
    // The demo has appeals of its own (published ones among them): check ours, and that every one matches.
    const closed = await get(`${V2}/requests.json?api_key=${DEMO_OPEN311_KEY}&status=closed`);
    expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(reportId);
    expect(closed.body.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(noisyId);
    expect(await ids('status=open,closed')).toEqual(expect.arrayContaining([noisyId, reportId, publishedId]));
    const roads = await get(`${V2}/requests.json?api_key=${DEMO_OPEN311_KEY}&service_code=road_facilities`);
    expect(roads.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(publishedId);
    expect(roads.body.every((r: { service_code: string }) => r.service_code === 'road_facilities')).toBe(true);
    expect(await ids(`start_date=${encodeURIComponent('2099-01-01T00:00:00+08:00')}`)).toEqual([]);
    expect(await ids('end_date=2020-01-01')).toEqual([]);
    expect(await ids(`start_date=${new Date(Date.now() - 3_600_000).toISOString()}&end_date=${new Date(Date.now() + 60_000).toISOString()}`)).toContain(reportId);
    expect((await ids(`service_request_id=${reportId},${publishedId},${hiddenId}&status=open`)).sort()).toEqual([reportId, publishedId].sort());
    const bad = await get(`${V2}/requests.xml?start_date=yesterday&status=pending`);
    expect(bad.status).toBe(400);
    expect(errorText(bad)).toMatch(/status: open or closed[\s\S]*start_date: not a W3C date-time/);
  });

  it('let FixMyStreet follow the replies through servicerequestupdates', async () => {
    const start = new Date(Date.now() - 3_600_000).toISOString();
    const end = new Date(Date.now() + 60_000).toISOString();
    const updates = await fms(DEMO_OPEN311_KEY, '10.0.6.1').getServiceRequestUpdates(start, end);
    expect(Array.isArray(updates)).toBe(true);
    const ofReport = (updates as any[]).filter((u) => u.service_request_id === reportId);
    expect(ofReport.map((u) => [u.external_status_code, u.status])).toEqual([['dispatched', 'open'], ['accepted', 'investigating'], ['replied', 'closed'], ['closed', 'closed']]);
    expect(ofReport[2]).toMatchObject({ description: '城管部门已督促商户调整亮灯时间', detailed_status: 'replied', media_url: null });
    expect(ofReport.every((u) => /^\d+$/.test(u.update_id))).toBe(true);
    expect((updates as any[]).some((u) => u.service_request_id === noisyId)).toBe(true);
    const [json, xml] = await both(`servicerequestupdates.{f}?start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}`);
    expect(xml.body).toEqual(json.body);
    const publicIds = new Set(json.body.map((u: { service_request_id: string }) => u.service_request_id));
    expect([...publicIds]).toEqual(expect.arrayContaining([reportId, publishedId]));
    expect([...publicIds]).not.toContain(noisyId);
    expect([...publicIds]).not.toContain(hiddenId);
    expect(json.body.filter((u: { service_request_id: string }) => u.service_request_id === publishedId).at(-1)).toMatchObject({ external_status_code: 'reopened', status: 'open' });
    expect(await fms(DEMO_OPEN311_KEY, '10.0.6.1').getServiceRequestUpdates(start)).toBe(0);
  });

  it('never show a name, phone, e-mail or the private reply in anything they return', () => {
    const everything = seen.join('\n');
    for (const secret of ['王小明', '13909510001', 'wxm@example.cn', '李 女士', '13909510002', 'li@example.cn', '王先生', '13909517777', '赵女士', '13909518888', '电话回访请拨']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('client administration', () => {
  it('is for administrators; the key is shown once and stored as its hash; changes are audited', async () => {
    expect((await hotline.get('/api/open311/clients')).status).toBe(403);
    expect((await hotline.post('/api/open311/clients', { name: '越权', defaultRegionCode: null })).status).toBe(403);
    const created = await admin.post('/api/open311/clients', { name: '永宁县网格平台', defaultRegionCode: '640121' });
    expect(created.body.apiKey).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
    expect(created.body.client).toMatchObject({ name: '永宁县网格平台', defaultRegionName: '永宁县', active: true, keyHint: created.body.apiKey.slice(0, 9) });
    const listed = await admin.get('/api/open311/clients');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.apiKey);
    expect(listed.body.find((c: { name: string }) => c.name === 'FixMyStreet 银川（演示）')).toMatchObject({ requestCount: 3, active: true });
    const stored = await sql<{ key_hash: string }>`select key_hash from open311_clients where id = ${created.body.client.id}`.execute(ctx.db);
    expect(stored.rows[0]!.key_hash).toBe(hashKey(created.body.apiKey));
    expect((await admin.post('/api/open311/clients', { name: '永宁县网格平台', defaultRegionCode: null })).status).toBe(409);
    expect((await admin.post('/api/open311/clients', { name: '无效区划', defaultRegionCode: '649999' })).body.error.field).toBe('defaultRegionCode');
    await admin.post(`/api/open311/clients/${created.body.client.id}/deactivate`);
    // The signed-in API's documentation lists the administration, not the Open311 paths (they have their own document).
    const documented = Object.keys((await admin.get('/api/docs/json')).body.paths);
    expect(documented).toContain('/api/open311/clients');
    expect(documented.some((p) => p.startsWith('/open311/'))).toBe(false);
    const audit = await sql<{ action: string }>`select action from audit_log where entity_type = 'open311_client' and entity_id = ${String(created.body.client.id)} order by id`.execute(ctx.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['open311.client_created', 'open311.client_deactivated']);
  });
});
