/**
 * Dates of the site, JSON-LD and JSON in ISO 8601: a wall-clock time of the campaign's time
 * zone (Europe/Paris: content times are Paris times) with its offset on that day,
 * "2016-11-15T14:30:00+01:00"; a date alone stays a date, "2016-11-15".
 */

/** The campaign's time zone: content times are wall-clock times there. */
export const TIME_ZONE = 'Europe/Paris';

const wall = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "2016-11-15 14:30" of the instant `ms`, in Paris. */
function parisWall(ms: number): string {
  const p = Object.fromEntries(wall.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * The offset of Paris from UTC, in minutes, at the wall-clock time `local` ("YYYY-MM-DD
 * HH:MM"): +60 in winter, +120 in summer. For the hour that happens twice in October, the
 * first (summer time); for the hour that never happens in March, summer time.
 */
export function parisOffsetMinutes(local: string): number {
  const [d, t] = local.split(' ');
  const [y, m, day] = d!.split('-').map(Number) as [number, number, number];
  const [h, min] = (t ?? '00:00').split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, day, h, min);
  for (const off of [120, 60]) if (parisWall(asUtc - off * 60_000) === `${d} ${t ?? '00:00'}`) return off;
  return 120;
}

/** "2016-11-15 14:30" → "2016-11-15T14:30:00+01:00"; "2016-11-15" → "2016-11-15". */
export function isoDateTime(local: string): string {
  if (!local.includes(' ')) return local;
  const off = parisOffsetMinutes(local);
  const sign = off >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  return `${local.replace(' ', 'T')}:00${sign}${hh}:${mm}`;
}
