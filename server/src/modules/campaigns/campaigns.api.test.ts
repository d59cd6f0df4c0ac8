/**
 * Census campaigns (摸排): the demo campaign; a rule previewed and the campaign created with its
 * households selected and handed to the grid worker of their community; a bad rule refused on
 * its field with nothing created; data scope for another district's caseworker and for grid
 * workers; a census visit that sets the household's status and corrects facts through the
 * normal fact history; and progress by area and by worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { DEMO_CAMPAIGN } from '../seed/demo-campaigns.js';

let ctx: TestContext;
let admin: Client;
let caseworker: Client;
let xixia: Client;
let grid: Client;
let leader: Client;
let today: string;
let demoId: number;

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(ctx.db)).rows[0]!;
const householdOf = async (head: string) => (await one(sql<{ id: number }>`select h.id from households h join persons p on p.id = h.head_person_id where p.name = ${head}`)).id;
const personOf = async (name: string) => (await one(sql<{ id: number }>`select id from persons where name = ${name}`)).id;
const userOf = async (username: string) => (await one(sql<{ id: number }>`select id from users where username = ${username}`)).id;
const tableCount = async (table: 'campaigns' | 'campaign_households' | 'visits' | 'facts') => (await one(sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`)).n;
const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const statusOf = async (campaignId: number, householdId: number) =>
  one(sql<{ status: string; last_visit_id: number | null }>`select status, last_visit_id::int from campaign_households where campaign_id = ${campaignId} and household_id = ${householdId}`);

/** A user of a new or existing organisation, signed in with a password of their own. */
async function newUser(username: string, displayName: string, org: { name: string; type?: string; regionCode?: string }, role: string, regionCode: string | null = null): Promise<Client> {
  let orgId = (await sql<{ id: number }>`select id from organisations where name = ${org.name}`.execute(ctx.db)).rows[0]?.id;
  if (!orgId) {
    const parent = (await one(sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`)).id;
    const made = await admin.post('/api/organisations', { parentId: parent, name: org.name, type: org.type, regionCode: org.regionCode });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    orgId = made.body.id;
  }
  const user = await admin.post('/api/users', { username, displayName, orgId, roleCodes: [role], regionCode });
  expect(user.status, JSON.stringify(user.body)).toBe(200);
  const first = await ctx.signIn(username, user.body.generatedPassword);
  expect((await first.post('/api/auth/password', { currentPassword: user.body.generatedPassword, newPassword: 'Campaign-test-2026' })).status).toBe(200);
  return ctx.signIn(username, 'Campaign-test-2026');
}

const campaign = (overrides: Record<string, unknown> = {}) => ({
  name: '低保家庭未成年人摸排', regionCode: '640100', description: '低保家庭中的未成年人',
  rule: 'household.assistanceStatus == "dibao"\n&& household.members.exists(m, m.age < 18)', startsOn: today, endsOn: inDays(30), ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  [admin, caseworker, xixia, grid, leader] = await Promise.all(['admin', 'caseworker', 'xixia', 'grid', 'leader'].map((u) => ctx.signIn(u)));
  today = (await one(sql<{ d: string }>`select current_date::text as d`)).d;
  demoId = (await one(sql<{ id: number }>`select id::int from campaigns where name = ${DEMO_CAMPAIGN.name}`)).id;
});
afterAll(async () => ctx?.close());

describe('the demo campaign', () => {
  it('covers the ten hardship-worker households of 银川市, 王建国’s assigned to his community’s grid worker, three already visited', async () => {
    const listed = (await caseworker.get('/api/campaigns')).body;
    const demo = listed.find((c: { id: number }) => c.id === demoId);
    expect(demo).toMatchObject({
      name: DEMO_CAMPAIGN.name, regionName: '银川市', ownerOrgName: '银川市总工会', createdByName: '银川市总工会 帮扶干部 陈静', status: 'open', targetCount: 10,
      counts: { total: 10, pending: 7, visited: 2, not_at_home: 1, moved: 0, not_found: 0 }, unassigned: 9,
    });
    const mine = (await grid.get('/api/census-tasks')).body;
    expect(mine.map((t: { headName: string; campaignName: string; status: string }) => [t.headName, t.campaignName, t.status])).toEqual([['王建国', DEMO_CAMPAIGN.name, 'pending']]);
  });
});

describe('creating a campaign', () => {
  it('previews the count in the region and the asker’s scope, then selects and assigns the households', async () => {
    const preview = await caseworker.post('/api/campaigns/preview', { regionCode: '640100', rule: campaign().rule });
    expect(preview.body).toEqual({ problems: [], count: 3, undecidable: 0, considered: 10 });
    // The district union sees only its own district's households.
    expect((await xixia.post('/api/campaigns/preview', { regionCode: '640100', rule: campaign().rule })).body.count).toBe(2);
    expect((await caseworker.post('/api/campaigns/preview', { regionCode: '640104', rule: campaign().rule })).body.count).toBe(0);

    const made = await caseworker.post('/api/campaigns', campaign());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ targetCount: 3, counts: { total: 3, pending: 3 }, unassigned: 2, description: '低保家庭中的未成年人', rule: campaign().rule });
    const households = (await caseworker.get(`/api/campaigns/${made.body.id}/households`)).body;
    expect(households.total).toBe(3);
    const byHead = Object.fromEntries(households.items.map((h: { headName: string; assignedUserName: string | null }) => [h.headName, h.assignedUserName]));
    expect(byHead).toEqual({ 王建国: '金波路社区 网格员 谈静美', 刘芳: null, 赵丽娟: null });
    expect((await caseworker.get(`/api/campaigns/${made.body.id}/households?assignedUserId=0`)).body.total).toBe(2);
    const audit = await one(sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'campaign.created' and entity_id = ${String(made.body.id)}`);
    expect(audit.n).toBe(1);
  });

  it('refuses a rule that does not check, with the engine’s message on the field rule, and creates nothing', async () => {
    const [campaigns, households] = [await tableCount('campaigns'), await tableCount('campaign_households')];
    const syntax = await caseworker.post('/api/campaigns', campaign({ rule: 'household.size >' }));
    expect(syntax.status).toBe(400);
    expect(syntax.body.error.field).toBe('rule');
    expect(syntax.body.error.problems[0].message).toMatch(/^目标人群规则第 1 行第 \d+ 列：语法错误/);
    const typed = await caseworker.post('/api/campaigns', campaign({ rule: 'household.size == "4"' }));
    expect(typed.status).toBe(400);
    expect(typed.body.error).toMatchObject({ field: 'rule', data: { ruleProblems: [{ line: 1, message: expect.stringContaining('int') }] } });
    const unknown = await caseworker.post('/api/campaigns', campaign({ rule: 'household.pets > 0' }));
    expect(unknown.body.error.field).toBe('rule');
    const nobody = await caseworker.post('/api/campaigns', campaign({ rule: 'household.size > 50' }));
    expect(nobody.status).toBe(400);
    expect(nobody.body.error).toMatchObject({ field: 'rule', message: expect.stringContaining('没有符合目标人群规则的家庭') });
    const dates = await caseworker.post('/api/campaigns', campaign({ name: ' ', startsOn: inDays(10), endsOn: inDays(5) }));
    expect(Object.fromEntries(dates.body.error.problems.map((p: { field: string; message: string }) => [p.field, p.message]))).toEqual({ name: '请填写摸排任务名称', endsOn: '结束日期不能早于开始日期' });
    expect([await tableCount('campaigns'), await tableCount('campaign_households')]).toEqual([campaigns, households]);
    // The editor's live check: problems with line and column, no count.
    const preview = await caseworker.post('/api/campaigns/preview', { regionCode: '640100', rule: 'household.size >' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ count: null, problems: [{ line: 1, column: expect.any(Number), message: expect.stringContaining('语法错误') }] });
  });

  it('needs plan:write to preview, create or assign', async () => {
    expect((await grid.post('/api/campaigns', campaign())).status).toBe(403);
    expect((await leader.post('/api/campaigns/preview', { regionCode: '640100', rule: 'true' })).status).toBe(403);
    expect((await grid.post(`/api/campaigns/${demoId}/assign`, { householdIds: [await householdOf('王建国')], userId: null })).status).toBe(403);
  });
});

describe('data scope', () => {
  let xingqing: Client;
  let grid2: Client;
  let xixiaCampaign: number;
  beforeAll(async () => {
    xingqing = await newUser('xingqing', '兴庆区总工会 帮扶干部 杨柳', { name: '兴庆区总工会' }, 'caseworker');
    grid2 = await newUser('grid2', '星光巷社区 网格员 周敏', { name: '星光巷社区居委会', type: 'community', regionCode: '640105002002' }, 'grid_worker', '640105002002');
    const made = await xixia.post('/api/campaigns', campaign({ name: '西夏区困难职工家庭摸排', regionCode: '640105', rule: 'household.hardshipWorker != ""' }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    xixiaCampaign = made.body.id;
  });

  it('another district’s caseworker sees none of a district campaign, and only her district’s part of the city’s', async () => {
    expect((await xingqing.get('/api/campaigns')).body.map((c: { id: number }) => c.id)).not.toContain(xixiaCampaign);
    for (const path of ['', '/progress', '/households']) expect((await xingqing.get(`/api/campaigns/${xixiaCampaign}${path}`)).status).toBe(404);
    expect((await xingqing.post(`/api/campaigns/${xixiaCampaign}/assign`, { householdIds: [await householdOf('吴秀梅')], userId: null })).status).toBe(404);
    const city = (await xingqing.get(`/api/campaigns/${demoId}`)).body;
    expect(city.counts.total).toBe(3);
    const heads = (await xingqing.get(`/api/campaigns/${demoId}/households?pageSize=50`)).body.items.map((h: { headName: string }) => h.headName).sort();
    expect(heads).toEqual(['李强', '袁卫东', '马明'].sort());
    // Only the owner closes the city's campaign.
    expect((await xingqing.post(`/api/campaigns/${demoId}/close`)).status).toBe(404);
    // The city caseworker sees the district's campaign whole.
    expect((await caseworker.get(`/api/campaigns/${xixiaCampaign}`)).body.counts.total).toBe(4);
  });

  it('a grid worker’s tasks are her own assignments only; a worker outside a household’s area cannot be given it', async () => {
    const wu = await householdOf('吴秀梅');
    const refused = await caseworker.post(`/api/campaigns/${demoId}/assign`, { householdIds: [await householdOf('王建国')], userId: await userOf('grid2') });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: 'userId', message: expect.stringContaining('星光巷社区 网格员 周敏的管辖区域和所在单位不包含所选的 1 户') });
    const workers = (await caseworker.get(`/api/campaigns/${demoId}/workers`)).body.map((w: { name: string }) => w.name);
    expect(workers).toEqual(expect.arrayContaining(['金波路社区 网格员 谈静美', '星光巷社区 网格员 周敏', '西夏区总工会 帮扶干部 马涛']));
    const tasksOf = async (client: Client) =>
      (await client.get('/api/census-tasks')).body.map((t: { householdId: number; campaignId: number; status: string }) => [t.householdId, t.campaignId, t.status]);
    // The district's campaign, made after she joined, gave her the household of her community at once.
    expect(await tasksOf(grid2)).toEqual([[wu, xixiaCampaign, 'pending']]);
    expect((await caseworker.post(`/api/campaigns/${demoId}/assign`, { householdIds: [wu], userId: await userOf('grid2') })).body).toEqual({ assigned: 1 });
    expect(await tasksOf(grid2)).toEqual([[wu, xixiaCampaign, 'pending'], [wu, demoId, 'visited']]);
    // Reading the campaign, a grid worker meets only the households of her own jurisdiction.
    const seen = (await grid2.get(`/api/campaigns/${demoId}/households?pageSize=50`)).body;
    expect(seen.items.map((h: { householdId: number }) => h.householdId)).toEqual([wu]);
    expect((await grid2.get(`/api/campaigns/${demoId}/progress`)).body.totals.total).toBe(1);
    const gridTasks = (await grid.get('/api/census-tasks')).body;
    expect(gridTasks.every((t: { assignedUserName: string }) => t.assignedUserName === '金波路社区 网格员 谈静美')).toBe(true);
    expect(gridTasks.map((t: { householdId: number }) => t.householdId)).not.toContain(wu);
    expect((await caseworker.post(`/api/campaigns/${demoId}/assign`, { householdIds: [wu], userId: null })).body).toEqual({ assigned: 1 });
    expect(await tasksOf(grid2)).toEqual([[wu, xixiaCampaign, 'pending']]);
  });
});

describe('a census visit', () => {
  let wang: number;
  const census = (overrides: Record<string, unknown> = {}) => ({
    householdId: wang, visitedOn: today, companions: [], purposes: ['needs_check'], outcome: 'visited', findings: '入户核实', needs: [], campaignId: demoId, ...overrides,
  });
  beforeAll(async () => {
    wang = await householdOf('王建国');
  });

  it('refuses facts it cannot take, by field, saving neither the visit nor a fact', async () => {
    const [visits, facts] = [await tableCount('visits'), await tableCount('facts')];
    const problems = async (body: Record<string, unknown>) => {
      const res = await grid.post('/api/visits', census(body));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      return Object.fromEntries(res.body.error.problems.map((p: { field: string; message: string }) => [p.field, p.message]));
    };
    const head = await personOf('王建国');
    expect(await problems({ outcome: 'not_at_home', facts: [{ personId: head, kind: 'employment', value: null }] })).toEqual({ facts: '未入户（家中无人、已搬离、查无此户）不能核实家庭信息' });
    expect(await problems({ facts: [{ personId: await personOf('吴秀梅'), kind: 'elderly_alone', value: {} }] })).toEqual({ 'facts.0.personId': '核实的人员不是本户成员' });
    expect(await problems({ facts: [{ personId: head, kind: 'employment', value: { employer: '公益岗', publicWelfarePost: true } }, { personId: head, kind: 'income', value: {} }] }))
      .toEqual({ 'facts.0.value.postEndDate': '就业：公益性岗位须填写到期日期（YYYY-MM-DD）', 'facts.1.kind': '摸排不能核实“income”，可核实：独居老人、就业、残疾（持证）、失能' });
    expect(await problems({ facts: [{ personId: head, kind: 'employment', value: { employer: ' ' } }] })).toEqual({ 'facts.0.value.employer': '就业：请填写工作单位' });
    expect([await tableCount('visits'), await tableCount('facts')]).toEqual([visits, facts]);
    expect(await statusOf(demoId, wang)).toEqual({ status: 'pending', last_visit_id: null });
  });

  it('sets the household’s status and records corrected facts in the fact history, once, where the policy monitor sees them', async () => {
    const [head, spouse] = [await personOf('王建国'), await personOf('李秀兰')];
    const monitorRuns = async () => (await one(sql<{ n: number }>`select count(*)::int as n from policy_runs where kind = 'monitor'`)).n;
    const [runs, facts] = [await monitorRuns(), await tableCount('facts')];
    const body = census({
      clientId: '0d6f7f0e-5a1b-4c8e-9d2f-3b4a5c6d7e8f',
      facts: [
        { personId: head, kind: 'employment', value: { employer: ' 宁夏建工集团第三分公司 ' } },
        { personId: head, kind: 'elderly_alone', value: null },
        { personId: spouse, kind: 'incapacitated', value: { level: 'partial' } },
      ],
    });
    const res = await grid.post('/api/visits', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ campaignId: demoId, purposes: ['census', 'needs_check'], outcome: 'visited' });
    expect(res.body.factChecks).toEqual([
      { personId: head, kind: 'employment', action: 'recorded', factId: expect.any(Number) },
      { personId: head, kind: 'elderly_alone', action: 'confirmed', factId: null },
      { personId: spouse, kind: 'incapacitated', action: 'recorded', factId: expect.any(Number) },
    ]);
    expect(await statusOf(demoId, wang)).toEqual({ status: 'visited', last_visit_id: res.body.id });
    const { rows: history } = await sql`select value, source, valid_from::text, valid_to::text from facts where person_id = ${head} and kind = 'employment' order by valid_from`.execute(ctx.db);
    expect(history).toEqual([
      { value: { employer: '宁夏建工集团', publicWelfarePost: false }, source: '工会困难职工档案', valid_from: '2020-01-01', valid_to: today },
      { value: { employer: '宁夏建工集团第三分公司' }, source: `摸排：${DEMO_CAMPAIGN.name}`, valid_from: today, valid_to: null },
    ]);
    expect(await tableCount('facts')).toBe(facts + 2);
    expect(await monitorRuns()).toBeGreaterThan(runs);
    // The phone sends the same draft again: the visit and its facts are not recorded twice.
    const again = await grid.post('/api/visits', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    expect(await tableCount('facts')).toBe(facts + 2);

    // Confirming what the registry now says writes nothing; an older visit sent late does not undo the newer outcome.
    const confirm = await grid.post('/api/visits', census({ facts: [{ personId: head, kind: 'employment', value: { employer: '宁夏建工集团第三分公司', publicWelfarePost: false } }] }));
    expect(confirm.body.factChecks).toEqual([{ personId: head, kind: 'employment', action: 'confirmed', factId: res.body.factChecks[0].factId }]);
    expect(await tableCount('facts')).toBe(facts + 2);
    const late = await grid.post('/api/visits', census({ visitedOn: inDays(-3), outcome: 'not_at_home' }));
    expect(late.status).toBe(201);
    expect(await statusOf(demoId, wang)).toEqual({ status: 'visited', last_visit_id: confirm.body.id });
  });

  it('belongs to a household of an open campaign, on or after its start', async () => {
    const problems = async (client: Client, body: Record<string, unknown>) => {
      const res = await client.post('/api/visits', census(body));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      return Object.fromEntries(res.body.error.problems.map((p: { field: string; message: string }) => [p.field, p.message]));
    };
    const ma = await householdOf('马明');
    const dibao = (await one(sql<{ id: number }>`select id::int from campaigns where name = '低保家庭未成年人摸排'`)).id;
    expect(await problems(caseworker, { householdId: ma, campaignId: dibao })).toEqual({ campaignId: '该户不在所选的摸排任务中' });
    expect(await problems(grid, { visitedOn: inDays(-25) })).toEqual({ visitedOn: `走访日期早于摸排开始日期（${inDays(-20)}）` });
    const xixiaCampaign = (await one(sql<{ id: number }>`select id::int from campaigns where name = '西夏区困难职工家庭摸排'`)).id;
    expect((await caseworker.post(`/api/campaigns/${xixiaCampaign}/close`)).body.status).toBe('closed');
    expect((await caseworker.post(`/api/campaigns/${xixiaCampaign}/close`)).status).toBe(409);
    expect(await problems(grid, { campaignId: xixiaCampaign })).toEqual({ campaignId: '摸排任务“西夏区困难职工家庭摸排”已结束，不能再登记' });
    expect((await grid.get('/api/census-tasks')).body.map((t: { campaignId: number }) => t.campaignId)).not.toContain(xixiaCampaign);
  });
});

describe('progress', () => {
  type Row = { name: string; total: number; visited: number; not_at_home: number; pending: number };
  const byCode = (rows: Array<{ code: string | null; name: string; counts: Record<string, number> }>): Record<string, Row> =>
    Object.fromEntries(rows.map((r) => [r.code, { name: r.name, total: r.counts.total!, visited: r.counts.visited!, not_at_home: r.counts.not_at_home!, pending: r.counts.pending! }]));

  it('counts by status for the whole campaign, per child area down to the community, and per worker', async () => {
    const city = (await caseworker.get(`/api/campaigns/${demoId}/progress`)).body;
    expect(city.area).toEqual({ code: '640100', name: '银川市', level: 2 });
    expect(city.totals).toEqual({ total: 10, pending: 6, visited: 3, not_at_home: 1, moved: 0, not_found: 0 });
    expect(byCode(city.areas)).toEqual({
      640104: { name: '兴庆区', total: 3, visited: 0, not_at_home: 0, pending: 3 },
      640105: { name: '西夏区', total: 4, visited: 3, not_at_home: 1, pending: 0 },
      640106: { name: '金凤区', total: 3, visited: 0, not_at_home: 0, pending: 3 },
    });
    expect(city.workers.map((w: { name: string; counts: { total: number; visited: number } }) => [w.name, w.counts.total, w.counts.visited]))
      .toEqual([['金波路社区 网格员 谈静美', 1, 1], ['未分派', 9, 2]]);
    const district = (await caseworker.get(`/api/campaigns/${demoId}/progress?area=640105`)).body;
    expect(district.path.map((r: { name: string }) => r.name)).toEqual(['银川市', '西夏区']);
    expect(Object.keys(byCode(district.areas))).toEqual(['640105001', '640105002']);
    expect(byCode(district.areas)['640105001']).toMatchObject({ total: 1, not_at_home: 1 });
    const street = (await caseworker.get(`/api/campaigns/${demoId}/progress?area=640105002`)).body;
    expect(Object.entries(byCode(street.areas)).map(([code, row]) => [code, row.total, row.visited])).toEqual([
      ['640105002001', 1, 1], ['640105002002', 1, 1], ['640105002003', 1, 1],
    ]);
    expect((await caseworker.get(`/api/campaigns/${demoId}/progress?area=640200`)).body.error).toMatchObject({ field: 'area' });
    // The district union follows its own part of the city's campaign.
    const own = (await xixia.get(`/api/campaigns/${demoId}/progress`)).body;
    expect(own.totals.total).toBe(4);
    expect(Object.keys(byCode(own.areas))).toEqual(['640105']);
  });
});
