/**
 * Both evaluators always agree: a thousand random policies over the supported CEL subset,
 * on a random population, same eligible set, same errors, same amounts, subject by subject.
 * A longer run: `node bin/tsx.mjs scripts/policy-differential.ts --policies 20000`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness.js';
import { today } from '../evaluation.service.js';
import { runDifferential } from './differential.js';
import { insertRandomPopulation } from './population.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await insertRandomPopulation(ctx.db, 20261123, 120);
});
afterAll(async () => ctx?.close());

describe('differential: compiled SQL and in-memory CEL', () => {
  it('agree on every subject for 1,000 random policies', async () => {
    const result = await runDifferential(ctx.db, { seed: 1, policies: 1000, asOf: await today(ctx.db) });
    expect(result.disagreements.slice(0, 5)).toEqual([]);
    expect(result.policies).toBeGreaterThan(900);
    // The generator must reach every outcome, or the comparison proves little.
    expect(result.comparisons).toBeGreaterThan(200_000);
    expect(result.outcomes.true).toBeGreaterThan(10_000);
    expect(result.outcomes.false).toBeGreaterThan(10_000);
    expect(result.outcomes.error).toBeGreaterThan(1_000);
  }, 120_000);
});
