import { describe, it, expect } from 'vitest';
import { checkDigit, makeIdNumber, parseIdNumber } from './idcard.js';

const TODAY = new Date('2025-06-15T04:00:00Z');
const parse = (raw: string) => parseIdNumber(raw, { today: TODAY });

describe('checkDigit', () => {
  it('matches the worked examples printed in GB 11643-1999', () => {
    expect(checkDigit('11010519491231002')).toBe('X');
    expect(checkDigit('44052418800101001')).toBe('4');
  });

  it('yields each digit of the MOD 11-2 mapping for hand-computed numbers', () => {
    expect(checkDigit('64010219900101123')).toBe('7');
    expect(checkDigit('64010420000229002')).toBe('9');
    expect(checkDigit('64020119880808456')).toBe('2');
    expect(checkDigit('44030519700101001')).toBe('9');
    expect(checkDigit('64010519901231001')).toBe('2');
  });

  it('throws when not given exactly 17 digits', () => {
    expect(() => checkDigit('1234')).toThrow(RangeError);
    expect(() => checkDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber', () => {
  it('accepts the public example 11010519491231002X and extracts its parts', () => {
    expect(parse('11010519491231002X')).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'F' },
    });
  });

  it('reads sex from the 17th digit: odd is male, even is female', () => {
    expect(parse('640102199001011237')).toMatchObject({ ok: true, value: { sex: 'M', birthDate: '1990-01-01' } });
    expect(parse('640201198808084562')).toMatchObject({ ok: true, value: { sex: 'F', regionCode: '640201' } });
  });

  it('normalises a lowercase x check digit to upper case', () => {
    expect(parse('11010519491231002x')).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } });
  });

  it('trims surrounding whitespace', () => {
    expect(parse('  640102199001011237\t\n')).toMatchObject({ ok: true, value: { idNumber: '640102199001011237' } });
  });

  it('accepts full-width digits and a full-width Ｘ', () => {
    expect(parse('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } });
    expect(parse('１１０１０５１９４９１２３１００２ｘ')).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } });
  });

  it('refuses an empty or blank input as empty', () => {
    expect(parse('')).toEqual({ ok: false, reason: 'empty' });
    expect(parse('   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses a number that is not 18 characters long', () => {
    expect(parse('64010219900101123')).toEqual({ ok: false, reason: 'length' });
    expect(parse('6401021990010112377')).toEqual({ ok: false, reason: 'length' });
    // First-generation 15-digit cards are no longer valid.
    expect(parse('640102900101123')).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses letters anywhere but the check digit position', () => {
    expect(parse('6401021990010112X7')).toEqual({ ok: false, reason: 'format' });
    expect(parse('64010219900101123A')).toEqual({ ok: false, reason: 'format' });
    expect(parse('640102 99001011237')).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses an ID number whose check digit is wrong', () => {
    expect(parse('640102199001011234')).toEqual({ ok: false, reason: 'checksum' });
    expect(parse('110105194912310021')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses a single transposed digit via the checksum', () => {
    expect(parse('640120199001011237')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parse('640104200002290029')).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
    expect(parse(makeIdNumber('640402', '2024-02-29', 2, 'F'))).toMatchObject({ ok: true, value: { birthDate: '2024-02-29' } });
  });

  it('refuses 29 February in a non-leap year, including century years', () => {
    const first17NonLeap = '64010219990229001';
    expect(parse(first17NonLeap + checkDigit(first17NonLeap))).toEqual({ ok: false, reason: 'birth_date' });
    const first17Century = '64010219000229001';
    expect(parse(first17Century + checkDigit(first17Century))).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('refuses impossible months and days', () => {
    for (const date of ['19901301', '19900001', '19900100', '19900431', '19900132']) {
      const first17 = `640102${date}001`;
      expect(parse(first17 + checkDigit(first17))).toEqual({ ok: false, reason: 'birth_date' });
    }
  });

  it('refuses a birth date in the future', () => {
    const tomorrow = '64010220250616001';
    expect(parse(tomorrow + checkDigit(tomorrow))).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('accepts someone born today, judged by the calendar date in China', () => {
    // 2025-06-14 20:00 UTC is already 15 June in Beijing.
    const bornToday = makeIdNumber('640102', '2025-06-15', 1, 'M');
    expect(parseIdNumber(bornToday, { today: new Date('2025-06-14T20:00:00Z') })).toMatchObject({ ok: true });
    expect(parseIdNumber(bornToday, { today: new Date('2025-06-14T12:00:00Z') })).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('refuses birth years before 1890 even when the checksum is right', () => {
    expect(parse('440524188001010014')).toEqual({ ok: false, reason: 'birth_date' });
    expect(parse(makeIdNumber('640102', '1890-01-01', 1, 'M'))).toMatchObject({ ok: true });
  });

  it('uses the real clock when no date is injected', () => {
    expect(parseIdNumber('11010519491231002X').ok).toBe(true);
    const farFuture = '64010230000101001';
    expect(parseIdNumber(farFuture + checkDigit(farFuture))).toEqual({ ok: false, reason: 'birth_date' });
  });
});

describe('makeIdNumber', () => {
  it('produces numbers that parse back to the same parts', () => {
    const id = makeIdNumber('640104', '1985-06-15', 123, 'M');
    expect(id).toBe('640104198506151233');
    expect(parse(id)).toEqual({
      ok: true,
      value: { idNumber: id, regionCode: '640104', birthDate: '1985-06-15', sex: 'M' },
    });
  });

  it('nudges the sequence so its parity matches the sex, staying within 0..999', () => {
    expect(makeIdNumber('640104', '1985-06-15', 0, 'M').slice(14, 17)).toBe('001');
    expect(makeIdNumber('640104', '1985-06-15', 0, 'F').slice(14, 17)).toBe('000');
    expect(makeIdNumber('640104', '1985-06-15', 999, 'F').slice(14, 17)).toBe('998');
    expect(makeIdNumber('640104', '1985-06-15', 999, 'M').slice(14, 17)).toBe('999');
  });

  it('always yields a valid number whose sex matches, across many sequences', () => {
    for (let sequence = 0; sequence <= 999; sequence += 37) {
      for (const sex of ['M', 'F'] as const) {
        const parsed = parse(makeIdNumber('640521', '1962-02-28', sequence, sex));
        expect(parsed).toMatchObject({ ok: true, value: { sex } });
      }
    }
  });

  it('can produce an X check digit', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2, 'F')).toBe('11010519491231002X');
  });

  it('throws on a malformed region code, date or sequence', () => {
    expect(() => makeIdNumber('6401', '1985-06-15', 1, 'M')).toThrow(RangeError);
    expect(() => makeIdNumber('640104', '1985-02-30', 1, 'M')).toThrow(RangeError);
    expect(() => makeIdNumber('640104', '19850615', 1, 'M')).toThrow(RangeError);
    expect(() => makeIdNumber('640104', '1985-06-15', 1000, 'M')).toThrow(RangeError);
    expect(() => makeIdNumber('640104', '1985-06-15', -1, 'M')).toThrow(RangeError);
    expect(() => makeIdNumber('640104', '1985-06-15', 1.5, 'M')).toThrow(RangeError);
  });
});
