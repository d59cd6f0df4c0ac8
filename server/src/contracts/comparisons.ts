/**
 * The comparison (信息比对) API contract, shared by the server and the web app: the kinds of
 * roll another department sends, their columns, a run with its counts, and the items of its
 * lists. Pure types and constants, no imports.
 */

/** 民政低保名册 · 残联持证名册 · 死亡/火化记录 · 外单位享受名单 */
export type RollKind = 'dibao' | 'disability' | 'death' | 'enrollment';
export const ROLL_KINDS: readonly RollKind[] = ['dibao', 'disability', 'death', 'enrollment'];

export const ROLL_KIND_LABELS: Record<RollKind, string> = {
  dibao: '民政低保名册',
  disability: '残联持证名册',
  death: '死亡/火化记录',
  enrollment: '外单位享受名单',
};

export const ROLL_KIND_HELP: Record<RollKind, string> = {
  dibao: '核对低保、特困、低保边缘家庭：名册有而台账未记录的应纳入，台账有而名册已无的应退出。',
  disability: '核对残疾人证：类别、等级、证号以残联为准。',
  death: '死亡或火化的人员记为已故，并停发其享受的待遇。',
  enrollment: '核对外单位的享受名单，找出在本系统同时享受的重复享受人员。',
};

export type RollField =
  | 'idNumber' | 'name' | 'status' | 'startDate' | 'certificateNo' | 'category' | 'grade' | 'issueDate'
  | 'deathDate' | 'programme' | 'amount';

export const ROLL_FIELD_LABELS: Record<RollField, string> = {
  idNumber: '身份证号',
  name: '姓名',
  status: '救助类型',
  startDate: '开始日期',
  certificateNo: '残疾证号',
  category: '残疾类别',
  grade: '残疾等级',
  issueDate: '发证日期',
  deathDate: '死亡日期',
  programme: '项目名称',
  amount: '金额（元）',
};

export interface RollFieldSpec {
  field: RollField;
  required: boolean;
}

export const ROLL_FIELDS: Record<RollKind, RollFieldSpec[]> = {
  dibao: [
    { field: 'idNumber', required: true }, { field: 'name', required: true }, { field: 'status', required: true },
    { field: 'startDate', required: false },
  ],
  disability: [
    { field: 'idNumber', required: true }, { field: 'name', required: true }, { field: 'certificateNo', required: true },
    { field: 'category', required: true }, { field: 'grade', required: true }, { field: 'issueDate', required: false },
  ],
  death: [{ field: 'idNumber', required: true }, { field: 'name', required: true }, { field: 'deathDate', required: true }],
  enrollment: [
    { field: 'idNumber', required: true }, { field: 'name', required: true }, { field: 'programme', required: true },
    { field: 'amount', required: true },
  ],
};

/** Field → 0-based column of the uploaded file. */
export type ColumnMapping = Partial<Record<RollField, number>>;

export interface RollPreview {
  /** The header row's cells, in column order. */
  headers: { index: number; letter: string; text: string }[];
  /** The columns guessed from the headers; the user confirms or changes them. */
  mapping: ColumnMapping;
  /** Required fields no header matched. */
  missing: RollField[];
  /** The first data rows as text, to check the mapping against. */
  sampleRows: string[][];
}

export type ComparisonStatus = 'uploaded' | 'running' | 'completed' | 'rejected' | 'failed';

export const COMPARISON_STATUS_LABELS: Record<ComparisonStatus, string> = {
  uploaded: '待对应列',
  running: '比对中',
  completed: '已完成',
  rejected: '名册有误',
  failed: '失败',
};

export type ItemKind = 'to_add' | 'to_change' | 'to_stop' | 'unmatched' | 'conflict';
export const ITEM_KINDS: readonly ItemKind[] = ['to_add', 'to_change', 'to_stop', 'unmatched', 'conflict'];

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  to_add: '应纳入',
  to_change: '应变更',
  to_stop: '应退出',
  unmatched: '未匹配',
  conflict: '信息不一致',
};

export interface ComparisonCounts {
  /** Data rows in the roll. */
  rows: number;
  /** Rows whose ID number was found in the registry (within the runner's data scope). */
  matched: number;
  toAdd: number;
  toChange: number;
  toStop: number;
  unmatched: number;
  conflict: number;
}

export interface RollError {
  /** As the spreadsheet shows it: the header is row 1. */
  row: number;
  /** Column letter in the user's file, '' when the problem has no single column. */
  column: string;
  field: string;
  message: string;
}

export interface ComparisonOptions {
  /** The area the roll covers: registry records outside it are never "to stop". */
  regionCode?: string | null;
  /** Enrollment rolls: compare with this policy's enrollments only. */
  policyCode?: string | null;
}

export interface ComparisonRun {
  id: number;
  kind: RollKind;
  fileName: string;
  status: ComparisonStatus;
  preview: RollPreview;
  mapping: ColumnMapping | null;
  options: ComparisonOptions;
  counts: ComparisonCounts | null;
  /** Per decision state, over the items the reader may see. */
  decided: { pending: number; accepted: number; dismissed: number } | null;
  errors: RollError[];
  errorCount: number;
  message: string | null;
  orgId: number;
  orgName: string;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: { stage: string; rows: number } | null;
}

export type ItemStatus = 'pending' | 'accepted' | 'dismissed';
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = { pending: '待处理', accepted: '已采纳', dismissed: '不采纳' };

export interface ComparisonItem {
  id: number;
  runId: number;
  kind: ItemKind;
  /** The roll's row, null for registry records the roll no longer lists. */
  rowNo: number | null;
  /** Masked unless the reader may reveal ID numbers. */
  idNumber: string | null;
  name: string | null;
  registryName: string | null;
  personId: number | null;
  householdId: number | null;
  regionCode: string | null;
  reason: string;
  /** What accepting does, in words: e.g. 记录救助身份：低保（自 2026-01-01 起）. */
  action: string | null;
  status: ItemStatus;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

export type ItemDecision = 'accept' | 'dismiss';

export interface DecisionResult {
  accepted: number;
  dismissed: number;
  failed: { id: number; message: string }[];
}
