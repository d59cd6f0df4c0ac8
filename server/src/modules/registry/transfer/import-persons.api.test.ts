import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import iconv from 'iconv-lite';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.js';
import { ERROR_FILL, SUMMARY_HEADER } from './annotated-report.js';
import {
  demoId, noteText, PERSON_HEADER, readWorkbook, sheetValues, testId, upload, workbookOf, XINGQING_COMMUNITY, XIXIA_COMMUNITY,
} from './test-support.js';

let ctx: TestContext;
let caseworker: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  caseworker = await ctx.signIn('caseworker');
});
afterAll(() => ctx?.close());

const countPersons = async (ids: string[]) =>
  (await sql<{ n: number }>`select count(*)::int as n from persons where id_number = any(${ids}::text[])`.execute(ctx.db)).rows[0].n;
const audits = async (action: string) =>
  (await sql<{ detail: any; actor_name: string }>`select detail, actor_name from audit_log where action = ${action} order by id`.execute(ctx.db)).rows;

describe('a clean persons import', () => {
  const ids = [testId(1, 'M'), testId(2, 'F'), testId(3, 'M', '1975-02-03')];
  let file: Buffer;

  beforeAll(async () => {
    file = await workbookOf([
      PERSON_HEADER,
      ['赵一', ids[0], '男', '1990-05-17', '13909511111', '兴庆区解放西街 1 号', XINGQING_COMMUNITY],
      // Rich text and a formula read as what Excel shows; a real date cell; the phone typed as a number.
      [{ richText: [{ text: '钱' }, { font: { bold: true }, text: '二' }] }, ids[1], '女', new Date(Date.UTC(1990, 4, 17)), 13909512222,
        { formula: 'CONCATENATE("兴庆区","文化街 2 号")', result: '兴庆区文化街 2 号' }, XINGQING_COMMUNITY],
      ['孙三', ids[2], null, null, null, null, XIXIA_COMMUNITY],
    ]);
  });

  it('checks the upload without writing, and keeps it as a batch', async () => {
    const res = await upload(caseworker, 'kind=persons&mode=update', '人员名单.xlsx', file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'persons', fileName: '人员名单.xlsx', status: 'validated', rows: 3, valid: 3, invalid: 0, toInsert: 3, errors: [], warnings: [] });
    expect(await countPersons(ids)).toBe(0);
    const again = await caseworker.get(`/api/imports/${res.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: res.body.id, rows: 3, valid: 3 });
  });

  it('commits the stored file once, audited with counts', async () => {
    const res = await upload(caseworker, 'kind=persons', '人员名单.xlsx', file);
    const commit = await caseworker.post(`/api/imports/${res.body.id}/commit`, { policy: 'all_or_nothing' });
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ inserted: 3, updated: 0, skipped: 0, invalid: 0, committed: true });
    const { rows } = await sql<any>`select p.name, p.sex, p.birth_date, p.phone, p.address, p.region_code, o.name as org
      from persons p join organisations o on o.id = p.org_id where id_number = any(${ids}::text[]) order by p.id`.execute(ctx.db);
    expect(rows.map((r: any) => [r.name, r.sex, r.phone, r.address, r.org])).toEqual([
      ['赵一', 'M', '13909511111', '兴庆区解放西街 1 号', '银川市总工会'],
      ['钱二', 'F', '13909512222', '兴庆区文化街 2 号', '银川市总工会'],
      ['孙三', 'M', null, null, '银川市总工会'],
    ]);
    const second = await caseworker.post(`/api/imports/${res.body.id}/commit`, { policy: 'all_or_nothing' });
    expect(second.status).toBe(409);
    expect((await caseworker.get(`/api/imports/${res.body.id}`)).body).toMatchObject({ status: 'committed', result: { inserted: 3 } });
    const imported = (await audits('registry.imported')).at(-1)!;
    expect(imported.actor_name).toContain('陈静');
    expect(imported.detail).toMatchObject({ kind: 'persons', rows: 3, inserted: 3, policy: 'all_or_nothing' });
  });

  it('re-importing never duplicates: update mode updates, skip mode skips', async () => {
    const changed = await workbookOf([PERSON_HEADER, ['赵一', ids[0], '男', null, '13909519999', '新地址 9 号', XINGQING_COMMUNITY], ['钱二', ids[1], null, null, null, null, XINGQING_COMMUNITY]]);
    const update = await upload(caseworker, 'kind=persons&mode=update', 'again.xlsx', changed);
    expect(update.body).toMatchObject({ rows: 2, valid: 2, toInsert: 0, toUpdate: 2 });
    expect((await caseworker.post(`/api/imports/${update.body.id}/commit`, { policy: 'all_or_nothing' })).body).toMatchObject({ inserted: 0, updated: 2 });
    const zhao = await sql<any>`select phone, address from persons where id_number = ${ids[0]}`.execute(ctx.db);
    expect(zhao.rows[0]).toEqual({ phone: '13909519999', address: '新地址 9 号' });
    // Empty optional cells do not erase what is registered.
    const qian = await sql<any>`select phone from persons where id_number = ${ids[1]}`.execute(ctx.db);
    expect(qian.rows[0].phone).toBe('13909512222');

    const skip = await upload(caseworker, 'kind=persons&mode=skip', 'again.xlsx', file);
    expect(skip.body).toMatchObject({ rows: 3, valid: 3, skipped: 3, toInsert: 0 });
    expect((await caseworker.post(`/api/imports/${skip.body.id}/commit`, { policy: 'valid_only' })).body).toMatchObject({ inserted: 0, updated: 0, skipped: 3 });
    expect(await countPersons(ids)).toBe(3);
    expect((await sql<any>`select phone from persons where id_number = ${ids[0]}`.execute(ctx.db)).rows[0].phone).toBe('13909519999');
  });
});

describe('rows with problems', () => {
  // Columns in the user's own order, with an extra column we do not know: letters follow their file.
  const header = ['序号', '身份证号码', '姓名', '手机', '性别', '出生日期', '备注', '行政区划', '住址'];
  const good = [testId(20), testId(21, 'F'), testId(22)];
  const dup = testId(23);
  const rows = [
    header,
    [1, good[0], '周好', '13909513333', '男', '1990-05-17', '', XINGQING_COMMUNITY, '地址'], // row 2: valid
    [2, '640104199005170001', '吴错', '', '', '', '', XINGQING_COMMUNITY, ''], // row 3: checksum
    [3, good[1], '郑女', '', '男', '1990-05-18', '', XINGQING_COMMUNITY, ''], // row 4: sex and birth date disagree with the ID
    [4, good[2], '', '12345', '', '', '', '999999', ''], // row 5: no name, bad phone, unknown region
    [5, dup, '王甲', '', '', '', '', XINGQING_COMMUNITY, ''], // row 6: duplicate of row 8
    [6, 640104199005170000, '冯数', '', '', '', '', XINGQING_COMMUNITY, ''], // row 7: ID typed as a number
    [7, dup, '王乙', '', '', '', '', XINGQING_COMMUNITY, ''], // row 8: duplicate of row 6
  ];
  let batchId: number;

  it('reports each problem by spreadsheet row, column letter and field', async () => {
    const res = await upload(caseworker, 'kind=persons', '有误.xlsx', await workbookOf(rows));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    batchId = res.body.id;
    expect(res.body).toMatchObject({ rows: 7, valid: 1, invalid: 6 });
    expect(res.body.warnings.join()).toContain('A「序号」');
    expect(res.body.warnings.join()).toContain('G「备注」');
    const at = (row: number, field: string) => res.body.errors.filter((e: any) => e.row === row && e.field === field);
    expect(at(3, 'idNumber')).toEqual([{ row: 3, column: 'B', field: 'idNumber', message: '身份证号校验位不正确' }]);
    expect(at(4, 'sex')[0]).toMatchObject({ column: 'E', message: expect.stringContaining('性别与身份证号不符') });
    expect(at(4, 'birthDate')[0]).toMatchObject({ column: 'F', message: expect.stringContaining('出生日期与身份证号不符') });
    expect(at(5, 'name')[0]).toMatchObject({ column: 'C', message: '姓名必填' });
    expect(at(5, 'phone')[0]).toMatchObject({ column: 'D' });
    expect(at(5, 'regionCode')[0]).toMatchObject({ column: 'H', message: '区划代码 999999 不存在' });
    expect(at(6, 'idNumber')[0]).toMatchObject({ column: 'B', message: expect.stringContaining('第 8 行') });
    expect(at(8, 'idNumber')[0]).toMatchObject({ column: 'B', message: expect.stringContaining('第 6 行') });
    expect(at(7, 'idNumber')[0]).toMatchObject({ column: 'B', message: expect.stringContaining('存成了数字') });
    expect(res.body.errors.map((e: any) => e.row)).toEqual([...res.body.errors.map((e: any) => e.row)].sort((a, b) => a - b));
  });

  it('all_or_nothing writes nothing when any row is wrong', async () => {
    const res = await caseworker.post(`/api/imports/${batchId}/commit`, { policy: 'all_or_nothing' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toContain('6 行');
    expect(await countPersons([good[0]])).toBe(0);
    expect((await caseworker.get(`/api/imports/${batchId}`)).body.status).toBe('validated');
  });

  it('valid_only writes only the valid rows', async () => {
    const res = await caseworker.post(`/api/imports/${batchId}/commit`, { policy: 'valid_only' });
    expect(res.body).toMatchObject({ inserted: 1, invalid: 6, committed: true });
    expect(await countPersons([good[0]])).toBe(1);
    expect(await countPersons([good[1], good[2], dup])).toBe(0);
  });

  it('gives back the user\'s workbook with the wrong cells marked', async () => {
    const res = await caseworker.get(`/api/imports/${batchId}/errors.xlsx`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('有误-错误标注.xlsx'));
    const book = await readWorkbook(res.raw);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Sheet1');
    const values = sheetValues(sheet);
    expect([...values.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(values.get(1)).toEqual([...header, SUMMARY_HEADER]);
    expect(values.get(3)!.slice(0, 3)).toEqual([2, '640104199005170001', '吴错']);
    const b3 = sheet.getCell('B3');
    expect((b3.fill as any).fgColor.argb).toBe((ERROR_FILL as any).fgColor.argb);
    expect(noteText(b3.note)).toBe('身份证号校验位不正确');
    expect(noteText(sheet.getCell('H5').note)).toContain('999999');
    expect((sheet.getCell('C2').fill as any)?.pattern ?? 'none').toBe('none');
    expect(sheet.getCell('C2').note).toBeUndefined();
    expect(String(sheet.getCell('J5').value)).toContain('C 列姓名：姓名必填');
    expect(sheet.getCell('J2').value).toBeNull();
  });

  it('refuses changes to persons registered outside the actor\'s scope, but may skip them', async () => {
    const xixia = await ctx.signIn('xixia');
    const maMing = demoId('马某', '马明'); // 兴庆区总工会's
    const file = await workbookOf([PERSON_HEADER, ['马明', maMing, '', '', '', '', '640104006001']]);
    const update = await upload(xixia, 'kind=persons&mode=update', 'm.xlsx', file);
    expect(update.body.errors).toEqual([{ row: 2, column: 'B', field: 'idNumber', message: '该身份证号已由其他单位登记，无权修改' }]);
    const skip = await upload(xixia, 'kind=persons&mode=skip', 'm.xlsx', file);
    expect(skip.body).toMatchObject({ valid: 1, invalid: 0, skipped: 1 });
    // A batch is only visible within the uploader's organisation scope.
    expect((await xixia.get(`/api/imports/${batchId}`)).status).toBe(404);
    expect((await xixia.post(`/api/imports/${update.body.id}/commit`, { policy: 'valid_only' })).status).toBe(200);
    // New records may only be owned by an organisation within the actor's scope.
    const yc = await sql<{ id: number }>`select id from organisations where name = '银川市总工会'`.execute(ctx.db);
    expect((await upload(xixia, `kind=persons&orgId=${yc.rows[0].id}`, 'm.xlsx', file)).status).toBe(403);
  });
});

describe('files that cannot be imported', () => {
  it('names every missing required column in one error on row 1', async () => {
    const res = await upload(caseworker, 'kind=persons', 'x.xlsx', await workbookOf([['姓名', '电话'], ['张三', '13900000000']]));
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([{ row: 1, column: '', field: 'header', message: '缺少必填列：身份证号、区划代码（第 1 行应为表头）' }]);
  });

  it('refuses a file without data rows', async () => {
    const res = await upload(caseworker, 'kind=persons', 'x.xlsx', await workbookOf([PERSON_HEADER]));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('没有数据');
    expect((await upload(caseworker, 'kind=persons', 'x.csv', '')).body.error.message).toContain('文件是空的');
  });

  it('refuses a file that is not an Excel workbook', async () => {
    const res = await upload(caseworker, 'kind=persons', '名单.xlsx', Buffer.from('姓名,身份证号\n这不是 Excel 文件\n'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_file');
    expect(res.body.error.message).toContain('文件不是有效的 Excel 工作簿');
  });

  it('refuses users without the import permission', async () => {
    const hospital = await ctx.signIn('hospital');
    const res = await upload(hospital, 'kind=persons', 'x.xlsx', await workbookOf([PERSON_HEADER]));
    expect(res.status).toBe(403);
    expect((await hospital.get('/api/imports/template/persons')).status).toBe(403);
  });
});

describe('CSV', () => {
  it('reads UTF-8 with a BOM and GB18030 as Chinese Excel saves it', async () => {
    const ids = [testId(40), testId(41, 'F')];
    const text = `${PERSON_HEADER.join(',')}\r\n"欧阳, 明",${ids[0]},男,,,"银川市""金凤区""",${XINGQING_COMMUNITY}\r\n`;
    const utf8 = await upload(caseworker, 'kind=persons', 'u.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(utf8.body).toMatchObject({ rows: 1, valid: 1 });
    const gbText = `${PERSON_HEADER.join(',')}\r\n司马燕,${ids[1]},女,,,,${XINGQING_COMMUNITY}\r\n`;
    const gb = await upload(caseworker, 'kind=persons', 'g.csv', iconv.encode(gbText, 'gb18030'));
    expect(gb.body).toMatchObject({ rows: 1, valid: 1 });
    for (const id of [utf8.body.id, gb.body.id]) await caseworker.post(`/api/imports/${id}/commit`, { policy: 'all_or_nothing' });
    const names = await sql<any>`select name, address from persons where id_number = any(${ids}::text[]) order by name`.execute(ctx.db);
    expect(names.rows).toEqual([{ name: '司马燕', address: null }, { name: '欧阳, 明', address: '银川市"金凤区"' }]);
  });

  it('annotates a CSV upload as a workbook', async () => {
    const res = await upload(caseworker, 'kind=persons', 'bad.csv', `${PERSON_HEADER.join(',')}\n李,123,,,,,${XINGQING_COMMUNITY}\n`);
    const book = await readWorkbook((await caseworker.get(`/api/imports/${res.body.id}/errors.xlsx`)).raw);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('B2').value).toBe('123');
    expect(noteText(sheet.getCell('B2').note)).toBe('身份证号应为 18 位');
    expect(sheet.getCell('H1').value).toBe(SUMMARY_HEADER);
  });
});

describe('templates', () => {
  it('the persons template round-trips: fill it in, import it, all valid', async () => {
    const res = await caseworker.get('/api/imports/template/persons');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const book = await readWorkbook(res.raw);
    const sheet = book.worksheets[0];
    expect(sheetValues(sheet).get(1)).toEqual(PERSON_HEADER);
    expect(book.getWorksheet('说明')).toBeDefined();
    expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(sheet.getCell('C5001').dataValidation).toMatchObject({ type: 'list' });
    sheet.addRow(['填表人', testId(60), '男', '1990-05-17', '13909516666', '某街 1 号', XIXIA_COMMUNITY]);
    sheet.addRow(['第二人', testId(61, 'F'), '', '', '', '', XIXIA_COMMUNITY]);
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const checked = await upload(caseworker, 'kind=persons', '人员导入模板.xlsx', filled);
    expect(checked.body).toMatchObject({ rows: 2, valid: 2, invalid: 0 });
    expect(checked.body.warnings.join()).toContain('示例行');
  });
});

describe('file size', () => {
  it('refuses uploads over the configured limit', async () => {
    const small = await createTestContext({ config: { uploadLimitBytes: 2048 } });
    try {
      const admin = await small.signIn('admin');
      const res = await upload(admin, 'kind=persons', 'big.csv', `${PERSON_HEADER.join(',')}\n${'x'.repeat(5000)}\n`);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('file_too_large');
    } finally {
      await small.close();
    }
  });
});
