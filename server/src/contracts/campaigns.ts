/**
 * Census campaigns' API contract (摸排, "再梳理、再摸排"), shared by the server and the web app:
 * a campaign over a region and a target group written in the policy engine's rule language,
 * its households assigned to grid workers, and coverage by status: not yet visited, or the
 * outcome of the latest census visit (the visit log's own VISIT_OUTCOMES). Pure types and constants.
 */
import { VISIT_OUTCOMES } from './visits.js';

export const CAMPAIGN_STATUSES = { open: '进行中', closed: '已结束' } as const;
export type CampaignStatus = keyof typeof CAMPAIGN_STATUSES;

/** A household's coverage: not yet visited, or the outcome of its latest census visit. */
export const CENSUS_STATUSES = { pending: '待走访', ...VISIT_OUTCOMES } as const;
export type CensusStatus = keyof typeof CENSUS_STATUSES;

export const CAMPAIGN_LIMITS = { name: 100, description: 500 } as const;

/**
 * Target groups the seed documents name (重点群体), as rules to start from. Each is a CEL rule
 * over `household` (and `person`, its head) exactly as policy eligibility is written.
 */
export const TARGET_TEMPLATES = [
  { key: 'hardship_worker', label: '困难职工家庭', rule: 'household.hardshipWorker != ""' },
  { key: 'high_age', label: '高龄老人（80 周岁及以上）', rule: 'household.members.exists(m, m.age >= 80)' },
  { key: 'elderly_alone', label: '独居老人', rule: 'household.members.exists(m, m.elderlyAlone)' },
  { key: 'disabled', label: '残疾人家庭', rule: 'household.members.exists(m, has(m.disability))' },
  {
    key: 'children_in_hardship', label: '困境儿童',
    rule: 'household.members.exists(m, m.age < 18)\n&& (household.assistanceStatus != "" || household.specialFamily != "" || household.members.exists(m, has(m.illness) || has(m.disability)))',
  },
] as const;

export interface CampaignInput {
  name: string;
  regionCode: string;
  /** The target group: a CEL rule over the household subject. */
  rule: string;
  /** The target group in plain words, for the workers. */
  description: string | null;
  startsOn: string;
  endsOn: string;
}

/** A rule problem with where it is: the source offset, line and column (1-based). */
export interface TargetRuleProblem {
  offset: number;
  line: number;
  column: number;
  message: string;
}

/** What a rule would select now: in the region, within the asker's data scope. */
export interface CampaignPreview {
  problems: TargetRuleProblem[];
  /** Households the rule selects (null when the rule does not check). */
  count: number | null;
  /** Households the rule could not decide (a field it reads is missing): not selected. */
  undecidable: number | null;
  /** Households in the region that were considered. */
  considered: number | null;
}

export type StatusCounts = Record<CensusStatus, number> & { total: number };

export interface Campaign {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  rule: string;
  description: string | null;
  ownerOrgId: number;
  ownerOrgName: string;
  startsOn: string;
  endsOn: string;
  status: CampaignStatus;
  targetCount: number;
  createdByName: string;
  createdAt: string;
  closedAt: string | null;
  /** Households of the campaign the reader may see, by status. */
  counts: StatusCounts;
  unassigned: number;
}

/** Coverage of one area (a child region of the one asked about) or one worker. */
export interface ProgressRow {
  /** The child region's code; null for households registered at the area itself (本级). */
  code: string | null;
  name: string;
  counts: StatusCounts;
}

export interface WorkerProgressRow {
  userId: number | null;
  name: string;
  counts: StatusCounts;
}

export interface CampaignProgress {
  area: { code: string; name: string; level: number };
  /** The way back up: the campaign's region down to `area`. */
  path: Array<{ code: string; name: string }>;
  totals: StatusCounts;
  areas: ProgressRow[];
  workers: WorkerProgressRow[];
}

export interface CampaignHousehold {
  campaignId: number;
  householdId: number;
  headName: string | null;
  address: string | null;
  regionCode: string;
  regionName: string | null;
  status: CensusStatus;
  assignedUserId: number | null;
  assignedUserName: string | null;
  lastVisitId: number | null;
  lastVisitedOn: string | null;
  updatedAt: string;
}

export interface CampaignHouseholdPage {
  items: CampaignHousehold[];
  total: number;
}

/** A household on a grid worker's list (我的摸排任务), with the campaign it belongs to. */
export interface CensusTask extends CampaignHousehold {
  campaignName: string;
  campaignEndsOn: string;
  targetDescription: string | null;
  memberCount: number;
}

/** Someone households can be assigned to: an active user who records visits. */
export interface CampaignWorker {
  id: number;
  name: string;
  orgName: string;
  regionCode: string | null;
  regionName: string | null;
}

export interface AssignInput {
  householdIds: number[];
  /** null takes the households off whoever had them. */
  userId: number | null;
}

/** Filters of a campaign's household list. */
export interface CampaignHouseholdQuery {
  status?: CensusStatus;
  /** 0: nobody's yet. */
  assignedUserId?: number;
  area?: string;
  page?: number;
  pageSize?: number;
}
