/** Helpers for the comparison tests: rolls as workbooks or CSV, upload, run and wait, read the lists. */
import { sql, type Kysely } from 'kysely';
import { pollUntil, type Client, type Response } from '../../../test/harness.js';
import type { ComparisonItem, ComparisonRun, ItemKind, RollKind } from '../../contracts/comparisons.js';
import { multipart, workbookOf } from '../registry/transfer/test-support.js';

export { demoId, testId } from '../registry/transfer/test-support.js';

export async function uploadRoll(client: Client, kind: RollKind, rows: unknown[][], fileName = 'roll.xlsx'): Promise<Response<ComparisonRun>> {
  const content = fileName.endsWith('.csv') ? rows.map((r) => r.join(',')).join('\n') : await workbookOf(rows);
  const { body, headers } = multipart(fileName, content);
  return client.send('POST', `/api/comparisons?kind=${kind}`, body, headers);
}

/** Starts the run and reads it until it has finished (on PGlite the read simply waits for the run's transaction). */
export async function runAndWait(client: Client, id: number, body: Record<string, unknown> = {}): Promise<Response<ComparisonRun>> {
  const started = await client.post(`/api/comparisons/${id}/run`, body);
  if (started.status !== 200) return started;
  const run = await pollUntil(() => client.get<ComparisonRun>(`/api/comparisons/${id}`), (r) => r.status !== 200 || r.body.status !== 'running');
  if (run.status === 200 && run.body.status === 'running') throw new Error(`comparison ${id} did not finish`);
  return run;
}

/** Upload, then run with the guessed mapping (plus the body's options). */
export async function compare(client: Client, kind: RollKind, rows: unknown[][], body: Record<string, unknown> = {}): Promise<ComparisonRun> {
  const uploaded = await uploadRoll(client, kind, rows);
  if (uploaded.status !== 200) throw new Error(`upload: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  const run = await runAndWait(client, uploaded.body.id, body);
  if (run.status !== 200) throw new Error(`run: ${run.status} ${JSON.stringify(run.body)}`);
  return run.body;
}

export async function itemsOf(client: Client, runId: number, kind?: ItemKind): Promise<ComparisonItem[]> {
  const response = await client.get<{ items: ComparisonItem[]; total: number }>(`/api/comparisons/${runId}/items?pageSize=200${kind ? `&kind=${kind}` : ''}`);
  if (response.status !== 200) throw new Error(`items: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.items;
}

export async function personOf(db: Kysely<any>, name: string): Promise<{ id: number; idNumber: string; householdId: number }> {
  const { rows } = await sql<{ id: number; idNumber: string; householdId: number }>`select id, id_number as "idNumber", household_id as "householdId"
    from persons where name = ${name}`.execute(db);
  if (rows.length !== 1) throw new Error(`expected one person named ${name}`);
  return rows[0];
}

/** How many rows the tables a comparison may touch hold: a rejected roll must leave them all as they were. */
export async function tableCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const { rows } = await sql<Record<string, number>>`select
    (select count(*)::int from facts) as facts,
    (select count(*)::int from facts where valid_to is not null) as ended_facts,
    (select count(*)::int from comparison_items) as items,
    (select count(*)::int from enrollments where status = 'stopped') as stopped`.execute(db);
  return rows[0];
}
