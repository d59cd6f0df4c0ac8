/** The joint meetings API as the web app uses it. */
import { api } from '@/lib/api';
import type { Agenda, DecisionInput, Meeting, MeetingDetail, MeetingInput } from '@contracts/meetings';
import './i18n-en';

export type * from '@contracts/meetings';
export { MEETING_DECISIONS, STUCK_REASONS } from '@contracts/meetings';

export const getAgenda = (signal?: AbortSignal) => api.get<Agenda>('/api/meetings/agenda', undefined, signal);
export const listMeetings = (signal?: AbortSignal) => api.get<Meeting[]>('/api/meetings', undefined, signal);
export const getMeeting = (id: number, signal?: AbortSignal) => api.get<MeetingDetail>(`/api/meetings/${id}`, undefined, signal);
export const callMeeting = (body: MeetingInput) => api.post<MeetingDetail>('/api/meetings', body);
export const decide = (meetingId: number, itemId: number, body: DecisionInput) => api.post<MeetingDetail>(`/api/meetings/${meetingId}/items/${itemId}/decision`, body);
export const closeMeeting = (id: number, minutes: string) => api.post<MeetingDetail>(`/api/meetings/${id}/close`, { minutes });
