/**
 * Policies as an administrator uses them: the rule editor's live check (a Chinese problem with
 * its line and column, marked in the rule), trying a draft on a household with the explanation,
 * saving it, simulating it against the version in force, running 政策找人 for a district and
 * acting on a candidate, and a household's 政策 tab.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { adminPassword, apiAs, chooseOption, DEMO_PASSWORD, dialog, makeIdNumber, settled, uniqueSequence, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const NAME = '义务教育阶段助学';
const FALLBACK_CODE = 'nx-compulsory-education-aid';
const admin = () => ({ user: 'admin', password: adminPassword() });
// A household of the journey's own in 金凤区, registered by the caseworker: a hardship-worker
// household with a working parent and a primary-school child who qualifies but is not
// enrolled, whatever the demo seed enrols. Recording the facts makes reminders for the caseworker.
const HEAD = '马骁勇';
const CHILD = '马一禾';
let code = FALLBACK_CODE;

/** The demo seed ships the Ningxia pack; until it does (or if it changes), the journey brings its own policy. */
async function ensurePolicy(): Promise<string> {
  const api = await apiAs('admin', adminPassword());
  try {
    const policies: Array<{ code: string; nameZh: string; activeVersion: number | null }> = await api.get('/api/policies');
    const seeded = policies.find((p) => p.nameZh === NAME && p.activeVersion !== null);
    if (seeded) return seeded.code;
    const organisations: Array<{ id: number; name: string }> = await api.get('/api/organisations');
    const union = organisations.find((o) => o.name === '银川市总工会') ?? organisations[0];
    await api.post('/api/policies', {
      code: FALLBACK_CODE,
      orgId: union.id,
      adopt: true,
      version: {
        nameZh: NAME, nameEn: 'Compulsory-education aid', target: 'person',
        eligibility: 'household.members.exists(w, w.employed)\n&& person.schoolStage in ["primary", "junior_high"]',
        benefit: { kind: 'fixed', amountFen: 50000 }, period: 'yearly', funding: [{ source: '工会经费', shareBp: 10000 }],
        quotas: [], effectiveFrom: '2026-01-01', effectiveTo: null, basis: null, note: null,
      },
    });
    return FALLBACK_CODE;
  } finally {
    await api.dispose();
  }
}

async function createHousehold(): Promise<void> {
  const api = await apiAs('caseworker', DEMO_PASSWORD);
  try {
    const sequence = uniqueSequence();
    const regionCode = '640106005003';
    const member = (relationship: string, name: string, birth: string) => ({ relationship, person: { name, idNumber: makeIdNumber('640106', birth, sequence), regionCode } });
    const created = await api.post('/api/households', { address: '金凤区银新苑南区 3-2-101', regionCode, members: [member('head', HEAD, '19860412'), member('child', CHILD, '20160308')] });
    const { members }: { members: Array<{ id: number; name: string }> } = await api.get(`/api/households/${created.id}`);
    const idOf = (name: string) => members.find((m) => m.name === name)!.id;
    await api.post(`/api/households/${created.id}/facts`, { kind: 'hardship_worker', value: { category: 'relative' }, source: '工会困难职工档案', validFrom: '2024-01-01' });
    await api.post(`/api/persons/${idOf(HEAD)}/facts`, { kind: 'employment', value: { employer: '银川市某物流公司', publicWelfarePost: false }, source: '工会困难职工档案', validFrom: '2020-01-01' });
    await api.post(`/api/persons/${idOf(CHILD)}/facts`, { kind: 'school_stage', value: { stage: 'primary' }, source: '教育部门学籍', validFrom: '2025-09-01' });
  } finally {
    await api.dispose();
  }
}

/** Replaces the whole eligibility rule by typing, as a person would. */
async function typeRule(page: Page, rule: string): Promise<void> {
  const editor = page.getByTestId('eligibility-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(rule);
}

beforeAll(async () => {
  code = await ensurePolicy();
  await createHousehold();
});

describe('policies', () => {
  test('a bad rule is explained in Chinese with line and column; the fixed draft is tried on a household and saved', async () => {
    await withPage(browser(), admin(), async (page) => {
      await page.goto('/policies');
      await page.getByTestId('policies-table').getByRole('link', { name: NAME }).click();
      await page.getByRole('heading', { name: new RegExp(NAME) }).waitFor();
      await page.getByTestId('active-version').locator('.cm-content').getByText(/schoolStage/).waitFor();

      await page.getByRole('button', { name: /修改（新建草稿版本）/ }).click();
      await page.waitForURL(new RegExp(`/policies/${code}/edit`));
      await typeRule(page, 'person.schoolStage in ["primary", "junior_high"]\n&& person.agee > 3');
      const problems = page.getByTestId('rule-problems');
      await problems.getByText(/第 2 行第 \d+ 列/).waitFor();
      expect(await problems.textContent()).toContain('agee');
      await page.getByTestId('eligibility-editor').locator('.cm-rule-problem').waitFor();

      await typeRule(page, 'person.schoolStage in ["primary", "junior_high", "senior_high"]');
      await page.getByTestId('rule-ok').waitFor();
      expect(await problems.count()).toBe(0);

      await page.getByLabel('选择家庭').click();
      await page.keyboard.type(HEAD);
      await chooseOption(page, new RegExp(HEAD));
      const evaluations = page.getByTestId('draft-evaluations');
      const child = evaluations.locator('.ant-collapse-item').filter({ hasText: CHILD });
      await child.getByText('符合', { exact: true }).waitFor();
      await child.getByText(CHILD, { exact: true }).click();
      const explanation = child.getByTestId('explanation');
      await explanation.getByText(/^person\.schoolStage$/).waitFor();
      await explanation.getByText('成立').first().waitFor();

      await page.getByLabel('金额（元）').fill('1200');
      await page.getByRole('button', { name: /保存为新草稿版本/ }).click();
      await page.waitForURL(new RegExp(`/policies/${code}$`));
      const draft = page.getByTestId('versions-table').getByRole('row', { name: /草稿/ }).first();
      await draft.getByText('¥1,200.00/年').waitFor();
    });
  });

  test('simulating the draft compares it with the version in force', async () => {
    await withPage(browser(), admin(), async (page) => {
      await page.goto(`/policies/${code}`);
      const draft = page.getByTestId('versions-table').getByRole('row', { name: /草稿/ }).first();
      await draft.getByRole('button', { name: '模拟测算' }).click();
      await page.waitForURL(/\/simulations\/\d+$/);
      const summary = page.getByTestId('simulation-summary');
      await summary.waitFor();
      await summary.getByTestId('sim-yearly').getByText('草稿').waitFor();
      expect(await summary.getByTestId('sim-yearly').textContent()).toMatch(/¥[\d,]+\.\d{2}/);
      await summary.getByRole('img', { name: '分区县对比' }).locator('canvas').waitFor();
      await summary.getByTestId('sim-funding').getByText('工会经费').waitFor();
      await summary.getByRole('tab', { name: /新增受益/ }).waitFor();
    });
  });

  test('政策找人 for one district lists who should receive the policy, and an application is recorded', async () => {
    await withPage(browser(), admin(), async (page) => {
      await page.goto('/policy-runs');
      await page.getByRole('heading', { name: '政策找人' }).waitFor();
      // A multiple select stays open after a pick: choose, then close it.
      await page.getByLabel('政策', { exact: true }).click();
      const dropdown = page.locator('.ant-select-dropdown:visible');
      await settled(dropdown);
      await dropdown.locator('.ant-select-item-option').filter({ hasText: NAME }).first().click();
      await page.keyboard.press('Escape');
      await dropdown.waitFor({ state: 'hidden' });
      await page.getByLabel('区划', { exact: true }).fill('金凤');
      await chooseOption(page, '金凤区（640106）');
      await page.getByTestId('chosen-regions').getByText('金凤区').waitFor();
      await page.getByRole('button', { name: /开始运行/ }).click();
      await page.waitForURL(/\/policy-runs\/\d+$/);

      await page.getByTestId('run-counts').getByRole('row', { name: new RegExp(NAME) }).waitFor();
      await page.getByRole('img', { name: /各政策符合条件/ }).locator('canvas').waitFor();
      await page.getByRole('tab', { name: /应纳未纳/ }).click();
      const row = page.getByTestId('candidates-table').getByRole('row', { name: new RegExp(CHILD) });
      await row.getByRole('button', { name: '发起申请' }).click();
      const form = await dialog(page, '发起申请');
      await form.getByLabel('备注（可不填）').fill('已电话联系家长');
      await form.getByRole('button', { name: /确\s*定/ }).click();
      await form.waitFor({ state: 'hidden' });
      await expect.poll(() => row.getByTestId('candidate-decision').textContent()).toBe('发起申请');
      expect(await row.getByRole('button', { name: '发起申请' }).count()).toBe(0);
    });
  });

  test("a household's 政策 tab explains each member's result", async () => {
    await withPage(browser(), admin(), async (page) => {
      await page.goto(`/households?q=${encodeURIComponent(HEAD)}`);
      await page.getByRole('link', { name: HEAD }).first().click();
      await page.getByRole('heading', { name: new RegExp(`${HEAD} 户`) }).waitFor();
      await page.getByRole('tab', { name: '政策' }).click();
      const evaluations = page.getByTestId('household-evaluations');
      const child = evaluations.locator('.ant-collapse-item').filter({ hasText: `${NAME} · ${CHILD}` });
      await child.getByText('符合', { exact: true }).waitFor();
      await child.getByText(`${NAME} · ${CHILD}`).click();
      const explanation = child.getByTestId('explanation');
      await explanation.getByText(/^person\.schoolStage$/).waitFor();
      await explanation.getByText('成立').first().waitFor();
      expect(new URL(page.url()).searchParams.get('tab')).toBe('policies');
    });
  });

  test('the caseworker is reminded of the change, and opening the reminder marks it read and opens the household', async () => {
    // Reminders are written by the monitor after the facts are saved: wait for this one first.
    const api = await apiAs('caseworker', DEMO_PASSWORD);
    const mine = async () => ((await api.get('/api/notifications?pageSize=50')).items as Array<{ title: string }>).some((n) => n.title.includes(CHILD) && n.title.includes(NAME));
    await expect.poll(mine, { timeout: 20_000 }).toBe(true).finally(() => api.dispose());

    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto('/');
      const bell = page.getByTestId('notification-bell');
      const unread = () => bell.locator('.ant-badge-count').getAttribute('title').then(Number);
      await expect.poll(unread).toBeGreaterThan(0);
      const before = await unread();

      await bell.click();
      const reminder = page.getByTestId('notification-popover').getByTestId('notification-item').filter({ hasText: CHILD }).filter({ hasText: NAME });
      await reminder.first().click();
      await page.getByRole('heading', { name: new RegExp(`${HEAD} 户`) }).waitFor();
      await expect.poll(unread).toBe(before - 1);

      await page.goto('/notifications');
      await page.getByRole('heading', { name: '消息提醒' }).waitFor();
      await page.getByTestId('notifications-list').getByTestId('notification-item').filter({ hasText: CHILD }).first().waitFor();
    });
  });
});
