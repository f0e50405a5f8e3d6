import path from 'node:path';
import * as fontkit from 'fontkit';
import { theme } from '../../layouts/theme.js';
import type { Model } from '../derive/model.js';
import { eachText, type Content } from '../load/content.js';
import type { Problem } from '../model/errors.js';

/** A font face of the theme, opened with fontkit. */
export interface Face {
  name: string;
  hasGlyph(codePoint: number): boolean;
}

/**
 * Opens every face of the theme's text and display families (files under
 * `<root>/assets/fonts/`; families listed in fonts.faces but not used are not printed).
 * @throws Error naming a missing font file (the theme loader checks them first).
 */
export function openFaces(root: string): Face[] {
  const used = [...new Set([theme.fonts.family, theme.fonts.display])];
  return used.map((family) => theme.fonts.faces[family] ?? []).flatMap((faces) =>
    faces.map((f) => {
      const file = path.resolve(root, 'assets/fonts', f.file);
      let font: fontkit.Font;
      try {
        font = fontkit.openSync(file) as fontkit.Font;
      } catch (e) {
        throw new Error(`font file ${path.relative(root, file)} cannot be read (${(e as Error).message}); see the theme's fonts.faces`);
      }
      return { name: f.file, hasGlyph: (cp: number) => font.hasGlyphForCodePoint(cp) };
    }),
  );
}

/** Characters that are layout controls, not glyphs: line breaks and tabs. */
const CONTROL = /[\n\r\t]/;

/**
 * Every character of the text the documents print must exist in every face of the theme:
 * react-pdf would otherwise draw it with a non-embedded Helvetica, or not at all.
 * Checks the derived model (after French typography), and names where each character is.
 * @param themeFile the theme file, named in the hint.
 * @returns one Problem per string holding characters no face can draw.
 */
export function checkGlyphs(model: Model, content: Content, faces: Face[], themeFile = 'the theme'): Problem[] {
  const located = new Map(content.events.map((e) => [e.value.id, e]));
  const problems: Problem[] = [];
  const check = (text: string, where: { file: string; line: number; col?: number; path: string }) => {
    const missing = new Map<string, string[]>();
    for (const ch of new Set(text)) {
      if (CONTROL.test(ch)) continue;
      const cp = ch.codePointAt(0)!;
      const lacking = faces.filter((f) => !f.hasGlyph(cp)).map((f) => f.name);
      if (lacking.length > 0) missing.set(ch, lacking);
    }
    if (missing.size === 0) return;
    const list = [...missing.keys()].map((ch) => `"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    const fonts = [...new Set([...missing.values()].flat())].join(', ');
    problems.push({
      ...where,
      col: where.line > 0 ? (where.col ?? 1) : 0,
      message: `the fonts cannot print ${list}: missing from ${fonts}`,
      hint: `replace the character, or add a font that has it to ${themeFile} (fonts.faces)`,
    });
  };
  for (const e of model.events) {
    const at = located.get(e.id);
    for (const [field, value] of Object.entries(e)) {
      if (typeof value === 'string') check(value, { file: at?.file ?? '', line: at?.line ?? 0, path: `event ${e.id} ${field}` });
      if (Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && check(v, { file: at?.file ?? '', line: at?.line ?? 0, path: `event ${e.id} ${field}[${i}]` }));
    }
  }
  // The campaign as printed (after typography), located where campaign.yaml writes it.
  eachText(model.campaign, (value, p) => check(value, { file: content.campaignFile, line: content.campaignPlaces[p]?.line ?? 0, col: content.campaignPlaces[p]?.col, path: p }));
  return problems;
}
