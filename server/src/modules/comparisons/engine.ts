/**
 * One comparison inside the caller's transaction: stream the stored roll, check each row on
 * its own and stage it in chunks, check duplicates over the whole roll, and — only when no
 * row has a problem — match the registry and write the lists. Any problem rejects the whole
 * roll (RollRejected, carrying the first problems and their count): the caller rolls back,
 * so a rejected roll changes nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { ColumnMapping, ComparisonCounts, RollError, RollKind } from '../../contracts/comparisons.js';
import type { Actor } from '../../kernel/auth/actor.js';
import { openSheet } from '../registry/transfer/readers.js';
import { countRun, matchAndList } from './match.js';
import { RollRowParser, type RollRow, type RowProblem } from './row-parse.js';
import { CHUNK_ROWS, checkDuplicates, createStage, stagedErrors, stageProblems, stageRows } from './stage.js';

/** A run keeps this many problems of a rejected roll; the count stays exact. */
export const ERROR_CAP = 500;

export class RollRejected extends Error {
  constructor(
    readonly errors: RollError[],
    readonly total: number,
  ) {
    super(`the roll has ${total} problems`);
  }
}

export interface ComputeInput {
  runId: number;
  kind: RollKind;
  fileName: string;
  bytes: Buffer;
  mapping: ColumnMapping;
  today: string;
  coverPrefix: string;
  policyId: number | null;
  onProgress: (stage: string, rows: number) => void;
}

export async function computeRun(trx: Kysely<any>, actor: Actor, input: ComputeInput): Promise<ComparisonCounts> {
  const sheet = openSheet({ fileName: input.fileName, buffer: input.bytes });
  try {
    const header = await sheet.rows.next();
    if (header.done) throw new RollRejected([{ row: 1, column: '', field: 'file', message: '文件是空的，没有表头和数据' }], 1);
    await createStage(trx);
    const parser = new RollRowParser(input.kind, input.mapping, input.today);
    let rows: RollRow[] = [];
    let problems: RowProblem[] = [];
    let count = 0;
    // One chunk is written while the next is read and checked: with a PostgreSQL server the two overlap.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const chunk = { rows, problems, count };
      rows = [];
      problems = [];
      await writing;
      writing = stageRows(trx, chunk.rows).then(() => stageProblems(trx, chunk.problems)).then(() => input.onProgress('读取名册', chunk.count));
      writing.catch(() => undefined); // observed by the next flush
      // PGlite answers without ever leaving the microtask queue: give the event loop a turn per
      // chunk, so logs reach their pipe and requests that need no database (health) are answered.
      await new Promise((resolve) => setImmediate(resolve));
    };
    for await (const sheetRow of sheet.rows) {
      const outcome = parser.parse(sheetRow.number, sheetRow.cells);
      if (outcome === 'blank') continue;
      count += 1;
      rows.push(outcome.row);
      problems.push(...outcome.problems);
      if (rows.length >= CHUNK_ROWS) await flush();
    }
    await flush();
    await writing;
    if (count === 0) throw new RollRejected([{ row: 2, column: '', field: 'file', message: '名册中没有数据行（第 1 行应为表头）' }], 1);

    input.onProgress('检查重复', count);
    await checkDuplicates(trx, input.kind, input.mapping.idNumber ?? null);
    const { errors, total } = await stagedErrors(trx, ERROR_CAP);
    if (total > 0) throw new RollRejected(errors, total);

    input.onProgress('匹配台账', count);
    await matchAndList({ trx, actor, runId: input.runId, kind: input.kind, today: input.today, coverPrefix: input.coverPrefix, policyId: input.policyId });
    input.onProgress('统计', count);
    return await countRun(trx, input.runId);
  } finally {
    await sheet.rows.return(undefined); // closes the reader when we stopped early
  }
}

/** "名册中有 3 处错误…：第 3 行 B 列（身份证号）身份证号校验位不正确；…" */
export function rejectionMessage(errors: RollError[], total: number, label: (field: string) => string): string {
  const shown = errors.slice(0, 3).map((e) => `第 ${e.row} 行${e.column ? ` ${e.column} 列` : ''}（${label(e.field)}）${e.message}`);
  return `名册中有 ${total} 处错误，未进行比对，也未改动任何数据：${shown.join('；')}${total > shown.length ? '；……' : ''}`;
}

export async function currentDate(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ d: string }>`select current_date::text as d`.execute(db);
  return rows[0].d;
}
