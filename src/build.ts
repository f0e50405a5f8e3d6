import path from 'node:path';
import { fileEnv, type Env } from './load/env.js';
import { loadContent } from './load/content.js';
import { deriveModel } from './derive/model.js';
import { registerFonts } from './render/fonts.js';
import { renderPdf } from './render/render.js';
import { finalise } from './post/finalise.js';
import { writeAtomic } from './write/atomic.js';
import { placePartners } from './assets/logos.js';
import { documents, documentById, checkPages, type DocumentSpec } from './documents/registry.js';
import { ContentError, PreflightError } from './model/errors.js';
import { checkGlyphs, openFaces } from './preflight/glyphs.js';

/** Options of a build; paths relative to `root`. */
export interface BuildOptions {
  root: string;
  content: string;
  out: string;
  /** Document ids; all four when empty. */
  documents: string[];
  /** Seconds since 1970 for the PDFs' dates (SOURCE_DATE_EPOCH); the campaign start otherwise. */
  sourceDateEpoch?: string;
  /** Progress messages (one line each). */
  log?: (line: string) => void;
}

/** One written document. */
export interface BuiltDocument {
  id: string;
  file: string;
  pages: number;
  bytes: number;
}

/**
 * Builds the documents: load → validate → derive → layout → render → post-process →
 * preflight, all in memory; then writes every PDF atomically, only if every document passed.
 * @throws ContentError (bad content, nothing written), PreflightError (a check failed,
 *   nothing written), UsageError (unknown document id, bad SOURCE_DATE_EPOCH).
 */
export async function build(opts: BuildOptions): Promise<BuiltDocument[]> {
  const log = opts.log ?? (() => {});
  const specs: DocumentSpec[] = opts.documents.length ? [...new Set(opts.documents.map(documentById))] : documents;
  fileEnv(opts.root, opts.sourceDateEpoch); // checks SOURCE_DATE_EPOCH before any work
  const probe = fileEnv(opts.root, undefined);
  const content = await loadContent(probe, opts.content);
  const campaignStart = new Date(`${content.campaign.period.start}T00:00:00Z`);
  const env: Env = fileEnv(opts.root, opts.sourceDateEpoch, campaignStart);
  const model = deriveModel(content, env.buildDate);
  log(`${content.events.length} events in ${model.sections.length} départements (${opts.content})`);
  const missing = checkGlyphs(model, content, openFaces(opts.root));
  if (missing.length > 0) throw new ContentError(missing);
  registerFonts(opts.root);
  const partners = await placePartners(content.campaign.partners, content.assets, 12);

  const results: { spec: DocumentSpec; bytes: Uint8Array; pages: number }[] = [];
  for (const spec of specs) {
    const { element, planned } = await spec.element(model, { partners });
    const { bytes, doc } = await finalise(await renderPdf(element));
    const problems = [...checkPages(spec, doc, planned), ...(spec.check?.(doc, model) ?? [])];
    if (problems.length > 0) throw new PreflightError(`${spec.file}: ${problems.join('; ')}`);
    results.push({ spec, bytes, pages: doc.getPageCount() });
    log(`${spec.file}: ${doc.getPageCount()} page${doc.getPageCount() > 1 ? "s" : ""}, checked`);
  }
  const written: BuiltDocument[] = [];
  for (const r of results) {
    const file = path.join(opts.out, r.spec.file);
    await writeAtomic(path.resolve(opts.root, file), r.bytes);
    written.push({ id: r.spec.id, file, pages: r.pages, bytes: r.bytes.length });
  }
  return written;
}
