import { describe, it, expect } from 'vitest';
import { normalizePhone } from './phone.js';

describe('normalizePhone: mobiles', () => {
  it('accepts an 11-digit mobile starting 13 to 19', () => {
    for (const prefix of ['13', '14', '15', '16', '17', '18', '19']) {
      expect(normalizePhone(`${prefix}912345678`)).toEqual({ ok: true, value: `${prefix}912345678`, kind: 'mobile' });
    }
  });

  it('strips a +86, 0086 or 86 country prefix', () => {
    expect(normalizePhone('+8613912345678')).toMatchObject({ ok: true, value: '13912345678' });
    expect(normalizePhone('008613912345678')).toMatchObject({ ok: true, value: '13912345678' });
    expect(normalizePhone('8613912345678')).toMatchObject({ ok: true, value: '13912345678' });
  });

  it('strips spaces and dashes people type for readability', () => {
    expect(normalizePhone('139 1234 5678')).toMatchObject({ ok: true, value: '13912345678' });
    expect(normalizePhone('139-1234-5678')).toMatchObject({ ok: true, value: '13912345678' });
    expect(normalizePhone(' +86 139-1234-5678 ')).toMatchObject({ ok: true, value: '13912345678' });
  });

  it('accepts full-width digits', () => {
    expect(normalizePhone('１３９１２３４５６７８')).toMatchObject({ ok: true, value: '13912345678' });
  });

  it('refuses mobiles starting 10, 11 or 12', () => {
    expect(normalizePhone('10912345678')).toEqual({ ok: false });
    expect(normalizePhone('11912345678')).toEqual({ ok: false });
    expect(normalizePhone('12912345678')).toEqual({ ok: false });
  });

  it('refuses mobiles with too few or too many digits', () => {
    expect(normalizePhone('1391234567')).toEqual({ ok: false });
    expect(normalizePhone('139123456789')).toEqual({ ok: false });
  });

  it('refuses a country code other than China', () => {
    expect(normalizePhone('+8513912345678')).toEqual({ ok: false });
    expect(normalizePhone('+113912345678')).toEqual({ ok: false });
  });
});

describe('normalizePhone: landlines', () => {
  it('normalises a landline with a four-digit area code to 0951-1234567 form', () => {
    expect(normalizePhone('0951-1234567')).toEqual({ ok: true, value: '0951-1234567', kind: 'landline' });
    expect(normalizePhone('09511234567')).toEqual({ ok: true, value: '0951-1234567', kind: 'landline' });
    expect(normalizePhone('0951 1234567')).toMatchObject({ ok: true, value: '0951-1234567' });
  });

  it('accepts eight-digit local numbers', () => {
    expect(normalizePhone('0951-51234567')).toMatchObject({ ok: true, value: '0951-51234567' });
  });

  it('splits three-character area codes for Beijing and the 02x cities', () => {
    expect(normalizePhone('01012345678')).toMatchObject({ ok: true, value: '010-12345678' });
    expect(normalizePhone('02187654321')).toMatchObject({ ok: true, value: '021-87654321' });
    expect(normalizePhone('029-8123456')).toMatchObject({ ok: true, value: '029-8123456' });
  });

  it('accepts an area code in parentheses', () => {
    expect(normalizePhone('(0951)5123456')).toMatchObject({ ok: true, value: '0951-5123456' });
    expect(normalizePhone('（0951）5123456')).toMatchObject({ ok: true, value: '0951-5123456' });
  });

  it('refuses local numbers that are too short or too long', () => {
    expect(normalizePhone('0951-123456')).toEqual({ ok: false });
    expect(normalizePhone('0951-123456789')).toEqual({ ok: false });
  });

  it('refuses a local number starting with 0', () => {
    expect(normalizePhone('0951-0123456')).toEqual({ ok: false });
    expect(normalizePhone('010-01234567')).toEqual({ ok: false });
  });

  it('refuses a landline without the leading trunk 0', () => {
    expect(normalizePhone('951-1234567')).toEqual({ ok: false });
  });
});

describe('normalizePhone: junk', () => {
  it('refuses empty, missing and non-numeric input', () => {
    expect(normalizePhone('')).toEqual({ ok: false });
    expect(normalizePhone('   ')).toEqual({ ok: false });
    expect(normalizePhone(null)).toEqual({ ok: false });
    expect(normalizePhone(undefined)).toEqual({ ok: false });
    expect(normalizePhone('not a phone')).toEqual({ ok: false });
    expect(normalizePhone('139abcd5678')).toEqual({ ok: false });
  });

  it('refuses extension numbers rather than guessing where they start', () => {
    expect(normalizePhone('0951-1234567-801')).toEqual({ ok: false });
  });
});
