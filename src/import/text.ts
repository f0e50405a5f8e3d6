/**
 * Small text helpers shared by the importer: cleaning raw CSV cells, slugs, and
 * "did you mean" suggestions for misspelt column names.
 */
import { EVENT_ID_MAX } from '../model/event.js';

/** Characters that are whitespace for cleaning purposes, besides `\s` (zero-width space, inner BOM). */
const INVISIBLE = /[\u200b\ufeff]/g;

/**
 * Cleans one raw cell: line breaks normalised to "\n" (CRLF and lone CR), every run of
 * spaces, tabs and non-breaking spaces collapsed to one space, each line trimmed, runs of
 * blank lines collapsed to one (a paragraph break), and the whole value trimmed.
 * Returns "" for a blank cell.
 */
export function cleanCell(raw: string): string {
  const lines = raw
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Joins the lines of a cleaned value with single spaces: "Jazz,\nblues" → "Jazz, blues". */
export function oneLine(value: string): string {
  return value.replace(/\s*\n+\s*/g, ' ');
}

/** Removes accents: "Hérault" → "Herault", "Œuvre" → "OEuvre". */
export function stripAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/Œ/g, 'OE')
    .replace(/œ/g, 'oe')
    .replace(/Æ/g, 'AE')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/**
 * Makes a slug: lower-case ASCII letters, digits and single hyphens, e.g.
 * "Pyrénées-Orientales" → "pyrenees-orientales", "KD054" → "kd054", "Côte-d'Or" → "cote-d-or".
 * Returns "" when the value has no letter or digit.
 */
export function slugify(s: string): string {
  return stripAccents(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `slug` (from {@link slugify}) cut, at a hyphen where it can be, to leave `reserve`
 * characters for what the caller appends (« -2 », « -20161115 »): an event id is at most
 * EVENT_ID_MAX characters (200: it names files on the site, src/model/event.ts).
 */
export function eventId(slug: string, reserve = 0): string {
  const room = EVENT_ID_MAX - reserve;
  if (slug.length <= room) return slug;
  const cut = slug.slice(0, room);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > room / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/**
 * A free id for an event whose id is taken: "<id>-<slug of title>", then "-2", "-3"… if that
 * is taken too (room is left for them: at most EVENT_ID_MAX characters). Deterministic, and
 * stable when rows or items are added or moved.
 * @param used the ids given so far (their source lines, unread here).
 */
export function uniqueEventId(id: string, title: string, used: ReadonlyMap<string, number>): string {
  // Room for « -2 », « -3 »… up to 99,999 events of one id.
  const base = eventId(`${id}-${slugify(title)}`.replace(/-+$/, ''), 6);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/**
 * Edit distance between two strings: insertions, deletions, substitutions and swaps of two
 * neighbouring letters ("titel" → "title") each count 1 (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate most likely meant by a misspelt `name`, or undefined when none is close.
 * Tried in order: same letters ignoring case, accents and punctuation; a candidate that
 * starts with or contains the name (a shortened column name such as "Nom" for
 * "Nom de la manifestation"); the smallest edit distance, if at most a third of the name.
 */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  const key = (s: string) => slugify(s).replace(/-/g, '');
  const k = key(name);
  if (k === '') return undefined;
  const exact = candidates.find((c) => key(c) === k);
  if (exact !== undefined) return exact;
  const prefix = candidates.find((c) => key(c).startsWith(k));
  if (prefix !== undefined) return prefix;
  if (k.length >= 3) {
    const inside = candidates.find((c) => key(c).includes(k));
    if (inside !== undefined) return inside;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(k, key(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(k.length / 3)) ? best : undefined;
}

/** " (did you mean "X"?)" when a suggestion exists, "" otherwise. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const s = suggest(name, candidates);
  return s === undefined ? '' : ` (did you mean ${JSON.stringify(s)}?)`;
}
