import sharp from 'sharp';
import { cmykTiffOf } from '../render/icc.js';
import type { Raster } from './raster.js';

/**
 * The screen proof of print files (`encre preview --proof`): each page as the press would
 * print it on the printer profile's paper. The page is rendered by MuPDF to CMYK (the inks
 * of the file: spot colours through their alternate), cut to its TrimBox, converted to sRGB
 * through the profile's ICC (relative colorimetric, sharp/littleCMS, as encre computes
 * screen colours: src/render/icc.ts), then the paper is simulated: every pixel is multiplied,
 * in linear light, by the colour of the profile's paper (its media white point, the ICC
 * `wtpt` tag, which ArgyllCMS writes as the measured paper: CIE XYZ, D50). So the white of a
 * recycled paper (FOGRA30) shows yellowish, and inks sit on it as on that paper: the usual
 * « simulate paper colour » of a soft proof (ISO 12646 viewing aside), not a contract proof.
 */

/** sRGB component (0–1) → linear light. IEC 61966-2-1. */
const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
/** Linear light → sRGB component (0–1). IEC 61966-2-1. */
const fromLinear = (v: number) => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);

/**
 * The paper of an ICC output profile as linear sRGB relative to the profile's white (1, 1, 1
 * for a paper as white as the illuminant): its media white point (`wtpt`, XYZ D50) adapted to
 * D65 (Bradford) and taken to linear sRGB, divided by the D50 illuminant taken the same way.
 * @throws Error when the profile has no `wtpt` tag.
 */
export function paperOf(icc: Uint8Array): [number, number, number] {
  const b = Buffer.from(icc);
  const count = b.readUInt32BE(128);
  for (let i = 0; i < count; i++) {
    const at = 132 + i * 12;
    if (b.toString('latin1', at, at + 4) !== 'wtpt') continue;
    const offset = b.readUInt32BE(at + 4);
    const xyz = [0, 1, 2].map((k) => b.readInt32BE(offset + 8 + 4 * k) / 65536) as [number, number, number];
    const paper = linearSrgb(xyz);
    const white = linearSrgb([0.9642, 1, 0.8249]);
    return [0, 1, 2].map((k) => Math.min(1, paper[k]! / white[k]!)) as [number, number, number];
  }
  throw new Error('the ICC profile has no media white point (wtpt)');
}

/** CIE XYZ (D50) → linear sRGB (D65), Bradford adaptation (ICC v4 Annex E, IEC 61966-2-1 matrices). */
function linearSrgb([x, y, z]: [number, number, number]): [number, number, number] {
  // D50 → D65 (Bradford), then XYZ → linear sRGB.
  const X = 0.9555766 * x - 0.0230393 * y + 0.0631636 * z;
  const Y = -0.0282895 * x + 1.0099416 * y + 0.0210077 * z;
  const Z = 0.0122982 * x - 0.020483 * y + 1.3299098 * z;
  return [3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z, -0.969266 * X + 1.8760108 * Y + 0.041556 * Z, 0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z];
}

/**
 * Proofs of every page of a print file on the profile's paper, cut to the TrimBox.
 * @param bytes the print PDF; `dpi` the resolution; `icc` the printer profile's ICC bytes.
 * @returns one RGBA raster per page.
 */
export async function proofPages(bytes: Uint8Array, dpi: number, icc: Uint8Array): Promise<Raster[]> {
  const m = await import('mupdf');
  const doc = m.Document.openDocument(bytes, 'application/pdf');
  const paper = paperOf(icc);
  // One LUT per channel: relative sRGB value → the same on the paper.
  const luts = paper.map((p) => Uint8Array.from({ length: 256 }, (_, v) => Math.round(fromLinear(toLinear(v / 255) * p) * 255)));
  const out: Raster[] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const page = doc.loadPage(i) as InstanceType<typeof m.PDFPage>;
    const [mx0, my0] = page.getBounds();
    const [tx0, ty0, tx1, ty1] = page.getBounds('TrimBox');
    const scale = dpi / 72;
    const pix = page.toPixmap(m.Matrix.scale(scale, scale), m.ColorSpace.DeviceCMYK, false, true);
    const w = pix.getWidth();
    const h = pix.getHeight();
    const cmyk = Buffer.from(pix.getPixels());
    const left = Math.max(0, Math.round((tx0 - mx0) * scale));
    const top = Math.max(0, Math.round((ty0 - my0) * scale));
    const width = Math.min(w - left, Math.round((tx1 - tx0) * scale));
    const height = Math.min(h - top, Math.round((ty1 - ty0) * scale));
    const { data } = await sharp(cmykTiffOf(cmyk, w, h, 8, Buffer.from(icc)))
      .extract({ left, top, width, height })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const rgba = new Uint8Array(width * height * 4);
    for (let p = 0, q = 0; p < data.length; p += 3, q += 4) {
      rgba[q] = luts[0]![data[p]!]!;
      rgba[q + 1] = luts[1]![data[p + 1]!]!;
      rgba[q + 2] = luts[2]![data[p + 2]!]!;
      rgba[q + 3] = 255;
    }
    out.push({ width, height, rgba });
  }
  return out;
}
