/** The working calendar API as the web app uses it. */
import type { CalendarDay } from '@contracts/calendar';
import { api } from '@/lib/api';
import './i18n-en';

export type { CalendarDay };

export const getCalendarYear = (year: number, signal?: AbortSignal) => api.get<CalendarDay[]>('/api/calendar', { year }, signal);
export const setCalendarDay = (day: string, body: { workday: boolean; name: string }) => api.put<CalendarDay[]>(`/api/calendar/days/${day}`, body);
export const clearCalendarDay = (day: string) => api.delete<CalendarDay[]>(`/api/calendar/days/${day}`);
export const previewDue = (body: { start: string; amount: number; unit: 'workdays' | 'hours' }) => api.post<{ start: string; dueAt: string }>('/api/calendar/due', body);
