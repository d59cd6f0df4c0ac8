/**
 * "The policy finds the person": a run over chosen policies and regions, started in the
 * background, with progress and cancel; its candidate lists (to add, to stop, amount
 * changed, undecidable) and a caseworker's decision on each row. The run's households are
 * the requested regions inside the requester's data scope; readers see their own scope.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Candidate, CandidateDecision, PolicyRun, RunKind, RunPolicyCounts } from '../../../contracts/policies.js';
import { recordAudit } from '../../../kernel/audit.js';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.js';
import { escapeLike } from '../../../kernel/auth/scope.js';
import { AppError, invalidField, notFound } from '../../../kernel/errors.js';
import { householdScope } from '../../registry/households.repo.js';
import { compileVersion } from '../compile.js';
import { evaluateHousehold, today } from '../evaluation.service.js';
import { activeVersions } from '../policies.repo.js';
import { RunCancelled, runPolicies, type RunVersion } from './engine.js';
import { findCandidate, findRun, finishRun, insertRun, listCandidates, listRuns, recordDecision, type CandidateFilter } from './runs.repo.js';

export interface LiveRun {
  done: number;
  total: number;
  stage: string;
  cancelled: boolean;
  finished: Promise<void>;
}

/** Runs in progress in this process: progress is read from here while the run's transaction is open. */
const live = new Map<number, LiveRun>();

export function householdFilter(actor: Actor, regionCodes: string[]): RawBuilder<boolean> {
  const regions = regionCodes.map((code) => `${escapeLike(code.replace(/(00)+$/, ''))}%`);
  return sql<boolean>`${householdScope(actor.scope)} ${regions.length ? sql`and h.region_code like any(${regions}::text[])` : sql``}`;
}

/** Whether a run by this actor over these regions covers every household. */
export function coversEveryone(actor: Actor, regionCodes: string[]): boolean {
  return actor.scope.all && regionCodes.length === 0;
}

export async function runVersions(db: Kysely<any>, codes: string[] | null): Promise<RunVersion[]> {
  const versions = await activeVersions(db, codes);
  if (codes) {
    const missing = codes.filter((c) => !versions.some((v) => v.code === c));
    if (missing.length) throw invalidField('policyCodes', `没有已启用的政策：${missing.join('、')}`, 'no active version');
  }
  return versions.map((v) => ({
    policyId: v.policyId, code: v.code, name: v.nameZh, target: v.target, period: v.period, versionId: v.id, compiled: compileVersion(v),
  }));
}

async function checkRegions(db: Kysely<any>, regionCodes: string[]): Promise<void> {
  if (regionCodes.length === 0) return;
  const { rows } = await sql<{ code: string }>`select code from regions where code = any(${regionCodes}::text[])`.execute(db);
  const unknown = regionCodes.filter((c) => !rows.some((r) => r.code === c));
  if (unknown.length) throw invalidField('regionCodes', `未知的行政区划：${unknown.join('、')}`, 'unknown region');
}

export interface StartRunInput {
  policyCodes?: string[];
  regionCodes?: string[];
  asOf?: string;
}

/**
 * Starts a population run in the background and returns it at once (status running).
 * `wait` resolves when it has finished — the CLI and tests await it, the HTTP API does not.
 */
export async function startRun(db: Kysely<any>, actor: Actor, input: StartRunInput, kind: RunKind = 'run'): Promise<{ run: PolicyRun; wait: Promise<void> }> {
  requirePermission(actor, 'policy:run');
  const regionCodes = input.regionCodes ?? [];
  await checkRegions(db, regionCodes);
  const versions = await runVersions(db, input.policyCodes?.length ? input.policyCodes : null);
  const asOf = input.asOf ?? (await today(db));
  const runId = await insertRun(db, { kind, policyCodes: versions.map((v) => v.code), regionCodes, asOf, requestedBy: actor.id });
  await recordAudit(db, actor, { action: 'policy.run_started', entityType: 'policy_run', entityId: runId, after: { policyCodes: versions.map((v) => v.code), regionCodes, asOf } });
  const filter = householdFilter(actor, regionCodes);
  const wait = launch(db, runId, versions.length + 1, (trx, state) =>
    runPolicies(trx, {
      runId, kind, asOf, filter, versions, everyone: coversEveryone(actor, regionCodes),
      onProgress: (done, total, stage) => Object.assign(state, { done, total, stage }),
      isCancelled: () => state.cancelled,
    }).then((counts) => ({ counts })),
  );
  return { run: await getRun(db, actor, runId), wait };
}

export type RunWork = (trx: Transaction<any>, state: LiveRun) => Promise<{ counts?: RunPolicyCounts[]; simulation?: unknown }>;

/** Runs `work` in one transaction in the background; its result or failure lands on the run row. */
export function launch(db: Kysely<any>, runId: number, total: number, work: RunWork): Promise<void> {
  const state: LiveRun = { done: 0, total, stage: '排队中', cancelled: false, finished: Promise.resolve() };
  live.set(runId, state);
  state.finished = (async () => {
    // Let the request that started the run answer first.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await db.transaction().execute(async (trx) => {
        const result = await work(trx, state);
        if (state.cancelled) throw new RunCancelled();
        await finishRun(trx, runId, 'completed', result);
      });
    } catch (error) {
      const cancelled = error instanceof RunCancelled;
      await finishRun(db, runId, cancelled ? 'cancelled' : 'failed', { error: cancelled ? null : `运行失败：${(error as Error).message}` }).catch(() => undefined);
    } finally {
      live.delete(runId);
      started.delete(runId);
    }
  })();
  return state.finished;
}

export async function cancelRun(db: Kysely<any>, actor: Actor, id: number): Promise<PolicyRun> {
  requirePermission(actor, 'policy:run');
  const state = live.get(id);
  if (!state) throw new AppError('conflict', { zh: '该运行已结束，不能取消', en: 'the run has finished' });
  state.cancelled = true;
  await recordAudit(db, actor, { action: 'policy.run_cancelled', entityType: 'policy_run', entityId: id });
  await state.finished;
  return getRun(db, actor, id);
}

export async function getRun(db: Kysely<any>, actor: Actor, id: number): Promise<PolicyRun> {
  requirePermission(actor, 'policy:read');
  const state = live.get(id);
  if (state) {
    // The run's own transaction may hold the embedded database; answer from memory.
    const row = await findRunUnlessBusy(db, id);
    return { ...(row ?? placeholder(id)), status: 'running', progress: { done: state.done, total: state.total, stage: state.stage } };
  }
  const row = await findRun(db, id);
  if (!row) throw notFound();
  const total = row.counts.length + 1;
  return { ...row, progress: { done: row.status === 'completed' ? total : 0, total, stage: row.status === 'completed' ? '完成' : '' } };
}

const started = new Map<number, Omit<PolicyRun, 'progress'>>();

async function findRunUnlessBusy(db: Kysely<any>, id: number) {
  const cached = started.get(id);
  if (cached) return cached;
  const row = await findRun(db, id);
  if (row) started.set(id, row);
  return row;
}

function placeholder(id: number): Omit<PolicyRun, 'progress'> {
  return { id, kind: 'run', status: 'running', policyCodes: [], regionCodes: [], asOf: '', counts: [], error: null, requestedBy: null, requestedByName: null, startedAt: '', finishedAt: null };
}

export async function getRuns(db: Kysely<any>, actor: Actor, kinds: RunKind[] = ['run']): Promise<PolicyRun[]> {
  requirePermission(actor, 'policy:read');
  const rows = await listRuns(db, kinds, 50);
  return Promise.all(rows.map((r) => (live.has(r.id) ? getRun(db, actor, r.id) : { ...r, progress: { done: 0, total: r.counts.length + 1, stage: '' } })));
}

export async function getCandidates(db: Kysely<any>, actor: Actor, runId: number, filter: CandidateFilter, page: { page: number; pageSize: number }) {
  requirePermission(actor, 'policy:read');
  if (!(await findRun(db, runId))) throw notFound();
  return listCandidates(db, runId, actor.scope, filter, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
}

/** A caseworker acts on a candidate: start an application, stop with a reason, or set aside. */
export async function decideCandidate(db: Kysely<any>, actor: Actor, id: number, decision: CandidateDecision, reason: string | null): Promise<Candidate> {
  requirePermission(actor, 'policy:run');
  const candidate = await findCandidate(db, id, actor.scope);
  if (!candidate) throw notFound();
  if ((decision === 'stop' || decision === 'dismiss') && !reason?.trim()) throw invalidField('reason', '停发或暂不处理须填写原因', 'a reason is required');
  if (decision === 'apply' && candidate.kind === 'stop') throw invalidField('decision', '“应退未退”的名单不能发起申请', 'cannot apply on a stop candidate');
  if (decision === 'stop' && (candidate.kind === 'add' || candidate.kind === 'gained')) throw invalidField('decision', '尚未享受，无需停发', 'nothing to stop');
  // The decision keeps what it was made on: today's evaluation of this subject, with its explanation.
  const evaluations = await evaluateHousehold(db, actor, candidate.householdId, { codes: [candidate.policyCode] }).catch(() => []);
  const evaluation = evaluations.find((e) => e.personId === candidate.personId) ?? null;
  await db.transaction().execute(async (trx) => {
    await recordDecision(trx, id, decision, reason?.trim() || null, actor.id, evaluation);
    await recordAudit(trx, actor, { action: 'policy.candidate_decided', entityType: 'household', entityId: candidate.householdId, before: { decision: candidate.decision }, after: { candidateId: id, policyCode: candidate.policyCode, decision, reason } });
  });
  return (await findCandidate(db, id, actor.scope))!;
}

export type { RunPolicyCounts };
