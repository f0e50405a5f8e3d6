import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, mkdirSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { build } from '../src/build.js';
import { PreflightError } from '../src/model/errors.js';
import { saddleOrder, imposeSaddle, parseCreep } from '../src/post/impose.js';
import { mm } from '../src/units.js';
import { logoColours, logoInks, readVectorLogo } from '../src/assets/svg.js';
import { openPdf, pageTexts } from './helpers/pdf.js';
import { ROOT, EPOCH } from './helpers/sample.js';
import { sharedBuild } from './helpers/shared.js';

const DOCS = ['programme.pdf', 'affiche.pdf', 'flyer.pdf', 'dossier-de-presse.pdf'];
/** Finished sizes in pt (ISO 216 in mm × 72 / 25.4). */
const TRIM: Record<string, [number, number]> = {
  'programme.pdf': [419.53, 595.28],
  'affiche.pdf': [841.89, 1190.55],
  'flyer.pdf': [419.53, 595.28],
  'dossier-de-presse.pdf': [595.28, 841.89],
};
const BLEED_PT = 8.5; // 3 mm

let out = '';
const load = async (file: string) => PDFDocument.load(readFileSync(path.join(out, file)), { updateMetadata: false });

/** Every content stream of a document, decoded, as Latin-1 text. */
function contentStreams(doc: PDFDocument): string {
  const parts: string[] = [];
  doc.context.enumerateIndirectObjects().forEach(([, obj]) => {
    if (!(obj instanceof PDFRawStream)) return;
    const type = obj.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
    if (type === 'Image' || obj.dict.get(PDFName.of('N')) || obj.dict.get(PDFName.of('Length1')) || obj.dict.get(PDFName.of('Subtype'))) return;
    try {
      parts.push(Buffer.from(decodePDFRawStream(obj).decode()).toString('latin1'));
    } catch {
      /* not a content stream */
    }
  });
  return parts.join('\n');
}

beforeAll(async () => {
  out = await sharedBuild('sample');
});

describe('print files (printer profile "offset")', () => {
  it('give every page a TrimBox of the finished size and a BleedBox 3 mm beyond it', async () => {
    for (const file of DOCS) {
      const doc = await load(file);
      for (const [i, page] of doc.getPages().entries()) {
        const trim = page.getTrimBox();
        const bleed = page.getBleedBox();
        const media = page.getMediaBox();
        expect(Math.abs(trim.width - TRIM[file]![0]), `${file} p${i + 1}`).toBeLessThan(0.01);
        expect(Math.abs(trim.height - TRIM[file]![1]), `${file} p${i + 1}`).toBeLessThan(0.01);
        for (const d of [trim.x - bleed.x, trim.y - bleed.y, bleed.x + bleed.width - trim.x - trim.width, bleed.y + bleed.height - trim.y - trim.height]) {
          expect(Math.abs(d - BLEED_PT), `${file} p${i + 1} bleed`).toBeLessThan(0.01);
        }
        // crop marks on: the MediaBox holds the slug around the bleed
        expect(media.width).toBeGreaterThan(bleed.width + 2 * 17);
      }
    }
  });

  it('carry a PDF/X-4 output intent with an embedded 4-component ICC profile, and PDF 1.6', async () => {
    for (const file of DOCS) {
      const bytes = readFileSync(path.join(out, file));
      expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.6');
      const doc = await load(file);
      const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
      const intent = intents.lookup(0, PDFDict);
      expect(intent.lookup(PDFName.of('S'), PDFName).decodeText()).toBe('GTS_PDFX');
      const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream);
      expect(profile.dict.lookup(PDFName.of('N'), PDFNumber).asNumber()).toBe(4);
      const info = (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();
      expect(info.get(PDFName.of('GTS_PDFXVersion'))?.toString()).toBe('(PDF/X-4)');
      expect(info.get(PDFName.of('Trapped'))?.toString()).toBe('/False');
      expect(doc.catalog.get(PDFName.of('Metadata'))).toBeDefined();
    }
  });

  it('write the theme colours as the designer’s exact CMYK, text in 100 % K, and no RGB at all', async () => {
    const affiche = contentStreams(await load('affiche.pdf'));
    expect(affiche).toContain('0 0.8 1 0 k'); // brand 0/80/100/0
    const programme = contentStreams(await load('programme.pdf'));
    expect(programme).toContain('0 0 0 1 k'); // text black
    for (const file of DOCS) {
      const raw = readFileSync(path.join(out, file)).toString('latin1');
      const streams = contentStreams(await load(file));
      expect(streams, file).not.toMatch(/(^|\s)[\d.]+\s+[\d.]+\s+[\d.]+\s+(rg|RG)(\s|$)/);
      expect(raw + streams, file).not.toContain('DeviceRGB');
    }
  });

  it('place logos as CMYK images of at least 300 ppi, and embed every font', async () => {
    const report = JSON.parse(readFileSync(path.join(out, 'preflight.json'), 'utf8')) as { files: { file: string; errors: string[]; images: { colour: string; ppi: number }[]; fonts: { embedded: boolean }[]; maxInkPercent: number }[] };
    const print = report.files.filter((f) => !f.file.startsWith('screen'));
    expect(print).toHaveLength(4);
    for (const f of report.files) expect(f.errors, f.file).toEqual([]);
    for (const f of print) {
      for (const img of f.images) {
        expect(img.colour).toBe('DeviceCMYK');
        expect(img.ppi).toBeGreaterThanOrEqual(300);
      }
      expect(f.fonts.every((x) => x.embedded)).toBe(true);
      expect(f.maxInkPercent).toBeLessThanOrEqual(300);
    }
  });

  it('name each font subset after its glyphs: one name, one subset, across all eight files', async () => {
    const programs = new Map<string, Set<string>>();
    for (const file of [...DOCS, ...DOCS.map((d) => `screen/${d}`)]) {
      const doc = await load(file);
      for (const [, obj] of doc.context.enumerateIndirectObjects()) {
        if (!(obj instanceof PDFDict) || !obj.get(PDFName.of('FontFile3'))) continue;
        const name = obj.lookup(PDFName.of('FontName'), PDFName).decodeText();
        expect(name).toMatch(/^[A-Z]{6}\+Inter/);
        const stream = obj.lookup(PDFName.of('FontFile3'));
        if (!(stream instanceof PDFRawStream)) throw new Error(`${file}: ${name} has no raw font program`);
        const program = Buffer.from(stream.contents).toString('base64');
        programs.set(name, (programs.get(name) ?? new Set()).add(program));
      }
    }
    // pdfkit named the first font of every file "CZZZZZ+…" whatever its glyphs.
    expect(programs.size).toBeGreaterThan(12);
    for (const [name, set] of programs) expect(set.size, name).toBe(1);
  });

  it('keep SVG logos as vectors: no image in the print file (the screen file has them), their paths in DeviceCMYK through the output profile', async () => {
    const images = (doc: PDFDocument) => doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream && o.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Image').length;
    const print = await load('affiche.pdf');
    // The sample's five partner logos are SVG files.
    expect(images(await load('screen/affiche.pdf'))).toBe(5);
    expect(images(print)).toBe(0);
    const streams = contentStreams(print);
    const colours = [...new Set(['albarede', 'capitelle', 'garrigue-solidaire', 'mutuelle-deux-rives', 'tramontane-initiatives'].flatMap((f) => {
      const logo = readVectorLogo(readFileSync(path.join(ROOT, 'content/assets/logos', `${f}.svg`)));
      return 'raster' in logo ? [] : logoColours(logo);
    }))];
    expect(colours.length).toBeGreaterThan(10);
    const inks = await logoInks(colours, path.join(ROOT, 'assets/icc/encre-FOGRA39.icc'));
    for (const [hex, cmyk] of inks) {
      if (hex === '#000000' || hex === '#ffffff') continue; // an open stroke's fill, a knock-out white: not always painted
      const values = cmyk.map((v) => String(Math.round(v * 100) / 10000)).join(' ');
      expect(streams.includes(`${values} k`) || streams.includes(`${values} K`), `${hex} as ${values} k (fill) or K (stroke)`).toBe(true);
    }
  });
});

describe('document information', () => {
  it('has ModDate and CreationDate in the Info dictionary, and an ID whose second part follows the content', async () => {
    const doc = await load('flyer.pdf');
    const info = (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();
    expect(info.get(PDFName.of('ModDate'))).toBeDefined();
    expect(info.get(PDFName.of('ModificationDate'))).toBeUndefined();
    const idOf = (bytes: Buffer) => /\/ID\s*\[\s*<([0-9a-f]+)>\s*<([0-9a-f]+)>/i.exec(bytes.toString('latin1'))!.slice(1);
    const first = idOf(readFileSync(path.join(out, 'flyer.pdf')));
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-id-'));
    try {
      cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'campaign.yaml'), readFileSync(path.join(dir, 'campaign.yaml'), 'utf8').replace(/^tagline: .*$/m, 'tagline: Une autre accroche'));
      const target = mkdtempSync(path.join(os.tmpdir(), 'encre-id-'));
      await build({ root: ROOT, content: path.relative(ROOT, dir), out: target, documents: ['flyer'], sourceDateEpoch: EPOCH });
      const second = idOf(readFileSync(path.join(target, 'flyer.pdf')));
      expect(second[0]).toBe(first[0]);
      expect(second[1]).not.toBe(first[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('screen files', () => {
  it('are trimmed, RGB, with clickable QR codes', async () => {
    const doc = await PDFDocument.load(readFileSync(path.join(out, 'screen/programme.pdf')), { updateMetadata: false });
    const page = doc.getPage(3);
    const media = page.getMediaBox();
    expect(Math.abs(media.width - 419.53)).toBeLessThan(0.01);
    const uris: string[] = [];
    for (const p of doc.getPages()) {
      const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (const a of annots?.asArray() ?? []) {
        const action = doc.context.lookup(a, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
        const uri = action?.get(PDFName.of('URI'));
        if (uri) uris.push(uri.toString());
      }
    }
    expect(uris.some((u) => u.includes('mois-ess.example.org/e/'))).toBe(true);
    expect(readFileSync(path.join(out, 'screen/programme.pdf')).length).toBeLessThan(1_000_000);
  });
});

describe('printer profiles', () => {
  it('"digital": bleed without crop marks (MediaBox = BleedBox)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-digital-'));
    await build({ root: ROOT, content: 'content', out: dir, documents: ['flyer'], printer: 'digital', sourceDateEpoch: EPOCH });
    const doc = await PDFDocument.load(readFileSync(path.join(dir, 'flyer.pdf')), { updateMetadata: false });
    const page = doc.getPage(0);
    const media = page.getMediaBox();
    const bleed = page.getBleedBox();
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(media[k]).toBeCloseTo(bleed[k], 2);
    expect(Math.abs(page.getTrimBox().x - BLEED_PT)).toBeLessThan(0.01);
  });

  it('a bad sample — a 72 ppi logo — fails, naming document, page and image, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-bad-print-'));
    try {
      cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
      const logo = path.join(dir, 'low.png');
      // 34 px for a 12 mm placement: 72 ppi
      writeFileSync(logo, await sharp({ create: { width: 34, height: 34, channels: 3, background: '#336699' } }).png().toBuffer());
      const campaign = readFileSync(path.join(dir, 'campaign.yaml'), 'utf8')
        .replace(/^partners:\n/m, `partners:\n  - { name: Basse résolution, logo: ${path.basename(logo)} }\n`);
      writeFileSync(path.join(dir, 'campaign.yaml'), campaign);
      const target = mkdtempSync(path.join(os.tmpdir(), 'encre-bad-print-'));
      const error = await build({ root: ROOT, content: path.relative(ROOT, dir), out: target, documents: ['affiche', 'programme'], sourceDateEpoch: EPOCH }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PreflightError);
      const message = (error as Error).message;
      expect(message).toMatch(/^affiche\.pdf:/);
      expect(message).toMatch(/image I\d \(34×34\) is 72 ppi at its placed size, below 150 ppi/);
      expect(existsSync(path.join(target, 'affiche.pdf'))).toBe(false);
      expect(existsSync(path.join(target, 'programme.pdf'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('saddle-stitch imposition', () => {
  it('orders the pages of 8, 12, 16 and 28-page booklets', () => {
    expect(saddleOrder(8)).toEqual([[8, 1], [2, 7], [6, 3], [4, 5]]);
    expect(saddleOrder(12)).toEqual([[12, 1], [2, 11], [10, 3], [4, 9], [8, 5], [6, 7]]);
    expect(saddleOrder(16)).toEqual([[16, 1], [2, 15], [14, 3], [4, 13], [12, 5], [6, 11], [10, 7], [8, 9]]);
    const o28 = saddleOrder(28);
    expect(o28).toHaveLength(14);
    expect(o28[0]).toEqual([28, 1]);
    expect(o28[13]).toEqual([14, 15]);
    // every page once, and each side's pair sums to n + 1
    expect(o28.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    for (const [l, r] of o28) expect(l + r).toBe(29);
    expect(() => saddleOrder(30)).toThrow(RangeError);
  });

  it('puts the right page on each half of each A4 landscape side', async () => {
    for (const n of [8, 12]) {
      const src = await PDFDocument.create();
      const font = await src.embedFont('Helvetica'); // test fixture only, never in a build
      for (let i = 1; i <= n; i++) src.addPage([419.53, 595.28]).drawText(`<${i}>`, { x: 200, y: 300, size: 24, font });
      const imposed = openPdf(await imposeSaddle(await src.save(), new Date(0)));
      expect(imposed.countPages()).toBe(n / 2);
      const order = saddleOrder(n);
      for (let s = 0; s < n / 2; s++) {
        const page = imposed.loadPage(s);
        const [x0, , x1] = page.getBounds();
        expect(x1 - x0).toBeCloseTo(841.89, 0);
        const x = (label: string) => {
          const hits = page.search(label, undefined) as unknown as number[][][];
          expect(hits.length, `${label} on side ${s + 1}`).toBe(1);
          return hits[0]![0]![0]!; // x of the first quad's first corner
        };
        const [left, right] = order[s]!;
        expect(x(`<${left}>`)).toBeLessThan(841.89 / 2);
        expect(x(`<${right}>`)).toBeGreaterThan(841.89 / 2);
      }
    }
  });

  it('with a creep, moves the pages of each inner sheet outward by the amount asked per sheet (40 pages: 10 sheets)', async () => {
    const n = 40;
    const src = await PDFDocument.create();
    const font = await src.embedFont('Helvetica'); // test fixture only, never in a build
    for (let i = 1; i <= n; i++) src.addPage([419.53, 595.28]).drawText(`<${i}>`, { x: 200, y: 300, size: 24, font });
    const bytes = await src.save();
    const creepMm = 0.1;
    const [flat, crept] = [openPdf(await imposeSaddle(bytes, new Date(0))), openPdf(await imposeSaddle(bytes, new Date(0), creepMm))];
    const x = (doc: ReturnType<typeof openPdf>, s: number, label: string) => (doc.loadPage(s).search(label, undefined) as unknown as number[][][])[0]![0]![0]!;
    const order = saddleOrder(n);
    for (let s = 0; s < n / 2; s++) {
      const sheet = Math.floor(s / 2);
      const [left, right] = order[s]!;
      // Outward: the left page to the left, the right page to the right, by sheet × creep.
      expect(x(flat, s, `<${left}>`) - x(crept, s, `<${left}>`), `side ${s + 1}, page ${left}`).toBeCloseTo(mm(sheet * creepMm), 2);
      expect(x(crept, s, `<${right}>`) - x(flat, s, `<${right}>`), `side ${s + 1}, page ${right}`).toBeCloseTo(mm(sheet * creepMm), 2);
    }
    expect(parseCreep('0.1mm')).toBe(0.1);
    expect(parseCreep('0.72pt')).toBeCloseTo(0.254, 3);
    expect(() => parseCreep('5mm')).toThrow(/--creep expects the shift per sheet, e.g. 0.1mm.*received "5mm"/);
    expect(() => parseCreep('thin')).toThrow(RangeError);
  });

  it('is written by --impose saddle from the programme', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-impose-'));
    await build({ root: ROOT, content: 'content', out: dir, documents: ['programme'], impose: 'saddle', sourceDateEpoch: EPOCH });
    const imposed = openPdf(readFileSync(path.join(dir, 'programme-imposition.pdf')));
    const programme = openPdf(readFileSync(path.join(dir, 'programme.pdf')));
    expect(imposed.countPages()).toBe(programme.countPages() / 2);
    expect(pageTexts(imposed)[0]).toContain('Programme'); // the cover is on the first side
  });
});

mkdirSync(path.join(ROOT, 'tests/.output'), { recursive: true });
