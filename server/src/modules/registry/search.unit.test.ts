import { describe, expect, it } from 'vitest';
import { classifyQuery, isSpecific } from './search.js';
import { parseDateText, parseSex, validatePerson } from './person-validation.js';
import { regionPrefix } from '../regions/regions.repo.js';

describe('classifyQuery', () => {
  it.each([
    ['11010519491231002x', 'id_number', '11010519491231002X'],
    ['139 0951 0101', 'phone', '13909510101'],
    ['0951-1234567', 'phone', '0951-1234567'],
    ['ZSF', 'pinyin', 'zsf'],
    ['张三', 'name', '张三'],
    ['张 三', 'name', '张三'],
  ])('reads %s as %s', (raw, form, text) => {
    expect(classifyQuery(raw)).toEqual({ form, text });
  });
});

describe('regionPrefix', () => {
  it.each([
    ['640000', '64'],
    ['640100', '6401'],
    ['640104', '640104'],
    ['640104003', '640104003'],
    ['640104003001', '640104003001'],
  ])('%s covers codes starting with %s', (code, prefix) => expect(regionPrefix(code)).toBe(prefix));
});

describe('person fields', () => {
  it('reads dates as people write them', () => {
    expect(parseDateText('1990/1/2')).toBe('1990-01-02');
    expect(parseDateText('1990年1月2日')).toBe('1990-01-02');
    expect(parseDateText('19900102')).toBe('1990-01-02');
    expect(parseDateText('1990-02-30')).toBe('invalid');
    expect(parseDateText('')).toBeNull();
  });
  it('reads sex in Chinese or English', () => {
    expect(parseSex('女')).toBe('F');
    expect(parseSex('male')).toBe('M');
    expect(parseSex('x')).toBe('invalid');
  });
  it('collects every problem of a row at once', () => {
    const { value, problems } = validatePerson({ idNumber: '123', name: '', phone: 'abc', regionCode: '999999' }, () => false);
    expect(value).toBeNull();
    expect(problems.map((p) => p.field).sort()).toEqual(['idNumber', 'name', 'phone', 'regionCode']);
  });
  it('derives pinyin for search', () => {
    const { value } = validatePerson({ idNumber: '11010519491231002X', name: '张三丰', regionCode: '110105' }, () => true);
    expect(value).toMatchObject({ namePinyin: 'zhangsanfeng', nameInitials: 'zsf', sex: 'F', birthDate: '1949-12-31' });
  });
});

describe('isSpecific', () => {
  it('treats two name characters, three initials or two syllables as specific', () => {
    expect(isSpecific('name', '王建')).toBe(true);
    expect(isSpecific('pinyin', 'wjg')).toBe(true);
    expect(isSpecific('pinyin', 'wangjian')).toBe(true);
  });
  it('treats one character, two initials or one syllable as broad', () => {
    expect(isSpecific('name', '王')).toBe(false);
    expect(isSpecific('pinyin', 'wj')).toBe(false);
    expect(isSpecific('pinyin', 'zhuang')).toBe(false);
  });
});
