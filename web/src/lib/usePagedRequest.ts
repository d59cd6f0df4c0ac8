/**
 * A server-paged list: loads one page at a time and goes back to the first page whenever the
 * filter changes (a page 7 of the old filter may not exist under the new one).
 */
import { useState, type DependencyList } from 'react';
import { useRequest, type Request } from './useRequest';

export interface Page {
  current: number;
  pageSize: number;
}

export function usePagedRequest<T>(filter: unknown, load: (page: Page, signal: AbortSignal) => Promise<T>, deps: DependencyList): Request<T> & { page: Page; setPage: (page: Page) => void } {
  const [page, setPage] = useState<Page>({ current: 1, pageSize: 20 });
  const key = JSON.stringify(filter);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setPage((p) => ({ ...p, current: 1 }));
  }
  const request = useRequest((signal) => load(page, signal), [key, page.current, page.pageSize, ...deps]);
  return { ...request, page, setPage };
}
