/**
 * Identity numbers and health facts are masked by default; a reveal needs a reason, shows
 * the clear value and is audited; a partner without the permission gets no reveal at all.
 */
import { describe, expect, test } from 'vitest';
import { adminPassword, apiAs, chooseOption, dialog, makeIdNumber, uniqueSequence, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const MASKED = /^\d{4}\*+\d{3}[\dX]$/;
const CLEAR = /^\d{17}[\dX]$/;

describe('masking and reveal', () => {
  test('a caseworker reveals an ID number with a reason, and the auditor sees that reveal', async () => {
    const reason = `核对低保复核材料 ${Date.now().toString(36)}`;

    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto('/households?q=wjg');
      await page.getByRole('link', { name: '王建国' }).first().click();
      const row = page.getByTestId('members-table').getByRole('row', { name: /王建国/ });
      const idCell = row.locator('.mono').first();
      await expect.poll(() => idCell.textContent()).toMatch(MASKED);

      await row.getByRole('button', { name: /查看/ }).click();
      let reveal = await dialog(page, '查看敏感信息');
      await reveal.getByRole('button', { name: /确认查看/ }).click();
      await reveal.getByText('请填写查看原因').first().waitFor();
      await reveal.getByLabel('查看原因').fill(reason);
      await reveal.getByRole('button', { name: /确认查看/ }).click();
      await reveal.waitFor({ state: 'hidden' });
      await expect.poll(() => idCell.textContent()).toMatch(CLEAR);

      // Health facts: masked until revealed for the person they concern.
      const illness = page.getByTestId('facts-current').getByRole('row', { name: /李秀兰/ });
      await illness.getByText('已脱敏').waitFor();
      await illness.getByRole('button', { name: /查看/ }).click();
      reveal = await dialog(page, '查看敏感信息');
      await reveal.getByLabel('查看原因').fill(`${reason}（健康）`);
      await reveal.getByRole('button', { name: /确认查看/ }).click();
      await illness.getByText('重病：尿毒症').waitFor();

      // The household's own history shows the reveal with its reason.
      await page.getByText(`原因：${reason}`).first().waitFor();
    });

    await withPage(browser(), { user: 'auditor' }, async (page) => {
      await page.goto('/audit');
      await page.getByRole('heading', { name: '审计日志' }).waitFor();
      await page.getByLabel('操作', { exact: true }).fill('person.revealed');
      await chooseOption(page, /person\.revealed/);
      const entry = page.getByTestId('audit-table').getByRole('row', { name: new RegExp(reason) }).first();
      await entry.waitFor();
      expect(await entry.textContent()).toContain('查看敏感信息');
      expect(await entry.textContent()).toContain('陈静');
    });
  });

  test('a partner without reveal permission sees masked values and no reveal action', async () => {
    // A household in the hospital's own data scope, with a sensitive fact.
    const admin = await apiAs('admin', adminPassword());
    const orgs: { id: number; name: string }[] = await admin.get('/api/organisations');
    const hospital = orgs.find((o) => o.name === '宁夏回族自治区人民医院')!;
    const household = await admin.post('/api/households', {
      address: '西夏区北京西路金波路 30 号',
      regionCode: '640105002003',
      orgId: hospital.id,
      members: [{ relationship: 'head', person: { name: '白永福', idNumber: makeIdNumber('640105', '19660303', uniqueSequence()), phone: '13995110022', regionCode: '640105002003' } }],
    });
    const page0 = await admin.get(`/api/households/${household.id}`);
    await admin.post(`/api/persons/${page0.members[0].id}/facts`, { kind: 'illness', value: { severity: 'chronic', name: '糖尿病' }, source: '医院诊断证明', validFrom: '2025-03-01' });
    await admin.dispose();

    await withPage(browser(), { user: 'hospital' }, async (page) => {
      await page.goto('/households');
      await page.getByRole('row', { name: /白永福/ }).first().waitFor();
      await page.goto(`/households/${household.id}`);
      await page.getByRole('heading', { name: /白永福 户/ }).waitFor();
      const row = page.getByTestId('members-table').getByRole('row', { name: /白永福/ });
      await expect.poll(() => row.locator('.mono').first().textContent()).toMatch(MASKED);
      await page.getByTestId('facts-current').getByText('已脱敏').waitFor();
      expect(await page.getByRole('button', { name: /查看/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /记录信息|添加成员/ }).count()).toBe(0);
    });
  });
});
