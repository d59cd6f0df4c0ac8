/**
 * The citizen's appeal kept on the device while it is written and until the server has it.
 * The draft carries its Idempotency-Key from the first keystroke: however often the browser
 * retries (a lost answer, a dropped network, the page reopened later), the server stores the
 * appeal once. `submitted` marks a draft the citizen has sent but the server has not yet
 * confirmed; the page resends it on its own when the network is back or the page is reopened.
 * Plain TypeScript with the storage passed in (localStorage in the app, a Map in tests).
 */
import { newClientId } from '../../lib/client-id';

export interface AppealFields {
  categoryCode?: string;
  description?: string;
  address?: string;
  regionCode?: string;
  contactName?: string;
  contactPhone?: string;
}

export interface AppealDraft {
  key: string;
  fields: AppealFields;
  submitted: boolean;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const STORAGE_KEY = 'huimin.publicAppealDraft';

/** The key is also the proof for the photos that follow: random from the browser's CSPRNG. */
const newKey = () => `web-${newClientId()}`;

export class AppealDraftStore {
  constructor(private readonly storage: KeyValueStorage | null) {}

  load(): AppealDraft {
    try {
      const saved = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? 'null') as AppealDraft | null;
      if (saved && typeof saved.key === 'string' && saved.fields) return saved;
    } catch {
      // an unreadable draft is no draft
    }
    return { key: newKey(), fields: {}, submitted: false };
  }

  /** Keeps what was typed; a draft already sent keeps its key (it may be stored on the server). */
  save(draft: AppealDraft): void {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(draft));
    } catch {
      // storage full or private browsing: the draft lives as long as the page
    }
  }

  /** The server has the appeal: the next one starts afresh with a new key. */
  clear(): AppealDraft {
    this.storage?.removeItem(STORAGE_KEY);
    return { key: newKey(), fields: {}, submitted: false };
  }
}

export function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
