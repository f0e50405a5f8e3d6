import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    } finally {
      rmSync(campaign, { recursive: true, force: true });
    }
  });
});
