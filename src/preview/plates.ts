import sharp from 'sharp';

/**
 * The ink plates of a print file, for the preview's proofs: each page rendered by MuPDF (a
 * development dependency, as in raster.ts) into CMYK pixels, without colour management (the
 * file's own CMYK values), cut to its trim box.
 */

/** A view of the inks: one plate alone (C, M, Y, K), or the total ink with the areas over the limit marked. */
export type PlateView = 'c' | 'm' | 'y' | 'k' | 'ink';

/** The plate views, in the order the preview offers them. */
export const PLATE_VIEWS: readonly PlateView[] = ['c', 'm', 'y', 'k', 'ink'];

/**
 * One page of a CMYK print file as one plate, or as its total ink.
 * A plate is a grey image: the ink's coverage as grey (white: none, black: 100 %), as a
 * printer's film or plate shows it. The total ink view is grey by total coverage (black at
 * 400 %), with every pixel above `inkLimit` in red.
 * @param pdf a print file (DeviceCMYK; its TrimBox on every page).
 * @param page page number, 1-based.
 * @param dpi resolution of the image (pixels per inch of the page).
 * @param inkLimit the printer profile's total ink limit, % (e.g. 300).
 * @returns a PNG the size of the page's trim at `dpi`.
 * @throws Error when the page does not exist, or mupdf is not installed.
 */
export async function platePng(pdf: Uint8Array, page: number, dpi: number, view: PlateView, inkLimit: number): Promise<Buffer> {
  const mupdf = await import('mupdf');
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  if (page < 1 || page > doc.countPages()) throw new Error(`no page ${page}`);
  const p = doc.loadPage(page - 1) as import('mupdf').PDFPage;
  const scale = dpi / 72;
  // Without colour management, DeviceCMYK is drawn into CMYK pixels as it is: the values the
  // printer gets (with it, MuPDF converts through the output intent and back, and 70/100/100/40
  // comes out 41/84/81/63). Synchronous: no other rendering runs meanwhile.
  mupdf.disableICC();
  let pix: import('mupdf').Pixmap;
  try {
    pix = p.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceCMYK, false, true);
  } finally {
    mupdf.enableICC();
  }
  const [bx0, by0] = p.getBounds();
  const [tx0, ty0, tx1, ty1] = p.getBounds('TrimBox');
  const width = pix.getWidth();
  const height = pix.getHeight();
  const n = pix.getNumberOfComponents();
  const samples = pix.getPixels();
  const left = Math.max(0, Math.round((tx0 - bx0) * scale));
  const top = Math.max(0, Math.round((ty0 - by0) * scale));
  const w = Math.min(width - left, Math.round((tx1 - tx0) * scale));
  const h = Math.min(height - top, Math.round((ty1 - ty0) * scale));
  const channel = { c: 0, m: 1, y: 2, k: 3 } as Record<string, number>;
  if (view !== 'ink') {
    const out = Buffer.alloc(w * h);
    const ch = channel[view]!;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = 255 - samples[((y + top) * width + x + left) * n + ch]!;
    return sharp(out, { raw: { width: w, height: h, channels: 1 } }).toColourspace('b-w').png({ compressionLevel: 6 }).toBuffer();
  }
  const out = Buffer.alloc(w * h * 3);
  const limit = (inkLimit / 100) * 255;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = ((y + top) * width + x + left) * n;
      const total = samples[i]! + samples[i + 1]! + samples[i + 2]! + samples[i + 3]!;
      const o = (y * w + x) * 3;
      if (total > limit + 2) out.set([230, 0, 0], o);
      else out.fill(255 - Math.round(total / 4), o, o + 3);
    }
  }
  return sharp(out, { raw: { width: w, height: h, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer();
}
