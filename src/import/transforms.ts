/**
 * Value transforms of the CSV importer. Each takes a cleaned, non-empty cell (see
 * `cleanCell`) and returns either a value or the reason it cannot be used. None throws.
 */
import { DEPARTEMENT_CODES, departement as departementOf, isDepartementCode } from '../model/departements.js';
import { eventId, slugify } from './text.js';
import { parseStatus, statusInText } from './status.js';
import { countryOf } from '../model/countries.js';
import { departementOfPostalCode } from './place.js';
import { readWhen } from './when.js';

/** The transforms a mapping may name. */
export const TRANSFORM_NAMES = ['text', 'title', 'slug', 'departement', 'date', 'number', 'url', 'boolean', 'list', 'status', 'country', 'end'] as const;
export type TransformName = (typeof TRANSFORM_NAMES)[number];

/** What a field of an event can hold. */
export type FieldValue = string | boolean | string[];

/**
 * The outcome of a transform: a value (with an optional `note`, a warning about a repair
 * that was made, e.g. a malformed URL scheme), or a `message` saying why the value is unusable.
 */
export type TransformResult = { ok: true; value: FieldValue; note?: string } | { ok: false; message: string };

const ok = (value: FieldValue, note?: string): TransformResult => (note === undefined ? { ok: true, value } : { ok: true, value, note });
const fail = (message: string): TransformResult => ({ ok: false, message });

/**
 * Applies the named transform to a cleaned, non-empty value.
 * @returns the transformed value, or `{ ok: false, message }` when the value is unusable.
 */
export function applyTransform(name: TransformName, value: string, key?: string): TransformResult {
  switch (name) {
    case 'text':
      return ok(value);
    case 'title':
      // An event's title in French sentence case; a name (commune, venue, organiser) in name case.
      return ok(key === 'title' || key === 'description' || key === 'subtitle' ? sentenceCase(value) : titleCase(value));
    case 'slug': {
      const s = eventId(slugify(value));
      return s === '' ? fail(`${JSON.stringify(value)} has no letter or digit to make an id from`) : ok(s);
    }
    case 'departement':
      return toDepartement(value);
    case 'date':
      return toDate(value);
    case 'number':
      return toNumber(value);
    case 'url':
      return toUrl(value);
    case 'boolean':
      return toBoolean(value);
    case 'list':
      return toList(value);
    case 'status':
      return toStatus(value);
    case 'country':
      return toCountry(value);
    case 'end':
      return toEnd(value);
  }
}

/**
 * An event status from a status column ("Annulé", "cancelled", "Reporté", "Complet",
 * "confirmé"…) or from a mark in a text column (« Concert (Annulé) », « COMPLET – … »).
 * Fails, naming the words it reads, for a value that names no status.
 */
export function toStatus(value: string): TransformResult {
  const whole = parseStatus(value);
  if (whole !== undefined) return ok(whole);
  const marked = statusInText(value);
  if (marked !== undefined) return ok(marked.status, `status "${marked.status}" read from ${JSON.stringify(value)}`);
  return fail(`${JSON.stringify(value)} names no status (expected annulé / cancelled, reporté / postponed, complet / full, or confirmé / scheduled); the event is taken as scheduled`);
}

// ---------------------------------------------------------------------------------------
// title

/** Words kept in lower case inside a title (unless they start it). */
const SMALL_WORDS = new Set([
  'de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'à', 'au', 'aux', 'sur', 'sous', 'pour', 'par', 'dans', 'lès', 'lez',
]);
/** Elided words: "d'", "l'", "c'", "qu'"…, kept in lower case inside a title. */
const ELIDED = new Set(['d', 'l', 'j', 'n', 's', 'c', 'm', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu']);
/** Elided articles: the noun after them is capitalised ("d'Hiver"); after "c'" or "qu'" comes a verb ("C'est"). */
const ELIDED_ARTICLES = new Set(['d', 'l']);
/** Words that make a name English, where a lone "A" is the article, not "à". */
const ENGLISH = new Set(['THE', 'IS', 'ARE', 'NOT', 'OF', 'AND', 'YOU', 'YOUR', 'MY', 'WITH', 'THIS']);
/** Abbreviations without a vowel that are not acronyms. */
const NOT_ACRONYMS = new Set(['ST', 'STS', 'MR', 'DR']);
/** Roman numerals written with I, V and X only (II, IV, XIII…); "DIX" or "MIX" are words. */
const ROMAN = /^(?:X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|V?I{1,3}|V)$/;
const VOWEL_START = /^[AEIOUYHÀÂÄÆÉÈÊËÎÏÔÖŒÙÛÜŸ]/;
const DASH = /^[-–—]$/;
/** Words a lone "D" or "L" is not elided before: "VITAMINE D ET MOI". */
const NOT_ELIDED_BEFORE = new Set(['ET', 'OU', 'EN', 'A', 'AU', 'AUX']);

/**
 * True when most letters of `s` are capitals (at least 3 in 4), e.g. "FESTIVAL FAITS D'HIVER"
 * or "Le VIGAN"; false for "Jazz à Sète" or "MAP Toulouse".
 */
export function isMostlyUpperCase(s: string): boolean {
  const upper = (s.match(/\p{Lu}/gu) ?? []).length;
  const lower = (s.match(/\p{Ll}/gu) ?? []).length;
  return upper > 0 && upper >= 3 * lower;
}

/**
 * French title case for names written in capitals; other values are returned unchanged.
 * Small words (de, du, des, la, le, les, et, en, à, au, aux, sur, sous, pour, par, dans,
 * lès, lez) and elided articles (d', l', qu'…) are lower-cased except at the start of the
 * name or after a dash; every other word, each part of a hyphenated word, and the word
 * after an elided article are capitalised; roman numerals (II, XIV) stay in capitals and
 * words already in lower case are kept, and so are words without a vowel ("BD", "DJ"), taken
 * for acronyms. Capitals lose their accents in French, so a lone "A" inside the name becomes
 * "à" (unless the name reads as English: "THIS IS NOT A LOVE SONG"), and a lone "D" or "L"
 * before a vowel gets its apostrophe back ("CAP D AGDE" → "Cap d'Agde").
 *
 * "SAINT-JEAN-DE-VEDAS" → "Saint-Jean-de-Vedas"; "FESTIVAL FAITS D'HIVER" → "Festival Faits d'Hiver".
 */
export function titleCase(s: string): string {
  if (!isMostlyUpperCase(s)) return s;
  const restored = s.replace(/(^|\s)([DL])\s+(?=[\p{L}])/gu, (m, before: string, letter: string, offset: number) => {
    const next = s.slice(offset + m.length);
    const nextWord = next.split(/\s/)[0] ?? '';
    return VOWEL_START.test(next) && !NOT_ELIDED_BEFORE.has(nextWord) ? `${before}${letter}'` : m;
  });
  const tokens = restored.split(/(\s+)/);
  const english = tokens.some((t) => ENGLISH.has(t.replace(/[^\p{L}]/gu, '')));
  let segmentStart = true;
  return tokens
    .map((token) => {
      if (token === '' || /^\s+$/.test(token)) return token;
      if (DASH.test(token)) {
        segmentStart = true;
        return token;
      }
      if (!/\p{L}/u.test(token)) return token;
      const word = titleWord(token, segmentStart, english);
      segmentStart = /[:]$/.test(token);
      return word;
    })
    .join('');
}

/** Title-cases one space-separated word; `first` when it starts the name or a segment. */
function titleWord(word: string, first: boolean, english: boolean): string {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (!first && letters === 'A' && letters === word.replace(/[^\p{L}\p{N}]/gu, '')) {
    return word.replace(/A/, english ? 'a' : 'à');
  }
  const hyphenParts = word.split(/(-)/);
  return hyphenParts
    .map((part, i) => (part === '-' ? part : titlePart(part, first && i === 0)))
    .join('');
}

/** Title-cases a part of a hyphenated word, which may hold apostrophes ("D'HIVER"). */
function titlePart(part: string, first: boolean): string {
  const pieces = part.split(/(['’])/);
  let afterArticle = false;
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (piece === "'" || piece === '’') {
      out += piece;
      continue;
    }
    const core = piece.replace(/[^\p{L}]/gu, '');
    const lower = core.toLocaleLowerCase('fr');
    const isFirstPiece = i === 0;
    const followedByApostrophe = i + 1 < pieces.length;
    let cased: string;
    if (core === '') cased = piece;
    else if (core === lower) cased = piece; // already lower case: keep ("ex", "de")
    else if (ROMAN.test(core)) cased = piece;
    else if (core.length >= 2 && !/[AEIOUYÀÂÄÆÉÈÊËÎÏÔÖŒÙÛÜŸ]/.test(core) && !NOT_ACRONYMS.has(core)) cased = piece; // "BD", "DJ"

    else if (isFirstPiece && followedByApostrophe && ELIDED.has(lower)) cased = first ? capitalise(piece) : lowerCase(piece);
    else if (isFirstPiece) cased = SMALL_WORDS.has(lower) && !first ? lowerCase(piece) : capitalise(piece);
    else if (afterArticle) cased = SMALL_WORDS.has(lower) ? lowerCase(piece) : capitalise(piece);
    else cased = lowerCase(piece); // "LET'S" → "Let's", "AUJOURD'HUI" → "Aujourd'hui"
    afterArticle = isFirstPiece && followedByApostrophe && ELIDED_ARTICLES.has(lower);
    out += cased;
  }
  return out;
}

/**
 * French sentence case for a title written in capitals (other values unchanged): a capital on
 * its first word only, as French titles of works and events take it (« UNE VIE DANS L'ART » →
 * « Une vie dans l'art », « AU-DELÀ » → « Au-delà »), proper nouns kept: acronyms and roman
 * numerals, place names written as compounds (« SAINT-JEAN-DE-VEDAS » → « Saint-Jean-de-Vedas »),
 * the départements' names, and the `names` given (the event's commune: « JAZZ À SETE » with
 * the commune Sète → « Jazz à Sète »).
 */
export function sentenceCase(s: string, names: readonly string[] = []): string {
  if (!isMostlyUpperCase(s)) return keepNames(s, names);
  const titled = titleCase(s);
  let first = true;
  const out = titled
    .split(/(\s+)/)
    .map((token) => {
      if (token === '' || /^\s+$/.test(token) || !/\p{L}/u.test(token)) return token;
      const letters = token.replace(/[^\p{L}]/gu, '');
      const keep =
        (letters.length >= 2 && letters === letters.toLocaleUpperCase('fr')) || // acronyms, roman numerals
        /^(?:Saint|Sainte|St|Ste)-/u.test(token) ||
        /\p{Lu}[\p{Ll}’']*-(?:\p{Ll}+-)+\p{Lu}/u.test(token); // a place written as a compound
      const wasFirst = first;
      first = false;
      return keep ? token : wasFirst ? capitalise(token) : lowerCase(token);
    })
    .join('');
  return keepNames(out, [...names, ...DEPARTEMENT_NAMES]);
}

/** The départements' names (« Hérault », « Pyrénées-Orientales »): proper nouns a title keeps. */
const DEPARTEMENT_NAMES = DEPARTEMENT_CODES.map((code) => departementOf(code).name);

/**
 * `text` with each of `names` (proper nouns) written as the name is, wherever its words appear
 * in any case and with or without accents: « jazz à sete » with « Sète » → « jazz à Sète ».
 */
export function keepNames(text: string, names: readonly string[]): string {
  let out = text;
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('fr');
  for (const name of names) {
    if (name.trim() === '' || name.length < 3) continue;
    const escaped = fold(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
    const folded = fold(out);
    // NFD folding keeps the letters' positions only for precomposed letters: compare letter by letter.
    if (folded.length !== out.length) continue;
    let result = '';
    let last = 0;
    for (const m of folded.matchAll(re)) {
      const found = out.slice(m.index, m.index + m[0].length);
      // The name's capitals, and the accents of either (« Sète » written « Sete » or « SÈTE »).
      const merged = [...found].map((c, i) => {
        const n = name[i] ?? c;
        const accented = c.normalize('NFD').length > 1 ? c : n;
        return n === n.toLocaleUpperCase('fr') && n !== n.toLocaleLowerCase('fr') ? accented.toLocaleUpperCase('fr') : accented.toLocaleLowerCase('fr');
      });
      result += out.slice(last, m.index) + (found.length === name.length ? merged.join('') : name);
      last = m.index + m[0].length;
    }
    out = result + out.slice(last);
  }
  return out;
}

function lowerCase(s: string): string {
  return s.toLocaleLowerCase('fr');
}

/** Lower-cases `s` and capitalises its first letter: "(ÉCLATS" → "(Éclats", "48ÈME" → "48ème". */
function capitalise(s: string): string {
  const lower = s.toLocaleLowerCase('fr');
  return lower.replace(/\p{L}/u, (c) => c.toLocaleUpperCase('fr'));
}

// ---------------------------------------------------------------------------------------
// departement

const BY_NAME = new Map(DEPARTEMENT_CODES.map((code) => [slugify(departementOf(code).name), code]));

/**
 * An INSEE département code from "9", "9.0", "09", "2a", "971.0", a name ("Hérault") or a
 * French postal code ("31000" → "31", "20200" → "2B", "97400" → "974"; see
 * departementOfPostalCode). Fails for anything else, e.g. "20" (Corsica is 2A or 2B) or
 * "987" (not a département). An event abroad (its `country`) has its département left out.
 */
export function toDepartement(value: string): TransformResult {
  if (/^\d{5}(?:[.,]0+)?$/.test(value)) {
    const code = departementOfPostalCode(value.slice(0, 5));
    return code !== undefined ? ok(code) : fail(`${JSON.stringify(value)} is a postal code outside the French départements (Monaco, Saint-Pierre-et-Miquelon, the Pacific…)`);
  }
  const m = /^0*(\d{1,3})(?:[.,]0+)?$/.exec(value);
  let code: string | undefined;
  if (m) {
    const digits = m[1] ?? '';
    code = digits.length === 1 ? `0${digits}` : digits;
  } else if (/^0?2\s*[ab]$/i.test(value)) {
    code = `2${value.slice(-1).toUpperCase()}`;
  } else {
    code = BY_NAME.get(slugify(value));
  }
  if (code !== undefined && isDepartementCode(code)) return ok(code);
  const hint = code === '20' ? ' (Corsica is "2A" or "2B")' : '';
  return fail(`${JSON.stringify(value)} is not an INSEE département code such as "34", "09", "2A" or "971"${hint}`);
}

/**
 * An ISO 3166-1 country code from a code or a name in French, English, German, Spanish,
 * Italian, Catalan, Dutch or Portuguese: "DE", "Allemagne", "Germany", "Deutschland" → "DE".
 * Fails for a value that names no country.
 */
export function toCountry(value: string): TransformResult {
  const code = countryOf(value.length === 2 ? value.toUpperCase() : value);
  return code !== undefined ? ok(code) : fail(`${JSON.stringify(value)} names no country (expected a name such as "Allemagne", "Belgium", or an ISO code such as "DE")`);
}

// ---------------------------------------------------------------------------------------
// date

/**
 * A date "YYYY-MM-DD" (or "YYYY-MM-DD HH:MM" when a time is given) from "24/01/2019",
 * "24-01-2019", "24.01.2019", "2019-01-24", with an optional time "20:30" or "20h30".
 * Fails for other forms and for impossible dates such as "31/02/2019".
 */
export function toDate(value: string): TransformResult {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:hH](\d{2})(?::\d{2})?)?$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})[:hH](\d{2})(?::\d{2})?)?$/.exec(value);
  let y: number, mo: number, d: number;
  let time: [string, string] | undefined;
  if (fr) {
    [d, mo, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
    if (fr[4] !== undefined) time = [fr[4], fr[5] ?? '00'];
  } else if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) time = [iso[4], iso[5] ?? '00'];
  } else {
    return freeDate(value);
  }
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    return fail(`${JSON.stringify(value)} is not a real calendar date`);
  }
  const date = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (time === undefined) return ok(date);
  const [hh, mm] = [Number(time[0]), Number(time[1])];
  if (hh > 23 || mm > 59) return fail(`${JSON.stringify(value)} has an impossible time`);
  return ok(`${date} ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`);
}

/**
 * A date and time from free text (see when.ts): « Le 05/05/2020 - A 14h30 » →
 * "2020-05-05 14:30", « 05/05/2020 De 18h30 à 21h. » → "2020-05-05 18:30" (the first time),
 * « 2020-05-05 At 10am. » → "2020-05-05 10:00". A cell naming several dates gives the first,
 * with a note naming the others (the mapping's `several:` makes one event per date or a
 * range instead: src/import/rows.ts). Fails, quoting the cell, when it has no date.
 */
function freeDate(value: string): TransformResult {
  const w = readWhen(value);
  const date = w.dates[0];
  if (date === undefined) return fail(`${JSON.stringify(value)} is not a date (expected DD/MM/YYYY or YYYY-MM-DD, with a time such as 20h, 20 h 30, 14:30 or 10am)`);
  const value2 = w.times[0] !== undefined ? `${date} ${w.times[0]}` : date;
  const others = w.dates.slice(1);
  return ok(value2, others.length > 0 ? `${JSON.stringify(value)} names ${w.dates.length} dates; the event is imported at the first (${date}), not at ${others.join(', ')}: in the mapping, start: { …, several: events } makes one event per date, several: range one event from the first date to the last` : undefined);
}

/**
 * The end of a time range written in free text, with its date: « 05/05/2020 De 18h30 à 21h. »
 * → "2020-05-05 21:00" (the second time). Fails, quoting the cell, when it has no date or no
 * second time (the event then has no end).
 */
export function toEnd(value: string): TransformResult {
  const w = readWhen(value);
  const date = w.dates[0];
  if (date === undefined) return fail(`${JSON.stringify(value)} has no date to end on (expected DD/MM/YYYY or YYYY-MM-DD)`);
  if (w.dates.length > 1) return fail(`${JSON.stringify(value)} names ${w.dates.length} dates, not one time range: no end`);
  if (w.times.length < 2) return fail(`${JSON.stringify(value)} names no end time (expected a range such as « de 18h30 à 21h » or "10am-12pm")`);
  return ok(`${date} ${w.times[w.times.length - 1]}`);
}

// ---------------------------------------------------------------------------------------
// number

/**
 * A number written as a string without useless decimals: "75.0" → "75", "12,50" → "12.5",
 * "1 200" → "1200". Fails when the value is not a number.
 */
export function toNumber(value: string): TransformResult {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  const m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(compact);
  if (!m) return fail(`${JSON.stringify(value)} is not a number`);
  const sign = m[1] === '-' ? '-' : '';
  const int = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const n = frac === '' ? int : `${int}.${frac}`;
  return ok(n === '0' ? '0' : sign + n);
}

// ---------------------------------------------------------------------------------------
// url

const TRAILING_PUNCTUATION = /[\s.,;:!?'"»>]+$/;

/**
 * An absolute http(s) URL. "www.x.fr" → "https://www.x.fr", "x.fr/page" → "https://x.fr/page";
 * values with http:// or https:// are kept as given (scheme lower-cased), trailing punctuation
 * removed. A doubled scheme "http://https//x.fr" is repaired to "https://x.fr", with a note.
 * Fails for e-mail addresses, text ("facebook : festival xyz"), relative paths, values with
 * spaces, and host names that cannot exist ("www.com", "http://afri").
 */
export function toUrl(value: string): TransformResult {
  let v = value.replace(/^[<("«\s]+/, '').replace(TRAILING_PUNCTUATION, '');
  if (v.endsWith(')') && !v.includes('(')) v = v.slice(0, -1);
  let note: string | undefined;
  const doubled = /^(https?):?\/*(https?):?\/+/i.exec(v);
  if (doubled) {
    v = `${(doubled[2] ?? 'https').toLowerCase()}://${v.slice(doubled[0].length)}`;
    note = `malformed URL ${JSON.stringify(value)} repaired to ${JSON.stringify(v)}`;
  }
  const scheme = /^(https?):\/*/i.exec(v);
  if (scheme) {
    const fixed = `${(scheme[1] ?? '').toLowerCase()}://${v.slice(scheme[0].length)}`;
    if (note === undefined && !/^https?:\/\/[^/]/i.test(v)) {
      note = `malformed URL ${JSON.stringify(value)} repaired to ${JSON.stringify(fixed)}`;
    }
    v = fixed;
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(v) && !/^[^:/]+:\d+(?:[/?#]|$)/.test(v)) {
    return fail(`${JSON.stringify(value)} is not a web address`);
  } else if (/^[^\s@/:]+@[^\s@]+\.[^\s@]+$/.test(v)) {
    return fail(`${JSON.stringify(value)} is an e-mail address, not a web address`);
  } else {
    v = `https://${v.replace(/^\/\//, '')}`;
  }
  if (/\s/.test(v)) return fail(`${JSON.stringify(value)} is not a web address (it contains spaces)`);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return fail(`${JSON.stringify(value)} is not a web address`);
  }
  if (!isValidHost(url.hostname) || url.username !== '' || url.password !== '') {
    return fail(`${JSON.stringify(value)} is not a web address (no valid host name)`);
  }
  if (looksCutShort(url.hostname)) {
    // Kept as the organiser wrote it (the row has a website), but flagged for a human to check.
    note = `${JSON.stringify(value)} looks cut short ("www." then a single label, no top-level domain): its QR code encodes it as written; check it with the organiser`;
  }
  if (!/^https?:\/\/[^\s/]+\.[^\s/]+/.test(v)) return fail(`${JSON.stringify(value)} is not a web address`);
  // Host names are case-insensitive: "WWW.X.FR" → "www.x.fr" (ASCII hosts only; the rest is kept as given).
  v = v.replace(/^(https?:\/\/)([^/?#]+)/, (_m, s: string, host: string) => s + (/^[\x20-\x7e]+$/.test(host) ? host.toLowerCase() : host));
  return ok(v, note);
}

/** A host name with at least two labels and an alphabetic top-level domain (or an IPv4 address). */
function isValidHost(host: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return true;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => !/^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/.test(l))) return false;
  const tld = labels[labels.length - 1] ?? '';
  return /^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/.test(tld);
}

/** "www.printempsdescom": "www." and one more label, where a domain and its TLD were expected. */
function looksCutShort(host: string): boolean {
  const labels = host.split('.');
  return labels[0] === 'www' && labels.length === 2;
}

// ---------------------------------------------------------------------------------------
// boolean, list

const TRUE = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x']);
const FALSE = new Set(['non', 'n', 'no', 'false', 'faux', '0']);

/** true for oui/yes/true/vrai/1/x, false for non/no/false/faux/0 (any case); fails otherwise. */
export function toBoolean(value: string): TransformResult {
  const v = value.toLocaleLowerCase('fr');
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return fail(`${JSON.stringify(value)} is neither yes nor no (expected oui/non, yes/no, true/false, 1/0)`);
}

/** A list from a value separated by commas, semicolons, pipes or line breaks, without duplicates. */
export function toList(value: string): TransformResult {
  const items = [...new Set(value.split(/\s*[,;|\n]\s*/).filter((s) => s !== ''))];
  return ok(items);
}
