/**
 * Transactions that compose. `inTransaction` runs work in the caller's transaction when it
 * holds one (Kysely does not nest them), so a service can be a step of a larger action that
 * lands whole or not at all. `afterCommit` defers what must only happen once the data is
 * visible to others (events that make listeners re-read it) until the outermost transaction
 * has committed — and drops it when that transaction rolls back.
 */
import type { Kysely, Transaction } from 'kysely';

type Hook = (db: Kysely<any>) => Promise<void>;

const pending = new WeakMap<Kysely<any>, { root: Kysely<any>; hooks: Hook[] }>();

export async function inTransaction<T>(db: Kysely<any>, work: (trx: Transaction<any>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<any>);
  const hooks: Hook[] = [];
  const result = await db.transaction().execute((trx) => {
    pending.set(trx, { root: db, hooks });
    return work(trx);
  });
  for (const hook of hooks) await hook(db);
  return result;
}

/** Runs `hook` with the database itself once `db`'s transaction has committed; at once when `db` holds none. */
export async function afterCommit(db: Kysely<any>, hook: Hook): Promise<void> {
  if (!db.isTransaction) return hook(db);
  const entry = pending.get(db);
  // A transaction not opened by inTransaction has nobody to run the hook after its commit.
  if (!entry) throw new Error('afterCommit needs a transaction opened by inTransaction');
  entry.hooks.push(hook);
}
