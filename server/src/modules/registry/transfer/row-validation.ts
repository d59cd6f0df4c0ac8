/**
 * Checks one data row on its own (no database): the person through validatePerson, the
 * household columns through their words, and turns it into the record staged for the
 * set-based checks (duplicates, existing persons, households) that follow in SQL.
 */
import type { FieldProblem } from '../../../kernel/errors.js';
import { makeIdNumber, parseIdNumber } from '../../../kernel/validation/idcard.js';
import { validatePerson } from '../person-validation.js';
import { parseRelationship, RELATIONSHIP_HINT, type HeaderMapping, type ImportField, type ImportKind } from './columns.js';
import { cellText, excelSerialToDate, looksLikeDateSerial, type CellValue, type SheetRow } from './readers.js';

export interface StagedRow {
  rowNo: number;
  /** The normalised ID number whenever it parses, even if other cells are wrong (for duplicate checks). */
  idNumber: string | null;
  name: string | null;
  namePinyin: string | null;
  nameInitials: string | null;
  sex: string | null;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
  regionCode: string | null;
  /** Passed every check of the row on its own. */
  ok: boolean;
  householdKey: string | null;
  relationship: string | null;
  householdAddress: string | null;
}

export interface CellProblem {
  rowNo: number;
  colIndex: number | null;
  field: string;
  message: string;
}

export type RowOutcome = { staged: StagedRow; problems: CellProblem[] } | 'blank' | 'example';

/** The example rows the templates carry; a file that still has them imports without them. */
export const TEMPLATE_EXAMPLES = [
  { name: '张三', idNumber: makeIdNumber('640104', '1985-06-15', 11, 'M'), sex: '男', birthDate: '1985-06-15', phone: '13800000000', relationship: '户主' },
  { name: '李四', idNumber: makeIdNumber('640104', '1987-03-02', 12, 'F'), sex: '女', birthDate: '1987-03-02', phone: '13900000000', relationship: '配偶' },
];
const EXAMPLE_KEYS = new Set(TEMPLATE_EXAMPLES.map((e) => `${e.name}|${e.idNumber}`));

const PERSON_FIELDS: ImportField[] = ['name', 'idNumber', 'sex', 'birthDate', 'phone', 'address', 'regionCode'];
const HOUSEHOLD_FIELDS: ImportField[] = ['householdKey', 'relationship', 'householdAddress'];

const ID_AS_NUMBER = '身份证号被存成了数字（Excel 只保留 15 位有效数字），后几位已丢失；请把该列设为“文本”格式后重新填写';

export class RowValidator {
  private readonly fields: ImportField[];

  constructor(
    private readonly kind: ImportKind,
    private readonly mapping: HeaderMapping,
    private readonly regionExists: (code: string) => boolean,
  ) {
    this.fields = kind === 'households' ? [...HOUSEHOLD_FIELDS, ...PERSON_FIELDS] : PERSON_FIELDS;
  }

  colIndex(field: string): number | null {
    return this.mapping.columns[field as ImportField] ?? null;
  }

  private raw(row: SheetRow, field: ImportField): CellValue {
    const index = this.mapping.columns[field];
    return index === undefined ? null : (row.cells[index] ?? null);
  }

  private text(row: SheetRow, field: ImportField): string {
    const raw = this.raw(row, field);
    // Cells are read without styles, so a date typed into Excel arrives as its serial number.
    if (field === 'birthDate' && typeof raw === 'number' && looksLikeDateSerial(raw)) return cellText(excelSerialToDate(raw));
    return cellText(raw);
  }

  validate(row: SheetRow): RowOutcome {
    const texts = {} as Record<ImportField, string>;
    let blank = true;
    for (const field of this.fields) {
      texts[field] = this.text(row, field);
      if (texts[field] !== '') blank = false;
    }
    if (blank) return 'blank';
    const idText = texts.idNumber.replace(/\s+/g, '');
    if (EXAMPLE_KEYS.has(`${texts.name}|${idText.toUpperCase()}`)) return 'example';

    const problems: CellProblem[] = [];
    const add = (p: FieldProblem) => problems.push({ rowNo: row.number, colIndex: this.colIndex(p.field), field: p.field, message: p.message });

    const { value, problems: personProblems } = validatePerson(
      { idNumber: idText, name: texts.name, sex: texts.sex, birthDate: texts.birthDate, phone: texts.phone, address: texts.address, regionCode: texts.regionCode },
      this.regionExists,
    );
    const idCell = this.raw(row, 'idNumber');
    const idLostDigits = typeof idCell === 'number' && Math.abs(idCell) >= 1e14;
    for (const p of personProblems) if (!(idLostDigits && p.field === 'idNumber')) add(p);
    if (idLostDigits) add({ field: 'idNumber', message: ID_AS_NUMBER });

    let householdKey: string | null = null;
    let relationship: string | null = null;
    let householdAddress: string | null = null;
    if (this.kind === 'households') {
      householdKey = texts.householdKey || null;
      if (!householdKey) add({ field: 'householdKey', message: '户编号必填（同一户的成员填写相同的编号）' });
      else if (householdKey.length > 60) add({ field: 'householdKey', message: '户编号过长（最多 60 个字符）' });
      if (!texts.relationship) add({ field: 'relationship', message: `与户主关系必填；${RELATIONSHIP_HINT}` });
      else {
        relationship = parseRelationship(texts.relationship);
        if (!relationship) add({ field: 'relationship', message: `无法识别“${texts.relationship}”；${RELATIONSHIP_HINT}` });
      }
      householdAddress = texts.householdAddress || null;
      if (householdAddress && householdAddress.length > 200) add({ field: 'householdAddress', message: '家庭地址过长（最多 200 个字符）' });
    }

    const parsedId = value ? null : parseIdNumber(idText);
    const staged: StagedRow = {
      rowNo: row.number,
      idNumber: value?.idNumber ?? (parsedId?.ok && !idLostDigits ? parsedId.value.idNumber : null),
      name: value?.name ?? null,
      namePinyin: value?.namePinyin ?? null,
      nameInitials: value?.nameInitials ?? null,
      sex: value?.sex ?? null,
      birthDate: value?.birthDate ?? null,
      phone: value?.phone ?? null,
      address: value?.address ?? null,
      regionCode: value?.regionCode ?? null,
      ok: problems.length === 0 && value !== null,
      householdKey,
      relationship,
      householdAddress,
    };
    return { staged, problems };
  }
}
