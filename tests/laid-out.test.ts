import { describe, expect, it } from 'vitest';
import { ROOT, EPOCH } from './helpers/sample.js';
import { loadContent } from '../src/load/content.js';
import { fileEnv } from '../src/load/env.js';
import { deriveModel } from '../src/derive/model.js';
import { renderProgramme } from '../src/documents/programme.js';
import { registerFonts } from '../src/render/fonts.js';
import { PdfPages, type PageSink } from '../src/render/render.js';
import { graftLaidOut } from '../src/render/graft.js';
import type { LaidOutNode } from '../src/preflight/layout.js';

// Each event card's text is laid out once: while the paginator measures it. The page is
// laid out around an empty slot of its size, and the text put back before drawing.

describe('cards drawn as they were measured', () => {
  it('give the same bytes as cards laid out again on their page', async () => {
    registerFonts(ROOT);
    const model = deriveModel(await loadContent(fileEnv(ROOT, EPOCH), 'content'), new Date(Number(EPOCH) * 1000));
    const grafted = new PdfPages();
    let texts = 0;
    const withTexts: PageSink = {
      add: (element, first, blocks) => {
        texts += blocks?.size ?? 0;
        return grafted.add(element, first, blocks);
      },
      restart: () => grafted.restart(),
    };
    // The same pages, every card laid out again where it is drawn (no block given).
    const again = new PdfPages();
    const without: PageSink = { add: (element, first) => again.add(element, first), restart: () => again.restart() };
    const pages = await renderProgramme(model, [], withTexts);
    expect(await renderProgramme(model, [], without)).toBe(pages);
    expect(texts).toBe(model.events.length);
    expect(grafted.slotsFilled).toBe(model.events.length);
    expect(again.slotsFilled).toBe(0);
    const a = Buffer.from(await grafted.bytes());
    const b = Buffer.from(await again.bytes());
    expect(a.length).toBeGreaterThan(100_000);
    expect(a.equals(b)).toBe(true);
  });

  it('refuse a slot with no block, or a block of another size', () => {
    const slot = (key: string, height: number): LaidOutNode => ({ type: 'VIEW', props: { 'data-laid-out': key } as LaidOutNode['props'], box: { left: 10, top: 20, width: 100, height } });
    const doc = (): LaidOutNode => ({ type: 'DOCUMENT', children: [{ type: 'PAGE', children: [slot('a', 50)] }] });
    const block: LaidOutNode = { type: 'VIEW', box: { left: 0, top: 0, width: 100, height: 50 }, children: [{ type: 'TEXT' }] };
    expect(() => graftLaidOut(doc(), new Map())).toThrow(/no laid-out block for the slot "a"/);
    const taller: LaidOutNode = { ...block, box: { left: 0, top: 0, width: 100, height: 60 } };
    expect(() => graftLaidOut(doc(), new Map([['a', taller]]))).toThrow(/is 100 × 60 pt, its slot 100 × 50 pt/);
    const filled = doc();
    expect(graftLaidOut(filled, new Map([['a', block]]))).toBe(1);
    const placed = filled.children![0]!.children![0]!;
    expect(placed.box).toEqual({ left: 10, top: 20, width: 100, height: 50 });
    expect(placed.children).toBe(block.children);
    // The block itself is left as it was: it can be placed again (the other rendition).
    expect(block.box).toEqual({ left: 0, top: 0, width: 100, height: 50 });
  });
});
