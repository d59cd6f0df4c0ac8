import { describe, expect, it } from 'vitest';
import { columnLetter, mapHeader, normalizeHeader, parseRelationship, RELATIONSHIP_WORDS } from './columns.js';
import { RowValidator, TEMPLATE_EXAMPLES } from './row-validation.js';
import { makeIdNumber } from '../../../kernel/validation/idcard.js';

describe('header matching', () => {
  it('normalises width, spaces, required marks and case', () => {
    expect(normalizeHeader(' 身份证号码* ')).toBe('身份证号码');
    expect(normalizeHeader('姓名（必填）')).toBe('姓名');
    expect(normalizeHeader('ＩＤ_Number')).toBe('idnumber');
    expect(normalizeHeader('联系 电话')).toBe('联系电话');
  });

  it('finds every field by its name or a common alias', () => {
    const aliases: [string, string][] = [
      ['身份证号码', 'idNumber'], ['公民身份号码', 'idNumber'], ['证件号码', 'idNumber'], ['idNumber', 'idNumber'],
      ['手机', 'phone'], ['手机号', 'phone'], ['电话', 'phone'], ['phone', 'phone'],
      ['行政区划', 'regionCode'], ['区划', 'regionCode'], ['regionCode', 'regionCode'],
      ['姓名', 'name'], ['住址', 'address'], ['出生年月日', 'birthDate'], ['gender', 'sex'],
    ];
    for (const [header, field] of aliases) {
      expect(mapHeader('persons', [header]).columns, header).toEqual({ [field]: 0 });
    }
    const households = mapHeader('households', ['户号', '关系', '家庭编号', '家庭住址']);
    expect(households.columns).toEqual({ householdKey: 0, relationship: 1, householdAddress: 3 });
    expect(households.warnings).toEqual(['C 列「家庭编号」与 A 列重复，已忽略']);
  });

  it('reports missing required columns and ignores unknown ones with a warning', () => {
    const mapping = mapHeader('persons', ['序号', '姓名', '', '备注']);
    expect(mapping.missing.map((c) => c.header)).toEqual(['身份证号', '区划代码']);
    expect(mapping.warnings).toEqual(['已忽略无法识别的列：A「序号」、D「备注」']);
    expect(mapping.width).toBe(4);
    expect(mapHeader('households', ['姓名', '身份证号', '区划代码']).missing.map((c) => c.header)).toEqual(['户编号', '与户主关系']);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('relationship words', () => {
  it('reads the listed words, common synonyms and codes', () => {
    for (const [code, word] of Object.entries(RELATIONSHIP_WORDS)) {
      expect(parseRelationship(word)).toBe(code);
      expect(parseRelationship(code)).toBe(code);
    }
    expect(parseRelationship(' 妻子 ')).toBe('spouse');
    expect(parseRelationship('儿子')).toBe('child');
    expect(parseRelationship('母亲')).toBe('parent');
    expect(parseRelationship('外孙女')).toBe('grandchild');
    expect(parseRelationship('儿媳')).toBe('child_in_law');
    expect(parseRelationship('HEAD')).toBe('head');
    expect(parseRelationship('邻居')).toBeNull();
    expect(parseRelationship('')).toBeNull();
  });
});

describe('one row on its own', () => {
  const persons = new RowValidator('persons', mapHeader('persons', ['姓名', '身份证号', '性别', '出生日期', '联系电话', '地址', '区划代码']), (c) => c === '640104001002');
  const id = makeIdNumber('640104', '1990-05-17', 5, 'M');

  it('stages a valid row with the values from the ID number', () => {
    const outcome = persons.validate({ number: 7, cells: ['张 三', ` ${id.slice(0, 6)} ${id.slice(6)} `, null, new Date(Date.UTC(1990, 4, 17)), 13909510000, null, 640104001002] });
    expect(outcome).toMatchObject({ problems: [], staged: { rowNo: 7, ok: true, idNumber: id, name: '张 三', sex: 'M', birthDate: '1990-05-17', phone: '13909510000', regionCode: '640104001002' } });
  });

  it('reads a date serial (a date cell read without styles) in the birth date column', () => {
    const outcome = persons.validate({ number: 8, cells: ['张三', id, '男', 33010, null, null, '640104001002'] });
    expect(outcome).toMatchObject({ problems: [], staged: { birthDate: '1990-05-17' } });
    const digits = persons.validate({ number: 9, cells: ['张三', id, '男', 19900517, null, null, '640104001002'] });
    expect(digits).toMatchObject({ problems: [], staged: { birthDate: '1990-05-17' } });
  });

  it('skips blank rows and the template example', () => {
    expect(persons.validate({ number: 3, cells: [null, '  ', null] })).toBe('blank');
    const example = TEMPLATE_EXAMPLES[0];
    expect(persons.validate({ number: 2, cells: [example.name, example.idNumber, '男', null, null, null, '640104001002'] })).toBe('example');
  });

  it('explains an ID number that Excel turned into a number', () => {
    const outcome = persons.validate({ number: 4, cells: ['李四', 640104199005170000, null, null, null, null, '640104001002'] });
    if (typeof outcome === 'string') throw new Error('expected problems');
    expect(outcome.problems).toEqual([{ rowNo: 4, colIndex: 1, field: 'idNumber', message: expect.stringContaining('存成了数字') }]);
    expect(outcome.staged.ok).toBe(false);
    expect(outcome.staged.idNumber).toBeNull();
  });

  it('keeps the ID number of a row with other problems, for the duplicate check', () => {
    const outcome = persons.validate({ number: 5, cells: ['', id, null, null, 'abc', null, '999'] });
    if (typeof outcome === 'string') throw new Error('expected problems');
    expect(outcome.problems.map((p) => [p.field, p.colIndex])).toEqual([['name', 0], ['phone', 4], ['regionCode', 6]]);
    expect(outcome.staged).toMatchObject({ ok: false, idNumber: id });
  });

  it('checks the household columns', () => {
    const households = new RowValidator('households', mapHeader('households', ['户编号', '与户主关系', '姓名', '身份证号', '区划代码']), () => true);
    const ok = households.validate({ number: 2, cells: [1, '妻子', '王五', id, '640104001002'] });
    expect(ok).toMatchObject({ problems: [], staged: { householdKey: '1', relationship: 'spouse', ok: true } });
    const wrong = households.validate({ number: 3, cells: [null, '邻居', '王五', id, '640104001002'] });
    if (typeof wrong === 'string') throw new Error('expected problems');
    expect(wrong.problems.map((p) => [p.field, p.colIndex])).toEqual([['householdKey', 0], ['relationship', 1]]);
  });
});
