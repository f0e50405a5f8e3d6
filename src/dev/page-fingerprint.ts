import { createHash } from 'node:crypto';
import type { PDFObject, PDFPage } from 'mupdf';

/**
 * A fingerprint of what a PDF page draws, to tell whether a page changed between two builds
 * of a document: equal fingerprints, equal pixels. It hashes the page's content streams and,
 * through its resources, every image, form, colour space, pattern, shading and graphics state
 * it uses (their dictionaries and stream bytes), without the object numbers (another build
 * numbers its objects otherwise). A font counts by its name without its subset tag, not by
 * its bytes: the subset holds every glyph of the document, so adding a letter anywhere would
 * change every page; the content stream names each glyph by its number in the subset, which
 * is given in order of first use, so an unchanged stream draws the same glyphs (as long as the
 * fonts themselves are the same files: a changed font restarts the preview's builds, and the
 * server then takes every page as changed).
 * @returns a hex SHA-1.
 */
export function pageFingerprint(page: PDFPage): string {
  const hash = createHash('sha1');
  const obj = page.getObject();
  for (const key of ['MediaBox', 'CropBox', 'TrimBox', 'Rotate', 'Contents', 'Resources', 'Group']) {
    hash.update(`/${key} `);
    walk(obj.get(key), hash, new Set());
  }
  return hash.digest('hex');
}

type Hash = ReturnType<typeof createHash>;

/** Writes a canonical form of `o` into `hash`: dictionaries by sorted key, streams with their bytes, references followed once. */
function walk(o: PDFObject, hash: Hash, seen: Set<number>): void {
  if (o.isIndirect()) {
    const n = o.asIndirect();
    if (seen.has(n)) return void hash.update('@');
    seen.add(n);
  }
  // A stream is read through its reference (MuPDF's resolved object is its dictionary alone).
  if (o.isStream()) {
    walkDict(o.isIndirect() ? o.resolve() : o, hash, seen);
    const bytes = o.readRawStream();
    hash.update(`stream ${bytes.getLength()} `);
    hash.update(bytes.asUint8Array());
    return;
  }
  if (o.isIndirect()) o = o.resolve();
  if (o.isDictionary()) return walkDict(o, hash, seen);
  if (o.isArray()) {
    hash.update('[');
    for (let i = 0; i < o.length; i++) walk(o.get(i), hash, seen);
    return void hash.update(']');
  }
  hash.update(`${o.toString(true)} `);
}

function walkDict(o: PDFObject, hash: Hash, seen: Set<number>): void {
  if (o.get('Type').toString() === '/Font') {
    // The font's name without its subset tag ("ABCDEF+Inter-Bold" → "Inter-Bold"): see pageFingerprint.
    return void hash.update(`font ${o.get('BaseFont').toString().replace(/^\/[A-Z]{6}\+/, '/')} `);
  }
  const keys: string[] = [];
  o.forEach((_v, k) => keys.push(String(k)));
  hash.update('<<');
  for (const k of keys.sort()) {
    if (k === 'Parent' || k === 'Length') continue;
    hash.update(`/${k} `);
    walk(o.get(k), hash, seen);
  }
  hash.update('>>');
}
