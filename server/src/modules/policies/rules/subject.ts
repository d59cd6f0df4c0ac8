/**
 * The subject a policy rule sees, documented once: every field's CEL type, the SQL column
 * that holds it in the run's subject tables, its largest plausible magnitude (so the checker
 * can refuse arithmetic that could overflow 64 bits), and a description for the editor.
 *
 * Scalars always have a value (proto3 style: '' / 0 / false when unknown, `has()` tells).
 * Objects (disability, illness, employment, income) are absent when the fact is missing;
 * reading a field of an absent object is an error — in memory CEL's "no such key", in SQL
 * a NULL — and a rule meets it as a clearly reported per-subject error.
 */

export type CelType =
  | { kind: 'bool' | 'int' | 'string' }
  | { kind: 'list'; element: CelType }
  | { kind: 'object'; name: ObjectName };

export type ObjectName = 'Person' | 'Household' | 'Disability' | 'Illness' | 'Employment' | 'Income' | 'Students';

export const BOOL: CelType = { kind: 'bool' };
export const INT: CelType = { kind: 'int' };
export const STRING: CelType = { kind: 'string' };
const object = (name: ObjectName): CelType => ({ kind: 'object', name });

export interface FieldSpec {
  type: CelType;
  /** Column in the subject table; for an object, the column that is NULL when it is absent. */
  column: string;
  /** Objects only: absent when the fact is missing. */
  optional?: boolean;
  /** Ints: the largest absolute value the data can hold. */
  bound?: number;
  zh: string;
  en: string;
}

const MAX_FEN = 1e12;

/** Person fields; `members` elements are Persons too. Columns are on the person subject table. */
export const SUBJECT_SCHEMA: Record<ObjectName, Record<string, FieldSpec>> = {
  Person: {
    id: { type: INT, column: 'person_id', bound: 1e15, zh: '人员编号', en: 'person id' },
    name: { type: STRING, column: 'name', zh: '姓名', en: 'name' },
    sex: { type: STRING, column: 'sex', zh: "性别：'M' 男、'F' 女", en: "sex: 'M' or 'F'" },
    age: { type: INT, column: 'age', bound: 200, zh: '周岁（按评估日计算）', en: 'age in whole years at the evaluation date' },
    relationship: { type: STRING, column: 'relationship', zh: "与户主关系：'head' 'spouse' 'child' 'parent' …", en: 'relationship to the head' },
    isHead: { type: BOOL, column: 'is_head', zh: '是否户主', en: 'is the head of household' },
    schoolStage: { type: STRING, column: 'school_stage', zh: "在学阶段：'primary' 'junior_high' 'senior_high' 'vocational' 'college' …，不在学为 ''", en: "school stage, '' when not in school" },
    elderlyAlone: { type: BOOL, column: 'elderly_alone', zh: '是否独居老人', en: 'elderly living alone' },
    incapacitated: { type: STRING, column: 'incapacitated', zh: "失能程度：'partial' 'full'，无为 ''", en: "incapacity: 'partial', 'full' or ''" },
    employed: { type: BOOL, column: 'employed', zh: '是否在职（有就业信息）', en: 'has an employment fact' },
    disability: { type: object('Disability'), column: 'disability_grade', optional: true, zh: '残疾（无残疾信息时不存在，用 has() 判断）', en: 'disability (absent when none)' },
    illness: { type: object('Illness'), column: 'illness_severity', optional: true, zh: '重病/慢病（取最重的一项）', en: 'most severe illness (absent when none)' },
    employment: { type: object('Employment'), column: 'employment_employer', optional: true, zh: '就业信息', en: 'employment (absent when none)' },
  },
  Disability: {
    category: { type: INT, column: 'disability_category', bound: 7, zh: '残疾类别 1-7', en: 'category 1–7' },
    grade: { type: INT, column: 'disability_grade', bound: 4, zh: '残疾等级 1-4（1 最重）', en: 'grade 1–4 (1 most severe)' },
  },
  Illness: {
    severity: { type: STRING, column: 'illness_severity', zh: "'serious' 重病、'chronic' 慢病", en: "'serious' or 'chronic'" },
    name: { type: STRING, column: 'illness_name', zh: '疾病名称', en: 'illness name' },
  },
  Employment: {
    employer: { type: STRING, column: 'employment_employer', zh: '工作单位', en: 'employer' },
    publicWelfarePost: { type: BOOL, column: 'public_welfare_post', zh: '是否公益性岗位', en: 'public-welfare post' },
    postEndsInDays: { type: INT, column: 'post_ends_in_days', bound: 1e5, zh: '公益性岗位距到期天数（非公益岗为 0）', en: 'days until the public-welfare post ends (0 if none)' },
  },
  Household: {
    id: { type: INT, column: 'household_id', bound: 1e15, zh: '家庭编号', en: 'household id' },
    regionCode: { type: STRING, column: 'region_code', zh: '行政区划代码（如 640104 兴庆区）', en: 'region code' },
    size: { type: INT, column: 'size', bound: 100, zh: '家庭人口（在世成员数）', en: 'living members' },
    assistanceStatus: { type: STRING, column: 'assistance_status', zh: "救助身份：'dibao' 低保、'tekun' 特困、'dibao_edge' 低保边缘，无为 ''", en: "assistance status or ''" },
    hardshipWorker: { type: STRING, column: 'hardship_worker', zh: "工会困难职工建档：'deep' 深度困难、'relative' 相对困难、'accident' 意外致困，未建档为 ''", en: "registered hardship-worker category or ''" },
    specialFamily: { type: STRING, column: 'special_family', zh: "特殊家庭：'single_parent' 'widowed' 'orphan' 'bereaved_only_child' …，无为 ''", en: "special-family kind or ''" },
    members: { type: { kind: 'list', element: object('Person') }, column: '', zh: '家庭成员（在世）', en: 'living members' },
    students: { type: object('Students'), column: '', zh: '各在学阶段人数', en: 'number of members by school stage' },
    income: { type: object('Income'), column: 'income_monthly_fen', optional: true, zh: '家庭收入（有收入信息时）', en: 'income (absent when not recorded)' },
  },
  Students: {
    preschool: { type: INT, column: 'students_preschool', bound: 100, zh: '学前人数', en: 'preschool' },
    primary: { type: INT, column: 'students_primary', bound: 100, zh: '小学人数', en: 'primary' },
    juniorHigh: { type: INT, column: 'students_junior_high', bound: 100, zh: '初中人数', en: 'junior high' },
    compulsory: { type: INT, column: 'students_compulsory', bound: 100, zh: '义务教育阶段（小学+初中）人数', en: 'compulsory education (primary + junior high)' },
    seniorHigh: { type: INT, column: 'students_senior_high', bound: 100, zh: '高中人数', en: 'senior high' },
    vocational: { type: INT, column: 'students_vocational', bound: 100, zh: '中职人数', en: 'vocational' },
    college: { type: INT, column: 'students_college', bound: 100, zh: '大学（含大专）人数', en: 'college' },
    postgraduate: { type: INT, column: 'students_postgraduate', bound: 100, zh: '研究生人数', en: 'postgraduate' },
  },
  Income: {
    monthlyFen: { type: INT, column: 'income_monthly_fen', bound: MAX_FEN, zh: '家庭月收入（分）', en: 'monthly income in fen' },
    perCapitaFen: { type: INT, column: 'income_per_capita_fen', bound: MAX_FEN, zh: '人均月收入（分）', en: 'monthly income per capita in fen' },
  },
};

export const ROOT_VARIABLES = {
  person: object('Person'),
  household: object('Household'),
} as const;

export function typeName(type: CelType): string {
  if (type.kind === 'list') return `list<${typeName(type.element)}>`;
  if (type.kind === 'object') return type.name;
  return type.kind;
}

export function sameType(a: CelType, b: CelType): boolean {
  return typeName(a) === typeName(b);
}

export const MAX_LITERAL = MAX_FEN;
