import type * as fontkit from 'fontkit';
import { openFace } from '../render/faces.js';
import { theme } from '../../layouts/theme.js';
import type { EventView, Model } from '../derive/model.js';
import { sealed } from '../cache/hash.js';
import { eachText, type Content } from '../load/content.js';
import type { Problem } from '../model/errors.js';
import { fallbackFonts } from '../render/fallback.js';
import { fontPath } from '../render/font-files.js';

/** A font face of the theme, opened with fontkit. */
export interface Face {
  name: string;
  hasGlyph(codePoint: number): boolean;
}

/**
 * Opens every face of the theme's text and display families (files of the campaign's
 * assets/fonts/, else encre's: src/render/font-files.ts; families listed in fonts.faces but
 * not used are not printed).
 * @param campaign the campaign folder (absolute) searched first; the one selected in this thread by default.
 * @throws Error naming a missing font file (the theme loader checks them first).
 */
export function openFaces(campaign?: string): Face[] {
  const used = [...new Set([theme.fonts.family, theme.fonts.display])];
  return used.map((family) => theme.fonts.faces[family] ?? []).flatMap((faces) =>
    faces.map((f) => {
      const file = campaign === undefined ? fontPath(f.file) : fontPath(f.file, campaign);
      let font: fontkit.Font;
      try {
        // The face react-pdf draws with (its glyph answers are remembered: src/render/shaping.ts).
        font = openFace(file);
      } catch (e) {
        throw new Error(`font file ${file} cannot be read (${(e as Error).message}); see the theme's fonts.faces`);
      }
      return { name: f.file, hasGlyph: (cp: number) => font.hasGlyphForCodePoint(cp) };
    }),
  );
}

/** A character no font prints, and where: the problem (file, line, path) and the character. */
export interface Unprintable {
  problem: Problem;
  chars: string[];
}

/** « "中" (U+4E2D) »: a character for messages. */
export function describeChar(ch: string): string {
  return `"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Every character of the text the documents print must exist in every face of the theme, or
 * in a fallback font that every text is set with after it (Noto Emoji, Liberation Sans, Noto Serif Tibetan:
 * src/render/fallback.ts): react-pdf would otherwise draw it with a non-embedded Helvetica,
 * or not at all. Checks the derived model (after French typography), and names where each
 * character is.
 * @param themeFile the theme file, named in the hint.
 * @returns one Problem per string holding characters no face can draw.
 */
export function checkGlyphs(model: Model, content: Content, faces: Face[], themeFile = 'the theme'): Problem[] {
  return findUnprintable(model, content, faces, themeFile).map((u) => u.problem);
}

/**
 * The characters of the printed text that neither the theme's faces nor the fallbacks have
 * (see checkGlyphs), with where each is.
 */
export function findUnprintable(model: Model, content: Content, faces: Face[], themeFile = 'the theme'): Unprintable[] {
  const fallbacks = fallbackFonts();
  const found: Unprintable[] = [];
  const located = new Map(content.events.map((e) => [e.value.id, e]));
  // What each code point gets, found once per call: 1 every face has it (or a fallback does,
  // for a text set with the fallbacks), else the faces that lack it. Thousands of texts share
  // a few hundred characters.
  const verdicts = new Map<number, 1 | string[]>();
  const verdict = (cp: number): 1 | string[] => {
    let v = verdicts.get(cp);
    if (v === undefined) {
      const lacking = faces.filter((f) => !f.hasGlyph(cp)).map((f) => f.name);
      v = lacking.length > 0 && !fallbacks.some((f) => f.font.hasGlyphForCodePoint(cp)) ? lacking : 1;
      verdicts.set(cp, v);
    }
    return v;
  };
  const check = (text: string, where: { file: string; line: number; col?: number; path: string }) => {
    const missing = new Map<string, string[]>();
    for (const ch of text) {
      if (ch === '\n' || ch === '\r' || ch === '\t') continue; // layout controls, not glyphs
      const v = verdict(ch.codePointAt(0)!);
      if (v !== 1 && !missing.has(ch)) missing.set(ch, v);
    }
    if (missing.size === 0) return;
    const list = [...missing.keys()].map(describeChar).join(', ');
    const fonts = [...new Set([...missing.values()].flat())].join(', ');
    found.push({
      chars: [...missing.keys()],
      problem: {
        ...where,
        col: where.line > 0 ? (where.col ?? 1) : 0,
        message: `the fonts cannot print ${list}: missing from ${fonts} and from the fallbacks (Noto Emoji, Liberation Sans)`,
        hint: `replace the character, or add a font that has it to ${themeFile} (fonts.faces); with unprintable: drop in campaign.yaml (the default) it is left out with a warning`,
      },
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
  return found;
}

/**
 * Removes `chars` from every text of the model (events, sections, campaign): what the build
 * does with the characters no font prints when the campaign says `unprintable: drop`. The
 * model's events (read-only: src/cache/hash.ts sealed) and its campaign are replaced by
 * cleaned copies, the events in its event list and in its sections alike.
 */
export function dropCharacters(model: Model, chars: ReadonlySet<string>): void {
  if (chars.size === 0) return;
  const clean = (s: string) => [...s].filter((ch) => !chars.has(ch)).join('');
  // A cleaned copy of a value: its strings without the characters (but its QR code, URL and id).
  const copy = (value: unknown): unknown => {
    if (typeof value === 'string') return clean(value);
    if (Array.isArray(value)) return value.map(copy);
    if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Map) && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k !== 'qr' && k !== 'url' && k !== 'id' ? copy(v) : v]));
    }
    return value;
  };
  const cleaned = new Map(model.events.map((e) => [e, sealed(copy(e) as EventView)]));
  model.events = model.events.map((e) => cleaned.get(e)!);
  for (const s of model.sections) {
    s.events = s.events.map((e) => cleaned.get(e) ?? e);
    s.name = clean(s.name);
    s.badge = clean(s.badge);
  }
  model.campaign = copy(model.campaign) as Model['campaign'];
  model.title = clean(model.title);
  if (model.regionLine !== undefined) model.regionLine = clean(model.regionLine);
}
