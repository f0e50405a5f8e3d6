/**
 * French formatting of dates, times, periods and numbers, done once in the derive step so
 * that components only place strings. Computed from the authored wall-clock values
 * (Europe/Paris) without the machine's locale or time zone: CI and a laptop print the same.
 * Conventions: Imprimerie nationale, « Lexique des règles typographiques » (days and months
 * in lower case, "1er", "14 h 30", spaces as thousands separators).
 */
export const NBSP = '\u00A0';
/** Narrow no-break space (U+202F), before ; ! ? and inside « ». */
export const NNBSP = '\u202F';

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

interface Parts {
  y: number;
  m: number;
  d: number;
  time?: { h: number; min: number };
}

/** Splits "2016-11-15 14:30" or "2016-11-15". */
export function parseLocal(value: string): Parts {
  const [date, time] = value.split(' ');
  const [y, m, d] = (date ?? '').split('-').map(Number) as [number, number, number];
  if (!time) return { y, m, d };
  const [h, min] = time.split(':').map(Number) as [number, number];
  return { y, m, d, time: { h, min } };
}

function weekday(p: Parts): string {
  return DAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()]!;
}

/** "1ᵉʳ" for the first of the month (superscript letters U+1D49 U+02B3), else the number. */
function dayNumber(d: number): string {
  return d === 1 ? '1\u1D49\u02B3' : String(d);
}

/** "mardi 15 novembre 2016" (no-break spaces inside). `withWeekday` false: "15 novembre 2016". */
export function formatDate(value: string, withWeekday = true): string {
  const p = parseLocal(value);
  const date = `${dayNumber(p.d)}${NBSP}${MONTHS[p.m - 1]}${NBSP}${p.y}`;
  return withWeekday ? `${weekday(p)} ${date}` : date;
}

/** "14 h 30", "9 h", from "14:30" parts. */
export function formatTime(h: number, min: number): string {
  return min === 0 ? `${h}${NBSP}h` : `${h}${NBSP}h${NBSP}${String(min).padStart(2, '0')}`;
}

/**
 * When an event takes place, as printed:
 * - "mardi 15 novembre 2016, 14 h 30" (start only) or "…, 14 h 30 – 17 h" (same day);
 * - "du 15 au 17 novembre 2016" (several days; weekdays and times are dropped to keep it short),
 *   "les 19 et 20 novembre 2016" (two days in a row, in one month);
 * - "samedi 5 novembre 2016" (date only).
 */
export function formatWhen(start: string, end?: string): string {
  const s = parseLocal(start);
  const sameDay = !end || end.slice(0, 10) === start.slice(0, 10);
  if (sameDay) {
    const day = formatDate(start);
    if (!s.time) return day;
    const from = formatTime(s.time.h, s.time.min);
    const e = end ? parseLocal(end) : undefined;
    return e?.time ? `${day}, ${from} – ${formatTime(e.time.h, e.time.min)}` : `${day}, ${from}`;
  }
  const e = parseLocal(end);
  // Two days in a row: « les 19 et 20 novembre », as French says it.
  const next = new Date(Date.UTC(s.y, s.m - 1, s.d + 1));
  if (next.getUTCFullYear() === e.y && next.getUTCMonth() + 1 === e.m && next.getUTCDate() === e.d && s.m === e.m) {
    return `les ${dayNumber(s.d)} et ${dayNumber(e.d)}${NBSP}${MONTHS[e.m - 1]}${NBSP}${e.y}`;
  }
  return `du ${formatRange(s, e)}`;
}

/**
 * The time of an event under a heading that gives its day (the programme grouped by day):
 * "14 h 30", "14 h 30 – 17 h"; undefined for a one-day event without a time (the heading
 * says it all); an event over several days keeps its dates ({@link formatWhen}).
 */
export function formatTimeOfDay(start: string, end?: string): string | undefined {
  if (end && end.slice(0, 10) !== start.slice(0, 10)) return formatWhen(start, end);
  const s = parseLocal(start);
  if (!s.time) return undefined;
  const from = formatTime(s.time.h, s.time.min);
  const e = end ? parseLocal(end) : undefined;
  return e?.time ? `${from} – ${formatTime(e.time.h, e.time.min)}` : from;
}

function formatRange(s: Parts, e: Parts): string {
  const endText = `${dayNumber(e.d)}${NBSP}${MONTHS[e.m - 1]}${NBSP}${e.y}`;
  if (s.y !== e.y) return `${dayNumber(s.d)}${NBSP}${MONTHS[s.m - 1]}${NBSP}${s.y} au ${endText}`;
  if (s.m !== e.m) return `${dayNumber(s.d)}${NBSP}${MONTHS[s.m - 1]} au ${endText}`;
  return `${dayNumber(s.d)} au ${endText}`;
}

/** A period: "du 1er au 30 novembre 2016", "du 3 octobre au 2 novembre 2016". */
export function formatPeriod(start: string, end: string): string {
  return `du ${formatRange(parseLocal(start), parseLocal(end))}`;
}

/** "4 000", "10 000", "425": narrow no-break space as thousands separator. */
export function formatNumber(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return frac ? `${grouped},${frac}` : grouped;
}

/** "10 000 €". */
export function formatEuros(n: number): string {
  return `${formatNumber(n)}${NBSP}€`;
}

/** "23 %". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}${NNBSP}%`;
}

/** "10ᵉ", "1ʳᵉ" (feminine: édition, année), with superscript letters (U+1D49 ᵉ, U+02B3 ʳ). */
export function formatOrdinal(n: number): string {
  return n === 1 ? '1\u02B3\u1D49' : `${n}\u1D49`;
}

/** "1 événement", "75 événements", "4 000 programmes": a count and its noun, plural from 2. */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)}${NBSP}${n >= 2 ? plural : singular}`;
}

/**
 * The places of a campaign in words: « 54 départements », « 54 départements et 2 pays »,
 * « 1 département et 1 pays », « 2 pays » (counts of French départements and of countries
 * abroad; « pays » is invariable). Numbers as {@link formatNumber}, a no-break space before
 * each noun.
 */
export function formatAreas(departements: number, countries: number): string {
  const parts: string[] = [];
  if (departements > 0 || countries === 0) parts.push(formatCount(departements, 'département'));
  if (countries > 0) parts.push(formatCount(countries, 'pays', 'pays'));
  return parts.join(' et ');
}

/** First words ending in s or x that are singular: « Mois de l’ESS », « Prix… », « Temps fort… ». */
const SINGULAR_S = new Set(['mois', 'prix', 'temps', 'printemps', 'choix', 'cours', 'concours', 'parcours', 'corps', 'repas', 'pays', 'palais', 'relais', 'rendez-vous', 'campus', 'tournois']);

/**
 * The article a campaign's name takes in a sentence when campaign.yaml gives none: « l’ »
 * before a vowel (« l’Été solidaire »), « les » when its first word is a plural
 * (ends in s or x and is not a singular such as « Mois », « Prix »: « les Festivals en
 * Occitanie »), else « le » (« le Mois de l’ESS »). A feminine name needs `article: la`.
 */
export function nameArticle(name: string): 'le' | 'la' | 'les' | 'l’' {
  const first = (name.trim().split(/\s+/)[0] ?? '').toLowerCase();
  if (/^[aeiouyàâäéèêëîïôöûü]/.test(first)) return 'l’';
  if (/[sx]$/.test(first) && !SINGULAR_S.has(first)) return 'les';
  return 'le';
}
