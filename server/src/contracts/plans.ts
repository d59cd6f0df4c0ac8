/**
 * Household plans' API contract (一户一策), shared by the server and the web app: the yearly
 * assessment of a household's hardship. Pure types and constants, no imports.
 */

export const HARDSHIP_CAUSES = {
  illness_disability: '大病或残疾',
  single_parent_widowed: '单亲或丧偶',
  education_burden: '子女教育负担重',
  work_injury: '工伤',
  housing: '住房困难',
  unemployment: '失业',
  accident: '意外事故',
  other: '其他',
} as const;
export type HardshipCause = keyof typeof HARDSHIP_CAUSES;

export const CAUSE_SEVERITIES = { mild: '一般', moderate: '较重', severe: '严重' } as const;
export type CauseSeverity = keyof typeof CAUSE_SEVERITIES;

export const HOUSEHOLD_NEEDS = {
  living: '基本生活', medical: '医疗', rehabilitation: '康复', education: '教育', employment: '就业', housing: '住房',
  care: '照护', psychological: '心理疏导', legal: '法律援助', other: '其他',
} as const;
export type HouseholdNeed = keyof typeof HOUSEHOLD_NEEDS;

export interface AssessedCause {
  cause: HardshipCause;
  severity: CauseSeverity;
  note?: string | null;
}

export interface AssessmentInput {
  causes: AssessedCause[];
  needs: HouseholdNeed[];
  summary: string | null;
  assessedOn: string;
}

export interface Assessment extends AssessmentInput {
  id: number;
  householdId: number;
  year: number;
  assessedByName: string;
  createdAt: string;
  updatedAt: string;
}

/** Households assessed in a year, by cause (a household with two causes counts under both). */
export interface CauseCount {
  cause: HardshipCause;
  label: string;
  households: number;
}
