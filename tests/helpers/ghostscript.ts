import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/**
 * Ghostscript (Debian package ghostscript; .ci/run installs it) as an independent RIP: its
 * tiffsep device writes one 8-bit plate per ink (the process inks and each spot colour), its
 * inkcov device the coverage of each process ink.
 */

/** One ink's plate: 0 = no ink, 255 = full ink (tiffsep's own files are inverted: 255 = paper). */
export interface Plate {
  width: number;
  height: number;
  ink: Uint8Array;
}

/**
 * The separations of each page as Ghostscript's tiffsep device makes them, by ink name
 * (« Cyan », « Magenta », « Yellow », « Black », « PANTONE 1665 C »).
 * @param dpi the resolution; `pages` 1-based first and last page (all by default);
 *   `bleedBox` renders the BleedBox only (without the slug's crop marks in registration);
 *   `overprint` false renders with -dOverprint=/disable (every object knocks out: the
 *   control of an overprint test).
 * @returns one map of plates per page rendered, in order.
 */
export async function separations(pdf: Uint8Array, dpi: number, opts: { pages?: [number, number]; overprint?: boolean; bleedBox?: boolean } = {}): Promise<Map<string, Plate>[]> {
  const overprint = opts.overprint ?? true;
  const box = opts.bleedBox ? ['-dUseBleedBox'] : [];
  const range = opts.pages ? [`-dFirstPage=${opts.pages[0]}`, `-dLastPage=${opts.pages[1]}`] : [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-tiffsep-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=tiffsep', `-r${dpi}`, ...box, ...range, ...(overprint ? [] : ['-dOverprint=/disable']), '-o', path.join(dir, 'p-%d.tif'), file], { stdio: 'pipe' });
    const pages: Map<string, Plate>[] = [];
    for (const f of readdirSync(dir)) {
      const m = /^p-(\d+)\((.+)\)\.tif$/.exec(f);
      if (!m) continue;
      const { data, info } = await sharp(path.join(dir, f)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
      const n = Number(m[1]) - 1;
      (pages[n] ??= new Map()).set(m[2]!, { width: info.width, height: info.height, ink: Uint8Array.from(data, (v) => 255 - v) });
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Total ink of each page as Ghostscript's inkcov device measures it (the mean coverage of
 * C, M, Y and K over the page, in %); the highest of any point is not given by inkcov.
 */
export function inkCoverage(file: string): { c: number; m: number; y: number; k: number }[] {
  const out = execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=inkcov', '-o', '-', file], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length >= 4 && p.slice(0, 4).every((v) => /^\d+\.\d+$/.test(v)))
    .map(([c, m, y, k]) => ({ c: Number(c) * 100, m: Number(m) * 100, y: Number(y) * 100, k: Number(k) * 100 }));
}

/** The highest total ink (sum of the process plates) of any pixel of a page's separations, %. */
export function maxTotalInk(plates: Map<string, Plate>): number {
  const p = ['Cyan', 'Magenta', 'Yellow', 'Black'].map((n) => plates.get(n)!);
  let max = 0;
  for (let i = 0; i < p[0]!.ink.length; i++) max = Math.max(max, p[0]!.ink[i]! + p[1]!.ink[i]! + p[2]!.ink[i]! + p[3]!.ink[i]!);
  return (max / 255) * 100;
}
