import { beforeAll, describe, expect, it } from 'vitest';
import { createElement as h, type ReactElement } from 'react';
import { Document, Link, Page, Text, View } from '@react-pdf/renderer';
import { PdfPages } from '../src/render/render.js';
import { registerFonts } from '../src/render/fonts.js';
import { installTextLayoutCache, removeTextLayoutCache, textLayoutCounts, textLayoutKey } from '../src/render/text-layouts.js';
import { keepWhole, spaced, text } from '../layouts/styles.js';
import { hyphenateFrench } from '../layouts/hyphenation.js';
import { ROOT } from './helpers/sample.js';

/*
 * A text react-pdf lays out again is given the lines textkit made the first time
 * (src/render/text-layouts.ts). The same sentence set nine ways on one page, each differing
 * from the first in one thing its lines depend on: a key that missed it would give one of
 * them another's lines (another colour, size, face, width, break), and the PDF would differ
 * from the one textkit lays out alone.
 */

const SENTENCE = 'Rencontre départementale des accompagnateurs de l’économie sociale et solidaire, à la Maison des associations de Rodez';

/** The sentence in a frame `width` pt wide, with `style` and `props` added to the body's. */
function variant(width: number, style: Record<string, unknown> = {}, props: Record<string, unknown> = {}, child: ReactElement | string = SENTENCE): ReactElement {
  return h(View, { style: { width, marginBottom: 6 } }, h(Text, { hyphenationCallback: hyphenateFrench, ...props, style: { ...text.body, ...style } }, child));
}

function page(): ReactElement {
  return h(Document, { creationDate: new Date(0) }, h(Page, { size: 'A5', style: { padding: 20 } },
    variant(120),
    variant(120, { color: '#c0392b' }),
    variant(120, { fontSize: 11 }),
    variant(150),
    variant(120, { fontWeight: 700 }),
    variant(120, {}, { hyphenationCallback: keepWhole }),
    variant(120, { textAlign: 'justify' }),
    variant(120, spaced(0.5)),
    variant(120, {}, {}, h(Link, { src: 'https://example.org/rodez' }, SENTENCE)),
  ));
}

async function draw(): Promise<Buffer> {
  const pages = new PdfPages();
  await pages.add(page(), 0);
  return Buffer.from(await pages.bytes());
}

describe('text laid out once per process', () => {
  beforeAll(() => {
    registerFonts(ROOT);
  });

  it('gives a text laid out again the lines textkit makes, whatever differs between texts', async () => {
    installTextLayoutCache();
    const before = textLayoutCounts();
    const first = await draw();
    const again = await draw();
    const after = textLayoutCounts();
    // The second drawing took every text's lines from the cache.
    expect(after.reused - before.reused).toBeGreaterThanOrEqual(9);
    removeTextLayoutCache();
    let alone: Buffer;
    try {
      alone = await draw();
    } finally {
      installTextLayoutCache();
    }
    // Nothing was reused while the cache was off.
    expect(textLayoutCounts().reused).toBe(after.reused);
    expect(first.equals(alone)).toBe(true);
    expect(again.equals(alone)).toBe(true);
  });

  it('keys a text by everything its lines depend on', () => {
    // Faces are fontkit's objects: named by identity.
    class Face {}
    const face = new Face();
    const attributes = { font: [face], color: 'black', fontSize: 9, link: undefined, features: { liga: false } };
    const text = { string: 'Rodez', runs: [{ start: 0, end: 5, attributes }] };
    const frame = { width: 120, height: Infinity };
    const options = { hyphenationCallback: hyphenateFrench, hyphenationPenalty: undefined };
    const key = textLayoutKey(text, frame, options);
    const changed = [
      textLayoutKey({ ...text, string: 'Rodeo' }, frame, options),
      textLayoutKey({ ...text, runs: [{ start: 0, end: 5, attributes: { ...attributes, color: 'red' } }] }, frame, options),
      textLayoutKey({ ...text, runs: [{ start: 0, end: 5, attributes: { ...attributes, font: [new Face()] } }] }, frame, options),
      textLayoutKey({ ...text, runs: [{ start: 0, end: 5, attributes: { ...attributes, features: { liga: true } } }] }, frame, options),
      textLayoutKey({ ...text, runs: [{ start: 0, end: 2, attributes }, { start: 2, end: 5, attributes }] }, frame, options),
      textLayoutKey(text, { ...frame, width: 121 }, options),
      textLayoutKey(text, { ...frame, height: 30 }, options),
      textLayoutKey(text, { ...frame, maxLines: 1 }, options),
      textLayoutKey(text, frame, { ...options, hyphenationCallback: keepWhole }),
      textLayoutKey(text, frame, { ...options, hyphenationPenalty: 100 }),
    ];
    for (const other of changed) expect(other).not.toBe(key);
    expect(new Set(changed).size).toBe(changed.length);
    // The same text, frame and options, in new objects: the same key.
    expect(textLayoutKey({ string: 'Rodez', runs: [{ start: 0, end: 5, attributes: { ...attributes } }] }, { ...frame }, { ...options })).toBe(key);
    // A text set around floats is not kept.
    expect(textLayoutKey(text, { ...frame, exclusions: [{ x: 0, y: 0, width: 10, height: 10 }] }, options)).toBeUndefined();
  });
});
