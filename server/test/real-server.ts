/**
 * The real `huimin serve` process for fault tests: started on its own embedded data directory
 * (or a fresh database on the PostgreSQL server named by TEST_DATABASE_URL), killed with a
 * signal, started again on the same data, and called over HTTP like a browser would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminQuery } from './pg-admin.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RealServer {
  child: ChildProcess;
  url: string;
  /** stdout and stderr, line by line, as they arrive. */
  lines: string[];
}

export interface ServerHome {
  dataDir: string;
  databaseUrl: string | null;
  port: number;
  adminPassword: string;
  remove(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A data directory, and a database when TEST_DATABASE_URL names a server. */
export async function serverHome(prefix: string): Promise<ServerHome> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `huimin-${prefix}-`));
  const adminUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | null = null;
  let drop = async () => {};
  if (adminUrl) {
    const name = `huimin_${prefix.replace(/\W/g, '_')}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    await adminQuery(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  }
  return {
    dataDir, databaseUrl, port: await freePort(), adminPassword: 'Admin-fault-2026',
    remove: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await drop();
    },
  };
}

function environment(home: ServerHome, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(home.port), HOST: '127.0.0.1', HUIMIN_DATA_DIR: home.dataDir, HUIMIN_ADMIN_PASSWORD: home.adminPassword,
    HUIMIN_DEMO: '0', LOG_LEVEL: 'info', ...extra,
  };
  delete env.DATABASE_URL;
  if (home.databaseUrl) env.DATABASE_URL = home.databaseUrl;
  return env;
}

/** Runs a CLI command against the home's database to completion (e.g. `seed demo`). */
export function runCli(home: ServerHome, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/huimin.mjs', ...args], { cwd: ROOT, env: environment(home, {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`huimin ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/** `huimin serve` in its own Node process (with `nodeArgs`, e.g. a CPU profile), once it answers /api/health. */
export async function startServer(home: ServerHome, extraEnv: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<RealServer> {
  const child = spawn(process.execPath, [...nodeArgs, 'bin/huimin.mjs', 'serve'], { cwd: ROOT, env: environment(home, extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer) => {
    const parts = (partial + String(chunk)).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const url = `http://127.0.0.1:${home.port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`huimin serve exited ${child.exitCode}:\n${lines.join('\n')}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { child, url, lines };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`huimin serve did not start:\n${lines.join('\n')}`);
}

export function stopServer(server: RealServer | null, signal: NodeJS.Signals): Promise<void> {
  const child = server?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Resolves once a line matching `pattern` has been printed after line `from`. */
export async function waitForLine(server: RealServer, pattern: RegExp, from = 0, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !server.lines.slice(from).some((line) => pattern.test(line)); ) {
    if (Date.now() > deadline || server.child.exitCode !== null) throw new Error(`never printed ${pattern}:\n${server.lines.slice(-20).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export type Call = <T = any>(method: string, url: string, body?: unknown) => Promise<T>;

/** Signs in and returns a caller that carries the cookie and CSRF token; non-2xx answers throw. */
export async function signInOver(base: string, username: string, password: string): Promise<Call> {
  const response = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json();
  return async (method, url, body) => {
    const form = body instanceof FormData;
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    const payload = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(payload)}`);
    return payload;
  };
}
