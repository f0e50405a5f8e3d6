import { PDFDocument } from 'pdf-lib';
import { mm } from '../units.js';

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
 * Imposes a booklet (its trimmed pages, e.g. the screen programme) two up on A4 landscape
 * sheets in saddle-stitch order, duplex-ready, for an office printer: each side holds two
 * A5 pages centred side by side, the fold on the sheet's middle.
 * @returns the imposed PDF's bytes (creation date as in the source).
 */
export async function imposeSaddle(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const src = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setCreationDate(date);
  out.setModificationDate(date);
  out.setProducer('encre (pdf-lib)');
  out.setCreator('encre');
  out.setTitle(`${src.getTitle() ?? 'Programme'} — imposition 2 poses, piqûre à cheval`);
  const sheet = { width: mm(297), height: mm(210) };
  const embedded = await out.embedPages(src.getPages());
  for (const [left, right] of saddleOrder(src.getPageCount())) {
    const side = out.addPage([sheet.width, sheet.height]);
    for (const [n, slot] of [[left, 0], [right, 1]] as const) {
      const page = embedded[n - 1]!;
      const x = sheet.width / 2 - (slot === 0 ? page.width : 0);
      side.drawPage(page, { x, y: (sheet.height - page.height) / 2 });
    }
  }
  return out.save({ useObjectStreams: false });
}
