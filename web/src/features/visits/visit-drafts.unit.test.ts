/** The draft store: kept per user as typed, queued when offline, re-sent with the same client id once, refused ones kept with the reason. */
import { describe, expect, it } from 'vitest';
import { newClientId } from '../../lib/client-id';
import { DraftStore, sendPending, type DraftStorage, type VisitDraft } from './visit-drafts';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const draft = (overrides: Partial<VisitDraft> = {}): VisitDraft => ({
  clientId: newClientId(), householdId: 7, householdLabel: '王建国 户', visitedOn: '2026-11-02', companions: ['马涛'],
  purposes: ['routine', 'needs_check'], outcome: 'visited', findings: '家中情况稳定', needs: [{ need: 'medical', note: '透析' }],
  updatedAt: '2026-11-02T08:00:00Z', ...overrides,
});
const offline = () => Object.assign(new Error('无法连接服务器，请稍后重试'), { status: 0 });
const refused = (message: string) => Object.assign(new Error(message), { status: 400 });

describe('client ids', () => {
  it('are version 4 UUIDs, different each time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the draft store', () => {
  it('keeps the form as typed, per user, and survives a new page (a new store on the same storage)', () => {
    const storage = new MemoryStorage();
    const typed = draft();
    expect(new DraftStore(storage, 1).keepEditing(typed)).toBe(true);
    expect(new DraftStore(storage, 1).editing()).toEqual(typed);
    expect(new DraftStore(storage, 2).editing()).toBeNull();
    new DraftStore(storage, 1).discardEditing();
    expect(new DraftStore(storage, 1).editing()).toBeNull();
    // Nothing left behind once nothing is kept.
    expect(storage.items.size).toBe(0);
  });

  it('queues a draft the network refused once, leaving the form empty', () => {
    const store = new DraftStore(new MemoryStorage(), 1);
    const typed = draft();
    store.keepEditing(typed);
    store.queue(typed);
    store.queue(typed);
    expect(store.editing()).toBeNull();
    expect(store.pending().map((d) => d.clientId)).toEqual([typed.clientId]);
  });

  it('reads unreadable storage as empty instead of failing, and says so when the device will not store', () => {
    const storage = new MemoryStorage();
    storage.setItem('huimin.visit-drafts.1', '{not json');
    expect(new DraftStore(storage, 1).pending()).toEqual([]);
    const full: DraftStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    expect(new DraftStore(full, 1).keepEditing(draft())).toBe(false);
  });
});

describe('sending the queue', () => {
  it('sends each queued draft with its own client id and clears it; a second sync sends nothing', async () => {
    const store = new DraftStore(new MemoryStorage(), 1);
    const [a, b] = [draft(), draft({ householdId: 8 })];
    store.queue(a);
    store.queue(b);
    const sent: string[] = [];
    const result = await sendPending(store, async (d) => {
      sent.push(d.clientId);
      return { id: sent.length };
    });
    expect(sent).toEqual([a.clientId, b.clientId]);
    expect(result.sent.map((s) => s.result)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(store.pending()).toEqual([]);
    await sendPending(store, async () => sent.push('again'));
    expect(sent).toHaveLength(2);
  });

  it('stops at the first network failure and keeps the rest for the next try, with the same client id', async () => {
    const store = new DraftStore(new MemoryStorage(), 1);
    const [a, b] = [draft(), draft()];
    store.queue(a);
    store.queue(b);
    const tried: string[] = [];
    const first = await sendPending(store, async (d) => {
      tried.push(d.clientId);
      throw offline();
    });
    expect(first.offline).toBe(true);
    expect(tried).toEqual([a.clientId]);
    expect(store.pending().map((d) => d.clientId)).toEqual([a.clientId, b.clientId]);
    const second = await sendPending(store, async (d) => d.clientId);
    expect(second.sent.map((s) => s.result)).toEqual([a.clientId, b.clientId]);
  });

  it('keeps a refused draft with the server’s reason, skips it later, and gives it back to the form to correct', async () => {
    const store = new DraftStore(new MemoryStorage(), 1);
    const wrong = draft();
    store.queue(wrong);
    const result = await sendPending(store, async () => {
      throw refused('走访日期不能晚于今天');
    });
    expect(result.refused.map((d) => d.problem)).toEqual(['走访日期不能晚于今天']);
    expect(store.pending()[0]).toMatchObject({ clientId: wrong.clientId, problem: '走访日期不能晚于今天' });
    let calls = 0;
    await sendPending(store, async () => (calls += 1));
    expect(calls).toBe(0);
    expect(store.reopen(wrong.clientId)?.clientId).toBe(wrong.clientId);
    expect(store.editing()).toMatchObject({ clientId: wrong.clientId, problem: '走访日期不能晚于今天' });
    expect(store.pending()).toEqual([]);
  });
});
