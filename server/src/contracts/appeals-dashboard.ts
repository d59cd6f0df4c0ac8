/**
 * 诉求分析: the appeals dashboard's figures for a period of Beijing days, shared by the server and
 * the web app. Every figure counts only appeals inside the reader's data scope (and the region and
 * category asked for). What each figure counts is said once here; the server's
 * `dashboard.service.ts` computes exactly this.
 */
import type { AppealStatus } from './appeals.js';

export interface AppealDashboardQuery {
  /** First Beijing day of the period, 'YYYY-MM-DD' (from 00:00 Asia/Shanghai). */
  from: string;
  /** Last Beijing day of the period, inclusive (to 24:00 Asia/Shanghai). */
  to: string;
  /** The area: appeals located in this region or below it; the breakdown is by its child regions. */
  regionCode?: string;
  categoryCode?: string;
}

/** The appeals received in the period (created_at within it), by where they stand now. */
export interface AppealDashboardTotals {
  received: number;
  /** Still being handled: received (awaiting dispatch), dispatched, accepted, in progress, returned, reply awaiting approval. */
  open: number;
  /** Open, with a running clock whose due time is already past (now). */
  overdue: number;
  /** Replied and waiting for the satisfaction call. */
  replied: number;
  /** Closed after the satisfaction call (satisfied, or not reachable). */
  closed: number;
  /** Merged into another appeal (answered with it). */
  merged: number;
}

export interface AppealDashboardCount {
  code: string;
  name: string;
  count: number;
}

export interface AppealDashboardDay {
  /** Beijing day, 'YYYY-MM-DD'; every day of the period is present, with 0 when none came in. */
  day: string;
  received: number;
}

/**
 * 按时答复: the appeals whose reply was approved in the period (replied_at within it) and still
 * stands (status replied or closed; a reopened appeal counts again when its new reply comes),
 * merged duplicates left out. Late: the time limit ran out before the unit drafted the reply,
 * which is what the system records as 超时督办 on that clock (escalated_at ≥ clock_started_at).
 */
export interface AppealDashboardOnTime {
  replied: number;
  onTime: number;
  late: number;
  /** onTime / replied, 0–1; null when nothing was replied. */
  rate: number | null;
}

/**
 * 满意度: the latest satisfaction call of each appeal received in the period (satisfied or not
 * reachable closes it; unsatisfied reopens it). Rate: satisfied / (satisfied + unsatisfied) —
 * a call nobody answered says nothing either way.
 */
export interface AppealDashboardSatisfaction {
  satisfied: number;
  unsatisfied: number;
  unreachable: number;
  rate: number | null;
}

/** An open appeal in the oldest-first list (whenever it came in — not limited to the period). */
export interface AppealDashboardOpenItem {
  id: number;
  number: string;
  status: AppealStatus;
  categoryName: string;
  /** The responsible unit; null while it waits for dispatch. */
  unitName: string | null;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
}

export interface AppealDashboard {
  /** When the figures were computed (they may be reused for a short while: HUIMIN_DASHBOARD_CACHE_SECONDS). */
  asOf: string;
  from: string;
  to: string;
  /** The area broken down (the region asked for, or the single top-level region); null: the top-level regions. */
  region: { code: string; name: string } | null;
  categoryCode: string | null;
  totals: AppealDashboardTotals;
  /** Open now, whenever received (the backlog the oldest-open list comes from). */
  backlog: { open: number; overdue: number };
  /** Appeals received in the period by category, most first (categories with none left out). */
  byCategory: AppealDashboardCount[];
  /** Appeals received in the period by the child regions one level below the area, in code order (all children, 0 included). */
  byRegion: AppealDashboardCount[];
  /** Received in the period but placed at the area itself, not in any child region (e.g. "银川市" only). */
  regionUnplaced: number;
  byDay: AppealDashboardDay[];
  onTime: AppealDashboardOnTime;
  satisfaction: AppealDashboardSatisfaction;
  /** The 10 oldest open appeals, oldest first. */
  oldestOpen: AppealDashboardOpenItem[];
}
