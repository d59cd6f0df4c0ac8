/** The visit log API as the web app uses it: visits, their photos, the households to visit. */
import { api, upload } from '@/lib/api';
import type { Measure, MeasureInput } from '@contracts/plans';
import type { Visit, VisitHousehold, VisitInput, VisitPage, VisitPhoto } from '@contracts/visits';
import type { VisitDraft } from './visit-drafts';
import './i18n-en';

export type * from '@contracts/visits';
export { VISIT_LIMITS, VISIT_OUTCOMES, VISIT_PURPOSES } from '@contracts/visits';
export { HOUSEHOLD_NEEDS } from '@contracts/plans';

export const listMyVisits = (page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<VisitPage>('/api/visits', { mine: 1, page, pageSize }, signal);
export const listHouseholdVisits = (householdId: number, signal?: AbortSignal) =>
  api.get<Visit[]>(`/api/households/${householdId}/visits`, undefined, signal);
export const getVisit = (id: number, signal?: AbortSignal) => api.get<Visit>(`/api/visits/${id}`, undefined, signal);
export const findHouseholds = (q: string, signal?: AbortSignal) => api.get<VisitHousehold[]>('/api/visits/households', { q }, signal);
export const recordVisit = (input: VisitInput) => api.post<Visit>('/api/visits', input);
export const uploadPhoto = (visitId: number, file: File) => upload<VisitPhoto>(`/api/visits/${visitId}/photos`, file);
/** Turns the need at `index` into a measure of the household's plan for the visit's year. */
export const needToMeasure = (visitId: number, index: number, input: MeasureInput) =>
  api.post<{ visit: Visit; measure: Measure }>(`/api/visits/${visitId}/needs/${index}/measure`, input);
export const photoUrl = (visitId: number, photoId: number) => `/api/visits/${visitId}/photos/${photoId}`;

/** What the server is sent for a draft: its words as they are, empty notes as none. */
export function inputOf(draft: VisitDraft): VisitInput {
  return {
    householdId: draft.householdId!,
    visitedOn: draft.visitedOn,
    companions: draft.companions,
    purposes: draft.purposes,
    outcome: draft.outcome,
    findings: draft.findings.trim() || null,
    needs: draft.needs.map((n) => ({ need: n.need, note: n.note.trim() || null })),
    clientId: draft.clientId,
    campaignId: draft.campaignId ?? null,
    // Facts are checked only when the household was met; a visit changed to "nobody home" sends none.
    facts: draft.campaignId && draft.outcome === 'visited' ? (draft.facts ?? []) : [],
  };
}

export const householdLabel = (h: { headName: string | null; address: string | null }) =>
  [h.headName ? `${h.headName} 户` : null, h.address].filter(Boolean).join(' · ');

/** Sends photos one at a time (a phone's upload is slow); each refusal is kept with its reason, the rest still go. */
export async function uploadPhotos(visitId: number, files: File[]): Promise<Array<{ file: File; error: string }>> {
  const failed: Array<{ file: File; error: string }> = [];
  for (const file of files) {
    try {
      await uploadPhoto(visitId, file);
    } catch (error) {
      failed.push({ file, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return failed;
}
