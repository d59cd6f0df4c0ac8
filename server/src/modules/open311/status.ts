/**
 * How an appeal's state reads in Open311.
 *
 * Requests are `open` or `closed` as the spec wants, with our own state beside them as
 * `detailed_status`. Closed = replied, closed or merged: once the 12345 centre has approved the
 * unit's answer the request is resolved in the spec's sense; if the citizen is not satisfied it
 * is reopened and reads `open` again (an update says so). A merged appeal is closed because
 * another appeal carries the matter (mySociety's "duplicate").
 *
 * Updates use mySociety's richer status words, which FixMyStreet maps onto its own states
 * (`investigating`, `in_progress`, `internal_referral`, `duplicate`, `closed`, `open`), and carry
 * the event's kind as `external_status_code`. Their text is fixed per kind (plus the public
 * answer once published): handling notes, return reasons and the reply to the citizen are
 * internal or personal and never leave.
 */
import { APPEAL_STATUSES, type AppealEventKind, type AppealStatus } from '../../contracts/appeals.js';

export const CLOSED_STATUSES: readonly AppealStatus[] = ['replied', 'closed', 'merged'];

export type SpecStatus = 'open' | 'closed';

export function specStatus(status: AppealStatus): SpecStatus {
  return CLOSED_STATUSES.includes(status) ? 'closed' : 'open';
}

/** What a reader is told about where the appeal stands (the public answer once there is one). */
export function statusNotes(a: { status: AppealStatus; orgName: string | null; published: boolean; publicAnswer: string | null }): string {
  if (a.published && a.publicAnswer) return a.publicAnswer;
  const unit = a.orgName ?? '承办单位';
  switch (a.status) {
    case 'received': return '已受理，等待派单';
    case 'dispatched': return `已派至${unit}办理`;
    case 'accepted': return `${unit}已签收`;
    case 'in_progress':
    case 'reply_drafted': return `${unit}正在办理`;
    case 'returned': return '正在重新确定承办单位';
    case 'replied': return '已答复诉求人';
    case 'closed': return '已办结';
    case 'merged': return '与反映同一事项的诉求合并办理';
  }
}

export function detailedStatusName(status: AppealStatus): string {
  return APPEAL_STATUSES[status];
}

export type UpdateStatus = 'open' | 'closed' | 'investigating' | 'in_progress' | 'internal_referral' | 'duplicate';

interface UpdateKind {
  status: UpdateStatus;
  text: (e: { orgName: string | null; published: boolean; publicAnswer: string | null }) => string;
}

/** The events an outside system may follow; the rest (drafts, rejections, returns, 督办) are internal. */
export const UPDATE_KINDS: Partial<Record<AppealEventKind, UpdateKind>> = {
  dispatched: { status: 'open', text: (e) => `已派至${e.orgName ?? '承办单位'}办理` },
  accepted: { status: 'investigating', text: () => '承办单位已签收' },
  progress: { status: 'in_progress', text: () => '承办单位正在办理' },
  transferred: { status: 'internal_referral', text: (e) => `已转至${e.orgName ?? '其他单位'}办理` },
  arbitrated: { status: 'open', text: (e) => `由${e.orgName ?? '承办单位'}办理` },
  replied: { status: 'closed', text: (e) => (e.published && e.publicAnswer ? e.publicAnswer : '已答复诉求人') },
  reopened: { status: 'open', text: () => '诉求人对答复不满意，重新办理' },
  closed: { status: 'closed', text: () => '已办结' },
  merged: { status: 'duplicate', text: () => '与反映同一事项的诉求合并办理' },
};

export const UPDATE_EVENT_KINDS = Object.keys(UPDATE_KINDS) as AppealEventKind[];

/** Told to the submitter at once: where it went and by when, or that a dispatcher will place it. */
export function serviceNotice(receipt: { status: AppealStatus; responsibleOrgName: string | null }, due: string | null): string {
  if (receipt.status === 'dispatched' && receipt.responsibleOrgName) {
    return `已派至${receipt.responsibleOrgName}办理${due ? `，办理时限至 ${due}` : ''}`;
  }
  return '已受理，等待派单';
}
