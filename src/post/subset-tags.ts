import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, type PDFDocument } from './pdf-lib.js';

/**
 * Names every embedded font subset after its own glyphs. pdfkit tags subsets by the order in
 * which a document first uses its fonts ("CZZZZZ+Inter-SemiBold"), so the programme and the
 * tract both carry a "CZZZZZ+Inter-SemiBold" with different glyphs. A RIP or an imposition
 * program that places both files on one sheet may take them for one font and drop glyphs
 * (ISO 32000-1 §9.6.4: the tag is there to tell subsets apart). The tag becomes six capital
 * letters drawn from a SHA-256 of the embedded font program: different subsets get
 * different names, the same subset the same name, and a build gives the same bytes.
 * Changes the font dictionaries (/BaseFont of the font and its descendant, /FontName of its
 * descriptor) in place.
 * @returns the number of subsets renamed.
 */
export function tagSubsetsByContent(doc: PDFDocument): number {
  let renamed = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = obj.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('CIDFontType0') || subtype === PDFName.of('CIDFontType2')) continue; // renamed with its Type0 font
    const descendant = subtype === PDFName.of('Type0') ? obj.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict) : undefined;
    const descriptor = (descendant ?? obj).lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const program = descriptor && fontProgram(descriptor);
    if (!descriptor || !program) continue;
    const tag = tagOf(program);
    let changed = false;
    for (const [dict, key] of [[obj, 'BaseFont'], [descendant, 'BaseFont'], [descriptor, 'FontName']] as const) {
      const name = dict?.get(PDFName.of(key));
      if (!(name instanceof PDFName)) continue;
      const text = name.decodeText();
      if (!/^[A-Z]{6}\+/.test(text)) continue;
      dict!.set(PDFName.of(key), PDFName.of(`${tag}${text.slice(6)}`));
      changed = true;
    }
    if (changed) renamed++;
  }
  return renamed;
}

/** The embedded font program's bytes as stored (FontFile, FontFile2 or FontFile3). */
function fontProgram(descriptor: PDFDict): Uint8Array | undefined {
  for (const key of ['FontFile', 'FontFile2', 'FontFile3']) {
    const stream = descriptor.lookupMaybe(PDFName.of(key), PDFStream);
    if (stream instanceof PDFRawStream) return stream.contents;
  }
  return undefined;
}

/** Six capital letters from the SHA-256 of a font program. */
function tagOf(program: Uint8Array): string {
  const h = createHash('sha256').update(program).digest();
  return Array.from(h.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}
