/**
 * `huimin serve` stops cleanly when told to (SIGTERM from a service manager, Ctrl-C): it exits 0
 * after closing the database — the embedded one must be closed to keep what was written — and
 * the next start finds everything there. On the embedded database and on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverHome, signInOver, startServer, stopServer, type RealServer, type ServerHome } from '../../../test/real-server.js';

let home: ServerHome;
let server: RealServer | null = null;

beforeAll(async () => {
  home = await serverHome('clean-stop');
}, 120_000);
afterAll(async () => {
  await stopServer(server, 'SIGKILL');
  await home?.remove();
});

const exitOf = (s: RealServer) => new Promise<number | null>((resolve) => (s.child.exitCode !== null ? resolve(s.child.exitCode) : s.child.once('exit', (code) => resolve(code))));

describe('stopping the server', () => {
  it('exits 0 on SIGTERM and on SIGINT, and keeps what was written', { timeout: 300_000 }, async () => {
    server = await startServer(home);
    const admin = await signInOver(server.url, 'admin', home.adminPassword);
    const made = await admin('POST', '/api/organisations', { parentId: 1, name: '停机测试单位', type: 'trade_union', regionCode: '640200' });
    let exited = exitOf(server);
    await stopServer(server, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(server.lines.some((line) => /SIGTERM：正在停止 stopping/.test(line))).toBe(true);

    server = await startServer(home);
    const again = await signInOver(server.url, 'admin', home.adminPassword);
    const organisations = await again<Array<{ id: number; name: string }>>('GET', '/api/organisations');
    expect(organisations.find((o) => o.id === made.id)?.name).toBe('停机测试单位');
    exited = exitOf(server);
    await stopServer(server, 'SIGINT');
    expect(await exited).toBe(0);
  });
});
