/**
 * The signed-in worker's draft store, and the sending of its queue: when a visits page opens,
 * when the browser says the network is back, and every half minute while drafts wait (a phone
 * on a weak signal may never see an `online` event). Photos of a queued visit cannot go into
 * localStorage; they wait in this page's memory and are uploaded once their visit is stored.
 */
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { DraftStore, sendPending, type SyncResult, type VisitDraft } from './visit-drafts';
import { inputOf, recordVisit, uploadPhotos, type Visit } from './visits.api';

const RETRY_MS = 30_000;
const heldPhotos = new Map<string, File[]>();
let running: Promise<SyncResult<Visit>> | null = null;

export function holdPhotos(clientId: string, files: File[]): void {
  if (files.length) heldPhotos.set(clientId, files);
}

export function heldPhotoCount(clientId: string): number {
  return heldPhotos.get(clientId)?.length ?? 0;
}

function deviceStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function useDraftStore(): DraftStore | null {
  const { me } = useAuth();
  return useMemo(() => (me ? new DraftStore(deviceStorage(), me.id) : null), [me]);
}

/** The queued drafts, kept current, and `sync` to send them now; `onSent` hears of every visit the queue stored. */
export function useDraftSync(store: DraftStore | null, onSent?: (visits: Visit[]) => void) {
  const t = useT();
  const { message } = App.useApp();
  const [pending, setPending] = useState<VisitDraft[]>(() => store?.pending() ?? []);
  const refresh = useCallback(() => setPending(store?.pending() ?? []), [store]);
  // The page's callback changes every render; the listeners below must not be re-added for it.
  const sentRef = useRef(onSent);
  sentRef.current = onSent;

  const sync = useCallback(async () => {
    if (!store || !store.pending().some((d) => !d.problem)) return;
    // One send at a time for the whole page: the online event and a page opening may come together.
    running ??= sendPending(store, (draft) => recordVisit(inputOf(draft))).finally(() => {
      running = null;
    });
    const result = await running;
    refresh();
    if (result.sent.length === 0 && result.refused.length === 0) return;
    if (result.sent.length) message.success(t('{n} 条走访草稿已提交', { n: result.sent.length }));
    for (const draft of result.refused) message.warning(t('走访草稿未能提交：{problem}', { problem: draft.problem ?? '' }), 8);
    sentRef.current?.(result.sent.map((s) => s.result));
    for (const { draft, result: visit } of result.sent) {
      const files = heldPhotos.get(draft.clientId);
      heldPhotos.delete(draft.clientId);
      if (!files) continue;
      const failed = await uploadPhotos(visit.id, files);
      for (const f of failed) message.warning(t('照片“{name}”未上传：{error}', { name: f.file.name, error: f.error }), 8);
      if (failed.length < files.length) sentRef.current?.([visit]);
    }
  }, [store, refresh, message, t]);

  useEffect(() => {
    refresh();
    void sync();
    const online = () => void sync();
    const otherTab = (event: StorageEvent) => event.key?.startsWith('huimin.visit-drafts.') && refresh();
    window.addEventListener('online', online);
    window.addEventListener('storage', otherTab);
    const timer = window.setInterval(() => void sync(), RETRY_MS);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('storage', otherTab);
      window.clearInterval(timer);
    };
  }, [sync, refresh]);

  return { pending, refresh, sync };
}
