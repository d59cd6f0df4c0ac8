/**
 * Importing a persons or households file: stream its rows, check each on its own in
 * batches, stage them, run the whole-file and registry checks in SQL, and — unless it is a
 * dry run or the policy forbids it — write the valid rows, all inside one transaction.
 */
import type { CommitPolicy } from '../../../contracts/imports.js';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { AppError, forbidden } from '../../../kernel/errors.js';
import { fileTooLarge } from '../../../kernel/http/upload.js';
import { isWithinScope } from '../scope-check.js';
import { runChecks, type ImportMode } from './checks.js';
import { mapHeader, FIELD_LABELS, type ImportField, type ImportKind } from './columns.js';
import { cellText, openSheet, type FileFormat, type ImportSource, type OpenedSheet, type SheetRow } from './readers.js';
import { RowValidator, type CellProblem, type StagedRow } from './row-validation.js';
import { CHUNK_ROWS, createStage, indexStage, stageCounts, stagedErrors, stageProblems, stageRows, type RowError, type StageCounts } from './staging.js';
import { writeStaged } from './writer.js';

export type { CommitPolicy } from '../../../contracts/imports.js';
export type { ImportKind, ImportMode, ImportSource, RowError };

/** The report keeps this many problems; counts stay exact and a stored batch keeps them all. */
export const REPORT_ERROR_CAP = 10_000;

export interface ImportOptions {
  kind: ImportKind;
  mode: ImportMode;
  policy: CommitPolicy;
  dryRun: boolean;
}

export interface ImportReport extends StageCounts {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  format: FileFormat;
  sheetName: string;
  encoding?: string;
  errorCount: number;
  errors: RowError[];
  errorsTruncated: boolean;
  warnings: string[];
}

export interface ImportResult extends ImportReport {
  committed: boolean;
  inserted: number;
  updated: number;
  householdsCreated: number;
  ms: number;
}

/** Runs an import inside the caller's transaction; does not audit (the caller knows the context). */
export async function runImport(trx: Kysely<any>, actor: Actor, source: ImportSource, options: ImportOptions, orgId: number): Promise<ImportResult> {
  const started = performance.now();
  const sheet = openSheet(source);
  try {
    return await importSheet(trx, actor, sheet, source, options, orgId, started);
  } finally {
    await sheet.rows.return(undefined); // closes the file when we stopped early
  }
}

async function importSheet(
  trx: Kysely<any>, actor: Actor, sheet: OpenedSheet, source: ImportSource, options: ImportOptions, orgId: number, started: number,
): Promise<ImportResult> {
  const regionCodes = new Set((await sql<{ code: string }>`select code from regions`.execute(trx)).rows.map((r) => r.code));
  const first = await sheet.rows.next();
  if (first.done) throw noData('文件是空的，没有表头和数据');
  const headerCells = first.value.number === 1 ? first.value.cells.map(cellText) : [];
  const mapping = mapHeader(options.kind, headerCells);
  if (mapping.missing.length > 0) {
    const names = mapping.missing.map((c) => c.header).join('、');
    const message = `缺少必填列：${names}（第 1 行应为表头）`;
    throw new AppError('validation_failed', { zh: message, en: `Missing required columns: ${mapping.missing.map((c) => c.field).join(', ')}`, field: 'header', problems: [{ row: 1, column: '', field: 'header', message }] });
  }
  const validator = new RowValidator(options.kind, mapping, (code) => regionCodes.has(code));
  const warnings = [...mapping.warnings];

  await createStage(trx);
  let batch: StagedRow[] = [];
  let problems: CellProblem[] = [];
  let dataRows = 0;
  const exampleRows: number[] = [];
  // One chunk is written while the next is read: with a PostgreSQL server the two overlap.
  let pending: Promise<void> | null = null;
  const flush = async () => {
    if (pending) await pending;
    const [rows, found] = [batch, problems];
    batch = [];
    problems = [];
    pending = stageRows(trx, rows).then(() => stageProblems(trx, found));
    pending.catch(() => undefined); // observed by the next await
  };
  const consider = async (row: SheetRow) => {
    const outcome = validator.validate(row);
    if (outcome === 'blank') return;
    if (outcome === 'example') {
      exampleRows.push(row.number);
      return;
    }
    dataRows += 1;
    batch.push(outcome.staged);
    problems.push(...outcome.problems);
    if (batch.length >= CHUNK_ROWS) await flush();
  };
  for await (const row of sheet.rows) await consider(row);
  await flush();
  await pending;
  await indexStage(trx);
  if (exampleRows.length > 0) warnings.push(`已忽略模板示例行（第 ${exampleRows.join('、')} 行）`);
  if (dataRows === 0) throw noData(exampleRows.length > 0 ? '文件中除模板示例行外没有数据' : '文件中没有数据行');

  await runChecks({ trx, actor, kind: options.kind, mode: options.mode, orgId, col: (field) => validator.colIndex(field) });
  const counts = await stageCounts(trx, options.kind);
  const { errors, total } = await stagedErrors(trx, REPORT_ERROR_CAP);

  const write = !options.dryRun && counts.valid > 0 && (options.policy === 'valid_only' || counts.invalid === 0);
  const written = write ? await writeStaged(trx, actor, options.kind, options.mode, orgId) : { inserted: 0, householdsCreated: 0 };
  return {
    kind: options.kind,
    mode: options.mode,
    fileName: source.fileName,
    format: sheet.format,
    sheetName: sheet.meta.sheetName,
    ...(sheet.meta.encoding ? { encoding: sheet.meta.encoding } : {}),
    ...counts,
    // Rows registered by someone else between the checks and the insert are left alone.
    skipped: counts.skipped + (write ? counts.toInsert - written.inserted : 0),
    errorCount: total,
    errors,
    errorsTruncated: total > errors.length,
    warnings,
    committed: !options.dryRun && (options.policy === 'valid_only' || counts.invalid === 0),
    ...written,
    updated: write ? counts.toUpdate : 0,
    ms: Math.round(performance.now() - started),
  };
}

function noData(zh: string): AppError {
  return new AppError('validation_failed', { zh, en: 'The file has no data rows', field: 'file', problems: [{ row: 2, column: '', field: 'file', message: zh }] });
}

export function checkSize(source: ImportSource, limitBytes: number | undefined): void {
  if (!limitBytes) return;
  const size = source.buffer ? source.buffer.length : fs.statSync(source.filePath!).size;
  if (size > limitBytes) throw fileTooLarge(limitBytes);
}


/** The organisation that will own new records: the actor's own unless another is named, which must be within scope. */
export async function resolveImportOrg(db: Kysely<any>, actor: Actor, orgId: number | undefined): Promise<number> {
  const id = orgId ?? actor.orgId;
  if (id == null) throw new AppError('validation_failed', { zh: '请指定导入数据所属的单位', en: 'An owning organisation is required', field: 'orgId' });
  const { rows } = await sql<{ region_code: string }>`select region_code from organisations where id = ${id}`.execute(db);
  if (rows.length === 0) throw new AppError('validation_failed', { zh: `单位 ${id} 不存在`, en: 'No such organisation', field: 'orgId' });
  if (!(await isWithinScope(db, actor.scope, { orgId: id, regionCode: rows[0].region_code, createdBy: actor.id }))) throw forbidden();
  return id;
}

export interface ImportFileInput extends ImportOptions {
  fileName: string;
  filePath?: string;
  buffer?: Buffer;
  orgId?: number;
  limitBytes?: number;
}

/**
 * One import from a file or buffer in one transaction, audited when it writes: what the
 * CLI and the benchmark call. The HTTP flow stores batches instead (batches.ts).
 */
export async function importFile(db: Kysely<any>, actor: Actor, input: ImportFileInput): Promise<ImportResult> {
  requirePermission(actor, 'registry:import');
  const source: ImportSource = { fileName: input.fileName, filePath: input.filePath, buffer: input.buffer };
  if (!source.buffer && !source.filePath) throw new AppError('validation_failed', { zh: '没有文件', en: 'No file given', field: 'file' });
  checkSize(source, input.limitBytes);
  const orgId = await resolveImportOrg(db, actor, input.orgId);
  return db.transaction().execute(async (trx) => {
    const result = await runImport(trx, actor, source, input, orgId);
    if (result.committed) await auditImport(trx, actor, result, { policy: input.policy, orgId, batchId: null });
    return result;
  });
}

export async function auditImport(trx: Kysely<any>, actor: Actor, result: ImportResult, context: { policy: CommitPolicy; orgId: number; batchId: number | null }) {
  await recordAudit(trx, actor, {
    action: 'registry.imported',
    entityType: context.batchId === null ? 'import' : 'import_batch',
    entityId: context.batchId,
    detail: {
      kind: result.kind, fileName: result.fileName, mode: result.mode, policy: context.policy, orgId: context.orgId,
      rows: result.rows, valid: result.valid, invalid: result.invalid, inserted: result.inserted, updated: result.updated,
      skipped: result.skipped, householdsCreated: result.householdsCreated, errorCount: result.errorCount,
    },
  });
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field as ImportField] ?? field;
}
