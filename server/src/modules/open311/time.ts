/**
 * Open311 dates are W3C date-times (ISO 8601) with an offset. Ours are written in the service's
 * time zone (Beijing for Yinchuan), so a reader sees the local hour and knows the offset; a date
 * given without an offset is read in that zone too.
 */

const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function partsIn(date: Date, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'longOffset',
  });
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

/** '+08:00' for 'GMT+08:00', '+00:00' for plain 'GMT'. */
function offsetOf(parts: Record<string, string>): string {
  const name = parts.timeZoneName ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
}

export function w3cDateTime(value: Date | string | null | undefined, timeZone: string): string | null {
  if (value === null || value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offsetOf(p)}`;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** A W3C date or date-time, or null when the text is not one. */
export function parseW3cDateTime(text: string, timeZone: string): Date | null {
  const m = W3C.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(asUtc);
  // Date.UTC rolls 2026-02-30 over into March; a date that does not exist is refused instead.
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  if (offset) return new Date(asUtc - offsetMinutes(offset) * 60_000);
  // No offset: the wall-clock time in the service's zone (its offset at about that moment).
  const zoneOffset = offsetMinutes(offsetOf(partsIn(check, timeZone)));
  return new Date(asUtc - zoneOffset * 60_000);
}
