import { describe, it, expect } from 'vitest';
import { maskCertificate, maskIdNumber, maskName, maskPhone } from './mask.js';

describe('maskIdNumber', () => {
  it('keeps the first four and last four characters of an 18-character number', () => {
    expect(maskIdNumber('640102199001011234')).toBe('6401**********1234');
    expect(maskIdNumber('640102199001011234')).toHaveLength(18);
  });

  it('keeps a trailing X visible', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('masks an odd-length value in the middle without changing its length', () => {
    expect(maskIdNumber('640102900101123')).toBe('6401*******1123');
  });

  it('masks a value too short to keep both ends entirely', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('')).toBe('');
  });

  it('passes null and undefined through as null', () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeNull();
  });
});

describe('maskCertificate', () => {
  it('keeps the first four and last two characters of a 20-character certificate', () => {
    expect(maskCertificate('64010219900101123742')).toBe('6401**************42');
    expect(maskCertificate('64010219900101123742')).toHaveLength(20);
  });

  it('masks a value too short to keep both ends entirely', () => {
    expect(maskCertificate('123456')).toBe('******');
  });

  it('passes null and undefined through as null', () => {
    expect(maskCertificate(null)).toBeNull();
    expect(maskCertificate(undefined)).toBeNull();
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });

  it('masks the normalised form of a mobile typed with a prefix or separators', () => {
    expect(maskPhone('+86 139-1234-5678')).toBe('139****5678');
  });

  it('keeps the area code and last two digits of a landline', () => {
    expect(maskPhone('0951-1234567')).toBe('0951-*****67');
    expect(maskPhone('01012345678')).toBe('010-******78');
  });

  it('keeps only the last two characters of something that is not a recognisable phone', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('12')).toBe('**');
  });

  it('passes null and undefined through as null', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
  });
});

describe('maskName', () => {
  it('keeps the first and last character of a three-character name', () => {
    expect(maskName('张三丰')).toBe('张*丰');
  });

  it('keeps only the surname of a two-character name', () => {
    expect(maskName('张三')).toBe('张*');
  });

  it('treats compound surnames simply: first char, stars, last char', () => {
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('司马相如')).toBe('司**如');
  });

  it('handles long minority names with a middle dot', () => {
    expect(maskName('阿依古丽·买买提')).toBe('阿******提');
  });

  it('counts characters outside the Basic Multilingual Plane as one', () => {
    expect(maskName('𠮷野家')).toBe('𠮷*家');
  });

  it('masks a one-character name completely', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
  });

  it('passes null and undefined through as null', () => {
    expect(maskName(null)).toBeNull();
    expect(maskName(undefined)).toBeNull();
  });
});
