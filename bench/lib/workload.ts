/**
 * What the benchmark asks the API: searches by ID number, name prefix, pinyin initials and
 * phone, the household page, and household lists filtered by region — each with inputs
 * drawn (seeded) from the generated population, so they hit real rows.
 */
import { sql, type Kysely } from 'kysely';
import { Rng } from '../../server/src/modules/seed/synthetic-random.js';
import type { Session } from './http.js';
import { summarise, type Latency } from './stats.js';

export interface RequestKind {
  key: string;
  label: string;
  /** True for the person searches held to the p99 < 50 ms target. */
  search: boolean;
  urls: string[];
}

interface SampledPerson {
  id_number: string;
  name: string;
  name_initials: string;
  phone: string | null;
}

/**
 * Builds `count` URLs per kind from a seeded sample of persons, households and regions —
 * all of them, or (for a scoped user) those under `regionPrefix`, so every request finds rows.
 */
export async function buildWorkload(db: Kysely<any>, count: number, regionPrefix = '64', seed = 2026): Promise<RequestKind[]> {
  const rng = new Rng(seed, 0xbe4c);
  const like = `${regionPrefix}%`;
  // md5 of id + seed: a fixed pseudo-random order, the same on every run and both databases.
  const { rows: people } = await sql<SampledPerson>`select id_number, name, name_initials, phone from persons
    where region_code like ${like} order by md5(id::text || ${String(seed)}) limit ${count * 2}`.execute(db);
  const withPhone = people.filter((p) => p.phone);
  const { rows: households } = await sql<{ id: number }>`select id from households
    where region_code like ${like} order by md5(id::text || ${String(seed)}) limit ${count}`.execute(db);
  const { rows: regions } = await sql<{ code: string; level: number }>`select code, level from regions
    where level in (3, 4) and code like ${like} order by code`.execute(db);
  const counties = regions.filter((r) => r.level === 3).map((r) => r.code);
  const townships = regions.filter((r) => r.level === 4).map((r) => r.code);
  if (people.length === 0 || households.length === 0 || counties.length === 0) throw new Error(`no persons, households or counties under ${regionPrefix}`);
  const cycle = <T>(items: T[], make: (item: T) => string) => Array.from({ length: count }, (_, i) => make(items[i % items.length]));
  const q = (text: string) => `/api/persons?q=${encodeURIComponent(text)}`;
  return [
    { key: 'id', label: 'search: ID number', search: true, urls: cycle(people, (p) => q(p.id_number)) },
    { key: 'name', label: 'search: name prefix (2 chars)', search: true, urls: cycle(people, (p) => q([...p.name].slice(0, 2).join(''))) },
    { key: 'initials', label: 'search: pinyin initials', search: true, urls: cycle(people, (p) => q(p.name_initials)) },
    { key: 'phone', label: 'search: phone', search: true, urls: cycle(withPhone, (p) => q(p.phone!)) },
    { key: 'household', label: 'household page', search: false, urls: cycle(households, (h) => `/api/households/${h.id}`) },
    {
      key: 'region',
      label: 'households by region',
      search: false,
      urls: cycle([...Array(count).keys()], (i) => `/api/households?regionCode=${i % 2 === 0 || townships.length === 0 ? rng.pick(counties) : rng.pick(townships)}`),
    },
    {
      key: 'dibao',
      label: 'households 低保 in county',
      search: false,
      urls: cycle(counties, (code) => `/api/households?regionCode=${code}&assistanceStatus=dibao`),
    },
  ];
}

/** Runs the URLs one after another (after a short warm-up) and returns their latency. */
export async function measure(session: Session, kind: RequestKind, warmup = 10): Promise<Latency> {
  for (const url of kind.urls.slice(0, warmup)) await session.get(url);
  const samples: number[] = [];
  let errors = 0;
  for (const url of kind.urls) {
    const started = performance.now();
    const response = await session.get(url);
    samples.push(performance.now() - started);
    if (response.status !== 200) errors++;
  }
  return summarise(samples, errors);
}
