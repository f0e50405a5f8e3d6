import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { PDFDocument, PDFName } from '../src/post/pdf-lib.js';
import { PREDEFLATED, profileStream } from '../src/post/profile-streams.js';
import { ROOT } from './helpers/sample.js';

const profiles = readdirSync(path.join(ROOT, 'assets/icc')).filter((f) => f.endsWith('.icc'));

/** The stream's dictionary and contents, as they are written. */
function written(stream: ReturnType<typeof profileStream>) {
  return { dict: stream.dict.toString(), bytes: Buffer.from(stream.getContents()).toString('base64') };
}

// The print files' output intent embeds the profile deflated by pdf-lib (pako): taken from
// the files `npm run compile` made (npm test compiles first), it must be what pdf-lib gives.
describe('ICC profile streams', () => {
  it.each(profiles)('%s: deflated at compile time, the stream pdf-lib would write', async (file) => {
    const icc = new Uint8Array(readFileSync(path.join(ROOT, 'assets/icc', file)));
    const name = `${createHash('sha256').update(icc).digest('hex')}-4.deflate`;
    expect(existsSync(path.join(PREDEFLATED, name)), `dist/icc/${name} (npm run compile)`).toBe(true);
    const ctx = (await PDFDocument.create()).context;
    const ours = profileStream(ctx, icc, 4);
    expect(ours.dict.get(PDFName.of('Filter'))?.toString()).toBe('/FlateDecode');
    expect(written(ours)).toEqual(written(ctx.flateStream(icc, { N: 4 })));
  });

  it('takes a deflated profile only when it inflates to the profile: a damaged file is deflated again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-icc-'));
    try {
      const base = new Uint8Array(readFileSync(path.join(ROOT, 'assets/icc', profiles[0]!)));
      // Profiles of their own (one byte changed each): this process has not deflated them yet.
      const variant = (k: number) => {
        const icc = base.slice();
        icc[300 + k] = icc[300 + k]! ^ 0xff;
        return { icc, file: path.join(dir, `${createHash('sha256').update(icc).digest('hex')}-4.deflate`) };
      };
      const ctx = (await PDFDocument.create()).context;
      const pdfLib = (icc: Uint8Array) => written(ctx.flateStream(icc, { N: 4 }));
      const damaged = [new Uint8Array(0), randomBytes(1000), deflateSync(base).subarray(0, 1000)];
      damaged.forEach((bytes, k) => {
        const { icc, file } = variant(k);
        writeFileSync(file, bytes);
        expect(written(profileStream(ctx, icc, 4, dir)), `damaged file ${k}`).toEqual(pdfLib(icc));
      });
      // A file that inflates to the profile is taken as it is (here zlib's, not pdf-lib's, bytes: told apart).
      const { icc, file } = variant(9);
      writeFileSync(file, deflateSync(icc));
      expect(Buffer.from(profileStream(ctx, icc, 4, dir).getContents())).toEqual(deflateSync(icc));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('deflates in the build a profile that was not deflated at compile time', async () => {
    const icc = new Uint8Array(readFileSync(path.join(ROOT, 'assets/icc', profiles[0]!)));
    icc[200] = icc[200]! ^ 1;
    const ctx = (await PDFDocument.create()).context;
    expect(written(profileStream(ctx, icc, 4))).toEqual(written(ctx.flateStream(icc, { N: 4 })));
    // Taken again from what this process deflated: the same.
    expect(written(profileStream(ctx, icc, 4))).toEqual(written(ctx.flateStream(icc, { N: 4 })));
  });
});
