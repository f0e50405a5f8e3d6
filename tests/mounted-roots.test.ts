import { beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Document, Page, Text } from '@react-pdf/renderer';
import { measureBlocks } from '../src/paginate/measure.js';
import { PdfPages } from '../src/render/render.js';
import { registerFonts } from '../src/render/fonts.js';
import { text } from '../layouts/styles.js';
import { ROOT } from './helpers/sample.js';

/*
 * Each <Document> react-pdf mounts (a measurement's probe, a chunk of pages) must be free
 * once it is laid out and drawn. React's reconciler keeps a rendered root in its list of
 * scheduled roots until a task run by the event loop takes it out; a build awaits only
 * settled promises, which never gave it that turn, and a 10,000-event programme kept every
 * probe and chunk with their props (1.5 GB resident instead of 1.15). Proved here as a
 * build runs: one mount after the other, without this test letting the event loop turn,
 * each block's props holding 1 MB (as a card's props hold its event), then the props still
 * alive counted after a full garbage collection.
 */

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const MB = 1 << 20;
const ROUNDS = 24;

/** A block whose props hold `payload`, unread. */
function Block({ label }: { label: string; payload: Uint8Array }) {
  return createElement(Text, { style: text.body }, label);
}

/**
 * How many of the payloads are still alive after a full collection. (Weak references are
 * cleared in the collection's pause; the bytes of ArrayBuffers counted by
 * process.memoryUsage() are freed by a background sweeper, later on a busy machine.)
 */
function alive(payloads: WeakRef<Uint8Array>[]): number {
  gc();
  return payloads.filter((p) => p.deref() !== undefined).length;
}

describe('documents mounted by react-pdf', () => {
  beforeAll(async () => {
    registerFonts(ROOT);
    // react-pdf's renderer keeps the first document it ever mounted (its change listener's
    // closure): one root per process, not one per document. Mounted here, before the payloads.
    await measureBlocks([createElement(Block, { label: 'Premier', payload: new Uint8Array(0) })], 200);
  });

  it('are not kept once their blocks are measured', async () => {
    const payloads: WeakRef<Uint8Array>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const payload = new Uint8Array(MB);
      payloads.push(new WeakRef(payload));
      const [measured] = await measureBlocks([createElement(Block, { label: `Atelier ${i}`, payload })], 200);
      expect(measured!.height).toBeGreaterThan(0);
    }
    // At most the last probes (React's last work): not all 24.
    expect(alive(payloads)).toBeLessThanOrEqual(3);
  });

  it('are not kept once their pages are drawn', async () => {
    const pages = new PdfPages();
    const payloads: WeakRef<Uint8Array>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const payload = new Uint8Array(MB);
      payloads.push(new WeakRef(payload));
      const page = createElement(Document, { creationDate: new Date(0) }, createElement(Page, { size: 'A6' }, createElement(Block, { label: `Forum ${i}`, payload })));
      await pages.add(page, i);
    }
    expect(alive(payloads)).toBeLessThanOrEqual(3);
    const bytes = await pages.bytes();
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });
});
