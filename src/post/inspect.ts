import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, type PDFObject } from './pdf-lib.js';

/**
 * The named destinations of a PDF (react-pdf writes one per element with an `id`) and the
 * 1-based page each points to. Reads the catalog's /Names /Dests name tree.
 */
export function namedDestinations(doc: PDFDocument): Map<string, number> {
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const out = new Map<string, number>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const visit = (node: PDFDict) => {
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    kids?.asArray().forEach((k) => visit(doc.context.lookup(k, PDFDict)));
    const list = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (!list) return;
    for (let i = 0; i + 1 < list.size(); i += 2) {
      const key = list.lookup(i) as PDFObject;
      const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : String(key);
      let dest = list.lookup(i + 1) as PDFObject;
      if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D')) as PDFObject;
      const first = dest instanceof PDFArray ? dest.get(0) : undefined;
      const page = first instanceof PDFRef ? pages.get(first.toString()) : undefined;
      out.set(name, page ?? 0);
    }
  };
  if (root) visit(root);
  return out;
}
