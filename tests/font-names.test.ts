import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { build } from '../src/build.js';
import { readTheme } from '../src/load/theme.js';
import { ThemeError } from '../src/model/errors.js';
import { ROOT, EPOCH } from './helpers/sample.js';

/*
 * Any font family name works — embedded under the font's own name — or is refused when the
 * theme is read, located and saying why (issue 15, point 2): never an internal error.
 */

/** A theme whose text family is `family` (Inter's files) and whose display family is `display` (Inter Display's). */
function themeWith(family: string, display = 'Inter Display'): string {
  return `extends: languedoc-roussillon
fonts:
  family: ${JSON.stringify(family)}
  display: ${JSON.stringify(display)}
  faces:
    ${JSON.stringify(family)}:
      - { file: Inter-Regular.otf, fontWeight: 400, fontStyle: normal }
      - { file: Inter-Italic.otf, fontWeight: 400, fontStyle: italic }
      - { file: Inter-SemiBold.otf, fontWeight: 600, fontStyle: normal }
      - { file: Inter-Bold.otf, fontWeight: 700, fontStyle: normal }
    ${JSON.stringify(display)}:
      - { file: InterDisplay-Bold.otf, fontWeight: 700, fontStyle: normal }
      - { file: InterDisplay-Black.otf, fontWeight: 900, fontStyle: normal }
`;
}

/** The ThemeError's problems of a theme text, as the command line prints them; [] when it loads. */
async function problemsOf(dir: string, text: string): Promise<string[]> {
  const file = path.join(dir, 'theme.yaml');
  writeFileSync(file, text);
  try {
    await readTheme(ROOT, file);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ThemeError);
    return (e as ThemeError).message.split('\n').slice(1);
  }
}

/** The base font names of a PDF's embedded fonts (their descriptors with a font file). */
function embeddedFonts(doc: PDFDocument): string[] {
  const names: string[] = [];
  doc.context.enumerateIndirectObjects().forEach(([, obj]) => {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) return;
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => obj.get(PDFName.of(k)) !== undefined);
    if (embedded) names.push(String(obj.get(PDFName.of('FontName'))));
  });
  return names;
}

describe('font family names', () => {
  it('refuses the names of the PDF standard fonts, in any case, at their line, saying why', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-font-names-'));
    try {
      const standard = ['Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique', 'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique', 'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic', 'Symbol', 'ZapfDingbats', 'helvetica', 'TIMES-ROMAN'];
      for (const name of standard) {
        const problems = await problemsOf(dir, themeWith(name));
        expect(problems[0], name).toBe(`${path.join(dir, 'theme.yaml')}:6:5 fonts.faces.${name}: the family name "${name}" is a PDF standard font name: react-pdf would set the text in its built-in ${name}, not embedded (print files must embed every font)`);
        expect(problems[1], name).toContain('Hint: name the family otherwise');
      }
      // The display family too.
      expect((await problemsOf(dir, themeWith('Inter', 'ZapfDingbats')))[0]).toContain(':11:5 fonts.faces.ZapfDingbats: the family name "ZapfDingbats" is a PDF standard font name');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses blank names at their line, with the value received', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-font-names-'));
    try {
      const file = path.join(dir, 'theme.yaml');
      expect(await problemsOf(dir, themeWith(''))).toEqual([
        `${file}:3:11 fonts.family: received "", expected the name of a family of fonts.faces, e.g. "Inter"`,
      ]);
      expect(await problemsOf(dir, themeWith('Inter', '   '))).toEqual([
        `${file}:4:12 fonts.display: received "   ", expected the name of a family of fonts.faces, e.g. "Inter"`,
      ]);
      const blankKey = 'extends: languedoc-roussillon\nfonts:\n  faces:\n    " ":\n      - { file: Inter-Regular.otf, fontWeight: 400, fontStyle: normal }\n';
      expect(await problemsOf(dir, blankKey)).toEqual([
        `${file}:4:5 fonts.faces. : a family without a name (received " ")`,
        '  Hint: give the family a name, e.g. "Inter", and use it in fonts.family or fonts.display',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds with names that look like standard fonts, with spaces or accents: every font embedded under its own name', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-font-names-'));
    try {
      const file = path.join(dir, 'theme.yaml');
      writeFileSync(file, themeWith('Helvetica Médium', 'Times New Roman'));
      await build({ root: ROOT, content: 'tests/fixtures/tiny', out: dir, documents: ['flyer'], theme: file, sourceDateEpoch: EPOCH, outputs: ['print'] });
      const fonts = embeddedFonts(await PDFDocument.load(readFileSync(path.join(dir, 'flyer.pdf'))));
      expect(fonts.length).toBeGreaterThan(0);
      // Each subset is named after Inter's own PostScript names (a tag of 6 letters, "+", the name).
      for (const name of fonts) expect(name).toMatch(/^\/[A-Z]{6}\+Inter(Display)?-/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
