import path from 'node:path';
import { fileEnv, type Env } from './load/env.js';
import { loadContent } from './load/content.js';
import { deriveModel } from './derive/model.js';
import { registerFonts } from './render/fonts.js';
import { renderPdf } from './render/render.js';
import { finalise } from './post/finalise.js';
import { ensureWritableDir, writeAllAtomic } from './write/atomic.js';
import { placePartners } from './assets/logos.js';
import { documents, documentById, checkPages, type DocumentSpec } from './documents/registry.js';
import { ContentError, PreflightError } from './model/errors.js';
import { checkGlyphs, openFaces } from './preflight/glyphs.js';
import { checkLayout } from './preflight/layout.js';
import { checkQrDensity } from './preflight/qr.js';
import { mm } from './units.js';
import { TOOL_ROOT } from './paths.js';
import { theme } from '../layouts/theme.js';

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
  await ensureWritableDir(path.resolve(opts.root, opts.out));
  const campaignStart = new Date(`${content.campaign.period.start}T00:00:00Z`);
  const env: Env = fileEnv(opts.root, opts.sourceDateEpoch, campaignStart);
  const model = deriveModel(content, env.buildDate);
  log(`${content.events.length} events in ${model.sections.length} départements (${opts.content})`);
  const unprintable = [...checkGlyphs(model, content, openFaces(TOOL_ROOT)), ...checkQrDensity(model, content, theme.qr.eventSize)];
  if (unprintable.length > 0) throw new ContentError(unprintable);
  registerFonts(TOOL_ROOT);
  const partners = await placePartners(content.campaign.partners, content.assets, 12);

  const results: { spec: DocumentSpec; bytes: Uint8Array; pages: number }[] = [];
  for (const spec of specs) {
    const { element, planned } = await spec.element(model, { partners }).catch((e: unknown) => {
      if (!(e instanceof PreflightError)) throw e;
      const at = content.events.find((x) => x.value.id === e.eventId?.split(' + ')[0]);
      throw new PreflightError(`${spec.file}: ${at ? `${at.file}:${at.line}: ` : ''}${e.message}`, e.eventId);
    });
    const rendered = await renderPdf(element);
    const { bytes, doc } = await finalise(rendered.bytes);
    const trim = { left: 0, top: 0, width: mm(spec.frame.format.width), height: mm(spec.frame.format.height) };
    const problems = [
      ...checkPages(spec, doc, planned),
      ...(spec.check?.(doc, model) ?? []),
      ...checkLayout(rendered.layout, { trim, margin: mm(theme.safeArea) }),
    ];
    if (problems.length > 0) throw new PreflightError(`${spec.file}:\n  ${problems.join('\n  ')}`);
    results.push({ spec, bytes, pages: doc.getPageCount() });
    log(`${spec.file}: ${doc.getPageCount()} page${doc.getPageCount() > 1 ? "s" : ""}, checked`);
  }
  await writeAllAtomic(results.map((r) => ({ file: path.resolve(opts.root, opts.out, r.spec.file), bytes: r.bytes })));
  return results.map((r) => ({ id: r.spec.id, file: path.join(opts.out, r.spec.file), pages: r.pages, bytes: r.bytes.length }));
}
