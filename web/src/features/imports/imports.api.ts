/** The import API: upload and validate a workbook, read the report, commit it. */
import { api, upload } from '@/lib/api';
import type { CommitPolicy, CommitResult, ImportKind, ImportMode } from '@contracts/imports';

export type { CommitPolicy, CommitResult, ImportKind, ImportMode } from '@contracts/imports';

export interface RowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

export interface ImportReport {
  id: number | string;
  kind: ImportKind;
  fileName: string;
  rows: number;
  valid: number;
  invalid: number;
  errors: RowError[];
  warnings: string[] | number;
  /** Present when the server says what committing would do. */
  toInsert?: number;
  toUpdate?: number;
  skipped?: number;
  errorCount?: number;
  errorsTruncated?: boolean;
}

export const uploadImport = (kind: ImportKind, mode: ImportMode, file: File, onProgress: (percent: number) => void) =>
  upload<ImportReport>(`/api/imports?kind=${kind}&mode=${mode}`, file, onProgress);

export const getImport = (id: ImportReport['id']) => api.get<ImportReport>(`/api/imports/${id}`);

export const commitImport = (id: ImportReport['id'], policy: CommitPolicy) => api.post<CommitResult>(`/api/imports/${id}/commit`, { policy });

/** Column names of the import files (server/src/modules/registry/transfer/columns.ts). */
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名', idNumber: '身份证号', sex: '性别', birthDate: '出生日期', phone: '联系电话', address: '地址',
  regionCode: '区划代码', householdKey: '户编号', relationship: '与户主关系', householdAddress: '家庭地址', header: '表头',
};
