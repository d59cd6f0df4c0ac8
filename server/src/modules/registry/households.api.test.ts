import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeIdNumber } from '../../kernel/validation/idcard.js';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';

let ctx: TestContext;
let caseworker: Client;
const COMMUNITY = '640105002003';
const id = (seq: number, birth = '1985-05-05', sex: 'M' | 'F' = 'M') => makeIdNumber('640105', birth, seq, sex);

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  caseworker = await ctx.signIn('xixia');
});
afterAll(async () => ctx?.close());

const countPersons = async (name: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from persons where name = ${name}`.execute(ctx.db)).rows[0].n;

function household(members: object[]) {
  return { address: '西夏区测试路 1 号', regionCode: COMMUNITY, members };
}

describe('creating a household with members', () => {
  it('creates the household, its members and its head in one step', async () => {
    const response = await caseworker.post('/api/households', household([
      { relationship: 'head', person: { name: '测试户主', idNumber: id(1), phone: '13900001111', regionCode: COMMUNITY } },
      { relationship: 'spouse', person: { name: '测试配偶', idNumber: id(2, '1986-06-06', 'F'), sex: '女', birthDate: '1986/6/6', regionCode: COMMUNITY } },
    ]));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const page = await caseworker.get(`/api/households/${response.body.id}`);
    expect(page.body.household.headName).toBe('测试户主');
    expect(page.body.members.map((m: any) => m.relationship)).toEqual(['head', 'spouse']);
    expect(page.body.members[0].idNumber).toMatch(/^6401\*{10}\d{3}[\dX]$/);
    expect(page.body.members[0].phone).toBe('139****1111');
    expect(page.body.history.some((h: any) => h.action === 'household.created')).toBe(true);
  });

  it.each([
    ['a wrong check digit', { idNumber: id(3).slice(0, 17) + (id(3).endsWith('1') ? '2' : '1') }, 'members.0.idNumber', '校验位'],
    ['a short ID number', { idNumber: '64010519850505' }, 'members.0.idNumber', '18 位'],
    ['letters in the ID number', { idNumber: '6401051985050A1231' }, 'members.0.idNumber', '格式'],
    ['a birth date that disagrees with the ID', { idNumber: id(4), birthDate: '1985-05-06' }, 'members.0.birthDate', '不符'],
    ['a sex that disagrees with the ID', { idNumber: id(5), sex: '女' }, 'members.0.sex', '不符'],
    ['a bad phone', { idNumber: id(6), phone: '12345' }, 'members.0.phone', '电话'],
    ['an unknown region code', { idNumber: id(7), regionCode: '640199999999' }, 'members.0.regionCode', '不存在'],
    ['an empty name', { idNumber: id(8), name: '  ' }, 'members.0.name', '姓名'],
  ])('refuses %s, naming the field, and saves nothing', async (_case, override, field, words) => {
    const person = { name: '坏数据', regionCode: COMMUNITY, ...override };
    const response = await caseworker.post('/api/households', household([{ relationship: 'head', person }]));
    expect(response.status).toBe(400);
    expect(response.body.error.problems.map((p: any) => p.field)).toContain(field);
    expect(response.body.error.message).toContain(words);
    expect(await countPersons('坏数据')).toBe(0);
  });

  it('refuses a household without exactly one head', async () => {
    const response = await caseworker.post('/api/households', household([
      { relationship: 'head', person: { name: '双户主甲', idNumber: id(10), regionCode: COMMUNITY } },
      { relationship: 'head', person: { name: '双户主乙', idNumber: id(11), regionCode: COMMUNITY } },
    ]));
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('members');
    expect(await countPersons('双户主甲')).toBe(0);
  });

  it('refuses the same ID number twice in one household', async () => {
    const response = await caseworker.post('/api/households', household([
      { relationship: 'head', person: { name: '重号甲', idNumber: id(12), regionCode: COMMUNITY } },
      { relationship: 'child', person: { name: '重号乙', idNumber: id(12), regionCode: COMMUNITY } },
    ]));
    expect(response.status).toBe(400);
    expect(response.body.error.problems[0]).toMatchObject({ field: 'members.1.idNumber' });
    expect(await countPersons('重号甲')).toBe(0);
  });

  it('refuses an ID number already registered, and rolls back the members before it', async () => {
    const existing = (await sql<{ id_number: string }>`select id_number from persons where name = '王建国'`.execute(ctx.db)).rows[0].id_number;
    const response = await caseworker.post('/api/households', household([
      { relationship: 'head', person: { name: '先行者', idNumber: id(13), regionCode: COMMUNITY } },
      { relationship: 'child', person: { name: '冒名', idNumber: existing, regionCode: COMMUNITY } },
    ]));
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('id_number_taken');
    expect(response.body.error.field).toBe('members.1.idNumber');
    expect(await countPersons('先行者')).toBe(0);
  });

  it('refuses to add a person who already belongs to another household', async () => {
    const wang = (await sql<{ id: number }>`select id from persons where name = '李秀兰'`.execute(ctx.db)).rows[0].id;
    const response = await caseworker.post('/api/households', household([
      { relationship: 'head', person: { name: '抢人户', idNumber: id(14), regionCode: COMMUNITY } },
      { relationship: 'spouse', personId: wang },
    ]));
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('already_in_household');
    expect(await countPersons('抢人户')).toBe(0);
  });

  it('moves a person between households only after removal from the first', async () => {
    const created = await caseworker.post('/api/households', household([
      { relationship: 'head', person: { name: '甲户主', idNumber: id(20), regionCode: COMMUNITY } },
      { relationship: 'child', person: { name: '流动成员', idNumber: id(21, '2010-01-01'), regionCode: COMMUNITY } },
    ]));
    const other = await caseworker.post('/api/households', household([{ relationship: 'head', person: { name: '乙户主', idNumber: id(22), regionCode: COMMUNITY } }]));
    const mover = (await sql<{ id: number }>`select id from persons where name = '流动成员'`.execute(ctx.db)).rows[0].id;
    expect((await caseworker.post(`/api/households/${other.body.id}/members`, { relationship: 'child', personId: mover })).status).toBe(409);
    expect((await caseworker.delete(`/api/households/${created.body.id}/members/${mover}`)).status).toBe(200);
    expect((await caseworker.post(`/api/households/${other.body.id}/members`, { relationship: 'child', personId: mover })).status).toBe(200);
    const page = await caseworker.get(`/api/households/${other.body.id}`);
    expect(page.body.members.map((m: any) => m.name)).toEqual(['乙户主', '流动成员']);
  });

  it('will not remove the head while others remain', async () => {
    const created = await caseworker.post('/api/households', household([
      { relationship: 'head', person: { name: '留守户主', idNumber: id(30), regionCode: COMMUNITY } },
      { relationship: 'child', person: { name: '留守孩子', idNumber: id(31, '2012-02-02'), regionCode: COMMUNITY } },
    ]));
    const head = (await sql<{ id: number }>`select id from persons where name = '留守户主'`.execute(ctx.db)).rows[0].id;
    const response = await caseworker.delete(`/api/households/${created.body.id}/members/${head}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('户主');
  });
});

describe('search', () => {
  it.each([
    ['pinyin initials', 'wjg', '王建国'],
    ['full pinyin prefix', 'wangjian', '王建国'],
    ['name prefix', '王建', '王建国'],
    ['surname read as a surname (曾 = zeng)', 'zyl', '曾玉兰'],
  ])('finds a person by %s', async (_how, q, name) => {
    const admin = await ctx.signIn('admin');
    const response = await admin.get(`/api/persons?q=${encodeURIComponent(q)}`);
    expect(response.body.items.map((p: any) => p.name)).toContain(name);
  });

  it('finds a person by exact ID number and by phone', async () => {
    const row = (await sql<{ id_number: string; phone: string }>`select id_number, phone from persons where name = '刘芳'`.execute(ctx.db)).rows[0];
    expect((await caseworker.get(`/api/persons?q=${row.id_number}`)).body.items.map((p: any) => p.name)).toEqual(['刘芳']);
    expect((await caseworker.get(`/api/persons?q=${row.phone}`)).body.items.map((p: any) => p.name)).toEqual(['刘芳']);
  });

  it('finds households by a member and filters by 低保 status and fact kind', async () => {
    const admin = await ctx.signIn('admin');
    expect((await admin.get('/api/households?q=lxl')).body.items.map((h: any) => h.headName)).toEqual(['王建国']);
    const dibao = await admin.get('/api/households?assistanceStatus=dibao&pageSize=50');
    expect(dibao.body.items.map((h: any) => h.headName).sort()).toEqual(['刘芳', '王建国', '赵丽娟'].sort());
    const disability = await admin.get('/api/households?factKind=disability');
    expect(disability.body.items.map((h: any) => h.headName)).toEqual(['刘芳']);
    const region = await admin.get('/api/households?regionCode=640104&pageSize=50');
    expect(region.body.total).toBe(3);
  });
});
