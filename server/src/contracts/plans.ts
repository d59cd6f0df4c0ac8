/**
 * Household plans' API contract (一户一策), shared by the server and the web app: the yearly
 * assessment of a household's hardship, plans and their measures, the partner inbox. Pure types and constants.
 */
import type { AttachmentView } from './files.js';

export type { AttachmentView };

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

/**
 * Measure types. `pays`: the measure can carry money, paid through the benefits module as an
 * application (one-off grant or enrollment), never a second ledger. `workdays`: the fast
 * channel's deadline limit, counted in working days (holidays and make-up days observed).
 */
export const MEASURE_TYPES = {
  cash_grant: { label: '困难补助', pays: true },
  medical_aid: { label: '医疗救助', pays: true },
  rehabilitation: { label: '康复服务', pays: false },
  education_aid: { label: '助学金', pays: true },
  school_place: { label: '就近入学', pays: false },
  work_study: { label: '勤工助学', pays: false },
  job_keeping: { label: '稳岗或续签公益性岗位', pays: false },
  insurance: { label: '参保或理赔', pays: false },
  goods: { label: '物资帮扶', pays: false },
  psychological_care: { label: '心理关爱', pays: false },
  referral: { label: '转介服务', pays: false },
  serious_illness: { label: '大病罕见病快速通道', pays: false },
} as const satisfies Record<string, { label: string; pays: boolean }>;
export type MeasureType = keyof typeof MEASURE_TYPES;

/** The fast channel for serious and rare illness: the hospital must act within this many working days. */
export const FAST_CHANNEL_WORKDAYS = 3;

export const MEASURE_STATUSES = { planned: '待办', in_progress: '办理中', done: '已完成', blocked: '受阻', cancelled: '已取消' } as const;
export type MeasureStatus = keyof typeof MEASURE_STATUSES;
export const OPEN_MEASURE_STATUSES: MeasureStatus[] = ['planned', 'in_progress', 'blocked'];

export const REFERRAL_STATES = { pending: '待接收', accepted: '已接收', declined: '已退回' } as const;
export type ReferralState = keyof typeof REFERRAL_STATES;

export const MEASURE_EVENT_KINDS = {
  created: '创建', referred: '转介', accepted: '接收', declined: '退回', progress: '进展', status: '状态变更',
  reassigned: '改派', deadline: '调整期限', evidence: '上传佐证', cancelled: '取消', meeting: '联席会议',
} as const;
export type MeasureEventKind = keyof typeof MEASURE_EVENT_KINDS;

export interface MeasureFunding {
  source: string;
  amountFen: number;
}

/** Money a measure pays: through this policy (a one-off grant), split across funders to the fen. */
export interface MeasurePaymentInput {
  policyCode: string;
  amountFen: number;
  funding: MeasureFunding[];
  startedOn?: string | null;
}

export interface MeasureInput {
  type: MeasureType;
  title: string;
  detail: string | null;
  personId: number | null;
  responsibleOrgId: number;
  responsiblePerson: string | null;
  ccOrgIds?: number[];
  deadline: string;
  payment?: MeasurePaymentInput | null;
  /** Instead of a new application: an existing enrollment of the household this measure follows. */
  enrollmentId?: number | null;
}

export interface PlanInput {
  goal: string | null;
  leadUserId: number | null;
}

export interface MeasureEvent {
  id: number;
  kind: MeasureEventKind;
  fromStatus: MeasureStatus | null;
  toStatus: MeasureStatus | null;
  note: string | null;
  orgName: string | null;
  actorName: string;
  at: string;
}

export interface Measure {
  id: number;
  planId: number;
  householdId: number;
  personId: number | null;
  personName: string | null;
  type: MeasureType;
  title: string;
  detail: string | null;
  responsibleOrgId: number;
  responsibleOrgName: string;
  responsiblePerson: string | null;
  ccOrgIds: number[];
  ccOrgNames: string[];
  deadline: string;
  amountFen: number | null;
  funding: MeasureFunding[] | null;
  enrollmentId: number | null;
  enrollmentStatus: string | null;
  status: MeasureStatus;
  referral: ReferralState | null;
  statusNote: string | null;
  origin: 'plan' | 'meeting' | 'visit';
  overdue: boolean;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

export interface MeasureDetail extends Measure {
  events: MeasureEvent[];
  attachments: AttachmentView[];
  /** What the current user may do with it. */
  can: { edit: boolean; handle: boolean; answerReferral: boolean };
}

/** A measure in the cross-household list: with the household it serves. */
export interface MeasureListItem extends Measure {
  headName: string;
  regionName: string | null;
  planYear: number;
  ownerOrgName: string;
}

export interface MeasureCounts {
  total: number;
  open: number;
  done: number;
  overdue: number;
  blocked: number;
}

export interface Plan {
  id: number;
  householdId: number;
  year: number;
  ownerOrgId: number;
  ownerOrgName: string;
  leadUserId: number | null;
  leadUserName: string | null;
  goal: string | null;
  status: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  measures: Measure[];
  counts: MeasureCounts;
}

/**
 * A referred measure as the partner unit sees it: only what acting on it needs — who (name,
 * sex, age), where (community), whom to call at the lead body — no ID number, no other
 * measures, no assessment, no health facts beyond what the measure itself says.
 */
export interface InboxItem {
  id: number;
  type: MeasureType;
  title: string;
  detail: string | null;
  deadline: string;
  status: MeasureStatus;
  referral: ReferralState | null;
  statusNote: string | null;
  overdue: boolean;
  /** This unit is only kept informed (抄送), another unit carries the measure. */
  copiedOnly: boolean;
  responsibleOrgName: string;
  ownerOrgName: string;
  leadUserName: string | null;
  leadUserPhone: string | null;
  person: { name: string; sex: 'M' | 'F' | null; age: number | null; phone: string | null };
  regionName: string | null;
  createdAt: string;
}
