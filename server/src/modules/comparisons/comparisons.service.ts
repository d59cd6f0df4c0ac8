/**
 * 信息比对: upload another department's roll (kept with the run, previewed with a guessed
 * column mapping), run it with the confirmed mapping, read the run and its lists.
 *
 * A run computes in the background in ONE transaction that also takes an advisory lock on
 * the run: the lists appear all at once with the "completed" status, or not at all. A
 * server killed in the middle leaves the run "running" with no items; at the next start
 * (recoverInterruptedRuns) a run whose lock nobody holds is marked failed and can simply
 * run again — so there is never a half-written list, a duplicate line or a missing one.
 */
import { sql, type Kysely } from 'kysely';
import {
  ROLL_FIELD_LABELS, type ColumnMapping, type ComparisonOptions, type ComparisonRun, type RollField, type RollKind,
} from '../../contracts/comparisons.js';
import { recordAudit } from '../../kernel/audit.js';
import { can, requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, invalidField, notFound } from '../../kernel/errors.js';
import { maskIdNumber } from '../../kernel/privacy/mask.js';
import { checkSize } from '../registry/transfer/import.service.js';
import { openSheet } from '../registry/transfer/readers.js';
import { buildPreview, checkMapping } from './columns.js';
import { claimRun, decisionCounts, findRun, finishRun, insertRun, listRuns, runBytes, type RunRow } from './comparisons.repo.js';
import { computeRun, currentDate, rejectionMessage, RollRejected } from './engine.js';

/** Advisory lock class of comparison runs (the second key is the run id). */
const LOCK_CLASS = 2026_0006;
const PREVIEW_ROWS = 5;
const INTERRUPTED = '运行中断（服务曾停止），未保存任何比对结果，可重新运行';

export type ProgressLog = (runId: number, stage: string, rows: number) => void;

/** Runs in progress in this process: their stage, read while their transaction is open. */
const live = new Map<number, { stage: string; rows: number }>();

const fieldLabel = (field: string) => ROLL_FIELD_LABELS[field.replace(/^mapping\./, '') as RollField] ?? (field === 'file' ? '文件' : field);

/** The file's first rows are the roll's own data: ID numbers in them are masked unless the reader may reveal them. */
function previewFor(actor: Actor, preview: RunRow['preview'], withRows: boolean): RunRow['preview'] {
  if (!withRows) return { ...preview, sampleRows: [] };
  if (can(actor, 'pii:reveal')) return preview;
  const maskCell = (cell: string) => (/^\d{15}$|^\d{17}[\dXx]$/.test(cell) ? maskIdNumber(cell)! : cell);
  return { ...preview, sampleRows: preview.sampleRows.map((row) => row.map(maskCell)) };
}

async function present(db: Kysely<any>, actor: Actor, found: RunRow): Promise<ComparisonRun> {
  const state = live.get(found.id);
  const row = !state && found.status === 'running' && (await recoverIfInterrupted(db, found.id)) ? (await findRun(db, actor.scope, actor.id, found.id))! : found;
  return {
    ...row,
    preview: previewFor(actor, row.preview, true),
    status: state ? 'running' : row.status,
    decided: row.status === 'completed' ? await decisionCounts(db, row.id, actor.scope) : null,
    progress: state ? { ...state } : null,
  };
}

async function previewOf(kind: RollKind, fileName: string, bytes: Buffer) {
  const sheet = openSheet({ fileName, buffer: bytes });
  try {
    const first = await sheet.rows.next();
    if (first.done || first.value.cells.every((c) => c === null || String(c).trim() === '')) {
      throw new AppError('validation_failed', { zh: '文件是空的：第 1 行应为表头', en: 'The file is empty', field: 'file', problems: [{ row: 1, column: '', field: 'file', message: '文件是空的：第 1 行应为表头' }] });
    }
    const sample: (typeof first.value.cells)[] = [];
    for await (const row of sheet.rows) {
      if (row.cells.some((c) => c !== null && String(c).trim() !== '')) sample.push(row.cells);
      if (sample.length >= PREVIEW_ROWS) break;
    }
    return buildPreview(kind, first.value.cells, sample);
  } finally {
    await sheet.rows.return(undefined);
  }
}

async function ownerOrg(db: Kysely<any>, actor: Actor): Promise<number> {
  if (actor.orgId !== null) return actor.orgId;
  const { rows } = await sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`.execute(db);
  return rows[0].id;
}

export interface UploadInput {
  kind: RollKind;
  fileName: string;
  bytes: Buffer;
}

/** Keeps the roll as a run and answers its headers, the guessed mapping and the first rows. */
export async function uploadRoll(db: Kysely<any>, actor: Actor, input: UploadInput, limitBytes?: number): Promise<ComparisonRun> {
  requirePermission(actor, 'comparison:run');
  checkSize({ fileName: input.fileName, buffer: input.bytes }, limitBytes);
  const preview = await previewOf(input.kind, input.fileName, input.bytes);
  const orgId = await ownerOrg(db, actor);
  const id = await db.transaction().execute(async (trx) => {
    const runId = await insertRun(trx, { kind: input.kind, fileName: input.fileName, bytes: input.bytes, preview, orgId, createdBy: actor.id });
    await recordAudit(trx, actor, { action: 'comparison.uploaded', entityType: 'comparison_run', entityId: runId, detail: { kind: input.kind, fileName: input.fileName, bytes: input.bytes.length } });
    return runId;
  });
  return getComparison(db, actor, id);
}

export interface RunInput {
  /** Defaults to the mapping guessed at upload. */
  mapping?: ColumnMapping;
  regionCode?: string | null;
  policyCode?: string | null;
}

async function resolveOptions(db: Kysely<any>, actor: Actor, kind: RollKind, input: RunInput) {
  let regionCode = input.regionCode ?? null;
  if (!regionCode && actor.orgId !== null) {
    const { rows } = await sql<{ code: string }>`select region_code as code from organisations where id = ${actor.orgId}`.execute(db);
    regionCode = rows[0]?.code ?? null;
  }
  let coverPrefix = '';
  if (regionCode) {
    const { rows } = await sql<{ prefix: string }>`select prefix from regions where code = ${regionCode}`.execute(db);
    if (!rows[0]) throw invalidField('regionCode', `未知的行政区划：${regionCode}`, 'unknown region');
    coverPrefix = rows[0].prefix;
  }
  let policyId: number | null = null;
  const policyCode = kind === 'enrollment' ? (input.policyCode ?? null) : null;
  if (policyCode) {
    const { rows } = await sql<{ id: number }>`select id from policies where code = ${policyCode}`.execute(db);
    if (!rows[0]) throw invalidField('policyCode', `政策不存在：${policyCode}`, 'no such policy');
    policyId = rows[0].id;
  }
  const options: ComparisonOptions = { regionCode, policyCode };
  return { options, coverPrefix, policyId };
}

/**
 * Starts a run of an uploaded roll in the background and returns it at once (status running).
 * `wait` resolves when it has finished — tests, the CLI and benchmarks await it, HTTP does not.
 *
 * The run owns one connection throughout: it takes a session advisory lock on the run there,
 * then marks it running, computes it in one transaction, records the outcome, and unlocks. So
 * a run shown as running whose lock is free has lost its process (recoverIfInterrupted).
 * Everything inside uses that connection only (on PGlite another handle would wait for it).
 */
export async function startComparison(db: Kysely<any>, actor: Actor, id: number, input: RunInput, log?: ProgressLog): Promise<{ run: ComparisonRun; wait: Promise<void> }> {
  requirePermission(actor, 'comparison:run');
  const run = await getComparison(db, actor, id);
  if (run.status === 'running') throw inProgress();
  if (run.status === 'completed') throw new AppError('conflict', { zh: '该名册已比对完成；如需重新比对，请重新上传名册', en: 'already completed' });
  const mapping = checkMapping(run.kind, input.mapping ?? run.preview.mapping, run.preview.headers.length);
  const { options, coverPrefix, policyId } = await resolveOptions(db, actor, run.kind, input);

  const state = { stage: '排队中', rows: 0 };
  const progress = (stage: string, rows: number) => {
    Object.assign(state, { stage, rows });
    log?.(id, stage, rows);
  };
  let claimed!: (ok: boolean) => void;
  const claim = new Promise<boolean>((resolve) => (claimed = resolve));
  const wait = db.connection().execute(async (conn) => {
    if (live.has(id)) return claimed(false);
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${LOCK_CLASS}, ${id}::int) as ok`.execute(conn);
    if (!lock.rows[0].ok) return claimed(false);
    live.set(id, state);
    try {
      if (!(await claimRun(conn, id, mapping, options))) return claimed(false);
      claimed(true);
      await recordAudit(conn, actor, { action: 'comparison.started', entityType: 'comparison_run', entityId: id, after: { kind: run.kind, mapping, options } });
      await conn.transaction().execute(async (trx) => {
        const today = await currentDate(trx);
        const bytes = await runBytes(trx, id);
        const counts = await computeRun(trx, actor, { runId: id, kind: run.kind, fileName: run.fileName, bytes, mapping, today, coverPrefix, policyId, onProgress: progress });
        await finishRun(trx, id, { status: 'completed', counts });
        await recordAudit(trx, actor, { action: 'comparison.completed', entityType: 'comparison_run', entityId: id, detail: { kind: run.kind, fileName: run.fileName, counts } });
      });
      progress('完成', state.rows);
    } catch (error) {
      await recordFailure(conn, actor, id, error).catch((e) => console.error(`[comparisons] run ${id}: ${(e as Error).message}`));
    } finally {
      live.delete(id);
      await sql`select pg_advisory_unlock(${LOCK_CLASS}, ${id}::int)`.execute(conn).catch(() => undefined);
    }
  });
  const done = wait.then(
    () => undefined,
    (error) => {
      claimed(false); // the connection was lost before the claim
      console.error(`[comparisons] run ${id}: ${(error as Error)?.message ?? error}`);
    },
  );
  if (!(await claim)) throw inProgress();
  // Answered from what is known: on PGlite the database is the run's until it ends.
  const started: ComparisonRun = {
    ...run, status: 'running', mapping, options, counts: null, errors: [], errorCount: 0, message: null,
    startedAt: new Date().toISOString(), finishedAt: null, decided: null, progress: { ...state },
  };
  return { run: started, wait: done };
}

const inProgress = () => new AppError('run_in_progress', { zh: '该名册正在比对', en: 'this comparison is running' });

async function recordFailure(db: Kysely<any>, actor: Actor, id: number, error: unknown): Promise<void> {
  if (error instanceof RollRejected || error instanceof AppError) {
    const errors = error instanceof RollRejected ? error.errors : (error.detail?.problems ?? []).map((p) => ({ row: p.row ?? 1, column: p.column ?? '', field: p.field, message: p.message }));
    const total = error instanceof RollRejected ? error.total : errors.length;
    const message = error instanceof RollRejected ? rejectionMessage(errors, total, fieldLabel) : error.messageIn('zh');
    await finishRun(db, id, { status: 'rejected', errors, errorCount: total, message });
    await recordAudit(db, actor, { action: 'comparison.rejected', entityType: 'comparison_run', entityId: id, detail: { errorCount: total } });
    return;
  }
  console.error(`[comparisons] run ${id} failed: ${(error as Error)?.stack ?? error}`);
  await finishRun(db, id, { status: 'failed', message: `比对失败：${(error as Error)?.message ?? error}` });
}

/**
 * A run still "running" that no transaction holds (its lock is free) was cut off by a stop:
 * it kept nothing and is marked failed. Checked at start for every such run, and whenever one
 * is read — on PostgreSQL another server's live run holds its lock and is left alone.
 */
async function recoverIfInterrupted(db: Kysely<any>, id: number): Promise<boolean> {
  if (live.has(id)) return false;
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{ free: boolean }>`select pg_try_advisory_xact_lock(${LOCK_CLASS}, ${id}::int) as free`.execute(trx);
    if (!lock.rows[0].free) return false;
    const result = await sql`update comparison_runs set status = 'failed', message = ${INTERRUPTED}, finished_at = now()
      where id = ${id} and status = 'running'`.execute(trx);
    return Number(result.numAffectedRows ?? 0n) === 1;
  });
}

export async function recoverInterruptedRuns(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from comparison_runs where status = 'running'`.execute(db);
  let recovered = 0;
  for (const { id } of rows) if (await recoverIfInterrupted(db, id)) recovered += 1;
  return recovered;
}

/** Upload and run in one call, waiting for the result: what a benchmark or a script calls. A bad roll throws. */
export async function runComparison(db: Kysely<any>, actor: Actor, input: UploadInput & RunInput): Promise<ComparisonRun> {
  const uploaded = await uploadRoll(db, actor, input);
  const { wait } = await startComparison(db, actor, uploaded.id, input);
  await wait;
  const run = await getComparison(db, actor, uploaded.id);
  if (run.status === 'rejected') {
    throw new AppError('validation_failed', { zh: run.message ?? '名册有误', en: 'The roll has invalid rows', field: run.errors[0]?.field, problems: run.errors, data: { runId: run.id, errorCount: run.errorCount } });
  }
  if (run.status !== 'completed') throw new AppError('internal', { zh: run.message ?? '', en: run.message ?? '' });
  return run;
}

export async function getComparison(db: Kysely<any>, actor: Actor, id: number): Promise<ComparisonRun> {
  requirePermission(actor, 'comparison:run');
  const row = await findRun(db, actor.scope, actor.id, id);
  if (!row) throw notFound();
  return present(db, actor, row);
}

export async function getComparisons(db: Kysely<any>, actor: Actor): Promise<ComparisonRun[]> {
  requirePermission(actor, 'comparison:run');
  const rows = await listRuns(db, actor.scope, actor.id, 50);
  return rows.map((row) => {
    const state = live.get(row.id);
    return { ...row, preview: previewFor(actor, row.preview, false), status: state ? 'running' : row.status, decided: null, progress: state ? { ...state } : null };
  });
}
