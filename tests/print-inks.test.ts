import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { build } from '../src/build.js';
import { theme, selectTheme, loadTheme } from '../layouts/theme.js';
import { ContentError } from '../src/model/errors.js';
import { inspectPdf } from '../src/preflight/pdf.js';
import { loadPrinter } from '../src/load/printer.js';
import { ROOT, EPOCH } from './helpers/sample.js';
import { sharedBuild } from './helpers/shared.js';
import { inkCoverage, maxTotalInk, separations } from './helpers/ghostscript.js';

/** The sample's content in a scratch folder, its campaign.yaml changed by `edit`; its path relative to ROOT. */
function contentWith(edit: (campaign: string) => string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-inks-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'campaign.yaml'), edit(readFileSync(path.join(dir, 'campaign.yaml'), 'utf8')));
  return path.relative(ROOT, dir);
}

/** The first OutputIntent of a PDF: its identifier and its profile's bytes. */
function outputIntent(doc: PDFDocument): { id: string; icc: Buffer } {
  const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
  const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
  return { id: intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText(), icc: inflateSync(profile.contents) };
}

/** A page's content streams, decoded, as Latin-1 text. */
function pageContent(doc: PDFDocument, contents: PDFObject | undefined): string {
  const obj = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  if (obj instanceof PDFArray) return obj.asArray().map((o) => pageContent(doc, o)).join('\n');
  return obj instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(obj).decode()).toString('latin1') : '';
}

/** The Separation colour spaces of a PDF: [colorant, alternate space, C1 of its tint transform]. */
function separationsIn(doc: PDFDocument): [string, string, number[]][] {
  const found: [string, string, number[]][] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFArray) || obj.lookupMaybe(0, PDFName)?.decodeText() !== 'Separation') continue;
    const fn = obj.lookup(3, PDFDict);
    found.push([obj.lookup(1, PDFName).decodeText(), obj.lookup(2, PDFName).decodeText(), fn.lookup(PDFName.of('C1'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber())]);
  }
  return found;
}

// What the printer's RIP makes of the print files' inks: Ghostscript's separations (tiffsep).

let out = '';
beforeAll(async () => {
  out = await sharedBuild('sample');
});

describe('black overprint (printer profile offset: overprintBlack: true)', () => {
  it('sets 100 % K text and rules to overprint with an ExtGState /OP true /op true /OPM 1, and the preflight finds every one overprinting', async () => {
    const bytes = readFileSync(path.join(out, 'programme.pdf'));
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const overprinting = new Set<string>();
    for (const page of doc.getPages()) {
      const states = page.node.Resources()?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
      for (const [name, ref] of states?.entries() ?? []) {
        const gs = doc.context.lookup(ref, PDFDict);
        const flag = (k: string) => (gs.get(PDFName.of(k)) as PDFBool | undefined)?.asBoolean();
        if (flag('OP') && flag('op') && gs.lookupMaybe(PDFName.of('OPM'), PDFNumber)?.asNumber() === 1) overprinting.add(name.decodeText());
      }
    }
    // /OP true /op true: the text's fill (op) and strokes (OP; black where no other stroke colour is set).
    expect(overprinting.size).toBeGreaterThan(0);
    const report = await inspectPdf('programme.pdf', bytes, { printer: await loadPrinter('offset') });
    expect(report.errors).toEqual([]);
    expect(report.overprint?.black).toBe(true);
    expect(report.overprint?.blackFills).toBeGreaterThan(100);
    expect(report.overprint?.overprinted).toBe(report.overprint?.blackFills);
    // The text in 100 % K: every run of it shown under an overprinting state.
    expect(report.overprint?.blackText).toBeGreaterThan(100);
    expect(report.overprint?.blackTextOverprinted).toBe(report.overprint?.blackText);
    // The screen file has no overprint.
    const screen = await inspectPdf('screen/programme.pdf', readFileSync(path.join(out, 'screen/programme.pdf')), {});
    expect(screen.overprint?.overprinted).toBe(0);
  });

  it('leaves no hole in a tint plate under black text (tiffsep; control: the same file rendered with overprint disabled has them)', async () => {
    const bytes = readFileSync(path.join(out, 'programme.pdf'));
    // The first page that sets the theme's tint and 100 % K (as the print file writes them): rendered alone.
    selectTheme((await loadTheme(ROOT, 'languedoc-roussillon')).theme);
    const tint = `${theme.colours.tint.cmyk.map((v) => Math.round(v * 100) / 10000).join(' ')} k`;
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const page = doc.getPages().findIndex((p) => {
      const text = pageContent(doc, p.node.get(PDFName.of('Contents')));
      return text.includes(tint) && text.includes('0 0 0 1 k');
    }) + 1;
    expect(page, `a page with ${tint} and 0 0 0 1 k`).toBeGreaterThan(0);
    const [printed, control] = await Promise.all([separations(bytes, 50, { pages: [page, page] }), separations(bytes, 50, { pages: [page, page], overprint: false })]);
    let holes = 0;
    let filled = 0;
    for (const [i, ko] of control.entries()) {
      const k = ko.get('Black')!;
      const w = k.width;
      for (const tint of ['Cyan', 'Magenta', 'Yellow']) {
        const t = ko.get(tint)!.ink;
        const real = printed[i]!.get(tint)!.ink;
        for (let p = 4 * w; p < t.length - 4 * w; p++) {
          // A hole of the control: full black, no tint ink, in a tint (inked 4 px away on both sides, both ways).
          if (k.ink[p]! < 200 || t[p] !== 0 || !(t[p - 4]! > 0 && t[p + 4]! > 0 && t[p - 4 * w]! > 0 && t[p + 4 * w]! > 0)) continue;
          holes++;
          if (real[p]! > 0) filled++;
        }
      }
    }
    expect(holes, 'black text on a tint in the booklet').toBeGreaterThan(20);
    expect(filled).toBe(holes);
  });
});

describe('uncoated and recycled paper (printers offset-uncoated, offset-recycled)', () => {
  it('printer: offset-uncoated in campaign.yaml: FOGRA29 OutputIntent, logos converted through it, ink within its 280 % (inkcov, tiffsep)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-uncoated-'));
    const content = contentWith((c) => `${c}\nprinter: offset-uncoated\n`);
    await build({ root: ROOT, content, out, documents: ['affiche'], sourceDateEpoch: EPOCH, outputs: ['print'] });
    const bytes = readFileSync(path.join(out, 'affiche.pdf'));
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const intent = outputIntent(doc);
    expect(intent.id).toBe('FOGRA29');
    expect(intent.icc.equals(readFileSync(path.join(ROOT, 'assets/icc/encre-FOGRA29.icc')))).toBe(true);
    // The logos are CMYK JPEGs converted through FOGRA29: not the bytes the FOGRA39 build placed.
    const jpegs = (d: PDFDocument) => d.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFRawStream && o.dict.get(PDFName.of('Filter'))?.toString() === '/DCTDecode' ? [Buffer.from(o.contents).toString('base64')] : []));
    const coated = await PDFDocument.load(readFileSync(path.join(await sharedBuild('sample'), 'affiche.pdf')), { updateMetadata: false });
    expect(jpegs(doc).length).toBe(jpegs(coated).length);
    expect(jpegs(doc).filter((j) => jpegs(coated).includes(j))).toEqual([]);
    const limit = (await loadPrinter('offset-uncoated')).inkLimit;
    expect(limit).toBe(280);
    for (const page of inkCoverage(path.join(out, 'affiche.pdf'))) expect(page.c + page.m + page.y + page.k).toBeLessThanOrEqual(limit);
    // The page within its bleed: the crop marks beyond it are in registration (all four inks).
    const [plates] = await separations(bytes, 50, { bleedBox: true });
    // 8-bit plates: 1 % of tolerance for rounding.
    expect(maxTotalInk(plates!)).toBeLessThanOrEqual(limit + 1);
    const sheet = JSON.parse(readFileSync(path.join(out, 'fiche-de-fabrication.json'), 'utf8')) as { files: { profile?: { outputIntent?: string }; inkLimitPercent?: number; paper?: string }[] };
    expect(sheet.files[0]).toMatchObject({ profile: { outputIntent: 'FOGRA29' }, inkLimitPercent: 280 });
    expect(sheet.files[0]!.paper).toMatch(/non couché/);
  });

  it('an unknown printer: in campaign.yaml is refused at its line, with the profiles there are', async () => {
    const content = contentWith((c) => `${c}\nprinter: recycle\n`);
    const lines = readFileSync(path.join(ROOT, content, 'campaign.yaml'), 'utf8').split('\n');
    const error = await build({ root: ROOT, content, out: mkdtempSync(path.join(os.tmpdir(), 'encre-uncoated-')), documents: ['affiche'], sourceDateEpoch: EPOCH }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toContain(`campaign.yaml:${lines.indexOf('printer: recycle') + 1}:10 printer: unknown printer profile "recycle"`);
    expect((error as Error).message).toContain('offset-recycled');
  });
});

describe('spot colours (theme: { spot: NAME, cmyk: alternate })', () => {
  const theme = 'tests/fixtures/themes/spot.yaml';
  it('print as a Separation with its CMYK alternate and make their own plate in tiffsep; the screen file uses the RGB; the preflight lists the inks', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-spot-'));
    await build({ root: ROOT, content: 'content', out, documents: ['affiche'], theme, sourceDateEpoch: EPOCH });
    const bytes = readFileSync(path.join(out, 'affiche.pdf'));
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(separationsIn(doc)).toEqual([['PANTONE 1665 C', 'DeviceCMYK', [0, 0.68, 1, 0]]]);
    const [plates] = await separations(bytes, 20);
    const spot = plates!.get('PANTONE 1665 C');
    expect(spot, [...plates!.keys()].join(', ')).toBeDefined();
    // The brand's band at 100 %, and its 10 % tint: both on the spot plate, neither on the process plates.
    const full = spot!.ink.filter((v) => v === 255).length;
    expect(full / spot!.ink.length).toBeGreaterThan(0.2);
    const m = plates!.get('Magenta')!.ink;
    expect(spot!.ink.filter((v, i) => v === 255 && m[i]! > 0).length).toBe(0);
    const screen = await PDFDocument.load(readFileSync(path.join(out, 'screen/affiche.pdf')), { updateMetadata: false });
    expect(separationsIn(screen)).toEqual([]);
    const report = JSON.parse(readFileSync(path.join(out, 'preflight.json'), 'utf8')) as { files: { file: string; inks?: string[] }[] };
    expect(report.files.find((f) => f.file === 'affiche.pdf')!.inks).toEqual(['Cyan', 'Magenta', 'Yellow', 'Black', 'PANTONE 1665 C']);
    const sheet = JSON.parse(readFileSync(path.join(out, 'fiche-de-fabrication.json'), 'utf8')) as { files: { use: string; colours: { spots: string[] } }[] };
    expect(sheet.files.find((f) => f.use === 'print')!.colours.spots).toEqual(['PANTONE 1665 C']);
  });

  it('become their CMYK alternate for a profile with spots: convert (digital): no Separation, no spot plate', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-spot-'));
    await build({ root: ROOT, content: 'content', out, documents: ['affiche'], theme, printer: 'digital', sourceDateEpoch: EPOCH, outputs: ['print'] });
    const bytes = readFileSync(path.join(out, 'affiche.pdf'));
    expect(separationsIn(await PDFDocument.load(bytes, { updateMetadata: false }))).toEqual([]);
    const [plates] = await separations(bytes, 20);
    expect([...plates!.keys()].sort()).toEqual(['Black', 'Cyan', 'Magenta', 'Yellow']);
    expect(plates!.get('Magenta')!.ink.some((v) => v >= 172 && v <= 175)).toBe(true); // 68 % of 255
  });
});

describe('small text in several inks', () => {
  it('is a warning naming the theme colour, its inks and pages, below the profile\'s smallTextPt (9 pt)', async () => {
    selectTheme((await loadTheme(ROOT, 'languedoc-roussillon')).theme);
    const report = JSON.parse(readFileSync(path.join(out, 'preflight.json'), 'utf8')) as { files: { file: string; warnings: string[] }[] };
    const flyer = report.files.find((f) => f.file === 'flyer.pdf')!;
    const inks = theme.colours.brandText.cmyk.filter((v) => v > 0).length;
    expect(inks).toBeGreaterThanOrEqual(3);
    const warning = flyer.warnings.find((w) => w.includes('colours.brandText'));
    expect(warning).toMatch(new RegExp(`^text from [\\d.]+ pt in ${inks} inks \\(colours\\.brandText.*CMYK ${theme.colours.brandText.cmyk.join('/')}\\) on page`));
    // Not for registration (the slug line), nor for 100 % K text; none in screen files.
    expect(flyer.warnings.filter((w) => /colours\.registration|CMYK 0\/0\/0\/100\)/.test(w))).toEqual([]);
    expect(report.files.find((f) => f.file === 'screen/flyer.pdf')!.warnings.filter((w) => w.includes(' inks '))).toEqual([]);
    // The same file against a profile whose limit is 8 pt: no such warning (the text is 8.5 pt).
    const size = Number(/^text from ([\d.]+) pt/.exec(warning!)![1]);
    const lower = await inspectPdf('flyer.pdf', readFileSync(path.join(out, 'flyer.pdf')), { printer: { ...(await loadPrinter('offset')), smallTextPt: Math.floor(size) } });
    expect(lower.warnings.filter((w) => w.includes(' inks '))).toEqual([]);
  });
});

describe('the screen proof on the printer profile\'s paper (encre preview --proof)', () => {
  it('shows the recycled paper (FOGRA30) yellowish and the coated one (FOGRA39) near white, the page cut to its trim', async () => {
    const bytes = readFileSync(path.join(out, 'flyer.pdf'));
    const { proofPages, paperOf } = await import('../src/preview/proof.js');
    /** The most frequent colour of a raster: the paper of a page mostly unprinted. */
    const paper = (r: { rgba: Uint8Array }) => {
      const counts = new Map<number, number>();
      for (let i = 0; i < r.rgba.length; i += 4) {
        const key = (r.rgba[i]! << 16) | (r.rgba[i + 1]! << 8) | r.rgba[i + 2]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const key = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      return [key >> 16, (key >> 8) & 255, key & 255];
    };
    const icc = (name: string) => new Uint8Array(readFileSync(path.join(ROOT, 'assets/icc', name)));
    // The page mostly paper: the one whose most frequent colour is the lightest.
    const lightest = (pages: { rgba: Uint8Array }[]) => pages.reduce((a, b) => (paper(b).reduce((x, y) => x + y) > paper(a).reduce((x, y) => x + y) ? b : a));
    const recycled = lightest(await proofPages(bytes, 30, icc('encre-FOGRA30.icc'))) as { width: number; rgba: Uint8Array };
    const coated = lightest(await proofPages(bytes, 30, icc('encre-FOGRA39.icc')));
    // The TrimBox at 30 dpi: 148 × 210 mm.
    expect(recycled!.width).toBe(Math.round((148 / 25.4) * 30));
    const [r, , b] = paper(recycled!);
    const [cr, cg, cb] = paper(coated!);
    expect(r! - b!, `recycled paper ${paper(recycled!)}`).toBeGreaterThan(5);
    expect(Math.max(cr!, cg!, cb!) - Math.min(cr!, cg!, cb!), `coated paper ${paper(coated!)}`).toBeLessThan(8);
    // The paper of the profile (its media white point), as the proof shows it.
    const p = paperOf(icc('encre-FOGRA30.icc'));
    expect(p[0]).toBeGreaterThan(p[2]);
  });
});
