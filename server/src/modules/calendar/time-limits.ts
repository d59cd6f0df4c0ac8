/**
 * Time limits that count working time. The rules (docs/ARCHITECTURE.md repeats them):
 *
 * - Days are Beijing calendar days (UTC+8, no daylight saving). A day is a working day by the
 *   administrator's override if there is one, else by the official calendar (weekends off,
 *   public holidays off, swapped Saturdays and Sundays on).
 * - The clock runs only on working days, all 24 hours of them; on other days it stands still.
 * - A limit in working days starts counting at 00:00 of the day after the clock starts: the day
 *   of dispatch is day 0, and the limit runs out at 24:00 of the Nth working day after it.
 * - A limit in hours starts counting at once: 24 hours from Friday 15:00 run out on Monday at
 *   15:00 (unless Monday is a holiday).
 * - While the clock is paused (an interval with a start and, once resumed, an end) it does not
 *   run; the time limit moves by the working time the pause took.
 */

export type LimitUnit = 'workdays' | 'hours';

export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
}

export interface WorkingCalendar {
  isWorkday(day: string): boolean;
}

export interface Pause {
  from: Date;
  /** null while the clock is still paused. */
  to: Date | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;
/** Ten years of calendar days: no time limit reaches further; past it the calendar is wrong. */
const MAX_DAYS = 3_660;

/** The Beijing date of an instant, 'YYYY-MM-DD'. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING).toISOString().slice(0, 10);
}

const dayIndex = (ms: number) => Math.floor((ms + BEIJING) / DAY);
const dayStart = (index: number) => index * DAY - BEIJING;
const dayName = (index: number) => new Date(index * DAY).toISOString().slice(0, 10);

/** Parts of [from, to) not covered by any (closed) pause. */
function unpaused(from: number, to: number, pauses: Array<{ from: Date; to: Date | null }>): Array<[number, number]> {
  let parts: Array<[number, number]> = [[from, to]];
  for (const pause of pauses) {
    const p0 = pause.from.getTime();
    const p1 = pause.to!.getTime();
    parts = parts.flatMap(([a, b]): Array<[number, number]> => {
      if (p1 <= a || p0 >= b) return [[a, b]];
      return [...(p0 > a ? [[a, p0] as [number, number]] : []), ...(p1 < b ? [[p1, b] as [number, number]] : [])];
    });
  }
  return parts;
}

/** The `count`th working day after `day` ('YYYY-MM-DD'): the last day a limit of `count` working days allows. */
export function workdayAfter(day: string, count: number, calendar: WorkingCalendar): string {
  let index = Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY);
  for (let found = 0, n = 0; found < count; n += 1) {
    if (n >= MAX_DAYS) throw new RangeError('no working day within ten years: check the working calendar');
    index += 1;
    if (calendar.isWorkday(dayName(index))) found += 1;
  }
  return dayName(index);
}

/** Where the clock starts counting the limit: at once for hours, at the next day's 00:00 for working days. */
function countingFrom(start: Date, limit: TimeLimit): number {
  return limit.unit === 'workdays' ? dayStart(dayIndex(start.getTime()) + 1) : start.getTime();
}

const limitMs = (limit: TimeLimit) => {
  if (!Number.isInteger(limit.amount) || limit.amount <= 0) throw new RangeError('a time limit is a positive whole number');
  return limit.amount * (limit.unit === 'workdays' ? DAY : HOUR);
};

/**
 * When the limit runs out for a clock started at `start`, given its pauses. While a pause is
 * open the clock stands and nobody can say when it will run out: null.
 */
export function dueAt(start: Date, limit: TimeLimit, calendar: WorkingCalendar, pauses: Pause[] = []): Date | null {
  if (pauses.some((p) => p.to === null)) return null;
  let needed = limitMs(limit);
  let cursor = countingFrom(start, limit);
  for (let day = dayIndex(cursor), n = 0; n < MAX_DAYS; day += 1, n += 1) {
    const end = dayStart(day + 1);
    if (calendar.isWorkday(dayName(day))) {
      for (const [a, b] of unpaused(cursor, end, pauses)) {
        if (b - a >= needed) return new Date(a + needed);
        needed -= b - a;
      }
    }
    cursor = end;
  }
  throw new RangeError('no time limit reaches ten years: check the working calendar');
}

/** Working time on the clock between `from` and `to`, pauses (open ones up to `to`) taken out, in milliseconds. */
export function workingTimeBetween(from: Date, to: Date, calendar: WorkingCalendar, pauses: Pause[] = []): number {
  let total = 0;
  const last = to.getTime();
  const closed = pauses.map((p) => ({ from: p.from, to: p.to ?? to }));
  for (let cursor = from.getTime(), day = dayIndex(cursor), n = 0; cursor < last && n < MAX_DAYS; day += 1, n += 1) {
    const end = Math.min(dayStart(day + 1), last);
    if (calendar.isWorkday(dayName(day))) for (const [a, b] of unpaused(cursor, end, closed)) total += b - a;
    cursor = end;
  }
  return total;
}

/** Whether the limit has run out by `now` (an open pause holds the clock at its start). */
export function isOverdue(start: Date, limit: TimeLimit, calendar: WorkingCalendar, pauses: Pause[], now: Date): boolean {
  const from = countingFrom(start, limit);
  if (now.getTime() <= from) return false;
  return workingTimeBetween(new Date(from), now, calendar, pauses) >= limitMs(limit);
}
