/** Helpers for the import/export tests: multipart bodies, small workbooks, uploads, reading answers back. */
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Client, Response } from '../../../../test/harness.js';
import { makeIdNumber } from '../../../kernel/validation/idcard.js';
import { DEMO_HOUSEHOLDS } from '../../seed/demo-data.js';
import { XLSX_TYPE } from './xlsx-response.js';

export { XLSX_TYPE };

export const PERSON_HEADER = ['姓名', '身份证号', '性别', '出生日期', '联系电话', '地址', '区划代码'];
export const HOUSEHOLD_HEADER = ['户编号', '与户主关系', ...PERSON_HEADER, '家庭地址'];
/** Real communities: 崇安社区 (兴庆区) and 金波路社区 (西夏区). */
export const XINGQING_COMMUNITY = '640104001002';
export const XIXIA_COMMUNITY = '640105002003';

/** A valid ID number of a made-up person; `n` (0…499) keeps them apart. */
export function testId(n: number, sex: 'M' | 'F' = 'M', birthDate = '1990-05-17', county = '640104'): string {
  return makeIdNumber(county, birthDate, n * 2 + (sex === 'M' ? 1 : 0), sex);
}

/** The ID number the demo seed gave a member (same formula as seed/demo.ts). */
export function demoId(caseName: string, memberName: string): string {
  const householdIndex = DEMO_HOUSEHOLDS.findIndex((h) => h.caseName === caseName);
  const household = DEMO_HOUSEHOLDS[householdIndex];
  const memberIndex = household.members.findIndex((m) => m.name === memberName);
  const member = household.members[memberIndex];
  return makeIdNumber(household.regionCode.slice(0, 6), member.birthDate, 100 + householdIndex * 10 + memberIndex, member.sex);
}

export function multipart(fileName: string, content: Buffer | string, contentType = XLSX_TYPE): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----huimin${crypto.randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`, 'utf8'),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(client: Client, query: string, fileName: string, content: Buffer | string, contentType?: string): Promise<Response> {
  const { body, headers } = multipart(fileName, content, contentType ?? (fileName.endsWith('.csv') ? 'text/csv' : XLSX_TYPE));
  return client.send('POST', `/api/imports?${query}`, body, headers);
}

/** A one-sheet workbook; cells may be exceljs values (formulas, rich text, dates). */
export async function workbookOf(rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as any);
  return workbook;
}

/** The values of a sheet's rows (1-based row numbers → 0-based cell arrays of plain values). */
export function sheetValues(sheet: ExcelJS.Worksheet): Map<number, unknown[]> {
  const rows = new Map<number, unknown[]>();
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => (values[col - 1] = cell.value));
    rows.set(number, values);
  });
  return rows;
}

export function noteText(note: unknown): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts ?? [];
  return texts.map((t) => t.text).join('');
}
