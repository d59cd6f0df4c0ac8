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
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, invalidField, notFound } from '../../kernel/errors.js';
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

async function present(db: Kysely<any>, actor: Actor, row: RunRow): Promise<ComparisonRun> {
  const state = live.get(row.id);
  return {
    ...row,
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
 */
export async function startComparison(db: Kysely<any>, actor: Actor, id: number, input: RunInput, log?: ProgressLog): Promise<{ run: ComparisonRun; wait: Promise<void> }> {
  requirePermission(actor, 'comparison:run');
  const run = await findRun(db, actor.scope, actor.id, id);
  if (!run) throw notFound();
  if (run.status === 'running' || live.has(id)) throw new AppError('run_in_progress', { zh: '该名册正在比对', en: 'this comparison is running' });
  if (run.status === 'completed') throw new AppError('conflict', { zh: '该名册已比对完成；如需重新比对，请重新上传名册', en: 'already completed' });
  const mapping = checkMapping(run.kind, input.mapping ?? run.preview.mapping, run.preview.headers.length);
  const { options, coverPrefix, policyId } = await resolveOptions(db, actor, run.kind, input);
  if (!(await claimRun(db, id, mapping, options))) throw new AppError('run_in_progress', { zh: '该名册正在比对', en: 'this comparison is running' });
  await recordAudit(db, actor, { action: 'comparison.started', entityType: 'comparison_run', entityId: id, after: { kind: run.kind, mapping, options } });

  const state = { stage: '排队中', rows: 0 };
  live.set(id, state);
  const progress = (stage: string, rows: number) => {
    Object.assign(state, { stage, rows });
    log?.(id, stage, rows);
  };
  const wait = (async () => {
    await new Promise((resolve) => setImmediate(resolve)); // the request that started the run answers first
    try {
      await db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, ${id}::int)`.execute(trx);
        const today = await currentDate(trx);
        const bytes = await runBytes(trx, id);
        const counts = await computeRun(trx, actor, { runId: id, kind: run.kind, fileName: run.fileName, bytes, mapping, today, coverPrefix, policyId, onProgress: progress });
        await finishRun(trx, id, { status: 'completed', counts });
        await recordAudit(trx, actor, { action: 'comparison.completed', entityType: 'comparison_run', entityId: id, detail: { kind: run.kind, fileName: run.fileName, counts } });
      });
      progress('完成', state.rows);
    } catch (error) {
      await recordFailure(db, actor, id, error).catch((e) => console.error(`[comparisons] run ${id}: ${(e as Error).message}`));
    } finally {
      live.delete(id);
    }
  })();
  return { run: await getComparison(db, actor, id), wait };
}

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

/** At start: a run still "running" whose lock nobody holds was cut off by a stop; it is marked failed (it kept nothing). */
export async function recoverInterruptedRuns(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from comparison_runs where status = 'running'`.execute(db);
  let recovered = 0;
  for (const { id } of rows) {
    if (live.has(id)) continue;
    await db.transaction().execute(async (trx) => {
      const lock = await sql<{ free: boolean }>`select pg_try_advisory_xact_lock(${LOCK_CLASS}, ${id}::int) as free`.execute(trx);
      if (!lock.rows[0].free) return;
      await finishRun(trx, id, { status: 'failed', message: INTERRUPTED });
      recovered += 1;
    });
  }
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
    return { ...row, status: state ? 'running' : row.status, decided: null, progress: state ? { ...state } : null };
  });
}
