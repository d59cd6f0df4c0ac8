/** The policy engine's API as the web app uses it: policies and versions, checks, explanations, runs, simulations. */
import { api, type Query } from '@/lib/api';
import type {
  Candidate, CandidateDecision, CandidateKind, PolicyDetail, PolicyRun, PolicySummary, PolicyVersion, PolicyVersionInput,
  RuleProblem, SimulationSummary, SubjectEvaluation, BenefitRule, PolicyTarget, PolicyPeriod,
} from '@contracts/policies';
import './i18n-en';

export type * from '@contracts/policies';

export interface NewPolicy {
  code: string;
  orgId: number;
  version: PolicyVersionInput;
  adopt?: boolean;
}

export interface RuleCheck {
  target: PolicyTarget;
  eligibility: string;
  benefit: BenefitRule;
  period?: PolicyPeriod;
  householdId?: number;
}

export interface CheckResult {
  problems: RuleProblem[];
  evaluations: SubjectEvaluation[] | null;
}

export interface SchemaField {
  type: { kind: string; element?: { kind: string; name?: string }; name?: string };
  zh: string;
  en: string;
  optional?: boolean;
}
export type PolicySchema = Record<string, Record<string, SchemaField>>;

export interface CandidateFilter {
  kind?: CandidateKind;
  policyCode?: string;
  regionCode?: string;
  decided?: boolean;
}

export interface CandidatePage {
  items: Candidate[];
  total: number;
}

const enc = encodeURIComponent;

export const listPolicies = (signal?: AbortSignal) => api.get<PolicySummary[]>('/api/policies', undefined, signal);
export const getPolicy = (code: string, signal?: AbortSignal) => api.get<PolicyDetail>(`/api/policies/${enc(code)}`, undefined, signal);
export const createPolicy = (body: NewPolicy) => api.post<PolicyDetail>('/api/policies', body);
export const createVersion = (code: string, body: PolicyVersionInput) => api.post<PolicyVersion>(`/api/policies/${enc(code)}/versions`, body);
export const adoptVersion = (code: string, version: number) => api.post<PolicyVersion>(`/api/policies/${enc(code)}/versions/${version}/adopt`);
export const simulateVersion = (code: string, version: number, regionCodes: string[] = []) =>
  api.post<PolicyRun>(`/api/policies/${enc(code)}/versions/${version}/simulate`, { regionCodes });

/** Checks a rule as it is being written; the caller drops answers that arrive after a newer request. */
export const checkRule = (body: RuleCheck) => api.post<CheckResult>('/api/policies/check', body);
export const getPolicySchema = () => api.get<PolicySchema>('/api/policy-schema');
export const householdEvaluations = (householdId: number, signal?: AbortSignal) =>
  api.get<SubjectEvaluation[]>(`/api/households/${householdId}/policy-evaluations`, undefined, signal);

export const listRuns = (signal?: AbortSignal) => api.get<PolicyRun[]>('/api/policy-runs', undefined, signal);
export const getRun = (id: number, signal?: AbortSignal) => api.get<PolicyRun>(`/api/policy-runs/${id}`, undefined, signal);
export const startRun = (body: { policyCodes?: string[]; regionCodes?: string[] }) => api.post<PolicyRun>('/api/policy-runs', body);
export const cancelRun = (id: number) => api.post<PolicyRun>(`/api/policy-runs/${id}/cancel`);
export const getSimulation = (runId: number, signal?: AbortSignal) => api.get<SimulationSummary>(`/api/policy-runs/${runId}/simulation`, undefined, signal);

export const candidateQuery = (filter: CandidateFilter): Query => ({ ...filter });
export const listCandidates = (runId: number, filter: CandidateFilter, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<CandidatePage>(`/api/policy-runs/${runId}/candidates`, { ...candidateQuery(filter), page, pageSize }, signal);
export const candidatesExportPath = (runId: number) => `/api/policy-runs/${runId}/candidates.xlsx`;
export const decideCandidate = (id: number, decision: CandidateDecision, reason: string | null) =>
  api.post<Candidate>(`/api/policy-candidates/${id}/decision`, { decision, reason });
