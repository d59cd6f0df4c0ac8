/**
 * The visit log's API contract (网格日志), shared by the server and the web app: a grid worker's
 * door-to-door visit to a household, which may serve several tasks at once. Pure types and
 * constants (the needs found use the same words as assessments: HOUSEHOLD_NEEDS).
 */
import type { AttachmentView } from './files.js';

export const VISIT_PURPOSES = {
  routine: '日常走访',
  census: '摸排核查',
  needs_check: '需求了解',
  policy_publicity: '政策宣传',
  measure_followup: '措施跟进',
  appeal_followup: '诉求回访',
  care: '关爱慰问',
  safety: '安全检查',
} as const;
export type VisitPurpose = keyof typeof VISIT_PURPOSES;

/** Whether the household was met; census campaigns count their coverage by the same words. */
export const VISIT_OUTCOMES = {
  visited: '已入户',
  not_at_home: '家中无人',
  moved: '已搬离',
  not_found: '查无此户',
} as const;
export type VisitOutcome = keyof typeof VISIT_OUTCOMES;

export const VISIT_LIMITS = { companions: 10, companionName: 20, findings: 2000, needNote: 200, photos: 9, facts: 20 } as const;

/** A need found on the visit (a HOUSEHOLD_NEEDS key); it may later become a measure of the household's plan. */
export interface VisitNeedInput {
  need: string;
  note?: string | null;
}

export interface VisitNeed {
  need: string;
  note: string | null;
  /** The measure this need became, once a caseworker has made one. */
  measureId: number | null;
}

/**
 * Facts a census visit may confirm or correct (摸排 results update the registry through the
 * normal fact history). Each names the member it is about; `value: null` says it no longer
 * holds (no longer living alone, no longer employed, no longer incapacitated).
 */
export const CENSUS_FACT_KINDS = {
  elderly_alone: '独居老人',
  employment: '就业',
  disability: '残疾（持证）',
  incapacitated: '失能',
} as const;
export type CensusFactKind = keyof typeof CENSUS_FACT_KINDS;

export interface CensusFactInput {
  personId: number;
  kind: CensusFactKind;
  value: Record<string, unknown> | null;
}

/** What a census visit did with one fact: it already held (confirmed), a new value was recorded, or the open one was ended. */
export interface CensusFactCheck {
  personId: number;
  kind: CensusFactKind;
  action: 'confirmed' | 'recorded' | 'ended';
  factId: number | null;
}

export interface VisitInput {
  householdId: number;
  visitedOn: string;
  /** People who came along besides the one recording (a caseworker, a volunteer …). */
  companions: string[];
  purposes: string[];
  outcome: string;
  findings: string | null;
  needs: VisitNeedInput[];
  /** Made by the device when the visit is first written down: a draft sent twice is stored once. */
  clientId?: string | null;
  /** A census visit: the campaign it belongs to (its outcome becomes the household's coverage status). */
  campaignId?: number | null;
  /** A census visit that met the household: facts confirmed or corrected on the spot. */
  facts?: CensusFactInput[];
}

/** A photo of a visit: a stored file like a measure's evidence. */
export type VisitPhoto = AttachmentView;

export interface Visit {
  id: number;
  householdId: number;
  headName: string | null;
  address: string | null;
  /** Where the household lives (its region, down to the grid): where an appeal raised on the visit happened. */
  regionCode: string | null;
  visitedOn: string;
  recordedByName: string;
  companions: string[];
  purposes: VisitPurpose[];
  outcome: VisitOutcome;
  findings: string | null;
  needs: VisitNeed[];
  campaignId: number | null;
  clientId: string | null;
  createdAt: string;
  photos: VisitPhoto[];
  /** Only in the answer to recording a census visit: what became of each fact it checked. */
  factChecks?: CensusFactCheck[];
}

export interface VisitPage {
  items: Visit[];
  total: number;
}

/** A household as the visit form offers it: who, where, and when it was last visited. */
export interface VisitHousehold {
  id: number;
  headName: string | null;
  address: string | null;
  regionName: string | null;
  memberCount: number;
  lastVisitedOn: string | null;
}
