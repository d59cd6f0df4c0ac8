import { describe, it, expect } from 'vitest';
import { neutralizeFormula } from './spreadsheet-safety.js';

describe('neutralizeFormula', () => {
  it('prefixes a cell starting with = so it is shown as text', () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil","click")')).toBe(`'=HYPERLINK("http://evil","click")`);
  });

  it('prefixes cells starting with +, - or @', () => {
    expect(neutralizeFormula('+1+1')).toBe("'+1+1");
    expect(neutralizeFormula('-2+3+cmd|\' /C calc\'!A0')).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(neutralizeFormula('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
  });

  it('prefixes cells starting with a tab or carriage return', () => {
    expect(neutralizeFormula('\t=1+1')).toBe("'\t=1+1");
    expect(neutralizeFormula('\r=1+1')).toBe("'\r=1+1");
  });

  it('also prefixes negative numbers held as strings, which is the accepted cost', () => {
    expect(neutralizeFormula('-5')).toBe("'-5");
  });

  it('leaves ordinary text alone, including a trigger character later in the cell', () => {
    expect(neutralizeFormula('张三')).toBe('张三');
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(neutralizeFormula('0951-1234567')).toBe('0951-1234567');
    expect(neutralizeFormula(' =1')).toBe(' =1');
    expect(neutralizeFormula('')).toBe('');
  });

  it('does not prefix a value that already starts with an apostrophe', () => {
    expect(neutralizeFormula("'=1+1")).toBe("'=1+1");
  });

  it('leaves numbers, booleans, dates, null and undefined untouched', () => {
    expect(neutralizeFormula(-5)).toBe(-5);
    expect(neutralizeFormula(0)).toBe(0);
    expect(neutralizeFormula(true)).toBe(true);
    const date = new Date('2025-01-01T00:00:00Z');
    expect(neutralizeFormula(date)).toBe(date);
    expect(neutralizeFormula(null)).toBeNull();
    expect(neutralizeFormula(undefined)).toBeUndefined();
  });
});
