/**
 * Household plans and measures: the seed's cases, a referral through a partner's inbox from
 * arrival to completion with evidence, money through the benefits module, the fast channel,
 * overdue alerts, data scope for partner units, and bad input that leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { multipartBody, pngBytes } from '../../../test/multipart.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import { workdayAfter } from '../calendar/time-limits.js';
import { remindOverdueMeasures } from './measure-alerts.js';

let ctx: TestContext;
let caseworker: Client;
let xixia: Client;
let hospital: Client;
let medins: Client;
let cdpf: Client;
let admin: Client;
let today: string;

const ATTACHMENT_LIMIT = 64 * 1024;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { attachmentLimitBytes: ATTACHMENT_LIMIT } });
  [caseworker, xixia, hospital, medins, cdpf, admin] = await Promise.all(['caseworker', 'xixia', 'hospital', 'medins', 'cdpf', 'admin'].map((u) => ctx.signIn(u)));
  today = (await sql<{ d: string }>`select current_date::text as d`.execute(ctx.db)).rows[0]!.d;
});
afterAll(async () => ctx?.close());

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(ctx.db)).rows[0]!;
const householdOf = async (head: string) => (await one(sql<{ id: number }>`select h.id from households h join persons p on p.id = h.head_person_id where p.name = ${head}`)).id;
const personOf = async (name: string) => (await one(sql<{ id: number }>`select id from persons where name = ${name}`)).id;
const orgOf = async (name: string) => (await one(sql<{ id: number }>`select id from organisations where name = ${name}`)).id;
const count = async (table: 'measures' | 'enrollments' | 'attachments') => (await one(sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`)).n;
const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const planOf = async (client: Client, householdId: number) => (await client.get(`/api/households/${householdId}/plans`)).body[0];
const upload = (client: Client, measureId: number, name: string, content: Buffer | string, note?: string) => {
  const { body, headers } = multipartBody({ name, content }, note ? { note } : {});
  return client.send('POST', `/api/measures/${measureId}/attachments`, body, headers);
};

describe('the seed plans', () => {
  it('give every household a 2026 plan and the five named cases their measures', async () => {
    expect(await one(sql<{ n: number }>`select count(*)::int as n from plans where year = 2026`)).toEqual({ n: 10 });
    const wang = await planOf(caseworker, await householdOf('王建国'));
    expect(wang.ownerOrgName).toBe('西夏区总工会');
    const titles = wang.measures.map((m: { title: string }) => m.title);
    expect(titles).toEqual(expect.arrayContaining(['专项医疗救助金 5 万元', '跟进透析用药医保报销政策', '自治区人民医院专家会诊']));
    const grant = wang.measures.find((m: { title: string }) => m.title === '专项医疗救助金 5 万元');
    expect(grant.enrollmentId).toBeGreaterThan(0);
    expect(grant.enrollmentStatus).toBe('active');
    expect(wang.measures.find((m: { title: string }) => m.title === '自治区人民医院专家会诊').status).toBe('done');
    const liu = await planOf(xixia, await householdOf('刘芳'));
    const rehab = liu.measures.find((m: { type: string }) => m.type === 'rehabilitation');
    expect(rehab).toMatchObject({ responsibleOrgName: '西夏区残疾人联合会', referral: 'pending', overdue: true });
    expect(liu.counts.overdue).toBe(1);
    for (const head of ['马明', '周红', '袁卫东']) expect((await planOf(caseworker, await householdOf(head))).measures.length).toBeGreaterThan(0);
  });
});

describe('a referral through the partner inbox', () => {
  let measureId: number;
  let householdId: number;

  it('a caseworker makes a plan and refers a measure; the hospital is told at once', async () => {
    householdId = await householdOf('何建军');
    const plan = await caseworker.put(`/api/households/${householdId}/plans/2027`, { goal: '孩子上学不因病中断', leadUserId: null });
    expect(plan.status).toBe(200);
    expect(plan.body.leadUserName).toBe('银川市总工会 帮扶干部 陈静');
    const created = await caseworker.post(`/api/plans/${plan.body.id}/measures`, {
      type: 'referral', title: '住院费用减免', detail: '申请院内慈善基金减免住院押金', personId: null,
      responsibleOrgId: await orgOf('宁夏回族自治区人民医院'), responsiblePerson: null, deadline: inDays(20),
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'planned', referral: 'pending', overdue: false });
    measureId = created.body.id;
    const reminders = await hospital.get('/api/notifications?unreadOnly=true');
    expect(reminders.body.items.some((n: { kind: string; title: string }) => n.kind === 'measure_referred' && n.title.includes('住院费用减免'))).toBe(true);
  });

  it('the partner sees only what the measure needs', async () => {
    const todo = await hospital.get('/api/inbox/measures?state=todo');
    const item = todo.body.items.find((i: { id: number }) => i.id === measureId);
    expect(item.person.name).toBe('何建军');
    expect(item.person.phone).toMatch(/\*{4}/);
    expect(Object.keys(item).sort()).toEqual(['copiedOnly', 'createdAt', 'deadline', 'detail', 'id', 'leadUserName', 'leadUserPhone', 'overdue', 'ownerOrgName',
      'person', 'referral', 'regionName', 'responsibleOrgName', 'status', 'statusNote', 'title', 'type']);
    expect(JSON.stringify(todo.body)).not.toMatch(/\d{17}[\dX]/);
    // Not the household, its plan, or the owner's view of the measure.
    expect((await hospital.get(`/api/households/${householdId}`)).status).toBe(404);
    expect((await hospital.get(`/api/households/${householdId}/plans`)).status).toBe(403);
    expect((await hospital.get(`/api/measures/${measureId}`)).status).toBe(403);
    // Another partner unit does not see it at all.
    expect((await medins.get(`/api/inbox/measures/${measureId}`)).status).toBe(404);
    expect((await medins.post(`/api/measures/${measureId}/accept`, { note: null, responsiblePerson: null })).status).toBe(404);
  });

  it('the hospital accepts, reports with evidence and completes; the owner sees it all', async () => {
    const early = await hospital.post(`/api/measures/${measureId}/progress`, { note: '先登记', status: 'in_progress' });
    expect(early.status).toBe(409);
    const accepted = await hospital.post(`/api/measures/${measureId}/accept`, { note: '社工部已受理', responsiblePerson: '社工部 李医生' });
    expect(accepted.body).toMatchObject({ referral: 'accepted', status: 'in_progress' });
    const evidence = await upload(hospital, measureId, '减免审批单.png', pngBytes(), '院内审批单');
    expect(evidence.status).toBe(200);
    expect(evidence.body.attachments).toHaveLength(1);
    const done = await hospital.post(`/api/measures/${measureId}/progress`, { note: '已减免住院押金 3000 元', status: 'done' });
    expect(done.body.status).toBe('done');
    const again = await hospital.post(`/api/measures/${measureId}/accept`, { note: null, responsiblePerson: null });
    expect(again.status).toBe(409);

    const seen = await caseworker.get(`/api/measures/${measureId}`);
    expect(seen.body).toMatchObject({ status: 'done', responsiblePerson: '社工部 李医生' });
    expect(seen.body.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'referred', 'accepted', 'evidence', 'status']);
    const file = await caseworker.get(`/api/measures/${measureId}/attachments/${seen.body.attachments[0].id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.raw.equals(pngBytes())).toBe(true);
    const audit = await one(sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'attachment.downloaded' and entity_id = ${String(measureId)}`);
    expect(audit.n).toBe(1);
    const answered = await caseworker.get('/api/notifications?unreadOnly=true');
    expect(answered.body.items.filter((n: { kind: string }) => n.kind === 'measure_answered').length).toBeGreaterThanOrEqual(2);
  });

  it('a declined referral goes back with its reason and can be reassigned within reach', async () => {
    const plan = await planOf(caseworker, householdId);
    const created = await caseworker.post(`/api/plans/${plan.id}/measures`, {
      type: 'psychological_care', title: '心理疏导', detail: null, personId: null, responsibleOrgId: await orgOf('宁夏回族自治区人民医院'), responsiblePerson: null, deadline: inDays(15),
    });
    const noReason = await hospital.post(`/api/measures/${created.body.id}/decline`, { note: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('note');
    const declined = await hospital.post(`/api/measures/${created.body.id}/decline`, { note: '本院无心理门诊，建议转妇联' });
    expect(declined.body).toMatchObject({ referral: 'declined', statusNote: '本院无心理门诊，建议转妇联' });
    const reassigned = await caseworker.post(`/api/measures/${created.body.id}/reassign`, {
      responsibleOrgId: await orgOf('宁夏回族自治区妇女联合会'), responsiblePerson: null, deadline: null, note: '按医院建议转妇联',
    });
    expect(reassigned.body).toMatchObject({ referral: 'pending', responsibleOrgName: '宁夏回族自治区妇女联合会', status: 'planned' });
    expect((await hospital.get(`/api/inbox/measures/${created.body.id}`)).status).toBe(404);
  });
});

describe('bad input leaves nothing behind', () => {
  let planId: number;
  const base = async () => ({ type: 'goods', title: '冬季取暖物资', detail: null, personId: null, responsibleOrgId: await orgOf('金凤区总工会'), responsiblePerson: null, deadline: inDays(10) });

  beforeAll(async () => {
    planId = (await planOf(caseworker, await householdOf('何建军'))).id;
  });

  it('refuses a past deadline and an organisation outside the owner’s reach', async () => {
    const before = await count('measures');
    const past = await caseworker.post(`/api/plans/${planId}/measures`, { ...(await base()), deadline: inDays(-1) });
    expect(past.status).toBe(400);
    expect(past.body.error.field).toBe('deadline');
    expect(past.body.error.message).toContain('不能早于今天');
    const stranger = await admin.post('/api/organisations', { parentId: null, name: '石嘴山市第一人民医院', type: 'hospital', regionCode: '640200' });
    const outside = await caseworker.post(`/api/plans/${planId}/measures`, { ...(await base()), responsibleOrgId: stranger.body.id });
    expect(outside.status).toBe(400);
    expect(outside.body.error.field).toBe('responsibleOrgId');
    expect(outside.body.error.message).toContain('可分派的范围');
    expect(await count('measures')).toBe(before);
    // Linking the partner brings it within reach.
    const partners = await admin.get(`/api/organisations/${await orgOf('银川市总工会')}/partners`);
    await admin.put(`/api/organisations/${await orgOf('银川市总工会')}/partners`, { partnerOrgIds: [...partners.body.map((o: { id: number }) => o.id), stranger.body.id] });
    expect((await caseworker.post(`/api/plans/${planId}/measures`, { ...(await base()), responsibleOrgId: stranger.body.id })).status).toBe(200);
  });

  it('pays money through the benefits module, and refuses a funding split that does not add up', async () => {
    const ma = await planOf(caseworker, await householdOf('马明'));
    const [measures, enrollments] = [await count('measures'), await count('enrollments')];
    const grant = {
      type: 'medical_aid', title: '心脏手术专项救助', detail: null, personId: await personOf('马小花'), responsibleOrgId: ma.ownerOrgId, responsiblePerson: null, deadline: inDays(30),
      payment: { policyCode: 'nx-union-special-medical-grant', amountFen: 2_000_000, funding: [{ source: '银川市总工会', amountFen: 1_500_000 }, { source: '中国人寿银川分公司', amountFen: 400_000 }] },
    };
    const short = await caseworker.post(`/api/plans/${ma.id}/measures`, grant);
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('payment.funding');
    expect(short.body.error.message).toContain('合计 19000.00 元，与措施金额 20000.00 元不符');
    expect([await count('measures'), await count('enrollments')]).toEqual([measures, enrollments]);

    grant.payment.funding[1]!.amountFen = 500_000;
    const paid = await caseworker.post(`/api/plans/${ma.id}/measures`, grant);
    expect(paid.body.error ?? null).toBeNull();
    expect(paid.status).toBe(200);
    expect(paid.body.enrollmentStatus).toBe('applied');
    const enrollment = await caseworker.get(`/api/enrollments/${paid.body.enrollmentId}`);
    expect(enrollment.body).toMatchObject({ policyCode: 'nx-union-special-medical-grant', amountFen: 2_000_000, source: '帮扶计划' });
    expect(enrollment.body.funding).toEqual([{ source: '银川市总工会', weight: 1_500_000 }, { source: '中国人寿银川分公司', weight: 500_000 }]);
    // The same grant again: the benefits module refuses a second open application, and no measure is left without it.
    const twice = await caseworker.post(`/api/plans/${ma.id}/measures`, grant);
    expect(twice.status).toBe(409);
    expect(await count('measures')).toBe(measures + 1);
  });

  it('refuses attachments that are too large, of a forbidden type, or named for another type', async () => {
    const measureId = (await planOf(caseworker, await householdOf('何建军'))).measures.find((m: { title: string }) => m.title === '冬季取暖物资').id;
    const before = await count('attachments');
    const large = await upload(caseworker, measureId, 'photo.png', pngBytes(ATTACHMENT_LIMIT + 1));
    expect(large.status).toBe(413);
    expect(large.body.error.message).toContain('最大 0.1 MB');
    const script = await upload(caseworker, measureId, 'photo.jpg', '<html><script>alert(1)</script></html>');
    expect(script.status).toBe(400);
    expect(script.body.error.message).toContain('只能上传JPEG 图片、PNG 图片、WebP 图片、PDF 文件');
    const renamed = await upload(caseworker, measureId, 'scan.pdf', pngBytes());
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.message).toContain('与文件内容（PNG 图片）不符');
    expect(await count('attachments')).toBe(before);
    expect((await upload(caseworker, measureId, '签收单.png', pngBytes())).status).toBe(200);
  });
});

describe('the fast channel for serious and rare illness', () => {
  it('needs a hospital, the medical-insurance contact and a deadline within three working days; alerts both at once', async () => {
    const plan = await planOf(caseworker, await householdOf('马明'));
    const body = {
      type: 'serious_illness', title: '罕见病用药快速审批', detail: null, personId: await personOf('马小花'), responsibleOrgId: await orgOf('宁夏回族自治区人民医院'),
      responsiblePerson: null, ccOrgIds: [] as number[], deadline: inDays(30),
    };
    const slow = await caseworker.post(`/api/plans/${plan.id}/measures`, body);
    expect(slow.status).toBe(400);
    expect(slow.body.error.details?.problems ?? slow.body.error.problems ?? []).toBeDefined();
    expect(slow.body.error.message).toContain('3 个工作日内');
    expect(slow.body.error.message).toContain('医保局');
    const fast = await caseworker.post(`/api/plans/${plan.id}/measures`, { ...body, deadline: workdayAfter(today, 3, await workingCalendar(ctx.db)), ccOrgIds: [await orgOf('银川市医疗保障局')] });
    expect(fast.status).toBe(200);
    for (const client of [hospital, medins]) {
      const alerts = await client.get('/api/notifications?unreadOnly=true');
      expect(alerts.body.items.some((n: { kind: string; title: string }) => n.kind === 'fast_channel' && n.title.includes('罕见病用药快速审批'))).toBe(true);
    }
    const copied = await medins.get(`/api/inbox/measures/${fast.body.id}`);
    expect(copied.body).toMatchObject({ copiedOnly: true, can: { answerReferral: false, handle: false } });
    expect((await medins.post(`/api/measures/${fast.body.id}/accept`, { note: null, responsiblePerson: null })).status).toBe(403);
  });
});

describe('overdue measures and data scope', () => {
  it('alert the lead caseworker once per deadline', async () => {
    expect(await remindOverdueMeasures(ctx.db)).toBeGreaterThan(0);
    const alerts = await xixia.get('/api/notifications?unreadOnly=true');
    expect(alerts.body.items.some((n: { kind: string; title: string }) => n.kind === 'measure_overdue' && n.title.includes('丈夫肢体二级残疾康复训练'))).toBe(true);
    expect(await remindOverdueMeasures(ctx.db)).toBe(0);
  });

  it('keep each side to its own: lists, inbox and writes', async () => {
    const liu = await householdOf('刘芳');
    const rehab = (await planOf(xixia, liu)).measures.find((m: { type: string }) => m.type === 'rehabilitation');
    expect((await cdpf.get('/api/inbox/measures?state=todo')).body.items.map((i: { id: number }) => i.id)).toContain(rehab.id);
    expect((await hospital.get('/api/inbox/measures?state=all')).body.items.map((i: { id: number }) => i.id)).not.toContain(rehab.id);
    // 西夏区's caseworker sees its households' measures and not 金凤区's.
    const list = await xixia.get('/api/measures?pageSize=200');
    expect(list.body.items.every((m: { ownerOrgName: string }) => m.ownerOrgName === '西夏区总工会')).toBe(true);
    const zhou = (await planOf(caseworker, await householdOf('周红'))).measures[0];
    expect((await xixia.get(`/api/measures/${zhou.id}`)).status).toBe(404);
    expect((await xixia.post(`/api/measures/${zhou.id}/cancel`, { note: '越权' })).status).toBe(404);
    const overdue = await caseworker.get('/api/measures?overdue=true');
    expect(overdue.body.items.map((m: { id: number }) => m.id)).toEqual([rehab.id]);
  });
});
