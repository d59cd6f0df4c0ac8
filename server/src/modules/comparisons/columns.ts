/**
 * The columns of each kind of roll: the headers other departments actually use for them,
 * the mapping guessed from a file's header row (matched after the registry importer's
 * normalisation: width, spaces, required-marks, case), and the check of the mapping the
 * user confirms — a missing required column or two fields on one column is refused with
 * a Chinese message before anything is read.
 */
import {
  ROLL_FIELD_LABELS, ROLL_FIELDS, type ColumnMapping, type RollField, type RollKind, type RollPreview,
} from '../../contracts/comparisons.js';
import { AppError, type FieldProblem } from '../../kernel/errors.js';
import { columnLetter, normalizeHeader } from '../registry/transfer/columns.js';
import { cellText, type CellValue } from '../registry/transfer/readers.js';

const ALIASES: Record<RollField, string[]> = {
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号', '公民身份证号码', '身份证', '证件号码', '证件号', '证件号码（身份证）', 'idnumber', 'idno', 'idcard'],
  name: ['姓名', '名字', '人员姓名', '成员姓名', '申请人姓名', '户主姓名', '保障对象姓名', '持证人姓名', '死者姓名', '逝者姓名', 'name'],
  status: ['救助类型', '救助类别', '保障类型', '保障类别', '人员类别', '低保类型', '类别', '救助身份', '对象类别', '保障对象类别', 'status'],
  startDate: ['开始日期', '起始日期', '纳入日期', '享受开始日期', '保障起始日期', '审批日期', '批准日期', '救助开始日期', '生效日期', 'startdate'],
  certificateNo: ['残疾证号', '残疾人证号', '残疾证号码', '残疾人证号码', '证号', '持证号', 'certificateno'],
  category: ['残疾类别', '残疾类型', '残疾种类', '类别', 'category'],
  grade: ['残疾等级', '残疾级别', '等级', 'grade'],
  issueDate: ['发证日期', '办证日期', '发证时间', '持证日期', '核发日期', 'issuedate'],
  deathDate: ['死亡日期', '死亡时间', '火化日期', '火化时间', '死亡（火化）日期', '死亡火化日期', '注销日期', 'deathdate'],
  programme: ['项目名称', '项目', '救助项目', '政策名称', '享受项目', '待遇名称', '待遇项目', '补助项目', 'programme', 'program'],
  amount: ['金额', '金额（元）', '金额(元)', '发放金额', '享受金额', '补助金额', '救助金额', '月发放金额', '待遇金额', '补助标准', 'amount'],
};

const KEYS = Object.fromEntries(
  (Object.entries(ALIASES) as [RollField, string[]][]).map(([field, aliases]) => [field, new Set([ROLL_FIELD_LABELS[field], ...aliases].map(normalizeHeader))]),
) as Record<RollField, Set<string>>;

/** The field of this kind of roll a header names, if any ('类别' is a 救助类型 in one roll, a 残疾类别 in another). */
export function fieldOfHeader(kind: RollKind, header: string): RollField | null {
  const key = normalizeHeader(header);
  return fieldsOf(kind).find((field) => KEYS[field].has(key)) ?? null;
}

export function fieldsOf(kind: RollKind): RollField[] {
  return ROLL_FIELDS[kind].map((f) => f.field);
}

/** Guesses each field's column from the header row; the first column that names a field wins. */
export function guessMapping(kind: RollKind, headers: string[]): { mapping: ColumnMapping; missing: RollField[] } {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const field = header.trim() ? fieldOfHeader(kind, header) : null;
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  const missing = ROLL_FIELDS[kind].filter((f) => f.required && mapping[f.field] === undefined).map((f) => f.field);
  return { mapping, missing };
}

/** The preview of an upload: its headers, the guessed mapping and the first data rows as text. */
export function buildPreview(kind: RollKind, headerCells: CellValue[], sample: CellValue[][]): RollPreview {
  const headers = headerCells.map((cell, index) => ({ index, letter: columnLetter(index), text: cellText(cell) }));
  const { mapping, missing } = guessMapping(kind, headers.map((h) => h.text));
  const width = Math.max(headers.length, ...sample.map((r) => r.length));
  return { headers, mapping, missing, sampleRows: sample.map((row) => Array.from({ length: width }, (_, i) => cellText(row[i] ?? null))) };
}

/**
 * The mapping a run uses: only the kind's fields, every required one on a column of the
 * header row, no column used twice. Problems name row 1 (the header) and the field.
 */
export function checkMapping(kind: RollKind, mapping: ColumnMapping, width: number): ColumnMapping {
  const problems: FieldProblem[] = [];
  const checked: ColumnMapping = {};
  const used = new Map<number, RollField>();
  for (const spec of ROLL_FIELDS[kind]) {
    const index = mapping[spec.field];
    const label = ROLL_FIELD_LABELS[spec.field];
    if (index === undefined || index === null) {
      if (spec.required) problems.push({ row: 1, column: '', field: `mapping.${spec.field}`, message: `缺少必填列「${label}」，请在列对应中选择它所在的列` });
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= width) {
      problems.push({ row: 1, column: '', field: `mapping.${spec.field}`, message: `「${label}」对应的列不存在（表头共 ${width} 列）` });
      continue;
    }
    const other = used.get(index);
    if (other) {
      problems.push({ row: 1, column: columnLetter(index), field: `mapping.${spec.field}`, message: `「${label}」与「${ROLL_FIELD_LABELS[other]}」对应了同一列（${columnLetter(index)} 列）` });
      continue;
    }
    used.set(index, spec.field);
    checked[spec.field] = index;
  }
  const unknown = Object.keys(mapping).filter((field) => !fieldsOf(kind).includes(field as RollField));
  for (const field of unknown) problems.push({ row: 1, column: '', field: `mapping.${field}`, message: `此类名册没有“${field}”这一项` });
  if (problems.length > 0) {
    throw new AppError('validation_failed', { zh: problems.map((p) => p.message).join('；'), en: 'The column mapping is incomplete or wrong', field: problems[0].field, problems });
  }
  return checked;
}
