/** The clock rules of time limits, on the 2026 official calendar (Mid-Autumn and National Day, the swapped Saturday). */
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { beijingDay, dueAt, isOverdue, workdayAfter, workingTimeBetween, type WorkingCalendar } from './time-limits.js';

const official: WorkingCalendar = { isWorkday: (day) => chineseDays.isWorkday(day) };
const withOverrides = (days: Record<string, boolean>): WorkingCalendar => ({ isWorkday: (day) => days[day] ?? official.isWorkday(day) });
/** A Beijing wall-clock time. */
const bj = (text: string) => new Date(`${text}+08:00`);
const HOUR = 3_600_000;

describe('working days', () => {
  it('run out at 24:00 of the Nth working day after the day the clock starts', () => {
    // Monday 2026-11-23 10:00 + 3 working days → end of Thursday.
    expect(dueAt(bj('2026-11-23T10:00:00'), { amount: 3, unit: 'workdays' }, official)).toEqual(bj('2026-11-27T00:00:00'));
    // Friday → the weekend does not count.
    expect(dueAt(bj('2026-11-20T16:30:00'), { amount: 1, unit: 'workdays' }, official)).toEqual(bj('2026-11-24T00:00:00'));
  });

  it('skip public holidays and count a swapped Saturday', () => {
    // Thursday 2026-09-24: Mid-Autumn (9-25) and the weekend off; 9-28, 9-29, 9-30 are working days.
    expect(dueAt(bj('2026-09-24T09:00:00'), { amount: 3, unit: 'workdays' }, official)).toEqual(bj('2026-10-01T00:00:00'));
    // Wednesday 2026-09-30: National Day 10-01…10-07 off, 10-08 and 10-09 on, Saturday 10-10 swapped on.
    expect(dueAt(bj('2026-09-30T11:00:00'), { amount: 3, unit: 'workdays' }, official)).toEqual(bj('2026-10-11T00:00:00'));
  });

  it('follow the administrator’s calendar over the official one', () => {
    const localHoliday = withOverrides({ '2026-11-25': false });
    expect(dueAt(bj('2026-11-23T10:00:00'), { amount: 3, unit: 'workdays' }, localHoliday)).toEqual(bj('2026-11-28T00:00:00'));
    const extraWorkday = withOverrides({ '2026-11-21': true });
    expect(dueAt(bj('2026-11-20T16:30:00'), { amount: 1, unit: 'workdays' }, extraWorkday)).toEqual(bj('2026-11-22T00:00:00'));
  });
});

describe('hours', () => {
  it('run at once, and only on working days', () => {
    expect(dueAt(bj('2026-11-23T10:00:00'), { amount: 2, unit: 'hours' }, official)).toEqual(bj('2026-11-23T12:00:00'));
    // 24 hours from Friday 15:00 run out on Monday at 15:00.
    expect(dueAt(bj('2026-11-20T15:00:00'), { amount: 24, unit: 'hours' }, official)).toEqual(bj('2026-11-23T15:00:00'));
    // Started on a Sunday: the clock waits for Monday 00:00.
    expect(dueAt(bj('2026-11-22T20:00:00'), { amount: 4, unit: 'hours' }, official)).toEqual(bj('2026-11-23T04:00:00'));
  });
});

describe('pauses', () => {
  it('move the limit by the working time they took, and hold it while open', () => {
    const pause = { from: bj('2026-11-23T11:00:00'), to: bj('2026-11-23T14:00:00') };
    expect(dueAt(bj('2026-11-23T10:00:00'), { amount: 2, unit: 'hours' }, official, [pause])).toEqual(bj('2026-11-23T15:00:00'));
    // A pause over the weekend costs nothing: the clock was not running anyway.
    const weekend = { from: bj('2026-11-21T09:00:00'), to: bj('2026-11-22T18:00:00') };
    expect(dueAt(bj('2026-11-20T15:00:00'), { amount: 24, unit: 'hours' }, official, [weekend])).toEqual(bj('2026-11-23T15:00:00'));
    expect(dueAt(bj('2026-11-23T10:00:00'), { amount: 2, unit: 'hours' }, official, [{ from: pause.from, to: null }])).toBeNull();
  });

  it('decide overdue by the working time on the clock', () => {
    const start = bj('2026-11-20T15:00:00');
    const limit = { amount: 24, unit: 'hours' as const };
    expect(isOverdue(start, limit, official, [], bj('2026-11-23T14:59:00'))).toBe(false);
    expect(isOverdue(start, limit, official, [], bj('2026-11-23T15:00:00'))).toBe(true);
    // An open pause from Monday 09:00 holds the clock: still not overdue on Tuesday.
    expect(isOverdue(start, limit, official, [{ from: bj('2026-11-23T09:00:00'), to: null }], bj('2026-11-24T12:00:00'))).toBe(false);
    expect(workingTimeBetween(bj('2026-11-20T15:00:00'), bj('2026-11-23T09:00:00'), official)).toBe(18 * HOUR);
  });
});

describe('the last working day of a limit', () => {
  it('counts working days after the day, as the official calendar does, and follows the corrections', () => {
    expect(workdayAfter('2026-09-30', 3, official)).toBe(chineseDays.findWorkday(3, '2026-09-30'));
    expect(workdayAfter('2026-09-30', 3, official)).toBe('2026-10-10');
    expect(workdayAfter('2026-11-20', 1, official)).toBe('2026-11-23');
    expect(workdayAfter('2026-11-23', 3, withOverrides({ '2026-11-25': false }))).toBe('2026-11-27');
  });
});

describe('days', () => {
  it('are Beijing days', () => {
    expect(beijingDay(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(beijingDay(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
  });

  it('refuse a limit that is not a positive whole number', () => {
    expect(() => dueAt(bj('2026-11-23T10:00:00'), { amount: 0, unit: 'hours' }, official)).toThrow(RangeError);
  });
});
