import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { rasterise, toPng, contactSheet } from './raster.js';
import { writeAllAtomic } from '../write/atomic.js';

/** Pages per row on a contact sheet, by document. */
const COLUMNS: Record<string, number> = { programme: 8, affiche: 1, flyer: 2, 'dossier-de-presse': 5 };

/**
 * Writes PNG previews of built documents: out/preview/<doc>-<page>.png at `dpi`, and a contact
 * sheet out/preview/<doc>.png (all pages, half that resolution). Reads the screen files
 * (out/screen/<doc>.pdf): the finished pages as readers see them.
 * @returns the files written.
 */
export async function writePreviews(outDir: string, ids: string[], dpi = 72): Promise<string[]> {
  const files: { file: string; bytes: Uint8Array }[] = [];
  for (const id of ids) {
    const pdf = new Uint8Array(await readFile(path.join(outDir, 'screen', `${id}.pdf`)));
    const pages = await rasterise(pdf, dpi);
    for (const [i, page] of pages.entries()) files.push({ file: path.join(outDir, 'preview', `${id}-${String(i + 1).padStart(2, '0')}.png`), bytes: await toPng(page) });
    const small = await rasterise(pdf, dpi / 2);
    files.push({ file: path.join(outDir, 'preview', `${id}.png`), bytes: await contactSheet(small, COLUMNS[id] ?? 4) });
  }
  await writeAllAtomic(files);
  return files.map((f) => f.file);
}

/**
 * Writes screen proofs of the print files (`encre preview --proof`): out/preview/<doc>-proof-<page>.png
 * at `dpi` and a contact sheet out/preview/<doc>-proof.png, each page as printed on the printer
 * profile's paper, through its ICC profile (src/preview/proof.ts).
 * @param iccFile absolute path of the printer profile's output ICC profile.
 * @returns the files written.
 */
export async function writeProofs(outDir: string, ids: string[], dpi: number, iccFile: string): Promise<string[]> {
  const { proofPages } = await import('./proof.js');
  const icc = new Uint8Array(await readFile(iccFile));
  const files: { file: string; bytes: Uint8Array }[] = [];
  for (const id of ids) {
    const pdf = new Uint8Array(await readFile(path.join(outDir, `${id}.pdf`)));
    const pages = await proofPages(pdf, dpi, icc);
    for (const [i, page] of pages.entries()) files.push({ file: path.join(outDir, 'preview', `${id}-proof-${String(i + 1).padStart(2, '0')}.png`), bytes: await toPng(page) });
    files.push({ file: path.join(outDir, 'preview', `${id}-proof.png`), bytes: await contactSheet(await proofPages(pdf, dpi / 2, icc), COLUMNS[id] ?? 4) });
  }
  await writeAllAtomic(files);
  return files.map((f) => f.file);
}
