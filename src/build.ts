import path from 'node:path';
import { availableParallelism } from 'node:os';
import { fileEnv } from './load/env.js';
import { loadContent, type Content } from './load/content.js';
import { ensureWritableDir, writeAllAtomic } from './write/atomic.js';
import { documents, documentById, type DocumentSpec } from './documents/registry.js';
import { ContentError, PreflightError, ThemeError, UsageError, type Problem } from './model/errors.js';
import { imposeSaddle } from './post/impose.js';
import { describeChar, dropCharacters, findUnprintable, openFaces } from './preflight/glyphs.js';
import { checkCodes, checkQrDensity } from './preflight/qr.js';
import { summarise } from './preflight/pdf.js';
import { TOOL_ROOT } from './paths.js';
import { theme, DEFAULT_THEME } from '../layouts/theme.js';
import { isThemePath, placeOf } from './load/theme.js';
import { checkContrast, checkSectionColours, type ThemeWarning } from './preflight/theme.js';
import { openWorkspace, runJob, type Job, type JobOptions, type JobResult, type PagesAhead, type Proof, type Workspace } from './build/job.js';
import { WorkerPool, workerMemoryMb, type JobProgress } from './build/pool.js';
import { mergeFailures } from './build/report.js';
import { makeSite, SITE_DIR, type SiteFile } from './site/index.js';
import { readdir, rm } from 'node:fs/promises';
import { DELIVERY_DIR, jobSheetFile, jobSheetPdf, type JobSheet } from './post/job-sheet.js';
import { withYears } from './documents/meta.js';
import { printerNames } from './load/printer.js';
import { parseFilters, selectPart } from './select/part.js';

/**
 * Events from which the files are made on worker threads by default: one per core, each with
 * a memory limit (build/pool.ts), so that a large campaign's programme stays within bounds
 * and its print and screen files are made side by side. Below, one thread is faster.
 */
export const WORKERS_FROM_EVENTS = 500;

/**
 * Makes files on a pool of worker threads (at most one per file), the programme first (the
 * longest: the other files fill the other threads meanwhile).
 * Measured and left out, all slower on two cores than one worker making the whole programme:
 * measuring its cards side by side (a slice per worker); laying out its pages in workers for
 * this thread to draw (moving layout trees costs what it saves); drawing it in two halves on
 * two workers, joined with pdf-lib (3,280 events: 15.6 against 14.5 s; each half drew in
 * 7.5 s side by side against 5 s alone: V8's garbage collection threads of two busy workers
 * take about 40 % of the two cores).
 * @returns each file made, or its job's error, in the order of `jobs`.
 */
async function onWorkers(pool: WorkerPool, jobs: Job[], done: (r: JobResult) => void, laidOut: (p: JobProgress) => void): Promise<(JobResult | Error)[]> {
  const order = [...jobs].sort((a, b) => Number(b.document === 'programme') - Number(a.document === 'programme'));
  const outcomes = await pool.runAll(order, (o) => {
    if (!(o instanceof Error)) done(o);
  }, laidOut);
  return jobs.map((job) => outcomes[order.indexOf(job)]!);
}

/** Makes files one after the other in this thread; each file made, or its job's error, in order. */
async function inThisThread(ws: Workspace, jobs: Job[], done: (r: JobResult) => void, laidOut: (p: JobProgress) => void): Promise<(JobResult | Error)[]> {
  const out: (JobResult | Error)[] = [];
  for (const job of jobs) {
    laidOut({ job, pages: 0 });
    const r = await runJob(ws, job, (pages) => laidOut({ job, pages })).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    if (!(r instanceof Error)) done(r);
    out.push(r);
  }
  return out;
}

/**
 * The files made, when every job succeeded; otherwise the failures as one error, in build
 * order: the preflight problems of every file (one PreflightError listing them all, those the
 * print and screen files share once: build/report.ts), or the first error of another kind
 * (internal errors first).
 */
function failures(jobs: Job[], settled: (JobResult | Error)[]): JobResult[] {
  const errors = settled.filter((r): r is Error => r instanceof Error);
  if (errors.length === 0) return settled as JobResult[];
  const other = errors.find((e) => !(e instanceof PreflightError));
  if (other) throw other;
  const failed = settled.flatMap((r, i) => (r instanceof Error ? [{ file: jobFile(jobs[i]!), message: r.message }] : []));
  throw new PreflightError(mergeFailures(failed), (errors[0] as PreflightError).eventId);
}

/** The path of a job's file in the output folder: "programme.pdf", "screen/programme.pdf". */
function jobFile(job: Job): string {
  return path.join(job.output === 'screen' ? 'screen' : '', documentById(job.document).file);
}

/**
 * How many worker threads make the files; 0: this thread makes them all.
 * `threads` given: that many. By default a large campaign (≥ {@link WORKERS_FROM_EVENTS}
 * events) has its files made on worker threads, one per core (at most one per file), each
 * with its memory limit; a smaller one is made here.
 * Measured on two cores (the sample's four documents, print and screen): 4.3 s here, 5.1 s with
 * the programme here and the other documents on a worker, 6.5–7.2 s on two workers — a
 * worker starts cold (loading encre, fonts, first layouts) and costs more than it saves.
 * Measured again after issue 16 (the print and screen programmes sharing their layout in one
 * thread): the programme here and the other documents on a worker beside it, 3 alternating
 * runs on a busy machine, 13.3–16.8 s against 10.7–11.7 s here; the worker's cold start is
 * 3 to 4 s of CPU.
 */
function workerThreads(threads: number | undefined, events: number): number {
  if (threads !== undefined) return threads;
  return events >= WORKERS_FROM_EVENTS ? availableParallelism() : 0;
}

/**
 * Where the documents print QR codes, by theme token: the events' codes in the programme's
 * cards (qr.eventSize); the campaign's programme URL on the tract (qr.eventSize), the
 * programme's back cover (qr.flyerSize) and the affiche (qr.posterSize, at A3: larger formats scale it up).
 */
const PROGRAMME_URL_SIZE: Record<string, QrToken> = { flyer: 'eventSize', programme: 'flyerSize', affiche: 'posterSize' };
type QrToken = 'eventSize' | 'flyerSize' | 'posterSize';

/**
 * Checks every QR code the documents `built` print at the size they print it
 * (src/preflight/qr.ts): the events' codes when the programme is built, the programme URL
 * at the smallest size it is printed.
 * @returns the theme's problems (a size too small for any code) and the content's (a URL too long for its size).
 */
function checkPrintedCodes(ws: Workspace, content: Workspace['content'], built: string[]): { theme: Problem[]; content: Problem[] } {
  const level = theme.qr.errorCorrection;
  const module = ws.printer.qrMinModule;
  const sizeOf = (t: QrToken) => ({ token: `qr.${t}`, sizeMm: theme.qr[t], place: placeOf(ws.theme, ['qr', t]) });
  // Beside the text in two columns, the events' codes are set at qr.columnSize raised to their scannable size (src/paginate/copyfit.ts).
  const events = built.includes('programme') ? checkQrDensity(ws.model, content, sizeOf('eventSize'), module, level) : { theme: [], events: [] };
  const tokens = built.flatMap((d) => (PROGRAMME_URL_SIZE[d] ? [PROGRAMME_URL_SIZE[d]] : []));
  // The campaign's programme URL, or its site's home page (the model's programmeUrl with a site), where it is written.
  const url = ws.model.campaign.programmeUrl;
  const at = content.campaignPlaces.programmeUrl ?? content.campaignPlaces['site.baseUrl'] ?? { line: 0, col: 0 };
  const smallest = tokens.reduce<QrToken | undefined>((a, b) => (a === undefined || theme.qr[b] < theme.qr[a] ? b : a), undefined);
  const programme = url && ws.model.programmeQr && smallest
    ? checkCodes([{ name: 'programmeUrl', path: 'programmeUrl', url, modules: ws.model.programmeQr.modules, file: content.campaignFile, ...at }], sizeOf(smallest), module, level)
    : { theme: [], codes: [] };
  // One theme problem per token (the events and the tract's programme URL share qr.eventSize).
  const themeProblems = [...events.theme, ...programme.theme].filter((p, i, all) => all.findIndex((q) => q.path === p.path) === i);
  return { theme: themeProblems, content: [...events.events, ...programme.codes] };
}

/**
 * The theme a build uses: `--theme` (a name, or a path relative to `root`), else campaign.yaml's
 * `theme:` (a name, or a path relative to the campaign folder), else the default theme.
 * @returns a theme name, or an absolute path.
 */
function themeOf(opts: BuildOptions, content: Content, campaign: string): string {
  if (opts.theme !== undefined) return isThemePath(opts.theme) ? path.resolve(opts.root, opts.theme) : opts.theme;
  const named = content.campaign.theme;
  if (named !== undefined) return isThemePath(named) ? path.resolve(campaign, named) : named;
  return DEFAULT_THEME;
}

/**
 * A theme named by campaign.yaml that cannot be found is located at its `theme:` line there
 * (the loader locates it at "--theme" otherwise); any other error is returned as it is.
 */
function themeAtCampaign(e: unknown, opts: BuildOptions, content: Content): unknown {
  if (opts.theme !== undefined || content.campaign.theme === undefined || !(e instanceof ThemeError)) return e;
  const at = content.campaignPlaces.theme ?? { line: 0, col: 0 };
  return new ThemeError(e.problems.map((p) => (p.file === '--theme' ? { ...p, file: content.campaignFile, ...at, path: 'theme', message: p.message.replace(/^theme file "([^"]*)" not found \(looked for [^)]*\)/, 'theme file "$1" not found') } : p)));
}

/** Options of a build; paths relative to `root`. */
export interface BuildOptions {
  root: string;
  content: string;
  out: string;
  /** Document ids; all four when empty. */
  documents: string[];
  /** Printer profile name (printers/<name>.yaml); campaign.yaml's `printer:`, else "offset", when absent. */
  printer?: string;
  /**
   * Theme: a name of themes/ (the campaign folder's, then encre's) or the path of a .yaml theme
   * file (relative to `root`); when absent, campaign.yaml's `theme:`, else "languedoc-roussillon".
   */
  theme?: string;
  /** Affiche format: "A3" (default), "A2" or "40x60". */
  format?: string;
  /** "saddle": also write programme-imposition.pdf (A4 landscape, two up, saddle-stitch order). */
  impose?: 'saddle';
  /** With `impose`: the creep per sheet, mm (src/post/impose.ts creepShifts); 0 by default. */
  creep?: number;
  /** Seconds since 1970 for the PDFs' dates (SOURCE_DATE_EPOCH); the campaign start otherwise. */
  sourceDateEpoch?: string;
  /**
   * Part of the campaign to build (`--filter KEY=VALUE`, repeatable: departement, day,
   * category; OR within a key, AND between keys): its counts, headings and wording follow it
   * (src/select/part.ts).
   */
  filters?: string[];
  /** With `filters`: write into `<out>/<part>/` (out/34-herault/), the CLI's default without --out. */
  partFolder?: boolean;
  /**
   * Called as files are made: when one starts (0 pages), after each chunk of pages laid out,
   * and when it is done (for a progress display; never part of the output).
   */
  onProgress?: (p: BuildProgress) => void;
  /** Called once everything is written with the build's report: what out/preflight.json holds, and the files written (`--json`). */
  onReport?: (report: Record<string, unknown>) => void;
  /** Progress messages (one line each). */
  log?: (line: string) => void;
  /** Outputs to make: both by default; the preview server asks for "screen" only. */
  outputs?: ('print' | 'screen')[];
  /** false: write nothing, return the bytes (the preview server). Default true. */
  write?: boolean;
  /**
   * Worker threads making the files (at most one per file); 0 makes them all in this thread
   * (the preview server does, to keep its caches warm). Default: one per core from
   * {@link WORKERS_FROM_EVENTS} events, none below (see workerThreads).
   */
  threads?: number;
  /**
   * false: no build cache. By default a file whose inputs (props, theme, printer, encre's
   * code) are those of a file made before is taken from the cache (node_modules/.cache/encre,
   * or ENCRE_CACHE_DIR; ENCRE_CACHE=0 turns it off), and block measurements are kept there.
   */
  cache?: boolean;
  /** Download partner logos given as http(s) URLs (`--allow-network`); refused otherwise: builds are offline. */
  allowNetwork?: boolean;
  /**
   * The campaign's website (out/site/, src/site/). `auto` (default): made when campaign.yaml
   * has a `site:` block and the build makes the programme's screen file (the site offers it
   * for download). `only` (`encre site`): the programme's screen file is made for the site,
   * and only the site is written. `off`: never.
   */
  site?: 'auto' | 'only' | 'off';
  /** The preview's proofs: layout problems listed with their boxes instead of failing the build (see JobOptions.proof). */
  proof?: boolean;
  /** The live preview's pages drawn ahead of their screen file (src/dev/builder.ts); only for files made in this thread. */
  ahead?: PagesAhead;
  /**
   * Called when a site is to be made, with the function that makes its files (the preview
   * server serves them from memory). With `write: false` the build leaves the making to the
   * caller, which can publish the documents' pages first (a site of 400 events takes a few
   * tenths of a second).
   */
  onSite?: (make: () => SiteFile[]) => void;
}

/** Where a build is: one file's pages laid out so far, or that file done. */
export interface BuildProgress {
  /** Path inside the output folder: "programme.pdf", "screen/programme.pdf". */
  file: string;
  /** Pages laid out so far (0: just started), or the file's pages once done. */
  pages: number;
  done: boolean;
  /** Files done so far, of `total`. */
  finished: number;
  total: number;
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
  /** With `proof`: its problems and geometry, for the preview. */
  proof?: Proof;
  /** With `write: false`: true when the file was taken from the build cache (nothing laid out). */
  cached?: boolean;
}

/**
 * Builds the documents: load → validate → derive → layout → render → post-process →
 * preflight, all in memory, for two outputs each — the print file (printer profile: bleed,
 * boxes, crop marks, exact CMYK, PDF/X) and the screen file (trimmed, RGB, links) — then
 * writes every PDF atomically, with the preflight report (out/preflight.json), only if every
 * file passed its checks. The content is loaded and checked here; the files are made on
 * worker threads (`opts.threads`; by default one per core for large campaigns), or in this thread.
 * @throws ContentError (bad content, nothing written), ThemeError (bad theme file, located in
 *   it; a QR size below what the printer's qrMinModule allows), PreflightError (a check failed,
 *   nothing written), UsageError (unknown document id or printer, bad SOURCE_DATE_EPOCH,
 *   output folder not writable, a worker out of memory).
 */
export async function build(opts: BuildOptions): Promise<BuiltDocument[]> {
  const log = opts.log ?? (() => {});
  const siteMode = opts.site ?? 'auto';
  const specs: DocumentSpec[] = siteMode === 'only' ? [documentById('programme')] : opts.documents.length ? [...new Set(opts.documents.map(documentById))] : documents;
  fileEnv(opts.root, opts.sourceDateEpoch); // checks SOURCE_DATE_EPOCH before any work
  if (opts.creep && opts.impose !== 'saddle') throw new UsageError('--creep shifts the pages of an imposition: add --impose saddle');

  workerMemoryMb(); // and ENCRE_WORKER_MEMORY_MB
  const part = opts.filters?.length ? parseFilters(opts.filters) : undefined; // refused before any work
  const loaded = await loadContent(fileEnv(opts.root, undefined), opts.content, { allowNetwork: opts.allowNetwork });
  const selected = part ? selectPart(loaded, part) : undefined;
  const content = selected?.content ?? loaded;
  const out = selected && opts.partFolder ? path.join(opts.out, selected.folder) : opts.out;
  if (selected) log(`part of the campaign: ${selected.label}`);
  const campaign = path.resolve(opts.root, opts.content);
  // The printer: --printer, else campaign.yaml's printer:, else offset.
  const printer = opts.printer ?? content.campaign.printer ?? 'offset';
  if (opts.printer === undefined && content.campaign.printer !== undefined) {
    const names = await printerNames();
    if (!names.includes(printer)) {
      throw new ContentError([{ file: content.campaignFile, ...(content.campaignPlaces.printer ?? { line: 0, col: 0 }), path: 'printer', message: `unknown printer profile "${printer}"`, hint: `expected one of: ${names.join(', ')} (files in printers/)` }]);
    }
  }
  const jobOptions: JobOptions = { root: opts.root, campaign, proof: opts.proof, printer, theme: themeOf(opts, content, campaign), format: opts.format ?? 'A3', sourceDateEpoch: opts.sourceDateEpoch, cache: opts.cache };
  if (siteMode === 'only' && !content.campaign.site) {
    throw new ContentError([{ file: content.campaignFile, line: 0, col: 0, path: 'site', message: 'encre site: the campaign declares no site', hint: 'add to campaign.yaml the address where out/site/ will be published, e.g. site: { baseUrl: https://mois-ess.example.org/ }' }]);
  }
  const wanted = siteMode === 'only' ? ['screen'] : (opts.outputs ?? ['print', 'screen']);
  const jobs: Job[] = (['print', 'screen'] as const).filter((o) => wanted.includes(o)).flatMap((output) => specs.map((spec) => ({ document: spec.id, output })));
  // The workers start now and load encre while this thread derives the model.
  const threads = Math.min(workerThreads(opts.threads, content.events.length), jobs.length);
  const pool = threads > 0 ? new WorkerPool(threads) : undefined;
  // A spare core deflates the pages' streams while they are laid out; with a worker per core,
  // the thread pool would only take the workers' time (10,000 events, print and screen on two
  // workers: 3 s more CPU).
  jobOptions.deflateApart = threads < availableParallelism();
  let settled: (JobResult | Error)[];
  let ws: Workspace;
  let themeWarnings: ThemeWarning[] = [];
  try {
    // Theme, format and printer are checked (and selected for this thread) before any work.
    ws = await openWorkspace(jobOptions, content).catch((e: unknown) => {
      throw themeAtCampaign(e, opts, content);
    });
    if (!pool && opts.ahead) ws.ahead = opts.ahead;
    if (opts.write !== false) await ensureWritableDir(path.resolve(opts.root, out));
    const { model } = ws;
    // The sections named by what they are: départements (and countries), days, venues, categories.
    const n = model.sections.length;
    const sections = { departement: `${n} département${n === 1 ? '' : 's'}${model.departements.some((d) => d.kind === 'country') ? ' and countries' : ''}`, day: `${n} day${n === 1 ? '' : 's'}`, venue: `${n} venue${n === 1 ? '' : 's'}`, category: `${n} categor${n === 1 ? 'y' : 'ies'}` }[model.groupBy];
    log(`${content.events.length} events in ${sections} (${opts.content})`);
    for (const o of model.omitted) log(`left out (${o.status}): ${o.id} « ${o.title} » (${o.at})`);
    for (const n of model.notices) log(`note: ${n}`);
    // Each QR code at the size the documents built print it (the token that sets it, named in the message).
    const qr = checkPrintedCodes(ws, content, specs.map((d) => d.id));
    if (qr.theme.length > 0) throw new ThemeError(qr.theme);
    // Characters no font prints: refused (campaign unprintable: refuse), else left out, each
    // listed with where it is (unprintable: drop, the default): never a blocked build.
    const glyphs = findUnprintable(model, content, openFaces(), ws.theme.file);
    const unprintable = [...(content.campaign.unprintable === 'refuse' ? glyphs.map((g) => g.problem) : []), ...qr.content];
    if (unprintable.length > 0) throw new ContentError(unprintable);
    if (glyphs.length > 0) {
      dropCharacters(model, new Set(glyphs.flatMap((g) => g.chars)));
      for (const g of glyphs) {
        const at = `${g.problem.file}${g.problem.line > 0 ? `:${g.problem.line}:${g.problem.col}` : ''}`;
        const note = `${at} ${g.problem.path}: ${g.chars.map(describeChar).join(', ')} printed by no font: left out (unprintable: drop)`;
        model.notices.push(note);
        log(`warning: ${note}`);
      }
    }
    themeWarnings = [...checkContrast(theme, model.sections.length, ws.theme.file), ...checkSectionColours(theme, model.sections.length, ws.theme.file)];
    for (const w of themeWarnings) if (specs.some((d) => w.documents.includes(d.id))) log(`warning: ${w.message}`);
    let finished = 0;
    const fileOf = (job: Job) => path.join(job.output === 'screen' ? 'screen' : '', documentById(job.document).file);
    const done = (r: JobResult) => {
      // Said on the file's own line, before its warnings.
      const [line, ...details] = summarise(r.report).split('\n');
      log([`${line}${r.cached ? ' (unchanged: from the build cache)' : ''}`, ...details].join('\n'));
      opts.onProgress?.({ file: r.file, pages: r.pages, done: true, finished: ++finished, total: jobs.length });
    };
    const laidOut = (p: JobProgress) => opts.onProgress?.({ file: fileOf(p.job), pages: p.pages, done: false, finished, total: jobs.length });
    if (pool) pool.setup({ opts: jobOptions, content, model, theme: ws.theme });
    settled = pool ? await onWorkers(pool, jobs, done, laidOut) : await inThisThread(ws, jobs, done, laidOut);
  } finally {
    await pool?.close();
  }
  const results = failures(jobs, settled);
  // The theme's warnings (contrast, close section colours) in the report of each file that prints them.
  for (const r of results) r.report.warnings.push(...themeWarnings.filter((w) => w.documents.includes(r.document)).map((w) => w.message));
  const extra: { file: string; bytes: Uint8Array; pages: number }[] = [];
  if (opts.impose === 'saddle') {
    const screenProgramme = results.find((r) => r.document === 'programme' && r.output === 'screen');
    if (!screenProgramme) throw new UsageError('--impose saddle needs the programme: build it too');
    extra.push({ file: 'programme-imposition.pdf', bytes: await imposeSaddle(screenProgramme.bytes, ws.env.buildDate, opts.creep ?? 0), pages: screenProgramme.pages / 2 });
    const creep = opts.creep ? `, creep ${opts.creep} mm a sheet: the innermost pages ${Math.round((screenProgramme.pages / 4 - 1) * opts.creep * 100) / 100} mm ${opts.creep > 0 ? 'outward' : 'inward'}` : '';
    log(`programme-imposition.pdf — ${screenProgramme.pages / 2} A4 sides (${screenProgramme.pages / 4} sheets, duplex, short-edge flip${creep})`);
  }
  // The site, from the same model, with the programme's screen file to download.
  const screenProgramme = results.find((r) => r.document === 'programme' && r.output === 'screen');
  let site: SiteFile[] = [];
  if (siteMode !== 'off' && ws.model.campaign.site && screenProgramme) {
    // Made now or later, from this build's model and theme.
    const { model } = ws;
    const inForce = theme;
    let made: SiteFile[] | undefined;
    const make = () => (made ??= makeSite(model, content, inForce, screenProgramme.bytes));
    opts.onSite?.(make);
    if (opts.write !== false) {
      site = make();
      const pages = site.filter((f) => f.path.endsWith('.html')).length;
      log(`${path.join(out, SITE_DIR)}/ — ${pages} pages (${model.events.length} events), agenda.ics, agenda.json: ${model.campaign.site!.baseUrl}`);
    }
  } else if (siteMode === 'auto' && ws.model.campaign.site && opts.write !== false) {
    log('site/ not made: the site offers the programme for download, build the programme too (or run encre site)');
  }
  const built = results.map((r): BuiltDocument => ({ id: r.document, output: r.output, file: path.join(out, r.file), pages: r.pages, bytes: r.bytes.length }));
  if (opts.write === false) return built.map((b, i) => ({ ...b, pdf: results[i]!.bytes, ...(results[i]!.proof ? { proof: results[i]!.proof } : {}), ...(results[i]!.cached ? { cached: true } : {}) }));
  const siteDir = path.resolve(opts.root, out, SITE_DIR);
  const siteWrites = site.map((f) => ({ file: path.join(siteDir, f.path), bytes: f.bytes }));
  if (siteMode === 'only') {
    await writeAllAtomic(siteWrites);
    await pruneFolder(siteDir, site.map((f) => path.join(siteDir, f.path)));
    return [{ id: 'site', output: 'screen', file: path.join(out, SITE_DIR), pages: site.filter((f) => f.path.endsWith('.html')).length, bytes: site.reduce((n, f) => n + Buffer.byteLength(f.bytes), 0) }];
  }
  const contentReport = { omitted: ws.model.omitted, notes: ws.model.notices };
  const sheet = results.some((r) => r.output === 'print') ? await makeJobSheet(ws, jobOptions.printer, results, extra, selected?.folder) : undefined;
  if (sheet) log(`${FICHE}.pdf, ${FICHE}.json — job sheet: ${sheet.json.files.length} files; print files also in ${DELIVERY_DIR}/ under the printer's names`);
  const report = { printer: jobOptions.printer, profile: ws.printer, theme: { file: ws.theme.file, warnings: themeWarnings.map((w) => w.message) }, content: contentReport, files: results.map((r) => r.report) };
  const preflight = JSON.stringify(report, null, 2);
  await writeAllAtomic([
    ...results.map((r) => ({ file: path.resolve(opts.root, out, r.file), bytes: r.bytes })),
    ...extra.map((x) => ({ file: path.resolve(opts.root, out, x.file), bytes: x.bytes })),
    { file: path.resolve(opts.root, out, 'preflight.json'), bytes: `${preflight}\n` },
    ...(sheet ? sheet.writes.map((w) => ({ file: path.resolve(opts.root, out, w.file), bytes: w.bytes })) : []),
    ...siteWrites,
  ]);
  if (site.length > 0) await pruneFolder(siteDir, site.map((f) => path.join(siteDir, f.path)));
  // The printer's folder holds the files of this build's job sheet, no other (another
  // campaign's or an earlier build's file would be sent with them).
  if (sheet) await pruneFolder(path.resolve(opts.root, out, DELIVERY_DIR), sheet.writes.map((w) => path.resolve(opts.root, out, w.file)));
  // The imposed sheets are listed too (the command line says what it wrote).
  const written = [...built, ...extra.map((x): BuiltDocument => ({ id: 'programme-imposition', output: 'print', file: path.join(out, x.file), pages: x.pages, bytes: x.bytes.length }))];
  opts.onReport?.({ out, ...(selected ? { part: selected.label } : {}), written, ...report });
  return written;
}

/** The job sheet's name in the output folder (.pdf and .json). */
export const FICHE = 'fiche-de-fabrication';

/**
 * The job sheet (src/post/job-sheet.ts) of the files a build made: every file with its pages,
 * format, binding, paper, profile, inks, quantity and sha256, as JSON and PDF, and the print
 * files' copies under their names for the printer (out/imprimeur/).
 * @returns the sheet and the files to write (paths inside the output folder).
 */
async function makeJobSheet(ws: Workspace, printerName: string, results: JobResult[], extra: { file: string; bytes: Uint8Array; pages: number }[], part?: string): Promise<{ json: JobSheet; writes: { file: string; bytes: Uint8Array | string }[] }> {
  const m = ws.model;
  const campaign = { name: m.title, year: m.year, part, printRun: m.campaign.printRun };
  const printer = { name: printerName, profile: ws.printer };
  const files = [
    ...results.map((r) => {
      const spec = documentById(r.document);
      const print = r.output === 'print';
      return jobSheetFile({ document: r.document, title: spec.title, use: r.output, file: r.file, bytes: r.bytes, pages: r.pages, format: spec.frame.format, bleedMm: r.report.bleedMm, cropMarks: print && ws.printer.cropMarks, colourSpaces: r.report.colourSpaces, spots: r.report.spots, inks: r.report.inks, maxInkPercent: r.report.maxInkPercent, overprintBlack: r.report.overprint?.black }, printer, campaign);
    }),
    ...extra.map((x) => jobSheetFile({ document: 'programme-imposition', title: 'Programme, imposé pour le bureau', use: 'office', file: x.file, bytes: x.bytes, pages: x.pages, format: { name: 'A4 paysage', width: 297, height: 210 }, bleedMm: 0, cropMarks: false, colourSpaces: ['DeviceRGB'] }, printer, campaign)),
  ];
  const json: JobSheet = {
    campaign: withYears(m.title, m.campaign.period),
    region: m.campaign.region,
    edition: m.editionLabel,
    date: ws.env.buildDate.toISOString(),
    printer: { name: printerName, description: ws.printer.description, paper: ws.printer.paper },
    files,
  };
  const fonts = path.join(TOOL_ROOT, 'assets/fonts');
  const pdf = await jobSheetPdf(json, path.join(fonts, 'LiberationSans-Regular.ttf'), path.join(fonts, 'LiberationSans-Bold.ttf'), ws.env.buildDate);
  const copies = files.flatMap((f) => (f.delivery ? [{ file: f.delivery, bytes: results.find((r) => r.file.split(path.sep).join('/') === f.file)!.bytes }] : []));
  return { json, writes: [{ file: `${FICHE}.json`, bytes: `${JSON.stringify(json, null, 2)}\n` }, { file: `${FICHE}.pdf`, bytes: pdf }, ...copies] };
}

/**
 * Removes from `dir` every file that is not among `keep` (paths joined as path.join(dir, …)
 * gives them), and the folders left empty: the folder holds what the build made, nothing
 * else — the site as built (an event's page since removed, a filter gone), the printer's
 * folder as its job sheet lists it (another campaign's or an earlier build's file).
 */
async function pruneFolder(dir: string, keep: Iterable<string>): Promise<void> {
  const kept = new Set(keep);
  const walk = async (d: string): Promise<boolean> => {
    let empty = true;
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (await walk(p)) await rm(p, { recursive: true, force: true });
        else empty = false;
      } else if (!kept.has(p)) await rm(p, { force: true });
      else empty = false;
    }
    return empty;
  };
  await walk(dir);
}
