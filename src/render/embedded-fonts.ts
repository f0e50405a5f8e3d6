import type { PDFDocumentInstance } from 'pdfkit';

/** pdfkit's font state, as far as encre touches it (pdfkit 0.20.1, FontsMixin). */
interface FontState {
  font(src: unknown, family?: unknown, size?: number): unknown;
  fontSize(size: number): unknown;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
}

/**
 * Makes one pdfkit document reuse its embedded font for each fontkit face. react-pdf calls
 * `ctx.font(face, size)` for every run of text; given a face object (not a name), pdfkit
 * builds a new embedded font each time, then compares it with the fonts it has by
 * serialising their name tables, and keeps the first — the same font, found again at a high
 * price for every line. Here the embedded font chosen the first time is remembered per face,
 * so the PDF uses the same font objects, found without that work. Font names given as
 * strings go through pdfkit unchanged.
 * @param ctx the pdfkit document about to be drawn into (changed in place).
 */
export function shareEmbeddedFonts(ctx: PDFDocumentInstance): void {
  const doc = ctx as unknown as FontState;
  const font = doc.font.bind(doc);
  const embedded = new WeakMap<object, unknown>();
  doc.font = (src, family, size) => {
    if (typeof src !== 'object' || src === null || family !== undefined && typeof family !== 'number') return font(src, family, size);
    const known = embedded.get(src);
    if (known === undefined) {
      font(src, family, size);
      embedded.set(src, doc._font);
      return doc;
    }
    doc._fontSource = src;
    doc._fontFamily = null;
    const points = typeof family === 'number' ? family : size;
    if (points !== undefined && points !== null) doc.fontSize(points);
    doc._font = known;
    return doc;
  };
}
