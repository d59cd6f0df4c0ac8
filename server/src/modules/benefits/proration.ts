/**
 * The proration rule, in one place (the SQL of payment runs computes the same; a test holds
 * them together):
 *
 *  - A monthly benefit pays, for each month, amount × days in force ÷ days in that month;
 *    a yearly benefit amount × days in force ÷ days in that year (366 in a leap year).
 *  - Days in force: from the later of the start date and the term's start, up to but not
 *    including the earlier of the stop date (the first day no longer paid) and the term's end.
 *    A stop on or before the start means no day in force.
 *  - When the amount changes inside a period, each term pays for its own days; the sum is
 *    rounded once, half up, to the fen. A full period pays exactly the amount.
 *  - A one-off benefit pays its amount once, in the first monthly run whose month contains or
 *    follows the start, unless it was stopped on or before its start.
 *  - A suspension is a term of 0 from its date: suspended days are not paid.
 */

export type PeriodKind = 'monthly' | 'yearly' | 'once';

export interface Term {
  validFrom: string;
  validTo: string | null;
  amountFen: number;
}

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const MONTH_PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const YEAR_PERIOD = /^\d{4}$/;

/** [start, end) of a period: 'YYYY-MM' a month, 'YYYY' a year. */
export function periodBounds(period: string): { start: string; end: string; kind: 'monthly' | 'yearly' } {
  const month = MONTH_PERIOD.exec(period);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    const end = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
    return { start: `${period}-01`, end, kind: 'monthly' };
  }
  if (YEAR_PERIOD.test(period)) return { start: `${period}-01-01`, end: `${Number(period) + 1}-01-01`, kind: 'yearly' };
  throw new Error(`not a period: ${period}`);
}

/** The period of a given kind that contains a date. */
export function periodOf(date: string, kind: 'monthly' | 'yearly'): string {
  return kind === 'monthly' ? date.slice(0, 7) : date.slice(0, 4);
}

/** Half-up division of a non-negative or negative numerator by a positive denominator. */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  const sign = numerator < 0n ? -1n : 1n;
  const n = numerator * sign;
  return sign * ((n * 2n + denominator) / (denominator * 2n));
}

/** What an enrollment is owed for one monthly or yearly period. */
export function entitledFen(terms: Term[], startedOn: string, endedOn: string | null, period: string): number {
  const bounds = periodBounds(period);
  const ps = dayNumber(bounds.start);
  const pe = dayNumber(bounds.end);
  const from = Math.max(ps, dayNumber(startedOn));
  const to = Math.min(pe, endedOn ? dayNumber(endedOn) : pe);
  let numerator = 0n;
  for (const term of terms) {
    const a = Math.max(from, dayNumber(term.validFrom));
    const b = Math.min(to, term.validTo ? dayNumber(term.validTo) : pe);
    if (b > a) numerator += BigInt(term.amountFen) * BigInt(b - a);
  }
  return Number(roundDiv(numerator, BigInt(pe - ps)));
}

/** What a one-off enrollment is owed: the amount in force on its start, unless stopped before it. */
export function entitledOnceFen(terms: Term[], startedOn: string, endedOn: string | null): number {
  if (endedOn && endedOn <= startedOn) return 0;
  const term = terms.find((t) => t.validFrom <= startedOn && (!t.validTo || t.validTo > startedOn));
  return term?.amountFen ?? 0;
}
