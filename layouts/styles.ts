import { theme } from './theme.js';
import { withFallbacks } from '../src/render/fallback.js';
import { ink } from './ink.js';
import { keepWordsWhole } from './hyphenation.js';

type Scale = keyof typeof theme.type;

/** fontSize and lineHeight (pt) of a step of the type scale. */
export function type(step: Scale): { fontSize: number; lineHeight: number } {
  const [fontSize, leading] = theme.type[step];
  return { fontSize, lineHeight: leading / fontSize };
}

/**
 * Text styles shared by the documents, from the theme in force (getters: a theme selected
 * for a build applies to every render). Sizes come from the theme's type scale.
 */
export const text = {
  get body() { return { fontFamily: withFallbacks(theme.fonts.family), ...type('body'), color: ink('text') }; },
  get muted() { return { fontFamily: withFallbacks(theme.fonts.family), ...type('small'), color: ink('muted') }; },
  get caption() { return { fontFamily: withFallbacks(theme.fonts.family), ...type('caption'), color: ink('muted') }; },
  get strong() { return { fontFamily: withFallbacks(theme.fonts.family), fontWeight: 700 as const }; },
  get semibold() { return { fontFamily: withFallbacks(theme.fonts.family), fontWeight: 600 as const }; },
  get italic() { return { fontFamily: withFallbacks(theme.fonts.family), fontStyle: 'italic' as const }; },
  get display() { return { fontFamily: withFallbacks(theme.fonts.display), fontWeight: 900 as const }; },
  get displayBold() { return { fontFamily: withFallbacks(theme.fonts.display), fontWeight: 700 as const }; },
};

/**
 * A hyphenation callback that keeps words whole: for titles, headings and lead lines, which
 * carry names of places and organisations (pass as `hyphenationCallback`). Only URLs, e-mail
 * addresses and over-long words break, so that nothing runs past the frame (layouts/hyphenation.ts).
 */
export const keepWhole = keepWordsWhole;


/**
 * Letter spacing of `points` pt for a run of text, with its ligatures switched off (OpenType
 * liga, clig, dlig, hlig): the letters of a spaced-out run stand apart, and a ligature glyph
 * (« fi » as one glyph) would sit among them unspaced. Spread into a Text's style.
 * @returns the style's letterSpacing (pt) and fontFeatureSettings.
 */
export function spaced(points: number): { letterSpacing: number; fontFeatureSettings: Record<string, boolean> } {
  return { letterSpacing: points, fontFeatureSettings: { liga: false, clig: false, dlig: false, hlig: false } };
}
