import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { createElement } from 'react';
import { fileEnv, type Env } from './load/env.js';
import { loadContent } from './load/content.js';
import { deriveModel, type Model } from './derive/model.js';
import { registerFonts } from './render/fonts.js';
import { renderPdf } from './render/render.js';
import { finalise } from './post/finalise.js';
import { withCmyk, themePalette } from './render/cmyk.js';
import { loadPrinter } from './load/printer.js';
import { SCREEN, type Printer } from './model/printer.js';
import { GeometryContext, type Geometry } from '../layouts/geometry.js';
import { ensureWritableDir, writeAllAtomic } from './write/atomic.js';
import { placePartners } from './assets/logos.js';
import { documents, documentById, checkPages, type DocumentSpec } from './documents/registry.js';
import { docMeta } from './documents/meta.js';
import { ContentError, PreflightError, UsageError } from './model/errors.js';
import { imposeSaddle } from './post/impose.js';
import { checkGlyphs, openFaces } from './preflight/glyphs.js';
import { checkLayout, type LaidOutNode } from './preflight/layout.js';
import { checkQrDensity } from './preflight/qr.js';
import { inspectPdf, summarise, type FileReport } from './preflight/pdf.js';
import { mm } from './units.js';
import { TOOL_ROOT } from './paths.js';
import { theme, themes, selectTheme, DEFAULT_THEME } from '../layouts/theme.js';
import { frames, selectPosterFormat, POSTER_FORMATS } from '../layouts/frames.js';

/** Options of a build; paths relative to `root`. */
export interface BuildOptions {
  root: string;
  content: string;
  out: string;
  /** Document ids; all four when empty. */
  documents: string[];
  /** Printer profile name (printers/<name>.yaml); "offset" when absent. */
  printer?: string;
  /** Theme name (layouts/themes/); "languedoc-roussillon" when absent. */
  theme?: string;
  /** Affiche format: "A3" (default), "A2" or "40x60". */
  format?: string;
  /** "saddle": also write programme-imposition.pdf (A4 landscape, two up, saddle-stitch order). */
  impose?: 'saddle';
  /** Seconds since 1970 for the PDFs' dates (SOURCE_DATE_EPOCH); the campaign start otherwise. */
  sourceDateEpoch?: string;
  /** Progress messages (one line each). */
  log?: (line: string) => void;
  /** Outputs to make: both by default; the preview server asks for "screen" only. */
  outputs?: ('print' | 'screen')[];
  /** false: write nothing, return the bytes (the preview server). Default true. */
  write?: boolean;
  /** Download partner logos given as http(s) URLs (`--allow-network`); refused otherwise: builds are offline. */
  allowNetwork?: boolean;
}

/** One written file. */
export interface BuiltDocument {
  id: string;
  /** "print" (out/<doc>.pdf) or "screen" (out/screen/<doc>.pdf). */
  output: 'print' | 'screen';
  file: string;
  pages: number;
  bytes: number;
  /** The PDF itself, when the build was asked not to write (`write: false`). */
  pdf?: Uint8Array;
}

/** An output made of each document: the print file for the printer profile, and the screen file. */
interface Output {
  kind: 'print' | 'screen';
  printer: Printer;
  /** Sub-folder of the output folder. */
  dir: string;
}

/**
 * Builds the documents: load → validate → derive → layout → render → post-process →
 * preflight, all in memory, for two outputs each — the print file (printer profile: bleed,
 * boxes, crop marks, exact CMYK, PDF/X) and the screen file (trimmed, RGB, links) — then
 * writes every PDF atomically, with the preflight report (out/preflight.json), only if every
 * file passed its checks.
 * @throws ContentError (bad content, nothing written), PreflightError (a check failed,
 *   nothing written), UsageError (unknown document id or printer, bad SOURCE_DATE_EPOCH,
 *   output folder not writable).
 */
export async function build(opts: BuildOptions): Promise<BuiltDocument[]> {
  const log = opts.log ?? (() => {});
  const specs: DocumentSpec[] = opts.documents.length ? [...new Set(opts.documents.map(documentById))] : documents;
  fileEnv(opts.root, opts.sourceDateEpoch); // checks SOURCE_DATE_EPOCH before any work
  const printer = await loadPrinter(opts.printer ?? 'offset');
  if (!selectTheme(opts.theme ?? DEFAULT_THEME)) throw new UsageError(`unknown theme "${opts.theme}"; expected one of: ${Object.keys(themes).join(', ')}`);
  if (!selectPosterFormat(opts.format ?? 'A3')) throw new UsageError(`unknown affiche format "${opts.format}"; expected one of: ${Object.keys(POSTER_FORMATS).join(', ')}`);
  const content = await loadContent(fileEnv(opts.root, undefined), opts.content, { allowNetwork: opts.allowNetwork });
  if (opts.write !== false) await ensureWritableDir(path.resolve(opts.root, opts.out));
  const campaignStart = new Date(`${content.campaign.period.start}T00:00:00Z`);
  const env: Env = fileEnv(opts.root, opts.sourceDateEpoch, campaignStart);
  const model = deriveModel(content, env.buildDate);
  log(`${content.events.length} events in ${model.sections.length} départements (${opts.content})`);
  const unprintable = [...checkGlyphs(model, content, openFaces(TOOL_ROOT)), ...checkQrDensity(model, content, Math.min(theme.qr.eventSize, theme.qr.flyerSize, theme.qr.posterSize))];
  if (unprintable.length > 0) throw new ContentError(unprintable);
  registerFonts(TOOL_ROOT);

  const wanted = opts.outputs ?? ['print', 'screen'];
  const outputs: Output[] = (
    [
      { kind: 'print', printer, dir: '' },
      { kind: 'screen', printer: SCREEN, dir: 'screen' },
    ] as Output[]
  ).filter((o) => wanted.includes(o.kind));
  const results: { spec: DocumentSpec; output: Output; bytes: Uint8Array; pages: number }[] = [];
  const reports: FileReport[] = [];
  for (const output of outputs) {
    const p = output.printer;
    const icc = p.outputIntent ? path.resolve(TOOL_ROOT, p.outputIntent.profile) : undefined;
    // Logos are prepared once for their largest placement (12 mm on A3, more on a larger affiche).
    const logoMm = 12 * Math.max(1, frames.affiche.format.width / 297);
    const { partners } = await placePartners(content.campaign.partners, content.assets, logoMm, p.colour === 'cmyk' && icc ? { colour: 'cmyk', iccProfile: icc } : { colour: 'rgb' });
    for (const spec of specs) {
      const { element, planned } = await spec.element(model, { partners }).catch((e: unknown) => {
        if (!(e instanceof PreflightError)) throw e;
        const at = content.events.find((x) => x.value.id === e.eventId?.split(' + ')[0]);
        throw new PreflightError(`${spec.file}: ${at ? `${at.file}:${at.line}: ` : ''}${e.message}`, e.eventId);
      });
      const slug = p.cropMarks ? p.slug : 0;
      const day = env.buildDate.toISOString().slice(0, 10);
      const geometry: Geometry = {
        bleed: p.bleed,
        slug,
        marks: p.cropMarks,
        links: output.kind === 'screen',
        slugLine: (n) => [spec.file, `${model.title} ${model.year}`, model.editionLabel, p.description, day, `page ${n}/${planned}`].filter(Boolean).join(' · '),
      };
      const wrapped = createElement(GeometryContext.Provider, { value: geometry }, element);
      const trimPt = { width: mm(spec.frame.format.width), height: mm(spec.frame.format.height) };
      // The layout checks run on each chunk of pages as it is laid out (the tree is then dropped).
      const layoutProblems: string[] = [];
      const area = { trim: { left: mm(slug + p.bleed), top: mm(slug + p.bleed), ...trimPt }, margin: mm(theme.safeArea) };
      const inspect = (chunk: LaidOutNode, firstPage: number) => layoutProblems.push(...checkLayout(chunk, area, firstPage));
      const { result: rendered, unknown } = p.colour === 'cmyk' ? await withCmyk(themePalette(), () => renderPdf(wrapped, inspect)) : { result: await renderPdf(wrapped, inspect), unknown: [] };
      const { bytes, doc } = await finalise(rendered, {
        trim: trimPt,
        bleed: mm(p.bleed),
        slug: mm(slug),
        stripAnnotations: output.kind === 'print',
        rendition: output.kind === 'print' ? p.description : 'screen',
        info: { ...infoOf(model, spec), date: env.buildDate },
        pdfx:
          output.kind === 'print' && p.pdfx !== 'none' && p.outputIntent && icc
            ? { version: p.pdfx, intent: { icc: await readFile(icc), identifier: p.outputIntent.identifier, condition: p.outputIntent.condition, registry: p.outputIntent.registry } }
            : undefined,
      });
      const file = path.join(output.dir, spec.file);
      const report = await inspectPdf(file, bytes, { printer: output.kind === 'print' ? p : undefined });
      reports.push(report);
      const problems = [
        ...report.errors,
        ...unknown.map((c) => `colour ${c} is not a theme colour: its CMYK value is unknown (add it to layouts/theme.ts)`),
        ...checkPages(spec, doc, planned),
        ...(spec.check?.(doc, model) ?? []),
        ...layoutProblems,
      ];
      if (problems.length > 0) throw new PreflightError(`${file}:\n  ${problems.join('\n  ')}`);
      results.push({ spec, output, bytes, pages: doc.getPageCount() });
      log(summarise(report));
    }
  }
  const extra: { file: string; bytes: Uint8Array }[] = [];
  if (opts.impose === 'saddle') {
    const screenProgramme = results.find((r) => r.spec.id === 'programme' && r.output.kind === 'screen');
    if (!screenProgramme) throw new UsageError('--impose saddle needs the programme: build it too');
    extra.push({ file: 'programme-imposition.pdf', bytes: await imposeSaddle(screenProgramme.bytes, env.buildDate) });
    log(`programme-imposition.pdf — ${screenProgramme.pages / 2} A4 sides (${screenProgramme.pages / 4} sheets, duplex, short-edge flip)`);
  }
  const built = results.map((r): BuiltDocument => ({ id: r.spec.id, output: r.output.kind, file: path.join(opts.out, r.output.dir, r.spec.file), pages: r.pages, bytes: r.bytes.length }));
  if (opts.write === false) return built.map((b, i) => ({ ...b, pdf: results[i]!.bytes }));
  const preflight = JSON.stringify({ printer: opts.printer ?? 'offset', profile: printer, files: reports }, null, 2);
  await writeAllAtomic([
    ...results.map((r) => ({ file: path.resolve(opts.root, opts.out, r.output.dir, r.spec.file), bytes: r.bytes })),
    ...extra.map((x) => ({ file: path.resolve(opts.root, opts.out, x.file), bytes: x.bytes })),
    { file: path.resolve(opts.root, opts.out, 'preflight.json'), bytes: `${preflight}\n` },
  ]);
  return built;
}

/** A document's title, author, subject and keywords, as in its Info dictionary (docMeta). */
function infoOf(model: Model, spec: DocumentSpec): { title: string; author: string; subject: string; keywords: string } {
  const m = docMeta(model, spec.title);
  return { title: m.title, author: m.author, subject: m.subject, keywords: m.keywords };
}
