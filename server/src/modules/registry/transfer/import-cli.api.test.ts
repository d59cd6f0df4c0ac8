import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import iconv from 'iconv-lite';
import { createTestContext, type TestContext } from '../../../../test/harness.js';
import { runImportCommand } from './import.cli.js';
import { HOUSEHOLD_HEADER, PERSON_HEADER, testId, workbookOf, XINGQING_COMMUNITY } from './test-support.js';

let ctx: TestContext;
let dir: string;

beforeAll(async () => {
  ctx = await createTestContext();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huimin-cli-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await ctx?.close();
});

async function file(name: string, rows: unknown[][]): Promise<string> {
  const target = path.join(dir, name);
  fs.writeFileSync(target, await workbookOf(rows));
  return target;
}

/** Runs the command and returns its exit code and what it printed. */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await runImportCommand(ctx.db, args);
    return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const count = async (ids: string[]) =>
  (await sql<{ n: number }>`select count(*)::int as n from persons where id_number = any(${ids}::text[])`.execute(ctx.db)).rows[0].n;

describe('huimin import', () => {
  const ids = [testId(300), testId(301, 'F')];
  let good: string;
  let bad: string;

  beforeAll(async () => {
    good = await file('good.xlsx', [PERSON_HEADER, ['甲', ids[0], '', '', '', '', XINGQING_COMMUNITY], ['乙', ids[1], '', '', '', '', XINGQING_COMMUNITY]]);
    bad = await file('bad.xlsx', [PERSON_HEADER, ['丙', testId(302), '', '', '', '', XINGQING_COMMUNITY], ['丁', '123', '', '', '', '', XINGQING_COMMUNITY]]);
  });

  it('answers usage errors with exit code 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('people', good)).code).toBe(2);
    expect((await run('persons', path.join(dir, 'missing.xlsx'))).code).toBe(2);
    expect((await run('persons', good, '--mode', 'replace')).code).toBe(2);
    expect((await run('persons', good, '--policy', 'some')).code).toBe(2);
    expect((await run('persons', good, '--bogus')).code).toBe(2);
    expect((await run('persons', good, '--org', '999999')).code).toBe(2);
    expect((await run('persons', good, '--org', 'abc')).err).toContain('--org');
  });

  it('--dry-run --json prints exactly the counts and errors, and writes nothing', async () => {
    const result = await run('persons', good, '--dry-run', '--json');
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({ rows: 2, valid: 2, invalid: 0, errors: [] });
    expect(await count(ids)).toBe(0);
  });

  it('commits, prints what it wrote, and is audited as the operator', async () => {
    const result = await run('persons', good, '--json');
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({ rows: 2, valid: 2, invalid: 0, errors: [], inserted: 2, updated: 0, skipped: 0 });
    expect(await count(ids)).toBe(2);
    const audit = await sql<{ actor_name: string; detail: any }>`select actor_name, detail from audit_log where action = 'registry.imported' order by id desc limit 1`.execute(ctx.db);
    expect(audit.rows[0]).toMatchObject({ actor_name: 'cli', detail: { inserted: 2, fileName: 'good.xlsx' } });
    const again = await run('persons', good, '--mode', 'skip', '--json');
    expect(again.json()).toMatchObject({ inserted: 0, skipped: 2 });
  });

  it('exits 1 on invalid rows: nothing written under all_or_nothing, the valid rows under valid_only', async () => {
    const strict = await run('persons', bad, '--json');
    expect(strict.code).toBe(1);
    expect(strict.json()).toEqual({ rows: 2, valid: 1, invalid: 1, errors: [{ row: 3, column: 'B', field: 'idNumber', message: '身份证号应为 18 位' }] });
    expect(await count([testId(302)])).toBe(0);
    const lenient = await run('persons', bad, '--policy', 'valid_only', '--json');
    expect(lenient.code).toBe(1);
    expect(lenient.json()).toMatchObject({ invalid: 1, inserted: 1 });
    expect(await count([testId(302)])).toBe(1);
  });

  it('prints a readable Chinese summary without --json', async () => {
    const result = await run('persons', bad, '--dry-run');
    expect(result.code).toBe(1);
    expect(result.out).toContain('共 2 行：正确 1 行，有误 1 行');
    expect(result.out).toContain('第 3 行 B 列（身份证号）：身份证号应为 18 位');
    const csv = path.join(dir, 'gb.csv');
    fs.writeFileSync(csv, iconv.encode(`${PERSON_HEADER.join(',')}\n戊,${testId(303)},,,,,${XINGQING_COMMUNITY}\n`, 'gb18030'));
    const committed = await run('persons', csv);
    expect(committed.code).toBe(0);
    expect(committed.out).toContain('GB18030');
    expect(committed.out).toContain('已导入：新增 1 人');
  });

  it('reports an unusable file as invalid', async () => {
    const noId = await file('noid.xlsx', [['姓名', '区划代码'], ['甲', XINGQING_COMMUNITY]]);
    const result = await run('persons', noId, '--json');
    expect(result.code).toBe(1);
    expect(result.json().errors).toEqual([{ row: 1, column: '', field: 'header', message: '缺少必填列：身份证号（第 1 行应为表头）' }]);
    const fake = path.join(dir, 'fake.xlsx');
    fs.writeFileSync(fake, 'not a workbook');
    const broken = await run('persons', fake);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('文件不是有效的 Excel 工作簿');
  });

  it('imports households', async () => {
    const households = await file('h.xlsx', [
      HOUSEHOLD_HEADER,
      ['1', '户主', '家长', testId(310), '', '', '', '', XINGQING_COMMUNITY, '兴庆区某路 3 号'],
      ['1', '女儿', '家女', testId(311, 'F', '2010-10-10'), '', '', '', '', XINGQING_COMMUNITY, ''],
    ]);
    const result = await run('households', households);
    expect(result.code).toBe(0);
    expect(result.out).toContain('新建家庭 1 户');
    const head = await sql<{ head: string }>`select hp.name as head from households h join persons hp on hp.id = h.head_person_id
      where hp.id_number = ${testId(310)}`.execute(ctx.db);
    expect(head.rows[0].head).toBe('家长');
  });
});
