/** Screen-size hooks: the layout switches at 768 px (drawer menu) and 600 px (cards instead of tables). */
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

export const useIsMobile = () => useMediaQuery('(max-width: 767.98px)');
export const useIsNarrow = () => useMediaQuery('(max-width: 599.98px)');
