/** Region codes shown by name (runs store codes only); each code is looked up once per page load. */
import { useEffect, useState } from 'react';
import { regionPath } from '@/lib/regions';

const cache = new Map<string, Promise<string>>();

function regionName(code: string): Promise<string> {
  let name = cache.get(code);
  if (!name) {
    name = regionPath(code).then((path) => path.at(-1)?.name ?? code).catch(() => code);
    cache.set(code, name);
  }
  return name;
}

export function RegionNames({ codes, empty }: { codes: string[]; empty?: string }) {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = codes.join(',');
  useEffect(() => {
    let live = true;
    for (const code of codes) void regionName(code).then((name) => live && setNames((n) => (n[code] === name ? n : { ...n, [code]: name })));
    return () => void (live = false);
    // `key` is the codes' content; a new array with the same codes is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (codes.length === 0) return <>{empty ?? ''}</>;
  return <>{codes.map((code) => names[code] ?? code).join('、')}</>;
}
