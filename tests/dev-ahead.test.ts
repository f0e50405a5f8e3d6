import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { build } from '../src/build.js';
import { AHEAD_PAGES, PagesDrawnAhead, type PageAhead } from '../src/dev/ahead.js';
import type { EventView } from '../src/derive/model.js';
import { openPdf, pageTexts } from './helpers/pdf.js';
import { EPOCH, ROOT } from './helpers/sample.js';

/*
 * The live preview draws an edited event's page ahead of its file (src/dev/ahead.ts): the
 * page drawn alone must be the page the whole file then holds, in text and in pixels.
 */

/** Page `i` (0-based) of a PDF rendered at 72 dpi: its RGB samples. */
function pixels(pdf: Uint8Array, i: number): Buffer {
  const doc = openPdf(pdf);
  return Buffer.from(doc.loadPage(i).toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceRGB, false, true).getPixels());
}

describe('pages drawn ahead in the preview', () => {
  it('draws the edited event’s page alone, or a page in view, as the whole file then draws it; nothing at the first build or for an unchanged one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-ahead-'));
    try {
      cpSync(path.join(ROOT, 'tests/fixtures/tiny'), dir, { recursive: true });
      const ahead = new PagesDrawnAhead();
      const once = async (inView: number[] = []) => {
        const pages: PageAhead[] = [];
        const offer = ahead.forBuild(async (p) => void pages.push(p), inView);
        const [built] = await build({ root: ROOT, content: dir, documents: ['programme'], out: '.', outputs: ['screen'], write: false, threads: 0, proof: true, site: 'off', cache: false, sourceDateEpoch: EPOCH, log: () => {}, ahead: offer });
        offer.built();
        return { pages, pdf: built!.pdf! };
      };
      expect((await once()).pages).toEqual([]);
      const file = path.join(dir, 'events/34.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace("title: Forum de l'emploi solidaire", 'title: Forum des métiers de la transition'));
      const { pages, pdf } = await once();
      expect(pages.map((p) => p.doc)).toEqual(['programme']);
      const [page] = pages;
      const whole = pageTexts(openPdf(pdf));
      const alone = pageTexts(openPdf(page!.pdf));
      expect(alone).toHaveLength(1);
      expect(alone[0]).toContain('Forum des métiers de la transition');
      expect(alone[0]).toBe(whole[page!.page]);
      expect(pixels(page!.pdf, 0).equals(pixels(pdf, page!.page))).toBe(true);
      // The same content again: no page is new.
      expect((await once()).pages).toEqual([]);
      // The pages in view (a theme changed): the cover, before the plan; an events page, as planned.
      const inView = await once([1, page!.page + 1]);
      expect(inView.pages.map((p) => p.page)).toEqual([0, page!.page]);
      for (const p of inView.pages) expect(pixels(p.pdf, 0).equals(pixels(inView.pdf, p.page)), `page ${p.page + 1}`).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('which pages are drawn ahead (src/dev/ahead.ts)', () => {
  const ev = (id: string, title: string) => ({ id, title }) as unknown as EventView;
  const draw = async () => new Uint8Array([1]);

  it('compares with the events of the last build, taken from the build cache or drawn', async () => {
    const ahead = new PagesDrawnAhead();
    const sent: number[] = [];
    const send = async (p: PageAhead) => void sent.push(p.page);
    // A first build: nothing to compare with.
    const first = ahead.forBuild(send);
    first.events('programme', [ev('a', 'A'), ev('b', 'B')]);
    await first.offer('programme', 3, [ev('a', 'A')], draw);
    first.built();
    expect(sent).toEqual([]);
    // a edited, then its file taken from the build cache: no page offered, its events known all the same.
    const cached = ahead.forBuild(send);
    cached.events('programme', [ev('a', 'A2'), ev('b', 'B')]);
    cached.built();
    // b edited: only its page is new.
    const next = ahead.forBuild(send);
    next.events('programme', [ev('a', 'A2'), ev('b', 'B2')]);
    await next.offer('programme', 3, [ev('a', 'A2')], draw);
    await next.offer('programme', 7, [ev('b', 'B2')], draw);
    next.built();
    expect(sent).toEqual([7]);
  });

  it('draws the pages in view whatever they hold, each once, at most AHEAD_PAGES', async () => {
    const sent: number[] = [];
    const build = new PagesDrawnAhead().forBuild(async (p) => void sent.push(p.page), [1, 2, 3, 4, 5, 6]);
    for (const page of [0, 0, 1, 2, 3, 4, 5, 9]) await build.offer('programme', page, [], draw);
    expect(sent).toEqual([0, 1, 2, 3].slice(0, AHEAD_PAGES));
  });
});
