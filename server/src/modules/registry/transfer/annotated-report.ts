/**
 * The annotated error workbook: the user's own sheet (same name, same columns, every row
 * kept so they can fix it in place and import again) with each wrong cell filled red and
 * carrying a note with the problem, and a last column 错误说明 summing up each bad row.
 * A CSV upload comes back as an .xlsx annotated the same way. Source rows and problems
 * are both read as streams in row order, so the size of the file does not matter.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnLetter, FIELD_LABELS, type ImportField } from './columns.js';
import { openSheet, type ImportSource } from './readers.js';
import type { StoredError } from './batches.js';
import type { WaitForRoom } from './xlsx-response.js';

export const SUMMARY_HEADER = '错误说明';
export const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

export function annotatedFileName(fileName: string): string {
  return `${fileName.replace(/\.(xlsx|xlsm|csv|txt)$/i, '')}-错误标注.xlsx`;
}

export async function writeAnnotatedWorkbook(
  source: ImportSource,
  errors: AsyncIterator<StoredError> | AsyncGenerator<StoredError>,
  out: Writable,
  room: WaitForRoom = async () => undefined,
): Promise<void> {
  const sheet = openSheet(source, { styles: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let worksheet: ExcelJS.Worksheet | null = null;
  let summaryCol = 0;
  let next = await errors.next();
  let written = 0;

  for await (const row of sheet.rows) {
    if (!worksheet) {
      worksheet = workbook.addWorksheet(sheet.meta.sheetName.slice(0, 31) || 'Sheet1');
      summaryCol = row.number === 1 ? row.cells.length + 1 : 1;
      worksheet.columns = Array.from({ length: summaryCol }, (_, i) => ({ width: i === summaryCol - 1 ? 60 : 18 }));
    }
    const target = worksheet.getRow(row.number);
    row.cells.forEach((value, index) => {
      if (value === null || index + 1 === summaryCol) return;
      const cell = target.getCell(index + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      else if (typeof value === 'string') cell.numFmt = '@';
    });

    while (!next.done && next.value.row_no < row.number) next = await errors.next();
    const found: StoredError[] = [];
    while (!next.done && next.value.row_no === row.number) {
      found.push(next.value);
      next = await errors.next();
    }
    if (row.number === 1) {
      const header = target.getCell(summaryCol);
      header.value = SUMMARY_HEADER;
      header.font = { bold: true, ...ERROR_FONT };
    }
    if (found.length > 0) annotateRow(target, found, summaryCol);
    target.commit();
    if (++written % 500 === 0) await room();
  }
  if (!worksheet) worksheet = workbook.addWorksheet('Sheet1');
  worksheet.commit();
  await workbook.commit();
}

function annotateRow(row: ExcelJS.Row, found: StoredError[], summaryCol: number): void {
  const byColumn = new Map<number, string[]>();
  for (const e of found) {
    if (e.col_index === null) continue;
    byColumn.set(e.col_index, [...(byColumn.get(e.col_index) ?? []), e.message]);
  }
  for (const [index, messages] of byColumn) {
    const cell = row.getCell(index + 1);
    cell.fill = ERROR_FILL;
    cell.font = ERROR_FONT;
    cell.note = messages.join('\n');
  }
  const summary = row.getCell(summaryCol);
  summary.value = found
    .map((e) => `${e.col_index === null ? '' : `${columnLetter(e.col_index)} 列`}${FIELD_LABELS[e.field as ImportField] ?? ''}：${e.message}`)
    .join('；');
  summary.font = ERROR_FONT;
  summary.alignment = { wrapText: true, vertical: 'top' };
}
