/**
 * Importing persons from Excel: upload a file with a wrong row, read the report by row and
 * column, download the annotated workbook, import the valid rows, find one of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { breakCheckDigit, makeIdNumber, OUTPUT, uniqueSequence, useBrowser, withPage } from './support.js';

const browser = useBrowser();

/** The header row of the template the page offers, read back with exceljs. */
async function templateHeaders(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const row = workbook.worksheets[0].getRow(1);
  return (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
}

/** A persons workbook with the template's columns: two good rows and one with a wrong check digit. */
async function writePersonsFile(file: string, headers: string[], people: Record<string, string>[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员');
  sheet.addRow(headers);
  for (const person of people) sheet.addRow(headers.map((h) => person[h] ?? ''));
  sheet.columns.forEach((column) => (column.numFmt = '@'));
  await workbook.xlsx.writeFile(file);
}

describe('import', () => {
  test('reports the bad row and column, annotates the workbook and imports the valid rows', async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    const sequence = uniqueSequence();
    const good1 = { 姓名: '柳青山', 身份证号: makeIdNumber('640104', '19750618', sequence), 联系电话: '13995120001', 区划代码: '640104006001', 地址: '兴庆区八一巷 7 号' };
    const bad = { 姓名: '柏玉兰', 身份证号: breakCheckDigit(makeIdNumber('640104', '19800202', sequence)), 区划代码: '640104006001' };
    const good2 = { 姓名: '楚明远', 身份证号: makeIdNumber('640104', '19910909', sequence), 区划代码: '640104006001' };

    await withPage(browser(), { user: 'caseworker' }, async (page) => {
      await page.goto('/imports');
      await page.getByRole('heading', { name: '数据导入' }).waitFor();

      const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载导入模板/ }).click()]);
      const templateFile = path.join(OUTPUT, 'import-template.xlsx');
      await template.saveAs(templateFile);
      const headers = await templateHeaders(templateFile);
      expect(headers).toEqual(expect.arrayContaining(['姓名', '身份证号', '区划代码']));

      const upload = path.join(OUTPUT, 'import-persons.xlsx');
      await writePersonsFile(upload, headers, [good1, bad, good2]);
      await page.locator('input[type=file]').setInputFiles(upload);

      const counts = page.getByTestId('import-counts');
      await counts.waitFor();
      await expect.poll(() => counts.textContent()).toMatch(/数据行\s*3/);
      expect(await counts.textContent()).toMatch(/可导入\s*2/);
      expect(await counts.textContent()).toMatch(/有错误\s*1/);

      const idColumn = String.fromCharCode(65 + headers.indexOf('身份证号'));
      const error = page.getByTestId('import-errors').getByRole('row', { name: /校验位/ });
      const cells = await error.getByRole('cell').allTextContents();
      expect(cells.slice(0, 3)).toEqual(['3', idColumn, '身份证号']);

      const [annotated] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载标注错误的工作簿/ }).click()]);
      const annotatedFile = path.join(OUTPUT, 'import-persons-annotated.xlsx');
      await annotated.saveAs(annotatedFile);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(annotatedFile);
      const sheet = workbook.worksheets[0];
      const summaryColumn = headers.length + 1;
      expect(String(sheet.getRow(1).getCell(summaryColumn).value)).toBe('错误说明');
      expect(String(sheet.getRow(3).getCell(summaryColumn).value)).toContain('校验位');
      expect(String(sheet.getRow(2).getCell(summaryColumn).value ?? '')).toBe('');

      await page.getByRole('button', { name: /导入全部有效行/ }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /导\s*入/ }).click();
      await page.getByText('导入完成').waitFor();
      await page.getByText(/新增 2 条/).waitFor();

      await page.goto(`/persons?q=${good2.身份证号}`);
      await page.getByRole('row', { name: /楚明远/ }).waitFor();
      await page.goto('/persons?q=bym');
      await page.getByText('没有符合条件的记录').waitFor();
    });
  });
});
