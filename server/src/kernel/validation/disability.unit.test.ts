import { describe, it, expect } from 'vitest';
import { DISABILITY_CATEGORIES, disabilityCategory, parseDisabilityCertificate } from './disability.js';

const ID = '640102199001011237';
const ID_WITH_X = '11010519491231002X';

describe('DISABILITY_CATEGORIES', () => {
  it('lists the seven national categories with codes 1 to 7 in order', () => {
    expect(DISABILITY_CATEGORIES.map((c) => c.code)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(DISABILITY_CATEGORIES.map((c) => c.zh)).toEqual([
      '视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾',
    ]);
    expect(DISABILITY_CATEGORIES.map((c) => c.en)).toEqual([
      'Visual', 'Hearing', 'Speech', 'Physical', 'Intellectual', 'Mental', 'Multiple',
    ]);
  });

  it('cannot be modified at run time', () => {
    expect(Object.isFrozen(DISABILITY_CATEGORIES)).toBe(true);
  });

  it('looks a category up by code', () => {
    expect(disabilityCategory(4)?.zh).toBe('肢体残疾');
    expect(disabilityCategory(8)).toBeUndefined();
  });
});

describe('parseDisabilityCertificate', () => {
  it('splits a valid certificate into ID number, category and grade', () => {
    expect(parseDisabilityCertificate(`${ID}42`)).toEqual({
      ok: true,
      value: { certificateNo: `${ID}42`, idNumber: ID, category: 4, grade: 2 },
    });
  });

  it('accepts every category 1-7 and grade 1-4', () => {
    for (let category = 1; category <= 7; category++) {
      for (let grade = 1; grade <= 4; grade++) {
        expect(parseDisabilityCertificate(`${ID}${category}${grade}`)).toMatchObject({ ok: true, value: { category, grade } });
      }
    }
  });

  it('normalises a lowercase x in the embedded ID number and trims whitespace', () => {
    expect(parseDisabilityCertificate(` ${ID_WITH_X.toLowerCase()}13 `)).toMatchObject({
      ok: true,
      value: { certificateNo: `${ID_WITH_X}13`, idNumber: ID_WITH_X },
    });
  });

  it('accepts full-width digits', () => {
    expect(parseDisabilityCertificate('６４０１０２１９９００１０１１２３７４２')).toMatchObject({ ok: true, value: { category: 4, grade: 2 } });
  });

  it('refuses a certificate that is not 20 characters', () => {
    expect(parseDisabilityCertificate(ID)).toEqual({ ok: false, reason: 'length' });
    expect(parseDisabilityCertificate(`${ID}4`)).toEqual({ ok: false, reason: 'length' });
    expect(parseDisabilityCertificate(`${ID}421`)).toEqual({ ok: false, reason: 'length' });
    expect(parseDisabilityCertificate('')).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses a certificate whose embedded ID number is invalid, saying why', () => {
    expect(parseDisabilityCertificate('64010219900101123442')).toEqual({ ok: false, reason: 'id_number', idNumberProblem: 'checksum' });
    expect(parseDisabilityCertificate('64010219901301123742')).toMatchObject({ ok: false, reason: 'id_number', idNumberProblem: 'birth_date' });
    expect(parseDisabilityCertificate('6401021990010112A742')).toMatchObject({ ok: false, reason: 'id_number', idNumberProblem: 'format' });
  });

  it('refuses category digits outside 1-7', () => {
    expect(parseDisabilityCertificate(`${ID}02`)).toEqual({ ok: false, reason: 'category' });
    expect(parseDisabilityCertificate(`${ID}82`)).toEqual({ ok: false, reason: 'category' });
    expect(parseDisabilityCertificate(`${ID}92`)).toEqual({ ok: false, reason: 'category' });
    expect(parseDisabilityCertificate(`${ID}X2`)).toEqual({ ok: false, reason: 'category' });
  });

  it('refuses grade digits outside 1-4', () => {
    expect(parseDisabilityCertificate(`${ID}40`)).toEqual({ ok: false, reason: 'grade' });
    expect(parseDisabilityCertificate(`${ID}45`)).toEqual({ ok: false, reason: 'grade' });
    expect(parseDisabilityCertificate(`${ID}4X`)).toEqual({ ok: false, reason: 'grade' });
  });

  it('passes when every expected field matches', () => {
    expect(parseDisabilityCertificate(`${ID}42`, { idNumber: ID, category: 4, grade: 2 })).toMatchObject({ ok: true });
  });

  it('compares the expected ID number after normalising its x', () => {
    expect(parseDisabilityCertificate(`${ID_WITH_X}13`, { idNumber: ID_WITH_X.toLowerCase() })).toMatchObject({ ok: true });
  });

  it('refuses a certificate that belongs to a different ID number', () => {
    expect(parseDisabilityCertificate(`${ID}42`, { idNumber: ID_WITH_X })).toEqual({ ok: false, reason: 'mismatch_id' });
  });

  it('refuses a certificate whose category differs from the recorded one', () => {
    expect(parseDisabilityCertificate(`${ID}42`, { category: 5 })).toEqual({ ok: false, reason: 'mismatch_category' });
  });

  it('refuses a certificate whose grade differs from the recorded one', () => {
    expect(parseDisabilityCertificate(`${ID}42`, { grade: 1 })).toEqual({ ok: false, reason: 'mismatch_grade' });
  });

  it('reports an ID mismatch before a category or grade mismatch', () => {
    expect(parseDisabilityCertificate(`${ID}42`, { idNumber: ID_WITH_X, category: 1, grade: 1 })).toEqual({ ok: false, reason: 'mismatch_id' });
    expect(parseDisabilityCertificate(`${ID}42`, { category: 1, grade: 1 })).toEqual({ ok: false, reason: 'mismatch_category' });
  });
});
