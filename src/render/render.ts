import { createElement, type ReactElement } from 'react';
import PDFDocument, { type PDFDocumentInstance } from 'pdfkit';
import { Font } from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import renderToPdfkit from '@react-pdf/render';
import type { LaidOutNode } from '../preflight/layout.js';
import type { EventView } from '../derive/model.js';
import { shareEmbeddedFonts } from './embedded-fonts.js';
import { graftLaidOut } from './graft.js';
import { LaidOutContext, type LaidOutBlocks } from '../../layouts/laid-out.js';
import { installFastContent } from './content-writes.js';
import { mountDocument } from './mount.js';

// SVG paths remembered, content streams written in one piece: the same bytes, sooner.
installFastContent();

/** react-pdf's layout step; its typings omit the font store argument it takes at runtime. */
const layout = layoutDocument as unknown as (root: unknown, fontStore: unknown) => Promise<LaidOutNode>;
/** react-pdf's drawing step: draws every laid-out page into a pdfkit document, then ends it. */
const draw = renderToPdfkit as unknown as (ctx: PDFDocumentInstance, doc: LaidOutNode) => void;

/** Pages laid out at once: memory holds one chunk's layout tree, not the whole document's. */
export const PAGES_PER_CHUNK = 24;


/**
 * Where a document's pages go: each call lays out and draws some of its pages. A long
 * document is given a chunk of pages at a time (its layout trees are dropped once drawn),
 * in any order: each chunk says where its pages go in the document.
 */
export interface PageSink {
  /**
   * Lays out and draws the pages of `element` (a <Document>) as pages `first`, `first + 1`…
   * (0-based) of the document. `blocks`: blocks laid out beforehand, by key, for the slots
   * of these pages (layouts/laid-out.ts).
   */
  add(element: ReactElement, first: number, blocks?: ReadonlyMap<string, LaidOutNode>): Promise<void>;
  /** Forgets every page drawn so far: the document starts again, empty. */
  restart(): void;
  /**
   * The live preview's pages drawn ahead (src/dev/builder.ts): offered each page of events
   * before it is drawn with `add`, page `page` (0-based) holding `events`; the sink may draw
   * `element` (a <Document> of that page alone, with `blocks` as for `add`) into a PDF of its
   * own, shown while the whole document is still being drawn. Absent in a build.
   */
  ahead?(page: number, events: readonly EventView[], element: () => ReactElement, blocks?: ReadonlyMap<string, LaidOutNode>): Promise<void>;
}

/**
 * A PDF drawn by react-pdf into one pdfkit document, a chunk of pages at a time (at most
 * {@link PAGES_PER_CHUNK} laid out at once): for each chunk, the blocks laid out beforehand
 * are put into their slots (src/render/graft.ts), the layout tree is handed to `inspect`
 * (the preflight) and drawn, then dropped, so memory stays bounded whatever the page count.
 * Fonts are embedded once for the whole file. Pages must not depend on each other's layout
 * (encre plans every page itself: no react-pdf pagination across pages, no page-number
 * render props). {@link bytes} puts the pages in document order and ends the file.
 * The Document's creationDate must be set by the caller (react-pdf would use the clock).
 */
export class PdfPages implements PageSink {
  private ctx: PDFDocumentInstance | undefined;
  private chunks: Buffer[] = [];
  private ended: Promise<void> = Promise.resolve();
  /** The place in the document (0-based) of each page drawn, in the order drawn. */
  private places: number[] = [];
  /** Slots filled with a block laid out beforehand (layouts/laid-out.ts), since the start. */
  slotsFilled = 0;

  /** @param inspect called with each chunk's laid-out tree and the index (0-based) of its first page in the document. */
  constructor(private readonly inspect?: (chunk: LaidOutNode, firstPage: number) => void) {}

  async add(element: ReactElement, first: number, blocks: ReadonlyMap<string, LaidOutNode> = NONE): Promise<void> {
    // A card finds its laid-out text (layouts/laid-out.ts) among the blocks of its chunk.
    const heights: LaidOutBlocks = { height: (key) => blocks.get(key)?.box?.height };
    const whole = await mountDocument(createElement(LaidOutContext.Provider, { value: heights }, element));
    for (let from = 0; from < whole.children.length || from === 0; from += PAGES_PER_CHUNK) {
      const root = { ...whole, children: whole.children.slice(from, from + PAGES_PER_CHUNK) };
      const ctx = this.ctx ?? this.open(root.props);
      const laidOut = await layout(root, Font);
      this.slotsFilled += graftLaidOut(laidOut, blocks);
      restorePageHeights(laidOut);
      this.inspect?.(laidOut, first + from);
      // react-pdf's draw step ends the document after its pages: the end is bytes()'s.
      Object.defineProperty(ctx, 'end', { value: () => ctx, configurable: true, writable: true });
      try {
        draw(ctx, laidOut);
      } finally {
        delete (ctx as unknown as { end?: unknown }).end;
      }
      (laidOut.children ?? []).forEach((_, i) => this.places.push(first + from + i));
    }
  }

  restart(): void {
    this.ctx = undefined;
    this.chunks = [];
    this.places = [];
    this.ended = Promise.resolve();
    this.slotsFilled = 0;
  }

  /**
   * Ends the document, its pages in document order, and returns its bytes.
   * @throws Error (internal) when the pages drawn are not pages 0…n−1, each once.
   */
  async bytes(): Promise<Uint8Array> {
    const ctx = this.ctx;
    if (!ctx) throw new Error('internal: a PDF with no page');
    // pdfkit lists the pages in the order they were added; the page tree is written at the end.
    const kids = (ctx as unknown as { _root: { data: { Pages: { data: { Kids: unknown[] } } } } })._root.data.Pages.data.Kids;
    const order = this.places.map((place, drawn) => ({ place, drawn })).sort((a, b) => a.place - b.place);
    if (kids.length !== order.length || order.some((o, i) => o.place !== i)) throw new Error(`internal: pages drawn at places ${this.places.join(', ')}`);
    const drawn = [...kids];
    order.forEach((o, i) => (kids[i] = drawn[o.drawn]));
    ctx.end();
    await this.ended;
    return new Uint8Array(Buffer.concat(this.chunks));
  }

  private open(props: Record<string, unknown>): PDFDocumentInstance {
    const doc = (this.ctx = pdfkitDocument(props));
    shareEmbeddedFonts(doc);
    const chunks = this.chunks;
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.ended = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    return doc;
  }
}

const NONE: ReadonlyMap<string, LaidOutNode> = new Map();

/**
 * react-pdf 4.9 lays a `wrap={false}` page out with a box height of 0 (its pagination, which
 * such a page skips, is what sets it), and would draw it 0 pt high: the page gets back the
 * height of its size.
 */
function restorePageHeights(doc: LaidOutNode): void {
  for (const page of (doc.children ?? []) as (LaidOutNode & { style?: { height?: number } })[]) {
    if (page.props?.wrap === false && page.box && page.box.height === 0 && typeof page.style?.height === 'number') page.box.height = page.style.height;
  }
}

/**
 * The pdfkit document react-pdf would create for these <Document> props (react-pdf 4.9's
 * `pdf().render()`: compressed, no automatic first page, the title displayed, the Info
 * dictionary from the props).
 */
function pdfkitDocument(props: Record<string, unknown>): PDFDocumentInstance {
  const info = Object.fromEntries(
    Object.entries({
      Title: props.title,
      Author: props.author,
      Subject: props.subject,
      Keywords: props.keywords,
      Creator: props.creator ?? 'react-pdf',
      Producer: props.producer ?? 'react-pdf',
      CreationDate: props.creationDate,
      ModificationDate: props.modificationDate,
    }).filter(([, v]) => v !== undefined && v !== null),
  );
  if (!(info.CreationDate instanceof Date)) throw new Error('internal: the <Document> has no creationDate (builds must not read the clock)');
  return new PDFDocument({
    compress: true,
    lang: props.language as string | undefined,
    displayTitle: true,
    autoFirstPage: false,
    info,
  });
}
