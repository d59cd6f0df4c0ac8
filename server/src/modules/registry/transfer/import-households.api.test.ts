import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.js';
import { demoId, HOUSEHOLD_HEADER, readWorkbook, sheetValues, testId, upload, workbookOf, XIXIA_COMMUNITY } from './test-support.js';

let ctx: TestContext;
let xixia: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  xixia = await ctx.signIn('xixia');
});
afterAll(() => ctx?.close());

const row = (key: string, relationship: string, name: string, idNumber: string, extra: { address?: string; household?: string } = {}) =>
  [key, relationship, name, idNumber, '', '', '', extra.address ?? '', XIXIA_COMMUNITY, extra.household ?? ''];

async function importAndCommit(client: Client, file: Buffer, mode = 'update', policy = 'all_or_nothing') {
  const checked = await upload(client, `kind=households&mode=${mode}`, '家庭.xlsx', file);
  expect(checked.status).toBe(200);
  const committed = await client.post(`/api/imports/${checked.body.id}/commit`, { policy });
  return { checked: checked.body, committed: committed.body, status: committed.status };
}

const householdOf = async (idNumber: string) =>
  (await sql<{ household_id: number | null; relationship: string | null }>`select household_id, relationship from persons where id_number = ${idNumber}`.execute(ctx.db)).rows[0];

describe('importing households', () => {
  const ids = { a1: testId(100), a2: testId(101, 'F'), a3: testId(102, 'M', '2015-01-09'), b1: testId(103), b2: testId(104, 'F', '1950-03-03') };
  let file: Buffer;

  beforeAll(async () => {
    file = await workbookOf([
      HOUSEHOLD_HEADER,
      row('A', '户主', '甲一', ids.a1, { household: '西夏区怀远路 1 号' }),
      row('A', '妻子', '甲二', ids.a2),
      row('B', '母亲', '乙二', ids.b2), // a member may come before the head
      row('B', '户主', '乙一', ids.b1, { address: '西夏区同心路 8 号' }),
      row('A', '子女', '甲三', ids.a3),
    ]);
  });

  it('creates each household with its head and members', async () => {
    const { checked, committed } = await importAndCommit(xixia, file);
    expect(checked).toMatchObject({ rows: 5, valid: 5, invalid: 0, newHouseholds: 2 });
    expect(committed).toMatchObject({ inserted: 5, updated: 0, committed: true, householdsCreated: 2 });
    const a = await householdOf(ids.a1);
    const page = await xixia.get(`/api/households/${a.household_id}`);
    expect(page.status).toBe(200);
    expect(page.body.household).toMatchObject({ headName: '甲一', address: '西夏区怀远路 1 号', regionCode: XIXIA_COMMUNITY, orgName: '西夏区总工会', memberCount: 3 });
    expect(page.body.members.map((m: any) => [m.name, m.relationship])).toEqual([['甲一', 'head'], ['甲二', 'spouse'], ['甲三', 'child']]);
    const b = await householdOf(ids.b1);
    expect(b.household_id).not.toBe(a.household_id);
    expect(await householdOf(ids.b2)).toEqual({ household_id: b.household_id, relationship: 'parent' });
    const bPage = await xixia.get(`/api/households/${b.household_id}`);
    expect(bPage.body.household).toMatchObject({ headName: '乙一', address: '西夏区同心路 8 号' });
  });

  it('re-importing the same file finds the same households (update and skip)', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from households`.execute(ctx.db)).rows[0].n;
    const update = await importAndCommit(xixia, file, 'update');
    expect(update.checked).toMatchObject({ valid: 5, newHouseholds: 0, toInsert: 0, toUpdate: 5 });
    expect(update.committed).toMatchObject({ inserted: 0, updated: 5, householdsCreated: 0 });
    const skip = await importAndCommit(xixia, file, 'skip');
    expect(skip.committed).toMatchObject({ inserted: 0, updated: 0, skipped: 5 });
    expect((await sql<{ n: number }>`select count(*)::int as n from households`.execute(ctx.db)).rows[0].n).toBe(before);
    expect((await sql<{ n: number }>`select count(*)::int as n from persons where id_number = any(${Object.values(ids)}::text[])`.execute(ctx.db)).rows[0].n).toBe(5);
  });

  it('adds new members to an existing household when its head is in the file', async () => {
    const head = demoId('王某', '王建国');
    const newborn = testId(105, 'F', '2025-10-01', '640105');
    const { committed } = await importAndCommit(xixia, await workbookOf([HOUSEHOLD_HEADER, row('1', '户主', '王建国', head), row('1', '孙女', '王小', newborn)]));
    expect(committed).toMatchObject({ inserted: 1, updated: 1, householdsCreated: 0 });
    const family = await householdOf(head);
    expect(await householdOf(newborn)).toEqual({ household_id: family.household_id, relationship: 'grandchild' });
  });

  it('puts a registered person without a household into the new household', async () => {
    const loner = testId(106);
    const created = await xixia.post('/api/persons', { idNumber: loner, name: '独立人', regionCode: XIXIA_COMMUNITY });
    expect(created.status).toBe(200);
    const { committed } = await importAndCommit(xixia, await workbookOf([HOUSEHOLD_HEADER, row('9', '户主', '独立人', loner), row('9', '配偶', '新配偶', testId(107, 'F'))]), 'skip');
    expect(committed).toMatchObject({ inserted: 1, updated: 1, householdsCreated: 1 });
    expect((await householdOf(loner)).relationship).toBe('head');
  });
});

describe('household problems', () => {
  const wangHao = demoId('王某', '王浩');
  const ids = { c1: testId(110), c2: testId(111), d1: testId(112, 'F'), e1: testId(113), f2: testId(115, 'F'), g1: testId(116), g2: testId(117), h1: testId(118) };
  const rows = [
    HOUSEHOLD_HEADER,
    row('C', '户主', '丙一', ids.c1), // 2: two heads
    row('C', '户主', '丙二', ids.c2), // 3
    row('D', '配偶', '丁一', ids.d1), // 4: no head
    row('E', '户主', '戊一', ids.e1), // 5: fine
    row('E', '子女', '王浩', wangHao), // 6: already in 王某's household
    row('F', '户主', '己一', '640105199001010000'), // 7: the head's row is wrong …
    row('F', '配偶', '己二', ids.f2), // 8: … so the household cannot be created
    row('G', '户主', '庚一', ids.g1), // 9: fine
    row('G', '邻居', '庚二', ids.g2), // 10: unknown relationship
    row('', '户主', '辛一', ids.h1), // 11: no 户编号
  ];
  let body: any;

  it('reports each with its row, column and field', async () => {
    const res = await upload(xixia, 'kind=households', 'bad.xlsx', await workbookOf(rows));
    body = res.body;
    expect(body).toMatchObject({ rows: 10, valid: 2, invalid: 8 });
    const at = (r: number) => body.errors.filter((e: any) => e.row === r).map((e: any) => [e.column, e.field, e.message]);
    expect(at(2)).toEqual([['B', 'relationship', '户编号“C”有 2 名户主，每户须有且只有一名户主']]);
    expect(at(3)).toEqual([['B', 'relationship', '户编号“C”有 2 名户主，每户须有且只有一名户主']]);
    expect(at(4)).toEqual([['B', 'relationship', '户编号“D”没有户主，每户须有且只有一名户主']]);
    expect(at(5)).toEqual([]);
    expect(at(6)).toEqual([['D', 'idNumber', '此人已是其他家庭的成员，请先从原家庭移出']]);
    expect(at(7)).toEqual([['D', 'idNumber', '身份证号校验位不正确']]);
    expect(at(8)).toEqual([['A', 'householdKey', '本户户主所在行（第 7 行）有误，该户未导入']]);
    expect(at(10)[0]).toEqual(['B', 'relationship', expect.stringContaining('无法识别“邻居”')]);
    expect(at(11)[0]).toEqual(['A', 'householdKey', expect.stringContaining('户编号必填')]);
  });

  it('valid_only creates only the households whose heads are valid, without the refused members', async () => {
    const commit = await xixia.post(`/api/imports/${body.id}/commit`, { policy: 'valid_only' });
    expect(commit.body).toMatchObject({ inserted: 2, invalid: 8, householdsCreated: 2 });
    expect((await householdOf(ids.e1)).relationship).toBe('head');
    expect((await householdOf(ids.g1)).relationship).toBe('head');
    for (const id of [ids.c1, ids.c2, ids.d1, ids.f2, ids.g2, ids.h1]) expect(await householdOf(id)).toBeUndefined();
    const wang = await householdOf(wangHao);
    expect(wang.relationship).toBe('child');
    expect(wang.household_id).not.toBe((await householdOf(ids.e1)).household_id);
  });

  it('refuses a head who is a member of another household', async () => {
    const res = await upload(xixia, 'kind=households', 'x.xlsx', await workbookOf([HOUSEHOLD_HEADER, row('1', '户主', '王浩', wangHao)]));
    expect(res.body.errors).toEqual([{ row: 2, column: 'D', field: 'idNumber', message: '此人已是其他家庭的成员，请先从原家庭移出' }]);
  });
});

describe('households template', () => {
  it('round-trips with its example rows ignored', async () => {
    const res = await xixia.get('/api/imports/template/households');
    const book = await readWorkbook(res.raw);
    const sheet = book.worksheets[0];
    expect(sheetValues(sheet).get(1)).toEqual(HOUSEHOLD_HEADER);
    expect(sheet.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"户主,配偶,子女,父母,祖父母,孙子女,兄弟姐妹,儿媳女婿,其他"'] });
    const notes = sheetValues(book.getWorksheet('说明')!);
    expect([...notes.values()].flat().join()).toContain('与户主关系可填');
    sheet.addRow(['7', '户主', '模板户主', testId(130), '男', '', '', '某路 1 号', XIXIA_COMMUNITY, '某路 1 号']);
    sheet.addRow(['7', '子女', '模板子女', testId(131, 'F', '2012-02-02'), '', '', '', '', XIXIA_COMMUNITY, '']);
    const checked = await upload(xixia, 'kind=households', '家庭导入模板.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(checked.body).toMatchObject({ rows: 2, valid: 2, invalid: 0, newHouseholds: 1 });
  });
});
