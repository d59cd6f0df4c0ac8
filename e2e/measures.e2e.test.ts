/**
 * Household plans end to end: a caseworker makes a household's plan, adds a grant whose funding
 * split must add up and a measure of the union's own, and carries that one to done on the board;
 * a measure referred to the regional hospital is accepted, reported with evidence and completed
 * by the hospital's social worker in the unit's inbox, and the caseworker sees it done with the
 * evidence. Each test registers the household it needs.
 */
import type { Page } from 'playwright-core';
import { describe, test } from 'vitest';
import { apiAs, chooseOption, DEMO_PASSWORD, dialog, makeIdNumber, uniqueSequence, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const REGION = '640106005003';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');

async function createHousehold(head: string): Promise<number> {
  const api = await apiAs('caseworker', DEMO_PASSWORD);
  try {
    const person = { name: head, idNumber: makeIdNumber('640106', '19800101', uniqueSequence()), regionCode: REGION };
    const created = await api.post('/api/households', { address: '金凤区银新苑南区 9-2-301', regionCode: REGION, members: [{ relationship: 'head', person }] });
    return created.id;
  } finally {
    await api.dispose();
  }
}

const column = (page: Page, status: string) => page.getByTestId(`plan-column-${status}`);

describe('household plans', () => {
  test('a caseworker makes a plan, adds a grant whose split must add up, and carries a measure to done', async () => {
    const householdId = await createHousehold('计划甲');
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto(`/households/${householdId}?tab=plan`);
      const tab = page.getByTestId('household-plan');
      await tab.getByRole('button', { name: '制定计划' }).click();
      let form = await dialog(page, `制定 ${new Date().getFullYear()} 年度帮扶计划`);
      await form.getByLabel('帮扶目标').fill('年底前解决医疗和取暖困难');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.waitFor({ state: 'hidden' });
      await tab.getByText('年底前解决医疗和取暖困难').waitFor();

      await tab.getByRole('button', { name: '添加措施' }).click();
      form = await dialog(page, '添加措施');
      await form.getByLabel('措施类型').click();
      await chooseOption(page, '医疗救助');
      await form.getByLabel('措施内容').fill('住院自付费用救助');
      await form.getByLabel('发放资金').click();
      await form.getByLabel('依据政策（一次性救助）').click();
      await chooseOption(page, '专项医疗救助金');
      await form.getByLabel('金额（元）').fill('1000');
      await form.getByRole('button', { name: '按来源分摊' }).click();
      await form.getByLabel('资金来源').fill('银川市总工会');
      await form.getByLabel('来源金额（元）').fill('800');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.getByText(/各来源金额合计 .*800.*应等于救助金额 .*1,?000/).waitFor();
      await form.getByLabel('来源金额（元）').fill('1000');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.waitFor({ state: 'hidden' });
      await column(page, 'planned').getByText('住院自付费用救助').waitFor();

      await tab.getByRole('button', { name: '添加措施' }).click();
      form = await dialog(page, '添加措施');
      await form.getByLabel('措施类型').click();
      await chooseOption(page, '物资帮扶');
      await form.getByLabel('措施内容').fill('冬季取暖物资');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.waitFor({ state: 'hidden' });

      await column(page, 'planned').getByRole('button', { name: '冬季取暖物资' }).click();
      const drawer = page.getByTestId('measure-drawer');
      await drawer.getByRole('button', { name: '反馈进展' }).click();
      form = await dialog(page, '反馈进展');
      await form.getByText('已完成').click();
      await form.getByLabel('情况说明').fill('已送达棉被两床、取暖煤一吨');
      await form.getByRole('button', { name: /提\s*交/ }).click();
      await form.waitFor({ state: 'hidden' });
      await drawer.getByTestId('measure-history').getByText('已送达棉被两床、取暖煤一吨').waitFor();
      await page.keyboard.press('Escape');
      await column(page, 'done').getByText('冬季取暖物资').waitFor();
      await column(page, 'planned').getByText('住院自付费用救助').waitFor();
    });
  });

  test('a referral is accepted, reported with evidence and completed by the hospital in its inbox', async () => {
    const householdId = await createHousehold('转介乙');
    const caseworker = await apiAs('caseworker', DEMO_PASSWORD);
    const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    try {
      const plan = await caseworker.put(`/api/households/${householdId}/plans/${new Date().getFullYear()}`, { goal: null, leadUserId: null });
      const hospital = (await caseworker.get<Array<{ id: number; name: string }>>(`/api/organisations/${plan.ownerOrgId}/reach`)).find((o) => o.name === '宁夏回族自治区人民医院')!;
      await caseworker.post(`/api/plans/${plan.id}/measures`, {
        type: 'referral', title: '心内科专家门诊绿色通道', detail: '预约心内科专家号并减免挂号费', personId: null, responsibleOrgId: hospital.id, responsiblePerson: null, deadline,
      });
    } finally {
      await caseworker.dispose();
    }

    await withPage(browser(), { user: 'hospital' }, async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('inbox').getByRole('button', { name: '心内科专家门诊绿色通道' }).click();
      const item = page.getByTestId('inbox-measure');
      await item.getByText('转介乙').waitFor();
      await item.getByRole('button', { name: /^接\s*收$/ }).click();
      let form = await dialog(page, '接收转介');
      await form.getByLabel('经办人（可不填）').fill('门诊部 王护士长');
      await form.getByRole('button', { name: /接\s*收/ }).click();
      await form.waitFor({ state: 'hidden' });
      await item.getByText('已接收').waitFor();

      await item.locator('input[type=file]').setInputFiles({ name: '挂号减免单.png', mimeType: 'image/png', buffer: PNG });
      await item.getByRole('link', { name: /挂号减免单\.png/ }).waitFor();
      await item.getByRole('button', { name: '反馈进展' }).click();
      form = await dialog(page, '反馈进展');
      await form.getByText('已完成').click();
      await form.getByLabel('情况说明').fill('已就诊，挂号费全免');
      await form.getByRole('button', { name: /提\s*交/ }).click();
      await form.waitFor({ state: 'hidden' });
      await item.getByText('已完成').first().waitFor();
    });

    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto(`/households/${householdId}?tab=plan`);
      await column(page, 'done').getByRole('button', { name: '心内科专家门诊绿色通道' }).click();
      const drawer = page.getByTestId('measure-drawer');
      await drawer.getByText('宁夏回族自治区人民医院 · 门诊部 王护士长').waitFor();
      await drawer.getByRole('link', { name: /挂号减免单\.png/ }).waitFor();
      await drawer.getByTestId('measure-history').getByText('已就诊，挂号费全免').waitFor();
    });
  });

  test('the joint meeting takes up an overdue referral and reassigns it; the minutes close it', async () => {
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      // The home page counts it among the overdue; the count opens the cross-household list.
      await page.goto('/');
      await page.getByTestId('measures-overview').getByText('逾期措施').click();
      await page.waitForURL(/\/measures\?overdue=1/);
      const table = page.getByTestId('measures-table');
      await table.getByRole('row', { name: /刘芳 户.*丈夫肢体二级残疾康复训练/ }).waitFor();
      await table.getByText('公益性岗位到期续签').waitFor({ state: 'hidden' });
      await page.getByLabel('只看逾期').click();
      await table.getByText('公益性岗位到期续签').waitFor();

      await page.goto('/meetings');
      const agenda = page.getByTestId('agenda');
      await agenda.getByText('丈夫肢体二级残疾康复训练').waitFor();
      await agenda.getByRole('img', { name: '各单位逾期、受阻、被退回的措施' }).waitFor();
      await page.getByRole('button', { name: '召开联席会议' }).click();
      const form = await dialog(page, '召开联席会议');
      await form.getByLabel('会议名称').fill('康复专题联席会议');
      await form.getByRole('button', { name: /召\s*开/ }).click();
      const meeting = page.getByTestId('meeting');
      await meeting.getByText('康复专题联席会议').or(page.getByRole('heading', { name: '康复专题联席会议' })).first().waitFor();
      const item = meeting.locator('[data-testid^="meeting-item-"]').filter({ hasText: '丈夫肢体二级残疾康复训练' });
      await item.getByRole('button', { name: '作出决定' }).click();
      const decision = await dialog(page, '会议决定');
      await decision.getByLabel('新的责任单位').fill('自治区残疾人');
      await chooseOption(page, '宁夏回族自治区残疾人联合会');
      await decision.getByLabel('决定内容').fill('区残联床位已满，改由自治区残联康复中心承接');
      await decision.getByRole('button', { name: /决定并执行/ }).click();
      await decision.waitFor({ state: 'hidden' });
      await item.getByText(/改派 — 区残联床位已满/).waitFor();
      await item.getByText('宁夏回族自治区残疾人联合会').waitFor();
      await meeting.getByLabel('纪要').fill('研究康复措施 1 项，改派自治区残联。');
      await meeting.getByRole('button', { name: '结束会议并保存纪要' }).click();
      await meeting.getByText('研究康复措施 1 项，改派自治区残联。').waitFor();
    });
  });
});
