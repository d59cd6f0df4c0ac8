/**
 * The databases a benchmark run uses: a fresh `huimin_bench` database on the PostgreSQL
 * server, or PGlite in a temporary directory. Each is prepared with prepareDatabase (the
 * same migrations, regions and administrator as production), then reopened with a query
 * log so the benchmark can EXPLAIN exactly the SQL the API ran.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, sql, type CompiledQuery } from 'kysely';
import { adminQuery } from '../../server/test/pg-admin.js';
import { prepareDatabase } from '../../server/src/database.js';
import { PGliteDialect } from '../../server/src/kernel/db/pglite-driver.js';
import { openDatabase } from '../../server/src/kernel/db/open.js';

export const BENCH_ADMIN_PASSWORD = 'Bench-admin-2026';
const BENCH_DATABASE = 'huimin_bench';

export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  db: Kysely<any>;
  databaseUrl: string | null;
  dataDir: string;
  /** Queries run while capturing is on, with their parameters. */
  capture<T>(run: () => Promise<T>): Promise<{ result: T; queries: CompiledQuery[] }>;
  close(): Promise<void>;
  /** Drops the database or removes the directory. */
  discard(): Promise<void>;
}

/** Closing twice (after the import child took over, then at the end) is harmless. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

function capturingLog() {
  let captured: CompiledQuery[] | null = null;
  return {
    log: (event: { level: string; query: CompiledQuery }) => {
      if (captured && event.level === 'query') captured.push(event.query);
    },
    async capture<T>(run: () => Promise<T>) {
      captured = [];
      try {
        const result = await run();
        return { result, queries: captured };
      } finally {
        captured = null;
      }
    },
  };
}

export async function openPostgres(adminUrl: string): Promise<BenchDatabase> {
  await adminQuery(adminUrl, `drop database if exists ${BENCH_DATABASE} with (force)`);
  await adminQuery(adminUrl, `create database ${BENCH_DATABASE}`);
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const databaseUrl = url.toString();
  const prepared = await prepareDatabase({ databaseUrl, dataDir: '', adminPassword: BENCH_ADMIN_PASSWORD });
  await prepared.close();
  const logger = capturingLog();
  // The server's own pool settings (time zone, temp buffers, prepared statements), plus the query log.
  const { db } = await openDatabase<any>({ databaseUrl, dataDir: '', log: logger.log });
  return {
    kind: 'postgres',
    db,
    databaseUrl,
    dataDir: '',
    capture: logger.capture,
    close: once(() => db.destroy()),
    discard: () => adminQuery(adminUrl, `drop database if exists ${BENCH_DATABASE} with (force)`),
  };
}

export async function openPglite(): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huimin-bench-'));
  const prepared = await prepareDatabase({ databaseUrl: null, dataDir, adminPassword: BENCH_ADMIN_PASSWORD });
  await prepared.close();
  const { PGlite } = await import('@electric-sql/pglite');
  // The same parsers as server/src/kernel/db/open.ts: int8 as number, date and numeric as text.
  const client = new PGlite(dataDir, { parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v, 1700: (v: string) => v } });
  await client.waitReady;
  const logger = capturingLog();
  const db = new Kysely<any>({ dialect: new PGliteDialect(client), log: logger.log });
  return {
    kind: 'pglite',
    db,
    databaseUrl: null,
    dataDir,
    capture: logger.capture,
    close: once(() => db.destroy()),
    discard: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** On-disk size of the registry tables with their indexes. */
export async function tableSizes(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ name: string; size: string }>`select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as size
    from pg_class c where c.relname in ('persons', 'households', 'facts') and c.relkind = 'r' order by c.relname`.execute(db);
  return rows.map((r) => `${r.name} ${r.size}`).join(', ');
}

export interface DatabaseChoice {
  skipPostgres: boolean;
  skipPglite: boolean;
  databaseUrl: string;
  keep: boolean;
  postgresPersons: number;
  pglitePersons: number;
}

/** Opens each chosen database in turn, runs the benchmark on it, then closes and drops it (unless kept). */
export async function forEachDatabase(choice: DatabaseChoice, run: (bench: BenchDatabase, persons: number) => Promise<void>): Promise<void> {
  const runs: [boolean, () => Promise<BenchDatabase>, number][] = [
    [!choice.skipPostgres, () => openPostgres(choice.databaseUrl), choice.postgresPersons],
    [!choice.skipPglite, () => openPglite(), choice.pglitePersons],
  ];
  for (const [enabled, open, persons] of runs) {
    if (!enabled) continue;
    const bench = await open();
    try {
      await run(bench, persons);
    } finally {
      await bench.close();
      if (choice.keep) console.log(`  kept: ${bench.databaseUrl ?? bench.dataDir}`);
      else await bench.discard();
    }
  }
}
