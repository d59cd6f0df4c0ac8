/** 诉求分析: the dashboard's figures (GET /api/appeals/dashboard) and the categories to filter by. */
import type { AppealCategory } from '@contracts/appeals';
import type { AppealDashboard, AppealDashboardCount, AppealDashboardOpenItem, AppealDashboardQuery } from '@contracts/appeals-dashboard';
import { api } from '@/lib/api';

export type { AppealDashboard, AppealDashboardCount, AppealDashboardOpenItem, AppealDashboardQuery };

export const loadAppealDashboard = (query: AppealDashboardQuery, signal?: AbortSignal) =>
  api.get<AppealDashboard>('/api/appeals/dashboard', { ...query }, signal);

export const loadAppealCategories = (signal?: AbortSignal) => api.get<AppealCategory[]>('/api/appeal-categories', undefined, signal);
