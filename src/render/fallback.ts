/**
 * The fallback fonts every text of the documents is set with after the theme's family:
 * react-pdf takes, for each character, the first family of a style's `fontFamily` list
 * whose font has it (textkit's font substitution). Emoji come from Noto Emoji (monochrome:
 * black vector outlines, in the text's colour, so K only in print files), mathematical and
 * other symbols the theme's faces lack (« ∕ » U+2215) from Liberation Sans, Tibetan (« ཀ »,
 * a speaker's name) from Noto Serif Tibetan. All are vendored in assets/fonts/ with their
 * licence (SIL OFL 1.1) and origin (*-copyright.txt).
 */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import type * as fontkit from 'fontkit';
import { TOOL_ROOT } from '../paths.js';
import { openFace } from './faces.js';

/** A fallback face: the family it is registered under (never a theme's), and its file in assets/fonts/. */
export interface FallbackFace {
  family: string;
  file: string;
}

/** The fallback chain, in order. */
export const FALLBACK_FACES: readonly FallbackFace[] = [
  { family: 'encre Noto Emoji', file: 'NotoEmoji-Regular.woff' },
  { family: 'encre Liberation Sans', file: 'LiberationSans-Regular.ttf' },
  { family: 'encre Noto Serif Tibetan', file: 'NotoSerifTibetan-Regular.ttf' },
];

/** A style's font family list: the theme's family, then the fallbacks. */
export function withFallbacks(family: string): string[] {
  return [family, ...FALLBACK_FACES.map((f) => f.family)];
}

/** The first family of a style's `fontFamily` (a name or a list). */
export function primaryFamily(family: string | readonly string[]): string {
  return typeof family === 'string' ? family : (family[0] ?? '');
}

/** The fallback fonts, opened with fontkit (src/render/faces.ts: the faces react-pdf draws with). */
export function fallbackFonts(): { face: FallbackFace; font: fontkit.Font }[] {
  return FALLBACK_FACES.map((face) => ({ face, font: openFace(path.resolve(TOOL_ROOT, 'assets/fonts', face.file)) }));
}

const vendored: fontkit.Font[] = [];

/**
 * The characters of `text` that no font encre ships prints (assets/fonts/: the default
 * themes' faces and the fallbacks), each with its index in the text; line breaks, tabs,
 * invisible characters and variation selectors (which the typography removes) set aside.
 */
export function unprintableCharacters(text: string): { char: string; index: number }[] {
  if (vendored.length === 0) {
    const dir = path.resolve(TOOL_ROOT, 'assets/fonts');
    for (const name of readdirSync(dir).filter((n) => /\.(otf|ttf|woff)$/i.test(n)).sort()) vendored.push(openFace(path.join(dir, name)));
  }
  const out: { char: string; index: number }[] = [];
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const invisible = /[\s\u200B-\u200D\u2060\uFEFF\u00AD\uFE00-\uFE0F]/.test(ch) || (cp >= 0xe0100 && cp <= 0xe01ef);
    if (!invisible && !vendored.some((f) => f.hasGlyphForCodePoint(cp))) out.push({ char: ch, index });
    index += ch.length;
  }
  return out;
}
