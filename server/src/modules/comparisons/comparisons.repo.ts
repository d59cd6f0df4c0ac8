/**
 * SQL for comparison runs and their items. A run is seen by the user who uploaded it and by
 * users whose data scope holds its organisation; an item is seen when its household (or,
 * without one, its person) is in the reader's scope — rows the registry has no record for
 * (unmatched) go with the run.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type {
  ColumnMapping, ComparisonCounts, ComparisonItem, ComparisonOptions, ComparisonRun, ItemKind, ItemStatus, RollError, RollKind, RollPreview,
} from '../../contracts/comparisons.js';
import { scopeCondition, type DataScope } from '../../kernel/auth/scope.js';
import { householdScope } from '../registry/households.repo.js';
import { personScope } from '../registry/persons.repo.js';

/** A run as stored: what the reader has decided and the live progress are added by the service. */
export type RunRow = Omit<ComparisonRun, 'decided' | 'progress'>;

const runColumns = sql`r.id, r.kind, r.file_name as "fileName", r.status, r.preview, r.mapping, r.options, r.counts, r.errors,
  r.error_count as "errorCount", r.message, r.org_id as "orgId", o.name as "orgName", r.created_by as "createdBy",
  u.display_name as "createdByName", r.created_at as "createdAt", r.started_at as "startedAt", r.finished_at as "finishedAt"`;
const runFrom = sql`comparison_runs r join organisations o on o.id = r.org_id left join users u on u.id = r.created_by`;

function runVisible(scope: DataScope, userId: number | null): RawBuilder<boolean> {
  const inScope = scopeCondition(scope, { org: 'r.org_id', region: 'o.region_code', createdBy: 'r.created_by' });
  return sql<boolean>`(r.created_by = ${userId}::bigint or ${inScope})`;
}

export async function insertRun(
  db: Kysely<any>,
  run: { kind: RollKind; fileName: string; bytes: Buffer; preview: RollPreview; orgId: number; createdBy: number | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into comparison_runs (kind, file_name, file_bytes, status, preview, org_id, created_by)
    values (${run.kind}, ${run.fileName}, ${run.bytes}, 'uploaded', ${JSON.stringify(run.preview)}::jsonb, ${run.orgId}, ${run.createdBy})
    returning id`.execute(db);
  return rows[0].id;
}

export async function findRun(db: Kysely<any>, scope: DataScope, userId: number | null, id: number): Promise<RunRow | null> {
  const { rows } = await sql<RunRow>`select ${runColumns} from ${runFrom} where r.id = ${id} and ${runVisible(scope, userId)}`.execute(db);
  return rows[0] ?? null;
}

export async function listRuns(db: Kysely<any>, scope: DataScope, userId: number | null, limit: number): Promise<RunRow[]> {
  const { rows } = await sql<RunRow>`select ${runColumns} from ${runFrom} where ${runVisible(scope, userId)}
    order by r.id desc limit ${limit}`.execute(db);
  return rows;
}

export async function runBytes(db: Kysely<any>, id: number): Promise<Buffer> {
  const { rows } = await sql<{ bytes: Uint8Array }>`select file_bytes as bytes from comparison_runs where id = ${id}`.execute(db);
  const bytes = rows[0].bytes;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Claims a run for running: only one request wins, and only while it is not running or completed. */
export async function claimRun(db: Kysely<any>, id: number, mapping: ColumnMapping, options: ComparisonOptions): Promise<boolean> {
  const result = await sql`update comparison_runs set status = 'running', mapping = ${JSON.stringify(mapping)}::jsonb,
      options = ${JSON.stringify(options)}::jsonb, counts = null, errors = '[]', error_count = 0, message = null,
      started_at = now(), finished_at = null
    where id = ${id} and status in ('uploaded', 'rejected', 'failed')`.execute(db);
  return Number(result.numAffectedRows ?? 0n) === 1;
}

export async function finishRun(
  db: Kysely<any>,
  id: number,
  outcome: { status: 'completed' | 'rejected' | 'failed'; counts?: ComparisonCounts; errors?: RollError[]; errorCount?: number; message?: string | null },
): Promise<void> {
  await sql`update comparison_runs set status = ${outcome.status}, counts = ${outcome.counts ? JSON.stringify(outcome.counts) : null}::jsonb,
      errors = ${JSON.stringify(outcome.errors ?? [])}::jsonb, error_count = ${outcome.errorCount ?? 0}, message = ${outcome.message ?? null},
      finished_at = now()
    where id = ${id}`.execute(db);
}

/** The items a reader may see: their household, else their person, in scope; unmatched rows go with the run. */
export function itemVisible(scope: DataScope, alias = 'i'): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const i = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<boolean>`(case
    when ${i('household_id')} is not null then exists (select 1 from households h where h.id = ${i('household_id')} and ${householdScope(scope, 'h')})
    when ${i('person_id')} is not null then exists (select 1 from persons p where p.id = ${i('person_id')} and ${personScope(scope, 'p')})
    else true end)`;
}

/** An item as stored: what accepting would do is still data (the proposal), not words. */
export type ItemRow = Omit<ComparisonItem, 'action'> & { proposal: Proposal | null };

export type Proposal =
  | { action: 'record_fact'; factKind: string; subject: 'person' | 'household'; value: Record<string, unknown>; validFrom: string; label: string }
  | { action: 'end_fact'; factId: number; factKind: string; endOn: string; label: string }
  | { action: 'stop_enrollment'; enrollmentId: number; endedOn: string; label: string; reason: string };

const itemColumns = sql`i.id, i.run_id as "runId", i.kind, i.row_no as "rowNo", i.id_number as "idNumber", i.name,
  i.registry_name as "registryName", i.person_id as "personId", i.household_id as "householdId", i.region_code as "regionCode",
  i.reason, i.proposal, i.status, i.decision_reason as "decisionReason", du.display_name as "decidedByName", i.decided_at as "decidedAt"`;

export interface ItemFilter {
  kind?: ItemKind;
  status?: ItemStatus;
}

function itemWhere(runId: number, scope: DataScope, filter: ItemFilter): RawBuilder<boolean> {
  const parts = [sql`i.run_id = ${runId}`, itemVisible(scope)];
  if (filter.kind) parts.push(sql`i.kind = ${filter.kind}`);
  if (filter.status) parts.push(sql`i.status = ${filter.status}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export async function listItems(db: Kysely<any>, runId: number, scope: DataScope, filter: ItemFilter, page: { limit: number; offset: number }) {
  const where = itemWhere(runId, scope, filter);
  const { rows } = await sql<ItemRow>`select ${itemColumns} from comparison_items i left join users du on du.id = i.decided_by
    where ${where} order by i.kind, coalesce(i.row_no, 0), i.id limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from comparison_items i where ${where}`.execute(db);
  return { items: rows, total: total.rows[0].n };
}

/** One page of items below `after` (by id, descending), for the export. */
export async function itemPage(db: Kysely<any>, runId: number, scope: DataScope, filter: ItemFilter, after: number, limit: number): Promise<ItemRow[]> {
  const { rows } = await sql<ItemRow>`select ${itemColumns} from comparison_items i left join users du on du.id = i.decided_by
    where ${itemWhere(runId, scope, filter)} and i.id < ${after} order by i.id desc limit ${limit}`.execute(db);
  return rows;
}

export async function findItems(db: Kysely<any>, runId: number, scope: DataScope, ids: number[]): Promise<ItemRow[]> {
  const { rows } = await sql<ItemRow>`select ${itemColumns} from comparison_items i left join users du on du.id = i.decided_by
    where i.run_id = ${runId} and i.id = any(${ids}::bigint[]) and ${itemVisible(scope)} order by i.id`.execute(db);
  return rows;
}

/** The enrollments a death stops: the run's pending to_stop items of the person. */
export async function pendingStopsOf(db: Kysely<any>, runId: number, scope: DataScope, personId: number): Promise<ItemRow[]> {
  const { rows } = await sql<ItemRow>`select ${itemColumns} from comparison_items i left join users du on du.id = i.decided_by
    where i.run_id = ${runId} and i.person_id = ${personId} and i.kind = 'to_stop' and i.status = 'pending' and ${itemVisible(scope)}
    order by i.id`.execute(db);
  return rows;
}

export async function decisionCounts(db: Kysely<any>, runId: number, scope: DataScope) {
  const { rows } = await sql<{ status: ItemStatus; n: number }>`select i.status, count(*)::int as n from comparison_items i
    where i.run_id = ${runId} and ${itemVisible(scope)} group by i.status`.execute(db);
  const n = (status: ItemStatus) => rows.find((r) => r.status === status)?.n ?? 0;
  return { pending: n('pending'), accepted: n('accepted'), dismissed: n('dismissed') };
}
