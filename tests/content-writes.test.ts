import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { deflatedApart, deflateStreamsApart, installFastContent, rectangleRuns, rememberCompressedStreams } from '../src/render/content-writes.js';
import { ROOT } from './helpers/sample.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/pdfkit/draw.mjs');
const FONT = path.join(ROOT, 'assets/fonts/Inter-Regular.otf');

describe('faster content writes (src/render/content-writes.ts)', () => {
  it('an object that waited for a stream deflated apart and fails to be written fails the document, not the process', async () => {
    // Before the next test, which turns on the memory of compressed streams (this process's).
    installFastContent();
    deflateStreamsApart(true);
    // pdfkit's document, as far as this test drives it (src/types/pdfkit.d.ts declares less).
    interface Drawn {
      on(event: string, listener: (value: never) => void): void;
      addPage(options: object): void;
      rect(x: number, y: number, w: number, h: number): { fill(): void };
      end(): void;
      _root: { data: Record<string, unknown> };
    }
    const doc = new (PDFDocument as unknown as new (options: object) => Drawn)({ compress: true, autoFirstPage: false });
    const failed = new Promise<Error>((resolve) => doc.on('error', (e: Error) => resolve(e)));
    doc.on('data', () => undefined);
    doc.addPage({ size: [300, 400], margin: 0 });
    for (let i = 0; i < 3000; i++) doc.rect(i % 290, (i * 7) % 390, 3, 2).fill();
    // The document's catalog, written after the page's content (deflated on the thread pool),
    // holds a number pdfkit refuses to write.
    doc._root.data.Bad = Infinity;
    const before = deflatedApart();
    doc.end();
    expect(deflatedApart().deflated).toBe(before.deflated + 1);
    expect((await failed).message).toMatch(/unsupported number: Infinity/);
  });

  it('writes the bytes pdfkit writes: paths remembered and replayed, content streams in one piece', async () => {
    // pdfkit as shipped, in a process that never loads encre.
    const script = `import { drawSample } from ${JSON.stringify(pathToFileURL(FIXTURE).href)}; process.stdout.write((await drawSample(${JSON.stringify(FONT)})).toString('base64'));`;
    const shipped = Buffer.from(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }), 'base64');
    installFastContent();
    const { drawSample, PATHS } = (await import(pathToFileURL(FIXTURE).href)) as { drawSample(font: string): Promise<Buffer>; PATHS: string[] };
    // The QR codes' rectangles are written without pdfkit's parser; the other paths by pdfkit.
    expect(PATHS.slice(0, 3).map((d) => rectangleRuns(d) !== undefined)).toEqual([true, true, true]);
    expect(PATHS.slice(3).map((d) => rectangleRuns(d))).toEqual(PATHS.slice(3).map(() => undefined));
    expect(rectangleRuns('M3 4h-2v-3h5z')).toBe('3 4 m\n1 4 l\n1 1 l\n6 1 l\nh');
    for (const other of ['M1234567 0h1v1h-1z', 'M1 2h3v1h-3zM', 'M1 2h3v1h-3', 'M-1 2h3v1h-3z', 'M1 2h3v1h-3z ', 'M1 2h+3v1h-3z', 'M1.5 2h3v1h-3z']) expect(rectangleRuns(other), other).toBeUndefined();
    // Twice: the second draws every path from memory. Each page's content (about 300 KB of
    // rectangles) is deflated on the thread pool, the page's other objects written after it.
    const before = deflatedApart();
    const first = await drawSample(FONT);
    const during = deflatedApart();
    expect(during.deflated - before.deflated).toBeGreaterThanOrEqual(3);
    expect(during.waited - before.waited).toBeGreaterThanOrEqual(3);
    const again = await drawSample(FONT);
    expect(shipped.length).toBeGreaterThan(1000);
    expect(first.equals(shipped)).toBe(true);
    expect(again.equals(shipped)).toBe(true);
    // Deflated on this thread (a build whose workers use every core): the same bytes.
    deflateStreamsApart(false);
    const here = deflatedApart().deflated;
    expect((await drawSample(FONT)).equals(shipped)).toBe(true);
    expect(deflatedApart().deflated).toBe(here);
    deflateStreamsApart(true);
    // Compressed streams remembered (the preview's build process): drawn once to fill the
    // memory, once from it; the pages' streams, the font and the Info the same bytes.
    rememberCompressedStreams();
    const remembering = deflatedApart().deflated;
    expect((await drawSample(FONT)).equals(shipped)).toBe(true);
    expect((await drawSample(FONT)).equals(shipped)).toBe(true);
    expect(deflatedApart().deflated).toBe(remembering); // deflated here, to be remembered
    // The patch is in force in this process (the test compares something).
    const proto = (PDFDocument as unknown as { prototype: { path: { name: string } } }).prototype;
    expect(proto.path.name).not.toBe('path');
  });
});
