import path from 'node:path';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { TOOL_ROOT } from '../paths.js';
import { Font } from '@react-pdf/renderer';
import { theme } from '../../layouts/theme.js';
import { hyphenateFrench } from '../../layouts/hyphenation.js';
import { installShapingCache } from './shaping.js';

let registered: string | undefined;

/**
 * Registers the theme's fonts (files under `<root>/assets/fonts/`) with react-pdf, and French
 * hyphenation (Liang patterns shipped as @react-pdf/hyphenate/fr). Words that are URLs,
 * e-mail addresses, capitalised (names, places) or shorter than 7 letters are never
 * hyphenated. react-pdf's font store is a process-wide singleton: registering twice for the
 * same root is a no-op.
 */
export function registerFonts(root: string): void {
  const key = `${root}\u0000${JSON.stringify(theme.fonts.faces)}`;
  if (registered === key) return;
  Font.reset();
  const first = Object.values(theme.fonts.faces)[0]?.[0];
  if (first) installShapingCache(path.resolve(root, 'assets/fonts', first.file));
  for (const [family, faces] of Object.entries(theme.fonts.faces)) {
    Font.register({
      family,
      fonts: faces.map((f) => ({ src: path.resolve(root, 'assets/fonts', f.file), fontWeight: f.fontWeight, fontStyle: f.fontStyle })),
    });
  }
  Font.registerHyphenationCallback(hyphenateFrench);
  registered = key;
}

/** Faces opened for measuring, by file. */
const measured = new Map<string, fontkit.Font>();

/**
 * The advance width of a text set on one line in a face of the theme, in pt, as fontkit
 * shapes it (kerning and ligatures included: what react-pdf draws).
 * @param face the theme family and weight (and style) the text is set in.
 * @param size font size in pt.
 * @throws Error when the theme has no such face.
 */
export function advanceWidth(text: string, face: { family: string; weight: number; style?: 'normal' | 'italic' }, size: number): number {
  const faces = theme.fonts.faces[face.family] ?? [];
  const style = face.style ?? 'normal';
  const f = faces.find((x) => x.fontWeight === face.weight && x.fontStyle === style);
  if (!f) throw new Error(`internal: the theme has no face ${face.family} ${face.weight} ${style}`);
  const file = path.resolve(TOOL_ROOT, 'assets/fonts', f.file);
  let font = measured.get(file);
  if (!font) measured.set(file, (font = fontkit.create(readFileSync(file)) as fontkit.Font));
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}
