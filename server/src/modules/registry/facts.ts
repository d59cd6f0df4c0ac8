/**
 * The kinds of dated facts that decide assistance, what each value holds, and whether a
 * subject can have several at once. Validation returns field problems in Chinese.
 */
import type { FieldProblem } from '../../kernel/errors.js';
import {
  ASSISTANCE_STATUSES, DISABILITY_CATEGORY_LABELS, HARDSHIP_WORKER_CATEGORIES, DISABILITY_GRADE_LABELS, ILLNESS_SEVERITIES, INCAPACITY_LEVELS,
  SCHOOL_STAGES, SPECIAL_FAMILY_KINDS, type FactKind,
} from '../../contracts/registry.js';
import { parseDisabilityCertificate } from '../../kernel/validation/disability.js';

export type { FactKind } from '../../contracts/registry.js';

export interface FactKindSpec {
  kind: FactKind;
  zh: string;
  en: string;
  subject: 'person' | 'household';
  /** Several at once (two illnesses); otherwise a new one ends the open one. */
  multiple: boolean;
  /** Health or disability data: masked unless revealed with health:reveal. */
  sensitive: boolean;
}

export const FACT_KINDS: Record<FactKind, FactKindSpec> = {
  assistance_status: { kind: 'assistance_status', zh: '救助身份（低保/特困/低保边缘）', en: 'Assistance status', subject: 'household', multiple: false, sensitive: false },
  disability: { kind: 'disability', zh: '残疾', en: 'Disability', subject: 'person', multiple: false, sensitive: true },
  illness: { kind: 'illness', zh: '重病/慢病', en: 'Serious or chronic illness', subject: 'person', multiple: true, sensitive: true },
  employment: { kind: 'employment', zh: '就业', en: 'Employment', subject: 'person', multiple: false, sensitive: false },
  school_stage: { kind: 'school_stage', zh: '在学阶段', en: 'School stage', subject: 'person', multiple: false, sensitive: false },
  elderly_alone: { kind: 'elderly_alone', zh: '独居老人', en: 'Elderly living alone', subject: 'person', multiple: false, sensitive: false },
  incapacitated: { kind: 'incapacitated', zh: '失能', en: 'Incapacitated', subject: 'person', multiple: false, sensitive: true },
  special_family: { kind: 'special_family', zh: '特殊家庭', en: 'Special family', subject: 'household', multiple: true, sensitive: false },
  deceased: { kind: 'deceased', zh: '死亡（生效日期为死亡日期）', en: 'Deceased (valid from the date of death)', subject: 'person', multiple: false, sensitive: false },
  income: { kind: 'income', zh: '家庭月收入', en: 'Household monthly income', subject: 'household', multiple: false, sensitive: false },
  hardship_worker: { kind: 'hardship_worker', zh: '困难职工建档', en: 'Registered hardship-worker household', subject: 'household', multiple: false, sensitive: false },
};

/** Largest monthly income accepted, in fen (one hundred million yuan): keeps rule arithmetic inside 64 bits. */
export const MAX_MONTHLY_INCOME_FEN = 1e12;


type Value = Record<string, unknown>;

function oneOf(value: Value, key: string, options: Record<string, string>, problems: FieldProblem[]): void {
  if (!(typeof value[key] === 'string' && (value[key] as string) in options)) {
    problems.push({ field: `value.${key}`, message: `取值应为：${Object.entries(options).map(([k, v]) => `${k}（${v}）`).join('、')}` });
  }
}

function text(value: Value, key: string, label: string, problems: FieldProblem[], required = true): void {
  const v = value[key];
  if (v === undefined || v === null || v === '') {
    if (required) problems.push({ field: `value.${key}`, message: `${label}必填` });
  } else if (typeof v !== 'string' || v.length > 100) {
    problems.push({ field: `value.${key}`, message: `${label}应为不超过 100 字的文本` });
  }
}

/** Checks a fact's value; `idNumber` is the subject person's, for the disability certificate. */
export function validateFactValue(kind: FactKind, value: Value, idNumber: string | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  switch (kind) {
    case 'assistance_status':
      oneOf(value, 'status', ASSISTANCE_STATUSES, problems);
      break;
    case 'disability': {
      const category = Number(value.category);
      const grade = Number(value.grade);
      if (!Number.isInteger(category) || category < 1 || category > 7) problems.push({ field: 'value.category', message: '残疾类别应为 1-7' });
      if (!Number.isInteger(grade) || grade < 1 || grade > 4) problems.push({ field: 'value.grade', message: '残疾等级应为 1-4' });
      if (problems.length === 0) {
        const cert = parseDisabilityCertificate(String(value.certificateNo ?? ''), { idNumber: idNumber ?? undefined, category, grade });
        if (!cert.ok) problems.push({ field: 'value.certificateNo', message: CERTIFICATE_PROBLEMS[cert.reason] });
      }
      break;
    }
    case 'illness':
      oneOf(value, 'severity', ILLNESS_SEVERITIES, problems);
      text(value, 'name', '疾病名称', problems);
      break;
    case 'employment':
      text(value, 'employer', '工作单位', problems, false);
      if (value.publicWelfarePost !== undefined && typeof value.publicWelfarePost !== 'boolean') {
        problems.push({ field: 'value.publicWelfarePost', message: '是否公益性岗位应为是/否' });
      }
      if (value.publicWelfarePost === true && !/^\d{4}-\d{2}-\d{2}$/.test(String(value.postEndDate ?? ''))) {
        problems.push({ field: 'value.postEndDate', message: '公益性岗位须填写到期日期（YYYY-MM-DD）' });
      }
      break;
    case 'school_stage':
      oneOf(value, 'stage', SCHOOL_STAGES, problems);
      break;
    case 'incapacitated':
      oneOf(value, 'level', INCAPACITY_LEVELS, problems);
      break;
    case 'special_family':
      oneOf(value, 'kind', SPECIAL_FAMILY_KINDS, problems);
      break;
    case 'hardship_worker':
      oneOf(value, 'category', HARDSHIP_WORKER_CATEGORIES, problems);
      break;
    case 'elderly_alone':
    case 'deceased':
      break;
    case 'income': {
      const fen = value.monthlyFen;
      if (typeof fen !== 'number' || !Number.isInteger(fen) || fen < 0 || fen > MAX_MONTHLY_INCOME_FEN) {
        problems.push({ field: 'value.monthlyFen', message: '家庭月收入应为不小于 0 的整数（单位：分）' });
      }
      break;
    }
  }
  return problems;
}

const CERTIFICATE_PROBLEMS: Record<string, string> = {
  length: '残疾证号应为 20 位（身份证号 + 类别 + 等级）',
  id_number: '残疾证号中的身份证号无效',
  category: '残疾证号第 19 位（类别）应为 1-7',
  grade: '残疾证号第 20 位（等级）应为 1-4',
  mismatch_id: '残疾证号与本人身份证号不符',
  mismatch_category: '残疾证号中的类别与所填类别不符',
  mismatch_grade: '残疾证号中的等级与所填等级不符',
};

/** A short Chinese label for a fact, e.g. "低保", "肢体二级残疾", "公益性岗位（2026-03-31 到期）". */
export function describeFact(kind: FactKind, value: Value): string {
  switch (kind) {
    case 'assistance_status':
      return ASSISTANCE_STATUSES[value.status as keyof typeof ASSISTANCE_STATUSES] ?? String(value.status);
    case 'disability': {
      const category = DISABILITY_CATEGORY_LABELS[Number(value.category) as keyof typeof DISABILITY_CATEGORY_LABELS] ?? '';
      const grade = DISABILITY_GRADE_LABELS[Number(value.grade) as keyof typeof DISABILITY_GRADE_LABELS] ?? '';
      return `${category}${grade}残疾`;
    }
    case 'illness':
      return `${ILLNESS_SEVERITIES[value.severity as keyof typeof ILLNESS_SEVERITIES] ?? ''}：${value.name}`;
    case 'employment':
      return value.publicWelfarePost ? `公益性岗位（${value.postEndDate} 到期）` : `就业：${value.employer ?? '未填单位'}`;
    case 'school_stage':
      return SCHOOL_STAGES[value.stage as keyof typeof SCHOOL_STAGES] ?? String(value.stage);
    case 'elderly_alone':
      return '独居老人';
    case 'incapacitated':
      return INCAPACITY_LEVELS[value.level as keyof typeof INCAPACITY_LEVELS] ?? '失能';
    case 'special_family':
      return SPECIAL_FAMILY_KINDS[value.kind as keyof typeof SPECIAL_FAMILY_KINDS] ?? String(value.kind);
    case 'deceased':
      return '已故';
    case 'hardship_worker':
      return HARDSHIP_WORKER_CATEGORIES[value.category as keyof typeof HARDSHIP_WORKER_CATEGORIES] ?? '困难职工';
    case 'income':
      return `家庭月收入 ${(Number(value.monthlyFen) / 100).toFixed(2)} 元`;
  }
}
