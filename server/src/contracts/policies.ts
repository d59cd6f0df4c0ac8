/**
 * The policy engine's API contract, shared by the server and the web app: policies as data,
 * their versions, explanations, population runs and their candidate lists, simulations and
 * reminders. Pure types and constants, no imports.
 */

export type PolicyTarget = 'person' | 'household';
export type PolicyPeriod = 'monthly' | 'yearly' | 'once';

export const POLICY_TARGET_LABELS: Record<PolicyTarget, string> = { person: '个人', household: '家庭' };
export const POLICY_PERIOD_LABELS: Record<PolicyPeriod, string> = { monthly: '按月', yearly: '按年', once: '一次性' };

/**
 * How much a subject gets per period, in fen. Every kind becomes one CEL int expression, so
 * both evaluators compute amounts exactly as they compute eligibility.
 *  - fixed: the same amount for everyone eligible;
 *  - tiered: `by` is a CEL expression (int or string); the first tier whose `equals` matches
 *    (or, for ints, whose `atLeast` is reached, tiers tried in order) gives the amount, else `otherwiseFen`;
 *  - formula: a CEL int expression in fen.
 * `capFen`, when set, limits any of them.
 */
export type BenefitRule =
  | { kind: 'fixed'; amountFen: number; capFen?: number | null }
  | { kind: 'tiered'; by: string; tiers: Array<{ equals?: string | number; atLeast?: number; amountFen: number; label?: string }>; otherwiseFen: number; capFen?: number | null }
  | { kind: 'formula'; expression: string; capFen?: number | null };

export interface FundingShare {
  /** e.g. 中央财政, 自治区财政, 市县财政, 工会经费, 福彩公益金 */
  source: string;
  /** Share in basis points (1/100 of a percent); the shares of a version add up to 10,000. */
  shareBp: number;
}

export interface RegionQuota {
  regionCode: string;
  /** Most subjects that may be enrolled in the region, if capped. */
  quota?: number | null;
  /** Yearly budget in fen, if capped. */
  budgetFen?: number | null;
}

/** What a policy version says; a change to any of it makes a new version. */
export interface PolicyVersionInput {
  nameZh: string;
  nameEn: string;
  target: PolicyTarget;
  eligibility: string;
  benefit: BenefitRule;
  period: PolicyPeriod;
  funding: FundingShare[];
  quotas: RegionQuota[];
  effectiveFrom: string;
  effectiveTo: string | null;
  /** The source document, e.g. 宁总工发〔2024〕12号 */
  basis: string | null;
  note: string | null;
}

export interface PolicyVersion extends PolicyVersionInput {
  id: number;
  policyId: number;
  version: number;
  status: 'draft' | 'active' | 'superseded';
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
  adoptedAt: string | null;
}

export interface PolicySummary {
  id: number;
  code: string;
  orgId: number;
  orgName: string;
  /** The active version's names, or the latest draft's when none is active yet. */
  nameZh: string;
  nameEn: string;
  target: PolicyTarget;
  period: PolicyPeriod;
  activeVersion: number | null;
  latestVersion: number;
  hasDraft: boolean;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  enrolledCount: number;
  /** Applications need one approval, or two by different people. */
  approvalLevels: 1 | 2;
}

export interface PolicyDetail extends PolicySummary {
  versions: PolicyVersion[];
}

/** A rule problem found at save time, pointing at the source. */
export interface RuleProblem {
  field: 'eligibility' | 'benefit';
  offset: number;
  line: number;
  column: number;
  message: string;
}

/** One node of an explanation: the clause as written, the value it had, and why. */
export interface ExplanationNode {
  text: string;
  /** true/false for clauses; a number or text for values; absent when it failed. */
  value?: boolean | number | string | null;
  /** The per-subject error, e.g. a missing fact or a division by zero. */
  error?: string;
  children?: ExplanationNode[];
  /** For exists/all over members: one node per member. */
  items?: Array<ExplanationNode & { memberName: string }>;
}

export interface SubjectEvaluation {
  policyCode: string;
  policyName: string;
  versionId: number;
  version: number;
  target: PolicyTarget;
  personId: number | null;
  personName: string | null;
  householdId: number;
  /** true, false, or null when the rule could not be decided (see error). */
  eligible: boolean | null;
  amountFen: number | null;
  period: PolicyPeriod;
  error: string | null;
  explanation: ExplanationNode;
  amountExplanation: ExplanationNode | null;
  enrolled: boolean;
}

export type RunKind = 'run' | 'simulation' | 'monitor';
export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled';
export type CandidateKind = 'add' | 'stop' | 'amount' | 'error' | 'gained' | 'lost';
export const CANDIDATE_KIND_LABELS: Record<CandidateKind, string> = {
  add: '应纳未纳', stop: '应退未退', amount: '金额变化', error: '无法判定', gained: '新增受益', lost: '不再受益',
};

export interface RunPolicyCounts {
  code: string;
  name: string;
  target: PolicyTarget;
  versionId: number;
  eligible: number;
  toAdd: number;
  toStop: number;
  amountChanged: number;
  errors: number;
  /** Sum of eligible subjects' amounts per period, in fen. */
  amountFen: number;
}

export interface PolicyRun {
  id: number;
  kind: RunKind;
  status: RunStatus;
  policyCodes: string[];
  regionCodes: string[];
  asOf: string;
  progress: { done: number; total: number; stage: string };
  counts: RunPolicyCounts[];
  error: string | null;
  requestedBy: number | null;
  requestedByName: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export type CandidateDecision = 'apply' | 'stop' | 'dismiss';
export const CANDIDATE_DECISION_LABELS: Record<CandidateDecision, string> = { apply: '发起申请', stop: '停发', dismiss: '暂不处理' };

export interface Candidate {
  id: number;
  runId: number;
  policyCode: string;
  policyName: string;
  kind: CandidateKind;
  personId: number | null;
  personName: string | null;
  householdId: number;
  headName: string | null;
  regionCode: string;
  regionName: string | null;
  amountFen: number | null;
  previousAmountFen: number | null;
  reason: string;
  decision: CandidateDecision | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

export interface SimulationSummary {
  policyCode: string;
  draftVersionId: number;
  currentVersionId: number | null;
  current: { eligible: number; monthlyFen: number; yearlyFen: number };
  draft: { eligible: number; monthlyFen: number; yearlyFen: number };
  gained: number;
  lost: number;
  byRegion: Array<{ regionCode: string; regionName: string | null; currentEligible: number; draftEligible: number; currentYearlyFen: number; draftYearlyFen: number }>;
  byFunding: Array<{ source: string; currentYearlyFen: number; draftYearlyFen: number }>;
  /** The draft's quotas and budgets against what it would need (regions at county level or above). */
  quotas: Array<{ regionCode: string; quota: number | null; budgetFen: number | null; draftEligible: number; draftYearlyFen: number; overQuota: boolean; overBudget: boolean }>;
}

export interface Notification {
  id: number;
  kind: 'eligibility_changed' | 'post_ending' | 'fact_changed' | 'measure_referred' | 'measure_answered' | 'measure_overdue' | 'fast_channel' | 'appeal_overdue';
  title: string;
  body: string;
  householdId: number | null;
  personId: number | null;
  policyCode: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
