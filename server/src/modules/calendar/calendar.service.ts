/**
 * The working calendar (工作日历): the official one (chinese-days: public holidays and swapped
 * working days) with the administrator's corrections on top, and the time limits counted on it.
 * The corrections are read once and kept for a minute, or until one changes here (another
 * server process sees a change within the minute). The copy belongs to the database, shared by
 * its transactions: time limits are mostly counted inside one, which must not read it each time.
 */
import chineseDays from 'chinese-days';
import type { Kysely } from 'kysely';
import type { CalendarDay } from '../../contracts/calendar.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { invalidField, notFound } from '../../kernel/errors.js';
import { deleteOverride, findOverride, listOverrides, saveOverride } from './calendar.repo.js';
import { dueAt, type TimeLimit, type WorkingCalendar } from './time-limits.js';

const cached = new WeakMap<object, { days: Promise<Map<string, boolean>>; until: number }>();
/** A database and its transactions share one adapter (a transaction is a new Kysely instance over one connection). */
const cacheKey = (db: Kysely<any>): object => db.getExecutor().adapter;

async function overrides(db: Kysely<any>): Promise<Map<string, boolean>> {
  const key = cacheKey(db);
  const hit = cached.get(key);
  if (hit && hit.until > Date.now()) return hit.days;
  const days = listOverrides(db).then((rows) => new Map(rows.map((r) => [r.day, r.workday])));
  cached.set(key, { days, until: Date.now() + 60_000 });
  days.catch(() => cached.delete(key));
  return days;
}

/** The calendar time limits count on: an override when the administrator set one, else the official day. */
export async function workingCalendar(db: Kysely<any>): Promise<WorkingCalendar> {
  const days = await overrides(db);
  return { isWorkday: (day) => days.get(day) ?? chineseDays.isWorkday(day) };
}

const WEEKDAY_NAMES = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

/** The year's days that are not ordinary weekdays and weekends: holidays, swapped working days, and every override. */
export async function calendarYear(db: Kysely<any>, actor: Actor, year: number): Promise<CalendarDay[]> {
  requirePermission(actor, 'registry:read');
  const days = new Map<string, CalendarDay>();
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const detail = chineseDays.getDayDetail(day);
    if (WEEKDAY_NAMES.has(detail.name)) continue;
    days.set(day, { day, workday: detail.work, name: detail.name.split(',')[1] ?? detail.name, source: 'official', officialWorkday: detail.work, updatedByName: null });
  }
  for (const o of await listOverrides(db, year)) {
    days.set(o.day, { day: o.day, workday: o.workday, name: o.name, source: 'override', officialWorkday: chineseDays.isWorkday(o.day), updatedByName: o.updatedByName });
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

function checkedDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw invalidField('day', `“${day}”不是有效日期`, 'not a date');
  }
  return day;
}

export async function setCalendarDay(db: Kysely<any>, actor: Actor, day: string, input: { workday: boolean; name: string }): Promise<CalendarDay[]> {
  requirePermission(actor, 'admin:orgs');
  checkedDay(day);
  const name = input.name.trim();
  if (!name) throw invalidField('name', '请填写说明，如“春节”“调休上班”', 'a name is required');
  await db.transaction().execute(async (trx) => {
    const before = await findOverride(trx, day);
    await saveOverride(trx, day, input.workday, name, actor);
    await recordAudit(trx, actor, { action: 'calendar.day_set', entityType: 'calendar', entityId: day, before, after: { workday: input.workday, name } });
  });
  cached.delete(cacheKey(db));
  return calendarYear(db, actor, Number(day.slice(0, 4)));
}

export async function clearCalendarDay(db: Kysely<any>, actor: Actor, day: string): Promise<CalendarDay[]> {
  requirePermission(actor, 'admin:orgs');
  checkedDay(day);
  await db.transaction().execute(async (trx) => {
    const before = await findOverride(trx, day);
    if (!before) throw notFound();
    await deleteOverride(trx, day);
    await recordAudit(trx, actor, { action: 'calendar.day_cleared', entityType: 'calendar', entityId: day, before });
  });
  cached.delete(cacheKey(db));
  return calendarYear(db, actor, Number(day.slice(0, 4)));
}

/** A trial: when would a limit started at `start` run out on the calendar as it stands? */
export async function previewDue(db: Kysely<any>, actor: Actor, start: string, limit: TimeLimit): Promise<{ start: string; dueAt: string }> {
  requirePermission(actor, 'registry:read');
  const at = new Date(start);
  if (Number.isNaN(at.getTime())) throw invalidField('start', '开始时间无效', 'not a time');
  const due = dueAt(at, limit, await workingCalendar(db))!;
  return { start: at.toISOString(), dueAt: due.toISOString() };
}
