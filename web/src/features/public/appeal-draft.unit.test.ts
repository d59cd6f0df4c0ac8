/** The citizen's draft: kept as typed, one key until the server confirms, a new key after. */
import { describe, expect, it } from 'vitest';
import { AppealDraftStore, type KeyValueStorage } from './appeal-draft';

function memory(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('the public appeal draft', () => {
  it('survives the page: what was typed, its key and whether it was sent', () => {
    const storage = memory();
    const first = new AppealDraftStore(storage);
    const draft = first.load();
    first.save({ ...draft, fields: { description: '井盖松动' }, submitted: true });
    const reopened = new AppealDraftStore(storage).load();
    expect(reopened).toEqual({ key: draft.key, fields: { description: '井盖松动' }, submitted: true });
  });

  it('keeps one key for every retry and makes a new one once the server has the appeal', () => {
    const store = new AppealDraftStore(memory());
    const draft = store.load();
    expect(draft.key).toMatch(/^web-.{8,}/);
    store.save({ ...draft, fields: { description: 'a' } });
    store.save({ ...store.load(), fields: { description: 'ab' } });
    expect(store.load().key).toBe(draft.key);
    const next = store.clear();
    expect(next.key).not.toBe(draft.key);
    expect(store.load().fields).toEqual({});
  });

  it('treats unreadable storage as no draft, and works without storage at all', () => {
    const storage = memory();
    storage.setItem('huimin.publicAppealDraft', '{broken');
    expect(new AppealDraftStore(storage).load().fields).toEqual({});
    const none = new AppealDraftStore(null);
    none.save(none.load());
    expect(none.load().submitted).toBe(false);
  });
});
