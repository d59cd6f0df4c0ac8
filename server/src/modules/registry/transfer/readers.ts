/**
 * Reads the rows of an uploaded file one at a time, whatever its size: .xlsx through
 * exceljs's streaming reader (first worksheet only), .csv decoded as UTF-8 when it is
 * valid UTF-8 (with or without BOM) and as GB18030 otherwise (what Chinese Excel writes).
 * Cells come out as plain values: formulas as their cached result, rich text as its text,
 * date-formatted numbers as dates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../../kernel/errors.js';

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number the spreadsheet shows (header = 1). */
  number: number;
  /** 0-based: cells[0] is column A. */
  cells: CellValue[];
}

export interface ImportSource {
  fileName: string;
  buffer?: Buffer;
  filePath?: string;
}

export type FileFormat = 'xlsx' | 'csv';

export interface OpenedSheet {
  format: FileFormat;
  /** Known once the first row has been read (xlsx); 'Sheet1' for CSV. */
  meta: { sheetName: string; encoding?: string };
  rows: AsyncGenerator<SheetRow>;
}

export const NOT_A_WORKBOOK = '文件不是有效的 Excel 工作簿';

export function badFile(zh: string, en = 'The file cannot be read'): AppError {
  return new AppError('bad_file', { zh, en });
}

const notAWorkbook = () => badFile(NOT_A_WORKBOOK, 'Not a valid Excel workbook');
const noWorksheet = () => badFile('工作簿中没有工作表', 'The workbook has no worksheet');

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export function detectFormat(fileName: string, head: Buffer): FileFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xls' || head.subarray(0, 4).equals(OLE_MAGIC)) {
    throw badFile('不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入', 'Old .xls files are not supported; save as .xlsx');
  }
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  throw badFile('只支持 .xlsx 和 .csv 文件', 'Only .xlsx and .csv files are supported');
}

export function fileHead(source: ImportSource): Buffer {
  if (source.buffer) return source.buffer.subarray(0, 8);
  const fd = fs.openSync(source.filePath!, 'r');
  try {
    const head = Buffer.alloc(8);
    const n = fs.readSync(fd, head, 0, 8, 0);
    return head.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

export interface ReadOptions {
  /**
   * Read cell styles, so date-formatted numbers come out as dates. Costs time and much
   * short-lived memory per cell; the importer reads without them (it knows its date
   * column), the annotated copy of the user's file reads with them.
   */
  styles?: boolean;
}

export function openSheet(source: ImportSource, options: ReadOptions = {}): OpenedSheet {
  const format = detectFormat(source.fileName, fileHead(source));
  const meta: OpenedSheet['meta'] = { sheetName: 'Sheet1' };
  if (format === 'csv') {
    const buffer = source.buffer ?? fs.readFileSync(source.filePath!);
    const { text, encoding } = decodeCsvBytes(buffer);
    meta.encoding = encoding;
    return { format, meta, rows: csvRows(text) };
  }
  return { format, meta, rows: xlsxRows(source, meta, options.styles ?? false) };
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030. */
export function decodeCsvBytes(buffer: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  let text: string;
  let encoding: 'utf-8' | 'gb18030';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer);
    encoding = 'utf-8';
  } catch {
    text = iconv.decode(buffer, 'gb18030');
    encoding = 'gb18030';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

async function* csvRows(text: string): AsyncGenerator<SheetRow> {
  const parser = parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  const CHUNK = 1 << 16;
  Readable.from(
    (function* () {
      for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
    })(),
  ).pipe(parser);
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      yield { number, cells: record.map((v) => (v === '' ? null : v)) };
    }
  } catch (error) {
    throw badFile(`CSV 文件格式有误（第 ${number + 1} 行附近）：${(error as Error).message}`, 'Malformed CSV');
  }
}

async function* xlsxRows(source: ImportSource, meta: OpenedSheet['meta'], styles: boolean): AsyncGenerator<SheetRow> {
  const input = source.buffer ? Readable.from([source.buffer]) : fs.createReadStream(source.filePath!);
  let started = false;
  try {
    for await (const row of firstSheetRows(input, meta, styles)) {
      started = true;
      yield row;
    }
    return;
  } catch (error) {
    // Whatever exceljs or its unzipper throws about a damaged or fake file, the user gets one clear message.
    if (error instanceof AppError) throw error;
    if (started) throw notAWorkbook();
  } finally {
    input.destroy();
  }
  // The streaming reader fails on some sound workbooks before their first row: when a worksheet
  // comes before the workbook's own part in the zip, it reads the sheet without knowing the sheets
  // (exceljs#3064; exceljs writes workbook.xml last). Such a file is read again, whole.
  try {
    yield* loadedFirstSheetRows(source, meta);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notAWorkbook();
  }
}

/** The first sheet's rows from the workbook read whole (memory for the whole file: only when streaming failed). */
async function* loadedFirstSheetRows(source: ImportSource, meta: OpenedSheet['meta']): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.Workbook();
  if (source.buffer) await workbook.xlsx.load(source.buffer as any);
  else await workbook.xlsx.readFile(source.filePath!);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw noWorksheet();
  meta.sheetName = sheet.name;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push({ number: row.number, cells: rowCells(row) }));
  yield* rows;
}

async function* firstSheetRows(input: Readable, meta: OpenedSheet['meta'], styles: boolean): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: styles ? 'cache' : 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  for await (const worksheet of reader as AsyncIterable<any>) {
    const firstId = (reader as any).model?.sheets?.[0]?.id;
    if (found || (firstId !== undefined && String(worksheet.id) !== String(firstId))) {
      for await (const _row of worksheet) void _row; // drain the sheets we do not import
      continue;
    }
    found = true;
    meta.sheetName = worksheet.name ?? 'Sheet1';
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) yield { number: row.number, cells: rowCells(row) };
  }
  if (!found) throw noWorksheet();
}

function rowCells(row: ExcelJS.Row): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
    cells[colNumber - 1] = plainValue(cell.value, cell.numFmt);
  });
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
  return cells;
}

/** A cell's value as one plain value: formulas by their cached result, rich text and links by their text. */
export function plainValue(value: unknown, numFmt?: string): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    const v = value as Record<string, any>;
    if (Array.isArray(v.richText)) return v.richText.map((run: { text?: string }) => run.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result;
      if (typeof result === 'number' && numFmt && isDateFormat(numFmt) && !Number.isNaN(result)) return excelSerialToDate(result);
      if (result && typeof result === 'object' && 'error' in result) return String(result.error);
      return plainValue(result, numFmt);
    }
    if ('error' in v) return String(v.error);
    if ('text' in v) return plainValue(v.text, numFmt);
  }
  return String(value);
}

/** The text a user sees for a plain value: dates as YYYY-MM-DD, whole numbers without exponent. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.trim();
}

export function isDateFormat(numFmt: string): boolean {
  const stripped = numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymd]/i.test(stripped) && !/^general$/i.test(stripped);
}

/** A number that can only be a date serial (1900-01-01 … 2173), not 19850615 typed as digits. */
export function looksLikeDateSerial(value: number): boolean {
  return value >= 1 && value < 100_000;
}

export function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}
