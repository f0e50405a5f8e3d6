/**
 * Checks of a theme's colours as the documents print them: contrast of the text/background
 * pairs (WCAG 2.1), and how far apart the section colours of a document are (CIEDE2000).
 * Pure functions on the loaded theme: the build reports what they find as warnings (build
 * log and preflight.json), it never fails on them.
 */
// culori's one-file build (see src/assets/svg.ts).
import culori from 'culori/require';
import type { Theme, ColourName } from '../../layouts/theme-schema.js';

const { differenceCiede2000, parse } = culori;

/**
 * Relative luminance of an sRGB colour, WCAG 2.1 (definition "relative luminance",
 * https://www.w3.org/TR/WCAG21/#dfn-relative-luminance): each channel linearised
 * (c ≤ 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ^ 2.4), then 0.2126 R + 0.7152 G + 0.0722 B.
 * @param rgb "#rrggbb".
 * @returns 0 (black) to 1 (white).
 */
export function relativeLuminance(rgb: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(rgb.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Contrast ratio of two sRGB colours, WCAG 2.1 (definition "contrast ratio"):
 * (L1 + 0.05) / (L2 + 0.05), L1 the lighter's relative luminance.
 * @returns 1 (same luminance) to 21 (black on white).
 */
export function contrastRatio(a: string, b: string): number {
  const [l1, l2] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/**
 * The minimum contrast of WCAG 2.1 success criterion 1.4.3 (Contrast (Minimum), level AA):
 * 4.5 : 1, or 3 : 1 for large-scale text (at least 18 pt, or 14 pt bold).
 * @param sizePt the type size in pt; @param bold weight 600 or more.
 */
export function minimumContrast(sizePt: number, bold: boolean): number {
  return sizePt >= 18 || (bold && sizePt >= 14) ? 3 : 4.5;
}

/**
 * CIEDE2000 colour difference ΔE00 of two sRGB colours (CIE 142-2001; Sharma, Wu & Dalal
 * 2005), computed by culori from their CIELAB (D65) values.
 */
export function deltaE2000(a: string, b: string): number {
  return differenceCiede2000()(parse(a)!, parse(b)!);
}

/** Two section colours closer than this (ΔE00) are hard to tell apart in print and on screen. */
export const MIN_SECTION_DELTA_E = 10;

/** A colour of the theme as a token: a named colour, a section colour by index, or its text variant. */
type Token = ColourName | { section: number } | { sectionText: number };

/** A text/background pair a document prints: the type it is set in and the documents. */
interface Pair {
  text: Token;
  on: Token;
  /** The type scale step and whether it is set bold (600 or more). */
  step: keyof Theme['type'];
  bold: boolean;
  what: string;
  documents: string[];
}

const ALL = ['programme', 'affiche', 'flyer', 'dossier-de-presse'];

/**
 * The pairs the components print (layouts/), with the smallest type each is set in.
 * Section colours: see {@link sectionPairs}.
 */
const PAIRS: Pair[] = [
  { text: 'text', on: 'paper', step: 'body', bold: false, what: 'body text', documents: ALL },
  { text: 'muted', on: 'paper', step: 'small', bold: false, what: 'secondary text (places, captions)', documents: ALL },
  { text: 'ink', on: 'paper', step: 'h3', bold: true, what: 'headings', documents: ALL },
  { text: 'ink', on: 'tint', step: 'h3', bold: true, what: 'headings on tinted panels', documents: ['flyer', 'dossier-de-presse'] },
  { text: 'brand', on: 'paper', step: 'h2', bold: true, what: 'headings, figures and bullets in the brand colour', documents: ['affiche', 'flyer', 'dossier-de-presse'] },
  { text: 'brandText', on: 'paper', step: 'caption', bold: true, what: 'dates, links and kickers in the brand colour', documents: ['affiche', 'flyer', 'dossier-de-presse'] },
  { text: 'brandText', on: 'tint', step: 'body', bold: true, what: 'links and headings on tinted panels', documents: ['programme', 'flyer'] },
  { text: 'paper', on: 'brand', step: 'lead', bold: true, what: 'the covers’ edition, period and count', documents: ['programme', 'flyer'] },
  { text: 'paper', on: 'brand', step: 'h3', bold: true, what: 'the cover’s « Dossier de presse »', documents: ['dossier-de-presse'] },
  { text: 'paper', on: 'brand', step: 'h2', bold: true, what: 'the affiche’s edition and tagline', documents: ['affiche'] },
  { text: 'paper', on: 'ink', step: 'lead', bold: true, what: 'the back cover’s text', documents: ['programme'] },
  { text: 'onInk', on: 'ink', step: 'lead', bold: true, what: 'the back cover’s link', documents: ['programme'] },
  { text: 'onBrand', on: 'brand', step: 'h3', bold: true, what: 'the period on the brand colour', documents: ['flyer'] },
  { text: 'onBrand', on: 'brand', step: 'lead', bold: true, what: 'the dossier cover’s edition', documents: ['dossier-de-presse'] },
  { text: 'onBrand', on: 'brand', step: 'h2', bold: true, what: 'the period on the brand colour', documents: ['affiche', 'dossier-de-presse'] },
];

/** A colour's name in messages and its RGB. */
function token(theme: Theme, t: Token): { name: string; rgb: string } {
  if (typeof t === 'string') return { name: `colours.${t}`, rgb: theme.colours[t].rgb };
  if ('sectionText' in t) {
    const variant = theme.sectionText[t.sectionText];
    if (variant) return { name: `sectionText[${t.sectionText}]`, rgb: variant.rgb };
    return { name: `sectionColours[${t.sectionText}]`, rgb: theme.sectionColours[t.sectionText]!.rgb };
  }
  return { name: `sectionColours[${t.section}]`, rgb: theme.sectionColours[t.section]!.rgb };
}

/**
 * The section colour pairs: each colour's text variant (theme.sectionText, else the colour)
 * as small text on paper (cards' dates and categories), the colour itself as headings on
 * paper, and paper on it (badges).
 */
function sectionPairs(sections: number, length: number): Pair[] {
  return Array.from({ length: Math.min(sections, length) }, (_, i): Pair[] => [
    { text: { sectionText: i }, on: 'paper', step: 'caption', bold: true, what: 'a section’s dates and categories', documents: ['programme'] },
    { text: { section: i }, on: 'paper', step: 'h2', bold: true, what: 'a section’s headings', documents: ['programme', 'dossier-de-presse'] },
    { text: 'paper', on: { section: i }, step: 'caption', bold: true, what: 'a section’s badge in the contents', documents: ['programme'] },
  ]).flat();
}

/** A warning about the theme, for the documents it concerns. */
export interface ThemeWarning {
  message: string;
  /** Document ids ("programme") the pair or colours are printed in. */
  documents: string[];
}

/**
 * Text/background pairs below WCAG 2.1 SC 1.4.3's minimum contrast (4.5 : 1; 3 : 1 for
 * large type, ≥ 18 pt or ≥ 14 pt bold), computed from the screen RGB of each colour.
 * @param sections the number of sections the programme has (section colours beyond are not printed).
 * @param themeFile the theme file, named in each message.
 * @returns one warning per pair (a colour pair printed at several places: the smallest type).
 */
export function checkContrast(theme: Theme, sections: number, themeFile: string): ThemeWarning[] {
  const warnings: ThemeWarning[] = [];
  const seen = new Map<string, ThemeWarning>();
  for (const p of [...PAIRS, ...sectionPairs(sections, theme.sectionColours.length)]) {
    const fg = token(theme, p.text);
    const bg = token(theme, p.on);
    const size = theme.type[p.step][0];
    const ratio = contrastRatio(fg.rgb, bg.rgb);
    const min = minimumContrast(size, p.bold);
    if (ratio >= min) continue;
    // One warning per pair of tokens and threshold (the first, smallest use named), for every document that prints it.
    const key = `${fg.name}/${bg.name}/${min}`;
    const known = seen.get(key);
    if (known) {
      known.documents = [...new Set([...known.documents, ...p.documents])];
      continue;
    }
    const w: ThemeWarning = {
      message: `theme ${themeFile}: ${fg.name} (${fg.rgb}) on ${bg.name} (${bg.rgb}), ${p.what} at ${size} pt${p.bold ? ' bold' : ''}: contrast ${ratio.toFixed(2)} : 1, below WCAG 2.1's ${min} : 1`,
      documents: p.documents,
    };
    seen.set(key, w);
    warnings.push(w);
  }
  return warnings;
}

/**
 * Section colours of one document closer than {@link MIN_SECTION_DELTA_E} (CIEDE2000), among
 * those the document uses: the first `sections` (colours are used in turn).
 * @param documents the documents that print the section colours.
 * @returns one warning per close pair.
 */
export function checkSectionColours(theme: Theme, sections: number, themeFile: string, documents: string[] = ['programme', 'dossier-de-presse']): ThemeWarning[] {
  const used = theme.sectionColours.slice(0, Math.min(sections, theme.sectionColours.length));
  const warnings: ThemeWarning[] = [];
  for (let i = 0; i < used.length; i++) {
    for (let j = i + 1; j < used.length; j++) {
      const a = used[i]!;
      const b = used[j]!;
      if (a.rgb.toLowerCase() === b.rgb.toLowerCase() && a.cmyk.join() === b.cmyk.join()) continue; // the same colour twice: a choice, not a near miss
      const d = deltaE2000(a.rgb, b.rgb);
      if (d >= MIN_SECTION_DELTA_E) continue;
      warnings.push({
        message: `theme ${themeFile}: sectionColours[${i}] (${a.rgb}) and sectionColours[${j}] (${b.rgb}) are ΔE2000 ${d.toFixed(1)} apart, below ${MIN_SECTION_DELTA_E}: two of the ${used.length} sections would be hard to tell apart`,
        documents,
      });
    }
  }
  return warnings;
}
