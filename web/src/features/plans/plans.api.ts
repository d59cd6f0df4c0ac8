/** The household plans API as the web app uses it: assessments, plans, measures, the partner inbox. */
import { api, upload } from '@/lib/api';
import type {
  Assessment, AssessmentInput, AttachmentView, InboxItem, MeasureDetail, MeasureInput, MeasureListItem, MeasureStatus, MeasureType, Plan, PlanInput,
} from '@contracts/plans';
import type { Organisation } from '@/lib/organisations';
import './i18n-en';

export type * from '@contracts/plans';
export {
  CAUSE_SEVERITIES, FAST_CHANNEL_WORKDAYS, HARDSHIP_CAUSES, HOUSEHOLD_NEEDS, MEASURE_EVENT_KINDS, MEASURE_STATUSES, MEASURE_TYPES, OPEN_MEASURE_STATUSES, REFERRAL_STATES,
} from '@contracts/plans';

export const listAssessments = (householdId: number, signal?: AbortSignal) => api.get<Assessment[]>(`/api/households/${householdId}/assessments`, undefined, signal);
export const saveAssessment = (householdId: number, year: number, body: AssessmentInput) => api.put<Assessment>(`/api/households/${householdId}/assessments/${year}`, body);

export const listPlans = (householdId: number, signal?: AbortSignal) => api.get<Plan[]>(`/api/households/${householdId}/plans`, undefined, signal);
export const savePlan = (householdId: number, year: number, body: PlanInput) => api.put<Plan>(`/api/households/${householdId}/plans/${year}`, body);
export const addMeasure = (planId: number, body: MeasureInput) => api.post<MeasureListItem>(`/api/plans/${planId}/measures`, body);
/** Where a plan of this owner may send measures: its own subtree and its partners'. */
export const reachOf = (ownerOrgId: number, signal?: AbortSignal) => api.get<Organisation[]>(`/api/organisations/${ownerOrgId}/reach`, undefined, signal);

export interface MeasureQuery {
  responsibleOrgId?: number;
  status?: MeasureStatus | 'open';
  type?: MeasureType;
  overdue?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}
export const listMeasures = (query: MeasureQuery, signal?: AbortSignal) =>
  api.get<{ items: MeasureListItem[]; total: number }>('/api/measures', { ...query }, signal);
export const getMeasure = (id: number, signal?: AbortSignal) => api.get<MeasureDetail>(`/api/measures/${id}`, undefined, signal);

export type InboxState = 'todo' | 'active' | 'closed' | 'all';
export interface InboxPage {
  items: InboxItem[];
  total: number;
  counts: Record<InboxState, number>;
}
export type InboxDetail = InboxItem & Pick<MeasureDetail, 'events' | 'attachments' | 'can'>;
export const listInbox = (query: { state: InboxState; overdue?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal) =>
  api.get<InboxPage>('/api/inbox/measures', { ...query }, signal);
export const getInboxMeasure = (id: number, signal?: AbortSignal) => api.get<InboxDetail>(`/api/inbox/measures/${id}`, undefined, signal);

export const acceptReferral = (id: number, body: { note: string | null; responsiblePerson: string | null }) => api.post<MeasureDetail>(`/api/measures/${id}/accept`, body);
export const declineReferral = (id: number, note: string) => api.post<MeasureDetail>(`/api/measures/${id}/decline`, { note });
export const reportProgress = (id: number, body: { note: string; status?: 'in_progress' | 'blocked' | 'done' }) => api.post<MeasureDetail>(`/api/measures/${id}/progress`, body);
export const reassignMeasure = (id: number, body: { responsibleOrgId: number; responsiblePerson: string | null; deadline: string | null; note: string }) =>
  api.post<MeasureDetail>(`/api/measures/${id}/reassign`, body);
export const changeDeadline = (id: number, body: { deadline: string; note: string }) => api.post<MeasureDetail>(`/api/measures/${id}/deadline`, body);
export const cancelMeasure = (id: number, note: string) => api.post<MeasureDetail>(`/api/measures/${id}/cancel`, { note });
export const uploadEvidence = (id: number, file: File, note: string | null, onProgress?: (percent: number) => void) =>
  upload<MeasureDetail>(`/api/measures/${id}/attachments`, file, onProgress, note ? { note } : {});
export const attachmentUrl = (measureId: number, attachment: Pick<AttachmentView, 'id'>) => `/api/measures/${measureId}/attachments/${attachment.id}`;
