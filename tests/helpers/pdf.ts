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

/** A page's text area, as margins inside the trim, in mm. */
export interface AreaMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * How much of a page's text area its content fills, measured as a reader sees a half-empty
 * page: the union of the vertical extents (clipped to the text area) of every line of text,
 * image and drawn shape (vectors: bars, rules, panels, QR modules), over the text area's
 * height. White between blocks counts as empty. A shape or image that runs into the bleed
 * (a background colour, the covers' motif, a band) is decoration, not content: measure a
 * print file, which has a bleed.
 * @param area the text area's margins inside the trim box, mm.
 * @returns the fill (0–1) of the page at `pageIndex`.
 */
export function pageFill(doc: mupdf.PDFDocument, pageIndex: number, area: AreaMargins): number {
  const page = doc.loadPage(pageIndex) as mupdf.PDFPage;
  const [x0, y0, x1, y1] = page.getBounds('TrimBox');
  const media = page.getBounds();
  const k = 72 / 25.4;
  // MuPDF's device space has its origin at the media box's top left, y down.
  const trimTop = media[3] - y1;
  const a = { top: trimTop + area.top * k, bottom: trimTop + (y1 - y0) - area.bottom * k, left: x0 - media[0] + area.left * k, right: x1 - media[0] - area.right * k };
  const trim = { left: x0 - media[0] - 0.5, top: trimTop - 0.5, right: x1 - media[0] + 0.5, bottom: trimTop + (y1 - y0) + 0.5 };
  const spans: [number, number][] = [];
  const add = (b: number[], bleeds = false) => {
    // Decoration (a background, a motif, a band) runs into the bleed; content stays inside the trim.
    if (bleeds && (b[0]! < trim.left || b[1]! < trim.top || b[2]! > trim.right || b[3]! > trim.bottom)) return;
    const [bx0, by0, bx1, by1] = [Math.max(b[0]!, a.left), Math.max(b[1]!, a.top), Math.min(b[2]!, a.right), Math.min(b[3]!, a.bottom)];
    if (bx1 <= bx0 || by1 <= by0) return;
    spans.push([by0, by1]);
  };
  page.toStructuredText('preserve-whitespace').walk({ beginLine: (bbox) => add(bbox) });
  // Shapes and images as the page draws them (MuPDF's structured text leaves vectors out).
  const unit = (ctm: mupdf.Matrix) => {
    const xs = [ctm[4], ctm[0] + ctm[4], ctm[2] + ctm[4], ctm[0] + ctm[2] + ctm[4]];
    const ys = [ctm[5], ctm[1] + ctm[5], ctm[3] + ctm[5], ctm[1] + ctm[3] + ctm[5]];
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  // Each shape as far as the clip in force lets it show (an SVG's viewport clips its curves,
  // whose bounds MuPDF takes from their control points).
  const clips: number[][] = [[-Infinity, -Infinity, Infinity, Infinity]];
  const shown = (b: number[]) => {
    const c = clips[clips.length - 1]!;
    return [Math.max(b[0]!, c[0]!), Math.max(b[1]!, c[1]!), Math.min(b[2]!, c[2]!), Math.min(b[3]!, c[3]!)];
  };
  const drawn = (b: number[]) => add(shown(b), true);
  const device = new mupdf.Device({
    fillPath: (path, _evenOdd, ctm) => drawn(path.getBounds(null as unknown as mupdf.StrokeState, ctm)),
    strokePath: (path, stroke, ctm) => drawn(path.getBounds(stroke, ctm)),
    fillImage: (_image, ctm) => drawn(unit(ctm)),
    fillImageMask: (_image, ctm) => drawn(unit(ctm)),
    clipPath: (path, _evenOdd, ctm) => void clips.push(shown(path.getBounds(null as unknown as mupdf.StrokeState, ctm))),
    clipStrokePath: (path, stroke, ctm) => void clips.push(shown(path.getBounds(stroke, ctm))),
    clipText: () => void clips.push(clips[clips.length - 1]!),
    clipStrokeText: () => void clips.push(clips[clips.length - 1]!),
    clipImageMask: (_image, ctm) => void clips.push(shown(unit(ctm))),
    popClip: () => void (clips.length > 1 && clips.pop()),
  });
  page.run(device, mupdf.Matrix.identity);
  device.close();
  spans.sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = -Infinity;
  for (const [s, e] of spans) {
    if (e > end) {
      covered += e - Math.max(s, end);
      end = e;
    }
  }
  return covered / (a.bottom - a.top);
}
