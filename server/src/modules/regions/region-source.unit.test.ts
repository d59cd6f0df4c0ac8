import { beforeAll, describe, it, expect } from 'vitest';
import { loadProvinceFromChinaDivision, normalizeProvinceCode, type RegionRow } from './region-source.js';

const countByLevel = (rows: RegionRow[]) =>
  rows.reduce<Record<number, number>>((counts, row) => ({ ...counts, [row.level]: (counts[row.level] ?? 0) + 1 }), {});

describe('loadProvinceFromChinaDivision: Ningxia', () => {
  let rows: RegionRow[];
  let byCode: Map<string, RegionRow>;

  beforeAll(() => {
    rows = loadProvinceFromChinaDivision('640000');
    byCode = new Map(rows.map((row) => [row.code, row]));
  });

  it('starts with the autonomous region itself as the only root', () => {
    expect(rows[0]).toEqual({ code: '640000', name: '宁夏回族自治区', level: 1, parentCode: null });
    expect(rows.filter((row) => row.parentCode === null)).toHaveLength(1);
  });

  it('has the five prefecture-level cities', () => {
    expect(rows.filter((row) => row.level === 2)).toEqual([
      { code: '640100', name: '银川市', level: 2, parentCode: '640000' },
      { code: '640200', name: '石嘴山市', level: 2, parentCode: '640000' },
      { code: '640300', name: '吴忠市', level: 2, parentCode: '640000' },
      { code: '640400', name: '固原市', level: 2, parentCode: '640000' },
      { code: '640500', name: '中卫市', level: 2, parentCode: '640000' },
    ]);
  });

  it('has 22 county-level divisions, 259 townships and 2912 villages or communities', () => {
    expect(countByLevel(rows)).toEqual({ 1: 1, 2: 5, 3: 22, 4: 259, 5: 2912 });
  });

  it('places known counties under the right city', () => {
    expect(byCode.get('640104')).toEqual({ code: '640104', name: '兴庆区', level: 3, parentCode: '640100' });
    expect(byCode.get('640522')).toEqual({ code: '640522', name: '海原县', level: 3, parentCode: '640500' });
    expect(byCode.get('640104001')).toEqual({ code: '640104001', name: '凤凰北街街道', level: 4, parentCode: '640104' });
  });

  it('uses 6-digit codes down to county level, 9 for townships and 12 for villages', () => {
    const expectedLength = { 1: 6, 2: 6, 3: 6, 4: 9, 5: 12 } as const;
    for (const row of rows) expect(row.code).toMatch(new RegExp(`^\\d{${expectedLength[row.level]}}$`));
  });

  it('has unique codes sorted ascending', () => {
    const codes = rows.map((row) => row.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  it('links every region to an existing parent exactly one level up', () => {
    for (const row of rows.slice(1)) {
      const parent = byCode.get(row.parentCode!);
      expect(parent, `parent of ${row.code}`).toBeDefined();
      expect(parent!.level).toBe(row.level - 1);
    }
  });

  it('gives every region below the cities a code that begins with its parent code', () => {
    for (const row of rows.filter((r) => r.level >= 3)) {
      const parentPrefix = row.level === 3 ? row.parentCode!.slice(0, 4) : row.parentCode!;
      expect(row.code.startsWith(parentPrefix), row.code).toBe(true);
    }
  });

  it('gives every region a non-empty name', () => {
    expect(rows.every((row) => row.name.trim().length > 0)).toBe(true);
  });

  it('accepts the two-digit province prefix too', () => {
    expect(loadProvinceFromChinaDivision('64')).toHaveLength(rows.length);
  });
});

describe('loadProvinceFromChinaDivision: other provinces', () => {
  it('hangs townships of a city without counties (Dongguan) directly off the city', () => {
    const guangdong = loadProvinceFromChinaDivision('440000');
    const dongguan = guangdong.filter((row) => row.code === '441900');
    expect(dongguan).toEqual([{ code: '441900', name: '东莞市', level: 2, parentCode: '440000' }]);
    const townships = guangdong.filter((row) => row.parentCode === '441900');
    expect(townships.length).toBeGreaterThan(0);
    expect(townships.every((row) => row.level === 4)).toBe(true);
  });

  it('throws a clear error for a province code that does not exist', () => {
    expect(() => loadProvinceFromChinaDivision('990000')).toThrow(/Unknown province code 990000/);
  });

  it('throws a clear error for a code that is not a province code', () => {
    expect(() => loadProvinceFromChinaDivision('640100')).toThrow(/ending in 0000/);
    expect(() => loadProvinceFromChinaDivision('abc')).toThrow(/ending in 0000/);
  });
});

describe('normalizeProvinceCode', () => {
  it('pads a two-digit prefix and keeps a six-digit code', () => {
    expect(normalizeProvinceCode('64')).toBe('640000');
    expect(normalizeProvinceCode(' 640000 ')).toBe('640000');
  });

  it('refuses anything that could not name a province file', () => {
    for (const bad of ['', '6', '6400', '640100', '../../etc', '64000O']) {
      expect(() => normalizeProvinceCode(bad)).toThrow();
    }
  });
});
