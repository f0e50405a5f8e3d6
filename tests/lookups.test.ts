import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import fc from 'fast-check';
import { parse } from 'yaml';
import { installFastLookups } from '../src/render/lookups.js';
import { ROOT } from './helpers/sample.js';

/**
 * src/render/lookups.ts replaces parts of fontkit's OpenType lookups: every run must shape to
 * the same glyphs and positions as with fontkit's own code. The reference is shaped first, in
 * this process (its own worker: nothing installed yet), then the same texts with the faster
 * lookups, on fresh faces of every font encre ships (Inter, Inter Display, Liberation Sans,
 * Noto Emoji, Noto Serif Tibetan): the sample's event texts, texts in other scripts, and
 * random texts over letters, digits, punctuation and spaces (fixed seed).
 */
const FONTS = path.join(ROOT, 'assets/fonts');
const files = readdirSync(FONTS).filter((f) => /\.(otf|ttf|woff)$/.test(f));

type Face = { layout(text: string): { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] } };
const open = (file: string) => fontkit.create(readFileSync(path.join(FONTS, file))) as unknown as Face;
const shaped = (face: Face, text: string) => {
  const run = face.layout(text);
  return `${run.glyphs.map((g) => g.id).join(' ')}|${run.positions.map((p) => `${p.xAdvance},${p.yAdvance},${p.xOffset},${p.yOffset}`).join(' ')}`;
};

function corpus(): string[] {
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const events = path.join(ROOT, 'content/events');
  for (const f of readdirSync(events)) walk(parse(readFileSync(path.join(events, f), 'utf8')));
  texts.push(
    'département : Scop, 10:30 – 12:00, « A:B », office, affiche, ﬁ ﬂ',
    'བོད་ཡིག་ཀྱི་ཡི་གེ་ བཀྲ་ཤིས་བདེ་ལེགས།',
    'Ελληνικά, Кириллица, Čeština, Łódź, Ærøskøbing',
    '😀 🎉 ✔ ★ → € 👩‍👩‍👧 🇫🇷',
  );
  const alphabet = fc.constantFrom(...'aeiouyAEIOUYbcdfgklmnprstvxzBCDFGKLMNPRSTVXZéèêàçôûœÉ0123456789:;,.!?«»()-–—’\'"/ \u00a0\u202f'.split(''));
  texts.push(...fc.sample(fc.string({ unit: alphabet, minLength: 1, maxLength: 60 }), { seed: 16, numRuns: 400 }));
  return texts;
}

describe('faster OpenType lookups (src/render/lookups.ts)', () => {
  it('shape every text in every font exactly as fontkit does', () => {
    const texts = corpus();
    expect(texts.length).toBeGreaterThan(800);
    const reference = files.map((f) => {
      const face = open(f);
      return texts.map((t) => shaped(face, t));
    });
    const faces = files.map(open);
    for (const face of faces) installFastLookups(face);
    // Installed: fontkit's GSUB processor now has its own applyLookups.
    const engine = (faces.find((f) => (f as unknown as { _layoutEngine?: { engine?: { GSUBProcessor?: object } } })._layoutEngine?.engine?.GSUBProcessor) as unknown as { _layoutEngine: { engine: { GSUBProcessor: object } } })._layoutEngine.engine;
    expect(Object.hasOwn(Object.getPrototypeOf(engine.GSUBProcessor) as object, 'applyLookups')).toBe(true);
    files.forEach((file, i) => {
      const mismatches = texts.filter((t, j) => shaped(faces[i]!, t) !== reference[i]![j]);
      expect(mismatches, file).toEqual([]);
    });
  });
});
