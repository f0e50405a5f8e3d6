import { advanceWidth } from '../src/render/fonts.js';
import { theme } from './theme.js';

/**
 * A display size that fits its frame: the type step given, scaled down (never up) so that
 * the widest word of `text` fits `width` pt on one line — a campaign name such as
 * « Mois de l’Intercommunalité solidaire » on the tract, whose display size would push
 * « l’Intercommunalité » past the frame. Lines still break between words (and after a
 * hyphen); words are never hyphenated in display type (pass `keepWhole`).
 * @param size the type step ({ fontSize in pt, lineHeight as a ratio }).
 * @param face the family and weight the text is set in.
 * @returns the step, with a smaller fontSize when needed (lineHeight, a ratio, unchanged).
 */
export function fitted<T extends { fontSize: number }>(text: string, size: T, face: { family: string; weight: number }, width: number): T {
  const words = text.split(/\s+/).flatMap((w) => w.split(/(?<=-)/)).filter(Boolean);
  const widest = Math.max(0, ...words.map((w) => advanceWidth(w, face, size.fontSize)));
  // 2 % to spare: textkit's line widths and fontkit's advances differ by rounding.
  const room = width * 0.98;
  return widest <= room ? size : { ...size, fontSize: (size.fontSize * room) / widest };
}

/** {@link fitted} for the theme's display family (weight 900: text.display; 700: text.displayBold). */
export function fittedDisplay<T extends { fontSize: number }>(text: string, size: T, width: number, weight: 700 | 900 = 900): T {
  return fitted(text, size, { family: theme.fonts.display, weight }, width);
}
