/**
 * Benefits' API contract, shared by the server and the web app: enrollments and their steps,
 * funding sources and budgets, payment runs, ledger lines and the monthly ledger.
 * Money is integer fen everywhere. Pure types and constants, no imports.
 */

export type EnrollmentStatus = 'applied' | 'reviewed' | 'first_approved' | 'active' | 'suspended' | 'stopped' | 'rejected';
export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  applied: '待初审', reviewed: '待审批', first_approved: '待终审', active: '享受中', suspended: '已暂停', stopped: '已停发', rejected: '未通过',
};
export const OPEN_STATUSES: EnrollmentStatus[] = ['applied', 'reviewed', 'first_approved', 'active', 'suspended'];
export const PENDING_STATUSES: EnrollmentStatus[] = ['applied', 'reviewed', 'first_approved'];

export type EnrollmentAction = 'applied' | 'reviewed' | 'first_approved' | 'approved' | 'rejected' | 'suspended' | 'resumed' | 'stopped' | 'amount_changed' | 'imported';
export const ENROLLMENT_ACTION_LABELS: Record<EnrollmentAction, string> = {
  applied: '提出申请', reviewed: '初审通过', first_approved: '一级审批通过', approved: '审批通过', rejected: '不予通过',
  suspended: '暂停发放', resumed: '恢复发放', stopped: '停发', amount_changed: '调整金额', imported: '导入',
};

export interface EnrollmentEvent {
  id: number;
  action: EnrollmentAction;
  fromStatus: EnrollmentStatus | null;
  toStatus: EnrollmentStatus;
  effectiveOn: string | null;
  amountFen: number | null;
  versionId: number | null;
  version: number | null;
  reason: string | null;
  actorName: string;
  at: string;
}

/** One amount over a span of time; what payment lines are computed from. */
export interface EnrollmentTerm {
  validFrom: string;
  validTo: string | null;
  amountFen: number;
  versionId: number | null;
  version: number | null;
}

export interface FundingWeight {
  source: string;
  /** Basis points for a policy's split, or fen for a split by hand: parts are weight / total. */
  weight: number;
}

export interface Enrollment {
  id: number;
  householdId: number;
  headName: string | null;
  personId: number | null;
  personName: string | null;
  regionCode: string;
  regionName: string | null;
  policyId: number;
  policyCode: string;
  policyName: string;
  period: 'monthly' | 'yearly' | 'once';
  versionId: number | null;
  version: number | null;
  status: EnrollmentStatus;
  approvalLevels: 1 | 2;
  amountFen: number;
  inKind: string | null;
  funding: FundingWeight[] | null;
  startedOn: string;
  endedOn: string | null;
  source: string;
  applicationReason: string | null;
  appliedByName: string | null;
  createdAt: string;
  updatedAt: string;
  /** The next step the enrollment waits for, if any. */
  awaiting: 'review' | 'approval' | 'final_approval' | null;
}

export interface EnrollmentDetail extends Enrollment {
  events: EnrollmentEvent[];
  terms: EnrollmentTerm[];
  /** The evaluation the last decision was made on (eligibility and amount, with explanation). */
  evaluation: unknown;
  paidFen: number;
}

export interface ApplicationInput {
  policyCode: string;
  householdId: number;
  personId: number | null;
  startedOn: string;
  reason: string | null;
  candidateId?: number | null;
  /** For one-off grants: the amount granted, when the policy leaves it to the case. */
  amountFen?: number | null;
  inKind?: string | null;
  funding?: FundingWeight[] | null;
}

export type FundingSourceKind = 'central_fiscal' | 'regional_fiscal' | 'local_fiscal' | 'union' | 'insurer' | 'charity' | 'enterprise' | 'lottery' | 'other';
export const FUNDING_SOURCE_KIND_LABELS: Record<FundingSourceKind, string> = {
  central_fiscal: '中央财政', regional_fiscal: '自治区财政', local_fiscal: '市县财政', union: '工会经费', insurer: '保险机构',
  charity: '慈善基金', enterprise: '企业捐赠', lottery: '福彩公益金', other: '其他',
};

export interface FundingSource {
  /** null for a source policies name that has no record yet (it gets one with its first budget). */
  id: number | null;
  name: string;
  kind: FundingSourceKind;
  orgId: number | null;
  orgName: string | null;
}

export interface BudgetUse {
  budgetId: number;
  sourceId: number;
  source: string;
  year: number;
  regionCode: string;
  regionName: string | null;
  budgetFen: number;
  /** Committed: lines in runs that are not rejected (pending, approved, sent or paid). */
  usedFen: number;
  paidFen: number;
}

export type PaymentRunStatus = 'building' | 'draft' | 'approved' | 'released' | 'reconciled' | 'rejected';
export const PAYMENT_RUN_STATUS_LABELS: Record<PaymentRunStatus, string> = {
  building: '生成中', draft: '待审核', approved: '已审核', released: '已发送银行', reconciled: '已对账', rejected: '已驳回',
};

export interface PolicyTotal { code: string; name: string; lines: number; amountFen: number }
export interface SourceTotal { source: string; amountFen: number }
export interface BudgetWarning { source: string; regionCode: string; regionName: string | null; year: number; budgetFen: number; usedFen: number; runFen: number }

export interface PaymentRun {
  id: number;
  period: string;
  policyCodes: string[];
  status: PaymentRunStatus;
  lineCount: number;
  amountFen: number;
  byPolicy: PolicyTotal[];
  bySource: SourceTotal[];
  warnings: BudgetWarning[];
  /** Lines whose payee has no bank account on file: the bank would return them. */
  missingAccounts: number;
  /** Arrears and recovery lines still waiting for a caseworker's review. */
  pendingReview: number;
  corrections: { arrears: number; arrearsFen: number; recovery: number; recoveryFen: number };
  declaredLines: number | null;
  declaredFen: number | null;
  settled: { paid: number; paidFen: number; failed: number; failedFen: number };
  note: string | null;
  createdByName: string | null;
  createdAt: string;
  approvedByName: string | null;
  approvedAt: string | null;
  releasedAt: string | null;
  reconciledAt: string | null;
  rejectedReason: string | null;
  progress: { stage: string; done: number; total: number } | null;
}

export type PaymentLineKind = 'regular' | 'arrears' | 'recovery' | 'reversal' | 'reissue';
export const PAYMENT_LINE_KIND_LABELS: Record<PaymentLineKind, string> = {
  regular: '正常发放', arrears: '补发', recovery: '追回', reversal: '冲正', reissue: '重发',
};
export type PaymentLineStatus = 'pending' | 'approved' | 'exported' | 'paid' | 'failed' | 'void';
export const PAYMENT_LINE_STATUS_LABELS: Record<PaymentLineStatus, string> = {
  pending: '待审核', approved: '已审核', exported: '已发送', paid: '已到账', failed: '失败', void: '作废',
};

export interface PaymentLine {
  id: number;
  runId: number;
  enrollmentId: number;
  householdId: number;
  personId: number | null;
  payeeName: string | null;
  policyCode: string;
  policyName: string;
  regionCode: string;
  regionName: string | null;
  period: string;
  kind: PaymentLineKind;
  amountFen: number;
  reason: string | null;
  status: PaymentLineStatus;
  reviewStatus: 'pending' | 'accepted' | 'declined' | null;
  failureReason: string | null;
  funds: SourceTotal[];
}

export interface PaymentRunResult {
  period: string;
  runId: number;
  created: boolean;
  lines: number;
  amountFen: number;
  byPolicy: PolicyTotal[];
  bySource: SourceTotal[];
}

export interface BankAccount {
  personId: number;
  bankName: string;
  /** Masked (6228********1234) unless the reader may see full numbers. */
  accountNumber: string;
  accountName: string;
  masked: boolean;
}

/** A payment run being built (in one transaction, so not yet visible as a run). */
export interface BuildProgress {
  period: string;
  policyCodes: string[];
  stage: string;
  done: number;
  total: number;
  startedAt: string;
}

/** What importing the bank's return file did. */
export interface BankReturnReport {
  rows: number;
  paid: number;
  paidFen: number;
  failed: number;
  failedFen: number;
  /** Lines of the batch the bank has not answered for yet. */
  outstanding: number;
  reconciled: boolean;
}

export interface LedgerCheck {
  name: string;
  /** The check in Chinese, as the screens and the CLI show it. */
  title: string;
  ok: boolean;
  detail: string;
}

/**
 * One row of the monthly ledger (按月报送工作台账): a policy in a region in a month. A line
 * belongs to the month of its run: a monthly run's period, or for yearly and reissue runs the
 * month the run was made.
 */
export interface LedgerRow {
  policyCode: string;
  policyName: string;
  regionCode: string;
  regionName: string | null;
  /** Distinct enrollments with a payment in the month. */
  recipients: number;
  /** Enrollments that started in the month. */
  newRecipients: number;
  /** Enrollments that stopped in the month. */
  stopped: number;
  /** Net of the month's lines (payments, arrears, less recovery), runs not rejected. */
  amountFen: number;
  paidFen: number;
  bySource: SourceTotal[];
}

export interface LedgerReport {
  month: string;
  /** 'county' groups by county (6-digit code), 'township' by street or township (9 digits). */
  level: 'county' | 'township';
  rows: LedgerRow[];
  totals: Omit<LedgerRow, 'policyCode' | 'policyName' | 'regionCode' | 'regionName'>;
}
