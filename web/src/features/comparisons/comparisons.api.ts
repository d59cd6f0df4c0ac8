/** The comparison API (信息比对): upload a roll, run it with a column mapping, read runs and lists, decide, export. */
import { api, upload } from '@/lib/api';
import type {
  ColumnMapping, ComparisonItem, ComparisonRun, DecisionResult, ItemDecision, ItemKind, ItemStatus, RollKind,
} from '@contracts/comparisons';

export * from '@contracts/comparisons';

export const COMPARISON_RUN = 'comparison:run' as const;

export const uploadRoll = (kind: RollKind, file: File, onProgress: (percent: number) => void) =>
  upload<ComparisonRun>(`/api/comparisons?kind=${kind}`, file, onProgress);

export const listComparisons = (signal?: AbortSignal) => api.get<ComparisonRun[]>('/api/comparisons', undefined, signal);

export const getComparison = (id: number, signal?: AbortSignal) => api.get<ComparisonRun>(`/api/comparisons/${id}`, undefined, signal);

export interface RunOptions {
  mapping: ColumnMapping;
  regionCode?: string | null;
  policyCode?: string | null;
}

export const startComparison = (id: number, options: RunOptions) => api.post<ComparisonRun>(`/api/comparisons/${id}/run`, options);

export interface ItemQuery {
  kind?: ItemKind;
  status?: ItemStatus;
}

export const listItems = (id: number, query: ItemQuery, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<{ items: ComparisonItem[]; total: number }>(`/api/comparisons/${id}/items`, { ...query, page, pageSize }, signal);

export const decideItems = (id: number, itemIds: number[], decision: ItemDecision, reason?: string | null) =>
  api.post<DecisionResult & { items: ComparisonItem[] }>(`/api/comparisons/${id}/decisions`, { itemIds, decision, reason: reason ?? null });

export const exportPath = (id: number) => `/api/comparisons/${id}/items.xlsx`;
export const templatePath = (kind: RollKind) => `/api/comparisons/template/${kind}`;
