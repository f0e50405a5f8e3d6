import { theme } from './theme.js';
import { advanceWidth } from '../src/render/fonts.js';
import { compoundPieces } from './hyphenation.js';

/**
 * A display size that fits its frame: the type step given, scaled down (never up) until the
 * text sets in `width` pt with no line wider than the frame — a campaign name such as
 * « Mois de l’Intercommunalité solidaire » on the tract, whose display size would push
 * « l’Intercommunalité » past the frame, or a title whose line react-pdf would overfill.
 * Lines break between words and after a hyphen, as react-pdf breaks them: its line breaker
 * lets the spaces of a line shrink (textkit's shrinkWhitespaceFactor), so a line may
 * take one more word and come out wider than its frame; the size is reduced until no line
 * does. Words are never hyphenated in display type (pass `keepWhole`). Widths are measured
 * with fontkit on the theme's face, as react-pdf draws them.
 * @param size the type step ({ fontSize in pt, lineHeight as a ratio }).
 * @param face the family and weight the text is set in.
 * @param width the frame's width, in pt.
 * @param maxLines at most this many lines (the size is reduced until the text takes no more).
 * @param compounds false when the text keeps compounds whole too (no break after their hyphens).
 * @returns the step, with a smaller fontSize when needed (lineHeight, a ratio, unchanged).
 */
export function fitted<T extends { fontSize: number }>(text: string, size: T, face: { family: string | readonly string[]; weight: number }, width: number, maxLines = Infinity, compounds = true): T {
  const { pieces, space } = measurePieces(text, face, size.fontSize, compounds);
  const room = width * SPARE;
  let fontSize = size.fontSize;
  for (let i = 0; i < 60; i++) {
    const lines = setsIn(pieces, space, room / (fontSize / size.fontSize));
    if (lines > 0 && lines <= maxLines) break;
    fontSize *= 0.97;
  }
  return fontSize === size.fontSize ? size : { ...size, fontSize };
}

/** 2 % to spare: textkit's line widths and fontkit's advances differ by rounding. */
const SPARE = 0.98;

/**
 * Pieces a line may break after — words, and the parts of a hyphenated word — with their
 * widths and that of a space at `fontSize`, in pt.
 */
function measurePieces(text: string, face: { family: string | readonly string[]; weight: number }, fontSize: number, compounds = true): { pieces: { width: number; spaceBefore: boolean }[]; space: number } {
  const pieces = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => (compounds ? compoundPieces(word) : [word]).map((piece, i) => ({ width: advanceWidth(piece, face, fontSize), spaceBefore: i === 0 })));
  return { pieces, space: advanceWidth(' ', face, fontSize) };
}

/**
 * The narrowest frame, at most `width` pt, in which display text sets in as many lines as
 * in `width`: lines of even length instead of a lone word on the last (« Semaine du / vélo »
 * becomes « Semaine / du vélo »). Measured as {@link fitted} measures, with its 2 % to spare.
 * @param size the size the text is set at (after fitting).
 * @returns the frame's width in pt.
 */
export function balancedWidth(text: string, size: { fontSize: number }, face: { family: string | readonly string[]; weight: number }, width: number): number {
  const { pieces, space } = measurePieces(text, face, size.fontSize);
  const room = width * SPARE;
  const lines = setsIn(pieces, space, room);
  if (lines <= 1) return width;
  let narrow = room / lines;
  let wide = room;
  for (let i = 0; i < 24; i++) {
    const mid = (narrow + wide) / 2;
    if (setsIn(pieces, space, mid) === lines) wide = mid;
    else narrow = mid;
  }
  return Math.min(width, wide / SPARE);
}

/**
 * How many lines pieces of these widths break into, as textkit breaks them, in `width` (the
 * same unit); 0 when a line would be wider than that.
 */
function setsIn(pieces: { width: number; spaceBefore: boolean }[], space: number, width: number): number {
  let natural = 0;
  let spaces = 0;
  let empty = true;
  let lines = 1;
  for (const { width: w, spaceBefore } of pieces) {
    const gap = !empty && spaceBefore ? space : 0;
    // textkit keeps the piece on this line while the line fits with its spaces shrunk (by
    // half before and half after: taken here as all of a space, to be safe).
    if (!empty && natural + gap + w - (spaces + (gap ? 1 : 0)) * space > width) {
      natural = w;
      spaces = 0;
      lines++;
    } else {
      natural += gap + w;
      if (gap) spaces++;
    }
    empty = false;
    if (natural > width) return 0;
  }
  return lines;
}

/**
 * The factor (at most 1) by which display type set on one line — pieces side by side, each
 * in its own size, `gap` pt apart — is scaled to fit `width` pt, with the 2 % to spare of
 * {@link fitted}: the affiche's « 10 000 événements », a figure and its label.
 * @param pieces each text, its size in pt and its weight in the theme's display family.
 */
export function fitFactor(pieces: { text: string; size: number; weight: number }[], gap: number, width: number): number {
  const natural = pieces.reduce((sum, p, i) => sum + (i > 0 ? gap : 0) + advanceWidth(p.text, { family: theme.fonts.display, weight: p.weight }, p.size), 0);
  return Math.min(1, (width * SPARE) / natural);
}

/** {@link fitted} for the theme's display family (weight 900: text.display; 700: text.displayBold). */
export function fittedDisplay<T extends { fontSize: number }>(text: string, size: T, width: number, weight: 700 | 900 = 900, maxLines = Infinity): T {
  return fitted(text, size, { family: theme.fonts.display, weight }, width, maxLines);
}

/** Lines a cover's campaign name may take: more would push the lines below it into the rest of the cover. */
export const TITLE_LINES = 3;

/**
 * Binds the last two words of a title, tagline or heading with a no-break space (U+00A0), so
 * that a text that wraps never leaves one word alone on its last line — when the two words
 * together fit the frame's width (measured with fontkit, with {@link fitted}'s 2 % to spare,
 * and the letter spacing); otherwise the text is returned unchanged (tied, they would run
 * past the frame). A text of one word is returned as it is.
 * @param face the family, weight and style the text is set in.
 * @param fontSize in pt; `width` the frame's width in pt; `letterSpacing` in pt per character.
 * @returns the text, its last ordinary space replaced by U+00A0 when the pair fits.
 */
export function bindLastWords(text: string, face: { family: string | readonly string[]; weight: number; style?: 'normal' | 'italic' }, fontSize: number, width: number, letterSpacing = 0): string {
  const trimmed = text.trimEnd();
  const at = trimmed.lastIndexOf(' ');
  if (at <= 0) return text;
  const before = trimmed.lastIndexOf(' ', at - 1);
  const pair = trimmed.slice(before + 1);
  const natural = advanceWidth(pair.replace(' ', '\u00a0'), face, fontSize) + letterSpacing * [...pair].length;
  if (natural > width * SPARE) return text;
  return `${text.slice(0, at)}\u00a0${text.slice(at + 1)}`;
}
