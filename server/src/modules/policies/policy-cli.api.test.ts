/** `huimin policy check | eval | run` on the demo, as an operator runs them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { runPolicyCommand } from './policy.cli.js';

let ctx: TestContext;
let dir: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huimin-policy-cli-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await ctx?.close();
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await runPolicyCommand(args, (fn) => fn(ctx.db));
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

describe('huimin policy', () => {
  it('check: accepts a good rule and points at a bad one', async () => {
    const good = path.join(dir, 'good.cel');
    fs.writeFileSync(good, 'person.age >= 60 && household.assistanceStatus == "dibao"');
    expect((await run('check', good)).code).toBe(0);
    const bad = path.join(dir, 'bad.cel');
    fs.writeFileSync(bad, 'person.age >= 60 &&\nperson.agee < 70');
    const result = await run('check', bad);
    expect(result.code).toBe(1);
    expect(result.err).toContain('eligibility 2:8');
    expect(result.err).toContain('agee');
  });

  it('eval: every policy for one household, with the explanation', async () => {
    const { rows } = await sql<{ household_id: number }>`select household_id from persons where name = '王建国'`.execute(ctx.db);
    const text = await run('eval', '--household', String(rows[0]!.household_id));
    expect(text.code).toBe(0);
    expect(text.out).toContain('工会暖心卡');
    expect(text.out).toContain('符合，200.00 元');
    const json = await run('eval', '--household', String(rows[0]!.household_id), '--json');
    const parsed = JSON.parse(json.out);
    expect(parsed.find((e: any) => e.policyCode === 'nx-union-warm-card')).toMatchObject({ eligible: true, amountFen: 20000 });
  });

  it('run --json: per policy eligible, to add, to stop and amount; eligible counts persons or households by target', async () => {
    const result = await run('run', '--json');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.out);
    const byCode = Object.fromEntries(rows.map((r: any) => [r.code, r]));
    expect(byCode['nx-union-warm-card']).toEqual({ code: 'nx-union-warm-card', name: '工会暖心卡', target: 'household', eligible: 10, toAdd: 0, toStop: 0, amountFen: 200000 });
    expect(byCode['nx-union-utilities']).toMatchObject({ target: 'household', eligible: 10, toAdd: 2, toStop: 0 });
    expect(byCode['nx-union-heating']).toMatchObject({ target: 'household', eligible: 7, toStop: 1 });
    expect(byCode['nx-union-compulsory-edu']).toMatchObject({ target: 'person', eligible: 8, toAdd: 1, amountFen: 400000 });
    expect(byCode['nx-union-golden-autumn']).toMatchObject({ target: 'person', eligible: 7 });
  });

  it('run --region limits the households', async () => {
    const rows = JSON.parse((await run('run', '--json', '--region', '640105', '--policy', 'nx-union-warm-card')).out);
    expect(rows).toHaveLength(1);
    expect(rows[0].eligible).toBe(4);
  });
});
