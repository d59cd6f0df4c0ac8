/**
 * The API as the web app uses it: buildApp over the benchmark's database, signed-in
 * sessions via /api/auth/sign-in, and a caseworker confined to one county to show what
 * the data-scope condition costs.
 */
import type { Kysely } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { systemActor } from '../../server/src/kernel/auth/actor.js';
import { loadConfig, type Config } from '../../server/src/kernel/config.js';
import type { HttpServer } from '../../server/src/kernel/http/server.js';
import { createOrganisation } from '../../server/src/modules/organisations/organisations.service.js';
import { createUser } from '../../server/src/modules/users/users.service.js';
import { BENCH_ADMIN_PASSWORD, type BenchDatabase } from './databases.js';

export const SCOPED_USER = 'bench_caseworker';
export const SCOPED_COUNTY = '640104'; // 兴庆区
const SCOPED_PASSWORD = 'Bench-caseworker-2026';

export interface Session {
  username: string;
  get(url: string): Promise<{ status: number; body: string }>;
}

export async function startApp(bench: BenchDatabase): Promise<HttpServer> {
  const config: Config = {
    ...loadConfig({}),
    databaseUrl: bench.databaseUrl,
    dataDir: bench.dataDir || 'memory://',
    adminPassword: BENCH_ADMIN_PASSWORD,
    logLevel: 'silent',
  };
  const app = await buildApp(bench.db, config);
  await app.ready();
  return app;
}

export async function signIn(app: HttpServer, username: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return {
    username,
    get: async (url) => {
      const r = await app.inject({ method: 'GET', url, headers: { cookie } });
      return { status: r.statusCode, body: r.body };
    },
  };
}

export const signInAdmin = (app: HttpServer) => signIn(app, 'admin', BENCH_ADMIN_PASSWORD);

/**
 * A 帮扶干部 (caseworker: dept_and_below) in a county civil-affairs bureau, with the county
 * as jurisdiction: sees the county's households although the synthetic data belongs to the root.
 */
export async function signInScoped(app: HttpServer, db: Kysely<any>): Promise<Session> {
  const actor = systemActor('bench');
  const root = await db.selectFrom('organisations').select('id').where('parent_id', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const org = await createOrganisation(db, actor, { parentId: Number(root.id), name: '兴庆区民政局（基准测试）', type: 'civil_affairs', regionCode: SCOPED_COUNTY });
  await createUser(db, actor, { username: SCOPED_USER, displayName: '基准测试帮扶干部', orgId: org.id, roleCodes: ['caseworker'], regionCode: SCOPED_COUNTY, password: SCOPED_PASSWORD });
  return signIn(app, SCOPED_USER, SCOPED_PASSWORD);
}
