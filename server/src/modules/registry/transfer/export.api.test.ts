import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.js';
import { systemActor } from '../../../kernel/auth/actor.js';
import { writePersonsFixture } from '../../../../../scripts/make-import-fixture.js';
import { importFile } from './import.service.js';
import { readWorkbook, sheetValues, testId, XIXIA_COMMUNITY } from './test-support.js';

let ctx: TestContext;
let caseworker: Client;
let xixia: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  [caseworker, xixia] = await Promise.all([ctx.signIn('caseworker'), ctx.signIn('xixia')]);
});
afterAll(() => ctx?.close());

async function exported(client: Client, url: string) {
  const res = await client.get(url);
  expect(res.status).toBe(200);
  expect(String(res.headers['content-type'])).toContain('spreadsheetml');
  const sheet = (await readWorkbook(res.raw)).worksheets[0];
  const rows = [...sheetValues(sheet).values()];
  const header = rows.shift() as string[];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])) as Record<string, any>);
}

const lastAudit = async () =>
  (await sql<{ action: string; actor_name: string; detail: any }>`select action, actor_name, detail from audit_log
    where action = 'registry.exported' order by id desc limit 1`.execute(ctx.db)).rows[0];

describe('person export', () => {
  it('honours data scope and masks ID numbers and phones', async () => {
    const rows = await exported(xixia, '/api/persons/export.xlsx');
    // 西夏区总工会 registered four demo households: 王某 4, 刘某 3, 孙某 3, 吴某 3.
    expect(rows).toHaveLength(13);
    expect(new Set(rows.map((r) => r['所属单位']))).toEqual(new Set(['西夏区总工会']));
    for (const r of rows) expect(r['身份证号']).toMatch(/^6401\*{10}[\dX]{4}$/);
    const wang = rows.find((r) => r['姓名'] === '王建国')!;
    expect(wang).toMatchObject({ 性别: '男', 出生日期: '1978-03-14', 联系电话: '139****0101', 与户主关系: '户主', 区划代码: '640105002003' });
    expect(Object.keys(wang)).toEqual(['姓名', '身份证号', '性别', '出生日期', '年龄', '联系电话', '地址', '区划代码', '所属区划', '所属单位', '家庭编号', '与户主关系', '登记时间']);
    expect(await lastAudit()).toMatchObject({ actor_name: expect.stringContaining('马涛'), detail: { list: 'persons', rows: 13, filter: {} } });
  });

  it('honours the list filters', async () => {
    expect(await exported(caseworker, '/api/persons/export.xlsx')).toHaveLength(34);
    expect(await exported(caseworker, '/api/persons/export.xlsx?regionCode=640105')).toHaveLength(13);
    const named = await exported(caseworker, `/api/persons/export.xlsx?q=${encodeURIComponent('王')}`);
    expect(named.map((r) => r['姓名']).sort()).toEqual(['王建国', '王欣', '王浩']);
    expect((await lastAudit()).detail).toEqual({ list: 'persons', rows: 3, filter: { q: '王' } });
  });

  it('neutralizes text that a spreadsheet would run as a formula', async () => {
    const created = await caseworker.post('/api/persons', { idNumber: testId(200), name: '公式', address: '=1+2', regionCode: XIXIA_COMMUNITY });
    expect(created.status).toBe(200);
    const rows = await exported(caseworker, `/api/persons/export.xlsx?q=${encodeURIComponent('公式')}`);
    expect(rows[0]['地址']).toBe("'=1+2");
  });

  it('is refused without the export permission', async () => {
    for (const user of ['hospital', 'grid']) {
      const client = await ctx.signIn(user);
      expect((await client.get('/api/persons/export.xlsx')).status).toBe(403);
      expect((await client.get('/api/households/export.xlsx')).status).toBe(403);
    }
  });
});

describe('household export', () => {
  it('honours data scope, filters and masking', async () => {
    const rows = await exported(xixia, '/api/households/export.xlsx');
    expect(rows.map((r) => r['户主姓名']).sort()).toEqual(['刘芳', '吴秀梅', '孙海燕', '王建国'].sort());
    for (const r of rows) expect(r['户主身份证号']).toMatch(/^6401\*{10}[\dX]{4}$/);
    const wang = rows.find((r) => r['户主姓名'] === '王建国')!;
    expect(wang).toMatchObject({ 家庭人数: 4, 救助身份: '低保', 户主电话: '139****0101', 所属单位: '西夏区总工会' });
    const dibao = await exported(caseworker, '/api/households/export.xlsx?assistanceStatus=dibao');
    expect(dibao.map((r) => r['户主姓名']).sort()).toEqual(['刘芳', '王建国', '赵丽娟'].sort());
    expect(await lastAudit()).toMatchObject({ detail: { list: 'households', rows: 3, filter: { assistanceStatus: 'dibao' } } });
  });
});

describe('large exports', () => {
  it('pages through every row (keyset) after a bulk import', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huimin-export-'));
    try {
      const file = path.join(dir, 'persons.xlsx');
      await writePersonsFixture(2_100, file, 7);
      const root = await sql<{ id: number }>`select id from organisations where name = '银川市总工会'`.execute(ctx.db);
      const result = await importFile(ctx.db, { ...systemActor('test'), orgId: root.rows[0].id }, {
        kind: 'persons', filePath: file, fileName: 'persons.xlsx', mode: 'update', policy: 'all_or_nothing', dryRun: false,
      });
      expect(result).toMatchObject({ rows: 2_100, valid: 2_100, inserted: 2_100, committed: true });
      const rows = await exported(caseworker, '/api/persons/export.xlsx');
      expect(rows).toHaveLength(34 + 1 + 2_100);
      // Newest first, every person exactly once across the pages.
      const all = await sql<{ name: string; birth_date: string }>`select name, birth_date from persons order by id desc`.execute(ctx.db);
      expect(rows.map((r) => `${r['姓名']} ${r['出生日期']}`)).toEqual(all.rows.map((r) => `${r.name} ${r.birth_date}`));
      expect((await lastAudit()).detail.rows).toBe(2_135);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
