import sharp from 'sharp';

/**
 * Rasterising PDF pages for previews and visual tests, with MuPDF (npm "mupdf", AGPL: a
 * development dependency of encre, loaded only by the preview commands and the tests).
 */

type Mupdf = typeof import('mupdf');
let mupdf: Mupdf | undefined;

async function load(): Promise<Mupdf> {
  if (!mupdf) {
    try {
      mupdf = await import('mupdf');
    } catch {
      throw new Error('previews need the development dependencies (mupdf): run `npm ci` in the encre folder');
    }
  }
  return mupdf;
}

/** A page rendered to RGB pixels. */
export interface Raster {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel. */
  rgba: Uint8Array;
}

/**
 * Renders every page of a PDF at `dpi`, as the page is (use screen files to see the
 * finished pages, print files to see bleed and marks).
 * @returns one raster per page.
 */
export async function rasterise(bytes: Uint8Array, dpi: number): Promise<Raster[]> {
  const m = await load();
  const doc = m.Document.openDocument(bytes, 'application/pdf');
  const out: Raster[] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const page = doc.loadPage(i);
    const pix = page.toPixmap(m.Matrix.scale(dpi / 72, dpi / 72), m.ColorSpace.DeviceRGB, true, true);
    out.push({ width: pix.getWidth(), height: pix.getHeight(), rgba: new Uint8Array(pix.getPixels()) });
  }
  return out;
}

/** A raster as PNG bytes. */
export async function toPng(r: Raster): Promise<Buffer> {
  return sharp(Buffer.from(r.rgba), { raw: { width: r.width, height: r.height, channels: 4 } }).png({ compressionLevel: 9, palette: true }).toBuffer();
}

/**
 * A contact sheet: every page of a document on one image, `columns` across, in reading
 * order (booklet spreads are not paired), on a grey ground with 8 px gutters.
 */
export async function contactSheet(pages: Raster[], columns: number): Promise<Buffer> {
  const gap = 8;
  const w = Math.max(...pages.map((p) => p.width));
  const h = Math.max(...pages.map((p) => p.height));
  const rows = Math.ceil(pages.length / columns);
  const tiles = await Promise.all(pages.map((p) => toPng(p)));
  return sharp({ create: { width: gap + columns * (w + gap), height: gap + rows * (h + gap), channels: 3, background: '#8a8a8a' } })
    .composite(tiles.map((input, i) => ({ input, left: gap + (i % columns) * (w + gap), top: gap + Math.floor(i / columns) * (h + gap) })))
    .png({ compressionLevel: 9 })
    .toBuffer();
}
