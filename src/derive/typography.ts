import { NBSP, NNBSP } from './french.js';
import { KeptMap } from '../cache/kept.js';

/**
 * URLs (any scheme, in either case; « www. »; mailto:), e-mail addresses and bare domains with
 * an optional path (« festival-2eme-edition.fr/programme »: a lower-case top-level domain, as
 * layouts/hyphenation.ts recognises them), without the punctuation that ends a sentence.
 */
const URL_OR_EMAIL = /(?:\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|\b[mM][aA][iI][lL][tT][oO]:|\b[wW]{3}\.)\S+[^\s.,;:!?)»]|[\w.+-]+@[\w-]+\.[\w.-]*\w|(?<![\p{L}\d@.-])[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,}(?:[/?#]\S*[^\s.,;:!?)»])?/gu;

/**
 * French typography for running text (titles, descriptions, names): Unicode NFC, typographic
 * apostrophe, narrow no-break space (U+202F) before ; ! ? and inside « », no-break space
 * (U+00A0) before :, single spaces, no zero-width characters or soft hyphens, ligature
 * characters (U+FB00–FB06) written as their letters, thousands
 * grouped with narrow no-break spaces (« 12 500 », « 1 500 € », not years nor postal codes),
 * ordinals with superscript letters (« 1ᵉʳ », « 1ʳᵉ », « 3ᵉ édition »), a no-break space
 * between a day and its month, a weekday and its date, a count and its noun. URLs and e-mail addresses are kept exactly as written.
 * Source: Imprimerie nationale, « Lexique des règles typographiques en usage à l'Imprimerie nationale ».
 */
export function frenchText(input: string): string {
  let out = setBefore.get(input);
  if (out === undefined) setBefore.set(input, (out = frenchTextAnew(input)));
  return out;
}

/**
 * Texts set before, by input: the model is derived again at each of the preview's rebuilds
 * (the same titles and descriptions), and the print and screen files share their texts.
 * At most 20,000 texts (a few megabytes).
 */
const setBefore = new KeptMap<string, string>(20_000);

function frenchTextAnew(input: string): string {
  // Each rule adds a space before punctuation a rule before it may have exposed ("a:»" gets
  // the space before », which then makes ":" end a word): passes until nothing changes.
  let out = oneTypesettingPass(input);
  for (let pass = 0; pass < 4; pass++) {
    const again = oneTypesettingPass(out);
    if (again === out) break;
    out = again;
  }
  return out;
}

function oneTypesettingPass(input: string): string {
  const text = input
    // Ligatures typed as characters (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ, pasted from PDFs): back to their letters,
    // which the font ligates itself where it should (and a search for "fil" finds them);
    // before NFC, so that an accent typed after one composes with its last letter.
    .replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'))
    .normalize('NFC')
    // Invisible characters from word processors and web pages: zero-width spaces and joiners,
    // byte-order marks, soft hyphens (hyphenation is encre's job). Removed, never printed.
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    // Variation selectors (« ❤️ » is « ❤ » asking for its colour form): the glyph is drawn
    // without them (monochrome), never reported as a character no font prints.
    .replace(/[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g, '')
    // Line breaks typed in a spreadsheet cell or a YAML block: the text reflows in its frame
    // (react-pdf 4.9 also fails on a line feed inside a text run).
    .replace(/\s*[\r\n]+\s*/g, ' ');
  // URLs and e-mail addresses are kept as written; the rules apply to the text between them.
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_OR_EMAIL)) {
    out += typeset(text.slice(last, m.index), false) + m[0];
    last = m.index + m[0].length;
  }
  return (out + typeset(text.slice(last), true)).trim();
}

/**
 * Whether a language code (BCP 47: "fr", "fr-CA", "en", "de-DE") is French; no code (a
 * campaign that does not say) is French.
 */
export function isFrench(lang: string | undefined): boolean {
  return lang === undefined || /^fr(?:-|$)/i.test(lang);
}

/**
 * Typography for text in a language other than French: the same clean-up as frenchText
 * (Unicode NFC, ligature characters written as their letters, invisible characters,
 * variation selectors and line breaks removed, single spaces) without French spacing,
 * apostrophes, ordinals or number grouping: « Hidden Services: what are they good for? »
 * stays as written.
 */
export function plainText(input: string): string {
  return input
    .replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'))
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The typography of a language: frenchText for French (and no language given), plainText otherwise. */
export function typographyFor(lang: string | undefined): (text: string) => string {
  return isFrench(lang) ? frenchText : plainText;
}

/** The rules, on a piece of text between addresses; `last`: nothing follows it (no address glued to its end). */
function typeset(s: string, last: boolean): string {
  return s
    // A run of spaces becomes one; a no-break space in the run (from encre's own date and
    // number formatting, or typed on purpose) is kept as the one.
    .replace(/[ \t\u00A0\u202F]+/g, (run) => (run.includes('\u202F') ? NNBSP : run.includes('\u00A0') ? NBSP : ' '))
    .replace(/'/g, '’')
    .replace(/[ \u00A0\u202F]?([;!?]+)/g, `${NNBSP}$1`)
    // A colon (or a run of them, "::") that ends a word, as a whole: the space before the run.
    .replace(last ? /[ \u00A0\u202F]?(:+)(?=\s|$)/g : /[ \u00A0\u202F]?(:+)(?=\s)/g, `${NBSP}$1`)
    .replace(/«[ \u00A0\u202F]?/g, `«${NNBSP}`)
    .replace(/[ \u00A0\u202F]?»/g, `${NNBSP}»`)
    // Ordinals with superscript letters, as encre writes its own dates (« 1ᵉʳ novembre »):
    // « 1er » → « 1ᵉʳ », « 1re », « 1ère » → « 1ʳᵉ », « 2ème » → « 2ᵉ »; « 2e » only before a
    // noun an ordinal counts (« 3e édition »): « 12e » alone is often a price in euros.
    .replace(/(?<![\p{L}\p{N}])1er(?![\p{L}\p{N}])/gu, '1\u1D49\u02B3')
    .replace(/(?<![\p{L}\p{N}])1(?:re|ère|ere)(?![\p{L}\p{N}])/gu, '1\u02B3\u1D49')
    .replace(/(?<![\p{L}\p{N}.,])([2-9]|[1-9]\d+)(?:ème|eme)(?![\p{L}\p{N}])/gu, '$1\u1D49')
    .replace(ORDINAL_BEFORE_NOUN, '$1\u1D49$2')
    // A day of the month stays with its month (« 30 novembre » never split across lines).
    .replace(DAY_AND_MONTH, `$1${NBSP}$2`)
    // A weekday stays with its date (« mardi 18 octobre »), a count with what it counts
    // (« 120 rendez-vous », « 4 000 programmes »).
    .replace(WEEKDAY_AND_DAY, `$1${NBSP}`)
    .replace(COUNT_AND_NOUN, `$1${NBSP}`)
    .replace(BIG_NUMBER, (m: string, n: string, at: number, all: string) => (isCode(n, all, at) ? m : groupThousands(n)))
    .replace(COUNTED_NUMBER, (_m, n: string, space: string, unit: string) => `${groupThousands(n)}${space ? NBSP : ''}${unit}`);
}

/**
 * Numbers of five digits or more (not a postal code: five digits before a capitalised word,
 * « 34000 Montpellier »), grouped by thousands: « 12500 » → « 12 500 ».
 */
const BIG_NUMBER = /(?<![\p{L}\d.,])(\d{5,})(?![\d.,])/gu;

/**
 * Whether digits are a code rather than a quantity: a leading zero (a telephone number), or
 * five digits that read as a postal code — before a capitalised word (« 34000 Montpellier »),
 * after one (« Montpellier 34000 », « BP 12345 »), or in parentheses (« (34000) »).
 */
function isCode(digits: string, all: string, at: number): boolean {
  if (digits.startsWith('0')) return true;
  if (digits.length !== 5) return false;
  const before = all.slice(0, at);
  const after = all.slice(at + digits.length);
  return /^[ \u00A0]\p{Lu}/u.test(after) || /\p{Lu}[\p{L}-]*[ \u00A0]$/u.test(before) || (before.endsWith('(') && after.startsWith(')'));
}
/** Four-digit numbers followed by a unit or a currency (not years): « 1500 euros » → « 1 500 euros ». */
const COUNTED_NUMBER = /(?<![\d.,])(\d{4})(?![\d.,])([ \u00A0]?)(€|euros?\b|km\b|m²|mètres\b|kg\b|tonnes\b|habitants\b|personnes\b|participants\b|visiteurs\b|emplois\b|salariés\b|bénévoles\b|adhérents\b|entreprises\b)/gu;

/** « 3e édition », « 15e Festival »: a number and « e » before a noun that ordinals count (« places » is not one: « 8e places limitées » is a price). */
const ORDINAL_BEFORE_NOUN = /(?<![\p{L}\p{N}.,])([2-9]|[1-9]\d+)e([ \u00A0]+(?:éditions?|siècles?|anniversaires?|années?|arrondissements?|étages?|rencontres?|festivals?|forums?|salons?|biennales?|fois|journées?|semaines?|sessions?|saisons?|promotions?|rangs?|étapes?|manches?))(?![\p{L}\p{N}])/giu;

/** « 30 novembre », « 1ᵉʳ décembre »: the day, a space, the month. */
const DAY_AND_MONTH = /(?<![\p{L}\p{N},.])([1-9]|[12]\d|3[01]|1\u1D49\u02B3) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)(?![\p{L}\p{N}])/gu;

/** « mardi 18 », « samedi 1ᵉʳ »: a weekday, a space, the day of the month. */
const WEEKDAY_AND_DAY = /(?<![\p{L}\p{N}])(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (?=\d)/giu;

/**
 * « 120 rendez-vous », « 8 départements », « 4 000 programmes »: a number of one to three
 * digits (or the last group of one grouped by thousands), a space, a word in lower case. Not
 * a year (four digits) nor a number in a list (« 12, 13 »).
 */
const COUNT_AND_NOUN = /(?<![\p{L}\d.,])(\d{1,3}) (?=\p{Ll})/gu;

/** "12500" → "12 500" (narrow no-break spaces). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}
