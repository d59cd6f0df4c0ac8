/**
 * The columns of an import file: our field names, the Chinese headers users type and their
 * common aliases, and the relationship words of a household file. Headers are matched
 * after normalising width, spaces, required-marks and case, so 「身份证号码*」, 「 公民身份号码 」
 * and "ID_Number" all find the idNumber column.
 */
import type { ImportKind } from '../../../contracts/imports.js';
import type { Relationship } from '../households.service.js';

export type { ImportKind } from '../../../contracts/imports.js';
export const IMPORT_KINDS: readonly ImportKind[] = ['persons', 'households'];

export type ImportField =
  | 'name' | 'idNumber' | 'sex' | 'birthDate' | 'phone' | 'address' | 'regionCode'
  | 'householdKey' | 'relationship' | 'householdAddress';

export interface ColumnSpec {
  field: ImportField;
  /** The header as our template writes it. */
  header: string;
  required: boolean;
  aliases: string[];
  /** One line for the template's 说明 sheet. */
  help: string;
}

const PERSON_COLUMNS: ColumnSpec[] = [
  { field: 'name', header: '姓名', required: true, aliases: ['名字', '人员姓名', '成员姓名', 'name'], help: '必填，最多 40 个字符' },
  {
    field: 'idNumber', header: '身份证号', required: true,
    aliases: ['身份证号码', '公民身份号码', '公民身份证号', '身份证', '证件号码', '证件号', 'idnumber', 'idno', 'idcard'],
    help: '必填，18 位居民身份证号；请把该列设为“文本”格式，以免 Excel 把它变成科学计数法',
  },
  { field: 'sex', header: '性别', required: false, aliases: ['sex', 'gender'], help: '选填，男/女；填写时须与身份证号一致' },
  { field: 'birthDate', header: '出生日期', required: false, aliases: ['出生年月日', '生日', 'birthdate', 'birthday'], help: '选填，如 1985-06-15；填写时须与身份证号一致' },
  {
    field: 'phone', header: '联系电话', required: false,
    aliases: ['电话', '手机', '手机号', '手机号码', '电话号码', '联系方式', '联系电话号码', 'phone', 'mobile', 'tel'],
    help: '选填，11 位手机号或“区号-号码”形式的固定电话',
  },
  { field: 'address', header: '地址', required: false, aliases: ['住址', '居住地址', '现住址', '现居住地址', '联系地址', 'address'], help: '选填，最多 200 个字符' },
  {
    field: 'regionCode', header: '区划代码', required: true,
    aliases: ['行政区划', '行政区划代码', '区划', '所属区划', '所属区划代码', '社区代码', 'regioncode', 'region'],
    help: '必填，所属社区（村）或网格的统计用区划代码，如 640104001002；见“区划代码”工作表',
  },
];

const HOUSEHOLD_COLUMNS: ColumnSpec[] = [
  { field: 'householdKey', header: '户编号', required: true, aliases: ['户号', '家庭编号', '户序号', 'householdkey', 'household'], help: '必填，同一户的成员填写相同的编号（仅用于本文件内分组，如 1、2、3）' },
  { field: 'relationship', header: '与户主关系', required: true, aliases: ['关系', '家庭关系', '与户主的关系', '家庭成员关系', 'relationship'], help: '必填，见下方关系词；每户须有且只有一名“户主”' },
  ...PERSON_COLUMNS,
  { field: 'householdAddress', header: '家庭地址', required: false, aliases: ['家庭住址', '户地址', 'householdaddress'], help: '选填，只读取户主所在行；不填时用户主的地址' },
];

export function columnsOf(kind: ImportKind): ColumnSpec[] {
  return kind === 'persons' ? PERSON_COLUMNS : HOUSEHOLD_COLUMNS;
}

export const FIELD_LABELS: Record<ImportField, string> = Object.fromEntries(
  HOUSEHOLD_COLUMNS.map((c) => [c.field, c.header]),
) as Record<ImportField, string>;

/** Folds width (ＩＤ→id), drops spaces, required-marks (*, （必填）) and punctuation, lowercases. */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[(（\[【](必填|选填|可选|必须|必需|非必填)[)）\]】]/g, '')
    .replace(/[\s*:：_\-.·]/g, '')
    .toLowerCase();
}

export interface HeaderMapping {
  /** Field → 0-based column index in the user's file. */
  columns: Partial<Record<ImportField, number>>;
  missing: ColumnSpec[];
  warnings: string[];
  /** Number of columns in the header row (the annotated workbook appends after it). */
  width: number;
}

export function mapHeader(kind: ImportKind, headerCells: string[]): HeaderMapping {
  const specs = columnsOf(kind);
  const lookup = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const name of [spec.header, ...spec.aliases]) lookup.set(normalizeHeader(name), spec);
  const columns: Partial<Record<ImportField, number>> = {};
  const ignored: string[] = [];
  const warnings: string[] = [];
  headerCells.forEach((cell, index) => {
    const text = cell.trim();
    if (!text) return;
    const spec = lookup.get(normalizeHeader(text));
    if (!spec) {
      ignored.push(`${columnLetter(index)}「${text}」`);
    } else if (columns[spec.field] !== undefined) {
      warnings.push(`${columnLetter(index)} 列「${text}」与 ${columnLetter(columns[spec.field]!)} 列重复，已忽略`);
    } else {
      columns[spec.field] = index;
    }
  });
  if (ignored.length > 0) warnings.unshift(`已忽略无法识别的列：${ignored.join('、')}`);
  const missing = specs.filter((s) => s.required && columns[s.field] === undefined);
  return { columns, missing, warnings, width: headerCells.length };
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The word our files use for each relationship (template lists, exports). */
export const RELATIONSHIP_WORDS: Record<Relationship, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandparent: '祖父母',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  child_in_law: '儿媳女婿',
  other: '其他',
};

const RELATIONSHIP_SYNONYMS: Record<string, Relationship> = {
  本人: 'head', 户主本人: 'head',
  妻: 'spouse', 妻子: 'spouse', 夫: 'spouse', 丈夫: 'spouse', 老伴: 'spouse',
  子: 'child', 女: 'child', 儿子: 'child', 女儿: 'child', 长子: 'child', 次子: 'child', 长女: 'child', 次女: 'child', 养子: 'child', 养女: 'child', 继子: 'child', 继女: 'child',
  父: 'parent', 母: 'parent', 父亲: 'parent', 母亲: 'parent', 公公: 'parent', 婆婆: 'parent', 岳父: 'parent', 岳母: 'parent',
  祖父: 'grandparent', 祖母: 'grandparent', 外祖父: 'grandparent', 外祖母: 'grandparent', 爷爷: 'grandparent', 奶奶: 'grandparent', 姥爷: 'grandparent', 姥姥: 'grandparent',
  孙子: 'grandchild', 孙女: 'grandchild', 外孙: 'grandchild', 外孙子: 'grandchild', 外孙女: 'grandchild',
  兄: 'sibling', 弟: 'sibling', 姐: 'sibling', 妹: 'sibling', 哥哥: 'sibling', 弟弟: 'sibling', 姐姐: 'sibling', 妹妹: 'sibling', 兄弟: 'sibling', 姐妹: 'sibling',
  儿媳: 'child_in_law', 女婿: 'child_in_law', 媳妇: 'child_in_law',
};

const RELATIONSHIP_LOOKUP = new Map<string, Relationship>([
  ...Object.entries(RELATIONSHIP_WORDS).map(([code, word]) => [word, code as Relationship] as const),
  ...Object.keys(RELATIONSHIP_WORDS).map((code) => [code, code as Relationship] as const),
  ...Object.entries(RELATIONSHIP_SYNONYMS),
]);

export function parseRelationship(raw: string): Relationship | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return RELATIONSHIP_LOOKUP.get(text) ?? null;
}

export const RELATIONSHIP_HINT = `与户主关系应为：${Object.values(RELATIONSHIP_WORDS).join('、')}`;
