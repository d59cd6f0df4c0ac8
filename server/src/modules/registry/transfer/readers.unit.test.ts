import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { AppError } from '../../../kernel/errors.js';
import { cellText, decodeCsvBytes, detectFormat, excelSerialToDate, openSheet, plainValue, type SheetRow } from './readers.js';

async function rowsOf(rows: AsyncGenerator<SheetRow>): Promise<SheetRow[]> {
  const all: SheetRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('CSV decoding', () => {
  const text = '姓名,身份证号\n张三,640104199005170000\n';

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsvBytes(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8' });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    const gb = iconv.encode(text, 'gb18030');
    expect(decodeCsvBytes(gb)).toEqual({ text, encoding: 'gb18030' });
    // Characters outside GBK round-trip too (GB18030 four-byte forms).
    const rare = '𠀀䶮,ok\n';
    expect(decodeCsvBytes(iconv.encode(rare, 'gb18030')).text).toBe(rare);
  });

  it('numbers CSV rows as a spreadsheet shows them, blank lines included', async () => {
    const csv = '姓名,地址\r\n"张, 三","多行\n地址"\r\n\r\n李四,\r\n';
    const sheet = openSheet({ fileName: 'a.csv', buffer: Buffer.from(csv) });
    const rows = await rowsOf(sheet.rows);
    expect(rows).toEqual([
      { number: 1, cells: ['姓名', '地址'] },
      { number: 2, cells: ['张, 三', '多行\n地址'] },
      { number: 3, cells: [null] },
      { number: 4, cells: ['李四', null] },
    ]);
    expect(sheet.meta.encoding).toBe('utf-8');
  });
});

describe('file types', () => {
  it('goes by extension, then by content', () => {
    expect(detectFormat('a.XLSX', Buffer.from('x'))).toBe('xlsx');
    expect(detectFormat('a.csv', Buffer.from('PK\x03\x04'))).toBe('csv');
    expect(detectFormat('upload', Buffer.from('PK\x03\x04'))).toBe('xlsx');
    expect(() => detectFormat('a.xls', Buffer.from('x'))).toThrow(AppError);
    expect(() => detectFormat('a.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toThrow(/xls/);
    expect(() => detectFormat('a.pdf', Buffer.from('%PDF'))).toThrow(AppError);
  });

  it('reads a sound workbook that the streaming reader cannot (a sheet before the workbook part: exceljs#3064)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '身份证号']);
    sheet.addRow(['周好', '640104199005170001']);
    // Rezipped with the relationships and shared strings first and workbook.xml last, the order
    // in which exceljs's streaming reader parses a sheet before it knows the workbook's sheets.
    const parts = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const first = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];
    const names = Object.keys(parts.files).filter((name) => !parts.files[name]!.dir);
    const reordered = new JSZip();
    for (const name of [...first, ...names.filter((n) => !first.includes(n) && n !== 'xl/workbook.xml'), 'xl/workbook.xml']) {
      reordered.file(name, await parts.file(name)!.async('nodebuffer'));
    }
    const opened = openSheet({ fileName: '名单.xlsx', buffer: await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) });
    expect(await rowsOf(opened.rows)).toEqual([{ number: 1, cells: ['姓名', '身份证号'] }, { number: 2, cells: ['周好', '640104199005170001'] }]);
    expect(opened.meta.sheetName).toBe('名单');
  });

  it('turns a broken workbook into a clear bad_file error', async () => {
    const sheet = openSheet({ fileName: 'fake.xlsx', buffer: Buffer.from('this is not a zip file at all') });
    await expect(rowsOf(sheet.rows)).rejects.toMatchObject({ code: 'bad_file', detail: { zh: '文件不是有效的 Excel 工作簿' } });
  });
});

describe('xlsx cells', () => {
  it('reads the first worksheet with formulas, rich text, links and dates as shown', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('名单');
    first.addRow(['a', { richText: [{ text: '王' }, { text: '五' }] }, { formula: '1+1', result: 2 }, { text: '链接', hyperlink: 'https://example.org' }]);
    first.addRow([new Date(Date.UTC(2001, 1, 3)), { formula: 'A1', result: { error: '#REF!' } }, null, true]);
    workbook.addWorksheet('其他').addRow(['not read']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheet = openSheet({ fileName: 'x.xlsx', buffer }, { styles: true });
    const rows = await rowsOf(sheet.rows);
    expect(sheet.meta.sheetName).toBe('名单');
    expect(rows.map((r) => r.cells.map(cellText))).toEqual([
      ['a', '王五', '2', '链接'],
      // exceljs's streaming reader keeps no text for a formula that ended in an error: it reads as empty.
      ['2001-02-03', '', '', 'TRUE'],
    ]);
    // Without styles (the importer's fast path) a date arrives as its serial number.
    const plain = await rowsOf(openSheet({ fileName: 'x.xlsx', buffer }).rows);
    expect(plain[1].cells[0]).toBe(36925);
    expect(cellText(excelSerialToDate(36925))).toBe('2001-02-03');
  });

  it('converts plain values to text', () => {
    expect(cellText(640104001002)).toBe('640104001002');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText('  x ')).toBe('x');
    expect(plainValue({ formula: 'TODAY()', result: 45000 }, 'yyyy-mm-dd')).toEqual(excelSerialToDate(45000));
    expect(cellText(excelSerialToDate(45000))).toBe('2023-03-15');
    expect(plainValue({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(plainValue({ formula: 'A1' })).toBeNull();
  });
});
