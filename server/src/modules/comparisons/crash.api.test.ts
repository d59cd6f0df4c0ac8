/**
 * A server killed (SIGKILL) in the middle of a comparison keeps nothing of it: the real
 * `huimin serve` process, on its own embedded data directory or PostgreSQL database, is
 * killed while it stages a 60,000-row roll; restarted, it marks the run as interrupted with
 * no items, runs the same roll again, and every row is then listed exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverHome, signInOver, startServer, stopServer, waitForLine, type RealServer, type ServerHome } from '../../../test/real-server.js';
import type { ComparisonRun } from '../../contracts/comparisons.js';
import { makeIdNumber } from '../../kernel/validation/idcard.js';
import { readWorkbook, sheetValues } from '../registry/transfer/test-support.js';

const UNKNOWN_ROWS = 60_000;
const COMMUNITY = '640104001002';

let home: ServerHome;
let server: RealServer | null = null;

beforeAll(async () => {
  home = await serverHome('comparison-crash');
});

afterAll(async () => {
  await stopServer(server, 'SIGTERM');
  await home?.remove();
});

describe('a server killed in the middle of a comparison', () => {
  it('keeps nothing of the interrupted run, and the same roll then lists every row exactly once', { timeout: 600_000 }, async () => {
    server = await startServer(home);
    let call = await signInOver(server.url, 'admin', home.adminPassword);
    // The registry: a 低保 household on the roll, one off it, and a person without a status who is on it.
    const household = async (name: string, n: number, dibao: boolean) => {
      const idNumber = makeIdNumber('640104', '1970-01-01', n, 'M');
      const created = await call('POST', '/api/households', { regionCode: COMMUNITY, members: [{ relationship: 'head', person: { idNumber, name, regionCode: COMMUNITY } }] });
      if (dibao) await call('POST', `/api/households/${created.id}/facts`, { kind: 'assistance_status', value: { status: 'dibao' }, source: '测试', validFrom: '2025-01-01' });
      return idNumber;
    };
    const listed = await household('在册甲', 1, true);
    await household('停保乙', 3, true);
    const added = await household('新增丙', 5, false);

    const lines = ['身份证号,姓名,救助类型,开始日期', `${listed},在册甲,低保,2025-01-01`, `${added},新增丙,特困,2026-01-01`];
    for (let i = 0; lines.length < UNKNOWN_ROWS + 3; i++) {
      const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${makeIdNumber('640105', day, i % 1000, i % 2 ? 'M' : 'F')},名册人员${i},低保,`);
    }
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'dibao.csv');
    const uploaded = await call<ComparisonRun>('POST', '/api/comparisons?kind=dibao', form);

    // Run it and kill the server as soon as it reports the first chunk staged: the run's transaction is open.
    const seen = server.lines.length;
    await call('POST', `/api/comparisons/${uploaded.id}/run`, {});
    await waitForLine(server, new RegExp(`"comparison":${uploaded.id},"stage":"读取名册","rows":`), seen);
    expect(server.lines.slice(seen).some((line) => line.includes('"stage":"完成"'))).toBe(false);
    await stopServer(server, 'SIGKILL');

    server = await startServer(home);
    call = await signInOver(server.url, 'admin', home.adminPassword);
    const interrupted = await call<ComparisonRun>('GET', `/api/comparisons/${uploaded.id}`);
    expect(interrupted).toMatchObject({ status: 'failed', counts: null, message: '运行中断（服务曾停止），未保存任何比对结果，可重新运行' });
    expect((await call('GET', `/api/comparisons/${uploaded.id}/items`)).total).toBe(0);

    await call('POST', `/api/comparisons/${uploaded.id}/run`, {});
    let run: ComparisonRun = interrupted;
    for (const deadline = Date.now() + 300_000; ; ) {
      run = await call('GET', `/api/comparisons/${uploaded.id}`);
      if (run.status !== 'running' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(run.status).toBe('completed');
    expect(run.counts).toEqual({ rows: UNKNOWN_ROWS + 2, matched: 2, toAdd: 1, toChange: 0, toStop: 1, unmatched: UNKNOWN_ROWS, conflict: 0 });

    // Every unknown row exactly once: rows 4 … 60,003 of the file (header 1, the two registered persons 2 and 3).
    const workbook = await readWorkbook(await call('GET', `/api/comparisons/${uploaded.id}/items.xlsx?kind=unmatched`));
    const rowNos = [...sheetValues(workbook.worksheets[0]).values()].slice(1).map((cells) => Number(cells[1]));
    expect(rowNos.length).toBe(UNKNOWN_ROWS);
    expect(new Set(rowNos).size).toBe(UNKNOWN_ROWS);
    expect(rowNos.reduce((a, b) => Math.min(a, b))).toBe(4);
    expect(rowNos.reduce((a, b) => Math.max(a, b))).toBe(UNKNOWN_ROWS + 3);
    const [add] = (await call('GET', `/api/comparisons/${uploaded.id}/items?kind=to_add`)).items;
    expect(add).toMatchObject({ rowNo: 3, name: '新增丙' });
  });
});
