/**
 * Dates and times as organisers type them in a spreadsheet cell, in French or English:
 * « 05/05/2020 », « 2020-05-05 », « 20h », « 20 h 30 », « A 20h. », « De 18h30 à 21h. »,
 * « 10am », « At 10.30 pm », « Le 05/05/2020 - A 14h30 ».
 */

/** What a cell says: its dates ("YYYY-MM-DD", in order) and its times ("HH:MM", in order). */
export interface FreeWhen {
  dates: string[];
  times: string[];
}

const DATE_FR = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/g;
const DATE_ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g;
/**
 * A time: « 20h », « 20 h 30 », « 20H30 », « 20:30 », « 10am », « 10.30 pm », « 9 a.m. ».
 * Group 1 hours, group 2 or 3 minutes, group 4 am/pm.
 */
const TIME = /(?<![\d/.])(\d{1,2})\s*(?:[hH]\s*(\d{2})?|:(\d{2}))?\s*(?:(a\.?m\.?|p\.?m\.?)(?![a-z]))?(?![\d/])/gi;

/** "YYYY-MM-DD" for a real calendar date, else undefined. */
function isoDate(y: number, m: number, d: number): string | undefined {
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date or a time found in a cell, with its offset there. */
interface Found {
  at: number;
  value: string;
}

/** The dates and times of `text`, each with its offset, in the order written. */
function scan(text: string): { dates: Found[]; times: Found[] } {
  const dates: Found[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(DATE_FR)) {
    const d = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (d) dates.push({ at: m.index, value: d });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(DATE_ISO)) {
    const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) dates.push({ at: m.index, value: d });
    taken.push([m.index, m.index + m[0].length]);
  }
  const times: Found[] = [];
  for (const m of text.matchAll(TIME)) {
    if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const marked = m[0].match(/[hH:]/) !== null || m[4] !== undefined;
    if (!marked) continue;
    let h = Number(m[1]);
    const min = Number(m[2] ?? m[3] ?? 0);
    const ampm = m[4]?.toLowerCase().replace(/\./g, '');
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
    if (h > 23 || min > 59) continue;
    times.push({ at: m.index, value: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` });
  }
  return { dates: dates.sort((a, b) => a.at - b.at), times };
}

/**
 * Reads the dates and times of a free-text cell. A number counts as a time only with « h »,
 * « : » or am/pm after it (« 20h », « 14:30 », « 10am »), never alone (« Salle 12 »).
 * @returns the dates and times in the order written (an impossible date or time is left out).
 */
export function readWhen(text: string): FreeWhen {
  const { dates, times } = scan(text);
  return { dates: dates.map((d) => d.value), times: times.map((t) => t.value) };
}

/** One date of a cell that names several, with its own times ("HH:MM", in order; none when the cell gives none for it). */
export interface Occurrence {
  date: string;
  times: string[];
}

/**
 * The dates of a free-text cell, each with its times: a time belongs to the date written
 * before it (« Le 05/05/2020 - A 14h30 Le 12/05/2020 - A 20h » → 05/05 at 14:30, 12/05 at
 * 20:00). Times written before the first date (« 14h30 : 05/05/2020, 12/05/2020 »), or after
 * the last date when no other date has times of its own (« 05/05/2020, 12/05/2020 à 20h »),
 * are every date's. A date with no time of its own then has none.
 * @returns the occurrences in the order written; [] when the cell names no date.
 */
export function readOccurrences(text: string): Occurrence[] {
  const { dates, times } = scan(text);
  if (dates.length === 0) return [];
  const own = dates.map((d, i) => {
    const next = dates[i + 1]?.at ?? Infinity;
    return times.filter((t) => t.at > d.at && t.at < next).map((t) => t.value);
  });
  const leading = times.filter((t) => t.at < dates[0]!.at).map((t) => t.value);
  const last = own.length - 1;
  const shared = leading.length > 0 ? leading : own.slice(0, last).every((t) => t.length === 0) ? own[last]! : [];
  return dates.map((d, i) => ({ date: d.value, times: own[i]!.length > 0 ? own[i]! : [...shared] }));
}
