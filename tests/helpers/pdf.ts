import * as mupdf from 'mupdf';
import jsQRModule from 'jsqr';

// jsqr ships CommonJS typed as an ES default export; under NodeNext the callable is `.default`.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Opens PDF bytes with MuPDF (an independent reader: not react-pdf, not pdf-lib). */
export function openPdf(bytes: Uint8Array): mupdf.PDFDocument {
  return mupdf.Document.openDocument(bytes, 'application/pdf') as mupdf.PDFDocument;
}

/**
 * The text of each page as MuPDF extracts it: words hyphenated at a line end joined again
 * (react-pdf draws its hyphenation hyphen as a plain "-"; it never breaks after a hyphen the
 * text already has, so "letter-⏎" is always one of its own), then white space (incl. U+00A0,
 * U+202F) collapsed to single spaces.
 */
export function pageTexts(doc: mupdf.Document): string[] {
  const out: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const raw = doc.loadPage(i).toStructuredText('preserve-whitespace').asText();
    out.push(collapse(raw.replace(/(\p{L})-\n/gu, '$1')));
  }
  return out;
}

/** Collapses every run of white space (line breaks and no-break spaces included) to one space. */
export function collapse(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/** Trim box of each page in mm: [width, height]. */
export function pageSizesMm(doc: mupdf.PDFDocument): [number, number][] {
  const sizes: [number, number][] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const [x0, y0, x1, y1] = (doc.loadPage(i) as mupdf.PDFPage).getBounds('TrimBox');
    sizes.push([((x1 - x0) * 25.4) / 72, ((y1 - y0) * 25.4) / 72]);
  }
  return sizes;
}

/**
 * Rasterises a page at `dpi` with MuPDF and decodes every QR code on it with jsQR, which reads
 * one code per image: candidate squares are found first (areas of 1.35 mm cells that are
 * 30–80 % dark, at least 15 mm wide, square), each is cropped with a white margin and decoded.
 * @returns the decoded payloads, one per code found, top to bottom.
 */
export function decodeQrCodes(doc: mupdf.Document, pageIndex: number, dpi = 150): string[] {
  return findQrCodes(doc, pageIndex, dpi).map((q) => q.data);
}

/** A box on a page, in pt from its top left corner: [x0, y0, x1, y1]. */
export type Box = [number, number, number, number];

/**
 * The QR codes of a page, decoded from its pixels as {@link decodeQrCodes} does, each with
 * the box of its dark modules (quiet zone excluded) in pt from the page's top left corner
 * and its number of modules a side (from its version).
 */
export function findQrCodes(doc: mupdf.Document, pageIndex: number, dpi = 150): { data: string; box: Box; modules: number }[] {
  const scale = dpi / 72;
  const pix = doc.loadPage(pageIndex).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false, true);
  const width = pix.getWidth();
  const height = pix.getHeight();
  const gray = pix.getPixels();
  const cell = Math.max(4, Math.round((1.35 / 25.4) * dpi));
  const cols = Math.floor(width / cell);
  const rows = Math.floor(height / cell);
  const busy = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let dark = 0;
      for (let y = r * cell; y < (r + 1) * cell; y++) for (let x = c * cell; x < (c + 1) * cell; x++) if (gray[y * width + x]! < 128) dark++;
      const ratio = dark / (cell * cell);
      busy[r * cols + c] = ratio >= 0.3 && ratio <= 0.8 ? 1 : 0;
    }
  }
  const minCells = Math.floor(15 / 1.35);
  const seen = new Uint8Array(cols * rows);
  const found: { y: number; data: string; box: Box; modules: number }[] = [];
  for (let start = 0; start < busy.length; start++) {
    if (!busy[start] || seen[start]) continue;
    // Bounding box of the 8-connected area; the 4-module quiet zone (≥ 1 white cell) ends it.
    let [r0, r1, c0, c1] = [rows, 0, cols, 0];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const r = Math.floor(i / cols);
      const c = i % cols;
      r0 = Math.min(r0, r); r1 = Math.max(r1, r); c0 = Math.min(c0, c); c1 = Math.max(c1, c);
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
        const rr = r + dr, cc = c + dc;
        if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) continue;
        const j = rr * cols + cc;
        if (busy[j] && !seen[j]) { seen[j] = 1; stack.push(j); }
      }
    }
    const w = c1 - c0 + 1, h = r1 - r0 + 1;
    if (w < minCells || h < minCells || w / h > 1.4 || h / w > 1.4) continue;
    const margin = Math.round((4 / 25.4) * dpi);
    const x0 = Math.max(0, c0 * cell - margin), x1 = Math.min(width, (c1 + 1) * cell + margin);
    const y0 = Math.max(0, r0 * cell - margin), y1 = Math.min(height, (r1 + 1) * cell + margin);
    const cw = x1 - x0, ch = y1 - y0;
    const rgba = new Uint8ClampedArray(cw * ch * 4);
    for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) {
      const v = gray[(y + y0) * width + (x + x0)]!;
      rgba.set([v, v, v, 255], (y * cw + x) * 4);
    }
    const qr = jsQR(rgba, cw, ch, { inversionAttempts: 'dontInvert' });
    const pt = (px: number) => px / scale;
    if (!qr) continue;
    // The dark modules' exact box: the finder patterns sit in three corners, the fourth
    // corner's alignment and data modules bound the last side.
    // Searched within the busy cells and one cell around them (not the crop's margin, which
    // may hold the text beside the code).
    let [bx0, by0, bx1, by1] = [width, height, 0, 0];
    for (let y = Math.max(0, (r0 - 1) * cell); y < Math.min(height, (r1 + 2) * cell); y++) for (let x = Math.max(0, (c0 - 1) * cell); x < Math.min(width, (c1 + 2) * cell); x++) {
      if (gray[y * width + x]! < 128) {
        bx0 = Math.min(bx0, x); by0 = Math.min(by0, y); bx1 = Math.max(bx1, x + 1); by1 = Math.max(by1, y + 1);
      }
    }
    found.push({ y: y0, data: qr.data, modules: 17 + 4 * qr.version, box: [pt(bx0), pt(by0), pt(bx1), pt(by1)] });
  }
  return found.sort((a, b) => a.y - b.y).map(({ data, box, modules }) => ({ data, box, modules }));
}

/** A line of text as MuPDF extracts it, with its box in pt from the page's top left corner. */
export interface TextLine {
  text: string;
  box: Box;
  /** Size of its first character, pt. */
  size: number;
}

/** The text lines of a page (MuPDF's structured text), in reading order. */
export function textLines(doc: mupdf.Document, pageIndex: number): TextLine[] {
  const json = JSON.parse(doc.loadPage(pageIndex).toStructuredText('preserve-whitespace').asJSON()) as {
    blocks: { type: string; lines?: { text: string; bbox: { x: number; y: number; w: number; h: number }; font: { size: number } }[] }[];
  };
  return json.blocks.flatMap((b) => (b.lines ?? []).map((l) => ({ text: l.text, box: [l.bbox.x, l.bbox.y, l.bbox.x + l.bbox.w, l.bbox.y + l.bbox.h] as Box, size: l.font.size })));
}
