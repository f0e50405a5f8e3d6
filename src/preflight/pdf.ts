import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, PDFHexString, decodePDFRawStream, type PDFObject } from '../post/pdf-lib.js';
import { readContent, type ContentFacts, type GsFlags, type Matrix } from './content.js';
import { sealed } from '../cache/hash.js';
import { KeptMap } from '../cache/kept.js';
import { toMm } from '../units.js';
import type { Printer } from '../model/printer.js';
import { LOAD } from '../post/pdflib-options.js';

/** An image as placed in the file. */
export interface PlacedImage {
  page: number;
  name: string;
  pixels: [number, number];
  colour: string;
  /** Effective resolution at its placed size, pixels per inch (the lower of the two axes). */
  ppi: number;
}

/** What the preflight found in one PDF file. */
export interface FileReport {
  file: string;
  pages: number;
  /** Trim sizes found, mm (one entry when every page has the same). */
  trimMm: [number, number][];
  /** Bleed found, mm (BleedBox beyond TrimBox; the smallest side). */
  bleedMm: number;
  fonts: { name: string; embedded: boolean }[];
  /** Colour spaces used by colours and images. */
  colourSpaces: string[];
  images: PlacedImage[];
  /** Highest total ink of any colour or image pixel, % (registration marks excluded). */
  maxInkPercent: number;
  outputIntent?: string;
  pdfx?: string;
  /** Spot inks (Separation colour spaces) by colorant name, e.g. « PANTONE 1665 C ». */
  spots?: string[];
  /**
   * The inks the file prints with: the process inks some colour or CMYK image puts on paper
   * (« Cyan », « Magenta », « Yellow », « Black »), then the spot inks.
   */
  inks?: string[];
  /**
   * Overprint: `black` when every 100 % K paint (text, rules, fills) overprints (ExtGState
   * /OP /op true, /OPM 1); the counts of 100 % K paints and of those overprinting, and of the
   * text shown in 100 % K and of that overprinting.
   */
  overprint?: { black: boolean; blackFills: number; overprinted: number; blackText: number; blackTextOverprinted: number };
  errors: string[];
  warnings: string[];
  /** What the layout decided that a designer should know (the programme's copyfitting: « body 8.5 → 8 pt…: 32 → 24 pages »). */
  notes?: string[];
}

/** What the file is checked against. */
export interface Expectation {
  /** A print file for this printer profile; a screen file when undefined. */
  printer?: Printer;
  /**
   * The theme's names of CMYK colours, keyed by their values as content streams write them
   * (0–1, space-separated: "0 0.8 1 0.25" → "colours.brandText"), for the warnings.
   */
  colourNames?: Map<string, string>;
}

/**
 * Inspects a PDF as a printer's preflight would: page boxes on every page, fonts embedded,
 * colour spaces (no RGB in a CMYK print file), each image's effective resolution at its
 * placed size, total ink, output intent and PDF/X identification, annotations.
 * Sources: docs/print.md; ISO 32000-1 §14.11.2 (page boxes); ISO 15930-7 (PDF/X-4).
 * @param parsed the document `bytes` were saved from, when the caller has it (saves parsing them again).
 * @returns the report; `errors` fail a build, `warnings` are reported.
 */
export async function inspectPdf(file: string, bytes: Uint8Array, expect: Expectation, parsed?: PDFDocument): Promise<FileReport> {
  const doc = parsed ?? (await PDFDocument.load(bytes, LOAD));
  const report: FileReport = { file, pages: doc.getPageCount(), trimMm: [], bleedMm: Infinity, fonts: [], colourSpaces: [], images: [], maxInkPercent: 0, errors: [], warnings: [] };
  const spaces = new Set<string>();
  const fonts = new Map<string, boolean>();
  const trims = new Map<string, [number, number]>();
  const imageInk = new Map<string, number>();
  const over: OverprintTally = { black: 0, blackOverprinted: 0, otherOverprinted: 0, blackText: 0, blackTextOverprinted: 0, knockOutPages: new Set(), otherPages: new Set(), spots: new Set(), process: new Set(), inkedText: new Map() };
  let annotations = 0;
  let marked = 0;

  for (const [i, page] of doc.getPages().entries()) {
    const n = i + 1;
    const media = page.getMediaBox();
    const bleed = page.node.get(PDFName.of('BleedBox')) ? page.getBleedBox() : undefined;
    const trim = page.node.get(PDFName.of('TrimBox')) ? page.getTrimBox() : undefined;
    if (!trim) report.errors.push(`page ${n}: no TrimBox`);
    if (expect.printer && !bleed) report.errors.push(`page ${n}: no BleedBox`);
    if (trim) {
      const size: [number, number] = [round(toMm(trim.width)), round(toMm(trim.height))];
      trims.set(size.join('x'), size);
      const outer = bleed ?? media;
      if (!inside(trim, outer) || !inside(outer, media)) report.errors.push(`page ${n}: boxes not nested (MediaBox ⊇ BleedBox ⊇ TrimBox)`);
      if (bleed) report.bleedMm = Math.min(report.bleedMm, toMm(Math.min(trim.x - bleed.x, trim.y - bleed.y, bleed.x + bleed.width - trim.x - trim.width, bleed.y + bleed.height - trim.y - trim.height)));
    }
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (annots && annots.size() > 0) annotations++;
    if (expect.printer && bleed) {
      // Crop marks need paper beyond the bleed: a MediaBox larger than the BleedBox.
      const slugged = media.width - bleed.width > 1 || media.height - bleed.height > 1;
      if (slugged) marked++;
    }
    const resources = page.node.Resources();
    const contents = contentText(doc, page.node.get(PDFName.of('Contents')));
    walk(doc, contents, resources, [1, 0, 0, 1, 0, 0], n, report, spaces, fonts, over);
  }
  report.trimMm = [...trims.values()];
  if (!Number.isFinite(report.bleedMm)) report.bleedMm = 0;
  report.bleedMm = round(report.bleedMm);
  report.fonts = [...fonts.entries()].map(([name, embedded]) => ({ name, embedded }));
  report.colourSpaces = [...spaces].sort();
  report.spots = [...over.spots].sort();
  report.overprint = { black: over.black > 0 && over.blackOverprinted === over.black, blackFills: over.black, overprinted: over.blackOverprinted, blackText: over.blackText, blackTextOverprinted: over.blackTextOverprinted };
  for (const f of report.fonts) if (!f.embedded) report.errors.push(`font ${f.name} is not embedded`);

  // Ink of the images (CMYK JPEGs are decoded; others count as their colour space).
  for (const [key, stream] of imagesToMeasure(doc, report)) {
    const ink = await jpegInk(stream);
    imageInk.set(key, ink.max);
    ink.channels.forEach((used, i) => used && over.process.add(i));
  }
  report.inks = [...[...over.process].sort().map((i) => PROCESS[i]!), ...(report.spots ?? [])];
  report.maxInkPercent = Math.round(Math.max(report.maxInkPercent, ...imageInk.values(), 0));

  const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const first = intents?.lookupMaybe(0, PDFDict);
  const id = first?.lookupMaybe(PDFName.of('OutputConditionIdentifier'), PDFString, PDFHexString);
  if (id) report.outputIntent = id.decodeText();
  const info = (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();
  const x = info.lookupMaybe(PDFName.of('GTS_PDFXVersion'), PDFString, PDFHexString);
  if (x) report.pdfx = x.decodeText();

  if (!info.get(PDFName.of('ModDate'))) report.errors.push('no ModDate in the Info dictionary');
  const p = expect.printer;
  if (!p && report.colourSpaces.some((c) => /CMYK/.test(c))) report.warnings.push('CMYK colours in a screen file: is this the print file?');
  if (p) {
    if (p.cropMarks && marked < report.pages) report.errors.push(`the printer asks for crop marks: ${report.pages - marked} page(s) have no slug beyond the bleed for them`);
    if (!p.cropMarks && marked > 0) report.errors.push(`the printer refuses crop marks: ${marked} page(s) have a slug beyond the bleed`);
    if (Math.abs(report.bleedMm - p.bleed) > 0.05) report.errors.push(`bleed is ${report.bleedMm} mm, the printer asks for ${p.bleed} mm`);
    if (p.colour === 'cmyk') {
      const rgb = report.colourSpaces.filter((s) => /RGB|ICCBased-3|Cal/.test(s));
      if (rgb.length > 0) report.errors.push(`RGB in a CMYK print file: ${rgb.join(', ')}`);
    }
    const pages = (set: Set<number>) => pageRanges([...set]);
    if (p.overprintBlack && over.black > over.blackOverprinted) report.errors.push(`the printer profile overprints black: ${over.black - over.blackOverprinted} of ${over.black} paints in 100 % K knock out (page${over.knockOutPages.size > 1 ? 's' : ''} ${pages(over.knockOutPages)})`);
    if (over.otherOverprinted > 0) report.errors.push(`${over.otherOverprinted} paints in colours other than 100 % K overprint (page${over.otherPages.size > 1 ? 's' : ''} ${pages(over.otherPages)}): they would mix with the inks below them`);
    // Small text in 3 or 4 inks: the inks never register exactly, and fine strokes blur.
    for (const [key, t] of over.inkedText) {
      const inks = t.values.filter((v) => v > 0).length;
      // Registration (all four at 100 %) is the slug line's, outside the trim: meant to be on every plate.
      if (inks < 3 || t.sizePt >= p.smallTextPt - 0.01 || t.values.every((v) => v === 1)) continue;
      const name = expect.colourNames?.get(key);
      report.warnings.push(`text from ${round(t.sizePt)} pt in ${inks} inks (${name ? `${name}, ` : ''}CMYK ${t.values.map((v) => Math.round(v * 100)).join('/')}) on page${t.pages.size > 1 ? 's' : ''} ${pages(t.pages)}: small text in ${inks} inks risks misregistration below ${p.smallTextPt} pt; set it in one or two inks (e.g. 100 % K)`);
    }
    if (p.spots === 'convert' && report.spots.length > 0) report.errors.push(`spot colours in a file for a profile that converts them (spots: convert): ${report.spots.join(', ')}`);
    if (report.maxInkPercent > p.inkLimit) report.errors.push(`total ink reaches ${report.maxInkPercent} %, above the printer's ${p.inkLimit} %`);
    for (const img of report.images) {
      if (img.ppi < p.failPpi) report.errors.push(`page ${img.page}: image ${img.name} is ${img.ppi} ppi at its placed size, below ${p.failPpi} ppi`);
      else if (img.ppi < p.minPpi) report.warnings.push(`page ${img.page}: image ${img.name} is ${img.ppi} ppi at its placed size (${p.minPpi} ppi recommended)`);
    }
    if (p.pdfx !== 'none') {
      if (report.pdfx !== p.pdfx) report.errors.push(`declares ${report.pdfx ?? 'no PDF/X version'}, the printer asks for ${p.pdfx}`);
      if (!report.outputIntent) report.errors.push('no PDF/X output intent');
      if (annotations > 0) report.errors.push(`${annotations} page(s) carry annotations (links): PDF/X print files have none`);
      const loose = annotationObjects(doc);
      if (loose > 0 && annotations === 0) report.errors.push(`${loose} annotation object(s) (links) in the file, on no page: PDF/X print files have none`);
    }
  }
  return report;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Page numbers as ranges: [1, 2, 3, 5, 7, 8] → "1–3, 5, 7–8". */
export function pageRanges(pages: number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

function inside(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  const e = 0.01;
  return a.x >= b.x - e && a.y >= b.y - e && a.x + a.width <= b.x + b.width + e && a.y + a.height <= b.y + b.height + e;
}

function contentText(doc: PDFDocument, obj: PDFObject | undefined): string {
  const resolved = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
  if (resolved instanceof PDFArray) return resolved.asArray().map((o) => contentText(doc, o)).join('\n');
  if (resolved instanceof PDFRawStream) return streamText(resolved);
  return '';
}

/**
 * A stream's decoded bytes as Latin-1 text: Flate (the only filter encre's content streams
 * use) through Node's zlib, anything else through pdf-lib's decoders (slower, in JavaScript).
 */
function streamText(stream: PDFRawStream): string {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  if (filter instanceof PDFName && filter.decodeText() === 'FlateDecode' && !stream.dict.has(PDFName.of('DecodeParms'))) {
    return inflateSync(stream.contents).toString('latin1');
  }
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

/** Overprint counts over a file (src/preflight/content.ts ContentFacts.overprint), with the pages of each kind. */
interface OverprintTally {
  black: number;
  blackOverprinted: number;
  otherOverprinted: number;
  blackText: number;
  blackTextOverprinted: number;
  /** Pages with 100 % K paints that knock out, and with other colours that overprint. */
  knockOutPages: Set<number>;
  otherPages: Set<number>;
  /** Spot colorants found (Separation colour spaces used). */
  spots: Set<string>;
  /** Process inks with some coverage: indexes 0–3 of C, M, Y, K. */
  process: Set<number>;
  /** Text in colours of several inks: by colour values, the smallest size and the pages. */
  inkedText: Map<string, { values: number[]; sizePt: number; pages: Set<number> }>;
}

const PROCESS = ['Cyan', 'Magenta', 'Yellow', 'Black'];

/** The overprint flags of the ExtGStates a resource dictionary names. */
function gsFlagsOf(resources: PDFDict | undefined): GsFlags {
  const states = resources?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
  return (name) => {
    const gs = states?.lookupMaybe(PDFName.of(name), PDFDict);
    if (!gs) return undefined;
    const flag = (k: string) => {
      const v = gs.get(PDFName.of(k));
      return v instanceof PDFBool ? v.asBoolean() : undefined;
    };
    return { OP: flag('OP'), op: flag('op') };
  };
}

/**
 * Content streams read before, by their text, matrix and overprint states (read-only facts),
 * at most 24 M characters of keys; undefined: not remembered.
 */
let factsKept: KeptMap<string, ContentFacts> | undefined;

/**
 * Keeps what each content stream does for the next preflight that reads the same stream:
 * the preview's build process, whose rebuilds leave most pages as they were. Off in a
 * build (its print and screen files share no stream: keys would only cost).
 */
export function rememberContentFacts(): void {
  factsKept ??= new KeptMap(24 << 20, (key) => key.length);
}

/**
 * What a content stream does (src/preflight/content.ts readContent), remembered per stream:
 * the preview preflights its file at every rebuild, most of whose pages are as they were.
 * The key holds all that the reading depends on: the text, the matrix in force and the
 * overprint flags of every ExtGState the resources name.
 */
function contentFacts(text: string, ctm: Matrix, resources: PDFDict | undefined): ContentFacts {
  if (!factsKept) return readContent(text, ctm, gsFlagsOf(resources));
  const states = resources?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
  const flags = gsFlagsOf(resources);
  const gs = states ? states.keys().map((k) => `${k.decodeText()}:${JSON.stringify(flags(k.decodeText()))}`).join(',') : '';
  const key = `${ctm.join(' ')}|${gs}|${text}`;
  let facts = factsKept.get(key);
  if (!facts) {
    facts = sealed(readContent(text, ctm, flags));
    factsKept.set(key, facts);
  }
  return facts;
}

function walk(
  doc: PDFDocument, text: string, resources: PDFDict | undefined, ctm: Matrix, page: number, report: FileReport,
  spaces: Set<string>, fonts: Map<string, boolean>, over: OverprintTally,
): void {
  const facts = contentFacts(text, ctm, resources);
  const o = facts.overprint;
  over.black += o.black;
  over.blackOverprinted += o.blackOverprinted;
  over.otherOverprinted += o.otherOverprinted;
  over.blackText += o.blackText;
  over.blackTextOverprinted += o.blackTextOverprinted;
  if (o.black > o.blackOverprinted) over.knockOutPages.add(page);
  if (o.otherOverprinted > 0) over.otherPages.add(page);
  for (const t of facts.inkedText) {
    const key = t.values.join(' ');
    const known = over.inkedText.get(key) ?? { values: t.values, sizePt: t.sizePt, pages: new Set<number>() };
    known.sizePt = Math.min(known.sizePt, t.sizePt);
    known.pages.add(page);
    over.inkedText.set(key, known);
  }
  const named = resources?.lookupMaybe(PDFName.of('ColorSpace'), PDFDict);
  for (const name of new Set(facts.spaces)) {
    const spot = separationName(doc, named?.get(PDFName.of(name)));
    if (spot) over.spots.add(spot);
  }
  for (const c of facts.colours) {
    const space = resolveSpace(doc, c.space, named);
    spaces.add(space);
    if (space === 'DeviceCMYK' && c.values.length === 4) c.values.forEach((v, i) => v > 0 && over.process.add(i));
    if (space === 'DeviceCMYK' && c.values.length === 4 && !c.values.every((v) => v === 1)) {
      report.maxInkPercent = Math.max(report.maxInkPercent, c.values.reduce((a, b) => a + b, 0) * 100);
    }
  }
  const fontDict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [, ref] of fontDict?.entries() ?? []) {
    const font = doc.context.lookup(ref, PDFDict);
    const base = font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '?';
    fonts.set(base, fonts.get(base) ?? fontEmbedded(doc, font));
  }
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const d of facts.draws) {
    const ref = xobjects?.get(PDFName.of(d.name));
    const x = ref ? doc.context.lookup(ref) : undefined;
    if (!(x instanceof PDFStream)) continue;
    const subtype = x.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
    if (subtype === 'Image') {
      const w = x.dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
      const h = x.dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0;
      const cs = resolveSpace(doc, x.dict.get(PDFName.of('ColorSpace')), named);
      spaces.add(cs);
      const [a, b, c, dd] = d.matrix;
      const widthIn = Math.hypot(a, b) / 72;
      const heightIn = Math.hypot(c, dd) / 72;
      const ppi = Math.round(Math.min(w / widthIn, h / heightIn));
      report.images.push({ page, name: `${d.name} (${w}×${h})`, pixels: [w, h], colour: cs, ppi });
    } else if (subtype === 'Form' && x instanceof PDFRawStream) {
      const inner = streamText(x);
      const res = x.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
      walk(doc, inner, res, d.matrix, page, report, spaces, fonts, over);
    }
  }
}

/** The colorant of a Separation colour space (« PANTONE 1665 C »), undefined for any other. */
function separationName(doc: PDFDocument, space: PDFObject | undefined): string | undefined {
  const obj = space instanceof PDFRef ? doc.context.lookup(space) : space;
  if (!(obj instanceof PDFArray) || obj.lookupMaybe(0, PDFName)?.decodeText() !== 'Separation') return undefined;
  const name = obj.lookupMaybe(1, PDFName)?.decodeText();
  return name === undefined ? undefined : name.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** "DeviceCMYK", "DeviceRGB", "ICCBased-3", "Pattern"…: the family of a colour space. */
function resolveSpace(doc: PDFDocument, space: string | PDFObject | undefined, named: PDFDict | undefined): string {
  if (space === undefined) return 'none';
  let obj: PDFObject | undefined = typeof space === 'string' ? (space.startsWith('Device') || space === 'Pattern' ? PDFName.of(space) : named?.get(PDFName.of(space))) : space;
  if (obj instanceof PDFRef) obj = doc.context.lookup(obj);
  if (obj instanceof PDFName) return obj.decodeText();
  if (obj instanceof PDFArray) {
    const family = obj.lookupMaybe(0, PDFName)?.decodeText() ?? '?';
    if (family === 'ICCBased') {
      const stream = obj.lookup(1);
      const n = stream instanceof PDFStream ? stream.dict.lookupMaybe(PDFName.of('N'), PDFNumber)?.asNumber() : undefined;
      return `ICCBased-${n ?? '?'}`;
    }
    if (family === 'Indexed' || family === 'Separation' || family === 'DeviceN') return `${family}(${resolveSpace(doc, obj.get(1), named)})`;
    return family;
  }
  return typeof space === 'string' ? space : '?';
}

function fontEmbedded(doc: PDFDocument, font: PDFDict): boolean {
  const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  if (subtype === 'Type3') return true;
  let desc = font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  if (subtype === 'Type0') {
    const kids = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const kid = kids?.lookupMaybe(0, PDFDict);
    desc = kid?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  }
  return Boolean(desc && (desc.get(PDFName.of('FontFile')) || desc.get(PDFName.of('FontFile2')) || desc.get(PDFName.of('FontFile3'))));
}

/** The CMYK JPEG images of the report, to decode for their ink. */
function imagesToMeasure(doc: PDFDocument, _report: FileReport): [string, PDFRawStream][] {
  const out: [string, PDFRawStream][] = [];
  doc.context.enumerateIndirectObjects().forEach(([ref, obj]) => {
    if (!(obj instanceof PDFRawStream)) return;
    const subtype = obj.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
    const filter = obj.dict.get(PDFName.of('Filter'));
    const cs = obj.dict.get(PDFName.of('ColorSpace'));
    if (subtype === 'Image' && filter instanceof PDFName && filter.decodeText() === 'DCTDecode' && cs instanceof PDFName && cs.decodeText() === 'DeviceCMYK') out.push([ref.toString(), obj]);
  });
  return out;
}

/**
 * Highest total ink of a CMYK JPEG's pixels, %. libvips reads Adobe (inverted) CMYK JPEGs
 * the right way round; the output must stay CMYK (sharp would convert to sRGB by default).
 */
async function jpegInk(stream: PDFRawStream): Promise<{ max: number; channels: boolean[] }> {
  const { data, info } = await sharp(Buffer.from(stream.contents)).toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) return { max: 0, channels: [] };
  let max = 0;
  const channels = [false, false, false, false];
  for (let i = 0; i < data.length; i += 4) {
    max = Math.max(max, data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]!);
    for (let c = 0; c < 4; c++) if (data[i + c]! > 0) channels[c] = true;
  }
  return { max: (max / 255) * 100, channels };
}

/**
 * One line per file for the terminal:
 * "programme.pdf — 32 p. 148×210 mm + 3 mm bleed · DeviceCMYK · FOGRA39 PDF/X-4 · 6 fonts embedded · 5 images ≥ 328 ppi · ink ≤ 220 % · OK".
 */
export function summarise(r: FileReport): string {
  const trim = r.trimMm.map(([w, h]) => `${w}×${h} mm`).join(', ');
  const ppi = r.images.length ? `${r.images.length} image${r.images.length > 1 ? 's' : ''} ≥ ${Math.min(...r.images.map((i) => i.ppi))} ppi` : 'no image';
  const parts = [
    `${r.pages} p. ${trim}${r.bleedMm ? ` + ${r.bleedMm} mm bleed` : ''}`,
    r.colourSpaces.join(', '),
    [r.outputIntent, r.pdfx].filter(Boolean).join(' ') || undefined,
    `${r.fonts.filter((f) => f.embedded).length}/${r.fonts.length} fonts embedded`,
    ppi,
    r.maxInkPercent ? `ink ≤ ${r.maxInkPercent} %` : undefined,
    r.spots?.length ? `spot ${r.spots.join(', ')}` : undefined,
    r.overprint?.black ? 'black overprints' : undefined,
  ].filter(Boolean);
  const status = r.errors.length ? `${r.errors.length} error(s)` : r.warnings.length ? `OK, ${r.warnings.length} warning(s)` : 'OK';
  return [`${r.file} — ${parts.join(' · ')} · ${status}`, ...r.errors.map((e) => `  error: ${e}`), ...r.warnings.map((w) => `  warning: ${w}`), ...(r.notes ?? []).map((n) => `  ${n}`)].join('\n');
}

/** How many annotation objects the file holds, whether a page lists them or not. */
function annotationObjects(doc: PDFDocument): number {
  let n = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && (obj.get(PDFName.of('Type')) === PDFName.of('Annot') || obj.get(PDFName.of('Subtype')) === PDFName.of('Link'))) n++;
  }
  return n;
}
