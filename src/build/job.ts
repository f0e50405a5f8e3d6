import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { createElement, type ReactElement } from 'react';
import { fileEnv, type Env } from '../load/env.js';
import type { Content } from '../load/content.js';
import { deriveModel, type EventView, type Model } from '../derive/model.js';
import { registerFonts } from '../render/fonts.js';
import { deflateStreamsApart } from '../render/content-writes.js';
import { loadHyphenation } from '../../layouts/hyphenation.js';
import { PdfPages, type PageSink } from '../render/render.js';
import { finalise } from '../post/finalise.js';
import { withCmyk, themePalette, printInk, type PrintInk } from '../render/cmyk.js';
import type { Colour } from '../../layouts/theme.js';
import { logoColours, logoInks } from '../assets/svg.js';
import { loadPrinter } from '../load/printer.js';
import { SCREEN, type Printer } from '../model/printer.js';
import { GeometryContext, type Geometry } from '../../layouts/geometry.js';
import { placePartners } from '../assets/logos.js';
import { documentById, checkPages, type DocumentSpec } from '../documents/registry.js';
import { docMeta } from '../documents/meta.js';
import { PreflightError, UsageError } from '../model/errors.js';
import { layoutProblems as findLayoutProblems, type LaidOutNode, type LayoutProblem } from '../preflight/layout.js';
import { collectItemTexts } from '../preflight/event-text.js';
import { inspectPdf, type FileReport } from '../preflight/pdf.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';
import { mm, FORMATS } from '../units.js';
import { DiskCache, cacheDir } from '../cache/store.js';
import { hashOf, sealed } from '../cache/hash.js';
import { toolFingerprint } from '../cache/fingerprint.js';
import { restoreMeasurements, savedMeasurements } from '../paginate/measure.js';
import { TOOL_ROOT } from '../paths.js';
import { theme, selectTheme, loadTheme } from '../../layouts/theme.js';
import type { LoadedTheme } from '../load/theme.js';
import { frames, selectPosterFormat, POSTER_FORMATS } from '../../layouts/frames.js';

/** The options a job needs: plain data, so that they can be sent to a worker thread. */
export interface JobOptions {
  root: string;
  /** The campaign folder (absolute): named themes are looked up in its themes/ first. */
  campaign?: string;
  /** Printer profile name (printers/<name>.yaml). */
  printer: string;
  /** Theme name (themes/<name>.yaml) or path of a theme file (.yaml/.yml), relative to `root`. */
  theme: string;
  format: string;
  sourceDateEpoch?: string;
  /** false: neither read nor write the build cache (src/cache/). */
  cache?: boolean;
  /**
   * The preview's proofs (`encre dev`): the layout's problems (text leaving the safe area,
   * overflowing, overlapping) and the preflight's errors do not fail the file but come with
   * it (Proof), the layout's with their page and box, for the preview to list and outline.
   * Such a file is never put in the build cache.
   */
  proof?: boolean;
  /**
   * Long streams deflated on libuv's thread pool while the next pages are laid out
   * (src/render/content-writes.ts; default true). The build gives false when the threads
   * making its files use every core. The same bytes.
   */
  deflateApart?: boolean;
}

/** What the preview shows beside a file made with `proof`: its problems and its geometry. */
export interface Proof {
  /** The layout's problems, boxes in pt from the top left corner of the trim. */
  problems: LayoutProblem[];
  /** What fails the file besides (the PDF preflight: ink, resolution, page count…), without a box: a build refuses it. */
  errors: string[];
  /** The preflight's warnings (and, in a print file, what would fail it), without a box. */
  warnings: string[];
  /** Trim size, mm. */
  trimMm: [number, number];
  /** The print profile's bleed and the theme's safe area, mm. */
  bleedMm: number;
  safeMm: number;
}

/** One file to make: a document in one output ("print": the printer profile; "screen"). */
export interface Job {
  document: string;
  output: 'print' | 'screen';
}

/** A file made by a job, checked (a failed check throws instead). */
export interface JobResult extends Job {
  /** Path inside the output folder: "programme.pdf", "screen/programme.pdf". */
  file: string;
  bytes: Uint8Array;
  pages: number;
  report: FileReport;
  /** Taken from the build cache: the same file was made and checked by an earlier build. */
  cached?: boolean;
  /** With `proof`: what the preview lists and draws beside the pages. */
  proof?: Proof;
}

/** What every job of one build shares: the model, the printer, the dates, the placed logos. */
export interface Workspace {
  content: Content;
  model: Model;
  env: Env;
  printer: Printer;
  /** The theme in force: its tokens, files and where each token is set. */
  theme: LoadedTheme;
  /** Partners with their logos prepared, by output and placed height ("print:12"). */
  partners: Map<string, Promise<PlacedPartner[]>>;
  /** Finished files and measurements of earlier builds (src/cache/); undefined: no cache. */
  cache?: DiskCache;
  /** The preview's proofs: see {@link JobOptions.proof}. */
  proof?: boolean;
  /** The live preview's pages drawn ahead (screen files only); set by the build in its own thread. */
  ahead?: PagesAhead;
}

/**
 * Where the live preview's build process hears of the pages about to be drawn (PageSink.ahead),
 * to draw the ones it wants on their own and show them before the whole file is made.
 */
export interface PagesAhead {
  /**
   * Page `page` (0-based) of document `doc`'s screen file, holding `events`, is about to be
   * drawn; `draw()` gives a PDF of that page alone (not post-processed: no boxes, no preflight).
   */
  offer(doc: string, page: number, events: readonly EventView[], draw: () => Promise<Uint8Array>): Promise<void>;
  /** The events of document `doc`'s screen file being made, whether it is drawn or taken from the build cache. */
  events(doc: string, events: readonly EventView[]): void;
}

/** The measurement files of the build cache restored in this process, by folder and key. */
const restoredMeasurements = new Set<string>();

/**
 * Loads and selects the theme (or selects the one given), selects the affiche format and
 * loads the printer profile (the module-wide settings layouts read), derives the model from
 * validated content and registers the fonts: everything the jobs of a build share. Called
 * once per build in each thread that runs jobs.
 * @param derived the model, when the caller has derived it already (another thread, or this one).
 * @param loaded the theme, when the caller has loaded it already (worker threads get the
 *   build thread's, so that every thread renders with the same tokens).
 * @throws ThemeError for an unknown or bad theme (located in its file); UsageError for an
 *   unknown format or printer profile.
 */
export async function openWorkspace(opts: JobOptions, content: Content, derived?: Model, loaded?: LoadedTheme): Promise<Workspace> {
  const dir = opts.cache === false ? undefined : cacheDir();
  const cache = dir ? new DiskCache(dir) : undefined;
  const printer = await loadPrinter(opts.printer);
  const themeLoaded = loaded ?? (await loadTheme(opts.root, opts.theme, opts.campaign));
  selectTheme(themeLoaded.theme);
  deflateStreamsApart(opts.deflateApart ?? true);
  if (!selectPosterFormat(opts.format)) throw new UsageError(`unknown affiche format "${opts.format}"; expected one of: ${Object.keys(POSTER_FORMATS).join(', ')}`);
  const campaignStart = new Date(`${content.campaign.period.start}T00:00:00Z`);
  const env = fileEnv(opts.root, opts.sourceDateEpoch, campaignStart);
  const model = derived ?? deriveModel(content, env.buildDate);
  // A model from another thread comes as a copy: its events read-only again, as deriveModel makes them.
  if (derived) for (const e of derived.events) sealed(e);
  registerFonts(opts.campaign);
  await loadHyphenation([content.campaign.lang, ...model.events.map((e) => e.lang)]);
  // Restored once per process and key: a warm process (the preview) holds them since.
  const measurementsKey = `measurements-${toolFingerprint(themeLoaded.files)}`;
  const restored = `${dir}/${measurementsKey}`;
  const saved = cache && !restoredMeasurements.has(restored) && (await cache.get(measurementsKey));
  if (cache) restoredMeasurements.add(restored);
  if (saved) restoreMeasurements(Buffer.from(saved).toString('utf8'));
  return { content, model, env, printer, theme: themeLoaded, partners: new Map(), cache, proof: opts.proof };
}

/**
 * Makes one file: the document drawn by react-pdf a chunk of pages at a time (the programme
 * while it is planned; print: exact CMYK), post-processed (boxes, PDF/X, Info, XMP), then
 * checked: the PDF preflight, page count, the document's own checks, and the layout checks
 * (text overflowing its frame, leaving the safe area, overlapping). A file made before from
 * the same inputs (the document's props, theme, printer, output, encre's fingerprint) is
 * taken from the build cache instead.
 * @param laidOut called with the number of pages laid out so far, after each chunk of pages (progress).
 * @throws PreflightError naming the file, the page and the event when a check fails.
 */
export async function runJob(ws: Workspace, job: Job, laidOut?: (pages: number) => void): Promise<JobResult> {
  const spec = documentById(job.document);
  const p = job.output === 'print' ? ws.printer : SCREEN;
  const { model, env, content } = ws;
  const icc = p.outputIntent ? path.resolve(TOOL_ROOT, p.outputIntent.profile) : undefined;
  // Logos are prepared for their largest placement (the theme's logo heights): the larger of
  // the programme's back cover and the dossier for both; the affiche's at A3, scaled on a
  // larger poster (so the affiche's format leaves the other documents as they are).
  const logoMm = spec.id === 'affiche'
    ? theme.affiche.partners.logoHeight * Math.max(1, frames.affiche.format.width / FORMATS.A3.width)
    : Math.max(theme.programme.backCover.logoHeight, theme.dossier.partners.logoHeight);
  const placed = `${job.output}:${logoMm}`;
  let partners = ws.partners.get(placed);
  if (!partners) {
    partners = placePartners(content.campaign.partners, content.assets, logoMm, p.colour === 'cmyk' && icc ? { colour: 'cmyk', iccProfile: icc } : { colour: 'rgb' }).then((r) => r.partners);
    ws.partners.set(placed, partners);
  }
  const placedPartners = await partners;
  const slug = p.cropMarks ? p.slug : 0;
  const day = env.buildDate.toISOString().slice(0, 10);
  // A file made before from the same inputs (its props), theme, printer and encre is taken
  // as it was (it passed every check then): an unchanged document is not rendered again.
  const file = path.join(job.output === 'screen' ? 'screen' : '', spec.file);
  if (job.output === 'screen') ws.ahead?.events(spec.id, model.events);
  // The screen file is copyfitted as the print file is: with the print profile's QR module.
  const key = ws.cache && hashOf({ tool: toolFingerprint(ws.theme.files), job, printer: p, minModule: ws.printer.qrMinModule, theme, frame: spec.frame, inputs: spec.inputs(model, { partners: placedPartners }), slug: [model.title, model.year, model.editionLabel, day] });
  if (ws.cache && key) {
    const [pdf, meta] = await Promise.all([ws.cache.get(`${key}.pdf`), ws.cache.get(`${key}.json`)]);
    if (pdf && meta) {
      const { pages, report } = JSON.parse(Buffer.from(meta).toString('utf8')) as { pages: number; report: FileReport };
      const proof: Proof | undefined = ws.proof ? { problems: [], errors: [], warnings: report.warnings, trimMm: [spec.frame.format.width, spec.frame.format.height], bleedMm: ws.printer.bleed, safeMm: theme.safeArea } : undefined;
      return { ...job, file, bytes: pdf, pages, report, cached: true, ...(proof ? { proof } : {}) };
    }
  }
  const geometry: Geometry = {
    bleed: p.bleed,
    slug,
    marks: p.cropMarks,
    markOffset: p.cropMarkOffset,
    markWeight: p.cropMarkWeight,
    links: job.output === 'screen',
    slugLine: (n) => [spec.file, `${model.title} ${model.year}`, model.editionLabel, p.description, day, `page ${n}`].filter(Boolean).join(' · '),
  };
  const trimPt = { width: mm(spec.frame.format.width), height: mm(spec.frame.format.height) };
  // The layout checks run on each chunk of pages as it is laid out (the tree is then dropped).
  const layoutProblems: LayoutProblem[] = [];
  // What the layout decided for the report (the programme's copyfitting).
  const notes: string[] = [];
  const area = { trim: { left: mm(slug + p.bleed), top: mm(slug + p.bleed), ...trimPt }, margin: mm(theme.safeArea) };
  // The text drawn in each element with an id (an event's card: « event-<id> »), for the document's own checks.
  const drawn = new Map<string, string>();
  let pagesLaidOut = 0;
  const pdf = new PdfPages((chunk, firstPage) => {
    layoutProblems.push(...findLayoutProblems(chunk, area, firstPage));
    collectItemTexts(chunk, drawn);
    pagesLaidOut += chunk.children?.length ?? 0;
    laidOut?.(pagesLaidOut);
  });
  const ahead = job.output === 'screen' ? ws.ahead : undefined;
  const out: PageSink = {
    add: (element, first, blocks) => pdf.add(createElement(GeometryContext.Provider, { value: geometry }, element), first, blocks),
    ...(ahead && {
      ahead: (page: number, events: readonly EventView[], element: () => ReactElement, blocks?: ReadonlyMap<string, LaidOutNode>) =>
        ahead.offer(spec.id, page, events, async () => {
          const one = new PdfPages();
          await one.add(createElement(GeometryContext.Provider, { value: geometry }, element()), 0, blocks);
          return one.bytes();
        }),
    }),
    // Starting again (the programme in one column after all) forgets the pages drawn and what they gave the checks.
    restart: () => {
      layoutProblems.length = 0;
      drawn.clear();
      pagesLaidOut = 0;
      pdf.restart();
    },
  };
  const render = async () => {
    const where = (field: string) => ({ file: content.campaignFile, ...(content.campaignPlaces[field] ?? { line: 0, col: 0 }) });
    const planned = await spec.render(model, { partners: placedPartners, where, note: (line) => notes.push(line), minModule: ws.printer.qrMinModule }, out);
    return { planned, bytes: await pdf.bytes() };
  };
  const { result, unknown } = await (p.colour === 'cmyk' ? withCmyk(await printPalette(placedPartners, icc), render, { overprintBlack: p.overprintBlack, spots: p.spots }) : render().then((result) => ({ result, unknown: [] as string[] }))).catch((e: unknown) => {
    if (!(e instanceof PreflightError)) throw e;
    const at = content.events.find((x) => x.value.id === e.eventId);
    throw new PreflightError(`${file}: ${at ? `${at.file}:${at.line}: ` : ''}${e.message}`, e.eventId);
  });
  const { planned, bytes: rendered } = result;
  const { bytes, doc } = await finalise(rendered, {
    trim: trimPt,
    bleed: mm(p.bleed),
    slug: mm(slug),
    stripAnnotations: job.output === 'print',
    rendition: job.output === 'print' ? p.description : 'screen',
    info: { ...infoOf(model, spec), date: env.buildDate },
    pdfx:
      job.output === 'print' && p.pdfx !== 'none' && p.outputIntent && icc
        ? { version: p.pdfx, intent: { icc: await readFile(icc), identifier: p.outputIntent.identifier, condition: p.outputIntent.condition, registry: p.outputIntent.registry } }
        : undefined,
  });
  const report = await inspectPdf(file, bytes, { printer: job.output === 'print' ? p : undefined, colourNames: themeColourNames() }, doc);
  if (notes.length > 0) report.notes = notes;
  const problems = [
    ...report.errors,
    ...unknown.map((c) => `colour ${c} is not a theme colour: its CMYK value is unknown (add it to the theme, ${ws.theme.file})`),
    ...checkPages(spec, doc, planned),
    ...(spec.check?.(doc, model, drawn) ?? []),
    ...(ws.proof ? [] : layoutProblems.map((l) => l.message)),
  ];
  if (problems.length > 0 && !ws.proof) throw new PreflightError(`${file}:\n  ${problems.join('\n  ')}`);
  const pages = doc.getPageCount();
  if (ws.proof) {
    // Boxes from the trim's corner: the preview draws them on the trimmed page.
    const trimmed = layoutProblems.map((l) => ({ ...l, box: { ...l.box, left: l.box.left - area.trim.left, top: l.box.top - area.trim.top } }));
    const proof: Proof = { problems: trimmed, errors: problems, warnings: report.warnings, trimMm: [spec.frame.format.width, spec.frame.format.height], bleedMm: ws.printer.bleed, safeMm: theme.safeArea };
    // A file with problems is never cached: a build that is not a proof must fail on them.
    if (trimmed.length > 0 || problems.length > 0) return { ...job, file, bytes, pages, report, proof };
    if (ws.cache && key) await Promise.all([ws.cache.put(`${key}.pdf`, bytes), ws.cache.put(`${key}.json`, JSON.stringify({ pages, report }))]);
    return { ...job, file, bytes, pages, report, proof };
  }
  // Only a file that passed every check is kept, with the measurements made for it: a failed
  // build leaves nothing a later build would take.
  const measured = savedMeasurements();
  if (measured && ws.cache) await ws.cache.put(`measurements-${toolFingerprint(ws.theme.files)}`, measured);
  if (ws.cache && key) await Promise.all([ws.cache.put(`${key}.pdf`, bytes), ws.cache.put(`${key}.json`, JSON.stringify({ pages, report }))]);
  return { ...job, file, bytes, pages, report };
}

/**
 * The colours a print file writes: the theme's (its exact CMYK, or spot inks), and the
 * colours of the vector logos placed, as their CMYK through the printer's ICC profile (a logo
 * colour that is also a theme colour takes the theme's values).
 */
async function printPalette(partners: PlacedPartner[], icc: string | undefined): Promise<Map<string, PrintInk>> {
  const colours = [...new Set(partners.flatMap((p) => (p.logo?.format === 'svg' ? logoColours(p.logo.vector) : [])))];
  const palette = new Map<string, PrintInk>();
  if (colours.length > 0) {
    if (!icc) throw new UsageError('vector logos in a CMYK print file need the printer profile\'s outputIntent (an ICC profile) to convert their colours');
    for (const [hex, cmyk] of await logoInks(colours, icc)) palette.set(hex, { cmyk });
  }
  for (const [hex, ink] of themePalette()) palette.set(hex, ink);
  return palette;
}

/**
 * The theme's colours by the CMYK values a content stream writes for them (0–1,
 * space-separated, as src/render/cmyk.ts writes them), named by token: « colours.brandText »,
 * « sectionText[2] ».
 */
function themeColourNames(): Map<string, string> {
  const names = new Map<string, string>();
  const add = (name: string, c: Colour) => {
    const key = printInk(c).cmyk.map((v) => String(Math.round((v / 100) * 10000) / 10000)).join(' ');
    names.set(key, names.has(key) ? `${names.get(key)}, ${name}` : name);
  };
  for (const [k, c] of Object.entries(theme.colours)) add(`colours.${k}`, c);
  theme.sectionColours.forEach((c, i) => add(`sectionColours[${i}]`, c));
  theme.sectionText.forEach((c, i) => add(`sectionText[${i}]`, c));
  return names;
}

/** A document's title, author, subject and keywords, as in its Info dictionary (docMeta). */
function infoOf(model: Model, spec: DocumentSpec): { title: string; author: string; subject: string; keywords: string } {
  const m = docMeta(model, spec.title);
  return { title: m.title, author: m.author, subject: m.subject, keywords: m.keywords };
}
