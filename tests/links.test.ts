/**
 * Issue 14, point 3 (links): a Markdown link in a description prints as its text; in the
 * screen file it is a link annotation over that text, and the print file has no annotation.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PDFPage } from 'mupdf';
import { build } from '../src/build.js';
import { openPdf, pageTexts } from './helpers/pdf.js';
import { ROOT, EPOCH } from './helpers/sample.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

describe('links in descriptions', () => {
  it('print as their text; a link annotation to the URI over that text in the screen file, none in the print file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'encre-links-'));
    made.push(out);
    await build({ root: ROOT, content: 'tests/fixtures/links', out, documents: ['programme'], sourceDateEpoch: EPOCH, cache: false });
    const print = openPdf(await readFile(join(out, 'programme.pdf')));
    const screen = openPdf(await readFile(join(out, 'screen/programme.pdf')));
    for (const doc of [print, screen]) {
      const text = pageTexts(doc).join(' ');
      expect(text).toContain('Inscriptions sur le site du forum avant le 10 novembre.');
      expect(text).not.toContain('](');
      expect(text).not.toContain('forum.example');
    }

    // The screen file: a /Link annotation with the URI, over the words « le site du forum ».
    const pageOf = pageTexts(screen).findIndex((t) => t.includes('le site du forum'));
    const page = screen.loadPage(pageOf) as PDFPage;
    const links = page.getLinks().filter((l) => l.getURI() === 'https://forum.example/inscription');
    expect(links).toHaveLength(1);
    const annots = page.getObject().get('Annots');
    const subtypes = Array.from({ length: annots.length }, (_, i) => annots.get(i).get('Subtype').asName());
    expect(subtypes).toContain('Link');
    const [lx0, ly0, lx1, ly1] = links[0]!.getBounds();
    const words = page.search('le site du forum', undefined);
    expect(words.length).toBeGreaterThan(0);
    const quad = words[0]![0]!;
    const [wx0, wy0, wx1, wy1] = [Math.min(quad[0], quad[4]), Math.min(quad[1], quad[3]), Math.max(quad[2], quad[6]), Math.max(quad[5], quad[7])];
    // The link covers the words (to a point), and not the whole line.
    expect(lx0).toBeLessThanOrEqual(wx0 + 1);
    expect(lx1).toBeGreaterThanOrEqual(wx1 - 1);
    expect(ly0).toBeLessThanOrEqual(wy1);
    expect(ly1).toBeGreaterThanOrEqual(wy0);
    expect(lx1 - lx0).toBeLessThan((wx1 - wx0) * 1.5);

    // The print file: no annotation on any page.
    for (let i = 0; i < print.countPages(); i++) {
      expect(print.loadPage(i).getLinks(), `page ${i + 1}`).toEqual([]);
      expect(print.findPage(i).get('Annots').isNull(), `page ${i + 1}`).toBe(true);
    }
  }, 60_000);
});
