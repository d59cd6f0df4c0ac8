/** Composed transactions: a fact written inside a larger action is announced only after that action commits, and never when it rolls back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { systemActor } from '../auth/actor.js';
import { onSubjectsChanged, type SubjectChange } from '../events.js';
import { recordFact } from '../../modules/registry/facts.service.js';
import { inTransaction } from './transaction.js';

let ctx: TestContext;
const heard: Array<{ change: SubjectChange; committed: boolean }> = [];
let householdId: number;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  householdId = (await sql<{ id: number }>`select id from households order by id limit 1`.execute(ctx.db)).rows[0]!.id;
  onSubjectsChanged(ctx.db, async (db, change) => {
    // What a listener reads must already be there: the fact is committed when it is told.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from facts where household_id = ${householdId} and kind = 'income' and source = 'composed'`.execute(db);
    heard.push({ change, committed: rows[0]!.n > 0 });
  });
});
afterAll(async () => ctx?.close());

const income = (validFrom: string) => ({ householdId, kind: 'income' as const, value: { monthlyFen: 150000 }, source: 'composed', validFrom });

describe('inTransaction and afterCommit', () => {
  it('announce a change made inside a larger action once it has committed', async () => {
    await inTransaction(ctx.db, async (trx) => {
      await recordFact(trx, systemActor(), income('2026-01-01'));
      expect(heard).toHaveLength(0);
    });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ committed: true, change: { householdIds: [householdId], cause: 'income' } });
  });

  it('announce nothing, and keep nothing, when the larger action fails', async () => {
    heard.length = 0;
    await expect(inTransaction(ctx.db, async (trx) => {
      await recordFact(trx, systemActor(), income('2026-06-01'));
      throw new Error('the rest of the action failed');
    })).rejects.toThrow('the rest of the action failed');
    expect(heard).toHaveLength(0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from facts where household_id = ${householdId} and source = 'composed'`.execute(ctx.db);
    expect(rows[0]!.n).toBe(1);
  });
});
