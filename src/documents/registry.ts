import type { PDFDocument } from '../post/pdf-lib.js';
import type { Model } from '../derive/model.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';
import { frames, type Frame } from '../../layouts/frames.js';
import { toMm } from '../units.js';
import { namedDestinations } from '../post/inspect.js';
import { lostEventText } from '../preflight/event-text.js';
import { theme } from '../../layouts/theme.js';
import { documentId, type DocumentId } from './names.js';
import { renderProgramme } from './programme.js';
import type { PageSink } from '../render/render.js';
import { afficheElement, afficheProps } from './affiche.js';
import { flyerElement, flyerProps } from './flyer.js';
import { dossierElement, dossierProps } from './dossier.js';

/** What every document builder receives besides the model. */
export interface BuildContext {
  partners: PlacedPartner[];
  /** Where campaign.yaml sets a field (`programme.pages`), for errors found while laying out. */
  where?: (field: string) => { file: string; line: number; col: number };
  /** What the layout decided that the report should say (the programme's copyfitting), a line each. */
  note?: (line: string) => void;
  /** The print profile's smallest QR module, mm: copyfitting shrinks QR codes no further. */
  minModule?: number;
}

/** A document encre can build: its id, output file, page frame, builder and preflight rules. */
export interface DocumentSpec {
  id: DocumentId;
  file: string;
  title: string;
  frame: Frame;
  /** Page count rule, checked on the output. */
  pages: (n: number) => string | undefined;
  /**
   * Lays out and draws the document's pages into `out` (a chunk at a time, each at its place
   * in the document), and returns how many pages it planned: the PDF must have as many.
   */
  render(model: Model, ctx: BuildContext, out: PageSink): Promise<number>;
  /**
   * What the document is made from (besides theme, printer and encre), hashed to find the
   * file in the build cache: its props, so that an edit elsewhere leaves it cached.
   */
  inputs(model: Model, ctx: BuildContext): unknown;
  /**
   * Document-specific checks on the rendered PDF and on the text drawn in each element with
   * an id (src/preflight/event-text.ts collectItemTexts); returns problems (empty when fine).
   */
  check?(pdf: PDFDocument, model: Model, drawn: ReadonlyMap<string, string>): string[];
}

/** The four documents of a campaign, in build order. */
export const documents: DocumentSpec[] = [
  {
    id: 'programme',
    file: 'programme.pdf',
    title: 'Programme',
    get frame() {
      return frames.programme;
    },
    pages: (n) => (n % 4 === 0 ? undefined : `${n} pages, not a multiple of 4 (saddle stitch)`),
    render: (model, ctx, out) => renderProgramme(model, ctx.partners, out, ctx.where && ctx.note ? { where: ctx.where('programme.pages'), note: ctx.note, minModule: ctx.minModule ?? 0.33 } : undefined),
    // The programme prints every event: the whole model.
    inputs: (model, ctx) => ({ model, partners: ctx.partners }),
    // Every event there once, and every card's text drawn whole.
    check: (pdf, model, drawn) => [...checkAllEvents(pdf, model), ...lostEventText(drawn, model.events, theme.card.variant !== 'compact')],
  },
  {
    id: 'affiche',
    file: 'affiche.pdf',
    title: 'Affiche',
    get frame() {
      return frames.affiche;
    },
    pages: (n) => (n === 1 ? undefined : `${n} pages, an affiche has exactly 1 (something overflowed)`),
    render: async (model, ctx, out) => {
      await out.add(afficheElement(model, ctx.partners), 0);
      return 1;
    },
    inputs: (model, ctx) => afficheProps(model, ctx.partners),
  },
  {
    id: 'flyer',
    file: 'flyer.pdf',
    title: 'Tract',
    get frame() {
      return frames.flyer;
    },
    pages: (n) => (n === 2 ? undefined : `${n} pages, a tract has exactly 2 (recto, verso)`),
    render: async (model, _ctx, out) => {
      await out.add(await flyerElement(model), 0);
      return 2;
    },
    inputs: (model) => flyerProps(model),
  },
  {
    id: 'dossier-de-presse',
    file: 'dossier-de-presse.pdf',
    title: 'Dossier de presse',
    get frame() {
      return frames['dossier-de-presse'];
    },
    pages: (n) => (n >= 2 ? undefined : `${n} page, a dossier de presse has several`),
    render: async (model, ctx, out) => {
      const { element, planned } = await dossierElement(model, ctx.partners);
      await out.add(element, 0);
      return planned;
    },
    inputs: (model, ctx) => dossierProps(model, ctx.partners),
  },
];

/** The spec of a document id (or alias: tract, dossier, poster). @throws UsageError listing the known ids. */
export function documentById(id: string): DocumentSpec {
  const wanted = documentId(id);
  return documents.find((d) => d.id === wanted)!;
}

/**
 * Checks shared by every document: the page-count rule, the planned page count (a page more
 * means react-pdf moved content that did not fit: a measurement went wrong), and every page
 * at the frame's trim size (±0.1 mm).
 */
export function checkPages(spec: DocumentSpec, pdf: PDFDocument, planned: number): string[] {
  const problems: string[] = [];
  const count = spec.pages(pdf.getPageCount());
  if (count) problems.push(count);
  if (planned !== pdf.getPageCount()) {
    problems.push(`${pdf.getPageCount()} pages rendered, ${planned} planned: some content did not fit the page it was planned on`);
  }
  pdf.getPages().forEach((page, i) => {
    const { width, height } = page.getTrimBox();
    const w = toMm(width);
    const h = toMm(height);
    if (Math.abs(w - spec.frame.format.width) > 0.1 || Math.abs(h - spec.frame.format.height) > 0.1) {
      problems.push(`page ${i + 1} is ${w.toFixed(1)} × ${h.toFixed(1)} mm, expected ${spec.frame.format.name} ${spec.frame.format.width} × ${spec.frame.format.height} mm`);
    }
  });
  return problems;
}

/**
 * Every event of the model reached the PDF exactly once: each card carries a named
 * destination "event-<id>"; the events counted in the file must equal the content.
 */
function checkAllEvents(pdf: PDFDocument, model: Model): string[] {
  const dests = namedDestinations(pdf);
  const missing = model.events.filter((e) => !dests.has(`event-${e.id}`)).map((e) => e.id);
  const printed = [...dests.keys()].filter((k) => k.startsWith('event-')).length;
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`${missing.length} event(s) missing from the PDF: ${missing.join(', ')}`);
  if (printed !== model.events.length) problems.push(`${printed} events in the PDF, ${model.events.length} in the content`);
  return problems;
}
