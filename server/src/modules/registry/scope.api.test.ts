/**
 * Data scope, one block per level: a user outside a record's scope can neither list, read,
 * search for, nor change it — and a guessed id answers 404, exactly like a missing one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';

let ctx: TestContext;
let admin: Client;
const householdIdByHead = new Map<string, number>();
const personIdByName = new Map<string, number>();
const idNumberByName = new Map<string, string>();

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await ctx.signIn('admin');
  const heads = await sql<{ id: number; name: string }>`select h.id, p.name from households h join persons p on p.id = h.head_person_id`.execute(ctx.db);
  for (const row of heads.rows) householdIdByHead.set(row.name, row.id);
  const persons = await sql<{ id: number; name: string; id_number: string }>`select id, name, id_number from persons`.execute(ctx.db);
  for (const row of persons.rows) {
    personIdByName.set(row.name, row.id);
    idNumberByName.set(row.name, row.id_number);
  }
});
afterAll(async () => ctx?.close());

async function orgId(name: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from organisations where name = ${name}`.execute(ctx.db);
  return rows[0].id;
}

async function userWithRole(username: string, org: string, role: { code: string; dataScope: string; orgIds?: number[]; regionCodes?: string[] }, regionCode?: string): Promise<Client> {
  const roles = await admin.get('/api/roles');
  if (!roles.body.some((r: any) => r.code === role.code)) {
    const made = await admin.post('/api/roles', {
      code: role.code,
      name: role.code,
      permissions: ['registry:read', 'registry:write', 'registry:export', 'pii:reveal'],
      dataScope: role.dataScope,
      orgIds: role.orgIds,
      regionCodes: role.regionCodes,
    });
    expect(made.status).toBe(200);
  }
  const created = await admin.post('/api/users', { username, displayName: username, orgId: await orgId(org), roleCodes: [role.code], regionCode: regionCode ?? null });
  expect(created.status).toBe(200);
  const first = await ctx.signIn(username, created.body.generatedPassword);
  expect((await first.post('/api/auth/password', { currentPassword: created.body.generatedPassword, newPassword: 'Scope-test-2026' })).status).toBe(200);
  return ctx.signIn(username, 'Scope-test-2026');
}

async function listedHeads(client: Client): Promise<string[]> {
  const response = await client.get('/api/households?pageSize=100');
  expect(response.status).toBe(200);
  return response.body.items.map((h: any) => h.headName).sort();
}

/** Every way of reaching an out-of-scope household and its head must fail as "not found". */
async function expectUnreachable(client: Client, head: string): Promise<void> {
  const householdId = householdIdByHead.get(head)!;
  const personId = personIdByName.get(head)!;
  expect((await client.get(`/api/households/${householdId}`)).status).toBe(404);
  expect((await client.get(`/api/persons/${personId}`)).status).toBe(404);
  const search = await client.get(`/api/persons?q=${idNumberByName.get(head)}`);
  expect(search.body.items).toHaveLength(0);
  const edit = await client.put(`/api/households/${householdId}`, { address: '篡改', regionCode: '640105002003' });
  expect(edit.status).toBe(404);
  const fact = await client.post(`/api/households/${householdId}/facts`, { kind: 'assistance_status', value: { status: 'tekun' }, source: '越权', validFrom: '2026-01-01' });
  expect(fact.status).toBe(404);
  const reveal = await client.post(`/api/persons/${personId}/reveal`, { fields: ['idNumber'], reason: '越权查看' });
  // 403 for a user without the reveal permission at all; 404 for one who has it.
  expect([403, 404]).toContain(reveal.status);
  expect(reveal.body.idNumber).toBeUndefined();
  const { rows } = await sql<{ address: string }>`select address from households where id = ${householdId}`.execute(ctx.db);
  expect(rows[0].address).not.toBe('篡改');
}

describe('全部 all', () => {
  it('the administrator lists all ten demo households', async () => {
    expect(await listedHeads(admin)).toHaveLength(10);
  });
});

describe('本部门及以下 own organisation and below', () => {
  it('the city union caseworker sees every district union household', async () => {
    const caseworker = await ctx.signIn('caseworker');
    expect(await listedHeads(caseworker)).toHaveLength(10);
  });

  it('a district union caseworker sees only that district union, and nothing else is reachable', async () => {
    const xixia = await ctx.signIn('xixia');
    expect(await listedHeads(xixia)).toEqual(['刘芳', '吴秀梅', '孙海燕', '王建国'].sort());
    await expectUnreachable(xixia, '马明');
    await expectUnreachable(xixia, '周红');
  });
});

describe('本部门 own organisation only', () => {
  it('a user of the city union with a dept role sees no district union households', async () => {
    const user = await userWithRole('deptonly', '银川市总工会', { code: 'dept_reader', dataScope: 'dept' });
    expect(await listedHeads(user)).toEqual([]);
    await expectUnreachable(user, '王建国');
  });

  it('a grid worker sees the households of the jurisdiction grid, whoever registered them', async () => {
    const grid = await ctx.signIn('grid');
    expect(await listedHeads(grid)).toEqual(['王建国']);
    await expectUnreachable(grid, '刘芳');
  });
});

describe('自定义 custom', () => {
  it('a role over the 兴庆区 region sees exactly its households', async () => {
    const user = await userWithRole('custom1', '宁夏回族自治区妇女联合会', { code: 'custom_xingqing', dataScope: 'custom', regionCodes: ['640104'] });
    expect(await listedHeads(user)).toEqual(['李强', '袁卫东', '马明'].sort());
    await expectUnreachable(user, '王建国');
  });

  it('a role over chosen organisations sees their subtrees', async () => {
    const user = await userWithRole('custom2', '宁夏回族自治区妇女联合会', { code: 'custom_jinfeng', dataScope: 'custom', orgIds: [await orgId('金凤区总工会')] });
    expect(await listedHeads(user)).toEqual(['何建军', '周红', '赵丽娟'].sort());
    await expectUnreachable(user, '袁卫东');
  });
});

describe('仅本人 own records only', () => {
  it('sees only the households the user created', async () => {
    const user = await userWithRole('selfonly', '西夏区总工会', { code: 'self_only', dataScope: 'self' });
    expect(await listedHeads(user)).toEqual([]);
    const created = await user.post('/api/households', {
      address: '自建户', regionCode: '640105002003',
      members: [{ relationship: 'head', person: { name: '自建甲', idNumber: '640105199001011236', regionCode: '640105002003' } }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(await listedHeads(user)).toEqual(['自建甲']);
    await expectUnreachable(user, '王建国');
  });
});

describe('writes outside the scope', () => {
  it('refuses to create a household owned by an organisation outside the scope', async () => {
    const xixia = await ctx.signIn('xixia');
    const response = await xixia.post('/api/households', {
      regionCode: '640104006001', orgId: await orgId('兴庆区总工会'),
      members: [{ relationship: 'head', person: { name: '越权户', idNumber: '640104199002021237', regionCode: '640104006001' } }],
    });
    expect(response.status).toBe(403);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from persons where name = '越权户'`.execute(ctx.db);
    expect(rows[0].n).toBe(0);
  });
});
