import path from 'node:path';
import { TOOL_ROOT } from '../paths.js';
import { Font } from '@react-pdf/renderer';
import { theme } from '../../layouts/theme.js';
import { hyphenateFrench } from '../../layouts/hyphenation.js';
import { installShapingCache } from './shaping.js';
import { forgetTextLayouts, installTextLayoutCache } from './text-layouts.js';
import { openFace } from './faces.js';
import { forgetLaidOut } from '../paginate/measure.js';
import { fontPath, selectCampaignFonts } from './font-files.js';
import { FALLBACK_FACES, fallbackFonts, primaryFamily } from './fallback.js';

let registered: string | undefined;

/**
 * Registers the theme's fonts (files of `<campaign>/assets/fonts/`, else encre's
 * assets/fonts/: src/render/font-files.ts) with react-pdf, and French
 * hyphenation (Liang patterns shipped as @react-pdf/hyphenate/fr). Words that are URLs,
 * e-mail addresses, capitalised (names, places) or shorter than 7 letters are never
 * hyphenated. react-pdf's font store is a process-wide singleton: registering twice for the
 * same faces and files is a no-op.
 * @param campaign the campaign folder (absolute) whose assets/fonts/ is searched first; it is
 *   selected for the rest of this thread (advanceWidth, the glyph checks, the site).
 */
export function registerFonts(campaign?: string): void {
  selectCampaignFonts(campaign);
  // The files the faces resolve to, as react-pdf is given them (advanceWidth measures with the same).
  resolved = new Map(Object.values(theme.fonts.faces).flatMap((faces) => faces.map((f): [string, string] => [f.file, fontPath(f.file)])));
  // By the files the faces resolve to: campaigns without fonts of their own share encre's registration.
  const key = JSON.stringify(Object.entries(theme.fonts.faces).map(([family, faces]) => [family, faces.map((f) => [resolved.get(f.file)!, f.fontWeight, f.fontStyle])]));
  if (registered === key) return;
  // react-pdf's Font.reset only unloads the faces: a family registered again would keep its
  // earlier sources first (register appends, resolve takes the first that matches), so a theme
  // whose faces changed in a warm process (the preview) drew with the old files. The families
  // registered below are removed first: they are then as a fresh process has them (a family
  // of an earlier theme left behind is named by no text).
  Font.reset();
  const families = (Font as unknown as { getRegisteredFonts(): Record<string, unknown> }).getRegisteredFonts();
  for (const family of [...Object.keys(theme.fonts.faces), ...FALLBACK_FACES.map((f) => f.family)]) delete families[family];
  forgetLaidOut();
  forgetTextLayouts();
  installTextLayoutCache();
  const first = Object.values(theme.fonts.faces)[0]?.[0];
  if (first) installShapingCache(openFace(fontPath(first.file)));
  for (const [family, faces] of Object.entries(theme.fonts.faces)) {
    Font.register({
      family,
      fonts: faces.map((f) => ({ src: fontPath(f.file), fontWeight: f.fontWeight, fontStyle: f.fontStyle })),
    });
    for (const f of faces) giveFace(family, f.fontWeight, f.fontStyle, fontPath(f.file));
  }
  // The fallback chain (emoji, symbols): each family in both styles, so that any style finds it.
  for (const f of FALLBACK_FACES) {
    const src = path.resolve(TOOL_ROOT, 'assets/fonts', f.file);
    Font.register({ family: f.family, fonts: [{ src, fontStyle: 'normal' }, { src, fontStyle: 'italic' }] });
    for (const style of ['normal', 'italic']) giveFace(f.family, 400, style, src);
  }
  Font.registerHyphenationCallback(hyphenateFrench);
  registered = key;
}

/** react-pdf's font source as far as encre touches it (@react-pdf/font 4.1: loaded when `loadResultPromise` is set). */
interface FontSource {
  src: string;
  data: unknown;
  loadResultPromise: Promise<void> | null;
}

/**
 * Gives react-pdf's font store the face encre opened for `file` ({@link openFace}), as its
 * source of that family, weight and style would have loaded it (fontkit.open of the same
 * file: the same bytes, the same fontkit).
 */
function giveFace(family: string, fontWeight: number, fontStyle: string, file: string): void {
  const source = (Font as unknown as { getFont(d: { fontFamily: string; fontWeight: number; fontStyle: string }): FontSource | null }).getFont({ fontFamily: family, fontWeight, fontStyle });
  if (!source || source.src !== file) return;
  source.data = openFace(file);
  source.loadResultPromise = Promise.resolve();
}

/** The theme's font files (by name) as the last registerFonts found them: no look-up on disk per measurement. */
let resolved = new Map<string, string>();

/**
 * The advance width of a text set on one line in a face of the theme, in pt, as fontkit
 * shapes it (kerning and ligatures included: what react-pdf draws).
 * @param face the theme family and weight (and style) the text is set in.
 * @param size font size in pt.
 * @throws Error when the theme has no such face.
 */
export function advanceWidth(text: string, face: { family: string | readonly string[]; weight: number; style?: 'normal' | 'italic' }, size: number): number {
  const family = primaryFamily(face.family);
  const faces = theme.fonts.faces[family] ?? [];
  const style = face.style ?? 'normal';
  const f = faces.find((x) => x.fontWeight === face.weight && x.fontStyle === style);
  if (!f) throw new Error(`internal: the theme has no face ${family} ${face.weight} ${style}`);
  const main = openFace(resolved.get(f.file) ?? fontPath(f.file));
  // Characters the face lacks are measured in the fallback that prints them (emoji, symbols).
  if ([...text].every((ch) => main.hasGlyphForCodePoint(ch.codePointAt(0)!))) return (main.layout(text).advanceWidth * size) / main.unitsPerEm;
  let width = 0;
  let run = '';
  const flush = () => {
    if (run !== '') width += (main.layout(run).advanceWidth * size) / main.unitsPerEm;
    run = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (main.hasGlyphForCodePoint(cp)) {
      run += ch;
      continue;
    }
    flush();
    const fallback = fallbackFonts().find((x) => x.font.hasGlyphForCodePoint(cp))?.font ?? main;
    width += (fallback.layout(ch).advanceWidth * size) / fallback.unitsPerEm;
  }
  flush();
  return width;
}
