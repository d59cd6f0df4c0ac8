/**
 * Open311 API clients (外部系统接入) as the web app uses them: list, create — the answer carries
 * the plaintext key, the only time it is ever sent — and deactivate.
 */
import type { CreatedOpen311Client, Open311Client, Open311ClientInput } from '@contracts/open311-clients';
import { api } from '@/lib/api';
import './i18n-en';

export type * from '@contracts/open311-clients';

export const listOpen311Clients = (signal?: AbortSignal) => api.get<Open311Client[]>('/api/open311/clients', undefined, signal);
export const createOpen311Client = (body: Open311ClientInput) => api.post<CreatedOpen311Client>('/api/open311/clients', body);
export const deactivateOpen311Client = (id: number) => api.post<Open311Client>(`/api/open311/clients/${id}/deactivate`);
