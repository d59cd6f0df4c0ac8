/** Loads data for a component: `const { data, loading, error, reload } = useRequest(() => api.get(...), [deps])`. */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Request<T> {
  data: T | undefined;
  loading: boolean;
  error: Error | null;
  reload: () => Promise<void>;
}

export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, enabled = true): Request<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<Error | null>(null);
  const latest = useRef(load);
  latest.current = load;
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    try {
      const result = await latest.current(current.signal);
      if (!current.signal.aborted) {
        setData(result);
        setError(null);
      }
    } catch (e) {
      if (!current.signal.aborted) setError(e as Error);
    } finally {
      if (!current.signal.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    void run();
    return () => controller.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled]);

  return { data, loading, error, reload: run };
}
