/**
 * 信息比对 with a civil-affairs 低保 roll on the demo households: the preview's guessed
 * mapping, the lists (a new household to add, a changed status, a registered household the
 * roll no longer lists, a name that differs, an unknown ID number), acting on them through
 * the registry, data scope, export and templates — and bad rolls refused with Chinese
 * errors naming row and field, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { systemActor } from '../../kernel/auth/actor.js';
import { AppError } from '../../kernel/errors.js';
import { readWorkbook, sheetValues } from '../registry/transfer/test-support.js';
import { runComparison } from './comparisons.service.js';
import { getItems } from './decisions.js';
import { compare, demoId, itemsOf, personOf, runAndWait, tableCounts, testId, uploadRoll } from './test-support.js';

let ctx: TestContext;
let caseworker: Client;
const HEADER = ['序号', '姓名', '公民身份号码', '保障类别', '享受开始日期'];
const UNKNOWN = testId(401);

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  caseworker = await ctx.signIn('caseworker');
});
afterAll(async () => ctx?.close());

const currentStatus = async (householdId: number) =>
  (await sql<{ status: string }>`select value->>'status' as status from facts where household_id = ${householdId} and kind = 'assistance_status'
    and valid_from <= current_date and (valid_to is null or valid_to > current_date) order by valid_from desc limit 1`.execute(ctx.db)).rows[0]?.status ?? null;

describe('a 低保 roll', () => {
  let runId: number;

  it('previews the upload with the mapping guessed from the headers', async () => {
    const uploaded = await uploadRoll(caseworker, 'dibao', [HEADER, ['1', '王建国', demoId('王某', '王建国'), '城市低保', '2025-01-01']]);
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ status: 'uploaded', kind: 'dibao', fileName: 'roll.xlsx' });
    expect(uploaded.body.preview.mapping).toEqual({ name: 1, idNumber: 2, status: 3, startDate: 4 });
    expect(uploaded.body.preview.sampleRows[0].slice(1, 4)).toEqual(['王建国', demoId('王某', '王建国'), '城市低保']);
    // policy_admin may compare but not reveal ID numbers: the file's first rows come masked.
    const seen = await (await ctx.signIn('policy')).get(`/api/comparisons/${uploaded.body.id}`);
    expect(seen.body.preview.sampleRows[0][2]).toBe(`${demoId('王某', '王建国').slice(0, 4)}**********${demoId('王某', '王建国').slice(-4)}`);
  });

  it('lists what to add, change and stop, and the unmatched and conflicting rows, with counts', async () => {
    const run = await compare(caseworker, 'dibao', [
      HEADER,
      ['1', '王建国', demoId('王某', '王建国'), '低保', '2025-01-01'],
      ['2', '李秀兰', demoId('王某', '李秀兰'), '低保', '2025-01-01'],
      ['3', '马小花', demoId('马某', '马小花'), '低保', '2026-01-01'],
      ['4', '赵丽娟', demoId('赵某', '赵丽娟'), '低保边缘', '2026-07-01'],
      ['5', '袁卫冬', demoId('袁某', '袁卫东'), '低保', ''],
      ['6', '无此人', UNKNOWN, '特困', ''],
    ]);
    runId = run.id;
    expect(run.status).toBe('completed');
    expect(run.counts).toEqual({ rows: 6, matched: 5, toAdd: 1, toChange: 1, toStop: 1, unmatched: 1, conflict: 1 });
    expect(run.decided).toEqual({ pending: 5, accepted: 0, dismissed: 0 });

    const items = await itemsOf(caseworker, runId);
    const byKind = (kind: string) => items.filter((i) => i.kind === kind);
    expect(byKind('to_add')).toMatchObject([{ rowNo: 4, name: '马小花', reason: '名册中此户为低保（马小花），本系统未记录救助身份', action: '记录救助身份：低保（自 2026-01-01 起）' }]);
    expect(byKind('to_change')).toMatchObject([{ rowNo: 5, reason: '名册中此户为低保边缘，本系统记录为低保（自 2025-01-01 起）', action: '记录救助身份：低保边缘（自 2026-07-01 起）' }]);
    expect(byKind('to_stop')).toMatchObject([{ rowNo: null, name: '刘芳', reason: '本系统记录为低保（自 2025-01-01 起），名册中已无此户' }]);
    expect(byKind('conflict')).toMatchObject([{ rowNo: 6, name: '袁卫冬', registryName: '袁卫东', reason: expect.stringContaining('姓名不一致') }]);
    expect(byKind('unmatched')).toMatchObject([{ rowNo: 7, name: '无此人', idNumber: UNKNOWN, householdId: null }]);
    const audit = await sql<{ action: string }>`select action from audit_log where entity_type = 'comparison_run' and entity_id = ${String(runId)} order by id`.execute(ctx.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['comparison.uploaded', 'comparison.started', 'comparison.completed']);
  });

  it('accepting writes the facts through the registry; dismissing needs a reason', async () => {
    const items = await itemsOf(caseworker, runId);
    const [add, change, stop, conflict] = ['to_add', 'to_change', 'to_stop', 'conflict'].map((k) => items.find((i) => i.kind === k)!);
    const accepted = await caseworker.post(`/api/comparisons/${runId}/decisions`, { itemIds: [add.id, stop.id, conflict.id], decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ accepted: 2, dismissed: 0, failed: [{ id: conflict.id, message: expect.stringContaining('没有可写入的内容') }] });
    expect(await currentStatus(add.householdId!)).toBe('dibao');
    expect(await currentStatus(stop.householdId!)).toBeNull();
    const fact = await sql<{ source: string; valid_from: string }>`select source, valid_from from facts where household_id = ${add.householdId} and kind = 'assistance_status'`.execute(ctx.db);
    expect(fact.rows).toEqual([{ source: '信息比对：民政低保名册（roll.xlsx）', valid_from: '2026-01-01' }]);
    expect(accepted.body.items.find((i: { id: number }) => i.id === add.id)).toMatchObject({ status: 'accepted', decidedByName: expect.stringContaining('陈静') });

    const again = await caseworker.post(`/api/comparisons/${runId}/decisions`, { itemIds: [add.id], decision: 'accept' });
    expect(again.body).toMatchObject({ accepted: 0, failed: [{ id: add.id, message: '该条已处理' }] });
    const noReason = await caseworker.post(`/api/comparisons/${runId}/decisions`, { itemIds: [change.id, conflict.id], decision: 'dismiss' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('不采纳须填写原因');
    const dismissed = await caseworker.post(`/api/comparisons/${runId}/decisions`, { itemIds: [change.id, conflict.id], decision: 'dismiss', reason: '已电话核实，民政数据有误' });
    expect(dismissed.body).toMatchObject({ dismissed: 2, failed: [] });
    expect(await currentStatus(change.householdId!)).toBe('dibao');
    const audit = await sql<{ action: string; n: number }>`select action, count(*)::int as n from audit_log
      where action like 'comparison.item_%' or action = 'fact.recorded' and after->>'kind' = 'assistance_status' and actor_name like '%陈静%'
      group by action order by action`.execute(ctx.db);
    expect(audit.rows).toEqual([{ action: 'comparison.item_accepted', n: 2 }, { action: 'comparison.item_dismissed', n: 2 }, { action: 'fact.recorded', n: 1 }]);
    expect((await caseworker.get(`/api/comparisons/${runId}`)).body.decided).toEqual({ pending: 1, accepted: 2, dismissed: 2 });
  });

  it('keeps runs and their lists inside data scope', async () => {
    const xixia = await ctx.signIn('xixia');
    expect((await xixia.get(`/api/comparisons/${runId}`)).status).toBe(404);
    expect((await xixia.get(`/api/comparisons`)).body.map((r: { id: number }) => r.id)).not.toContain(runId);
    // 马某 is a 兴庆区 household: outside the 西夏区 union's scope it is simply not found.
    const own = await compare(xixia, 'dibao', [HEADER, ['1', '马小花', demoId('马某', '马小花'), '低保', ''], ['2', '王建国', demoId('王某', '王建国'), '低保', '']]);
    expect(own.counts).toMatchObject({ rows: 2, matched: 1, unmatched: 1, toAdd: 0 });
    expect((await (await ctx.signIn('grid')).get(`/api/comparisons/${own.id}`)).status).toBe(403);
  });

  it('exports the lists, audited, with ID numbers masked for readers who may not reveal them', async () => {
    const response = await caseworker.get(`/api/comparisons/${runId}/items.xlsx?kind=unmatched`);
    expect(response.status).toBe(200);
    const rows = sheetValues((await readWorkbook(response.raw)).worksheets[0]);
    expect(rows.get(1)!.slice(0, 4)).toEqual(['名单', '名册行号', '姓名', '身份证号']);
    expect(rows.get(2)!.slice(0, 4)).toEqual(['未匹配', 7, '无此人', UNKNOWN]);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'comparison.exported' and entity_id = ${String(runId)}`.execute(ctx.db);
    expect(audit.rows[0].n).toBe(1);
    const noReveal = { ...systemActor(), permissions: new Set(['comparison:run'] as const) };
    const masked = await getItems(ctx.db, noReveal, runId, { kind: 'unmatched' }, { page: 1, pageSize: 10 });
    expect(masked.items[0].idNumber).toBe(`${UNKNOWN.slice(0, 4)}**********${UNKNOWN.slice(-4)}`);
  });

  it('offers a template per kind of roll', async () => {
    const response = await caseworker.get('/api/comparisons/template/disability');
    expect(response.status).toBe(200);
    const rows = sheetValues((await readWorkbook(response.raw)).worksheets[0]);
    expect(rows.get(1)).toEqual(['身份证号', '姓名', '残疾证号', '残疾类别', '残疾等级', '发证日期']);
  });
});

describe('a bad roll', () => {
  const rejected = async (kind: 'dibao' | 'enrollment', rows: unknown[][]) => {
    const before = await tableCounts(ctx.db);
    const uploaded = await uploadRoll(caseworker, kind, rows);
    const run = await runAndWait(caseworker, uploaded.body.id);
    expect(run.body.status).toBe('rejected');
    expect(await tableCounts(ctx.db)).toEqual(before);
    return run.body;
  };

  it('with wrong columns is refused before it runs', async () => {
    const uploaded = await uploadRoll(caseworker, 'dibao', [['姓名', '类型'], ['王建国', '低保']]);
    expect(uploaded.body.preview.missing).toEqual(['idNumber', 'status']);
    const response = await caseworker.post(`/api/comparisons/${uploaded.body.id}/run`, {});
    expect(response.status).toBe(400);
    expect(response.body.error.problems.map((p: { field: string; message: string }) => [p.field, p.message])).toEqual([
      ['mapping.idNumber', '缺少必填列「身份证号」，请在列对应中选择它所在的列'],
      ['mapping.status', '缺少必填列「救助类型」，请在列对应中选择它所在的列'],
    ]);
    expect((await caseworker.get(`/api/comparisons/${uploaded.body.id}`)).body.status).toBe('uploaded');
    const mapped = await runAndWait(caseworker, uploaded.body.id, { mapping: { name: 0, status: 0 } });
    expect((mapped.body as any).error.message).toContain('「救助类型」与「姓名」对应了同一列（A 列）');
  });

  it('with a bad ID number, a person twice or a wrong status lists every problem by row and field', async () => {
    const broken = demoId('王某', '王建国').slice(0, 17) + (demoId('王某', '王建国').endsWith('0') ? '1' : '0');
    const run = await rejected('dibao', [
      HEADER,
      ['1', '王建国', broken, '低保', ''],
      ['2', '马小花', demoId('马某', '马小花'), '低保', ''],
      ['3', '马小花', demoId('马某', '马小花'), '困难', '2026-13-01'],
    ]);
    expect(run.errors).toEqual([
      { row: 2, column: 'C', field: 'idNumber', message: '身份证号校验位不正确' },
      { row: 3, column: 'C', field: 'idNumber', message: '此人在名册中重复（与第 4 行相同）' },
      { row: 4, column: 'C', field: 'idNumber', message: '此人在名册中重复（与第 3 行相同）' },
      { row: 4, column: 'D', field: 'status', message: '无法识别“困难”；救助类型应为：低保、特困、低保边缘' },
      { row: 4, column: 'E', field: 'startDate', message: '开始日期格式不正确，应为 YYYY-MM-DD' },
    ]);
    expect(run.errorCount).toBe(5);
    expect(run.message).toMatch(/^名册中有 5 处错误，未进行比对，也未改动任何数据：第 2 行 C 列（身份证号）身份证号校验位不正确；/);
    expect(run.counts).toBeNull();
  });

  it('with amounts of more than two decimals or below zero is refused', async () => {
    const run = await rejected('enrollment', [
      ['身份证号', '姓名', '项目名称', '金额'],
      [demoId('王某', '王建国'), '王建国', '临时救助', '500.123'],
      [demoId('王某', '李秀兰'), '李秀兰', '临时救助', '-20'],
      [demoId('王某', '王浩'), '王浩', '临时救助', '300.50'],
    ]);
    expect(run.errors).toEqual([
      { row: 2, column: 'D', field: 'amount', message: '金额最多两位小数（精确到分）' },
      { row: 3, column: 'D', field: 'amount', message: '金额不能为负数' },
    ]);
  });

  it('throws the same problems from runComparison, the entry point of scripts and benchmarks', async () => {
    const csv = Buffer.from(`身份证号,姓名,死亡日期\n${demoId('王某', '王建国')},王建国,2099-01-01\n`);
    const error = await runComparison(ctx.db, systemActor(), { kind: 'death', fileName: 'death.csv', bytes: csv }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).detail?.problems).toEqual([{ row: 2, column: 'C', field: 'deathDate', message: '死亡日期不能晚于今天' }]);
  });
});
