/** Joint meetings' API contract (联席会议), shared by the server and the web app. */
import type { MeasureInput, MeasureListItem, MeasureStatus, ReferralState } from './plans.js';

export const STUCK_REASONS = { overdue: '逾期', blocked: '受阻', declined: '被退回' } as const;
export type StuckReason = keyof typeof STUCK_REASONS;

export const MEETING_DECISIONS = { reassign: '改派', deadline: '延期', cancel: '取消', new_measure: '新增措施', note: '仅记录' } as const;
export type MeetingDecision = keyof typeof MEETING_DECISIONS;

export interface AgendaItem extends MeasureListItem {
  reason: StuckReason;
}

export interface Agenda {
  items: AgendaItem[];
  /** Stuck measures by responsible unit, for the chart. */
  byOrg: Array<{ orgName: string; overdue: number; blocked: number; declined: number }>;
}

export interface MeetingInput {
  title: string;
  heldOn: string;
  attendeeOrgIds: number[];
}

export interface MeetingItem {
  id: number;
  measureId: number;
  householdId: number;
  reason: StuckReason;
  decision: MeetingDecision | null;
  decisionNote: string | null;
  newMeasureId: number | null;
  decidedAt: string | null;
  /** The measure as it stands now. */
  title: string;
  headName: string;
  responsibleOrgName: string;
  deadline: string;
  status: MeasureStatus;
  referral: ReferralState | null;
  statusNote: string | null;
}

export interface Meeting {
  id: number;
  title: string;
  heldOn: string;
  convenerOrgId: number;
  convenerOrgName: string;
  attendeeOrgIds: number[];
  attendeeOrgNames: string[];
  status: 'open' | 'closed';
  minutes: string | null;
  createdByName: string;
  createdAt: string;
  closedAt: string | null;
  itemCount: number;
  decidedCount: number;
}

export interface MeetingDetail extends Meeting {
  items: MeetingItem[];
}

export interface DecisionInput {
  decision: MeetingDecision;
  note: string;
  responsibleOrgId?: number | null;
  deadline?: string | null;
  measure?: MeasureInput | null;
}
