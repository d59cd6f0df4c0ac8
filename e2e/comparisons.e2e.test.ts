/**
 * 信息比对 as a caseworker does it: upload the civil-affairs 低保 roll, confirm the guessed
 * column mapping, run it, accept a household to add (recorded as 低保 in the registry), mark a
 * conflicting name as checked (a reason is required), see a registered household the roll no
 * longer lists; a roll with a bad ID number and a person twice is refused by row and field;
 * the lists read as cards on a phone.
 */
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { apiAs, breakCheckDigit, DEMO_PASSWORD, dialog, makeIdNumber, OUTPUT, uniqueSequence, useBrowser, withPage } from './support.js';

const browser = useBrowser();
const COMMUNITY = '640106001004'; // 金凤区 紫阳社区
const sequence = uniqueSequence();
const id = (birth: string) => makeIdNumber('640106', birth, sequence);
const HEAD = { name: '岳承泽', idNumber: id('19800304') };
const SPOUSE = { name: '岳林芳', idNumber: id('19820516') };
const OFF_ROLL = { name: '闫守成', idNumber: id('19700101') };
const UNKNOWN = { name: '无名氏', idNumber: makeIdNumber('640122', '19660606', sequence) };
let headHousehold = 0;

async function writeRoll(file: string, rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('低保名册');
  sheet.addRow(['序号', '姓名', '公民身份号码', '保障类别', '享受开始日期']);
  rows.forEach((row, i) => sheet.addRow([String(i + 1), ...row]));
  sheet.getColumn(3).numFmt = '@';
  fs.mkdirSync(OUTPUT, { recursive: true });
  const target = path.join(OUTPUT, file);
  await workbook.xlsx.writeFile(target);
  return target;
}

async function upload(page: Page, file: string): Promise<void> {
  await page.goto('/comparisons');
  await page.getByRole('heading', { name: '信息比对' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.waitForURL(/\/comparisons\/\d+$/);
  await page.getByTestId('mapping-step').waitFor();
}

beforeAll(async () => {
  const api = await apiAs('caseworker', DEMO_PASSWORD);
  try {
    const person = (p: { name: string; idNumber: string }) => ({ ...p, regionCode: COMMUNITY });
    const household = await api.post('/api/households', {
      address: '金凤区紫阳社区 5-1-201', regionCode: COMMUNITY,
      members: [{ relationship: 'head', person: person(HEAD) }, { relationship: 'spouse', person: person(SPOUSE) }],
    });
    headHousehold = household.id;
    const offRoll = await api.post('/api/households', { address: '金凤区紫阳社区 9-2-502', regionCode: COMMUNITY, members: [{ relationship: 'head', person: person(OFF_ROLL) }] });
    await api.post(`/api/households/${offRoll.id}/facts`, { kind: 'assistance_status', value: { status: 'dibao' }, source: '民政低保名册', validFrom: '2024-01-01' });
  } finally {
    await api.dispose();
  }
});

describe('comparisons', () => {
  test('a 低保 roll: mapping, lists, accepting into the registry and checking a conflict', async () => {
    const roll = await writeRoll('comparison-dibao.xlsx', [
      [HEAD.name, HEAD.idNumber, '城市低保', '2026-01-01'],
      ['岳林方', SPOUSE.idNumber, '城市低保', '2026-01-01'],
      [UNKNOWN.name, UNKNOWN.idNumber, '特困', ''],
    ]);
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await upload(page, roll);
      const mapping = page.getByTestId('mapping-step');
      await mapping.getByText('D 列：保障类别').waitFor();
      await mapping.getByText('C 列：公民身份号码').waitFor();
      await mapping.getByRole('button', { name: /开始比对/ }).click();

      const counts = page.getByTestId('comparison-counts');
      await counts.waitFor();
      expect(await counts.textContent()).toMatch(/名册行数\s*3/);
      const tabs = page.getByTestId('comparison-tabs');
      await tabs.getByRole('tab', { name: /应纳入（1）/ }).waitFor();
      await tabs.getByRole('tab', { name: /未匹配（1）/ }).waitFor();

      const added = page.getByTestId('items-to_add').getByRole('row', { name: new RegExp(HEAD.name) });
      expect(await added.textContent()).toContain('记录救助身份：低保（自 2026-01-01 起）');
      await added.getByRole('button', { name: /^采\s*纳$/ }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /^采\s*纳$/ }).click();
      await page.getByText('已采纳 1 条').waitFor();
      const api = await apiAs('caseworker', DEMO_PASSWORD);
      try {
        expect((await api.get(`/api/households/${headHousehold}`)).household.assistanceStatus).toBe('dibao');
      } finally {
        await api.dispose();
      }

      await tabs.getByRole('tab', { name: /信息不一致/ }).click();
      const conflict = page.getByTestId('items-conflict').getByRole('row', { name: /岳林方/ });
      expect(await conflict.textContent()).toContain(`姓名不一致：名册为「岳林方」，本系统为「${SPOUSE.name}」`);
      await conflict.getByRole('button', { name: /已核实/ }).click();
      const modal = await dialog(page, '已核实');
      await modal.getByRole('button', { name: /确\s*定/ }).click();
      await modal.getByText('请填写原因').waitFor();
      await modal.getByLabel('原因').fill('民政系统录入错字，已通知更正');
      await modal.getByRole('button', { name: /确\s*定/ }).click();
      await page.getByText('已处理 1 条').waitFor();
      await page.getByTestId('items-conflict').getByText('没有符合条件的记录').waitFor();

      await tabs.getByRole('tab', { name: /应退出/ }).click();
      await page.getByTestId('items-to_stop').getByRole('row', { name: new RegExp(OFF_ROLL.name) }).getByText('名册中已无此户').waitFor();
    });
  });

  test('a roll with a bad ID number and a person twice is refused by row and field', async () => {
    const roll = await writeRoll('comparison-bad.xlsx', [
      [HEAD.name, breakCheckDigit(HEAD.idNumber), '低保', ''],
      [SPOUSE.name, SPOUSE.idNumber, '低保', ''],
      [SPOUSE.name, SPOUSE.idNumber, '低保', ''],
    ]);
    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await upload(page, roll);
      await page.getByTestId('mapping-step').getByRole('button', { name: /开始比对/ }).click();
      const errors = page.getByTestId('roll-errors');
      await errors.waitFor();
      expect(await errors.textContent()).toContain('名册中有 3 处错误，未进行比对，也未改动任何数据');
      const first = await errors.getByRole('row', { name: /校验位/ }).getByRole('cell').allTextContents();
      expect(first).toEqual(['2', 'C', '身份证号', '身份证号校验位不正确']);
      await errors.getByRole('row', { name: /此人在名册中重复（与第 4 行相同）/ }).waitFor();
      await page.getByText('名册有误').first().waitFor();
    });
  });

  test('on a phone the lists are cards', async () => {
    await withPage(browser(), { user: 'caseworker', viewport: { width: 390, height: 844 }, mobile: true }, async (page) => {
      await page.goto('/comparisons');
      await page.getByTestId('comparison-history').getByRole('row', { name: /comparison-dibao\.xlsx/ }).first().click();
      await page.getByTestId('comparison-tabs').getByRole('tab', { name: /应退出/ }).click();
      await page.getByTestId('item-card').filter({ hasText: OFF_ROLL.name }).waitFor();
      expect(await page.locator('[data-testid="items-to_stop"] .ant-table').count()).toBe(0);
    });
  });
});
