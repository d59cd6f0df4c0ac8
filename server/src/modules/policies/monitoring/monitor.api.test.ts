/**
 * Monitoring on the demo: a fact change re-evaluates the household at once and reminds the
 * responsible caseworkers (in-app, with unread counts, and an SMS in the outbox); a post
 * ending within 30 days is reminded once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.js';
import { systemActor } from '../../../kernel/auth/actor.js';
import { dailySweep } from './monitor.js';

let ctx: TestContext;
let xixia: Client;
let leader: Client;

async function personByName(name: string) {
  const { rows } = await sql<{ id: number; household_id: number; id_number: string }>`select id, household_id, id_number from persons where name = ${name}`.execute(ctx.db);
  return rows[0]!;
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  xixia = await ctx.signIn('xixia');
  leader = await ctx.signIn('leader');
});
afterAll(async () => ctx?.close());

describe('monitoring fact changes', () => {
  it('a newly certified severe disability in a 低保 household reminds the caseworkers of both subsidies', async () => {
    const before = (await xixia.get('/api/notifications/unread-count')).body.unread;
    // 王建国's household (西夏区, 低保): his wife is newly certified, grade 1.
    const { rows } = await sql<{ name: string }>`
      select p.name from persons p join households h on h.id = p.household_id join persons hp on hp.id = h.head_person_id
      where hp.name = '王建国' and p.relationship = 'spouse'`.execute(ctx.db);
    const spouse = await personByName(rows[0]!.name);
    const recorded = await xixia.post(`/api/persons/${spouse.id}/facts`, {
      kind: 'disability', value: { category: 4, grade: 1, certificateNo: `${spouse.id_number}41` }, source: '残联新办证', validFrom: '2026-11-01',
    });
    expect(recorded.status).toBe(200);

    // Every open difference of the household is reminded, the two new subsidies among them.
    const differences = await sql<{ n: number }>`select count(*)::int as n from policy_candidates c join policy_runs r on r.id = c.run_id
      where r.kind = 'monitor' and c.household_id = ${spouse.household_id} and c.kind in ('add', 'stop', 'amount')`.execute(ctx.db);
    const list = await xixia.get('/api/notifications?unreadOnly=true');
    expect(list.body.unread).toBe(before + differences.rows[0]!.n);
    const titles = list.body.items.map((n: any) => n.title).join('\n');
    expect(titles).toContain('困难残疾人生活补贴');
    expect(titles).toContain('重度残疾人护理补贴');
    const nursing = list.body.items.find((n: any) => n.title.includes('重度残疾人护理补贴'));
    expect(nursing).toMatchObject({ kind: 'eligibility_changed', householdId: spouse.household_id, link: `/households/${spouse.household_id}` });
    expect(nursing.title).toContain('应纳未纳');
    expect(nursing.body).toContain('残疾');

    // The city caseworker above the district union is reminded too, by SMS as well; the leader (no policy:run) is not.
    const sms = await sql<{ recipient: string; n: number }>`select o.recipient, count(*)::int as n from outbox o join notifications x on x.id = o.notification_id
      where o.status = 'pending' and x.kind = 'eligibility_changed' group by o.recipient order by o.recipient`.execute(ctx.db);
    const n = differences.rows[0]!.n;
    expect(sms.rows).toEqual([{ recipient: '13909510001', n }, { recipient: '13909510002', n }]);
    expect((await leader.get('/api/notifications/unread-count')).body.unread).toBe(0);

    // The change is on a list a caseworker can act on.
    const monitorRuns = await sql<{ n: number }>`select count(*)::int as n from policy_candidates c join policy_runs r on r.id = c.run_id where r.kind = 'monitor' and c.household_id = ${spouse.household_id}`.execute(ctx.db);
    expect(monitorRuns.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('the same change does not remind twice while unread; reading clears the count', async () => {
    const list = await xixia.get('/api/notifications?unreadOnly=true');
    const first = list.body.items[0];
    const read = await xixia.post(`/api/notifications/${first.id}/read`);
    expect(read.body.readAt).not.toBeNull();
    expect((await xixia.get('/api/notifications/unread-count')).body.unread).toBe(list.body.unread - 1);
    expect((await leader.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    const all = await xixia.post('/api/notifications/read-all');
    expect(all.body.updated).toBe(list.body.unread - 1);
  });

  it('a death stops what the person received', async () => {
    const child = await personByName('孙浩然');
    const recorded = await xixia.post(`/api/persons/${child.id}/facts`, { kind: 'deceased', value: {}, source: '公安死亡信息', validFrom: '2026-11-20' });
    expect(recorded.status).toBe(200);
    const list = await xixia.get('/api/notifications?unreadOnly=true');
    const stop = list.body.items.find((n: any) => n.title.includes('义务教育阶段助学'));
    expect(stop.title).toContain('应退未退');
    expect(stop.body).toContain('已不在评估范围');
  });

  it('a public-welfare post ending within 30 days is reminded once, also by the daily sweep', async () => {
    const head = await personByName('王建国');
    const end = await sql<{ d: string }>`select (current_date + 20)::text as d`.execute(ctx.db);
    const recorded = await xixia.post(`/api/persons/${head.id}/facts`, {
      kind: 'employment', value: { employer: '金波路社区（保洁）', publicWelfarePost: true, postEndDate: end.rows[0]!.d }, source: '人社公益性岗位台账', validFrom: '2026-11-15',
    });
    expect(recorded.status).toBe(200);
    const posts = async () => (await xixia.get('/api/notifications')).body.items.filter((n: any) => n.kind === 'post_ending');
    expect(await posts()).toHaveLength(1);
    expect((await posts())[0].title).toContain('20 天');
    await xixia.post('/api/notifications/read-all');
    await dailySweep(ctx.db, systemActor());
    expect(await posts()).toHaveLength(1);
  });
});
