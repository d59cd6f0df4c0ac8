/**
 * Benefits end to end, as the "done when" says: a caseworker applies from a 政策找人
 * list, a policy administrator reviews, the administrator approves — nobody takes two steps of
 * one application; the policy administrator builds the 2026-05 monthly run, finance approves
 * it, sends it to the bank and downloads the bank file; the 月度台账 for 2026-05 shows the
 * 工会暖心卡 paid to 10 households, 2,000.00 yuan, and opens the lines behind it. A household's
 * 待遇 tab shows its warm card with the history of every step, an application made there and
 * the payee's bank account. Each test registers the households it needs.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { adminPassword, apiAs, chooseOption, DEMO_PASSWORD, dialog, makeIdNumber, settled, uniqueSequence, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const WARM = '工会暖心卡';
const MEDICAL = '专项医疗救助金';
const REGION = '640106005003'; // 金凤区 银新苑南区社区, in the caseworker's scope
const admin = () => ({ user: 'admin', password: adminPassword() });
let warmCode = 'nx-union-warm-card';

/** The first day of this month where the browser is (the application form's default start). */
function firstOfMonth(): string {
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
  return `${month}-01`;
}

/** A hardship-worker household of its own (eligible for the 工会暖心卡), registered by the caseworker. */
async function createHousehold(head: string, birth: string): Promise<{ id: number }> {
  const api = await apiAs('caseworker', DEMO_PASSWORD);
  try {
    const person = { name: head, idNumber: makeIdNumber('640106', birth, uniqueSequence()), regionCode: REGION };
    const created = await api.post('/api/households', { address: '金凤区银新苑南区 7-1-502', regionCode: REGION, members: [{ relationship: 'head', person }] });
    await api.post(`/api/households/${created.id}/facts`, { kind: 'hardship_worker', value: { category: 'relative' }, source: '工会困难职工档案', validFrom: '2024-01-01' });
    return { id: created.id };
  } finally {
    await api.dispose();
  }
}

/** Opens the row's drawer from a table of enrollments. */
async function openDrawer(page: Page, table: Locator, name: RegExp): Promise<Locator> {
  await table.getByRole('row', { name }).first().getByRole('button', { name: /详\s*情/ }).click();
  const drawer = page.getByTestId('enrollment-drawer');
  await settled(drawer);
  return drawer;
}

/** Clicks a step in the drawer and confirms its dialog; returns the dialog (still open when the server refused). */
async function takeStep(page: Page, drawer: Locator, step: string): Promise<Locator> {
  await drawer.getByTestId('enrollment-actions').getByRole('button', { name: step }).click();
  const form = await dialog(page, step);
  await form.getByRole('button', { name: /确\s*定/ }).click();
  return form;
}

beforeAll(async () => {
  const api = await apiAs('admin', adminPassword());
  try {
    const policies: Array<{ code: string; nameZh: string }> = await api.get('/api/policies');
    warmCode = policies.find((p) => p.nameZh === WARM)?.code ?? warmCode;
  } finally {
    await api.dispose();
  }
});

describe('benefits', () => {
  test('a candidate found by 政策找人 is applied for, reviewed and approved by three different people', async () => {
    const HEAD = '申雨桐';
    await createHousehold(HEAD, '19830514');

    // The caseworker runs 政策找人 for the warm card in 金凤区 and applies for the new household.
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto('/policy-runs');
      await page.getByLabel('政策', { exact: true }).click();
      await page.keyboard.type(WARM);
      const dropdown = page.locator('.ant-select-dropdown:visible');
      await settled(dropdown);
      await dropdown.locator('.ant-select-item-option').filter({ hasText: WARM }).first().click();
      await page.keyboard.press('Escape');
      await dropdown.waitFor({ state: 'hidden' });
      await page.getByLabel('区划', { exact: true }).fill('金凤');
      await chooseOption(page, '金凤区（640106）');
      await page.getByRole('button', { name: /开始运行/ }).click();
      await page.waitForURL(/\/policy-runs\/\d+$/);
      await page.getByRole('tab', { name: /应纳未纳/ }).click();
      const row = page.getByTestId('candidates-table').getByRole('row', { name: new RegExp(HEAD) });
      await row.getByRole('button', { name: '发起申请' }).click();
      const form = await dialog(page, '发起申请');
      expect(await form.getByLabel('开始日期').inputValue()).toBe(firstOfMonth());
      await form.getByLabel('备注（可不填）').fill('入户核实，符合困难职工家庭条件');
      await form.getByRole('button', { name: /确\s*定/ }).click();
      await form.waitFor({ state: 'hidden' });
      await expect.poll(() => row.getByTestId('candidate-decision').textContent()).toBe('发起申请');

      // The applicant may review others' applications, not their own.
      await page.goto('/benefits/inbox');
      const drawer = await openDrawer(page, page.getByTestId('inbox-table'), new RegExp(HEAD));
      const refused = await takeStep(page, drawer, '初审通过');
      await refused.getByText(/同一人不能既办理又审批/).waitFor();
      await refused.getByRole('button', { name: /取\s*消/ }).click();
    });

    // The policy administrator reviews it, and may then not approve it too.
    await withPage(browser(), { user: 'policy' }, async (page) => {
      await page.goto('/benefits/inbox?tab=review');
      const drawer = await openDrawer(page, page.getByTestId('inbox-table'), new RegExp(HEAD));
      await drawer.getByTestId('enrollment-evaluation').getByText('符合', { exact: true }).waitFor();
      const review = await takeStep(page, drawer, '初审通过');
      await review.waitFor({ state: 'hidden' });
      await drawer.getByTestId('enrollment-status').getByText('待审批').waitFor();
      const refused = await takeStep(page, drawer, '审批通过');
      await refused.getByText(/同一人不能既办理又审批/).waitFor();
    });

    // A third person approves; the drawer shows every step.
    await withPage(browser(), admin(), async (page) => {
      await page.goto('/benefits/inbox?tab=approval');
      const drawer = await openDrawer(page, page.getByTestId('inbox-table'), new RegExp(HEAD));
      const approve = await takeStep(page, drawer, '审批通过');
      await approve.waitFor({ state: 'hidden' });
      await drawer.getByTestId('enrollment-status').getByText('享受中').waitFor();
      const events = drawer.getByTestId('enrollment-event');
      await expect.poll(() => events.allTextContents()).toEqual([
        expect.stringContaining('提出申请'), expect.stringContaining('初审通过'), expect.stringContaining('审批通过'),
      ]);
      expect(await events.nth(0).textContent()).toContain('陈静');
    });
  });

  test('the 2026-05 run is built, approved and sent by finance, its bank file downloaded, and the ledger shows the warm card', async () => {
    let runUrl = '';
    await withPage(browser(), { user: 'policy' }, async (page) => {
      await page.goto('/payments');
      await page.getByRole('button', { name: /新建发放批次/ }).click();
      const form = await dialog(page, '新建发放批次');
      const month = form.getByLabel('发放月份');
      await month.click();
      await month.fill('2026-05');
      await month.press('Enter');
      await form.getByRole('button', { name: /生\s*成/ }).click();
      // A run made earlier for the same request is opened instead, and the page says so.
      await page.waitForURL(/\/payments\/\d+/);
      await page.getByRole('heading', { name: /2026年5月/ }).waitFor();
      runUrl = new URL(page.url()).pathname;
      if (new URL(page.url()).searchParams.get('existing')) await page.getByText(/此前已生成/).first().waitFor();
      await page.getByTestId('run-lines-table').getByText(WARM).first().waitFor();
    });

    await withPage(browser(), { user: 'finance' }, async (page) => {
      await page.goto(runUrl);
      const status = page.getByTestId('run-status').first();
      const actions = page.getByTestId('run-actions');
      if ((await status.textContent()) === '待审核') {
        await actions.getByRole('button', { name: '审核通过' }).click();
        const confirm = await dialog(page, '审核通过');
        const overspend = confirm.getByRole('checkbox');
        if (await overspend.count()) await overspend.check();
        await confirm.getByRole('button', { name: '审核通过' }).click();
        await confirm.waitFor({ state: 'hidden' });
        await expect.poll(() => status.textContent()).toBe('已审核');
      }
      if ((await status.textContent()) === '已审核') {
        await actions.getByRole('button', { name: /发送银行/ }).click();
        await page.getByRole('dialog').filter({ hasText: '发送银行？' }).getByRole('button', { name: /发送银行/ }).click();
        await expect.poll(() => status.textContent()).toBe('已发送银行');
      }
      const [download] = await Promise.all([page.waitForEvent('download'), actions.getByRole('button', { name: /下载代发文件（xlsx）/ }).click()]);
      expect(download.suggestedFilename()).toMatch(/^代发文件-HM\d+\.xlsx$/);

      await page.goto('/ledger?month=2026-05');
      const warm = page.getByTestId('ledger-table').getByRole('row', { name: new RegExp(WARM) });
      await warm.waitFor();
      const cells = warm.getByRole('cell');
      expect(await cells.nth(1).textContent()).toBe('10');
      await warm.getByRole('button', { name: '¥2,000.00' }).click();
      const lines = page.getByTestId('ledger-lines');
      await lines.getByText('共 10 条').waitFor();
      expect(await lines.locator('tbody tr.ant-table-row').count()).toBe(10);
      expect(await lines.locator('tbody').textContent()).not.toMatch(/专项医疗救助金/);
    });
  });

  test("a household's 待遇 tab shows its warm card with the history, takes an application and the payee's account", async () => {
    const HEAD = '柏文轩';
    const household = await createHousehold(HEAD, '19790921');
    // Applied, reviewed and approved through the API by three people.
    const caseworker = await apiAs('caseworker', DEMO_PASSWORD);
    const policy = await apiAs('policy', DEMO_PASSWORD);
    const administrator = await apiAs('admin', adminPassword());
    try {
      const applied = await caseworker.post('/api/enrollments', { policyCode: warmCode, householdId: household.id, personId: null, startedOn: firstOfMonth(), reason: '家访核实' });
      await policy.post(`/api/enrollments/${applied.id}/review`, { approve: true, reason: '材料齐全' });
      await administrator.post(`/api/enrollments/${applied.id}/approve`, { approve: true });
    } finally {
      await Promise.all([caseworker.dispose(), policy.dispose(), administrator.dispose()]);
    }

    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto(`/households/${household.id}`);
      await page.getByRole('tab', { name: '待遇' }).click();
      const table = page.getByTestId('household-enrollments');
      const warm = table.getByRole('row', { name: new RegExp(WARM) });
      await warm.getByText('享受中').waitFor();
      await warm.getByText('¥200.00/月').waitFor();
      const drawer = await openDrawer(page, table, new RegExp(WARM));
      const events = drawer.getByTestId('enrollment-event');
      await expect.poll(() => events.count()).toBe(3);
      expect(await events.nth(1).textContent()).toContain('材料齐全');
      await drawer.getByTestId('explanation').waitFor();
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // An application made here: the rule says not eligible, so the server asks for a reason.
      await page.getByRole('button', { name: /申请待遇/ }).click();
      const form = await dialog(page, '申请待遇');
      await form.getByLabel('政策').click();
      await page.keyboard.type(MEDICAL);
      await chooseOption(page, MEDICAL);
      await form.getByLabel('救助金额（元）').fill('3000');
      await form.getByRole('button', { name: /按来源分摊/ }).click();
      await form.getByLabel('资金来源').fill('银川市总工会');
      await form.getByLabel('来源金额（元）').fill('3000.00');
      await form.getByRole('button', { name: /确\s*定/ }).click();
      await form.getByText(/不符合条件，如仍申请请填写理由/).waitFor();
      await form.getByLabel('申请理由').fill('突发重病，经工会研究给予临时救助');
      await form.getByRole('button', { name: /确\s*定/ }).click();
      await form.waitFor({ state: 'hidden' });
      const grant = page.getByTestId('enrollment-drawer');
      await grant.getByTestId('enrollment-status').getByText('待初审').waitFor();
      await grant.getByText('¥3,000.00（一次性）').waitFor();
      await grant.getByText(/银川市总工会 ¥3,000\.00/).waitFor();
      await page.keyboard.press('Escape');
      await table.getByRole('row', { name: new RegExp(MEDICAL) }).waitFor();

      // The head is the payee: register the account, shown masked.
      const account = page.getByTestId('bank-account');
      await account.getByRole('button', { name: /登记账户/ }).click();
      const accountForm = await dialog(page, '收款账户');
      await accountForm.getByLabel('开户行').fill('宁夏银行金凤支行');
      await accountForm.getByLabel('账号').fill('6228 4800 1234 5678 901');
      await accountForm.getByRole('button', { name: /保\s*存/ }).click();
      await accountForm.waitFor({ state: 'hidden' });
      await account.getByText('6228***********8901').waitFor();
    });
  });

  test('the run and ledger pages fit a phone', async () => {
    await withPage(browser(), { user: 'finance', viewport: { width: 390, height: 844 }, mobile: true }, async (page) => {
      for (const path of ['/payments', '/ledger?month=2026-05', '/funding']) {
        await page.goto(path);
        await page.locator('.ant-table').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(1);
      }
    });
  });
});
