/**
 * The preview server's rasterising thread (started by rasteriser.ts): MuPDF (WebAssembly,
 * synchronous) runs here, off the server's event loop. It keeps the PDFs it is given open,
 * by key, until told to close them.
 * Messages in: { id, open: { key, pdf } } → { id, texts, fingerprints } (each page's text and
 * fingerprint, page-fingerprint.ts); { id, render: { key, page, dpi } } (page from 1) →
 * { id, width, height, pixels } (RGB, 8 bits a channel, on white; the pixels' buffer is
 * transferred); { close: key }. A failure answers { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import * as mupdf from 'mupdf';
import { pageFingerprint } from './page-fingerprint.js';
import { KeptMap } from '../cache/kept.js';

const open = new Map<string, mupdf.PDFDocument>();
/** Each page's text by its fingerprint, from the builds opened before: at most 5,000 (a few builds of a long programme). */
const textOf = new KeptMap<string, string>(5_000);

type Message = { id?: number; open?: { key: string; pdf: Uint8Array }; render?: { key: string; page: number; dpi: number }; close?: string };

parentPort!.on('message', (m: Message) => {
  try {
    if (m.close !== undefined) {
      open.get(m.close)?.destroy();
      open.delete(m.close);
      return;
    }
    if (m.open) {
      const doc = mupdf.Document.openDocument(m.open.pdf, 'application/pdf') as mupdf.PDFDocument;
      open.get(m.open.key)?.destroy();
      open.set(m.open.key, doc);
      const texts: string[] = [];
      const fingerprints: string[] = [];
      for (let i = 0; i < doc.countPages(); i++) {
        const page = doc.loadPage(i);
        const fingerprint = pageFingerprint(page);
        // A page as it was (same fingerprint: same glyphs, page-fingerprint.ts) has the text it had.
        let text = textOf.get(fingerprint);
        if (text === undefined) {
          text = page.toStructuredText('preserve-whitespace').asText().replace(/\s+/g, ' ').trim();
          textOf.set(fingerprint, text);
        }
        texts.push(text);
        fingerprints.push(fingerprint);
        page.destroy();
      }
      return parentPort!.postMessage({ id: m.id, texts, fingerprints });
    }
    if (m.render) {
      const doc = open.get(m.render.key);
      if (!doc) throw new Error(`internal: no open document ${m.render.key}`);
      const page = doc.loadPage(m.render.page - 1);
      const pix = page.toPixmap(mupdf.Matrix.scale(m.render.dpi / 72, m.render.dpi / 72), mupdf.ColorSpace.DeviceRGB, false, true);
      const pixels = new Uint8Array(pix.getPixels()); // a copy out of MuPDF's memory
      const answer = { id: m.id, width: pix.getWidth(), height: pix.getHeight(), pixels };
      pix.destroy();
      page.destroy();
      return parentPort!.postMessage(answer, [pixels.buffer]);
    }
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});
