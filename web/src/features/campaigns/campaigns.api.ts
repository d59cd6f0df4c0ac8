/** The census campaigns API as the web app uses it: preview and create, progress, households and assignment, a worker's tasks. */
import { api } from '@/lib/api';
import type {
  AssignInput, Campaign, CampaignHouseholdPage, CampaignInput, CampaignPreview, CampaignProgress, CampaignStatus, CampaignHouseholdQuery, CampaignWorker, CensusTask,
} from '@contracts/campaigns';
import './i18n-en';

export type * from '@contracts/campaigns';
export { CAMPAIGN_LIMITS, CAMPAIGN_STATUSES, CENSUS_STATUSES, TARGET_TEMPLATES } from '@contracts/campaigns';

export const previewCampaign = (body: { regionCode: string; rule: string }) => api.post<CampaignPreview>('/api/campaigns/preview', body);
export const createCampaign = (body: CampaignInput) => api.post<Campaign>('/api/campaigns', body);
export const listCampaigns = (status: CampaignStatus | undefined, signal?: AbortSignal) => api.get<Campaign[]>('/api/campaigns', { status }, signal);
export const getCampaign = (id: number, signal?: AbortSignal) => api.get<Campaign>(`/api/campaigns/${id}`, undefined, signal);
export const getProgress = (id: number, area: string | undefined, signal?: AbortSignal) => api.get<CampaignProgress>(`/api/campaigns/${id}/progress`, { area }, signal);

export type HouseholdQuery = CampaignHouseholdQuery;
export const listCampaignHouseholds = (id: number, query: HouseholdQuery, signal?: AbortSignal) =>
  api.get<CampaignHouseholdPage>(`/api/campaigns/${id}/households`, { ...query }, signal);
export const listWorkers = (id: number, signal?: AbortSignal) => api.get<CampaignWorker[]>(`/api/campaigns/${id}/workers`, undefined, signal);
export const assignHouseholds = (id: number, body: AssignInput) => api.post<{ assigned: number }>(`/api/campaigns/${id}/assign`, body);
export const closeCampaign = (id: number) => api.post<Campaign>(`/api/campaigns/${id}/close`);
export const listCensusTasks = (signal?: AbortSignal) => api.get<CensusTask[]>('/api/census-tasks', undefined, signal);
