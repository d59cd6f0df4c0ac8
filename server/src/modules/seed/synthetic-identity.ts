/**
 * Identity data for synthetic persons: birth dates as day numbers, ID numbers that are valid
 * and unique across millions, mobile numbers that do not repeat, names by generation, and
 * their pinyin (cached: the same name recurs thousands of times).
 */
import { namePinyin, type NamePinyin } from '../../kernel/text/pinyin.js';
import { makeIdNumber } from '../../kernel/validation/idcard.js';
import { GIVEN_NAMES, MOBILE_PREFIXES } from './synthetic-data.js';
import type { Sex } from './synthetic-households.js';
import { hashSeed, Rng } from './synthetic-random.js';

/** Ages are as of this date, so a seed gives the same people whatever day it runs. */
export const REFERENCE_DATE = '2026-01-01';

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1900, 0, 1);
const dateCache: string[] = [];

/** Days since 1900-01-01. */
export function dayOf(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH_MS) / DAY_MS);
}

export function dateOf(day: number): string {
  let text = dateCache[day];
  if (text === undefined) {
    text = new Date(EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10);
    if (day >= 0 && day < 60_000) dateCache[day] = text;
  }
  return text;
}

export const REFERENCE_DAY = dayOf(REFERENCE_DATE);

const [REF_YEAR, REF_MONTH, REF_DATE] = REFERENCE_DATE.split('-').map(Number);

/** A birth day for someone exactly `age` full years old on the reference date. */
export function birthDayForAge(rng: Rng, age: number): number {
  const latest = Math.round((Date.UTC(REF_YEAR - age, REF_MONTH - 1, REF_DATE) - EPOCH_MS) / DAY_MS);
  const earliest = Math.round((Date.UTC(REF_YEAR - age - 1, REF_MONTH - 1, REF_DATE + 1) - EPOCH_MS) / DAY_MS);
  return rng.range(earliest, latest);
}

/** The year of a day number, without building a Date. */
export function yearOf(day: number): number {
  return Number(dateOf(day).slice(0, 4));
}

/**
 * Issues ID numbers: per county, birth day and sex the sequence starts at a seeded offset
 * and steps through all 500 sequences of that sex before repeating, so no two numbers
 * collide. A full slot (500 people of one sex born the same day in one county) moves the
 * birth day one day earlier.
 */
export class IdNumbers {
  private readonly counts: Uint16Array;
  private readonly days = REFERENCE_DAY + 1;

  constructor(private readonly seed: number, private readonly counties: readonly string[]) {
    this.counts = new Uint16Array(counties.length * this.days * 2);
  }

  issue(countyIndex: number, birthDay: number, sex: Sex): { idNumber: string; birthDay: number } {
    for (let day = birthDay; day >= 0; day--) {
      const key = (countyIndex * this.days + Math.min(day, this.days - 1)) * 2 + (sex === 'M' ? 1 : 0);
      const count = this.counts[key];
      if (count >= 500) continue;
      this.counts[key] = count + 1;
      const slot = (hashSeed(this.seed, key) % 500 + count) % 500;
      const sequence = slot * 2 + (sex === 'M' ? 1 : 0);
      return { idNumber: makeIdNumber(this.counties[countyIndex], dateOf(day), sequence, sex), birthDay: day };
    }
    throw new RangeError('ID sequence space exhausted');
  }
}

/** Mobile numbers: a common prefix and eight digits from a bijection of a running counter. */
export class Phones {
  private counter = 0;
  private readonly offset: number;

  constructor(seed: number) {
    this.offset = hashSeed(seed, 0x70686f6e) % 100_000_000;
  }

  next(rng: Rng): string {
    // 7654321 is coprime with 10^8, so the first 10^8 numbers never repeat.
    const suffix = (this.counter++ * 7_654_321 + this.offset) % 100_000_000;
    return rng.pick(MOBILE_PREFIXES) + String(suffix).padStart(8, '0');
  }
}

export function givenName(rng: Rng, sex: Sex, birthYear: number): string {
  const pool = GIVEN_NAMES[sex][birthYear < 1965 ? 'old' : birthYear < 1990 ? 'mid' : 'young'];
  if (rng.chance(0.45)) return rng.pick(pool.whole);
  const first = rng.pick(pool.first);
  let second = rng.pick(pool.second);
  if (second === first) second = rng.pick(pool.second);
  return first + second;
}

const pinyinCache = new Map<string, NamePinyin>();

export function cachedPinyin(name: string): NamePinyin {
  let value = pinyinCache.get(name);
  if (!value) {
    if (pinyinCache.size >= 200_000) pinyinCache.clear();
    value = namePinyin(name);
    pinyinCache.set(name, value);
  }
  return value;
}
