import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTheme } from '../src/load/theme.js';
import { ThemeError } from '../src/model/errors.js';
import { ROOT } from './helpers/sample.js';

// A theme read again as it was is taken from what this process validated before
// (src/load/theme.ts): the verdict must follow its files and its font files all the same.
describe('a theme read again', () => {
  it('gives an equal theme of its own, and follows its text and its font files', async () => {
    const campaign = mkdtempSync(path.join(os.tmpdir(), 'encre-reread-'));
    try {
      mkdirSync(path.join(campaign, 'themes'));
      mkdirSync(path.join(campaign, 'assets/fonts'), { recursive: true });
      const font = path.join(campaign, 'assets/fonts/Own-Regular.otf');
      copyFileSync(path.join(ROOT, 'assets/fonts/Inter-Regular.otf'), font);
      const file = path.join(campaign, 'themes/own.yaml');
      const text = (brand: string) =>
        `extends: languedoc-roussillon\ncolours:\n  brand: { cmyk: [0, 70, 100, 0], rgb: "${brand}" }\nfonts:\n  faces:\n    Inter:\n      - { file: Own-Regular.otf, fontWeight: 400, fontStyle: normal }\n      - { file: Inter-Italic.otf, fontWeight: 400, fontStyle: italic }\n      - { file: Inter-SemiBold.otf, fontWeight: 600, fontStyle: normal }\n      - { file: Inter-Bold.otf, fontWeight: 700, fontStyle: normal }\n`;
      writeFileSync(file, text('#123456'));
      const first = await readTheme(ROOT, 'own', campaign);
      const again = await readTheme(ROOT, 'own', campaign);
      expect(again.theme).toEqual(first.theme);
      expect(again.theme).not.toBe(first.theme);
      expect(again.theme.colours.brand).not.toBe(first.theme.colours.brand);
      // Each read its own: a change to one (a copyfit derives themes, a test may edit one) is not another's.
      const third = await readTheme(ROOT, 'own', campaign);
      expect(third.theme).toEqual(first.theme);
      expect(third.theme).not.toBe(again.theme);
      expect(again.files).toContain(font);
      // The text changed: the new value.
      writeFileSync(file, text('#123457'));
      expect((await readTheme(ROOT, 'own', campaign)).theme.colours.brand.rgb).toBe('#123457');
      // The campaign's font file gone: the theme error, as for a first read.
      rmSync(font);
      await expect(readTheme(ROOT, 'own', campaign)).rejects.toThrow(ThemeError);
      await expect(readTheme(ROOT, 'own', campaign)).rejects.toThrow(/Own-Regular\.otf not found/);
      // Back, but not a font: refused too.
      writeFileSync(font, 'not a font');
      await expect(readTheme(ROOT, 'own', campaign)).rejects.toThrow(/not a font encre can read/);
      // A web font under an .otf name (fontkit reads WOFF too): refused where the theme names it.
      writeFileSync(font, woff(readFileSync(path.join(ROOT, 'assets/fonts/Inter-Regular.otf'))));
      await expect(readTheme(ROOT, 'own', campaign)).rejects.toThrow(/own\.yaml:\d+:\d+ fonts\.faces\.Inter\[0\]\.file: assets\/fonts\/Own-Regular\.otf is a WOFF font \(a web font\), not an OTF or TTF file/);
    } finally {
      rmSync(campaign, { recursive: true, force: true });
    }
  });
});

/** An OpenType file as WOFF 1.0 (W3C WOFF File Format 1.0, §3–5), its tables stored uncompressed. */
function woff(sfnt: Buffer): Buffer {
  const count = sfnt.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + 16 * i;
    const offset = sfnt.readUInt32BE(at + 8);
    const length = sfnt.readUInt32BE(at + 12);
    return { tag: sfnt.subarray(at, at + 4), checksum: sfnt.readUInt32BE(at + 4), data: sfnt.subarray(offset, offset + length) };
  });
  const pad = (n: number) => (n + 3) & ~3;
  const header = Buffer.alloc(44 + 20 * count);
  let offset = header.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    const at = 44 + 20 * i;
    t.tag.copy(header, at);
    header.writeUInt32BE(offset, at + 4);
    header.writeUInt32BE(t.data.length, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    header.writeUInt32BE(t.checksum, at + 16);
    const body = Buffer.alloc(pad(t.data.length));
    t.data.copy(body);
    bodies.push(body);
    offset += body.length;
  });
  header.write('wOFF', 0, 'latin1');
  sfnt.copy(header, 4, 0, 4);
  header.writeUInt32BE(offset, 8);
  header.writeUInt16BE(count, 12);
  header.writeUInt32BE(12 + 16 * count + tables.reduce((n, t) => n + pad(t.data.length), 0), 16);
  header.writeUInt16BE(1, 20);
  return Buffer.concat([header, ...bodies]);
}
