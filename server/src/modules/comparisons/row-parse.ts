/**
 * Checks one roll row on its own (no database) and turns it into the record staged for the
 * set-based matching: the ID number by its GB 11643 check digit, the name, and the kind's
 * own cells — 救助类型 words, 残疾类别/等级 as numbers or words with the certificate number
 * checked against them, dates (typed, Excel serials or text), amounts in yuan with at most
 * two decimals and never negative. Every problem names the row and the field in Chinese.
 */
import { ASSISTANCE_STATUSES, DISABILITY_CATEGORY_LABELS, DISABILITY_GRADE_LABELS } from '../../contracts/registry.js';
import type { ColumnMapping, RollField, RollKind } from '../../contracts/comparisons.js';
import { ID_NUMBER_PROBLEM_MESSAGES, parseIdNumber } from '../../kernel/validation/idcard.js';
import { validateFactValue } from '../registry/facts.js';
import { parseDateText } from '../registry/person-validation.js';
import { cellText, excelSerialToDate, looksLikeDateSerial, type CellValue } from '../registry/transfer/readers.js';
import { fieldsOf } from './columns.js';

export interface RollRow {
  rowNo: number;
  /** Normalised whenever it parses, even if other cells are wrong (for the duplicate check). */
  idNumber: string | null;
  name: string | null;
  /** The name as compared with the registry's: width folded, spaces dropped. */
  nameKey: string | null;
  status: string | null;
  /** The row's date: 开始日期, 发证日期 or 死亡日期. */
  dated: string | null;
  certificateNo: string | null;
  category: number | null;
  grade: number | null;
  programme: string | null;
  amountFen: number | null;
  ok: boolean;
}

export interface RowProblem {
  rowNo: number;
  colIndex: number | null;
  field: RollField;
  message: string;
}

export type RowOutcome = { row: RollRow; problems: RowProblem[] } | 'blank';

const ID_PROBLEMS = ID_NUMBER_PROBLEM_MESSAGES;
const ID_AS_NUMBER = '身份证号被存成了数字（Excel 只保留 15 位有效数字），后几位已丢失；请把该列设为“文本”格式';

const STATUS_WORDS: Record<string, keyof typeof ASSISTANCE_STATUSES> = {
  低保: 'dibao', 城市低保: 'dibao', 农村低保: 'dibao', 城乡低保: 'dibao', 最低生活保障: 'dibao', 低保户: 'dibao', 低保对象: 'dibao', 城市最低生活保障: 'dibao', 农村最低生活保障: 'dibao',
  特困: 'tekun', 特困人员: 'tekun', 特困供养: 'tekun', 特困供养人员: 'tekun', 五保: 'tekun', 五保户: 'tekun', 分散供养特困人员: 'tekun', 集中供养特困人员: 'tekun',
  低保边缘: 'dibao_edge', 低保边缘户: 'dibao_edge', 低保边缘家庭: 'dibao_edge', 低边: 'dibao_edge', 边缘户: 'dibao_edge',
  dibao: 'dibao', tekun: 'tekun', dibao_edge: 'dibao_edge',
};
const STATUS_HINT = `救助类型应为：${Object.values(ASSISTANCE_STATUSES).join('、')}`;

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };

const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

export function parseAssistanceStatus(text: string): keyof typeof ASSISTANCE_STATUSES | null {
  return STATUS_WORDS[compact(text).toLowerCase()] ?? null;
}

/** 1-7, or 视力/听力/言语/肢体/智力/精神/多重 (with or without 残疾). */
export function parseCategory(text: string): number | null {
  const t = compact(text).replace(/(残疾|类)$/, '');
  if (/^[1-7]$/.test(t)) return Number(t);
  const found = Object.entries(DISABILITY_CATEGORY_LABELS).find(([, label]) => label === t);
  return found ? Number(found[0]) : null;
}

/** 1-4, 一级…四级, 1级. */
export function parseGrade(text: string): number | null {
  const t = compact(text).replace(/级$/, '');
  if (/^[1-4]$/.test(t)) return Number(t);
  const n = CHINESE_DIGITS[t];
  if (n && n <= 4) return n;
  const found = Object.entries(DISABILITY_GRADE_LABELS).find(([, label]) => label === `${t}级`);
  return found ? Number(found[0]) : null;
}

/** Yuan to fen: a number with at most two decimals, not negative, below one hundred million. */
export function parseAmount(cell: CellValue): { fen: number } | { problem: string } {
  let text: string;
  // A computed cell can carry binary noise (0.1 + 0.2); ten decimals keep what was typed.
  if (typeof cell === 'number') text = Number.isFinite(cell) ? String(Number(cell.toFixed(10))) : '';
  else text = compact(cellText(cell)).replace(/[,，¥￥]/g, '').replace(/元$/, '');
  if (text === '') return { problem: '金额必填' };
  if (/^\d+(\.\d*)?e/i.test(text)) return { problem: '金额过大' };
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return { problem: `金额“${cellText(cell)}”不是数字` };
  if (text.startsWith('-') && Number(text) !== 0) return { problem: '金额不能为负数' };
  const [whole, decimals = ''] = text.replace(/^[-+]/, '').split('.');
  if (decimals.length > 2) return { problem: '金额最多两位小数（精确到分）' };
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > 1e10) return { problem: '金额过大（不超过 1 亿元）' };
  return { fen };
}

/** A date cell: typed dates, Excel serial numbers, or text such as 2026-01-05, 2026/1/5, 20260105. */
export function parseDateCell(cell: CellValue): string | null | 'invalid' {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'invalid' : cellText(cell);
  if (typeof cell === 'number' && looksLikeDateSerial(cell)) return cellText(excelSerialToDate(cell));
  return parseDateText(cellText(cell));
}

export class RollRowParser {
  private readonly fields: RollField[];
  private readonly now: Date;

  constructor(
    private readonly kind: RollKind,
    private readonly mapping: ColumnMapping,
    /** Today in China, 'YYYY-MM-DD' (dates of death cannot be later). */
    private readonly today: string,
  ) {
    this.fields = fieldsOf(kind).filter((f) => mapping[f] !== undefined);
    this.now = new Date(`${today}T12:00:00+08:00`);
  }

  private cell(cells: CellValue[], field: RollField): CellValue {
    const index = this.mapping[field];
    return index === undefined ? null : (cells[index] ?? null);
  }

  parse(rowNo: number, cells: CellValue[]): RowOutcome {
    if (this.fields.every((f) => cellText(this.cell(cells, f)) === '')) return 'blank';
    const problems: RowProblem[] = [];
    const add = (field: RollField, message: string) => problems.push({ rowNo, colIndex: this.mapping[field] ?? null, field, message });
    const text = (field: RollField) => cellText(this.cell(cells, field));
    const row: RollRow = {
      rowNo, idNumber: null, name: null, nameKey: null, status: null, dated: null, certificateNo: null,
      category: null, grade: null, programme: null, amountFen: null, ok: false,
    };

    const idCell = this.cell(cells, 'idNumber');
    const id = parseIdNumber(text('idNumber').replace(/\s+/g, ''), { today: this.now });
    if (typeof idCell === 'number' && Math.abs(idCell) >= 1e14) add('idNumber', ID_AS_NUMBER);
    else if (!id.ok) add('idNumber', ID_PROBLEMS[id.reason]);
    else row.idNumber = id.value.idNumber;

    const name = text('name').replace(/\s+/g, ' ');
    if (!name) add('name', '姓名必填');
    else if (name.length > 40) add('name', '姓名过长（最多 40 个字符）');
    else {
      row.name = name;
      row.nameKey = compact(name);
    }

    const date = (field: RollField, required: boolean, label: string) => {
      const parsed = parseDateCell(this.cell(cells, field));
      if (parsed === 'invalid') add(field, `${label}格式不正确，应为 YYYY-MM-DD`);
      else if (!parsed && required) add(field, `${label}必填`);
      return parsed === 'invalid' ? null : parsed;
    };

    switch (this.kind) {
      case 'dibao': {
        const raw = text('status');
        row.status = raw ? parseAssistanceStatus(raw) : null;
        if (!raw) add('status', `救助类型必填；${STATUS_HINT}`);
        else if (!row.status) add('status', `无法识别“${raw}”；${STATUS_HINT}`);
        row.dated = date('startDate', false, '开始日期');
        break;
      }
      case 'disability':
        this.disability(row, text, add, id.ok ? id.value.idNumber : null);
        row.dated = date('issueDate', false, '发证日期');
        break;
      case 'death': {
        row.dated = date('deathDate', true, '死亡日期');
        if (row.dated && row.dated > this.today) add('deathDate', '死亡日期不能晚于今天');
        else if (row.dated && id.ok && row.dated < id.value.birthDate) add('deathDate', `死亡日期早于出生日期（身份证号显示为 ${id.value.birthDate}）`);
        break;
      }
      case 'enrollment': {
        const programme = text('programme');
        if (!programme) add('programme', '项目名称必填');
        else if (programme.length > 100) add('programme', '项目名称过长（最多 100 个字符）');
        else row.programme = programme;
        const amount = parseAmount(this.cell(cells, 'amount'));
        if ('problem' in amount) add('amount', amount.problem);
        else row.amountFen = amount.fen;
        break;
      }
    }
    row.ok = problems.length === 0;
    return { row, problems };
  }

  private disability(row: RollRow, text: (f: RollField) => string, add: (f: RollField, m: string) => void, idNumber: string | null): void {
    const [rawCategory, rawGrade] = [text('category'), text('grade')];
    row.category = parseCategory(rawCategory);
    row.grade = parseGrade(rawGrade);
    if (row.category === null) add('category', rawCategory ? `无法识别残疾类别“${rawCategory}”，应为 1-7 或 视力、听力、言语、肢体、智力、精神、多重` : '残疾类别必填');
    if (row.grade === null) add('grade', rawGrade ? `无法识别残疾等级“${rawGrade}”，应为 1-4 或 一级至四级` : '残疾等级必填');
    const certificateNo = text('certificateNo').replace(/\s+/g, '').toUpperCase();
    if (!certificateNo) {
      add('certificateNo', '残疾证号必填');
      return;
    }
    row.certificateNo = certificateNo;
    if (row.category === null || row.grade === null || !idNumber) return;
    // The registry's own check: 20 characters, the holder's ID number, category and grade.
    for (const p of validateFactValue('disability', { category: row.category, grade: row.grade, certificateNo }, idNumber)) {
      add('certificateNo', p.message);
    }
  }
}
