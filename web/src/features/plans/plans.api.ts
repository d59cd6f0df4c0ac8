/** The household plans API as the web app uses it: so far, yearly assessments. */
import { api } from '@/lib/api';
import type { Assessment, AssessmentInput } from '@contracts/plans';
import './i18n-en';

export type * from '@contracts/plans';
export { CAUSE_SEVERITIES, HARDSHIP_CAUSES, HOUSEHOLD_NEEDS } from '@contracts/plans';

export const listAssessments = (householdId: number, signal?: AbortSignal) => api.get<Assessment[]>(`/api/households/${householdId}/assessments`, undefined, signal);
export const saveAssessment = (householdId: number, year: number, body: AssessmentInput) => api.put<Assessment>(`/api/households/${householdId}/assessments/${year}`, body);
