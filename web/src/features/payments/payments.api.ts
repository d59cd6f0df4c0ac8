/** The payments API as the web app uses it: payment runs and their lines, bank files and returns, funding and budgets, the ledger. */
import { api, upload, type Query } from '@/lib/api';
import type {
  BankReturnReport, BudgetUse, BuildProgress, FundingSource, FundingSourceKind, LedgerCheck, LedgerReport, PaymentLine, PaymentLineKind, PaymentLineStatus, PaymentRun, PaymentRunResult,
} from '@contracts/benefits';
import './i18n-en';

export type * from '@contracts/benefits';

export interface LineFilter {
  kind?: PaymentLineKind;
  status?: PaymentLineStatus;
  reviewPending?: boolean;
  policyCode?: string;
  regionCode?: string;
  period?: string;
  householdId?: number;
  /** The ledger month of the line's run (a monthly run's period, else the month the run was made). */
  month?: string;
}

export interface LinePage {
  items: PaymentLine[];
  total: number;
}

export type LedgerLevel = LedgerReport['level'];

export const listRuns = (signal?: AbortSignal) => api.get<PaymentRun[]>('/api/payment-runs', undefined, signal);
export const getRun = (id: number, signal?: AbortSignal) => api.get<PaymentRun>(`/api/payment-runs/${id}`, undefined, signal);
export const createRun = (body: { period: string; policyCodes?: string[]; note?: string | null }) =>
  api.post<PaymentRunResult & { run: PaymentRun }>('/api/payment-runs', body);

/** Lines of one run, or of the whole ledger when runId is null. */
export const listLines = (runId: number | null, filter: LineFilter, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<LinePage>(runId ? `/api/payment-runs/${runId}/lines` : '/api/payment-lines', { ...(filter as Query), page, pageSize }, signal);

export const reviewLines = (runId: number, lineIds: number[], accept: boolean, reason: string | null) =>
  api.post<PaymentRun>(`/api/payment-runs/${runId}/review`, { lineIds, accept, reason });
export const approveRun = (runId: number, acknowledgeOverspend = false) => api.post<PaymentRun>(`/api/payment-runs/${runId}/approve`, { acknowledgeOverspend });
export const rejectRun = (runId: number, reason: string) => api.post<PaymentRun>(`/api/payment-runs/${runId}/reject`, { reason });
export const releaseRun = (runId: number) => api.post<PaymentRun>(`/api/payment-runs/${runId}/release`);
export const reissueFailed = (runId: number) => api.post<PaymentRun>(`/api/payment-runs/${runId}/reissue`);
export const bankFilePath = (runId: number) => `/api/payment-runs/${runId}/bank-file`;
export const importBankReturn = (runId: number, file: File, onProgress?: (percent: number) => void) =>
  upload<BankReturnReport>(`/api/payment-runs/${runId}/bank-return`, file, onProgress);
export const buildsInProgress = () => api.get<BuildProgress[]>('/api/payment-runs/building');
export const ledgerCheck = (signal?: AbortSignal) => api.get<LedgerCheck[]>('/api/ledger/check', undefined, signal);

export const listFundingSources = (signal?: AbortSignal) => api.get<FundingSource[]>('/api/funding-sources', undefined, signal);
export const createFundingSource = (body: { name: string; kind: FundingSourceKind; orgId: number | null }) => api.post<FundingSource>('/api/funding-sources', body);
export const budgetUse = (year: number, signal?: AbortSignal) => api.get<BudgetUse[]>('/api/budgets', { year }, signal);
export const setBudget = (body: { source: string; year: number; regionCode: string; budgetFen: number }) => api.put<BudgetUse[]>('/api/budgets', body);

export const getLedger = (month: string, level: LedgerLevel, policyCode: string | undefined, signal?: AbortSignal) =>
  api.get<LedgerReport>('/api/ledger', { month, level, policyCode }, signal);
export const LEDGER_XLSX = '/api/ledger.xlsx';
export const NOTICE_XLSX = '/api/ledger/notice.xlsx';
