/**
 * The staging area of one comparison: temporary tables private to the run's transaction
 * (dropped at its end) holding each roll row once checked on its own, and every problem
 * found. Rows go in a few thousand at a time as arrays (one INSERT … SELECT unnest per
 * chunk), so a 200,000-row roll never sits in memory; duplicates within the roll and the
 * matching against the registry then run over them as set-based SQL.
 */
import { sql, type Kysely } from 'kysely';
import type { RollError, RollKind } from '../../contracts/comparisons.js';
import { columnLetter } from '../registry/transfer/columns.js';
import type { RollRow, RowProblem } from './row-parse.js';

/** Rows are sent to the database this many at a time. */
export const CHUNK_ROWS = 2000;

export async function createStage(trx: Kysely<any>): Promise<void> {
  await sql`
    create temp table cmp_stage (
      row_no int primary key,
      id_number text, name text, name_key text,
      status text, dated date, certificate_no text, category int, grade int, programme text, amount_fen bigint,
      ok boolean not null,
      -- Filled by the match: the registry's person (in the runner's data scope), household and name.
      person_id bigint, registry_name text, household_id bigint, region_code text, name_ok boolean
    ) on commit drop;
    create temp table cmp_errors (
      seq int generated always as identity,
      row_no int not null, col_index int, field text not null, message text not null
    ) on commit drop;
  `.execute(trx);
}

export async function stageRows(trx: Kysely<any>, rows: RollRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof RollRow>(key: K) => rows.map((r) => r[key]);
  await sql`insert into cmp_stage (row_no, id_number, name, name_key, status, dated, certificate_no, category, grade, programme, amount_fen, ok)
    select * from unnest(${col('rowNo')}::int[], ${col('idNumber')}::text[], ${col('name')}::text[], ${col('nameKey')}::text[],
      ${col('status')}::text[], ${col('dated')}::date[], ${col('certificateNo')}::text[], ${col('category')}::int[], ${col('grade')}::int[],
      ${col('programme')}::text[], ${col('amountFen')}::bigint[], ${col('ok')}::boolean[])`.execute(trx);
}

export async function stageProblems(trx: Kysely<any>, problems: RowProblem[]): Promise<void> {
  for (let i = 0; i < problems.length; i += CHUNK_ROWS) {
    const part = problems.slice(i, i + CHUNK_ROWS);
    await sql`insert into cmp_errors (row_no, col_index, field, message)
      select * from unnest(${part.map((p) => p.rowNo)}::int[], ${part.map((p) => p.colIndex)}::int[],
        ${part.map((p) => p.field)}::text[], ${part.map((p) => p.message)}::text[])`.execute(trx);
  }
}

/**
 * A person listed twice is an error on each of their rows, naming the other rows. In an
 * enrollment list one person may hold several programmes: there the same person in the
 * same programme twice is the duplicate.
 */
export async function checkDuplicates(trx: Kysely<any>, kind: RollKind, idCol: number | null): Promise<void> {
  const key = kind === 'enrollment' ? sql`id_number || '|' || coalesce(programme, '')` : sql`id_number`;
  const what = kind === 'enrollment' ? '同一人的同一项目在名册中重复' : '此人在名册中重复';
  await sql`with k as (select row_no, ${key} as k from cmp_stage where id_number is not null),
    d as (select k, array_agg(row_no order by row_no) as nos from k group by k having count(*) > 1)
    insert into cmp_errors (row_no, col_index, field, message)
    select k.row_no, ${idCol}::int, 'idNumber',
      ${what} || '（与第 ' || array_to_string((array_remove(d.nos, k.row_no))[1:5], '、') || ' 行'
        || case when cardinality(d.nos) > 6 then '等' else '' end || '相同）'
    from k join d on d.k = k.k`.execute(trx);
}

/** The first `cap` problems in row and column order, and how many there are in all. */
export async function stagedErrors(trx: Kysely<any>, cap: number): Promise<{ errors: RollError[]; total: number }> {
  const { rows } = await sql<{ row_no: number; col_index: number | null; field: string; message: string }>`
    select row_no, col_index, field, message from cmp_errors order by row_no, col_index nulls first, seq limit ${cap}`.execute(trx);
  const total = await sql<{ n: number }>`select count(*)::int as n from cmp_errors`.execute(trx);
  return {
    errors: rows.map((r) => ({ row: r.row_no, column: r.col_index === null ? '' : columnLetter(r.col_index), field: r.field, message: r.message })),
    total: total.rows[0].n,
  };
}
