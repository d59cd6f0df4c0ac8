/**
 * Census campaigns (摸排): a caseworker writes the target rule (a syntax error is marked, a key
 * group's rule previews its count), creates the campaign and sees its progress by area and its
 * households with their grid workers, and hands one to another worker. The grid worker, on a
 * phone (390×844), opens her tasks: nobody is home at one household; at the other she corrects
 * an employer. The progress view counts both, and the correction is in the fact history.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiAs, chooseOption, DEMO_PASSWORD, dialog, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const PHONE = { width: 390, height: 844 };
const NAME = '西夏区困难职工家庭入户核查';
const DEMO = '2026年困难职工家庭再梳理再摸排';
const GRID = '金波路社区 网格员 谈静美';

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function typeRule(page: Page, rule: string): Promise<void> {
  await page.getByTestId('target-rule-editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(rule);
}

/** The numbers of a table row, by its column headers. */
async function rowCounts(page: Page, table: string, name: RegExp): Promise<Record<string, string>> {
  const container = page.getByTestId(table);
  const headers = await container.locator('thead th').allInnerTexts();
  const cells = await container.getByRole('row', { name }).locator('td').allInnerTexts();
  return Object.fromEntries(headers.map((h, i) => [h.trim(), cells[i]?.trim() ?? '']));
}

async function campaignId(name: string): Promise<number> {
  const api = await apiAs('caseworker', DEMO_PASSWORD);
  try {
    return (await api.get<Array<{ id: number; name: string }>>('/api/campaigns')).find((c) => c.name === name)!.id;
  } finally {
    await api.dispose();
  }
}

describe('census campaigns', () => {
  test('a caseworker writes the target rule, previews the count, creates the campaign and sees its progress', async () => {
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto('/campaigns');
      await page.getByRole('heading', { name: '摸排任务' }).waitFor();
      await page.getByTestId('campaigns-table').getByRole('link', { name: DEMO }).waitFor();
      await page.getByRole('button', { name: '新建摸排' }).click();
      await page.getByRole('heading', { name: '新建摸排' }).waitFor();
      await page.getByLabel('任务名称').fill(NAME);
      await page.getByLabel('摸排区域').fill('西夏');
      await chooseOption(page, '西夏区（640105）');

      await typeRule(page, 'household.hardshipWorker !=');
      await page.getByTestId('rule-problems').getByText(/语法错误/).waitFor();
      await page.getByTestId('target-rule-editor').locator('.cm-rule-problem').waitFor();
      await page.getByRole('group', { name: '重点群体' }).getByText('困难职工家庭', { exact: true }).click();
      await page.getByTestId('rule-ok').waitFor();
      const preview = page.getByTestId('campaign-preview');
      await preview.getByText('区域内共', { exact: false }).waitFor();
      expect(await preview.locator('.ant-statistic-content-value').innerText()).toBe('4');
      expect(await page.getByLabel('目标人群说明').inputValue()).toBe('困难职工家庭');

      await page.getByRole('button', { name: '创建摸排任务' }).click();
      await page.waitForURL(/\/campaigns\/\d+$/);
      await page.getByRole('heading', { name: NAME }).waitFor();
      expect(await page.getByTestId('count-pending').locator('.ant-statistic-content-value').innerText()).toBe('4');
      // Progress by street of 西夏区: a stacked bar chart and its table.
      const progress = page.getByTestId('campaign-progress');
      await progress.locator('canvas').first().waitFor();
      expect(await page.getByTestId('progress-areas').locator('tbody tr').count()).toBe(2);
      expect((await rowCounts(page, 'progress-workers', new RegExp(GRID)))['户数']).toBe('1');

      // 王建国's household went to his community's grid worker; the others wait. One goes to 马涛.
      const households = page.getByTestId('campaign-households');
      await households.getByRole('row', { name: /王建国/ }).getByText(GRID).waitFor();
      await households.getByRole('row', { name: /吴秀梅/ }).getByText('待分派').waitFor();
      await households.getByRole('row', { name: /吴秀梅/ }).getByRole('checkbox').check();
      await households.getByRole('button', { name: '分派所选 1 户' }).click();
      const assign = await dialog(page, '分派 1 户');
      await assign.getByLabel('走访人员').click();
      await chooseOption(page, /西夏区总工会 帮扶干部 马涛/);
      await assign.getByRole('button', { name: /确\s*定/ }).click();
      await households.getByRole('row', { name: /吴秀梅/ }).getByText('西夏区总工会 帮扶干部 马涛').waitFor();
      await page.getByTestId('progress-workers').getByRole('row', { name: /马涛/ }).waitFor();
    });
  });

  test('the grid worker on her phone records a census visit nobody was home for, and one that corrects a fact; progress counts both', async () => {
    await withPage(browser(), { user: 'grid', viewport: PHONE, mobile: true }, async (page) => {
      await page.goto('/census-tasks');
      await page.getByRole('heading', { name: '我的摸排任务' }).waitFor();
      const demoTask = page.getByTestId('census-task').filter({ hasText: DEMO });
      const newTask = page.getByTestId('census-task').filter({ hasText: NAME });
      await demoTask.getByText('待走访').waitFor();
      await newTask.getByText('待走访').waitFor();
      expect(await page.locator('.ant-table').count()).toBe(0);
      const button = await demoTask.getByRole('button', { name: '入户登记' }).boundingBox();
      expect(button!.height).toBeGreaterThanOrEqual(44);
      await expectNoHorizontalOverflow(page);

      await demoTask.getByRole('button', { name: '入户登记' }).click();
      await page.getByRole('heading', { name: '摸排走访' }).waitFor();
      await page.getByTestId('census-banner').getByText(DEMO, { exact: false }).waitFor();
      expect(await page.getByRole('checkbox', { name: '摸排核查' }).getAttribute('aria-checked')).toBe('true');
      await page.locator('label', { has: page.getByRole('radio', { name: '家中无人', exact: true }) }).click();
      expect(await page.getByTestId('census-facts').count()).toBe(0);
      await page.getByLabel('走访情况').fill('家中无人，电话联系约定周末再访');
      await expectNoHorizontalOverflow(page);
      await page.getByRole('button', { name: '保存走访记录' }).click();
      await page.waitForURL(/\/census-tasks$/);
      await demoTask.getByText('家中无人').waitFor();

      await newTask.getByRole('button', { name: '入户登记' }).click();
      await page.getByRole('heading', { name: '摸排走访' }).waitFor();
      await page.getByTestId('census-facts').getByTestId('census-member').filter({ hasText: '王建国' }).click();
      await page.getByLabel('王建国的就业').click();
      await chooseOption(page, '在职（填写单位）');
      await page.getByLabel('王建国的工作单位').fill('宁夏建工集团第三分公司');
      await expectNoHorizontalOverflow(page);
      await page.getByRole('button', { name: '保存走访记录' }).click();
      await page.waitForURL(/\/census-tasks$/);
      await newTask.getByText('已入户').waitFor();
    });

    const [demoId, newId] = [await campaignId(DEMO), await campaignId(NAME)];
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto(`/campaigns/${demoId}`);
      await page.getByTestId('progress-workers').getByRole('row', { name: new RegExp(GRID) }).waitFor();
      expect(await rowCounts(page, 'progress-workers', new RegExp(GRID))).toMatchObject({ 户数: '1', 家中无人: '1', 待走访: '0' });
      expect((await rowCounts(page, 'progress-areas', /西夏区/))['家中无人']).toBe('2');
      await page.goto(`/campaigns/${newId}`);
      expect(await page.getByTestId('count-visited').locator('.ant-statistic-content-value').innerText()).toBe('1');
      expect((await rowCounts(page, 'progress-workers', new RegExp(GRID)))['已入户']).toBe('1');
    });

    const api = await apiAs('caseworker', DEMO_PASSWORD);
    try {
      const household = (await api.get<Array<{ id: number }>>(`/api/visits/households?q=${encodeURIComponent('王建国')}`))[0]!.id;
      const { facts } = await api.get<{ facts: Array<{ kind: string; source: string; validTo: string | null; value: { employer?: string } | null }> }>(`/api/households/${household}`);
      const jobs = facts.filter((f) => f.kind === 'employment' && (f.value?.employer ?? '').startsWith('宁夏建工集团'));
      expect(jobs.map((f) => [f.value?.employer, f.source, f.validTo === null])).toEqual(expect.arrayContaining([
        ['宁夏建工集团第三分公司', `摸排：${NAME}`, true],
        ['宁夏建工集团', '工会困难职工档案', false],
      ]));
    } finally {
      await api.dispose();
    }
  });
});
