/**
 * "Something about these households changed": the registry says so after a write commits,
 * and whoever listens on that database (the policy monitor, wired in buildApp) reacts at once.
 * Listeners are per database handle, so seeding a database before the app is built, or a CLI
 * command without the app, triggers nothing. A listener's failure never undoes the write.
 */
import type { Kysely } from 'kysely';
import type { Actor } from './auth/actor.js';

export interface SubjectChange {
  householdIds: number[];
  /** What changed, for the reminder's wording: a fact kind, or 'membership'. */
  cause: string;
  personId?: number | null;
  actor: Actor;
}

type Listener = (db: Kysely<any>, change: SubjectChange) => Promise<void>;

const listeners = new WeakMap<Kysely<any>, Listener[]>();

export function onSubjectsChanged(db: Kysely<any>, listener: Listener): void {
  listeners.set(db, [...(listeners.get(db) ?? []), listener]);
}

export async function subjectsChanged(db: Kysely<any>, change: SubjectChange): Promise<void> {
  for (const listener of listeners.get(db) ?? []) {
    try {
      await listener(db, change);
    } catch (error) {
      console.error(`[events] a listener failed on a change of households ${change.householdIds.join(',')}: ${(error as Error).message}`);
    }
  }
}
