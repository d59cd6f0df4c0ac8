import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';

let ctx: TestContext;
let caseworker: Client;
let hospital: Client;
let auditor: Client;
let liuHousehold: number;
let zhang: { id: number; idNumber: string };

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  caseworker = await ctx.signIn('caseworker');
  hospital = await ctx.signIn('hospital');
  auditor = await ctx.signIn('auditor');
  liuHousehold = (await sql<{ id: number }>`select household_id as id from persons where name = '刘芳'`.execute(ctx.db)).rows[0].id;
  const row = (await sql<{ id: number; id_number: string }>`select id, id_number from persons where name = '张志强'`.execute(ctx.db)).rows[0];
  zhang = { id: row.id, idNumber: row.id_number };
});
afterAll(async () => ctx?.close());

describe('dated facts', () => {
  it('keeps history: a new 低保 status ends the open one on the day the new one starts', async () => {
    const response = await caseworker.post(`/api/households/${liuHousehold}/facts`, {
      kind: 'assistance_status', value: { status: 'tekun' }, source: '民政局特困名册', validFrom: '2026-03-01',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const page = await caseworker.get(`/api/households/${liuHousehold}`);
    const statuses = page.body.facts.filter((f: any) => f.kind === 'assistance_status');
    expect(statuses.map((f: any) => [f.label, f.validFrom, f.validTo, f.current])).toEqual([
      ['特困', '2026-03-01', null, true],
      ['低保', '2025-01-01', '2026-03-01', false],
    ]);
    expect(page.body.household.assistanceStatus).toBe('tekun');
  });

  it('refuses a new status that starts before the open one', async () => {
    const response = await caseworker.post(`/api/households/${liuHousehold}/facts`, {
      kind: 'assistance_status', value: { status: 'dibao' }, source: '补录', validFrom: '2026-02-01',
    });
    expect(response.status).toBe(409);
    expect(response.body.error.field).toBe('validFrom');
  });

  it('checks a disability certificate against the person and the grade', async () => {
    const wrongGrade = await caseworker.post(`/api/persons/${zhang.id}/facts`, {
      kind: 'disability', value: { category: 4, grade: 1, certificateNo: `${zhang.idNumber}42` }, source: '残联', validFrom: '2026-04-01',
    });
    expect(wrongGrade.status).toBe(400);
    expect(wrongGrade.body.error.problems[0].field).toBe('value.certificateNo');
    expect(wrongGrade.body.error.message).toContain('等级');
    const someoneElse = await caseworker.post(`/api/persons/${zhang.id}/facts`, {
      kind: 'disability', value: { category: 4, grade: 1, certificateNo: '11010519491231002X41' }, source: '残联', validFrom: '2026-04-01',
    });
    expect(someoneElse.body.error.message).toContain('本人身份证号不符');
    const right = await caseworker.post(`/api/persons/${zhang.id}/facts`, {
      kind: 'disability', value: { category: 4, grade: 1, certificateNo: `${zhang.idNumber}41` }, source: '残联换证', validFrom: '2026-04-01',
    });
    expect(right.status).toBe(200);
    expect(right.body.masked).toBe(true);
  });

  it('refuses a household fact recorded on a person, and a public-welfare post without an end date', async () => {
    const wrongSubject = await caseworker.post(`/api/persons/${zhang.id}/facts`, { kind: 'assistance_status', value: { status: 'dibao' }, source: 'x', validFrom: '2026-01-01' });
    expect(wrongSubject.status).toBe(400);
    expect(wrongSubject.body.error.field).toBe('kind');
    const post = await caseworker.post(`/api/persons/${zhang.id}/facts`, { kind: 'employment', value: { employer: '街道', publicWelfarePost: true }, source: '人社', validFrom: '2026-01-01' });
    expect(post.status).toBe(400);
    expect(post.body.error.field).toBe('value.postEndDate');
  });

  it('ends a fact and refuses to end it twice', async () => {
    const created = await caseworker.post(`/api/persons/${zhang.id}/facts`, { kind: 'illness', value: { severity: 'chronic', name: '高血压' }, source: '体检', validFrom: '2026-01-01' });
    expect((await caseworker.post(`/api/facts/${created.body.id}/end`, { validTo: '2025-12-01' })).status).toBe(400);
    const ended = await caseworker.post(`/api/facts/${created.body.id}/end`, { validTo: '2026-06-01' });
    expect(ended.status).toBe(200);
    expect(ended.body.current).toBe(false);
    expect((await caseworker.post(`/api/facts/${created.body.id}/end`, { validTo: '2026-07-01' })).status).toBe(409);
  });
});

describe('masking and reveal', () => {
  it('masks health facts and ID numbers by default', async () => {
    const page = await caseworker.get(`/api/households/${liuHousehold}`);
    const disability = page.body.facts.find((f: any) => f.kind === 'disability' && f.current);
    expect(disability.value).toBeNull();
    expect(disability.label).toContain('已脱敏');
    expect(JSON.stringify(page.body)).not.toContain(zhang.idNumber);
  });

  it('reveals with permission and a reason, and audits it', async () => {
    const response = await caseworker.post(`/api/persons/${zhang.id}/reveal`, { fields: ['idNumber', 'health'], reason: '核实残疾补贴资格' });
    expect(response.status).toBe(200);
    expect(response.body.idNumber).toBe(zhang.idNumber);
    expect(response.body.healthFacts.some((f: any) => f.label === '肢体一级残疾')).toBe(true);
    const log = await auditor.get(`/api/audit?action=person.revealed&entityId=${zhang.id}`);
    expect(log.body.items[0]).toMatchObject({ reason: '核实残疾补贴资格', actorName: '银川市总工会 帮扶干部 陈静' });
  });

  it('refuses a reveal without a reason', async () => {
    const response = await caseworker.post(`/api/persons/${zhang.id}/reveal`, { fields: ['idNumber'], reason: ' ' });
    expect(response.status).toBe(400);
  });

  it('refuses a reveal to a user without the permission', async () => {
    const admin = await ctx.signIn('admin');
    // Give the hospital a household in scope so the refusal is about permission, not scope.
    const hospitalOrg = (await sql<{ id: number }>`select id from organisations where name = '宁夏回族自治区人民医院'`.execute(ctx.db)).rows[0].id;
    await sql`update households set org_id = ${hospitalOrg} where id = ${liuHousehold}`.execute(ctx.db);
    expect((await hospital.get(`/api/persons/${zhang.id}`)).status).toBe(200);
    const response = await hospital.post(`/api/persons/${zhang.id}/reveal`, { fields: ['idNumber'], reason: '想看看' });
    expect(response.status).toBe(403);
    expect(admin).toBeTruthy();
  });

  it('lets only auditors read the audit log', async () => {
    expect((await caseworker.get('/api/audit')).status).toBe(403);
    expect((await auditor.get('/api/audit')).status).toBe(200);
  });

  it('never lets the audit log be changed', async () => {
    await expect(sql`update audit_log set reason = 'x'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });
});
