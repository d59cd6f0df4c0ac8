/**
 * The rolls besides 低保 on the demo households: the disabled persons' federation's
 * certificate roll (to add, to change, health details masked for readers without
 * health:reveal), death and cremation records (recorded as deceased, enrollments stopped
 * from the date of death through the benefits module) and another body's enrollment list
 * (double payments to stop).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { compare, demoId, itemsOf, personOf } from './test-support.js';

let ctx: TestContext;
let caseworker: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  caseworker = await ctx.signIn('caseworker');
});
afterAll(async () => ctx?.close());

/** A demo person holding a person-level enrollment, with its policy's name. */
async function enrolledPerson(exceptNames: string[] = []) {
  const { rows } = await sql<{ name: string; id_number: string; enrollment_id: number; policy: string; person_id: number }>`
    select p.name, p.id_number, e.id as enrollment_id, v.name_zh as policy, p.id as person_id from enrollments e
    join persons p on p.id = e.person_id join policy_versions v on v.id = e.version_id
    where e.status = 'active' and p.name <> all(${exceptNames}::text[]) order by e.id limit 1`.execute(ctx.db);
  return rows[0];
}

describe('a disability certificate roll', () => {
  const header = ['身份证号', '姓名', '残疾人证号', '残疾类别', '残疾等级', '发证日期'];

  it('adds a new certificate and changes a different grade', async () => {
    const zhang = demoId('刘某', '张志强');
    const ma = demoId('马某', '马小花');
    const run = await compare(caseworker, 'disability', [
      header,
      [zhang, '张志强', `${zhang}41`, '肢体', '一级', '2026-03-01'],
      [ma, '马小花', `${ma}53`, '智力残疾', '三级', '2026-02-01'],
    ]);
    expect(run.counts).toEqual({ rows: 2, matched: 2, toAdd: 1, toChange: 1, toStop: 0, unmatched: 0, conflict: 0 });
    const [add] = await itemsOf(caseworker, run.id, 'to_add');
    const [change] = await itemsOf(caseworker, run.id, 'to_change');
    expect(add).toMatchObject({ name: '马小花', reason: '残联持证名册：智力三级残疾，本系统未记录残疾信息', action: '记录：智力三级残疾（自 2026-02-01 起）' });
    expect(change.reason).toBe(`残联持证名册为肢体一级残疾（证号 ${zhang}41），本系统记录为肢体二级残疾（证号 ${zhang}42）`);

    // policy_admin may compare but not reveal health data: the details are masked.
    const policy = await ctx.signIn('policy');
    const masked = await policy.get(`/api/comparisons/${run.id}/items?kind=to_change`);
    expect(masked.body.items[0]).toMatchObject({ reason: '残联名册与本系统的残疾信息不一致（残疾信息已脱敏）', action: '（已脱敏）' });

    const accepted = await caseworker.post(`/api/comparisons/${run.id}/decisions`, { itemIds: [change.id], decision: 'accept' });
    expect(accepted.body).toMatchObject({ accepted: 1, failed: [] });
    const facts = await sql<{ value: { grade: number }; valid_from: string; valid_to: string | null }>`select value, valid_from, valid_to from facts
      where person_id = ${change.personId} and kind = 'disability' order by valid_from`.execute(ctx.db);
    expect(facts.rows.map((f) => [f.value.grade, f.valid_from, f.valid_to])).toEqual([[2, '2019-08-01', '2026-03-01'], [1, '2026-03-01', null]]);
  });

  it('lists a registered certificate the roll no longer has as to stop, within the area the roll covers', async () => {
    const ma = demoId('马某', '马小花');
    const row = [ma, '马小花', `${ma}53`, '5', '3', '2026-02-01'];
    // 张志强 lives in 西夏区: a roll of 兴庆区 says nothing about him, one of 银川市 does.
    const xingqing = await compare(caseworker, 'disability', [header, row], { regionCode: '640104' });
    expect(xingqing.counts).toMatchObject({ toStop: 0, toAdd: 1 });
    const city = await compare(caseworker, 'disability', [header, row], { regionCode: '640100' });
    expect(city.counts).toMatchObject({ toStop: 1 });
    expect((await itemsOf(caseworker, city.id, 'to_stop'))[0]).toMatchObject({ name: '张志强', rowNo: null, reason: expect.stringContaining('残联持证名册中已无此人') });
  });
});

describe('death and cremation records', () => {
  it('record the death and stop the enrollments from the date of death, through the benefits module', async () => {
    const person = await enrolledPerson();
    const run = await compare(caseworker, 'death', [['公民身份号码', '死者姓名', '火化日期'], [person.id_number, person.name, '2026-03-15']]);
    const { rows: open } = await sql<{ n: number }>`select count(*)::int as n from enrollments where person_id = ${person.person_id} and status in ('active', 'suspended')`.execute(ctx.db);
    expect(run.counts).toMatchObject({ rows: 1, matched: 1, toAdd: 1, toStop: open[0].n });
    const stops = await itemsOf(caseworker, run.id, 'to_stop');
    expect(stops.find((s) => s.reason === `已于 2026-03-15 死亡，应停发「${person.policy}」`)).toBeDefined();
    const [death] = await itemsOf(caseworker, run.id, 'to_add');
    expect(death).toMatchObject({ reason: '死亡/火化记录：2026-03-15 死亡，本系统未记为已故', action: '记录：已故（自 2026-03-15 起）' });

    // Accepting the death also accepts the enrollments it stops.
    const accepted = await caseworker.post(`/api/comparisons/${run.id}/decisions`, { itemIds: [death.id], decision: 'accept' });
    expect(accepted.body).toMatchObject({ accepted: 1 + stops.length, failed: [] });
    const fact = await sql<{ valid_from: string }>`select valid_from from facts where person_id = ${person.person_id} and kind = 'deceased'`.execute(ctx.db);
    expect(fact.rows).toEqual([{ valid_from: '2026-03-15' }]);
    const enrollment = await sql<{ status: string; ended_on: string }>`select status, ended_on from enrollments where id = ${person.enrollment_id}`.execute(ctx.db);
    expect(enrollment.rows[0]).toEqual({ status: 'stopped', ended_on: '2026-03-15' });
    const event = await sql<{ reason: string }>`select reason from enrollment_events where enrollment_id = ${person.enrollment_id} and action = 'stopped'`.execute(ctx.db);
    expect(event.rows[0].reason).toBe('信息比对：死亡（2026-03-15）');
    expect((await itemsOf(caseworker, run.id, 'to_stop')).every((s) => s.status === 'accepted')).toBe(true);

    // The same record again: nothing left to do.
    const again = await compare(caseworker, 'death', [['身份证号', '姓名', '死亡日期'], [person.id_number, person.name, '2026-03-15']]);
    expect(again.counts).toMatchObject({ matched: 1, toAdd: 0, toStop: 0 });
  });
});

describe('another body’s enrollment list', () => {
  it('finds people paid twice, and stopping ours goes through the benefits module', async () => {
    const person = await enrolledPerson(['王建国']);
    const ma = await personOf(ctx.db, '马明');
    const { rows: policy } = await sql<{ code: string }>`select code from policies p join enrollments e on e.policy_id = p.id where e.id = ${person.enrollment_id}`.execute(ctx.db);
    const list = [['身份证号', '姓名', '项目名称', '金额（元）'], [person.id_number, person.name, '临时救助', '500.5'], [ma.idNumber, '马明', '临时救助', 300]];
    const run = await compare(caseworker, 'enrollment', list, { policyCode: policy[0].code });
    expect(run.counts).toMatchObject({ rows: 2, matched: 2, toAdd: 0, toChange: 0 });
    const stops = await itemsOf(caseworker, run.id, 'to_stop');
    const ours = stops.find((s) => s.name === person.name)!;
    expect(ours.reason).toMatch(new RegExp(`^外单位名单：在「临时救助」享受 500\\.50 元；本系统同时享受「${person.policy}」\\d+\\.\\d{2} 元，疑似重复享受，请核实$`));
    expect(stops.every((s) => s.reason.includes(person.policy))).toBe(true);

    const dismissed = await caseworker.post(`/api/comparisons/${run.id}/decisions`, { itemIds: [ours.id], decision: 'dismiss', reason: '两项政策允许同时享受' });
    expect(dismissed.body).toMatchObject({ dismissed: 1 });
    const rerun = await caseworker.post(`/api/comparisons/${run.id}/run`, {});
    expect(rerun.status).toBe(409);
  });
});
