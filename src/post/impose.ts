import { PDFDocument } from './pdf-lib.js';
import { mm } from '../units.js';
import { LOAD, SAVE } from './pdflib-options.js';

/**
 * Saddle-stitch imposition order for a booklet of `pages` pages (a multiple of 4): for each
 * printed side, the page on the left and the page on the right (1-based). Sheet k (from 0)
 * carries on its front n−2k | 1+2k and on its back 2+2k | n−1−2k, so that the sheets,
 * printed duplex (flip on the short edge), stacked in order and folded, read 1…n.
 * @throws RangeError when `pages` is not a positive multiple of 4.
 */
export function saddleOrder(pages: number): [number, number][] {
  if (!Number.isInteger(pages) || pages <= 0 || pages % 4 !== 0) throw new RangeError(`saddle stitch needs a multiple of 4 pages, received ${pages}`);
  const sides: [number, number][] = [];
  for (let k = 0; k < pages / 4; k++) {
    sides.push([pages - 2 * k, 1 + 2 * k]);
    sides.push([2 + 2 * k, pages - 1 - 2 * k]);
  }
  return sides;
}

/**
 * The creep of a saddle-stitched booklet (its sheets nest inside each other: each sheet's
 * fold wraps around the ones inside it, by about the paper's thickness): sheet k (0 the
 * outermost) is shifted by k × `creepMm`, away from the fold (outward) when positive, toward
 * it when negative. 0.1 mm is about the thickness of 80 g/m² office paper.
 * @returns the shift of each sheet's pages, mm, outermost first.
 */
export function creepShifts(pages: number, creepMm: number): number[] {
  return Array.from({ length: pages / 4 }, (_, k) => k * creepMm);
}

/**
 * Reads a creep given on the command line: "0.1mm", "0.1 mm", "0.1" (mm), "0.3pt".
 * @returns mm. @throws RangeError with what was expected, for anything else or beyond ±2 mm a sheet.
 */
export function parseCreep(text: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(mm|pt)?\s*$/.exec(text);
  const mmValue = m ? (m[2] === 'pt' ? (Number(m[1]) * 25.4) / 72 : Number(m[1])) : NaN;
  if (!Number.isFinite(mmValue) || Math.abs(mmValue) > 2) throw new RangeError(`--creep expects the shift per sheet, e.g. 0.1mm (about the paper's thickness; at most ±2 mm), received "${text}"`);
  return mmValue;
}

/**
 * Imposes a booklet (its trimmed pages, e.g. the screen programme) two up on A4 landscape
 * sheets in saddle-stitch order, duplex-ready, for an office printer: each side holds two
 * A5 pages centred side by side, the fold on the sheet's middle; with `creepMm`, the pages of
 * inner sheets are shifted outward by the creep ({@link creepShifts}).
 * @param creepMm shift per sheet, mm (0: none).
 * @returns the imposed PDF's bytes (creation date as in the source).
 */
export async function imposeSaddle(bytes: Uint8Array, date: Date, creepMm = 0): Promise<Uint8Array> {
  const src = await PDFDocument.load(bytes, LOAD);
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setCreationDate(date);
  out.setModificationDate(date);
  out.setProducer('encre (pdf-lib)');
  out.setCreator('encre');
  out.setTitle(`${src.getTitle() ?? 'Programme'} — imposition 2 poses, piqûre à cheval`);
  const sheet = { width: mm(297), height: mm(210) };
  const embedded = await out.embedPages(src.getPages());
  const shifts = creepShifts(src.getPageCount(), creepMm);
  for (const [i, [left, right]] of saddleOrder(src.getPageCount()).entries()) {
    const side = out.addPage([sheet.width, sheet.height]);
    const shift = mm(shifts[Math.floor(i / 2)]!);
    for (const [n, slot] of [[left, 0], [right, 1]] as const) {
      const page = embedded[n - 1]!;
      const x = sheet.width / 2 - (slot === 0 ? page.width + shift : -shift);
      side.drawPage(page, { x, y: (sheet.height - page.height) / 2 });
    }
  }
  return out.save(SAVE);
}
