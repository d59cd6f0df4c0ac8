/**
 * Appeals benchmark: `npm run bench:appeals [-- flags]`. Not a test: nothing asserts.
 *
 * The real server (`huimin serve`, its own Node process) on a fresh `huimin_bench_appeals`
 * database on the PostgreSQL server, loaded with autocannon over loopback, signed in with a
 * session cookie like the web app:
 *  (a) intake: POST /api/appeals as the demo 12345 operator, varied bodies, a distinct
 *      Idempotency-Key per request — on the fresh database, and again with the appeals stored;
 *  (b) --appeals (default 1,000,000) appeals generated set-based over 365 days (categories,
 *      Ningxia regions, statuses by age, time limits, replies, calls, escalations), then
 *      GET /api/appeals with typical filters (first page, a later page) and
 *      GET /api/appeals/dashboard for 银川市, city-wide and as a district caseworker: the last 30
 *      days again and again (figures reused), and a new period each request (computed each time).
 * Prints requests/s, p50/p99 and errors for each, and whether the targets are met.
 *
 *   --appeals N               appeals generated for (b) (default 1,000,000)
 *   --duration S              seconds measured per scenario, after a 3 s warm-up (default 10)
 *   --intake-connections N    concurrent connections for intake (default 8)
 *   --read-connections N,M    concurrent connections for lists and the dashboard, each measured (default 1,4)
 *   --database-url URL        server on which huimin_bench_appeals is created and dropped
 *                             (default: $DATABASE_URL's server, else postgres://postgres@127.0.0.1:5432/postgres)
 *   --skip-intake, --skip-reads, --keep (keep the database afterwards)
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { systemActor } from '../server/src/kernel/auth/actor.js';
import { prepareDatabase } from '../server/src/database.js';
import { openDatabase } from '../server/src/kernel/db/open.js';
import { seedDemo } from '../server/src/modules/seed/demo.js';
import { DEMO_PASSWORD } from '../server/src/modules/seed/demo-data.js';
import { createUser } from '../server/src/modules/users/users.service.js';
import { adminQuery } from '../server/test/pg-admin.js';
import { freePort, startServer as startRealServer, stopServer, type RealServer } from '../server/test/real-server.js';
import { markdownTable, textTable } from './lib/stats.js';

const { values: flags } = parseArgs({
  options: {
    appeals: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '10' },
    'intake-connections': { type: 'string', default: '8' },
    'read-connections': { type: 'string', default: '1,4' },
    'database-url': { type: 'string' },
    'skip-intake': { type: 'boolean', default: false },
    'skip-reads': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'profile-server': { type: 'string' },
  },
});
const positiveInt = (name: string, raw: string) => {
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
};
const APPEALS = positiveInt('appeals', flags.appeals!);
const DURATION = positiveInt('duration', flags.duration!);
const INTAKE_CONNECTIONS = positiveInt('intake-connections', flags['intake-connections']!);
const READ_CONNECTIONS = flags['read-connections']!.split(',').map((n) => positiveInt('read-connections', n.trim()));
const WARMUP = 3;
const TARGET = { intakePerSecond: 1500, intakeP99: 50, readP99: 100 };
const DATABASE = 'huimin_bench_appeals';
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function serverUrls(): { admin: string; bench: string } {
  const base = new URL(flags['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const bench = new URL(base);
  bench.pathname = `/${DATABASE}`;
  return { admin: admin.toString(), bench: bench.toString() };
}

// ---------------------------------------------------------------- autocannon (no bundled types)

interface Histogram { average: number; p50: number; p97_5: number; p99: number; max: number }
interface CannonResult { requests: Histogram; latency: Histogram; duration: number; errors: number; timeouts: number; non2xx: number; '2xx': number; statusCodeStats: Record<string, { count: number }> }
interface CannonRequest { method?: string; path?: string; headers?: Record<string, string>; body?: string }
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: Array<CannonRequest & { setupRequest?: (request: CannonRequest) => CannonRequest }>;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: CannonOptions) => Promise<CannonResult>;

// ---------------------------------------------------------------- the server

/**
 * `huimin serve` as deployed, in its own Node process (the fault tests' launcher), on the bench database.
 * --profile-server DIR: the server writes a V8 CPU profile there when the benchmark stops it (open it in Chrome's DevTools).
 */
async function startServer(databaseUrl: string): Promise<RealServer & { stop: () => Promise<void> }> {
  const home = { dataDir: '', databaseUrl, port: await freePort(), adminPassword: 'Bench-admin-2026', remove: async () => {} };
  const profile = flags['profile-server'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(flags['profile-server'])}`] : [];
  const server = await startRealServer(home, { LOG_LEVEL: 'warn' }, profile);
  return { ...server, stop: () => stopServer(server, 'SIGTERM') };
}

interface Session { cookie: string; csrf: string }

async function signIn(url: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await (await fetch(`${url}/api/auth/me`, { headers: { cookie } })).json() as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

// ---------------------------------------------------------------- scenarios

interface Row {
  scenario: string;
  connections: number;
  result: CannonResult;
  target: 'intake' | 'read';
}

const rows: Row[] = [];

async function cannon(scenario: string, target: Row['target'], options: Omit<CannonOptions, 'duration'>): Promise<void> {
  await autocannon({ ...options, duration: WARMUP });
  const result = await autocannon({ ...options, duration: DURATION });
  rows.push({ scenario, connections: options.connections, result, target });
  console.log(`  ${scenario}: ${fmt(result['2xx'] / result.duration)}/s ok, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx} (load ${load()})`);
}

const DESCRIPTIONS = [
  '小区楼下烧烤店每天营业到凌晨，排风机噪音很大', '路灯坏了一个多月没人修', '小区停水两天了，物业说是管道问题', '人行道井盖松动，踩上去咣当响',
  '想咨询低保申请需要什么材料', '单位拖欠工资三个月', '广场舞音响声音太大', '通信光交箱门没关，线缆裸露', '垃圾清运不及时，气味很大', '暖气不热，室温只有十五度',
];

async function intake(url: string, session: Session, categories: string[], regions: string[], run: string): Promise<void> {
  let n = 0;
  const body = (i: number) => JSON.stringify({
    categoryCode: categories[i % categories.length],
    description: `${DESCRIPTIONS[i % DESCRIPTIONS.length]}（${run}-${i}）`,
    address: `测试路 ${i % 500} 号`,
    regionCode: regions[(i * 7919) % regions.length],
    lat: i % 3 === 0 ? 38.4 + (i % 1000) / 10_000 : null,
    lng: i % 3 === 0 ? 106.2 + (i % 997) / 10_000 : null,
    contactName: '市民',
    contactPhone: `139${String(10_000_000 + ((i * 104_729) % 90_000_000)).slice(-8)}`,
  });
  await cannon(`intake: POST /api/appeals (${run})`, 'intake', {
    url,
    connections: INTAKE_CONNECTIONS,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    requests: [{
      method: 'POST',
      path: '/api/appeals',
      setupRequest: (request) => {
        n += 1;
        return { ...request, headers: { ...request.headers, 'idempotency-key': `bench-${run}-${n}` }, body: body(n) };
      },
    }],
  });
}

/** Each path a fixed one, or one made for every request (a question nobody asked before, so no reused answer). */
async function reads(url: string, session: Session, label: string, connections: number, paths: Array<[string, string | (() => string)]>): Promise<void> {
  for (const [name, p] of paths) {
    const request = typeof p === 'string' ? { method: 'GET' as const, path: p } : { method: 'GET' as const, path: p(), setupRequest: (r: object) => ({ ...r, path: p() }) };
    await cannon(`${name} (${label})`, 'read', { url, connections, headers: { cookie: session.cookie }, requests: [request] });
  }
}

/**
 * Periods of 30 days ending on a different day each time (going back up to 330 days), then of 31
 * days, 32 …: every request a question nobody asked before, so the dashboard computes it.
 */
function freshPeriods(today: Date): () => string {
  let n = 0;
  return () => {
    n += 1;
    const end = today.getTime() - (n % 330) * 86_400_000;
    const days = 30 + Math.floor(n / 330);
    return `/api/appeals/dashboard?from=${beijingDay(new Date(end - (days - 1) * 86_400_000))}&to=${beijingDay(new Date(end))}&regionCode=640100`;
  };
}

// ---------------------------------------------------------------- 1,000,000 appeals, set-based

/**
 * Appeals spread over the last 365 days in arrival order (ids follow time, as in production):
 * categories skewed (a few take most calls), 85 % in 银川's communities and the rest anywhere in
 * the province; status by age (most older than two weeks closed, a 0.6 % overdue tail still open);
 * the catalogue's unit and limit; replies within the limit except about one in ten (escalated,
 * as the server's timer would have done); calls: 85 % satisfied, the rest not reachable;
 * some reopened after an unsatisfied call; 3 % merged. No events or audit rows.
 */
async function generate(db: Kysely<any>, total: number): Promise<number> {
  const { rows: rules } = await sql<{ category_code: string; org_id: number; limit_amount: number; limit_unit: string }>`
    select category_code, org_id, limit_amount, limit_unit from dispatch_rules where region_code = '640100' order by category_code`.execute(db);
  const { rows: yc } = await sql<{ code: string }>`select code from regions where level = 5 and code like '6401%' order by code`.execute(db);
  const { rows: other } = await sql<{ code: string }>`select code from regions where level = 5 and code not like '6401%' order by code`.execute(db);
  const { rows: users } = await sql<{ id: number; display_name: string }>`select id, display_name from users where username = 'hotline'`.execute(db);
  const started = performance.now();
  const chunk = 100_000;
  for (let offset = 0; offset < total; offset += chunk) {
    const size = Math.min(chunk, total - offset);
    await db.transaction().execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      await sql`select setseed(${(offset / total) * 0.9})`.execute(trx);
      await sql`
        with g as (
          select i, now() - interval '365 days' + (i::float8 / ${total}) * interval '365 days' + (random() * interval '20 minutes') as created,
            1 + floor(power(random(), 1.7) * ${rules.length})::int as ci, random() as r_status, random() as r_reply, random() as r_sat,
            random() as r_where, random() as r_region, random() as r_phone
          from generate_series(${offset}::int, ${offset + size - 1}::int) i
        ), d as (
          select g.*, extract(epoch from now() - created) / 86400 as age,
            (${rules.map((r) => r.limit_unit === 'hours' ? r.limit_amount / 24 * 1.4 : r.limit_amount * 1.4)}::float8[])[ci] * interval '1 day' as span
          from g
        ), s as (
          select d.*,
            case
              when age < 1 then case when r_status < 0.05 then 'received' when r_status < 0.40 then 'dispatched' when r_status < 0.65 then 'accepted'
                when r_status < 0.85 then 'in_progress' when r_status < 0.92 then 'reply_drafted' when r_status < 0.97 then 'replied' else 'merged' end
              when age < 3 then case when r_status < 0.02 then 'received' when r_status < 0.12 then 'dispatched' when r_status < 0.25 then 'accepted'
                when r_status < 0.45 then 'in_progress' when r_status < 0.52 then 'reply_drafted' when r_status < 0.75 then 'replied' when r_status < 0.97 then 'closed' else 'merged' end
              when age < 15 then case when r_status < 0.005 then 'received' when r_status < 0.02 then 'dispatched' when r_status < 0.04 then 'accepted'
                when r_status < 0.10 then 'in_progress' when r_status < 0.13 then 'reply_drafted' when r_status < 0.20 then 'replied' when r_status < 0.97 then 'closed' else 'merged' end
              else case when r_status < 0.001 then 'dispatched' when r_status < 0.002 then 'returned' when r_status < 0.006 then 'in_progress'
                when r_status < 0.008 then 'replied' when r_status < 0.97 then 'closed' else 'merged' end
            end as status,
            created + interval '2 minutes' as clock
          from d
        ), t as (
          select s.*,
            -- Reply drafted after a share of the limit: late (past it) for about one in ten; never in the future.
            case when status in ('replied', 'closed') then least(clock + power(r_reply, 2) * 1.25 * span, clock + (now() - clock) * r_reply) end as replied,
            status in ('dispatched', 'accepted', 'in_progress') and age > 3 and r_sat < 0.15 as reopened
          from s
        ), u as (
          -- A reopened appeal's clock restarted at the call, after its first reply.
          select t.*, case when reopened then clock + (now() - clock) * 0.7 else clock end as clk from t
        )
        insert into appeals (number, channel, category_code, description, address, region_code, contact_name, contact_phone, status,
          responsible_org_id, limit_amount, limit_unit, clock_started_at, due_at, escalated_at, replied_in_time, reply_text, replied_by_name, replied_at,
          satisfaction, created_by, created_by_name, created_at, updated_at, closed_at)
        select to_char(created at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(i::text, 7, '0'),
          (array['hotline', 'hotline', 'hotline', 'hotline', 'hotline', 'hotline', 'hotline', 'hotline', 'web', 'grid'])[1 + i % 10],
          (${rules.map((r) => r.category_code)}::text[])[ci],
          (${DESCRIPTIONS}::text[])[1 + i % ${DESCRIPTIONS.length}] || '（' || i || '）',
          '测试路 ' || (i % 500) || ' 号',
          case when r_where < 0.85 then (${yc.map((r) => r.code)}::text[])[1 + floor(r_region * ${yc.length})::int]
            else (${other.map((r) => r.code)}::text[])[1 + floor(r_region * ${other.length})::int] end,
          '市民', case when r_phone < 0.8 then '139' || lpad(((i::bigint * 104729) % 100000000)::text, 8, '0') end,
          status,
          case when status <> 'received' then (${rules.map((r) => r.org_id)}::bigint[])[ci] end,
          case when status <> 'received' then (${rules.map((r) => r.limit_amount)}::int[])[ci] end,
          case when status <> 'received' then (${rules.map((r) => r.limit_unit)}::text[])[ci] end,
          case when status <> 'received' then clk end,
          case when status in ('dispatched', 'accepted', 'in_progress', 'returned') then clk + span end,
          -- Escalated as the server's 15-minute timer would have: late replies, and open appeals past their limit.
          case when replied > clock + span then clock + span + interval '10 minutes'
            when status in ('dispatched', 'accepted', 'in_progress', 'returned') and clk + span < now() then clk + span + interval '10 minutes' end,
          case when replied is not null then replied <= clock + span end,
          case when replied is not null then '已办理，答复如下。' end, case when replied is not null then '承办人' end,
          case when reopened then clock + (now() - clock) * 0.5 else replied end,
          case when status = 'closed' then case when r_sat < 0.85 then 'satisfied' else 'unreachable' end when reopened then 'unsatisfied' end,
          ${users[0]!.id}, ${users[0]!.display_name}, created, coalesce(replied, created),
          case when status = 'closed' then replied + least(r_sat * interval '2 days', (now() - replied) * 0.5) end
        from u order by i`.execute(trx);
    });
    process.stdout.write(`\r  ${fmt(offset + size)} / ${fmt(total)} appeals (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  // Merged appeals point at the appeal before them (a real appeal, so the foreign key holds).
  await sql`update appeals set merged_into = id - 1, due_at = null where status = 'merged' and merged_into is null and number ~ '^\\d{15}$'
    and exists (select 1 from appeals p where p.id = appeals.id - 1)`.execute(db);
  process.stdout.write('\n');
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------- run

const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const urls = serverUrls();
console.log(`appeals benchmark — ${os.cpus().length} CPUs, load average ${load()}; server and autocannon share the machine`);
await adminQuery(urls.admin, `drop database if exists ${DATABASE} with (force)`);
await adminQuery(urls.admin, `create database ${DATABASE}`);
let server: Awaited<ReturnType<typeof startServer>> | null = null;
const { db } = await openDatabase<any>({ databaseUrl: urls.bench, dataDir: '' });
const loadStart = load();
let generation: { seconds: number; count: number; size: string } | null = null;
try {
  const prepared = await prepareDatabase({ databaseUrl: urls.bench, dataDir: '', adminPassword: 'Bench-admin-2026' });
  await seedDemo(prepared.db);
  const xixia = await sql<{ id: number }>`select id from organisations where name = '西夏区总工会'`.execute(prepared.db);
  await createUser(prepared.db, systemActor('bench'), { username: 'bench_xixia', displayName: '西夏区 帮扶干部（基准测试）', orgId: xixia.rows[0]!.id, roleCodes: ['caseworker'], regionCode: '640105', password: 'Bench-xixia-2026' });
  await prepared.close();
  const categories = (await sql<{ code: string }>`select category_code as code from dispatch_rules where region_code = '640100' order by category_code`.execute(db)).rows.map((r) => r.code);
  const regions = (await sql<{ code: string }>`select code from regions where level = 5 and code like '6401%' order by code`.execute(db)).rows.map((r) => r.code);

  server = await startServer(urls.bench);
  console.log(`server: ${server.url} (pid ${server.child.pid}), database ${DATABASE}`);
  const hotline = await signIn(server.url, 'hotline', DEMO_PASSWORD);
  if (!flags['skip-intake']) {
    console.log(`(a) intake, ${INTAKE_CONNECTIONS} connections, ${DURATION} s after ${WARMUP} s warm-up`);
    await intake(server.url, hotline, categories, regions, 'empty database');
  }
  if (!flags['skip-reads']) {
    console.log(`(b) generating ${fmt(APPEALS)} appeals …`);
    const seconds = await generate(db, APPEALS);
    const vacuum = performance.now();
    await sql`vacuum (analyze) appeals`.execute(db);
    const count = (await sql<{ n: number }>`select count(*)::int as n from appeals`.execute(db)).rows[0]!.n;
    const size = (await sql<{ size: string }>`select pg_size_pretty(pg_total_relation_size('appeals')) as size`.execute(db)).rows[0]!.size;
    generation = { seconds, count, size };
    console.log(`  ${fmt(count)} appeals stored in ${seconds.toFixed(1)} s, vacuum (analyze) ${((performance.now() - vacuum) / 1000).toFixed(1)} s, table with indexes ${size}`);
    if (!flags['skip-intake']) await intake(server.url, hotline, categories, regions, `${fmt(count)} stored`);
    const today = new Date();
    const from = beijingDay(new Date(today.getTime() - 29 * 86_400_000));
    const to = beijingDay(today);
    const district = await signIn(server.url, 'bench_xixia', 'Bench-xixia-2026');
    for (const connections of READ_CONNECTIONS) {
      console.log(`(b) lists and the dashboard, ${connections} connection(s)`);
      await reads(server.url, hotline, '12345, all', connections, [
        ['list: newest first, page 1', '/api/appeals'],
        ['list: open, page 1', '/api/appeals?status=open'],
        ['list: open 噪声扰民, page 1', '/api/appeals?status=open&categoryCode=noise'],
        ['list: overdue, page 1', '/api/appeals?overdue=true'],
        ['list: closed, page 50', '/api/appeals?status=closed&page=50'],
        ['dashboard: last 30 days, 银川市, reused', `/api/appeals/dashboard?from=${from}&to=${to}&regionCode=640100`],
        ['dashboard: 30 days, 银川市, a new period each request', freshPeriods(today)],
      ]);
      await reads(server.url, district, '西夏区 caseworker', connections, [
        ['list: newest first, page 1', '/api/appeals'],
        ['dashboard: last 30 days, 银川市, reused', `/api/appeals/dashboard?from=${from}&to=${to}&regionCode=640100`],
        ['dashboard: 30 days, 银川市, a new period each request', freshPeriods(today)],
      ]);
    }
  }
} finally {
  await server?.stop();
  await db.destroy();
  if (flags.keep) console.log(`kept: ${urls.bench}`);
  else await adminQuery(urls.admin, `drop database if exists ${DATABASE} with (force)`);
}

const header = ['scenario', 'conn.', 'req/s (2xx)', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'target', 'met'];
const table = rows.map((r) => {
  const { result } = r;
  const perSecond = result['2xx'] / result.duration;
  const errors = result.errors + result.non2xx;
  const target = r.target === 'intake' ? `≥ ${fmt(TARGET.intakePerSecond)}/s, p99 < ${TARGET.intakeP99} ms` : `p99 < ${TARGET.readP99} ms`;
  const met = r.target === 'intake'
    ? perSecond >= TARGET.intakePerSecond && result.latency.p99 < TARGET.intakeP99 && errors === 0
    : result.latency.p99 < TARGET.readP99 && errors === 0;
  return [r.scenario, String(r.connections), fmt(perSecond), String(result.latency.p50), String(result.latency.p99), String(result.latency.max), String(errors), target, met ? 'yes' : 'NO'];
});
if (generation) console.log(`\n${fmt(generation.count)} appeals (${fmt(APPEALS)} generated in ${generation.seconds.toFixed(1)} s), appeals table with indexes ${generation.size}`);
console.log(`load average: ${loadStart} at the start, ${load()} at the end (1, 5, 15 min; ${os.cpus().length} CPUs)`);
console.log(`\n${textTable(header, table)}`);
console.log(`\n${markdownTable(header, table)}`);
