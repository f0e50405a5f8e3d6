import { Worker } from 'node:worker_threads';
import { workerEntry } from '../paths.js';

/** A page rendered to pixels: RGB, 8 bits a channel, on white. */
export interface RgbPage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** What a PDF holds, page by page: its text (whitespace collapsed) and its fingerprint (page-fingerprint.ts). */
export interface PdfPages {
  texts: string[];
  fingerprints: string[];
}

type Answer = { id: number; error?: string; texts?: string[]; fingerprints?: string[]; width?: number; height?: number; pixels?: Uint8Array };

/**
 * The preview's page rasteriser: MuPDF on a thread of its own (raster-worker.ts), so that the
 * server's event loop keeps answering while pages are rendered. The thread is started on
 * first use and again after a crash (the requests it held are rejected); requests are served
 * in the order they come.
 */
export class Rasteriser {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  /** The PDFs open, by key: opened again in a thread started after a crash. */
  private readonly pdfs = new Map<string, Uint8Array>();

  /** Starts the thread now (it loads MuPDF), so that the first page does not wait for it. */
  warm(): void {
    this.thread();
  }

  /**
   * Opens a PDF under `key` (a document's build), kept open for {@link render} until {@link close}.
   * @returns each page's text and fingerprint.
   */
  async open(key: string, pdf: Uint8Array): Promise<PdfPages> {
    this.pdfs.set(key, pdf);
    const a = await this.ask({ open: { key, pdf } });
    return { texts: a.texts!, fingerprints: a.fingerprints! };
  }

  /**
   * Renders page `page` (from 1) of the PDF opened under `key` at `dpi` (dots per inch).
   * @returns its pixels (RGB).
   */
  async render(key: string, page: number, dpi: number): Promise<RgbPage> {
    const a = await this.ask({ render: { key, page, dpi } });
    return { width: a.width!, height: a.height!, pixels: a.pixels! };
  }

  /** Forgets the PDF opened under `key` (pages asked before are still rendered first). */
  close(key: string): void {
    this.pdfs.delete(key);
    this.worker?.postMessage({ close: key });
  }

  /** Stops the thread; pending requests are rejected. */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.fail(new Error('the preview stopped'));
    await w?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    // Compiled, the thread's module itself; from the sources, its entry that registers tsx first.
    const w = new Worker(workerEntry('dev/raster-worker'), { execArgv: [] });
    w.on('message', (a: Answer) => {
      const p = this.pending.get(a.id);
      if (!p) return;
      this.pending.delete(a.id);
      if (a.error !== undefined) p.reject(new Error(a.error));
      else p.resolve(a);
    });
    const gone = (e: Error) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.fail(e);
    };
    w.on('error', gone);
    w.on('exit', (code) => gone(new Error(`the rasterising thread stopped (exit code ${code})`)));
    w.unref();
    this.worker = w;
    for (const [key, pdf] of this.pdfs) w.postMessage({ open: { key, pdf } });
    return w;
  }

  private ask(message: object): Promise<Answer> {
    const w = this.thread();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, ...message });
    });
  }

  private fail(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
