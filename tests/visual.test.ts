import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import pixelmatch from 'pixelmatch';
import { rasterise, toPng, type Raster } from '../src/preview/raster.js';
import { ROOT } from './helpers/sample.js';
import { sharedBuild } from './helpers/shared.js';

/**
 * Visual regression: pages of the sample's screen files, rasterised at 24 dpi with MuPDF,
 * compared with committed references (tests/visual/*.png) by pixelmatch (threshold 0.1; at
 * most 0.1 % of the pixels may differ). On a failure the actual page and the diff are written
 * to tests/.output/visual/ (git-ignored). `npm run test:update-visual` rewrites the references.
 */
const DPI = 24;
const MAX_DIFF = 0.001;
const UPDATE = process.env.UPDATE_VISUAL === '1';
const REFS = path.join(ROOT, 'tests/visual');
const OUTPUT = path.join(ROOT, 'tests/.output/visual');
const PAGES: Record<string, number[]> = { programme: [1, 2, 3, 4, 5, 32], affiche: [1], flyer: [1, 2], 'dossier-de-presse': [1, 3] };

let out = '';
beforeAll(async () => {
  out = await sharedBuild('sample');
});

async function decode(file: string): Promise<Raster> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: new Uint8Array(data) };
}

describe('pages look as they did', () => {
  for (const [doc, pages] of Object.entries(PAGES)) {
    it(`${doc}: pages ${pages.join(', ')}`, async () => {
      const rasters = await rasterise(new Uint8Array(readFileSync(path.join(out, 'screen', `${doc}.pdf`))), DPI);
      for (const n of pages) {
        const actual = rasters[n - 1]!;
        const ref = path.join(REFS, `${doc}-${n}.png`);
        if (UPDATE || !existsSync(ref)) {
          if (!UPDATE) throw new Error(`no reference ${path.relative(ROOT, ref)}: run npm run test:update-visual`);
          writeFileSync(ref, await toPng(actual));
          continue;
        }
        const expected = await decode(ref);
        expect([actual.width, actual.height], `${doc} page ${n} size`).toEqual([expected.width, expected.height]);
        const diff = new Uint8Array(actual.rgba.length);
        const changed = pixelmatch(actual.rgba, expected.rgba, diff, actual.width, actual.height, { threshold: 0.1 });
        const share = changed / (actual.width * actual.height);
        if (share > MAX_DIFF) {
          mkdirSync(OUTPUT, { recursive: true });
          writeFileSync(path.join(OUTPUT, `${doc}-${n}-actual.png`), await toPng(actual));
          writeFileSync(path.join(OUTPUT, `${doc}-${n}-diff.png`), await toPng({ ...actual, rgba: diff }));
        }
        expect(share, `${doc} page ${n}: ${changed} pixels differ (see tests/.output/visual/)`).toBeLessThanOrEqual(MAX_DIFF);
      }
    });
  }
});
