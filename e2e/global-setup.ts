/**
 * Browser journeys run against a real server: build the web app when its sources are newer
 * than web/dist, start `huimin serve` on a free port with a fresh embedded database and the
 * demo data, hand its URL to the specs (`inject('baseUrl')`), and stop it afterwards.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN_PASSWORD = 'Admin-e2e-2026';
const START_TIMEOUT_MS = 180_000;

function newestSource(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestSource(path.join(entry, name))));
}

function buildWebIfStale(): void {
  const index = path.join(ROOT, 'web/dist/index.html');
  const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'server/src/contracts'].map((p) => path.join(ROOT, p)).filter(fs.existsSync);
  const newest = Math.max(...sources.map(newestSource));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newest) return;
  console.log('[e2e] building the web app…');
  // Vitest sets NODE_ENV=test, and a build that inherits it is not the production bundle: antd's
  // rc-util then gives every generated id the same value ("test-id"), so dialogs lose their names.
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`huimin serve exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`huimin serve did not answer /api/health within ${START_TIMEOUT_MS / 1000} s:\n${log()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  buildWebIfStale();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huimin-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    HUIMIN_DATA_DIR: dataDir,
    HUIMIN_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HUIMIN_DEMO: '1',
    LOG_LEVEL: 'warn',
    // Every simulated user signs in from 127.0.0.1: the per-address limit would count the whole suite as one person.
    HUIMIN_SIGN_IN_PER_MINUTE: '600',
  };
  delete env.DATABASE_URL;
  const output: string[] = [];
  const child = spawn(process.execPath, ['bin/huimin.mjs', 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, () => output.join(''));
  } catch (error) {
    await stop(child);
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', ADMIN_PASSWORD);

  return async () => {
    await stop(child);
    const logDir = path.join(ROOT, '.test-output');
    fs.mkdirSync(logDir, { recursive: true });
    fs.writeFileSync(path.join(logDir, 'e2e-server.log'), output.join(''));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
