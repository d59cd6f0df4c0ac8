/** A run (or simulation) read every 500 ms while it is running, then left alone. */
import { useEffect, useState } from 'react';
import { getRun, type PolicyRun } from '../policies.api';

const POLL_MS = 500;

export function usePolledRun(id: number | null) {
  const [run, setRun] = useState<PolicyRun | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    setRun(null);
    setError(null);
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const current = await getRun(id);
        if (stopped) return;
        setRun(current);
        setError(null);
        if (current.status === 'running') timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (!stopped) setError(e as Error);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);

  return { run, error, setRun };
}
