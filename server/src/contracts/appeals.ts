/** Appeals' API contract (12345 诉求), shared by the server and the web app. Pure types and constants. */

export const APPEAL_CHANNELS = { hotline: '12345热线', web: '网上诉求', grid: '网格员上报', open311: 'Open311' } as const;
export type AppealChannel = keyof typeof APPEAL_CHANNELS;

export const APPEAL_STATUSES = {
  received: '已受理', dispatched: '已派单', accepted: '已签收', in_progress: '办理中', returned: '退单待仲裁',
  reply_drafted: '答复待审核', replied: '已答复', closed: '已办结', merged: '已并案',
} as const;
export type AppealStatus = keyof typeof APPEAL_STATUSES;

export const APPEAL_EVENT_KINDS = {
  received: '受理', dispatched: '派单', accepted: '签收', returned: '退单', arbitrated: '仲裁', transferred: '转办', progress: '办理进展',
  reply_drafted: '拟写答复', reply_rejected: '答复退回', replied: '答复审核通过', reopened: '重新办理', closed: '办结', merged: '并案', escalated: '超时督办',
} as const;
export type AppealEventKind = keyof typeof APPEAL_EVENT_KINDS;

export type LimitUnit = 'workdays' | 'hours';

export interface AppealCategory {
  code: string;
  name: string;
  description: string | null;
  active: boolean;
}

export interface DispatchRule {
  id: number;
  categoryCode: string;
  categoryName: string;
  regionCode: string;
  regionName: string;
  orgId: number;
  orgName: string;
  limitAmount: number;
  limitUnit: LimitUnit;
}

export interface DispatchRuleInput {
  categoryCode: string;
  regionCode: string;
  orgId: number;
  limitAmount: number;
  limitUnit: LimitUnit;
}

export interface AppealInput {
  categoryCode: string;
  description: string;
  address: string | null;
  regionCode: string;
  lat?: number | null;
  lng?: number | null;
  contactName: string | null;
  contactPhone: string | null;
}

export interface AppealEvent {
  id: number;
  kind: AppealEventKind;
  fromStatus: AppealStatus | null;
  toStatus: AppealStatus | null;
  note: string | null;
  orgName: string | null;
  actorName: string;
  at: string;
}

export interface Appeal {
  id: number;
  number: string;
  channel: AppealChannel;
  categoryCode: string;
  categoryName: string;
  description: string;
  address: string | null;
  regionCode: string;
  regionName: string | null;
  lat: number | null;
  lng: number | null;
  contactName: string | null;
  /** Masked except for the unit that handles the appeal. */
  contactPhone: string | null;
  status: AppealStatus;
  responsibleOrgId: number | null;
  responsibleOrgName: string | null;
  limitAmount: number | null;
  limitUnit: LimitUnit | null;
  clockStartedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  /** The reader works for the unit that handles it, or one above it: they may act on it and see the contact. */
  handles: boolean;
  /** While returned (退单): the unit's reason, for the arbiter. */
  lastReturn: AppealReturn | null;
}

export interface AppealReturn {
  note: string;
  orgName: string | null;
  actorName: string;
  at: string;
}

export const SATISFACTION = { satisfied: '满意', unsatisfied: '不满意', unreachable: '未接通' } as const;
export type Satisfaction = keyof typeof SATISFACTION;

/** Another appeal that may be the same matter: same category nearby in a short window, or the same caller. */
export interface PossibleDuplicate {
  id: number;
  number: string;
  status: AppealStatus;
  categoryName: string;
  description: string;
  address: string | null;
  createdAt: string;
  reason: 'same_place' | 'same_caller';
}

export interface AppealDetail extends Appeal {
  mergedInto: number | null;
  /** For intake and dispatch: appeals that may be the same matter (empty for others). */
  duplicates: PossibleDuplicate[];
  replyText: string | null;
  repliedByName: string | null;
  publicQuestion: string | null;
  publicAnswer: string | null;
  published: boolean;
  repliedAt: string | null;
  satisfaction: Satisfaction | null;
  satisfactionNote: string | null;
  events: AppealEvent[];
}
