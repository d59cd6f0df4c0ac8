/**
 * Two payment flows in the browser: a caseworker reviews the back pay (补发) a backdated
 * enrollment brings into a run; finance imports the bank's return file — first one with a wrong
 * amount, refused with its row and nothing changed, then the right one, with one failure listed
 * with the bank's reason. Each test makes its own policy, so other journeys do not matter.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminPassword, apiAs, DEMO_PASSWORD, settled, useBrowser, withPage, type ApiClient } from './support.js';

const browser = useBrowser();
const suffix = () => Math.random().toString(36).slice(2, 8);

async function testPolicy(admin: ApiClient, code: string, amountFen: number): Promise<void> {
  const policies: Array<{ orgId: number; orgName: string }> = await admin.get('/api/policies');
  const orgId = policies.find((p) => p.orgName === '银川市总工会')!.orgId;
  await admin.post('/api/policies', {
    code, orgId, adopt: true,
    version: {
      nameZh: `浏览器测试补贴${code.slice(-4)}`, nameEn: 'Browser test allowance', target: 'household', eligibility: 'household.hardshipWorker != ""',
      benefit: { kind: 'fixed', amountFen }, period: 'monthly', funding: [{ source: '工会经费', shareBp: 10000 }], quotas: [],
      effectiveFrom: '2026-01-01', effectiveTo: null, basis: null, note: null,
    },
  });
}

/** Applies, reviews and approves: three people, as the rule wants. */
async function enrol(clients: Pick<Apis, 'admin' | 'caseworker' | 'policy'>, code: string, headName: string, startedOn: string, reason: string | null = null): Promise<void> {
  const households: { items: Array<{ id: number }> } = await clients.caseworker.get(`/api/households?q=${encodeURIComponent(headName)}`);
  const applied = await clients.caseworker.post('/api/enrollments', { policyCode: code, householdId: households.items[0]!.id, personId: null, startedOn, reason });
  await clients.policy.post(`/api/enrollments/${applied.id}/review`, { approve: true });
  await clients.admin.post(`/api/enrollments/${applied.id}/approve`, { approve: true });
}

type Apis = Record<'admin' | 'caseworker' | 'policy' | 'finance', ApiClient>;
let apis: Apis;

// One sign-in per user for the whole file: sign-ins are rate-limited per address.
beforeAll(async () => {
  apis = {
    admin: await apiAs('admin', adminPassword()),
    caseworker: await apiAs('caseworker', DEMO_PASSWORD),
    policy: await apiAs('policy', DEMO_PASSWORD),
    finance: await apiAs('finance', DEMO_PASSWORD),
  };
});
afterAll(async () => {
  await Promise.all(Object.values(apis ?? {}).map((a) => a.dispose()));
});

const withApis = <T>(body: (clients: Apis) => Promise<T>): Promise<T> => body(apis);

describe('payments in the browser', () => {
  test('a caseworker reviews the back pay a backdated enrollment brings into a run', async () => {
    const code = `e2e-backpay-${suffix()}`;
    const runId = await withApis(async (apis) => {
      await testPolicy(apis.admin, code, 15000);
      await enrol(apis, code, '周红', '2026-02-01', '补登：自2月起符合条件');
      return (await apis.policy.post('/api/payment-runs', { period: '2026-05', policyCodes: [code] })).runId as number;
    });
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto(`/payments/${runId}`);
      await page.getByRole('tab', { name: /补发追回（3）/ }).click();
      const table = page.getByTestId('correction-lines');
      await expect.poll(() => table.getByRole('row').filter({ hasText: '补发' }).count()).toBe(3);
      await table.getByRole('row').filter({ hasText: '2026年2月' }).getByRole('checkbox').check();
      await table.getByRole('row').filter({ hasText: '2026年3月' }).getByRole('checkbox').check();
      await table.getByRole('row').filter({ hasText: '2026年4月' }).getByRole('checkbox').check();
      await page.getByRole('button', { name: /^同\s*意$/ }).click();
      await page.getByText('待审核（0）').waitFor();
    });
    const run = await withApis(({ policy }) => policy.get(`/api/payment-runs/${runId}`));
    expect(run).toMatchObject({ pendingReview: 0, corrections: { arrears: 3, arrearsFen: 45000 } });
  });

  test('finance imports the bank return: a wrong file is refused by row, the right one settles the batch and lists the failure', async () => {
    const code = `e2e-return-${suffix()}`;
    const runId = await withApis(async (apis) => {
      await testPolicy(apis.admin, code, 10000);
      for (const head of ['孙海燕', '李强', '何建军']) await enrol(apis, code, head, '2026-06-01');
      const made = await apis.policy.post('/api/payment-runs', { period: '2026-06', policyCodes: [code] });
      await apis.finance.post(`/api/payment-runs/${made.runId}/approve`, { acknowledgeOverspend: true });
      await apis.finance.post(`/api/payment-runs/${made.runId}/release`);
      return made.runId as number;
    });
    await withPage(browser(), { user: 'finance' }, async (page) => {
      const file = await page.request.get(`/api/payment-runs/${runId}/bank-file?format=csv`);
      const rows = (await file.text()).replace(/^\ufeff/, '').trim().split('\r\n').slice(3).map((line) => line.split(','));
      expect(rows.length).toBeGreaterThan(1);
      const returned = (amount: (i: number, yuan: string) => string) =>
        ['流水号,金额（元）,处理结果,失败原因', ...rows.map((r, i) => `${r[1]},${amount(i, r[5]!)},${i === 0 ? '失败' : '成功'},${i === 0 ? '户名与账号不符' : ''}`)].join('\r\n');
      await page.goto(`/payments/${runId}`);
      const upload = async (text: string) => {
        await page.locator('input[type=file]').setInputFiles({ name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
        const result = page.getByRole('dialog', { name: '回盘导入结果' });
        await settled(result);
        return result;
      };

      const refused = await upload(returned((i, yuan) => (i === 1 ? '1.00' : yuan)));
      await refused.getByTestId('bank-return-problems').getByText('回盘文件有误，未做任何更改。').waitFor();
      await refused.getByRole('row', { name: /^3\s+金额/ }).waitFor();
      await page.keyboard.press('Escape');
      await refused.waitFor({ state: 'hidden' });

      const accepted = await upload(returned((_, yuan) => yuan));
      const report = accepted.getByTestId('bank-return-report');
      await report.getByText('已全部对账').waitFor();
      // The batch is now reconciled; the result stays on screen until it is closed.
      await expect.poll(async () => (await report.textContent()) ?? '').toContain(`${rows.length - 1}`);
      await page.keyboard.press('Escape');
      await accepted.waitFor({ state: 'hidden' });
      await page.getByRole('tab', { name: /失败（1）/ }).click();
      await page.getByTestId('failed-lines').getByText('户名与账号不符').waitFor();
    });
    const settledRun = await withApis(({ finance }) => finance.get(`/api/payment-runs/${runId}`));
    expect(settledRun).toMatchObject({ status: 'reconciled', settled: { failed: 1, failedFen: 10000 } });
  });
});
