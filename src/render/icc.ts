import { readFileSync } from 'node:fs';
import sharp from 'sharp';

/**
 * Screen colours of CMYK-only theme colours, computed through the output ICC profile.
 *
 * Intent: a designer who is given CMYK values only (a client's charter) sees on screen what
 * the press will print, as a proofing application shows it: the CMYK values are interpreted
 * in the printing condition's profile (FOGRA39, assets/icc/encre-FOGRA39.icc, the print
 * files' OutputIntent) and converted to sRGB with relative colorimetric intent (paper white
 * → screen white, no black point compensation). This is the ICC conversion (littleCMS inside
 * libvips, through sharp), not a formula such as 1 − C − K.
 *
 * How: the colours become the pixels of an N × 1 16-bit CMYK TIFF carrying the profile,
 * which sharp converts to sRGB with the embedded profile. sharp asks libvips for the
 * perceptual intent; encre-FOGRA39.icc has a single AToB table shared by its perceptual,
 * colorimetric and saturation tags (A2B0 = A2B1 = A2B2, as ArgyllCMS wrote it), and sRGB is a
 * matrix profile, and both are ICC v2 (no automatic black point compensation in littleCMS):
 * so the perceptual conversion here is the relative colorimetric one
 * (tests/theme-yaml.test.ts checks the tag table). Deterministic: the same CMYK and profile
 * give the same RGB.
 */

/**
 * The sRGB ("#rrggbb", lower case) of each CMYK colour through an ICC output profile.
 * @param cmyks CMYK percentages 0–100, [c, m, y, k] each.
 * @param iccFile absolute path of a CMYK output profile (the printer's OutputIntent profile).
 * @returns one hex colour per input, in order.
 * @throws Error when the profile cannot be read or sharp cannot convert.
 */
export async function cmykToScreenRgb(cmyks: readonly (readonly number[])[], iccFile: string): Promise<string[]> {
  if (cmyks.length === 0) return [];
  const { data, info } = await sharp(cmykTiff(cmyks, readFileSync(iccFile))).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return cmyks.map((_, i) => `#${[...data.subarray(i * info.channels, i * info.channels + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`);
}

/**
 * A baseline TIFF (little-endian, uncompressed, one strip): N × 1 pixels, 4 samples of 16 bits
 * (PhotometricInterpretation 5, separated; InkSet 1, CMYK), with the ICC profile (tag 34675).
 */
function cmykTiff(cmyks: readonly (readonly number[])[], icc: Buffer): Buffer {
  const data = Buffer.alloc(cmyks.length * 8);
  cmyks.forEach((c, i) => c.forEach((v, j) => data.writeUInt16LE(Math.round((Math.min(100, Math.max(0, v)) / 100) * 65535), (i * 4 + j) * 2)));
  return cmykTiffOf(data, cmyks.length, 1, 16, icc);
}

/**
 * A baseline TIFF (little-endian, uncompressed, one strip) of CMYK pixels, chunky, `bits`
 * (8 or 16, little-endian) per sample, 0 = no ink (PhotometricInterpretation 5, separated;
 * InkSet 1, CMYK), carrying the ICC profile (tag 34675): what libvips (sharp) reads as CMYK
 * in that profile.
 */
export function cmykTiffOf(data: Buffer, width: number, height: number, bits: 8 | 16, icc: Buffer): Buffer {
  const bitsPerSample = Buffer.alloc(8);
  for (let i = 0; i < 4; i++) bitsPerSample.writeUInt16LE(bits, i * 2);
  // [tag, type (3 SHORT, 4 LONG, 7 UNDEFINED), count, value or blob]; 'data' marks StripOffsets.
  const entries: [number, number, number, number | Buffer | 'data'][] = [
    [256, 4, 1, width], // ImageWidth
    [257, 4, 1, height], // ImageLength
    [258, 3, 4, bitsPerSample], // BitsPerSample
    [259, 3, 1, 1], // Compression: none
    [262, 3, 1, 5], // PhotometricInterpretation: separated
    [273, 4, 1, 'data'], // StripOffsets
    [277, 3, 1, 4], // SamplesPerPixel
    [278, 4, 1, height], // RowsPerStrip
    [279, 4, 1, data.length], // StripByteCounts
    [284, 3, 1, 1], // PlanarConfiguration: chunky
    [332, 3, 1, 1], // InkSet: CMYK
    [34675, 7, icc.length, icc], // ICC profile
  ];
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16LE(entries.length, 0);
  let offset = 8 + ifd.length;
  const blobs: Buffer[] = [];
  const stripAt: number[] = [];
  entries.forEach(([tag, type, count, value], i) => {
    const o = 2 + i * 12;
    ifd.writeUInt16LE(tag, o);
    ifd.writeUInt16LE(type, o + 2);
    ifd.writeUInt32LE(count, o + 4);
    if (value === 'data') stripAt.push(o + 8);
    else if (Buffer.isBuffer(value)) {
      ifd.writeUInt32LE(offset, o + 8);
      blobs.push(value);
      offset += value.length;
      if (offset % 2) {
        blobs.push(Buffer.alloc(1));
        offset++;
      }
    } else if (type === 3) ifd.writeUInt16LE(value, o + 8);
    else ifd.writeUInt32LE(value, o + 8);
  });
  for (const at of stripAt) ifd.writeUInt32LE(offset, at);
  return Buffer.concat([Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]), ifd, ...blobs, data]);
}
