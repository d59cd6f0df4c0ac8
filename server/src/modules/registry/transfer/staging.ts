/**
 * The staging area of one import: temporary tables, private to the import's transaction
 * and dropped at its end, that hold each data row once checked on its own and every
 * problem found. The checks that need the whole file or the registry (duplicates, existing
 * persons, households) then run over them as set-based SQL, and so do the writes: no
 * per-row objects live in memory for the whole file.
 */
import { sql, type Kysely } from 'kysely';
import type { CellProblem, StagedRow } from './row-validation.js';
import { columnLetter } from './columns.js';

export interface RowError {
  /** As the spreadsheet shows it: the header is row 1. */
  row: number;
  /** The column letter in the user's file ('' when the problem has no single column). */
  column: string;
  field: string;
  message: string;
}

export interface StageCounts {
  rows: number;
  valid: number;
  invalid: number;
  toInsert: number;
  toUpdate: number;
  skipped: number;
  newHouseholds: number;
}

/** Rows are sent to the database this many at a time. */
export const CHUNK_ROWS = 2000;

export async function createStage(trx: Kysely<any>): Promise<void> {
  await sql`
    create temp table import_stage (
      row_no int primary key,
      id_number text, name text, name_pinyin text, name_initials text, sex text, birth_date date,
      phone text, address text, region_code text,
      ok boolean not null,
      household_key text, relationship text, household_address text,
      existing_id bigint, existing_household bigint, existing_relationship text, existing_in_scope boolean,
      -- insert | update | skip; valid starts as ok and is cleared for rows the later checks refuse.
      action text not null default 'insert', valid boolean not null
    ) on commit drop;
    create temp table import_stage_errors (
      seq int generated always as identity,
      row_no int not null, col_index int, field text not null, message text not null
    ) on commit drop;
    create index import_stage_errors_row_idx on import_stage_errors (row_no);
  `.execute(trx);
}

/** Once every row is staged: the indexes the checks use, built in one go, and statistics for the planner. */
export async function indexStage(trx: Kysely<any>): Promise<void> {
  await sql`create index import_stage_id_idx on import_stage (id_number);
    create index import_stage_household_idx on import_stage (household_key);
    analyze import_stage;`.execute(trx);
}

export async function stageRows(trx: Kysely<any>, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof StagedRow>(key: K) => rows.map((r) => r[key]);
  await sql`insert into import_stage (row_no, id_number, name, name_pinyin, name_initials, sex, birth_date, phone, address,
      region_code, ok, valid, household_key, relationship, household_address)
    select * from unnest(${col('rowNo')}::int[], ${col('idNumber')}::text[], ${col('name')}::text[], ${col('namePinyin')}::text[],
      ${col('nameInitials')}::text[], ${col('sex')}::text[], ${col('birthDate')}::date[], ${col('phone')}::text[], ${col('address')}::text[],
      ${col('regionCode')}::text[], ${col('ok')}::boolean[], ${col('ok')}::boolean[], ${col('householdKey')}::text[], ${col('relationship')}::text[],
      ${col('householdAddress')}::text[])`.execute(trx);
}

export async function stageProblems(trx: Kysely<any>, problems: CellProblem[]): Promise<void> {
  for (let i = 0; i < problems.length; i += CHUNK_ROWS * 4) {
    const part = problems.slice(i, i + CHUNK_ROWS * 4);
    await sql`insert into import_stage_errors (row_no, col_index, field, message)
      select * from unnest(${part.map((p) => p.rowNo)}::int[], ${part.map((p) => p.colIndex)}::int[],
        ${part.map((p) => p.field)}::text[], ${part.map((p) => p.message)}::text[])`.execute(trx);
  }
}

export async function stageCounts(trx: Kysely<any>, kind: 'persons' | 'households'): Promise<StageCounts> {
  const { rows } = await sql<Omit<StageCounts, 'invalid' | 'newHouseholds'>>`select count(*)::int as rows,
      count(*) filter (where valid)::int as valid,
      count(*) filter (where valid and action = 'insert')::int as "toInsert",
      count(*) filter (where valid and action = 'update')::int as "toUpdate",
      count(*) filter (where valid and action = 'skip')::int as skipped
    from import_stage`.execute(trx);
  let newHouseholds = 0;
  if (kind === 'households') {
    const groups = await sql<{ n: number }>`select count(*)::int as n from import_groups where valid and target_id is null`.execute(trx);
    newHouseholds = groups.rows[0].n;
  }
  const c = rows[0];
  return { ...c, invalid: c.rows - c.valid, newHouseholds };
}

/** The first `cap` problems in row and column order, and how many there are in all. */
export async function stagedErrors(trx: Kysely<any>, cap: number): Promise<{ errors: RowError[]; total: number }> {
  const { rows } = await sql<{ row_no: number; col_index: number | null; field: string; message: string }>`
    select row_no, col_index, field, message from import_stage_errors
    order by row_no, col_index nulls first, seq limit ${cap}`.execute(trx);
  const total = await sql<{ n: number }>`select count(*)::int as n from import_stage_errors`.execute(trx);
  return { errors: rows.map(toRowError), total: total.rows[0].n };
}

export function toRowError(r: { row_no: number; col_index: number | null; field: string; message: string }): RowError {
  return { row: r.row_no, column: r.col_index === null ? '' : columnLetter(r.col_index), field: r.field, message: r.message };
}

/** Keeps every problem of a stored batch, for its annotated workbook. */
export async function saveBatchErrors(trx: Kysely<any>, batchId: number): Promise<void> {
  await sql`delete from import_batch_errors where batch_id = ${batchId}`.execute(trx);
  await sql`insert into import_batch_errors (batch_id, row_no, col_index, field, message)
    select ${batchId}, row_no, col_index, field, message from import_stage_errors order by row_no, col_index nulls first, seq`.execute(trx);
}
