import { languedocRoussillon } from './themes/languedoc-roussillon.js';
import { midiPyrenees } from './themes/midi-pyrenees.js';

/** A colour as a designer authors it: exact CMYK for print, and the RGB for screen. */
export interface Colour {
  /** Cyan, magenta, yellow, black in percent (0–100), e.g. [0, 80, 100, 0]. */
  cmyk: readonly [number, number, number, number];
  /** sRGB for screen, "#rrggbb". */
  rgb: string;
}

/** A font file of the theme. */
export interface FontFace {
  /** File under assets/fonts/. */
  file: string;
  fontWeight: 400 | 600 | 700 | 800 | 900;
  fontStyle: 'normal' | 'italic';
}

/** A field of the programme's event card (theme.card.fields). */
export type CardField = 'category' | 'when' | 'title' | 'place' | 'description' | 'tags' | 'footer';

/** How a card field is set: a step of the type scale, weight, style, colour, capitals, letter spacing (pt). */
export interface FieldStyle {
  step: 'caption' | 'small' | 'body' | 'lead' | 'eventTitle' | 'h3';
  weight: 400 | 600 | 700;
  italic?: boolean;
  /** A theme colour, or `section` for the colour of the card's section. */
  colour: 'section' | 'text' | 'muted' | 'ink' | 'brand';
  uppercase?: boolean;
  letterSpacing?: number;
}

/** A setting copyfitting may move (theme.copyfit). */
export type FitSetting = 'cardPadding' | 'cardGaps' | 'leading' | 'bodySize' | 'titleSize' | 'qrSize' | 'columns';

/** Every token of a theme (the shape of layouts/themes/languedoc-roussillon.ts). */
export type Theme = typeof languedocRoussillon;
export type ColourName = keyof Theme['colours'];

/** The themes encre ships, by the name `--theme` takes. */
export const themes: Record<string, Theme> = {
  'languedoc-roussillon': languedocRoussillon,
  'midi-pyrenees': midiPyrenees,
};

/** The theme used when none is named. */
export const DEFAULT_THEME = 'languedoc-roussillon';

/**
 * The theme in force. Components read it when they render (an ES module live binding), so
 * selecting another theme before a build restyles every document.
 */
export let theme: Theme = languedocRoussillon;

/**
 * Selects the theme of the next renders.
 * @returns the theme; undefined when no theme has that name.
 */
export function selectTheme(name: string): Theme | undefined {
  const t = themes[name];
  if (t) theme = t;
  return t;
}

/**
 * Puts `t` in force for the next renders (a theme derived from the selected one, e.g. by
 * copyfitting) and returns the theme it replaces, to put back with another call.
 */
export function putTheme(t: Theme): Theme {
  const before = theme;
  theme = t;
  return before;
}
