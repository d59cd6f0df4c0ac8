/**
 * Import batches: an upload is validated and kept (its bytes, its report, every problem),
 * so the user can read the report, download the annotated workbook, and commit the same
 * file later without sending it again. A batch commits once; the commit checks the file
 * against the registry as it is then.
 */
import type { CommitResult } from '../../../contracts/imports.js';
import { sql, type Kysely } from 'kysely';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.js';
import { scopeCondition } from '../../../kernel/auth/scope.js';
import { recordAudit } from '../../../kernel/audit.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import type { ImportKind } from './columns.js';
import type { ImportMode } from './checks.js';
import { auditImport, checkSize, resolveImportOrg, runImport, type CommitPolicy, type ImportReport, type ImportResult } from './import.service.js';
import { saveBatchErrors } from './staging.js';

/** How many problems an API answer lists; the annotated workbook has them all. */
export const RESPONSE_ERROR_CAP = 500;

export type BatchStatus = 'validated' | 'committed' | 'failed';

interface BatchRow {
  id: number;
  kind: ImportKind;
  fileName: string;
  mode: ImportMode;
  status: BatchStatus;
  report: StoredReport;
  orgId: number;
  createdBy: number;
  createdAt: string;
  committedAt: string | null;
}

interface StoredReport extends Omit<ImportReport, 'kind' | 'mode' | 'fileName'> {
  result?: CommitResult & { policy: CommitPolicy; householdsCreated: number };
}

export type { CommitResult } from '../../../contracts/imports.js';

function reportOf(result: ImportResult): StoredReport {
  const { kind: _k, mode: _m, fileName: _f, committed: _c, inserted: _i, updated: _u, householdsCreated: _h, ms: _ms, ...report } = result;
  return report;
}

export function presentBatch(batch: BatchRow) {
  const { errors, ...report } = batch.report;
  return {
    id: batch.id,
    kind: batch.kind,
    mode: batch.mode,
    fileName: batch.fileName,
    status: batch.status,
    ...report,
    errors: errors.slice(0, RESPONSE_ERROR_CAP),
    errorsTruncated: batch.report.errorCount > Math.min(errors.length, RESPONSE_ERROR_CAP),
    orgId: batch.orgId,
    createdAt: batch.createdAt,
    committedAt: batch.committedAt,
  };
}

export interface UploadInput {
  kind: ImportKind;
  mode: ImportMode;
  orgId?: number;
  fileName: string;
  buffer: Buffer;
}

/** Validates an upload (a dry run) and stores it as a batch with its report. */
export async function uploadImportBatch(db: Kysely<any>, actor: Actor, input: UploadInput, limitBytes: number) {
  requirePermission(actor, 'registry:import');
  if (actor.id === null) throw new AppError('forbidden');
  checkSize({ fileName: input.fileName, buffer: input.buffer }, limitBytes);
  const orgId = await resolveImportOrg(db, actor, input.orgId);
  return db.transaction().execute(async (trx) => {
    const result = await runImport(trx, actor, { fileName: input.fileName, buffer: input.buffer }, { kind: input.kind, mode: input.mode, policy: 'valid_only', dryRun: true }, orgId);
    const { rows } = await sql<BatchRow>`insert into import_batches as b (kind, file_name, file_bytes, mode, status, report, org_id, created_by)
      values (${input.kind}, ${input.fileName}, ${input.buffer}, ${input.mode}, 'validated', ${JSON.stringify(reportOf(result))}::jsonb,
        ${orgId}, ${actor.id}) returning ${batchColumns}`.execute(trx);
    const batch = rows[0];
    await saveBatchErrors(trx, batch.id);
    await recordAudit(trx, actor, {
      action: 'registry.import_validated',
      entityType: 'import_batch',
      entityId: batch.id,
      detail: { kind: input.kind, fileName: input.fileName, mode: input.mode, rows: result.rows, valid: result.valid, invalid: result.invalid },
    });
    return presentBatch(batch);
  });
}

const batchColumns = sql`b.id, b.kind, b.file_name as "fileName", b.mode, b.status, b.report, b.org_id as "orgId",
  b.created_by as "createdBy", b.created_at as "createdAt", b.committed_at as "committedAt"`;

/** A batch the actor may see: one they uploaded, or one owned by an organisation in their data scope. */
async function findBatch(db: Kysely<any>, actor: Actor, id: number, forUpdate = false): Promise<BatchRow | null> {
  const visible = scopeCondition(actor.scope, { org: 'b.org_id', region: 'bo.region_code', createdBy: 'b.created_by' });
  const { rows } = await sql<BatchRow>`select ${batchColumns} from import_batches b join organisations bo on bo.id = b.org_id
    where b.id = ${id} and (b.created_by = ${actor.id}::bigint or ${visible}) ${forUpdate ? sql`for update of b` : sql``}`.execute(db);
  return rows[0] ?? null;
}

export async function getImportBatch(db: Kysely<any>, actor: Actor, id: number) {
  requirePermission(actor, 'registry:import');
  const batch = await findBatch(db, actor, id);
  if (!batch) throw notFound();
  return presentBatch(batch);
}

async function batchBytes(db: Kysely<any>, id: number): Promise<Buffer> {
  const { rows } = await sql<{ bytes: Uint8Array }>`select file_bytes as bytes from import_batches where id = ${id}`.execute(db);
  const bytes = rows[0].bytes;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Writes the stored file in one transaction under the chosen policy; audited. */
export async function commitImportBatch(db: Kysely<any>, actor: Actor, id: number, policy: CommitPolicy): Promise<CommitResult & { householdsCreated: number }> {
  requirePermission(actor, 'registry:import');
  return db.transaction().execute(async (trx) => {
    const batch = await findBatch(trx, actor, id, true);
    if (!batch) throw notFound();
    if (batch.status === 'committed') {
      throw new AppError('conflict', { zh: '该批次已导入，不能重复提交', en: 'This batch has already been committed' });
    }
    const orgId = await resolveImportOrg(trx, actor, batch.orgId);
    const source = { fileName: batch.fileName, buffer: await batchBytes(trx, id) };
    const result = await runImport(trx, actor, source, { kind: batch.kind, mode: batch.mode, policy, dryRun: false }, orgId);
    if (!result.committed) {
      throw new AppError('validation_failed', {
        zh: `有 ${result.invalid} 行数据有误，未导入任何数据；请修正后重新上传，或选择“只导入正确的行”`,
        en: `${result.invalid} rows are invalid; nothing was imported`,
        field: 'policy',
        data: { invalid: result.invalid, errorCount: result.errorCount },
      });
    }
    const outcome = { inserted: result.inserted, updated: result.updated, skipped: result.skipped, invalid: result.invalid, committed: true };
    const report: StoredReport = { ...reportOf(result), result: { ...outcome, policy, householdsCreated: result.householdsCreated } };
    await saveBatchErrors(trx, id);
    await sql`update import_batches set status = 'committed', committed_at = now(), report = ${JSON.stringify(report)}::jsonb
      where id = ${id}`.execute(trx);
    await auditImport(trx, actor, result, { policy, orgId, batchId: id });
    return { ...outcome, householdsCreated: result.householdsCreated };
  });
}

export interface StoredError {
  row_no: number;
  col_index: number | null;
  field: string;
  message: string;
}

/** The batch's file and a reader of all its problems in row order, paged by keyset. */
export async function openBatchForAnnotation(db: Kysely<any>, actor: Actor, id: number) {
  requirePermission(actor, 'registry:import');
  const batch = await findBatch(db, actor, id);
  if (!batch) throw notFound();
  const buffer = await batchBytes(db, id);
  async function* errors(): AsyncGenerator<StoredError> {
    let after = { row: 0, id: 0 };
    for (;;) {
      const { rows } = await sql<StoredError & { id: number }>`select id, row_no, col_index, field, message from import_batch_errors
        where batch_id = ${id} and (row_no, id) > (${after.row}::int, ${after.id}::bigint) order by row_no, id limit 2000`.execute(db);
      yield* rows;
      if (rows.length < 2000) return;
      const last = rows[rows.length - 1];
      after = { row: last.row_no, id: last.id };
    }
  }
  return { batch: presentBatch(batch), source: { fileName: batch.fileName, buffer }, errors: errors() };
}
