import type { ReactElement } from 'react';
import PDFDocument, { type PDFDocumentInstance, type PDFDocumentOptions } from 'pdfkit';
import { pdf, Font } from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import renderToPdfkit from '@react-pdf/render';
import type { LaidOutNode } from '../preflight/layout.js';
import { shareEmbeddedFonts } from './embedded-fonts.js';

/** react-pdf's layout step; its typings omit the font store argument it takes at runtime. */
const layout = layoutDocument as unknown as (root: unknown, fontStore: unknown) => Promise<LaidOutNode>;
/** react-pdf's drawing step: draws every laid-out page into a pdfkit document, then ends it. */
const draw = renderToPdfkit as unknown as (ctx: PDFDocumentInstance, doc: LaidOutNode) => void;

/** Pages laid out at once: memory holds one chunk's layout tree, not the whole document's. */
export const PAGES_PER_CHUNK = 24;

/** The mounted <Document> node of react-pdf's reconciler: its props and its <Page> nodes. */
interface DocumentNode {
  props: Record<string, unknown>;
  children: unknown[];
}

/** What to render: a whole <Document>, or (for long documents) its pages a chunk at a time. */
export interface PdfSource {
  /** The whole <Document> element. */
  element: ReactElement;
  /** Its pages from..to (0-based, end excluded) as a <Document> of their own, same props. */
  part?: (from: number, to: number) => ReactElement;
  /** The number of pages `part` can give (the planned page count). */
  pages?: number;
}

/**
 * Renders a react-pdf <Document> to PDF bytes, in memory (nothing is written).
 * The pages are laid out and drawn in chunks of {@link PAGES_PER_CHUNK} into one pdfkit
 * document: each chunk's layout tree is handed to `inspect` (the preflight), then dropped;
 * with `source.part`, each chunk is also mounted on its own, so memory stays bounded whatever
 * the page count. Fonts are embedded once for the whole file. Pages must not depend on each
 * other's layout (encre plans every page itself: no react-pdf pagination across pages, no
 * page-number render props); a planned page that overflows into a second sheet is caught by
 * the page count check.
 * The Document's creationDate must be set by the caller (react-pdf would use the clock).
 * @param inspect called with each chunk's laid-out tree and the index of its first page (0-based).
 * @returns the PDF bytes.
 */
export async function renderPdf(source: PdfSource, inspect?: (chunk: LaidOutNode, firstPage: number) => void): Promise<Uint8Array> {
  const { element, part, pages: planned } = source;
  const chunked = part !== undefined && planned !== undefined && planned > PAGES_PER_CHUNK;
  // A short document is mounted whole and its pages taken a chunk at a time.
  const whole = chunked ? undefined : mount(element);
  const count = chunked ? planned : whole!.children.length;
  const chunkAt = (first: number): DocumentNode => {
    if (!chunked) return { ...whole!, children: whole!.children.slice(first, first + PAGES_PER_CHUNK) };
    const root = mount(part(first, Math.min(count, first + PAGES_PER_CHUNK)));
    if (root.children.length !== Math.min(PAGES_PER_CHUNK, count - first)) throw new Error(`internal: pages ${first + 1}… gave ${root.children.length} pages`);
    return root;
  };
  let ctx: PDFDocumentInstance | undefined;
  const bytes: Buffer[] = [];
  let ended: Promise<void> = Promise.resolve();
  for (let first = 0; first < count || first === 0; first += PAGES_PER_CHUNK) {
    const root = chunkAt(first);
    if (!ctx) {
      const doc = (ctx = pdfkitDocument(root.props));
      shareEmbeddedFonts(doc);
      doc.on('data', (chunk: Buffer) => bytes.push(chunk));
      ended = new Promise<void>((resolve, reject) => {
        doc.on('end', resolve);
        doc.on('error', reject);
      });
    }
    const laidOut = await layout(root, Font);
    restorePageHeights(laidOut);
    inspect?.(laidOut, first);
    const last = first + PAGES_PER_CHUNK >= count;
    // react-pdf's draw step ends the document after its pages: only the last chunk may.
    if (!last) Object.defineProperty(ctx, 'end', { value: () => ctx, configurable: true, writable: true });
    try {
      draw(ctx, laidOut);
    } finally {
      if (!last) delete (ctx as unknown as { end?: unknown }).end;
    }
  }
  await ended;
  return new Uint8Array(Buffer.concat(bytes));
}

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

/** Mounts a <Document> element with react-pdf's reconciler: its node, props and <Page> nodes. */
function mount(element: ReactElement): DocumentNode {
  const root = (pdf(element as never) as unknown as { container: { document: DocumentNode | null } }).container.document;
  if (!root) throw new Error('internal: react-pdf mounted no <Document>');
  return root;
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
