/** The benefits API as the web app uses it: applications and their steps, enrollments, payees' bank accounts. */
import { api } from '@/lib/api';
import type { ApplicationInput, BankAccount, Enrollment, EnrollmentDetail, EnrollmentStatus } from '@contracts/benefits';
import './i18n-en';

export type * from '@contracts/benefits';

export interface EnrollmentFilter {
  householdId?: number;
  status?: EnrollmentStatus[];
  policyCode?: string;
  awaiting?: 'review' | 'approval';
}

export interface EnrollmentPage {
  items: Enrollment[];
  total: number;
}

/** 初审 (review) or 审批 (approve): each a step of its own, by a different person. */
export type Step = 'review' | 'approve';
/** What can happen to an enrollment once it is paid: each from a date, with a reason. */
export type Change = 'stop' | 'suspend' | 'resume' | 'recompute';

export const listEnrollments = (filter: EnrollmentFilter, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<EnrollmentPage>('/api/enrollments', { ...filter, status: filter.status?.join(','), page, pageSize }, signal);
export const getEnrollment = (id: number, signal?: AbortSignal) => api.get<EnrollmentDetail>(`/api/enrollments/${id}`, undefined, signal);
export const householdEnrollments = (householdId: number, signal?: AbortSignal) =>
  api.get<Enrollment[]>(`/api/households/${householdId}/enrollments`, undefined, signal);

export const applyForBenefit = (body: ApplicationInput) => api.post<EnrollmentDetail>('/api/enrollments', body);
export const decideStep = (id: number, step: Step, approve: boolean, reason: string | null) =>
  api.post<EnrollmentDetail>(`/api/enrollments/${id}/${step}`, { approve, reason });
export const changeEnrollment = (id: number, change: Change, date: string, reason: string, candidateId?: number) =>
  api.post<EnrollmentDetail>(`/api/enrollments/${id}/${change}`, change === 'stop' ? { endedOn: date, reason, candidateId } : { from: date, reason, candidateId });

/** The open enrollment of a subject in a policy (to stop or recompute it from a candidate list). */
export async function findActiveEnrollment(householdId: number, policyCode: string, personId: number | null): Promise<Enrollment | null> {
  const { items } = await listEnrollments({ householdId, policyCode, status: ['active', 'suspended'] }, 1, 50);
  return items.find((e) => e.personId === personId) ?? null;
}

export const setApprovalLevels = (policyCode: string, levels: 1 | 2) =>
  api.put<{ policyCode: string; approvalLevels: 1 | 2 }>(`/api/policies/${encodeURIComponent(policyCode)}/approval-levels`, { levels });

export const getBankAccount = (personId: number, reveal = false, signal?: AbortSignal) =>
  api.get<BankAccount | null>(`/api/persons/${personId}/bank-account`, reveal ? { reveal: true } : undefined, signal);
export const setBankAccount = (personId: number, body: { bankName: string; accountNumber: string; accountName: string }) =>
  api.put<BankAccount>(`/api/persons/${personId}/bank-account`, body);
