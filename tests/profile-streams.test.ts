import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
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

  it('deflates in the build a profile that was not deflated at compile time', async () => {
    const icc = new Uint8Array(readFileSync(path.join(ROOT, 'assets/icc', profiles[0]!)));
    icc[200] = icc[200]! ^ 1;
    const ctx = (await PDFDocument.create()).context;
    expect(written(profileStream(ctx, icc, 4))).toEqual(written(ctx.flateStream(icc, { N: 4 })));
    // Taken again from what this process deflated: the same.
    expect(written(profileStream(ctx, icc, 4))).toEqual(written(ctx.flateStream(icc, { N: 4 })));
  });
});
