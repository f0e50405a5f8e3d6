/**
 * Time zones for the calendar and schedule importers: wall-clock times of any IANA zone
 * turned into instants and back, with the zone data of Node's ICU (Intl), so that every
 * imported time ends up as the Europe/Paris wall-clock time the content format wants
 * ("YYYY-MM-DD HH:MM").
 */

/** The time zone of every time in the content (see LocalDateTime in src/model/event.ts). */
export const PARIS = 'Europe/Paris';

/** A wall-clock date and time; `month` 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The IANA name Node knows for `name`, or undefined: "America/New_York" as is, and the
 * Area/City tail of decorated names such as "/mozilla.org/20050126_1/Europe/Paris".
 * "UTC", "Etc/GMT+5"… are accepted too.
 */
export function ianaZone(name: string): string | undefined {
  const candidates = [name.trim()];
  const tail = /([A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/.exec(name.trim());
  if (tail?.[1] !== undefined && tail[1] !== candidates[0]) candidates.push(tail[1]);
  for (const c of candidates) {
    if (c === '') continue;
    try {
      formatter(c);
      return c;
    } catch {
      // Not a zone Intl knows.
    }
  }
  return undefined;
}

/** The wall-clock time in `zone` at `epochMs` (milliseconds since 1970, UTC). */
export function wallTimeAt(epochMs: number, zone: string): WallTime {
  const parts = formatter(zone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  return { year, month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The offset of `zone` from UTC at `epochMs`, in milliseconds (Paris in winter: +3 600 000). */
function offsetAt(epochMs: number, zone: string): number {
  const w = wallTimeAt(epochMs, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant (milliseconds since 1970, UTC) of a wall-clock time in `zone`. A time that
 * does not exist (skipped when clocks go forward) is read with the offset from before the
 * change, as RFC 5545 §3.3.5 says (02:30 on the spring-forward day in Paris → 03:30); a
 * time that occurs twice (clocks go back) is the first of the two.
 */
export function epochOf(w: WallTime, zone: string): number {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const before = offsetAt(guess - 86_400_000, zone);
  const after = offsetAt(guess + 86_400_000, zone);
  // The larger offset first: for a repeated hour (clocks going back) it gives the first occurrence.
  for (const off of before >= after ? [before, after] : [after, before]) {
    const t = guess - off;
    const back = wallTimeAt(t, zone);
    if (back.year === w.year && back.month === w.month && back.day === w.day && back.hour === w.hour && back.minute === w.minute) return t;
  }
  return guess - before;
}

/** "2016-11-08". */
export function formatDate(w: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** "2016-11-08 15:00" (seconds dropped). */
export function formatDateTime(w: WallTime): string {
  return `${formatDate(w)} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** The Europe/Paris wall-clock time of an instant, "YYYY-MM-DD HH:MM". */
export function parisDateTime(epochMs: number): string {
  return formatDateTime(wallTimeAt(epochMs, PARIS));
}

/** The date `days` days after "YYYY-MM-DD" (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return formatDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/**
 * An ISO 8601 date-time such as "2016-11-08T10:00:00+01:00", "2016-11-08T09:00:00Z" or,
 * without an offset, "2016-11-08T10:00" (then read in `zone`), as an instant; undefined
 * when the text is not such a date-time or not a real one.
 */
export function parseIsoDateTime(text: string, zone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return undefined;
  const w: WallTime = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  if (!isRealWallTime(w)) return undefined;
  const offset = m[7];
  if (offset === undefined) return epochOf(w, zone);
  const base = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  if (/^z$/i.test(offset)) return base;
  const o = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!o) return undefined;
  const minutes = Number(o[2]) * 60 + Number(o[3]);
  return base - (o[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** True for a calendar date that exists and a time from 00:00:00 to 23:59:59. */
export function isRealWallTime(w: WallTime): boolean {
  const probe = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return (
    probe.getUTCFullYear() === w.year && probe.getUTCMonth() === w.month - 1 && probe.getUTCDate() === w.day &&
    w.hour >= 0 && w.hour <= 23 && w.minute >= 0 && w.minute <= 59 && w.second >= 0 && w.second <= 60
  );
}
