import { PDFDocument } from 'pdf-lib';

/**
 * Post-processes a rendered PDF with pdf-lib: writes TrimBox and BleedBox on every page
 * (equal to the MediaBox: these files are laid out at trim size, without bleed) and saves
 * without touching the Info dates, so the bytes depend on the input only.
 * @returns the final bytes and the parsed document (for preflight).
 */
export async function finalise(bytes: Uint8Array): Promise<{ bytes: Uint8Array; doc: PDFDocument }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const page of doc.getPages()) {
    const { x, y, width, height } = page.getMediaBox();
    page.setTrimBox(x, y, width, height);
    page.setBleedBox(x, y, width, height);
  }
  const out = await doc.save({ useObjectStreams: false });
  return { bytes: out, doc: await PDFDocument.load(out, { updateMetadata: false }) };
}
