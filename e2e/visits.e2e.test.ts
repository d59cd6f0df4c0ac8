/**
 * The grid worker's visit log on a phone (390×844): she records a visit serving two tasks with
 * a need found and a photo (a fake one is refused with the reason, the visit is kept) and sees
 * it as a card; then the network drops as she saves a second visit — it stays on the phone as
 * a draft — and when the network is back it is sent, once. A caseworker then turns a need found
 * on a visit into a measure of the household's plan.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiAs, chooseOption, DEMO_PASSWORD, dialog, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const PHONE = { width: 390, height: 844 };
const FIRST = '透析自付费用负担重，王浩担心明年学费';
const OFFLINE = '楼道无障碍扶手松动，已报物业';

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function expectTouchSize(page: Page, name: string, role: 'checkbox' | 'button' | 'radio' = 'checkbox'): Promise<void> {
  const control = page.getByRole(role, { name, exact: role !== 'button' }).first();
  // A radio button's input is invisible; what the thumb meets is its label.
  const target = role === 'radio' ? page.locator('label', { has: control }) : control;
  const box = await target.boundingBox();
  expect(box!.height, `${name} is large enough to tap`).toBeGreaterThanOrEqual(44);
}

async function startVisit(page: Page, household: string): Promise<void> {
  await page.getByRole('button', { name: '记录走访' }).click();
  await page.getByRole('heading', { name: '记录走访' }).waitFor();
  await page.getByLabel('走访家庭').click();
  await page.getByLabel('走访家庭').fill(household);
  await chooseOption(page, /王建国 户/);
}

describe('visit log on a phone', () => {
  test('a grid worker records a visit with two purposes and a need; offline, it waits on the phone and is sent once', async () => {
    await withPage(browser(), { user: 'grid', viewport: PHONE, mobile: true }, async (page, context) => {
      await page.goto('/visits');
      await page.getByRole('heading', { name: '走访记录' }).waitFor();
      // The demo log is there, as cards, not a table.
      await page.getByTestId('visit-card').first().waitFor();
      expect(await page.locator('.ant-table').count()).toBe(0);
      await expectNoHorizontalOverflow(page);

      await startVisit(page, '金波路');
      await page.getByRole('checkbox', { name: '需求了解' }).click();
      await page.getByRole('checkbox', { name: '措施跟进' }).click();
      await page.getByLabel('同行人员').fill('西夏区总工会 马涛');
      await page.getByLabel('同行人员').press('Enter');
      await page.getByLabel('走访情况').fill(FIRST);
      await page.getByRole('group', { name: '发现需求' }).getByRole('checkbox', { name: '教育' }).click();
      await page.getByLabel('教育需求说明').fill('王浩高中学费，拟申请金秋助学');
      // A photo from the camera, and a "photo" that is really text: the visit saves, the text is refused with the reason.
      const photo = await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 48;
        canvas.getContext('2d')!.fillRect(0, 0, 64, 48);
        return canvas.toDataURL('image/jpeg', 0.8).split(',')[1];
      });
      await page.getByTestId('photo-input').setInputFiles([
        { name: 'door.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo, 'base64') },
        { name: 'note.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') },
      ]);
      expect(await page.getByTestId('photo-thumbnails').locator('img').count()).toBe(2);
      await expectTouchSize(page, '需求了解');
      await expectTouchSize(page, '家中无人', 'radio');
      await expectTouchSize(page, '拍照或选择照片', 'button');
      await expectNoHorizontalOverflow(page);
      await page.getByRole('button', { name: '保存走访记录' }).click();
      await page.getByText('走访记录已保存').waitFor();
      await page.getByTestId('failed-photos').getByText('note.jpg').waitFor();
      await page.getByTestId('failed-photos').getByText(/不支持此文件类型/).waitFor();
      await page.getByRole('button', { name: /完\s*成/ }).click();

      await page.waitForURL(/\/visits$/);
      const card = page.getByTestId('visit-card').filter({ hasText: FIRST });
      await card.waitFor();
      for (const text of ['需求了解', '措施跟进', '教育', '已入户']) await card.getByText(text, { exact: true }).waitFor();
      await card.getByText(/西夏区总工会 马涛/).waitFor();
      await expectNoHorizontalOverflow(page);

      // The network drops just as she saves the next visit.
      await startVisit(page, '王建国');
      await page.getByRole('checkbox', { name: '安全检查' }).click();
      await page.getByLabel('走访情况').fill(OFFLINE);
      await context.setOffline(true);
      await page.getByRole('button', { name: '保存走访记录' }).click();
      await page.waitForURL(/\/visits$/);
      await page.getByText('已保存为本机草稿，联网后自动提交').first().waitFor();
      const draft = page.getByTestId('draft-card').filter({ hasText: OFFLINE });
      await draft.getByText('待联网提交').waitFor();
      await draft.getByText(/王建国 户/).waitFor();
      await expectNoHorizontalOverflow(page);

      await context.setOffline(false);
      await page.getByTestId('visit-card').filter({ hasText: OFFLINE }).waitFor();
      await page.getByTestId('pending-drafts').waitFor({ state: 'detached' });
      expect(await page.getByTestId('visit-card').filter({ hasText: OFFLINE }).count()).toBe(1);

      const api = await apiAs('grid', DEMO_PASSWORD);
      try {
        const mine = await api.get<{ items: Array<{ findings: string; purposes: string[]; clientId: string | null; photos: Array<{ fileName: string }> }> }>('/api/visits?mine=1&pageSize=100');
        const sent = mine.items.filter((v) => v.findings === OFFLINE);
        expect(sent).toHaveLength(1);
        expect(sent[0]).toMatchObject({ purposes: ['safety'], clientId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
        const first = mine.items.find((v) => v.findings === FIRST)!;
        expect(first.purposes).toEqual(['needs_check', 'measure_followup']);
        expect(first.photos.map((p) => p.fileName)).toEqual(['door.jpg']);
      } finally {
        await api.dispose();
      }
      // Nothing is left waiting on the phone.
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('huimin.visit-drafts.')))).toEqual([]);
    });
  });
});

describe('a need found becomes a measure', () => {
  test('the caseworker opens the visit, turns its need into a prefilled measure, and the need shows it', async () => {
    const NOTE = '孩子情绪低落，需要心理疏导';
    const api = await apiAs('xixia', DEMO_PASSWORD);
    let householdId: number;
    try {
      householdId = (await api.get<Array<{ id: number }>>(`/api/visits/households?q=${encodeURIComponent('吴秀梅')}`))[0]!.id;
      await api.post('/api/visits', {
        householdId, visitedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), companions: [], purposes: ['needs_check'],
        outcome: 'visited', findings: '了解子女心理状况', needs: [{ need: 'psychological', note: NOTE }],
      });
    } finally {
      await api.dispose();
    }
    await withPage(browser(), { user: 'xixia' }, async (page) => {
      await page.goto(`/households/${householdId}?tab=visits`);
      await page.getByTestId('visit-card').filter({ hasText: '了解子女心理状况' }).click();
      const need = page.getByTestId('visit-need').filter({ hasText: NOTE });
      await need.getByTestId('need-to-measure').click();
      const form = await dialog(page, '添加措施');
      expect(await form.getByLabel('措施内容').inputValue()).toBe(`心理疏导：${NOTE}`);
      await form.getByText('心理关爱', { exact: true }).waitFor();
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await need.getByTestId('need-measured').getByText('已转为措施').waitFor();
      expect(await need.getByTestId('need-to-measure').count()).toBe(0);
    });
    const check = await apiAs('xixia', DEMO_PASSWORD);
    try {
      const plans = await check.get<Array<{ year: number; measures: Array<{ title: string; type: string; origin: string }> }>>(`/api/households/${householdId}/plans`);
      const made = plans.flatMap((p) => p.measures).filter((m) => m.title === `心理疏导：${NOTE}`);
      expect(made).toEqual([expect.objectContaining({ type: 'psychological_care', origin: 'visit' })]);
    } finally {
      await check.dispose();
    }
  });

  test('a grid worker raises what a visit found as a 12345 appeal, the intake form filled from the visit', async () => {
    const FOUND = `楼道灯坏了一个月，老人夜里下楼摔过一次 ${Date.now().toString(36)}`;
    const grid = await apiAs('grid', DEMO_PASSWORD);
    let household: { id: number };
    try {
      household = (await grid.get<Array<{ id: number }>>(`/api/visits/households?q=${encodeURIComponent('金波路')}`))[0]!;
      await grid.post('/api/visits', {
        householdId: household.id, visitedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), companions: [], purposes: ['needs_check'],
        outcome: 'visited', findings: FOUND, needs: [],
      });
    } finally {
      await grid.dispose();
    }
    await withPage(browser(), { user: 'grid', viewport: PHONE, mobile: true }, async (page) => {
      await page.goto('/visits');
      await page.getByTestId('visit-card').filter({ hasText: FOUND }).click();
      await page.getByTestId('visit-detail').getByTestId('visit-to-appeal').click();
      await page.waitForURL(/\/appeals\/new\?visit=\d+/);
      await page.getByTestId('intake-from-visit').waitFor();
      expect(await page.getByLabel('诉求内容').inputValue()).toBe(FOUND);
      await page.getByLabel('诉求类别').click();
      await page.keyboard.type('srhj');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '市容环境' }).click();
      await page.getByRole('button', { name: /保存受理/ }).click();
      await page.getByTestId('intake-result').getByTestId('appeal-number').waitFor();
    });
    const check = await apiAs('grid', DEMO_PASSWORD);
    try {
      const home = (await check.get<{ household: { regionCode: string; address: string | null } }>(`/api/households/${household.id}`)).household;
      const found = await check.get<{ items: Array<{ description: string; channel: string; regionCode: string; address: string | null }> }>(`/api/appeals?q=${encodeURIComponent(FOUND.slice(-12))}`);
      // Where the household lives is where it happened; the grid worker's channel.
      expect(found.items).toEqual([expect.objectContaining({ description: FOUND, channel: 'grid', regionCode: home.regionCode, address: home.address })]);
    } finally {
      await check.dispose();
    }
  });
});
