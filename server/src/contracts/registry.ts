/**
 * The registry's API contract, shared by the server and the web app: the words (relationships,
 * fact kinds and their values, in Chinese) and the shapes the API returns. Pure types and
 * constants, no imports, so the web app can use it as it is.
 */

export const RELATIONSHIP_LABELS = {
  head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandparent: '祖父母/外祖父母',
  grandchild: '孙子女/外孙子女', sibling: '兄弟姐妹', child_in_law: '儿媳/女婿', other: '其他',
} as const;
export type Relationship = keyof typeof RELATIONSHIP_LABELS;

export type FactKind =
  | 'assistance_status' | 'disability' | 'illness' | 'employment' | 'school_stage'
  | 'elderly_alone' | 'incapacitated' | 'special_family' | 'deceased' | 'income' | 'hardship_worker';

export const ASSISTANCE_STATUSES = { dibao: '低保', tekun: '特困', dibao_edge: '低保边缘' } as const;
export const SCHOOL_STAGES = {
  preschool: '学前', primary: '小学', junior_high: '初中', senior_high: '高中', vocational: '中职', college: '大学（含大专）', postgraduate: '研究生',
} as const;
export const SPECIAL_FAMILY_KINDS = { single_parent: '单亲', widowed: '丧偶', orphan: '孤儿', bereaved_only_child: '失独', other: '其他' } as const;
/** 工会困难职工建档类别 */
export const HARDSHIP_WORKER_CATEGORIES = { deep: '深度困难职工', relative: '相对困难职工', accident: '意外致困职工' } as const;
export const INCAPACITY_LEVELS = { partial: '部分失能', full: '完全失能' } as const;
export const ILLNESS_SEVERITIES = { serious: '重病', chronic: '慢病' } as const;
export const DISABILITY_CATEGORY_LABELS = { 1: '视力', 2: '听力', 3: '言语', 4: '肢体', 5: '智力', 6: '精神', 7: '多重' } as const;
export const DISABILITY_GRADE_LABELS = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' } as const;

/** A household as lists and the household page show it (head's ID number masked). */
export interface HouseholdSummary {
  id: number;
  headPersonId: number | null;
  headName: string | null;
  headIdNumber: string | null;
  address: string | null;
  regionCode: string;
  regionName: string | null;
  orgId: number;
  orgName: string;
  memberCount: number;
  assistanceStatus: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A person as stored; never sent as it is (see PersonView). */
export interface PersonRecord {
  id: number;
  idNumber: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  phone: string | null;
  address: string | null;
  regionCode: string;
  regionName: string | null;
  orgId: number;
  householdId: number | null;
  relationship: Relationship | null;
  createdAt: string;
  updatedAt: string;
}

/** A person as the API returns them: ID number and phone masked. */
export type PersonView = Omit<PersonRecord, 'idNumber' | 'phone'> & { idNumber: string | null; phone: string | null; masked: true; age: number };

/** A dated fact as stored. */
export interface FactRecord {
  id: number;
  personId: number | null;
  householdId: number | null;
  kind: FactKind;
  value: Record<string, unknown>;
  source: string;
  validFrom: string;
  validTo: string | null;
  recordedBy: number | null;
  recordedByName: string | null;
  recordedAt: string;
  current: boolean;
}

/** A fact as the API returns it: health and disability values masked unless revealed. */
export interface FactView extends Omit<FactRecord, 'value'> {
  value: Record<string, unknown> | null;
  label: string;
  masked: boolean;
}
