/**
 * A server killed (SIGKILL) in the middle of a payment run — lines written, not committed —
 * keeps nothing of it: restarted, the same request builds the run afresh, with every line
 * once, and asking again returns it unchanged. On the embedded database and on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo-data.js';
import { runCli, serverHome, signInOver, startServer, stopServer, waitForLine, type RealServer, type ServerHome } from '../../../../test/real-server.js';

let home: ServerHome;
let server: RealServer | null = null;

beforeAll(async () => {
  home = await serverHome('payment-crash');
  await runCli(home, ['seed', 'demo']);
}, 300_000);
afterAll(async () => {
  await stopServer(server, 'SIGTERM');
  await home?.remove();
});

describe('a server killed in the middle of a payment run', () => {
  it('leaves no partial run; run again, every line is there exactly once', { timeout: 300_000 }, async () => {
    server = await startServer(home, { HUIMIN_FAULT_POINT: 'payment-run:lines-written' });
    let call = await signInOver(server.url, 'policy', DEMO_PASSWORD);
    const from = server.lines.length;
    const pending = call('POST', '/api/payment-runs', { period: '2026-05' }).catch((error: Error) => error);
    await waitForLine(server, /fault point reached: payment-run:lines-written/, from);
    // On a server the run's progress can be read meanwhile (the embedded database has one connection, held by the run).
    if (home.databaseUrl) expect(await call('GET', '/api/payment-runs/building')).toMatchObject([{ period: '2026-05', stage: '补发与追回', done: 1, total: 4 }]);
    await stopServer(server, 'SIGKILL');
    expect(await pending).toBeInstanceOf(Error);

    server = await startServer(home);
    call = await signInOver(server.url, 'policy', DEMO_PASSWORD);
    expect(await call('GET', '/api/payment-runs')).toEqual([]);
    const made = await call('POST', '/api/payment-runs', { period: '2026-05' });
    expect(made.created).toBe(true);
    const card = made.byPolicy.find((p: { code: string }) => p.code === 'nx-union-warm-card');
    expect(card).toMatchObject({ lines: 10, amountFen: 200000 });
    const lines = await call('GET', `/api/payment-runs/${made.runId}/lines?pageSize=200`);
    expect(lines.total).toBe(made.lines);
    const keys = lines.items.map((l: { enrollmentId: number; period: string }) => `${l.enrollmentId}:${l.period}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await call('POST', '/api/payment-runs', { period: '2026-05' })).toMatchObject({ created: false, runId: made.runId, lines: made.lines });
    const checks = await call('GET', '/api/ledger/check');
    expect(checks.every((c: { ok: boolean }) => c.ok), JSON.stringify(checks)).toBe(true);
  });
});
