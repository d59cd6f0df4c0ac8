/** Filters kept in the address (so a filtered list can be bookmarked and shared): read them, set one. */
import { useSearchParams } from 'react-router-dom';

export function useQueryParams(): [URLSearchParams, (key: string, value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return [params, set];
}
