import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { build } from '../src/build.js';
import { inspectPdf } from '../src/preflight/pdf.js';
import { ROOT, EPOCH } from './helpers/sample.js';

/** A 600 × 300 px logo on white: a blue square on the left half, the right half white. */
async function logo(): Promise<ReturnType<typeof sharp>> {
  const blue = await sharp({ create: { width: 250, height: 250, channels: 3, background: '#1060c0' } }).png().toBuffer();
  return sharp({ create: { width: 600, height: 300, channels: 3, background: '#ffffff' } }).composite([{ input: blue, left: 25, top: 25 }]);
}

describe('images as they come', () => {
  it('places JPEG (EXIF-rotated, CMYK, progressive), PNG (16-bit, palette, interlaced, alpha), SVG, WebP and AVIF logos as CMYK, none blank or negative', async () => {
    // (vector.svg is drawn as vectors in the print file; text.svg, with a <text>, as an image.)
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-images-'));
    try {
      cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
      const files: Record<string, Buffer> = {
        'rotated.jpg': await (await logo()).jpeg().withMetadata({ orientation: 6 }).toBuffer(),
        'cmyk.jpg': await (await logo()).toColourspace('cmyk').jpeg().toBuffer(),
        'progressive.jpg': await (await logo()).jpeg({ progressive: true }).toBuffer(),
        'deep.png': await (await logo()).toColourspace('rgb16').png().toBuffer(),
        'palette.png': await (await logo()).png({ palette: true, colours: 8 }).toBuffer(),
        'interlaced.png': await (await logo()).png({ progressive: true }).toBuffer(),
        'alpha.png': await (await logo()).ensureAlpha(0.5).png().toBuffer(),
        'vector.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect x="10" y="10" width="80" height="80" fill="#1060c0"/></svg>'),
        'text.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect x="10" y="10" width="80" height="80" fill="#1060c0"/><text x="100" y="60" fill="#1060c0">A</text></svg>'),
        'photo.webp': await (await logo()).webp().toBuffer(),
        'photo.avif': await (await logo()).avif().toBuffer(),
      };
      const rel = path.relative(ROOT, dir);
      for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
      const partners = Object.keys(files).map((f) => `  - { name: ${f}, logo: ${f} }`).join('\n');
      writeFileSync(path.join(dir, 'campaign.yaml'), readFileSync(path.join(dir, 'campaign.yaml'), 'utf8').replace(/^partners:\n(  .*\n)+/m, `partners:\n${partners}\n`));
      const out = mkdtempSync(path.join(os.tmpdir(), 'encre-images-'));
      await build({ root: ROOT, content: rel, out, documents: ['dossier-de-presse'], sourceDateEpoch: EPOCH });
      const doc = await PDFDocument.load(readFileSync(path.join(out, 'dossier-de-presse.pdf')), { updateMetadata: false });
      const images: PDFRawStream[] = [];
      doc.context.enumerateIndirectObjects().forEach(([, o]) => {
        if (o instanceof PDFRawStream && o.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Image') images.push(o);
      });
      // every logo is placed (identical results may share one image stream)
      const report = await inspectPdf('dossier.pdf', readFileSync(path.join(out, 'dossier-de-presse.pdf')), {});
      expect(report.images.filter((i) => i.page === 4)).toHaveLength(Object.keys(files).length - 1);
      expect(images.length).toBeGreaterThan(1);
      for (const img of images) {
        expect(img.dict.get(PDFName.of('ColorSpace'))?.toString()).toBe('/DeviceCMYK');
        // pdfkit marks Adobe CMYK JPEGs with an inverting Decode array; the image must say so
        expect(img.dict.get(PDFName.of('Decode'))?.toString()).toBe('[ 1 0 1 0 1 0 1 0 ]');
        const { data, info } = await sharp(Buffer.from(img.contents)).toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]! > 200) inked++;
        const share = inked / (info.width * info.height);
        // some blue, mostly white paper: not blank, not a negative
        expect(share, `inked share ${share.toFixed(2)}`).toBeGreaterThan(0.05);
        expect(share, `inked share ${share.toFixed(2)}`).toBeLessThan(0.7);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
