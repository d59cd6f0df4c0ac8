/** Reads the region trees shipped in server/data/regions (see scripts/generate-regions.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeProvinceCode, type RegionLevel, type RegionRow } from './region-source.js';

/** On disk each region is a [code, name, level, parentCode] tuple, to keep the file small. */
export type RegionTuple = [code: string, name: string, level: RegionLevel, parentCode: string | null];

const REGIONS_DIR = new URL('../../../data/regions/', import.meta.url);

export function shippedRegionFilePath(provinceCode: string): string {
  return fileURLToPath(new URL(`${normalizeProvinceCode(provinceCode)}.json`, REGIONS_DIR));
}

export function readShippedRegions(provinceCode: string): RegionRow[] {
  const file = shippedRegionFilePath(provinceCode);
  if (!existsSync(file)) {
    const code = normalizeProvinceCode(provinceCode);
    throw new Error(`No region data shipped for province ${code}: ${file} is missing. Generate it with: npx tsx scripts/generate-regions.ts ${code}`);
  }
  return regionRowsFromTuples(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Validates as it converts, so a hand-edited or truncated file fails loudly at startup. */
export function regionRowsFromTuples(tuples: unknown, source: string): RegionRow[] {
  if (!Array.isArray(tuples)) throw new Error(`${source} must hold a JSON array of region tuples`);
  return tuples.map((tuple, index) => tupleToRow(tuple, index, source));
}

export function rowToTuple(row: RegionRow): RegionTuple {
  return [row.code, row.name, row.level, row.parentCode];
}

function tupleToRow(tuple: unknown, index: number, source: string): RegionRow {
  if (
    !Array.isArray(tuple) ||
    tuple.length !== 4 ||
    typeof tuple[0] !== 'string' ||
    typeof tuple[1] !== 'string' ||
    ![1, 2, 3, 4, 5].includes(tuple[2]) ||
    !(tuple[3] === null || typeof tuple[3] === 'string')
  ) {
    throw new Error(`${source}: entry ${index} is not a [code, name, level, parentCode] tuple: ${JSON.stringify(tuple)}`);
  }
  return { code: tuple[0], name: tuple[1], level: tuple[2] as RegionLevel, parentCode: tuple[3] };
}
