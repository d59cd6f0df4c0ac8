/** The appeals (12345 诉求) API as the web app uses it: categories, the dispatch catalogue, intake, lists and the handling steps. */
import { api } from '@/lib/api';
import type {
  Appeal, AppealCategory, AppealDetail, AppealInput, AppealStatus, DispatchRule, DispatchRuleInput, LimitUnit, Satisfaction,
} from '@contracts/appeals';
import './i18n-en';

export type * from '@contracts/appeals';
export { APPEAL_CHANNELS, APPEAL_EVENT_KINDS, APPEAL_STATUSES, SATISFACTION } from '@contracts/appeals';

/** The statuses in which an appeal is still being worked on (the server's 'open'). */
export const OPEN_STATUSES: AppealStatus[] = ['dispatched', 'accepted', 'in_progress', 'returned', 'reply_drafted'];

export const LIMIT_UNITS: Record<LimitUnit, string> = { workdays: '个工作日', hours: '小时' };

export const listCategories = (signal?: AbortSignal) => api.get<AppealCategory[]>('/api/appeal-categories', undefined, signal);
export const listRules = (signal?: AbortSignal) => api.get<DispatchRule[]>('/api/dispatch-rules', undefined, signal);
export const saveRule = (body: DispatchRuleInput) => api.put<DispatchRule[]>('/api/dispatch-rules', body);
export const removeRule = (id: number) => api.delete<DispatchRule[]>(`/api/dispatch-rules/${id}`);

export interface AppealQuery {
  status?: AppealStatus | 'open';
  categoryCode?: string;
  responsibleOrgId?: number;
  overdue?: boolean;
  handledByMe?: boolean;
  sort?: 'newest' | 'due';
  q?: string;
  page?: number;
  pageSize?: number;
}
export interface AppealPage {
  items: Appeal[];
  total: number;
}
export const listAppeals = (query: AppealQuery, signal?: AbortSignal) => api.get<AppealPage>('/api/appeals', { ...query }, signal);
export const getAppeal = (id: number, signal?: AbortSignal) => api.get<AppealDetail>(`/api/appeals/${id}`, undefined, signal);

/**
 * 受理: the Idempotency-Key is made once per form fill, so a double submit or a retry after a
 * lost answer returns the appeal already stored instead of making a second one.
 */
export const takeIn = (body: AppealInput & { channel: 'hotline' | 'grid' }, idempotencyKey: string) =>
  api.post<AppealDetail>('/api/appeals', body, { headers: { 'Idempotency-Key': idempotencyKey } });


export const dispatchAppeal = (id: number, body: { orgId: number; limit?: { amount: number; unit: LimitUnit }; note: string | null }) =>
  api.post<AppealDetail>(`/api/appeals/${id}/dispatch`, body);
export const acceptAppeal = (id: number) => api.post<AppealDetail>(`/api/appeals/${id}/accept`);
export const returnAppeal = (id: number, note: string) => api.post<AppealDetail>(`/api/appeals/${id}/return`, { note });
export const arbitrateReturn = (id: number, body: { upheld: boolean; orgId?: number | null; note: string }) => api.post<AppealDetail>(`/api/appeals/${id}/arbitrate`, body);
export const transferAppeal = (id: number, body: { orgId: number; note: string }) => api.post<AppealDetail>(`/api/appeals/${id}/transfer`, body);
export const reportAppealProgress = (id: number, note: string) => api.post<AppealDetail>(`/api/appeals/${id}/progress`, { note });
export const draftReply = (id: number, reply: string) => api.post<AppealDetail>(`/api/appeals/${id}/reply`, { reply });
export const approveReply = (id: number, body: { publish: boolean; publicQuestion: string | null; publicAnswer: string | null }) =>
  api.post<AppealDetail>(`/api/appeals/${id}/reply/approve`, body);
export const rejectReply = (id: number, note: string) => api.post<AppealDetail>(`/api/appeals/${id}/reply/reject`, { note });
export const recordSatisfaction = (id: number, body: { value: Satisfaction; note: string | null }) => api.post<AppealDetail>(`/api/appeals/${id}/satisfaction`, body);
export const mergeAppeal = (id: number, body: { intoId: number; note: string | null }) => api.post<AppealDetail>(`/api/appeals/${id}/merge`, body);
