/**
 * 12345 appeals end to end. The hotline operator takes a call at the keyboard (category by
 * pinyin initials, Tab through, Ctrl+Enter; a bad phone is refused under its field, a double
 * submit stores one appeal), the catalogue sends it to 银川市城市管理局, whose user accepts it
 * and replies; the centre approves, the caller is not satisfied and it reopens; replied again,
 * approved, satisfied → 已办结, with every step on the timeline. A unit returns an appeal and the
 * arbiter sends it to another unit. The inbox works on a phone; the catalogue names the field at fault.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiAs, chooseOption, DEMO_PASSWORD, dialog, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const JINBO = '640105002003';
const URBAN = '银川市城市管理局';

async function createAppeal(description: string, phone: string): Promise<{ id: number; number: string }> {
  const hotline = await apiAs('hotline', DEMO_PASSWORD);
  try {
    return await hotline.post('/api/appeals', {
      categoryCode: 'city_appearance', description, address: '金波路 18 号', regionCode: JINBO, contactName: '市民', contactPhone: phone,
    });
  } finally {
    await hotline.dispose();
  }
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const waitForFocus = (page: Page, id: string) => page.waitForFunction((want) => document.activeElement?.id === want, id);
const status = (page: Page) => page.getByRole('heading').getByTestId('appeal-status');

async function openDetail(page: Page, id: number): Promise<void> {
  await page.goto(`/appeals/${id}`);
  await page.getByTestId('appeal-detail').waitFor();
}

async function draftReply(page: Page, id: number, text: string, accept: boolean): Promise<void> {
  await openDetail(page, id);
  const actions = page.getByTestId('appeal-actions');
  if (accept) {
    await actions.getByRole('button', { name: /签\s*收/ }).click();
    await status(page).getByText('已签收').waitFor();
  }
  await actions.getByRole('button', { name: '拟写答复' }).click();
  const form = await dialog(page, '拟写答复');
  await form.getByLabel('答复内容').fill(text);
  await form.getByRole('button', { name: /提交审核/ }).click();
  await form.waitFor({ state: 'hidden' });
  await status(page).getByText('答复待审核').waitFor();
}

async function approve(page: Page, id: number, publicText?: { question: string; answer: string }): Promise<void> {
  await openDetail(page, id);
  await page.getByTestId('appeal-actions').getByRole('button', { name: /审核通过/ }).click();
  const form = await dialog(page, '审核答复');
  if (publicText) {
    await form.getByLabel('群众反映（公开）').fill(publicText.question);
    await form.getByLabel('办理结果（公开）').fill(publicText.answer);
  }
  await form.getByRole('button', { name: /审核通过/ }).click();
  await form.waitFor({ state: 'hidden' });
  await status(page).getByText('已答复').waitFor();
}

async function callBack(page: Page, outcome: '满意' | '不满意', reason?: string): Promise<void> {
  await page.getByTestId('appeal-actions').getByRole('button', { name: '满意度回访' }).click();
  const form = await dialog(page, '满意度回访');
  await form.getByText(outcome, { exact: true }).click();
  if (reason) await form.getByLabel('不满意原因').fill(reason);
  await form.getByRole('button', { name: /记录回访/ }).click();
  await form.waitFor({ state: 'hidden' });
}

describe('appeals (12345)', () => {
  test('a call taken at the keyboard goes round the whole loop to 已办结', async () => {
    const stamp = Date.now().toString(36);
    const description = `金波路 18 号门口广告牌松动，大风天有坠落危险 ${stamp}`;
    const earlier = await createAppeal(`金波路广告牌歪了 ${stamp}`, '13909518801');
    let appeal = { id: 0, number: '' };

    await withPage(browser(), { user: 'hotline' }, async (page) => {
      await page.goto('/appeals/new');
      await waitForFocus(page, 'categoryCode');
      await page.keyboard.type('srhj');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '市容环境' }).waitFor();
      await page.keyboard.press('Tab');
      await waitForFocus(page, 'description');
      await page.keyboard.type(description);
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('address');
      await page.keyboard.type('金波路 18 号');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('regionCode');
      await page.keyboard.type('金波路');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '金波路社区' }).first().waitFor();
      await page.keyboard.press('Tab');
      await waitForFocus(page, 'contactName');
      await page.keyboard.type('李先生');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('contactPhone');
      await page.keyboard.type('13909-abc');
      await page.keyboard.press('Control+Enter');
      // The server's problem lands under the field it names.
      await page.getByTestId('intake-form').locator('.ant-form-item').filter({ has: page.locator('#contactPhone') }).getByText('联系电话格式不正确').waitFor();

      await page.locator('#contactPhone').fill('13909518802');
      await page.getByText('联系电话格式不正确').waitFor({ state: 'hidden' });
      // Twice in a row: one Idempotency-Key per form fill, one appeal stored.
      await page.keyboard.press('Control+Enter');
      await page.keyboard.press('Control+Enter');
      const result = page.getByTestId('intake-result');
      const number = (await result.getByTestId('appeal-number').innerText()).trim();
      expect(number).toMatch(/^\d{14}$/);
      await result.getByTestId('appeal-unit').getByText(URBAN).waitFor();
      await result.getByTestId('appeal-due').waitFor();
      await result.getByTestId(`duplicate-${earlier.number}`).waitFor();

      const hotline = await apiAs('hotline', DEMO_PASSWORD);
      try {
        const found = await hotline.get(`/api/appeals?q=${encodeURIComponent(stamp)}&categoryCode=city_appearance&pageSize=50`);
        const mine = found.items.filter((a: { description: string }) => a.description === description);
        expect(mine).toHaveLength(1);
        appeal = { id: mine[0].id, number };
      } finally {
        await hotline.dispose();
      }

      // The next call: the form is cleared and the category has the focus again.
      await page.keyboard.press('Alt+KeyN');
      await result.waitFor({ state: 'hidden' });
      await waitForFocus(page, 'categoryCode');
      expect(await page.locator('#description').inputValue()).toBe('');
    });

    await withPage(browser(), { user: 'urban' }, async (page) => {
      await page.goto('/appeals/inbox');
      const card = page.getByTestId(`appeal-card-${appeal.number}`);
      await card.getByRole('button', { name: /签\s*收/ }).click();
      await card.getByTestId('appeal-status').getByText('已签收').waitFor();
      await card.getByRole('button', { name: /办\s*理/ }).click();
      await page.waitForURL(new RegExp(`/appeals/${appeal.id}$`));
      // The handling unit sees the caller's number in clear.
      await page.getByTestId('appeal-phone').getByText('13909518802').waitFor();
      await draftReply(page, appeal.id, '已联系广告牌业主加固，并清理了周边隐患。', false);
    });

    await withPage(browser(), { user: 'hotline' }, async (page) => {
      await approve(page, appeal.id, { question: '群众反映金波路一处广告牌松动，存在坠落隐患。', answer: '城管局已督促业主加固广告牌并清理隐患。' });
      await page.getByTestId('appeal-reply').getByText('群众反映金波路一处广告牌松动，存在坠落隐患。').waitFor();
      await callBack(page, '不满意', '广告牌仍在晃动，只是临时绑了绳子');
      await status(page).getByText('已派单').waitFor();
    });

    await withPage(browser(), { user: 'urban' }, async (page) => {
      await draftReply(page, appeal.id, '已拆除松动的广告牌，业主将重新报批设置。', true);
    });

    await withPage(browser(), { user: 'hotline' }, async (page) => {
      await approve(page, appeal.id);
      await callBack(page, '满意');
      await status(page).getByText('已办结').waitFor();
      const timeline = page.getByTestId('appeal-timeline');
      const count = (kind: string) => timeline.getByTestId(`event-${kind}`).count();
      expect(await count('received')).toBe(1);
      expect(await count('dispatched')).toBe(1);
      expect(await count('accepted')).toBe(2);
      expect(await count('reply_drafted')).toBe(2);
      expect(await count('replied')).toBe(2);
      expect(await count('reopened')).toBe(1);
      expect(await count('closed')).toBe(1);
      await timeline.getByText(/群众不满意，重新办理：广告牌仍在晃动/).waitFor();
      await timeline.getByText('已拆除松动的广告牌，业主将重新报批设置。').waitFor();
    });
  });

  test('a unit returns an appeal with its reason and the arbiter sends it to another unit', async () => {
    const created = await createAppeal(`小区楼下管道漏水，路面结冰 ${Date.now().toString(36)}`, '13909518803');

    await withPage(browser(), { user: 'urban' }, async (page) => {
      await page.goto('/appeals/inbox');
      const card = page.getByTestId(`appeal-card-${created.number}`);
      await card.getByRole('button', { name: /退\s*单/ }).click();
      const form = await dialog(page, '退单');
      await form.getByLabel('退单理由').fill('管道漏水属供水管网，应由住建局办理');
      await form.getByRole('button', { name: /退\s*单/ }).click();
      await form.waitFor({ state: 'hidden' });
      await card.getByTestId('appeal-status').getByText('退单待仲裁').waitFor();
    });

    await withPage(browser(), { user: 'hotline' }, async (page) => {
      await page.goto('/appeals/returns');
      const card = page.getByTestId(`appeal-card-${created.number}`);
      await card.getByTestId('return-reason').getByText('管道漏水属供水管网，应由住建局办理').waitFor();
      await card.getByRole('button', { name: '退单成立，改派' }).click();
      const form = await dialog(page, '退单成立，改派');
      await form.getByLabel('改派给').fill('住房和城乡');
      await chooseOption(page, '银川市住房和城乡建设局');
      await form.getByLabel('仲裁意见').fill('退单理由成立，改派住建局');
      await form.getByRole('button', { name: /改\s*派/ }).click();
      await form.waitFor({ state: 'hidden' });
      await card.waitFor({ state: 'detached' });

      await openDetail(page, created.id);
      await status(page).getByText('已派单').waitFor();
      await page.getByTestId('appeal-unit').getByText('银川市住房和城乡建设局').waitFor();
      await page.getByTestId('appeal-timeline').getByText(/退单成立，改派：退单理由成立，改派住建局/).waitFor();
    });
  });

  test('the dispatch catalogue names the field at fault', async () => {
    await withPage(browser(), { user: 'hotline' }, async (page) => {
      await page.goto('/admin/dispatch-rules');
      const row = page.getByTestId('dispatch-rules').getByRole('row').filter({ hasText: '市容环境' }).filter({ hasText: URBAN });
      await row.getByRole('button', { name: /修\s*改/ }).click();
      const form = await dialog(page, '修改派单规则');
      await form.getByLabel('时限', { exact: true }).fill('99');
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await form.getByText('办理时限应为 1 到 60 个工作日').waitFor();
      await form.getByRole('button', { name: /取\s*消/ }).click();
      await form.waitFor({ state: 'hidden' });
    });
  });

  test('a dispatcher removes a rule of the catalogue after confirming', async () => {
    const hotline = await apiAs('hotline', DEMO_PASSWORD);
    try {
      const org = (await hotline.get('/api/dispatch-rules')).find((r: { orgName: string }) => r.orgName === URBAN).orgId;
      await hotline.put('/api/dispatch-rules', { categoryCode: 'noise', regionCode: '640121', orgId: org, limitAmount: 2, limitUnit: 'workdays' });
    } finally {
      await hotline.dispose();
    }
    await withPage(browser(), { user: 'hotline' }, async (page) => {
      await page.goto('/admin/dispatch-rules');
      const row = page.getByTestId('dispatch-rules').getByRole('row').filter({ hasText: '噪声扰民' }).filter({ hasText: '640121' });
      await row.getByRole('button', { name: /删\s*除/ }).click();
      await page.getByText('删除这条派单规则？').waitFor();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
      await page.getByText(/已删除 噪声扰民 .* 的派单规则/).waitFor();
      await row.waitFor({ state: 'detached' });
    });
  });

  test('on a phone the unit inbox is a list of cards with the actions on them', async () => {
    const created = await createAppeal(`夜间路灯不亮 ${Date.now().toString(36)}`, '13909518804');
    await withPage(browser(), { user: 'urban', viewport: { width: 390, height: 844 }, mobile: true }, async (page) => {
      await page.goto('/appeals/inbox');
      const card = page.getByTestId(`appeal-card-${created.number}`);
      await card.waitFor();
      expect(await page.locator('.ant-table').count()).toBe(0);
      // Nothing in the inbox is wider than the phone's screen (the filter scrolls sideways within it).
      const inbox = page.getByTestId('appeal-inbox');
      expect(await inbox.evaluate((e) => e.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
      expect(await inbox.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      const accept = card.getByRole('button', { name: /签\s*收/ });
      await accept.scrollIntoViewIfNeeded();
      expect((await accept.boundingBox())!.height).toBeGreaterThanOrEqual(40);
      await accept.click();
      await card.getByTestId('appeal-status').getByText('已签收').waitFor();
    });
  });
});
