/** Opens the one PostgreSQL store: PGlite in a data directory, or a PostgreSQL server by URL. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Kysely, PostgresDialect, type CompiledQuery, type KyselyConfig } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-driver.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenedDatabase<DB> {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;
const NUMERIC_OID = 1700;

// Row ids and fen amounts are int8 and stay far below 2^53; dates stay 'YYYY-MM-DD'
// strings so no time zone ever shifts a birth date.
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
pg.types.setTypeParser(DATE_OID, (v: string) => v);

const pools = new WeakMap<Kysely<any>, pg.Pool>();

/**
 * Runs a hot, complex read as a named prepared statement on a server: each connection parses
 * it once, and after five executions PostgreSQL keeps a generic plan when it costs no more than
 * the custom ones — planning was most of one household's subject query. Elsewhere (PGlite, or
 * inside a transaction) it is an ordinary query.
 */
export async function executePrepared<R>(db: Kysely<any>, query: CompiledQuery): Promise<R[]> {
  const pool = pools.get(db);
  if (!pool) return (await db.executeQuery<R>(query)).rows;
  const name = `q_${crypto.createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}`;
  const result = await pool.query({ name, text: query.sql, values: query.parameters as unknown[] });
  return result.rows as R[];
}

export interface OpenOptions {
  databaseUrl: string | null;
  /** Directory for PGlite; 'memory://' for a throw-away database. */
  dataDir: string;
  poolSize?: number;
  /** The database session's time zone, so current_date is the users' today (Beijing by default). */
  timeZone?: string;
  /** Kysely's query log (the benchmarks capture the SQL they time). */
  log?: KyselyConfig['log'];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export async function openDatabase<DB>(options: OpenOptions): Promise<OpenedDatabase<DB>> {
  if (options.databaseUrl) {
    const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: `-c TimeZone=${timeZone} -c temp_buffers=128MB` });
    // An idle connection the server drops (restart, admin terminate) must not crash the process;
    // the pool discards it and the next query opens a new one.
    pool.on('error', (error) => console.warn(`[db] idle connection lost: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: options.log });
    pools.set(db, pool);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  if (!options.dataDir.startsWith('memory://')) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir, {
    parsers: {
      [INT8_OID]: (v: string) => Number(v),
      [DATE_OID]: (v: string) => v,
      [NUMERIC_OID]: (v: string) => v,
    },
  });
  await client.waitReady;
  await client.query(`select set_config('TimeZone', $1, false)`, [options.timeZone ?? DEFAULT_TIME_ZONE]);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client), log: options.log });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
