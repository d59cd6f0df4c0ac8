/**
 * From an approved run to the bank and back: the bank file with full account numbers only
 * for those allowed (and audited), the return file reconciled whole or not at all, failed
 * lines reissued, then the monthly ledger and its public notice. Also the operators' CLI.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.js';
import { addUser } from '../test-support.js';
import { runLedgerCommand, runPaymentsCommand } from './payments.cli.js';

let ctx: TestContext;
let admin: Client;
let policy: Client;
let finance: Client;
let clerk: Client;
let runId: number;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await ctx.signIn('admin');
  const role = await admin.post('/api/roles', { code: 'pay_clerk', name: '出纳（无完整账号）', permissions: ['payment:read', 'payment:approve', 'benefit:read'], dataScope: 'all' });
  expect(role.status, JSON.stringify(role.body)).toBe(200);
  await addUser(ctx, 'clerk', ['pay_clerk']);
  [policy, finance, clerk] = await Promise.all(['policy', 'finance', 'clerk'].map((u) => ctx.signIn(u)));
  runId = (await policy.post('/api/payment-runs', { period: '2026-04' })).body.runId;
  expect((await finance.post(`/api/payment-runs/${runId}/approve`, {})).status).toBe(200);
  expect((await finance.post(`/api/payment-runs/${runId}/release`)).status).toBe(200);
});
afterAll(async () => ctx?.close());

const csvRows = (text: string) => text.replace(/^\ufeff/, '').trim().split('\r\n').map((line) => line.split(','));

describe('the bank file', () => {
  it('declares the batch and shows full account numbers only to those allowed, auditing each export', async () => {
    const full = await finance.get(`/api/payment-runs/${runId}/bank-file?format=csv`);
    expect(full.status).toBe(200);
    const rows = csvRows(full.raw.toString('utf8'));
    const run = (await finance.get(`/api/payment-runs/${runId}`)).body;
    expect(rows[0]).toEqual(['批次号', '笔数', '总金额（元）']);
    expect(rows[1]).toEqual([`HM${runId}`, String(run.declaredLines), (run.declaredFen / 100).toFixed(2)]);
    expect(rows[2]).toEqual(['序号', '流水号', '户名', '账号', '开户行', '金额（元）', '用途']);
    expect(rows.length - 3).toBe(run.declaredLines);
    expect(rows.slice(3).some((r) => /^622848\d{13}$/.test(r[3]!))).toBe(true);

    const masked = await clerk.get(`/api/payment-runs/${runId}/bank-file?format=xlsx`);
    expect(masked.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(masked.raw as unknown as ArrayBuffer);
    const accounts = workbook.worksheets[0]!.getColumn(4).values.slice(4).map(String).filter((v) => v && v !== 'undefined');
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((a) => /^6228\*+\d{4}$/.test(a))).toBe(true);

    const { rows: audit } = await sql<{ detail: { fullAccountNumbers: boolean } }>`
      select detail from audit_log where action = 'payment.bank_file_exported' and entity_id = ${String(runId)} order by id`.execute(ctx.db);
    expect(audit.map((a) => a.detail.fullAccountNumbers)).toEqual([true, false]);
    expect((await policy.get(`/api/payment-runs/${runId}/bank-file`)).status).toBe(403);
  });
});

describe('a payee’s bank account', () => {
  it('is masked, revealed only with permission (audited), and checked when entered', async () => {
    const head = (await sql<{ id: number }>`select id from persons where name = '周红'`.execute(ctx.db)).rows[0]!.id;
    const masked = await clerk.get(`/api/persons/${head}/bank-account`);
    expect(masked.body).toMatchObject({ masked: true, bankName: '中国农业银行银川分行' });
    expect(masked.body.accountNumber).toMatch(/^6228\*+\d{4}$/);
    expect((await clerk.get(`/api/persons/${head}/bank-account?reveal=true`)).status).toBe(403);
    const full = await finance.get(`/api/persons/${head}/bank-account?reveal=true`);
    expect(full.body).toMatchObject({ masked: false, accountNumber: expect.stringMatching(/^622848\d{13}$/) });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'payment.account_revealed' and entity_id = ${String(head)}`.execute(ctx.db);
    expect(rows[0]!.n).toBe(1);
    const caseworker = await ctx.signIn('caseworker');
    const bad = await caseworker.put(`/api/persons/${head}/bank-account`, { bankName: '农行', accountNumber: '6228-ABC', accountName: '周红' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('accountNumber');
    const set = await caseworker.put(`/api/persons/${head}/bank-account`, { bankName: '宁夏银行', accountNumber: '6228 4800 0000 0000 123', accountName: '周红' });
    expect(set.body).toMatchObject({ bankName: '宁夏银行', masked: true, accountNumber: '6228***********0123' });
  });
});

async function upload(client: Client, csv: string) {
  const boundary = '----huimin-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="return.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.send('POST', `/api/payment-runs/${runId}/bank-return`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('the bank return file', () => {
  let lines: Array<{ reference: string; amount: string }>;
  const returnFile = (rows: string[][]) => ['流水号,金额（元）,处理结果,失败原因', ...rows.map((r) => r.join(','))].join('\r\n');

  beforeAll(async () => {
    const file = csvRows((await finance.get(`/api/payment-runs/${runId}/bank-file?format=csv`)).raw.toString('utf8'));
    lines = file.slice(3).map((r) => ({ reference: r[1]!, amount: r[5]! }));
  });

  it('changes nothing when any row is wrong, and says which row and why', async () => {
    const bad = lines.map((l, i) => [l.reference, i === 1 ? '1.00' : l.amount, '成功', '']);
    bad.push(['HM999-1', '1.00', '成功', '']);
    const res = await upload(finance, returnFile(bad));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('未做任何更改');
    const problems = res.body.error.problems.map((p: { row: number; field: string }) => [p.row, p.field]);
    expect(problems).toEqual(expect.arrayContaining([[3, '金额'], [lines.length + 2, '流水号']]));
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from payment_lines where run_id = ${runId} and status = 'exported'`.execute(ctx.db);
    expect(rows[0]!.n).toBe(lines.length);
  });

  it('marks lines paid or failed, reconciles the batch, and importing it again changes nothing', async () => {
    const rows = lines.map((l, i) => [l.reference, l.amount, i === 0 ? '失败' : '成功', i === 0 ? '账户已销户' : '']);
    const res = await upload(finance, returnFile(rows));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ rows: lines.length, paid: lines.length - 1, failed: 1, outstanding: 0, reconciled: true });
    expect((await finance.get(`/api/payment-runs/${runId}`)).body.status).toBe('reconciled');
    const again = await upload(finance, returnFile(rows));
    expect(again.body).toMatchObject({ paid: 0, failed: 0, reconciled: true });
    const flipped = await upload(finance, returnFile(rows.map((r, i) => (i === 0 ? [r[0]!, r[1]!, '成功', ''] : r))));
    expect(flipped.status).toBe(400);
  });

  it('reissues the failed line in a new run that goes through approval', async () => {
    const reissued = await policy.post(`/api/payment-runs/${runId}/reissue`);
    expect(reissued.status, JSON.stringify(reissued.body)).toBe(200);
    expect(reissued.body).toMatchObject({ status: 'draft', lineCount: 1, amountFen: Number(lines[0]!.amount.replace('.', '')) });
    expect((await policy.post(`/api/payment-runs/${runId}/reissue`)).status).toBe(409);
    expect((await finance.post(`/api/payment-runs/${reissued.body.id}/approve`, {})).status).toBe(200);
    const checks = await policy.get('/api/ledger/check');
    expect(checks.body.every((c: { ok: boolean }) => c.ok), JSON.stringify(checks.body)).toBe(true);
  });
});

describe('the monthly ledger', () => {
  it('adds up per policy and region, by source, and drills down to the lines', async () => {
    const report = (await policy.get('/api/ledger?month=2026-04')).body;
    const card = report.rows.filter((r: { policyCode: string }) => r.policyCode === 'nx-union-warm-card');
    expect(card.reduce((n: number, r: { recipients: number }) => n + r.recipients, 0)).toBe(10);
    expect(card.reduce((n: number, r: { amountFen: number }) => n + r.amountFen, 0)).toBe(200000);
    expect(report.totals.amountFen).toBe(report.totals.bySource.reduce((n: number, s: { amountFen: number }) => n + s.amountFen, 0));
    const xixia = card.find((r: { regionCode: string }) => r.regionCode === '640105');
    const lines = await policy.get(`/api/payment-lines?month=2026-04&policyCode=nx-union-warm-card&regionCode=640105&pageSize=100`);
    expect(lines.body.items.reduce((n: number, l: { amountFen: number }) => n + l.amountFen, 0)).toBe(xixia.amountFen);
  });

  it('exports the county workbook and a public notice with masked names only', async () => {
    const ledger = await policy.get('/api/ledger.xlsx?month=2026-04');
    expect(ledger.status).toBe(403); // exporting needs registry:export
    expect((await admin.get('/api/ledger.xlsx?month=2026-04')).status).toBe(200);
    const notice = await policy.get('/api/ledger/notice.xlsx?month=2026-04&policyCode=nx-union-warm-card');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(notice.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const names = sheet.getColumn(2).values.slice(3).map(String).filter((v) => v && v !== 'undefined');
    expect(names).toHaveLength(10);
    expect(names).toContain('王*国');
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}|622848/);
  });
});

describe('the operators’ commands', () => {
  async function cli(fn: typeof runPaymentsCommand, ...args: string[]) {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    try {
      return { code: await fn(args, (f) => f(ctx.db)), out: out.join('\n') };
    } finally {
      log.mockRestore();
    }
  }

  it('payments run --json creates the period once and then returns it unchanged', async () => {
    const first = await cli(runPaymentsCommand, 'run', '--period', '2026-02', '--policy', 'nx-union-warm-card', '--json');
    expect(first.code).toBe(0);
    const made = JSON.parse(first.out);
    expect(made).toEqual({ period: '2026-02', runId: expect.any(Number), created: true, lines: 10, amountFen: 200000,
      byPolicy: [{ code: 'nx-union-warm-card', name: '工会暖心卡', lines: 10, amountFen: 200000 }], bySource: [{ source: '工会经费', amountFen: 200000 }] });
    const second = JSON.parse((await cli(runPaymentsCommand, 'run', '--period', '2026-02', '--policy', 'nx-union-warm-card', '--json')).out);
    expect(second).toEqual({ ...made, created: false });
  });

  it('ledger check passes, and fails (exit 1) when the ledger is broken', async () => {
    expect((await cli(runLedgerCommand, 'check')).code).toBe(0);
    // Break it behind the application's back: a run's stored total no longer matches its lines.
    await sql`update payment_runs set amount_fen = amount_fen + 1 where id = ${runId}`.execute(ctx.db);
    const broken = await cli(runLedgerCommand, 'check', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out).find((c: { ok: boolean }) => !c.ok).name).toContain('by source');
    await sql`update payment_runs set amount_fen = amount_fen - 1 where id = ${runId}`.execute(ctx.db);
  });
});
