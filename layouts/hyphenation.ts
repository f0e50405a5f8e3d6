import { syllables } from '@react-pdf/hyphenate/fr';

/*
 * How react-pdf 4.9 breaks lines (@react-pdf/textkit: wrapWords, getNodes, breakLines), which
 * these callbacks rely on: the text is cut into words at spaces (U+0020 only), each word is
 * cut into parts by the hyphenation callback, and the parts become Knuth–Plass nodes. Two
 * adjacent parts get a penalty between them: a break there costs the hyphenation penalty and
 * textkit draws a "-" at the end of the line. An EMPTY part becomes a glue node of zero width:
 * a break there costs nothing and adds nothing — no hyphen, no character, the text stays as
 * written. So a callback returns ['ab', 'cd'] for "ab-⏎cd" and ['ab', '', 'cd'] for "ab⏎cd".
 */

/** An empty part: a break opportunity without a hyphen (a zero-width glue in textkit). */
const FREE = '';

/**
 * Words of this many characters or more are over-long: no frame of encre's layouts is sure
 * to hold them, so they may break wherever they must (last resort). Shorter words follow
 * the usual rules, and a word that still does not fit is caught by the layout preflight.
 */
export const OVERLONG_WORD = 24;

/** URLs and e-mail addresses shorter than this (in characters) are kept whole. */
const SHORT_ADDRESS = 12;

/** Longest piece of an over-long word or an address left unbroken, in characters. */
const MAX_PIECE = 8;
/** Longest piece of a URL or e-mail address between two of its punctuation marks, in characters. */
const MAX_ADDRESS_PIECE = 14;
/** Length of the pieces a too-long piece is cut into, in characters. */
const CHUNK = 4;

/** Punctuation that may open or close a word around an address: « (https://…) », "x.org.". */
const LEADING = /^[(\[<«"'‘“\u00A0\u202F]+/;
const TRAILING = /[)\]>»"'’”.,;:!?\u00A0\u202F]+$/;

/**
 * Is `word` (as textkit gives it: no U+0020 inside) a URL or an e-mail address? A scheme
 * ("https://", "mailto:"), "www.", "name@domain.tld", or a bare domain with an optional path
 * ("mois-ess.example/languedoc", lower-case top-level domain).
 */
export function isAddress(word: string): boolean {
  const core = word.replace(LEADING, '').replace(TRAILING, '');
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(core) ||
    /^mailto:/i.test(core) ||
    /^www\./i.test(core) ||
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(core) ||
    /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,}(?:[/?#]\S*)?$/u.test(core)
  );
}

/**
 * Where a URL or an e-mail address may break, without a hyphen (textkit adds none at an empty
 * part): after "//" (and after the "mailto:" scheme), before a single "/", ".", "-", "_", "?",
 * "#", "~" or "%", before or after "=" and "&", after "@". The Chicago Manual of Style (17th
 * ed., 6.8) and the Université de Montréal's citation guide (« il ne faut jamais couper une
 * url après un tiret ») break before "." and "-", never after: a line ending in "-" would
 * read as a hyphenation hyphen and one ending in "." as the end of a sentence, and the
 * reader would mistype the address. A piece longer than 14 characters between two such
 * marks is cut every 4 characters (last resort).
 * @returns the parts of `word` for textkit (empty parts between them), joining back to `word`.
 */
export function breakAddress(word: string): string[] {
  const lead = LEADING.exec(word)?.[0] ?? '';
  const tail = TRAILING.exec(word.slice(lead.length))?.[0] ?? '';
  const core = word.slice(lead.length, word.length - tail.length);
  const before = new Set(['/', '.', '-', '_', '?', '#', '~', '%', '=', '&']);
  const after = new Set(['=', '&', '@']);
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < core.length; i++) {
    const prev = core[i - 1]!;
    const next = core[i]!;
    const doubleSlash = prev === '/' && core[i - 2] === '/' && next !== '/';
    const scheme = /^mailto:$/i.test(core.slice(0, i));
    const beforeMark = before.has(next) && !before.has(prev) && !after.has(prev) && !(next === '/' && (core[i + 1] === '/' || prev === ':'));
    if (doubleSlash || scheme || beforeMark || (after.has(prev) && !before.has(next) && !after.has(next))) {
      pieces.push(core.slice(start, i));
      start = i;
    }
  }
  pieces.push(core.slice(start));
  const parts = pieces.flatMap((p) => (p.length > MAX_ADDRESS_PIECE ? chunks(p, CHUNK) : [p]));
  parts[0] = lead + parts[0]!;
  parts[parts.length - 1] += tail;
  return parts.flatMap((p, i) => (i === 0 ? [p] : [FREE, p]));
}

/**
 * The last resort for an over-long word (not an address): a 60-letter word, a 40-digit
 * number, a code. It breaks after the hyphens of a compound word and after a slash or a
 * no-break space (a grouped number) with no hyphen added — the French rule for compounds
 * (« Rouyn-⏎Noranda »); then its words of letters break at their syllables, with a hyphen
 * (Liang patterns for French, also for capitalised words); a piece still longer than 8
 * characters is cut every 4 characters, with a hyphen between two letters and without one
 * elsewhere (digits: a hyphen would read as a minus sign or a dash).
 * @returns the parts of `word` for textkit (empty parts mark breaks without a hyphen).
 */
export function breakOverlong(word: string): string[] {
  const parts: string[] = [];
  word.split(/(?<=[-/\u00A0\u202F])(?=.)/u).forEach((compound, c) => {
    if (c > 0) parts.push(FREE);
    const mark = /[-/\u00A0\u202F]$/u.exec(compound)?.[0] ?? '';
    const body = compound.slice(0, compound.length - mark.length);
    // A copy: @react-pdf/hyphenate caches the arrays it returns.
    const syllabled = /^[\p{L}’']{7,}$/u.test(body) ? [...syllables(body)] : [body];
    syllabled[syllabled.length - 1] += mark;
    for (const s of syllabled) {
      const pieces = s.length > MAX_PIECE ? chunks(s, CHUNK) : [s];
      pieces.forEach((p, j) => {
        if (j > 0 && !(/\p{L}$/u.test(pieces[j - 1]!) && /^\p{L}/u.test(p))) parts.push(FREE);
        parts.push(p);
      });
    }
  });
  return parts;
}

/** "abcdefghij" → ["abcd", "efgh", "ij"]: pieces of `size` characters (code points), the last one shorter. */
function chunks(s: string, size: number): string[] {
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  // A last piece of one character joins the one before: no line starts with a lone letter.
  if (out.length > 1 && [...out[out.length - 1]!].length === 1) out.splice(-2, 2, out[out.length - 2]! + out[out.length - 1]!);
  return out;
}

/**
 * Breaks every text needs whatever its style: an address (URL, e-mail) of 12 characters or
 * more breaks at its punctuation without a hyphen, an over-long word (24 characters or more)
 * by the last resort; undefined for any other word (and for white space).
 */
function mustBreak(word: string): string[] | undefined {
  if (word.trim() === '') return undefined;
  if (word.length >= SHORT_ADDRESS && isAddress(word)) return breakAddress(word);
  // Words tied by a no-break space (a paragraph's last two words, a word and its « ? ») are
  // measured one by one: a tie of ordinary words is not an over-long word. A number grouped
  // by thousands (« 1 234 567 ») is one word, measured whole.
  const measured = /\d[\u00A0\u202F]\d/u.test(word) ? word.length : Math.max(...word.split(TIE).map((w) => w.length));
  if (measured >= OVERLONG_WORD) return breakOverlong(word);
  return undefined;
}

/** A no-break space (U+00A0) or narrow no-break space (U+202F): the words around it are tied. */
const TIE = /[\u00A0\u202F]/u;


/**
 * French hyphenation (Liang patterns shipped as @react-pdf/hyphenate/fr) for running text,
 * registered for every text (src/render/fonts.ts): splits a word into the parts react-pdf may
 * break between (a hyphen is drawn at a break between two parts, none at an empty part).
 * Words shorter than 7 letters, capitalised words (names, places) and words with digits or
 * punctuation are kept whole; URLs and e-mail addresses break at their punctuation without
 * a hyphen, and a word of 24 characters or more breaks as a last resort (see
 * {@link breakAddress} and {@link breakOverlong}) so that nothing runs past its frame.
 * @param word a word as textkit cuts it (no U+0020 inside; may be white space)
 * @returns its parts, joining back to `word`
 */
export function hyphenateFrench(word: string): string[] {
  const forced = mustBreak(word);
  if (forced) return forced;
  // Words tied by a no-break space (a paragraph's last two words, tied by tieLastWords; a
  // word and its « : ») stay whole: a paragraph never ends on a word's fragment
  // (« acco-⏎mpagnateurs. »). Parts holding a no-break space between two breaks upset
  // react-pdf 4.9's line layout (text lost): the tie is one part.
  if (TIE.test(word)) return [word];
  if (word.length < 7 || /[\/@.:0-9]/.test(word) || isProperName(word) || /\u00AD/.test(word)) return [word];
  return syllables(word);
}

/**
 * Liang patterns by language (the `hyphen` package, ISC, through @react-pdf/hyphenate: the
 * TeX hyph-utf8 patterns): English (US), German (1996 spelling), Spanish, Italian, Catalan.
 * Read only for the languages a campaign has ({@link loadHyphenation}): the five cost about
 * 0.2 s to load, in each thread that renders.
 */
const PATTERNS: Record<string, () => Promise<{ syllables: (word: string) => Iterable<string> }>> = {
  en: () => import('@react-pdf/hyphenate/en-us'),
  de: () => import('@react-pdf/hyphenate/de-1996'),
  es: () => import('@react-pdf/hyphenate/es'),
  it: () => import('@react-pdf/hyphenate/it'),
  ca: () => import('@react-pdf/hyphenate/ca'),
};

/** The patterns loaded so far, by language (French's are always there). */
const SYLLABLES: Record<string, (word: string) => string[]> = {};

/** The base language of a BCP 47 tag, lower case: « en-GB » → « en »; French when none. */
function baseOf(lang: string | undefined): string {
  return (lang ?? 'fr').toLowerCase().split('-')[0]!;
}

/**
 * Reads the hyphenation patterns of `langs` (BCP 47 tags: the campaign's and its events'),
 * once per thread, before anything is laid out in them ({@link hyphenatorFor} is synchronous).
 * Languages without patterns are kept whole and need nothing.
 */
export async function loadHyphenation(langs: Iterable<string | undefined>): Promise<void> {
  for (const base of new Set([...langs].map(baseOf))) {
    const load = PATTERNS[base];
    if (load && !SYLLABLES[base]) {
      const { syllables: split } = await load();
      SYLLABLES[base] = (w) => [...split(w)];
    }
  }
}

/**
 * The hyphenation callback for text in `lang` (BCP 47): French for French (and no language),
 * the language's own patterns for en, de, es, it and ca, with the same rules as
 * {@link hyphenateFrench} (short words, words with digits or punctuation and capitalised
 * words kept whole — except in German, whose nouns all start with a capital); any other
 * language's words are kept whole (addresses and over-long words still break).
 * @returns a callback for a Text's `hyphenationCallback`
 * @throws Error (internal) for a language with patterns not loaded by {@link loadHyphenation}
 */
export function hyphenatorFor(lang: string | undefined): (word: string) => string[] {
  const base = baseOf(lang);
  if (base === 'fr') return hyphenateFrench;
  const split = SYLLABLES[base];
  if (split === undefined && PATTERNS[base]) throw new Error(`internal: the hyphenation patterns of "${base}" were not loaded (loadHyphenation before laying out)`);
  if (split === undefined) return keepTitleWords;
  return (word: string) => {
    const forced = mustBreak(word);
    if (forced) return forced;
    if (TIE.test(word)) return [word];
    if (word.length < 7 || /[\/@.:0-9]/.test(word) || (base !== 'de' && /^\p{Lu}/u.test(word)) || /\u00AD/.test(word)) return [word];
    return split(word);
  };
}

/**
 * Hyphenation for titles and headings: a word is kept whole unless it is a long common noun
 * (12 letters or more, not capitalised), which may break in a narrow column
 * ("cinémato-graphiques") rather than run past it; addresses and over-long words break as in
 * {@link hyphenateFrench}.
 * @returns the parts of `word` for textkit
 */
export function hyphenateTitle(word: string): string[] {
  return mustBreak(word) ?? (word.length >= 12 ? hyphenateFrench(word) : [word]);
}

/**
 * Keeps words whole: for display lines, names of places and organisations (flyer highlights,
 * the introduction's lead, the covers' titles). A compound may break after its own hyphens,
 * with no hyphen added (the French rule for common compounds), a proper name never
 * (« Tarn-et-Garonne », « Languedoc-Roussillon »: {@link compoundPieces}); addresses and over-long
 * words break as in {@link hyphenateFrench}, so that nothing runs past the frame.
 * @returns the parts of `word` for textkit: `[word]` for any ordinary word; a compound's
 *   pieces with empty parts (breaks without a hyphen) between them.
 */
export function keepWordsWhole(word: string): string[] {
  const forced = mustBreak(word);
  if (forced) return forced;
  return compoundPieces(word).flatMap((p, i) => (i === 0 ? [p] : [FREE, p]));
}

/**
 * Is `word` a proper name (its first letter, after any opening punctuation, a capital)? A
 * compound proper name — a place (« Tarn-et-Garonne », « (Pyrénées-Orientales) »,
 * « Languedoc-Roussillon »), a person (« Jean-Pierre ») — never breaks inside.
 */
export function isProperName(word: string): boolean {
  return /^\p{Lu}/u.test(word.replace(LEADING, ''));
}

/**
 * The pieces a display word may break between, without a hyphen added: a common compound
 * after its own hyphens (« arts-⏎plastiques »); a proper name — a place name, a person —
 * never ({@link isProperName}). layouts/fit.ts measures display lines with the same pieces.
 */
export function compoundPieces(word: string): string[] {
  // Words tied by a no-break space (« en Languedoc-Roussillon », a heading's last two) are
  // judged one by one: a hyphen may break only inside a common compound.
  const pieces: string[] = [];
  let current = '';
  for (const part of word.split(/(?<=\p{L}-)(?=\p{L})/u)) {
    const words = current.split(TIE);
    if (current !== '' && !isProperName(words[words.length - 1]!)) {
      pieces.push(current);
      current = part;
    } else current += part;
  }
  pieces.push(current);
  return pieces;
}

/**
 * Keeps every word whole, compounds included (« Franco-Russes » never breaks after its
 * hyphen): for the programme's event titles, short lines where a break inside a compound
 * reads badly. Addresses and over-long words break as in {@link hyphenateFrench}, so that
 * nothing runs past the frame.
 * @returns `[word]` for any ordinary word.
 */
export function keepTitleWords(word: string): string[] {
  return mustBreak(word) ?? [word];
}

/**
 * Ties the last two words of a display line (a tagline, a lead) with a no-break space, so
 * that a line that wraps never leaves one word alone on its last line — unless the two words
 * together are longer than `maxChars` characters (then tied they could not fit a narrow frame).
 * @returns the text with its last ordinary space replaced by U+00A0 (unchanged without one).
 */
export function tieLastWords(text: string, maxChars = 18): string {
  if (maxChars <= 0) return text;
  const at = text.trimEnd().lastIndexOf(' ');
  if (at <= 0) return text;
  const before = text.lastIndexOf(' ', at - 1);
  if (text.trimEnd().length - (before + 1) > maxChars) return text;
  return `${text.slice(0, at)}\u00a0${text.slice(at + 1)}`;
}

/**
 * Short words a line must not end on — articles, prepositions, conjunctions (« le », « la »,
 * « les », « un », « une », « des », « du », « de », « à », « au », « aux », « en », « et ») —
 * followed by the space that ties them to the next word.
 */
const SHORT_WORD = /(?<![\p{L}\p{N}’'-])(le|la|les|un|une|des|du|de|à|au|aux|en|et) (?=\S)/giu;

/**
 * The ties of a card's short lines (titles, places, descriptions, dates): each short word
 * (see {@link SHORT_WORD}) tied to the word after it by a no-break space (no « Le⏎ », « du 20
 * au⏎22 avril »), a hyphen between spaced words turned into an en dash (« Foix - Lavelanet » →
 * « Foix – Lavelanet »), and a spaced dash tied to the word before it (no line starts with a
 * dash). Words tied this way are one word for textkit (never hyphenated, see hyphenateFrench).
 * @returns the text, some of its spaces replaced by U+00A0.
 */
export function tieShortWords(text: string): string {
  return text
    .replace(/(?<=\S) - (?=\S)/g, ' – ')
    .replace(/ ([–—])(?= )/g, '\u00a0$1')
    .replace(SHORT_WORD, '$1\u00a0');
}

