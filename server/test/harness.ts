/**
 * API test harness: a fresh, migrated database per test file (in-memory PGlite, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL), the app on top of it,
 * and signed-in clients that carry their cookie and CSRF token like the web app does.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/kernel/config.js';
import type { HttpServer } from '../src/kernel/http/server.js';
import { prepareDatabase, type PreparedDatabase } from '../src/database.js';
import { seedDemo } from '../src/modules/seed/demo.js';
import { DEMO_PASSWORD } from '../src/modules/seed/demo-data.js';

export const ADMIN_PASSWORD = 'Admin-test-2026';
export { DEMO_PASSWORD };

export interface TestContext {
  app: HttpServer;
  db: Kysely<any>;
  kind: 'pglite' | 'postgres';
  config: Config;
  signIn(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: Buffer;
}

export interface Client {
  get<T = any>(url: string): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  put<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  delete<T = any>(url: string): Promise<Response<T>>;
  /** Sends a raw payload (multipart uploads) with the session's cookie and CSRF token. */
  send<T = any>(method: string, url: string, payload: Buffer | string, headers: Record<string, string>): Promise<Response<T>>;
  csrfToken: string;
  cookie: string;
}

async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `huimin_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // pool.end() resolves before its sockets have closed; forcing the drop while a backend is
      // still saying goodbye delivers "terminating connection" to a client nobody listens to.
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function createTestContext(options: { demo?: boolean; config?: Partial<Config> } = {}): Promise<TestContext> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const created = adminUrl ? await createPostgresDatabase(adminUrl) : null;
  const config: Config = {
    ...loadConfig({}),
    databaseUrl: created?.url ?? null,
    dataDir: 'memory://',
    adminPassword: ADMIN_PASSWORD,
    logLevel: 'silent',
    ...options.config,
  };
  const database: PreparedDatabase = await prepareDatabase(config);
  if (options.demo) await seedDemo(database.db);
  const app = await buildApp(database.db, config);
  await app.ready();

  async function signIn(username: string, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD): Promise<Client> {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const csrfToken = me.json().csrfToken as string;
    const send = async (method: string, url: string, payload: any, headers: Record<string, string> = {}) => {
      const response = await app.inject({
        method: method as any,
        url,
        payload,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
      });
      let body: any = response.body;
      try {
        body = response.json();
      } catch {
        /* not JSON (a file download) */
      }
      return { status: response.statusCode, body, headers: response.headers, raw: response.rawPayload };
    };
    return {
      csrfToken,
      cookie,
      get: (url) => send('GET', url, undefined),
      post: (url, body) => send('POST', url, body),
      put: (url, body) => send('PUT', url, body),
      delete: (url) => send('DELETE', url, undefined),
      send: (method, url, payload, headers) => send(method, url, payload, headers),
    };
  }

  return {
    app,
    db: database.db,
    kind: database.kind,
    config,
    signIn,
    close: async () => {
      await app.close();
      await database.close();
      await created?.drop();
    },
  };
}

/**
 * Reads `read()` until `done` holds or the time runs out (then returns the last value for the
 * test's own assertion to report). Background work takes longer on a loaded CI machine, so
 * waiting is bounded by time, not by a count of attempts.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
