/**
 * Visit drafts kept on the device. A grid worker types on a doorstep where the network comes
 * and goes: the form is kept as she types (one draft being edited), and a visit whose saving
 * failed for want of a network waits in a queue, sent again — with the client id it got when
 * it was first written down, so the server stores it once — when the network is back or the
 * page next opens. Kept per user, so a shared phone never sends one worker's visit as another's.
 *
 * Plain TypeScript with the storage passed in (localStorage in the app, a Map in tests).
 */
import type { CensusFactInput } from '@contracts/visits';
// Relative, not '@/lib/…': the unit tests run this file without the web app's path aliases.
import { failureKind } from '../../lib/failure-kind';

export interface VisitDraft {
  clientId: string;
  householdId: number | null;
  /** "王建国 户 · 金波路 12 号", to show the draft before the household list is reachable. */
  householdLabel: string | null;
  visitedOn: string;
  companions: string[];
  purposes: string[];
  outcome: string;
  findings: string;
  needs: Array<{ need: string; note: string }>;
  /** A census visit (摸排): its campaign, the campaign's name to show offline, the facts confirmed or corrected. */
  campaignId?: number | null;
  campaignLabel?: string | null;
  facts?: CensusFactInput[];
  updatedAt: string;
  /** Why the server refused the draft when the queue sent it: it waits for the worker to correct it. */
  problem?: string | null;
}

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Saved {
  editing: VisitDraft | null;
  pending: VisitDraft[];
}

const EMPTY: Saved = { editing: null, pending: [] };

export class DraftStore {
  constructor(
    private readonly storage: DraftStorage | null,
    readonly userId: number,
  ) {}

  private get key(): string {
    return `huimin.visit-drafts.${this.userId}`;
  }

  private read(): Saved {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return EMPTY;
      const saved = JSON.parse(raw) as Partial<Saved>;
      return { editing: saved.editing ?? null, pending: Array.isArray(saved.pending) ? saved.pending : [] };
    } catch {
      // Unreadable (another version's format, a hand edit): start afresh rather than break the page.
      return EMPTY;
    }
  }

  /** False when the device refused to store it (full, or private browsing). */
  private write(saved: Saved): boolean {
    try {
      if (!saved.editing && saved.pending.length === 0) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify(saved));
      return this.storage !== null;
    } catch {
      return false;
    }
  }

  editing(): VisitDraft | null {
    return this.read().editing;
  }

  keepEditing(draft: VisitDraft): boolean {
    return this.write({ ...this.read(), editing: draft });
  }

  discardEditing(): void {
    this.write({ ...this.read(), editing: null });
  }

  pending(): VisitDraft[] {
    return this.read().pending;
  }

  /** The form could not be sent: it leaves the form and waits in the queue (once, by client id). */
  queue(draft: VisitDraft): boolean {
    const saved = this.read();
    const editing = saved.editing?.clientId === draft.clientId ? null : saved.editing;
    return this.write({ editing, pending: [...saved.pending.filter((d) => d.clientId !== draft.clientId), { ...draft, problem: null }] });
  }

  /** Takes a queued draft back into the form, to correct what the server refused (the reason stays until it is edited). */
  reopen(clientId: string): VisitDraft | null {
    const saved = this.read();
    const draft = saved.pending.find((d) => d.clientId === clientId) ?? null;
    if (draft) this.write({ editing: draft, pending: saved.pending.filter((d) => d.clientId !== clientId) });
    return draft;
  }

  remove(clientId: string): void {
    const saved = this.read();
    this.write({ ...saved, pending: saved.pending.filter((d) => d.clientId !== clientId) });
  }

  markRefused(clientId: string, problem: string): void {
    const saved = this.read();
    this.write({ ...saved, pending: saved.pending.map((d) => (d.clientId === clientId ? { ...d, problem } : d)) });
  }
}

export interface SyncResult<T> {
  sent: Array<{ draft: VisitDraft; result: T }>;
  refused: VisitDraft[];
  /** The network was still down: the rest of the queue stays for the next try. */
  offline: boolean;
}

/** Sends the queued drafts one by one; a sent one leaves the queue, a refused one stays marked with the reason. */
export async function sendPending<T>(store: DraftStore, send: (draft: VisitDraft) => Promise<T>): Promise<SyncResult<T>> {
  const result: SyncResult<T> = { sent: [], refused: [], offline: false };
  for (const draft of store.pending()) {
    if (draft.problem) continue;
    try {
      result.sent.push({ draft, result: await send(draft) });
      store.remove(draft.clientId);
    } catch (error) {
      const kind = failureKind(error);
      if (kind === 'offline') return { ...result, offline: true };
      if (kind === 'refused') {
        const problem = error instanceof Error ? error.message : String(error);
        store.markRefused(draft.clientId, problem);
        result.refused.push({ ...draft, problem });
      }
    }
  }
  return result;
}
