import { describe, expect, it } from 'vitest';
import { entitledFen, entitledOnceFen, periodBounds, roundDiv } from './proration.js';

const from = (validFrom: string, amountFen: number, validTo: string | null = null) => ({ validFrom, validTo, amountFen });

describe('periods', () => {
  it('bounds months, the turn of the year and years', () => {
    expect(periodBounds('2026-03')).toEqual({ start: '2026-03-01', end: '2026-04-01', kind: 'monthly' });
    expect(periodBounds('2026-12')).toEqual({ start: '2026-12-01', end: '2027-01-01', kind: 'monthly' });
    expect(periodBounds('2024')).toEqual({ start: '2024-01-01', end: '2025-01-01', kind: 'yearly' });
    expect(() => periodBounds('2026-13')).toThrow();
  });

  it('rounds half up, both signs', () => {
    expect(roundDiv(5n, 2n)).toBe(3n);
    expect(roundDiv(4n, 3n)).toBe(1n);
    expect(roundDiv(-5n, 2n)).toBe(-3n);
  });
});

describe('the proration rule', () => {
  const card = [from('2026-01-01', 20000)];

  it('pays a full month in full', () => {
    expect(entitledFen(card, '2026-01-01', null, '2026-03')).toBe(20000);
  });

  it('pays a start mid-month for the days from the start (16 of 31 days)', () => {
    expect(entitledFen([from('2026-03-16', 20000)], '2026-03-16', null, '2026-03')).toBe(10323);
  });

  it('pays a stop mid-month up to the day before the stop date (9 of 30 days)', () => {
    expect(entitledFen(card, '2026-01-01', '2026-04-10', '2026-04')).toBe(6000);
    expect(entitledFen(card, '2026-01-01', '2026-04-10', '2026-05')).toBe(0);
  });

  it('counts February of a leap year as 29 days', () => {
    expect(entitledFen([from('2024-02-15', 29000)], '2024-02-15', null, '2024-02')).toBe(15000);
    expect(entitledFen([from('2023-02-15', 28000)], '2023-02-15', null, '2023-02')).toBe(14000);
  });

  it('prorates a yearly benefit over 366 days in a leap year', () => {
    expect(entitledFen([from('2024-07-01', 366_00)], '2024-07-01', null, '2024')).toBe(184_00);
    expect(entitledFen([from('2025-07-01', 365_00)], '2025-07-01', null, '2025')).toBe(184_00);
  });

  it('pays nothing when the stop is on or before the start', () => {
    expect(entitledFen([from('2026-03-16', 20000)], '2026-03-16', '2026-03-10', '2026-03')).toBe(0);
    expect(entitledFen([from('2026-03-16', 20000)], '2026-03-16', '2026-03-16', '2026-03')).toBe(0);
    expect(entitledOnceFen([from('2026-03-16', 500000)], '2026-03-16', '2026-03-16')).toBe(0);
    expect(entitledOnceFen([from('2026-03-16', 500000)], '2026-03-16', null)).toBe(500000);
  });

  it('pays each term for its own days when the amount changes mid-month, rounding once', () => {
    const terms = [from('2026-01-01', 10000, '2026-01-11'), from('2026-01-11', 12000)];
    // 10 days at 100 yuan, 21 at 120 yuan, over 31 days.
    expect(entitledFen(terms, '2026-01-01', null, '2026-01')).toBe(Math.round((10 * 10000 + 21 * 12000) / 31));
  });

  it('does not pay suspended days (a term of 0)', () => {
    const terms = [from('2026-01-01', 30000, '2026-06-16'), from('2026-06-16', 0)];
    expect(entitledFen(terms, '2026-01-01', null, '2026-06')).toBe(15000);
  });
});
