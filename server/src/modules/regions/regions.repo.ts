/** SQL for regions (GB/T 2260 codes and the statistical codes below them, plus grids). */
import { sql, type Kysely } from 'kysely';

export interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  prefix: string;
}

export interface RegionInput {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/**
 * The prefix every descendant's code shares: '640000' → '64', '640100' → '6401',
 * '640104' → '640104'; longer statistical codes and grid codes are their own prefix.
 */
export function regionPrefix(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

const columns = sql`code, name, level, parent_code as "parentCode", prefix`;

/** Inserts or renames regions; parents must come first (rows sorted by level). */
export async function upsertRegions(db: Kysely<any>, rows: RegionInput[]): Promise<number> {
  const sorted = [...rows].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  const chunk = 2000;
  for (let i = 0; i < sorted.length; i += chunk) {
    const part = sorted.slice(i, i + chunk);
    await sql`insert into regions (code, name, level, parent_code, prefix)
      select * from unnest(${part.map((r) => r.code)}::text[], ${part.map((r) => r.name)}::text[],
        ${part.map((r) => r.level)}::smallint[], ${part.map((r) => r.parentCode)}::text[], ${part.map((r) => regionPrefix(r.code))}::text[])
      on conflict (code) do update set name = excluded.name`.execute(db);
  }
  return sorted.length;
}

export async function findRegion(db: Kysely<any>, code: string): Promise<Region | null> {
  const { rows } = await sql<Region>`select ${columns} from regions where code = ${code}`.execute(db);
  return rows[0] ?? null;
}

export async function listChildren(db: Kysely<any>, parentCode: string | null): Promise<(Region & { hasChildren: boolean })[]> {
  const { rows } = await sql<Region & { hasChildren: boolean }>`
    select ${columns}, exists (select 1 from regions c where c.parent_code = r.code) as "hasChildren"
    from regions r
    where ${parentCode === null ? sql`parent_code is null` : sql`parent_code = ${parentCode}`}
    order by code`.execute(db);
  return rows;
}

/** The chain from the province down to the region itself. */
export async function regionPath(db: Kysely<any>, code: string): Promise<Region[]> {
  const { rows } = await sql<Region>`
    with recursive chain as (
      select code, name, level, parent_code, prefix from regions where code = ${code}
      union all
      select r.code, r.name, r.level, r.parent_code, r.prefix from regions r join chain c on r.code = c.parent_code)
    select code, name, level, parent_code as "parentCode", prefix from chain order by level`.execute(db);
  return rows;
}

export async function searchRegions(db: Kysely<any>, text: string, limit: number): Promise<Region[]> {
  const { rows } = await sql<Region>`select ${columns} from regions
    where name like ${'%' + text.replace(/[\\%_]/g, '\\$&') + '%'} order by level, code limit ${limit}`.execute(db);
  return rows;
}

export async function countRegions(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from regions`.execute(db);
  return rows[0].n;
}

export async function nextGridCode(db: Kysely<any>, communityCode: string): Promise<string> {
  const { rows } = await sql<{ code: string | null }>`select max(code) as code from regions where parent_code = ${communityCode}`.execute(db);
  const last = rows[0].code;
  const next = last ? Number(last.slice(communityCode.length)) + 1 : 1;
  return communityCode + String(next).padStart(3, '0');
}
