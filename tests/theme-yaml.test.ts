import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { build } from '../src/build.js';
import { readTheme, mergeTheme } from '../src/load/theme.js';
import { ThemeError } from '../src/model/errors.js';
import { cmykToScreenRgb } from '../src/render/icc.js';
import { logoColours, logoInks, readVectorLogo } from '../src/assets/svg.js';
import { checkQrDensity, minQrSizeMm } from '../src/preflight/qr.js';
import { contrastRatio, deltaE2000, checkContrast, checkSectionColours } from '../src/preflight/theme.js';
import { toolFingerprint } from '../src/cache/fingerprint.js';
import { touchedDocuments } from '../src/dev/server.js';
import type { Model } from '../src/derive/model.js';
import type { Content } from '../src/load/content.js';
import { ROOT, EPOCH } from './helpers/sample.js';

const FIXTURE = 'tests/fixtures/themes/cmyk-liberation.yaml';

/** A folder of theme files written for one test (absolute), and a helper to write more. */
function themeDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-theme-yaml-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The ThemeError's message for a theme file, or a failure when it loads. */
async function themeError(file: string): Promise<string> {
  try {
    await readTheme(ROOT, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ThemeError);
    return (e as Error).message;
  }
  throw new Error(`${file} loaded`);
}

/** The decoded content streams of a PDF (pages and form XObjects), joined. */
function contentStreams(doc: PDFDocument): string {
  const parts: string[] = [];
  doc.context.enumerateIndirectObjects().forEach(([, obj]) => {
    if (!(obj instanceof PDFRawStream)) return;
    const type = obj.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
    if (type === 'Image' || obj.dict.get(PDFName.of('N')) || obj.dict.get(PDFName.of('Length1')) || (obj.dict.get(PDFName.of('Subtype')) && type !== 'Form')) return;
    try {
      parts.push(Buffer.from(decodePDFRawStream(obj).decode()).toString('latin1'));
    } catch {
      /* not a content stream */
    }
  });
  return parts.join('\n');
}

describe('themes as YAML files', () => {
  it('midi-pyrenees extends the default theme: maps merged, lists and colours replaced, nothing else differs', async () => {
    const lr = (await readTheme(ROOT, 'languedoc-roussillon')).theme;
    const mp = await readTheme(ROOT, 'midi-pyrenees');
    expect(mp.file).toBe('themes/midi-pyrenees.yaml');
    expect(mp.files.map((f) => path.relative(ROOT, f))).toEqual(['themes/midi-pyrenees.yaml', 'themes/languedoc-roussillon.yaml']);
    const { colours, sectionColours, sectionText, ...rest } = mp.theme;
    const { colours: lrColours, sectionColours: _lrSections, sectionText: _lrText, ...lrRest } = lr;
    expect(rest).toEqual(lrRest);
    expect(colours.text).toEqual(lrColours.text);
    expect(colours.brand).toEqual({ cmyk: [90, 40, 0, 0], rgb: '#0a7bc4' });
    expect(sectionColours).toHaveLength(8);
    // The text variant of each section colour, its own (not the default theme's).
    expect(sectionText).toHaveLength(8);
    // Where a token is set: in the file that sets it.
    expect(mp.places['colours.brand']).toMatchObject({ file: 'themes/midi-pyrenees.yaml' });
    expect(mp.places['qr.eventSize']).toMatchObject({ file: 'themes/languedoc-roussillon.yaml' });
    // A colour given as CMYK alone does not keep its base's RGB.
    expect(mergeTheme({ c: { cmyk: [1, 2, 3, 4], rgb: '#000000' }, d: 1 }, { c: { cmyk: [0, 80, 100, 0] } })).toEqual({ c: { cmyk: [0, 80, 100, 0] }, d: 1 });
  });

  it('computes a CMYK-only colour’s screen RGB through the FOGRA39 profile, relative colorimetric, the same every time', async () => {
    const icc = path.join(ROOT, 'assets/icc/encre-FOGRA39.icc');
    const rgb = await cmykToScreenRgb([[0, 0, 0, 0], [0, 80, 100, 0], [0, 0, 0, 100], [90, 40, 0, 0]], icc);
    // Paper is screen white (relative colorimetric); the orange and blue come near the designers' proofs (#e8542a, #0a7bc4).
    expect(rgb).toEqual(['#ffffff', '#e94e15', '#1e1e20', '#007cc2']);
    expect(await cmykToScreenRgb([[0, 80, 100, 0]], icc)).toEqual(['#e94e15']);
    // sharp asks for the perceptual intent: the profile's perceptual and colorimetric tables are one (A2B0 = A2B1).
    const bytes = readFileSync(icc);
    const tags = new Map<string, number>();
    for (let i = 0; i < bytes.readUInt32BE(128); i++) tags.set(bytes.toString('latin1', 132 + 12 * i, 136 + 12 * i), bytes.readUInt32BE(136 + 12 * i));
    expect(tags.get('A2B0')).toBe(tags.get('A2B1'));
    expect(bytes[8]).toBe(2); // ICC v2: no automatic black point compensation
  });

  it('builds all four documents with a CMYK-only theme that extends the default and uses Liberation Sans: exactly its CMYK in the print files, its font embedded', async () => {
    const loaded = await readTheme(ROOT, FIXTURE);
    expect(loaded.computedRgb).toContain('colours.brand');
    // The theme's colours, and the sample's SVG logos' colours through the FOGRA39 profile (vectors in print files).
    const logos = readdirSync(path.join(ROOT, 'content/assets/logos')).filter((f) => f.endsWith('.svg')).flatMap((f) => {
      const logo = readVectorLogo(readFileSync(path.join(ROOT, 'content/assets/logos', f)));
      return 'raster' in logo ? [] : logoColours(logo);
    });
    const logoCmyk = [...(await logoInks([...new Set(logos)], path.join(ROOT, 'assets/icc/encre-FOGRA39.icc'))).values()];
    const allowed = new Set([...[...Object.values(loaded.theme.colours), ...loaded.theme.sectionColours].map((c) => c.cmyk), ...logoCmyk].map((cmyk) => cmyk.map((v) => Math.round(v * 100) / 10000).join(' ')));
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-theme-yaml-'));
    const built = await build({ root: ROOT, content: 'content', out, documents: [], outputs: ['print'], theme: FIXTURE, sourceDateEpoch: EPOCH });
    expect(built.map((b) => b.id).sort()).toEqual(['affiche', 'dossier-de-presse', 'flyer', 'programme']);
    for (const file of ['programme.pdf', 'affiche.pdf', 'flyer.pdf', 'dossier-de-presse.pdf']) {
      const doc = await PDFDocument.load(readFileSync(path.join(out, file)), { updateMetadata: false });
      const streams = contentStreams(doc);
      const used = [...streams.matchAll(/(?:^|\s)([\d.]+ [\d.]+ [\d.]+ [\d.]+) [kK](?=\s|$)/g)].map((m) => m[1]!);
      expect(used.length, file).toBeGreaterThan(0);
      expect(used.filter((c) => !allowed.has(c)), file).toEqual([]);
      expect(streams, file).toContain('0 0.85 0.9 0 k'); // the brand, 0/85/90/0
      const fonts: string[] = [];
      for (const [, obj] of doc.context.enumerateIndirectObjects()) {
        if (obj instanceof PDFDict && obj.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText() === 'FontDescriptor') fonts.push(obj.lookup(PDFName.of('FontName'), PDFName).decodeText());
      }
      expect(fonts.length, file).toBeGreaterThan(0);
      expect(fonts.filter((f) => !/^[A-Z]{6}\+LiberationSans/.test(f)), file).toEqual([]);
    }
  });

  it('locates a bad value, an unknown key (with the nearest known one), a missing font file or face, an extends cycle at the theme file’s line and column', async () => {
    const dir = themeDir({
      'bad-colour.yaml': 'extends: languedoc-roussillon\ncolours:\n  brand: { cmyk: [0, 80, 120, 0] }\n',
      'typo.yaml': 'extends: languedoc-roussillon\ncolors:\n  brand: { cmyk: [0, 80, 100, 0] }\nfonts:\n  famly: Inter\n',
      'no-file.yaml': 'extends: languedoc-roussillon\nfonts:\n  faces:\n    Inter:\n      - { file: Inter-Regular.otf, fontWeight: 400, fontStyle: normal }\n      - { file: Inter-Italic.otf, fontWeight: 400, fontStyle: italic }\n      - { file: Inter-Semibold.otf, fontWeight: 600, fontStyle: normal }\n      - { file: Inter-Bold.otf, fontWeight: 700, fontStyle: normal }\n',
      'no-weight.yaml': 'extends: languedoc-roussillon\nfonts:\n  faces:\n    Inter:\n      - { file: Inter-Regular.otf, fontWeight: 400, fontStyle: normal }\n      - { file: Inter-Italic.otf, fontWeight: 400, fontStyle: italic }\n      - { file: Inter-Bold.otf, fontWeight: 700, fontStyle: normal }\n',
      'a.yaml': 'extends: ./b.yaml\n',
      'b.yaml': '# b\nextends: a.yaml\n',
    });
    const f = (n: string) => path.join(dir, n);
    expect(await themeError(f('bad-colour.yaml'))).toContain(`${f('bad-colour.yaml')}:3:18 colours.brand.cmyk: received [0, 80, 120, 0], expected 4 percentages 0–100\n  Hint: four numbers in percent, cyan magenta yellow black, e.g. cmyk: [0, 80, 100, 0]`);
    const typo = await themeError(f('typo.yaml'));
    expect(typo).toContain(`${f('typo.yaml')}:2:1 colors: unknown key "colors"\n  Hint: did you mean "colours"?`);
    expect(typo).toContain(`${f('typo.yaml')}:5:3 fonts.famly: unknown key "famly"\n  Hint: did you mean "family"?`);
    expect(await themeError(f('no-file.yaml'))).toContain(`${f('no-file.yaml')}:7:17 fonts.faces.Inter[2].file: font file assets/fonts/Inter-Semibold.otf not found\n  Hint: did you mean "Inter-SemiBold.otf"?`);
    expect(await themeError(f('no-weight.yaml'))).toContain(`${f('no-weight.yaml')}:4:5 fonts.faces.Inter: fonts.faces.Inter has no 600 normal face (used by the cards’ dates and places, periods, running heads)`);
    expect(await themeError(f('a.yaml'))).toContain(`${f('b.yaml')}:2:10 extends: extends "a.yaml" makes a cycle: ${f('a.yaml')} → ${f('b.yaml')} → ${f('a.yaml')}`);
  });

  it('refuses, as theme errors, an empty file, a list, a missing extends, an unknown name, a standard PDF font name, two colours with one RGB', async () => {
    const dir = themeDir({
      'empty.yaml': '',
      'list.yaml': '- a\n- b\n',
      'missing.yaml': 'extends: ./nowhere.yaml\n',
      'helvetica.yaml': 'extends: languedoc-roussillon\nfonts:\n  family: Helvetica\n  faces:\n    Helvetica:\n      - { file: Inter-Regular.otf, fontWeight: 400, fontStyle: normal }\n      - { file: Inter-Italic.otf, fontWeight: 400, fontStyle: italic }\n      - { file: Inter-SemiBold.otf, fontWeight: 600, fontStyle: normal }\n      - { file: Inter-Bold.otf, fontWeight: 700, fontStyle: normal }\n',
      'same-rgb.yaml': 'extends: languedoc-roussillon\ncolours:\n  tint: { cmyk: [0, 0, 0, 0.1] }\n',
    });
    const f = (n: string) => path.join(dir, n);
    expect(await themeError(f('empty.yaml'))).toContain('the theme file is empty');
    expect(await themeError(f('list.yaml'))).toContain('expected a mapping of tokens (colours:, fonts:, type: …), received a list');
    expect(await themeError(f('missing.yaml'))).toContain(`${f('missing.yaml')}:1:10 extends: theme file "./nowhere.yaml" not found`);
    expect(await themeError('occitanie')).toContain('unknown theme "occitanie"; expected one of: languedoc-roussillon, midi-pyrenees');
    expect(await themeError(f('helvetica.yaml'))).toContain('the family name "Helvetica" is a PDF standard font name');
    expect(await themeError(f('same-rgb.yaml'))).toMatch(/colours\.tint and colours\.paper have the same screen RGB #ffffff \(computed from their CMYK through the output profile\) but different CMYK/);
    // On the command line: exit 1, "theme" (not "content"), no stack.
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin/encre.js'), 'build', 'affiche', '--theme', f('list.yaml'), '--out', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('1 problem in the theme:');
    expect(cli.stderr).not.toMatch(/content|internal/);
  });

  it('warns of low contrast and of close section colours, in the log and preflight.json', async () => {
    const dir = themeDir({ 'pale.yaml': 'extends: languedoc-roussillon\ncolours:\n  muted: { cmyk: [0, 0, 0, 35] }\nsectionColours:\n  - { cmyk: [100, 60, 0, 10] }\n  - { cmyk: [100, 55, 0, 10] }\n  - { cmyk: [0, 0, 0, 100] }\n' });
    const loaded = await readTheme(ROOT, path.join(dir, 'pale.yaml'));
    const muted = loaded.theme.colours.muted.rgb;
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio(muted, '#ffffff')).toBeLessThan(4.5);
    expect(deltaE2000(loaded.theme.sectionColours[0]!.rgb, loaded.theme.sectionColours[1]!.rgb)).toBeLessThan(10);
    // One section: its colour has no neighbour to be confused with.
    expect(checkSectionColours(loaded.theme, 1, 'x')).toEqual([]);
    expect(checkContrast(loaded.theme, 3, 'x').map((w) => w.message).join('\n')).toContain('colours.muted');
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-theme-yaml-'));
    const lines: string[] = [];
    await build({ root: ROOT, content: 'content', out, documents: ['dossier'], outputs: ['print'], theme: path.join(dir, 'pale.yaml'), sourceDateEpoch: EPOCH, log: (l) => lines.push(l) });
    const report = JSON.parse(readFileSync(path.join(out, 'preflight.json'), 'utf8')) as { theme: { file: string; warnings: string[] }; files: { warnings: string[] }[] };
    const contrast = report.theme.warnings.find((w) => w.includes('colours.muted'));
    expect(contrast).toMatch(new RegExp(`^theme ${path.join(dir, 'pale.yaml').replace(/[.]/g, '\\.')}: colours\\.muted \\(${muted}\\) on colours\\.paper \\(#ffffff\\), .* contrast \\d\\.\\d\\d : 1, below WCAG 2\\.1's 4\\.5 : 1$`));
    const close = report.theme.warnings.find((w) => w.includes('ΔE2000'));
    expect(close).toMatch(/sectionColours\[0\] \(#[0-9a-f]{6}\) and sectionColours\[1\] \(#[0-9a-f]{6}\) are ΔE2000 \d+\.\d apart, below 10/);
    expect(report.files[0]!.warnings).toEqual(expect.arrayContaining([contrast, close]));
    expect(lines).toContain(`warning: ${contrast}`);
  });

  it('takes the QR minimum from the printer’s module size: 15 mm passes for a short URL, a size too small names the theme file and the smallest size', async () => {
    expect(minQrSizeMm(25, 0.33)).toBeCloseTo(8.25, 10);
    const events = [{ id: 'e1', url: 'https://ess.fr/a', qr: { modules: 25 } }, { id: 'e2', url: 'https://ess.fr/b', qr: { modules: 29 } }];
    const model = { events } as unknown as Model;
    const content = { events: [] } as unknown as Content;
    const place = { file: 'themes/x.yaml', line: 12, col: 14 };
    expect(checkQrDensity(model, content, { token: 'qr.eventSize', sizeMm: 15, place }, 0.33)).toEqual({ theme: [], events: [] });
    const small = checkQrDensity(model, content, { token: 'qr.eventSize', sizeMm: 8, place }, 0.33);
    expect(small.theme).toHaveLength(1);
    expect(small.theme[0]).toMatchObject({ file: 'themes/x.yaml', line: 12, col: 14, path: 'qr.eventSize', hint: 'set qr.eventSize to 9.6 mm or more' });
    // Between the two: the denser URL is the cause, named at its event, with the size that would do.
    const between = checkQrDensity(model, content, { token: 'qr.eventSize', sizeMm: 9, place }, 0.33);
    expect(between.theme).toEqual([]);
    expect(between.events.map((p) => p.path)).toEqual(['event e2 url']);
    expect(between.events[0]!.hint).toContain('set qr.eventSize to 9.6 mm or more in themes/x.yaml:12');
    // Through a build: a theme file with 6 mm codes is refused at its line.
    const dir = themeDir({ 'tiny-qr.yaml': 'extends: languedoc-roussillon\nqr: { eventSize: 6, posterSize: 30, flyerSize: 28, errorCorrection: M }\n' });
    const file = path.join(dir, 'tiny-qr.yaml');
    await expect(build({ root: ROOT, content: 'content', out: dir, documents: ['flyer'], theme: file, sourceDateEpoch: EPOCH })).rejects.toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}:2:18 qr\\.eventSize: QR codes set at 6 mm.*\\n  Hint: set qr\\.eventSize to \\d+\\.\\d mm or more`));
  });

  it('counts the theme files read in the build cache’s fingerprint, a theme outside the project too', () => {
    const dir = themeDir({ 'outside.yaml': 'extends: languedoc-roussillon\n' });
    const file = path.join(dir, 'outside.yaml');
    const before = toolFingerprint([file]);
    expect(before).not.toBe(toolFingerprint());
    const dir2 = themeDir({ 'outside.yaml': 'extends: languedoc-roussillon\nsafeArea: 4\n' });
    expect(toolFingerprint([path.join(dir2, 'outside.yaml')])).not.toBe(before);
    // The dev server rebuilds every document when a theme file changes, in its warm build
    // process: every build reads the theme again, and the file's key holds the theme itself.
    expect(touchedDocuments(path.join(ROOT, 'themes/midi-pyrenees.yaml'), ROOT, 'content')).toEqual({ ids: ['programme', 'affiche', 'flyer', 'dossier-de-presse'], restart: false });
  });
});
