import http from 'node:http';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import chokidar from 'chokidar';
import { themeFilesOf, DEFAULT_THEME } from '../load/theme.js';
import { Rasteriser } from './rasteriser.js';
import { PageSet } from './page-set.js';
import { pagePng } from './png.js';
import { previewHtml } from './page.js';
import { platePng, PLATE_VIEWS, type PlateView } from '../preview/plates.js';
import { loadPrinter } from '../load/printer.js';
import type { Proof } from '../build/job.js';
import type { BuildRequest, PreviewDoc } from './builder.js';
import type { PageAhead } from './ahead.js';
import { documents } from '../documents/registry.js';
import { compiledIsFresh, TOOL_ROOT } from '../paths.js';
import { UsageError } from '../model/errors.js';
import type { SiteFile } from '../site/index.js';
import { CSP as SITE_CSP } from '../site/pages.js';

/** Options of the preview server. */
export interface DevOptions {
  /** Project root (content and logo paths are relative to it). */
  root: string;
  content: string;
  theme?: string;
  format?: string;
  /** 127.0.0.1 unless told otherwise (another interface prints a warning). */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Page images resolution, dpi. */
  dpi?: number;
  /** Download partner logos given as http(s) URLs (`--allow-network`); refused otherwise. */
  allowNetwork?: boolean;
  log?: (line: string) => void;
  /** Warnings (listening on another interface than the loopback); standard error by default. */
  warn?: (line: string) => void;
}

/** Longest request target served, in characters: the routes are short; longer is refused with 414. */
export const MAX_URL_LENGTH = 2048;

/** True for an address only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/** A running preview server. */
export interface DevServer {
  url: string;
  /** Resolves once every document has been built once (or failed). */
  ready: Promise<void>;
  /**
   * Stops everything: the watcher, the server-sent event streams, the open connections, the
   * listening socket, and the build process (SIGTERM, SIGKILL after 3 s), waiting for each.
   */
  close(): Promise<void>;
}

interface DocState {
  id: string;
  version: number;
  /** The key its PDF is open under in the rasteriser. */
  key: string;
  pages: number;
  pdf: Uint8Array;
  texts: string[];
  /** The layout's problems (with their boxes) and the geometry, for the proofing views. */
  proof?: Proof;
  /** Each page's version and images (rendered on first request; an unchanged page keeps the build before's). */
  pageSet: PageSet;
  /** Pages drawn ahead of this document's next build (ahead.ts), by number (from 1): the key their one-page PDF is open under. */
  ahead?: Map<number, string>;
  /** The print file of this version (for the ink plates), made on first request. */
  print?: Promise<Uint8Array>;
  /** The print file's preflight errors and warnings, once it is made (total ink, resolution…). */
  printProblems?: string[];
  /** Plate images of this version, by "page:dpi:view". */
  plates: Map<string, Promise<Buffer>>;
}

/** Pages taken as in view: the last this many a document's images were asked for. */
const IN_VIEW = 4;

/** Resolutions the preview renders pages at, dpi: from thumbnails to real size on a high-density screen. */
export const PREVIEW_DPI = { min: 30, max: 220 } as const;

/**
 * The page title of the preview: the campaign's name and region from its campaign.yaml
 * (« Mois de l'ESS · Languedoc-Roussillon »), read afresh at each request; the folder's name
 * while the file cannot be read (being edited: the build reports its errors).
 */
export function campaignTitle(folder: string): string {
  try {
    const c = parseYaml(readFileSync(path.join(folder, 'campaign.yaml'), 'utf8')) as { name?: unknown; region?: unknown };
    if (typeof c?.name === 'string' && c.name.trim()) return [c.name, c.region].filter((x) => typeof x === 'string' && x.trim()).join(' · ');
  } catch {
    /* the build says what is wrong with it */
  }
  return path.basename(folder);
}

/** Lines of an error the terminal shows (its file:line:column problems); the browser shows all of them. */
const ERROR_LINES = 12;

/** An error as the terminal shows it: its first {@link ERROR_LINES} lines, then how many more the browser lists. */
export function inTerminal(error: string): string {
  const lines = error.split('\n');
  if (lines.length <= ERROR_LINES) return error;
  return [...lines.slice(0, ERROR_LINES), `… ${lines.length - ERROR_LINES} more lines in the browser`].join('\n');
}

/**
 * Which documents a changed file touches, in the order to rebuild them. Events and the
 * campaign feed every document (counts, highlights, figures); a layout folder its document;
 * shared components, the theme and fonts every document.
 */
export function touchedDocuments(file: string, root: string, content: string): { ids: string[]; restart: boolean } {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const all = documents.map((d) => d.id);
  const folders: Record<string, string> = { 'layouts/programme/': 'programme', 'layouts/affiche/': 'affiche', 'layouts/flyer/': 'flyer', 'layouts/dossier/': 'dossier-de-presse' };
  for (const [prefix, id] of Object.entries(folders)) if (rel.startsWith(prefix)) return { ids: [id], restart: true };
  if (rel.startsWith('layouts/') || rel.startsWith('src/')) return { ids: all, restart: true };
  // A theme is data, read again by every build: the warm build process stays.
  if (rel.startsWith('themes/')) return { ids: all, restart: false };
  // encre's own logos; a campaign's assets are told apart below (its fonts restart the build process).
  if (rel.startsWith('assets/logos/')) return { ids: ['affiche', 'programme', 'dossier-de-presse'], restart: false };
  if (rel.startsWith('assets/fonts/')) return { ids: all, restart: true };
  // The content folder wherever it is (`../x`, `/abs/x`, `./x/`): compared as absolute paths.
  const inContent = path.relative(path.resolve(root, content), path.resolve(root, file)).split(path.sep).join('/');
  if (inContent === '' || inContent.startsWith('../') || inContent === '..' || path.isAbsolute(inContent)) return { ids: [], restart: false };
  // The campaign's own themes and fonts: every document, layouts reloaded; its logos: where partners show.
  if (inContent.startsWith('themes/')) return { ids: all, restart: false };
  if (inContent.startsWith('assets/fonts/')) return { ids: all, restart: true };
  if (inContent.startsWith('assets/')) return { ids: ['affiche', 'programme', 'dossier-de-presse'], restart: false };
  // An event shows first in the programme; the campaign file first on the affiche.
  if (inContent.startsWith('events/')) return { ids: ['programme', 'affiche', 'flyer', 'dossier-de-presse'], restart: false };
  if (inContent === 'campaign.yaml') return { ids: ['affiche', 'flyer', 'programme', 'dossier-de-presse'], restart: false };
  // Anything else in the campaign folder (its README, out/ written by encre build) feeds no document.
  return { ids: [], restart: false };
}

/**
 * Starts the preview server (`encre dev`): builds the screen files in a child process, serves
 * every page as an image on an HTML page that refreshes itself (server-sent events), watches
 * the content, layouts, theme files (themes/ and a theme given by path, with the files it
 * extends) and assets, and rebuilds only what a change touches. A
 * content error shows in the page with its file:line; the server keeps running.
 * The page is a proofing tool (page.ts): the builds are proofs (the layout's problems are
 * listed with their boxes, not fatal), pages come at the resolution asked
 * (/page/<document>/<n>.png?dpi=N, PREVIEW_DPI: each page rendered when it is first asked for,
 * on a thread of its own, then kept; a page whose content a new build leaves unchanged keeps
 * its version and its images, so the browser asks again only for the pages that changed), and ?plate=c|m|y|k|ink gives an ink plate
 * or the total ink of the print file, made on first request (src/preview/plates.ts).
 * Serves only its own routes: /, /state, /events, /page/<document>/<n>.png, and the
 * campaign's website under /site/ (made with the programme when campaign.yaml has a site:
 * block, rebuilt with it, served from memory with its CSP); anything else is
 * a 4xx (405 for methods other than GET and HEAD, 400 for a bad encoding or a "..", 414 for
 * a target longer than MAX_URL_LENGTH, 404 otherwise), and malformed requests never stop it.
 * Bound to the loopback, it also refuses a Host header naming another machine (DNS rebinding).
 * @throws UsageError when it cannot listen (port in use, unknown interface).
 */
export async function startDevServer(opts: DevOptions): Promise<DevServer> {
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const dpi = opts.dpi ?? 60;
  const warn = opts.warn ?? ((l: string) => process.stderr.write(`${l}\n`));
  let closed = false;
  const docs = new Map<string, DocState>();
  /** The campaign's website as last built with the programme (path under site/ → bytes), served under /site/. */
  let site = new Map<string, Uint8Array | string>();
  let error: string | undefined;
  let building = false;
  const clients = new Set<http.ServerResponse>();
  // MuPDF on a thread of its own, started now: pages are rendered on request, off the event loop.
  const rasteriser = new Rasteriser();
  rasteriser.warm();
  const notify = () => {
    for (const c of clients) c.write(`data: ${Date.now()}\n\n`);
  };

  // --- the build process -------------------------------------------------------------
  let child: ChildProcess | undefined;
  let nextId = 1;
  /** Requests sent, by id: the process they went to, and what to call with its answer. */
  const pending = new Map<number, { to: ChildProcess; done: (r: { ok: boolean; docs?: PreviewDoc[]; error?: string }) => void }>();
  /** The site the build process makes after the programme it sent: settled when it comes (or the process stops). */
  let siteComing: { id: number; to: ChildProcess; promise: Promise<void>; settle: () => void } | undefined;
  const expectSite = (id: number, to: ChildProcess) => {
    siteComing?.settle();
    let settle = () => {};
    const promise = new Promise<void>((resolve) => (settle = resolve));
    siteComing = {
      id,
      to,
      promise,
      settle: () => {
        settle();
        if (siteComing?.id === id) siteComing = undefined;
      },
    };
  };
  const spawn = () =>
    new Promise<void>((resolve) => {
      // The compiled builder while dist/ is up to date; once a source is edited (a layout
      // changed while the server runs), the sources through tsx: never a stale compilation.
      const compiled = compiledIsFresh();
      const builder = compiled ? path.join(TOOL_ROOT, 'dist', 'src', 'dev', 'builder.js') : path.join(TOOL_ROOT, 'src', 'dev', 'builder.ts');
      const execArgv = compiled ? [] : ['--import', import.meta.resolve('tsx')];
      const c = fork(builder, [], { cwd: opts.root, execArgv, serialization: 'advanced', env: { ...process.env, TSX_TSCONFIG_PATH: path.join(TOOL_ROOT, 'tsconfig.json') } });
      c.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; docs?: PreviewDoc[]; siteFollows?: boolean; site?: SiteFile[]; siteError?: string; error?: string; ahead?: PageAhead; warmedUp?: number }) => {
        if (m.ready) return resolve();
        if (m.warmedUp !== undefined) return log(`programme: laid out in the background in ${m.warmedUp} ms (it came from the build cache): edits rebuild it warm`);
        if (m.ahead && m.id !== undefined) return void showAhead(m.id, m.ahead);
        if (m.site || m.siteError) {
          // The site of the programme published last (an older one, overtaken, is dropped).
          if (!siteComing || siteComing.id !== m.id) return;
          if (m.site) site = new Map(m.site.map((f) => [f.path, f.bytes]));
          else log(`site: ${m.siteError!.split('\n')[0]}`);
          siteComing.settle();
          return;
        }
        const sent = m.id !== undefined ? pending.get(m.id) : undefined;
        if (sent && m.id !== undefined) {
          pending.delete(m.id);
          if (m.siteFollows) expectSite(m.id, c);
          sent.done({ ok: Boolean(m.ok), docs: m.docs, error: m.error });
        }
      });
      c.on('error', (e) => log(`build process: ${e.message}`));
      c.on('exit', () => {
        resolve(); // a process that dies before it is ready: the requests below report it
        if (siteComing?.to === c) siteComing.settle();
        // Only this process's requests: a restarted one's replacement may already have some.
        for (const [id, sent] of pending) {
          if (sent.to !== c) continue;
          pending.delete(id);
          sent.done({ ok: false, error: 'the build process stopped' });
        }
      });
      child = c;
    });
  const request = async (ids: string[], output: 'print' | 'screen' = 'screen', inView?: number[]) => {
    // A build process that died (out of memory, killed) is replaced.
    if (!closed && !child?.connected) await spawn();
    return new Promise<{ ok: boolean; docs?: PreviewDoc[]; error?: string }>((resolve) => {
      if (closed || !child?.connected) return resolve({ ok: false, error: 'the build process stopped' });
      const id = nextId++;
      pending.set(id, { to: child, done: resolve });
      const req: BuildRequest = { root: opts.root, content: opts.content, documents: ids, theme: opts.theme, format: opts.format, allowNetwork: opts.allowNetwork, output, ...(inView?.length ? { inView } : {}) };
      child.send({ id, request: req }, (e) => {
        if (e && pending.delete(id)) resolve({ ok: false, error: `the build process stopped (${e.message})` });
      });
    });
  };

  // --- rebuilds, one at a time, each document published as soon as it is built ----------
  /**
   * The rebuilds waiting: the documents, whether the build process restarts, and whether the
   * pages in view are drawn ahead (any change but an event's: a theme, the campaign, a layout).
   */
  let queue: { ids: Set<string>; restart: boolean; view: boolean } | undefined;
  let running: Promise<void> | undefined;
  const peek = () => queue;
  /** Documents whose next build comes from a restarted build process (other code or fonts): every page taken as changed. */
  const renewed = new Set<string>();
  /** Publishes a build of a document: its pages' texts and fingerprints read, its PDF opened for the page images. */
  const publish = async (d: PreviewDoc) => {
    const prev = docs.get(d.id);
    const fresh = renewed.delete(d.id);
    // The same file again (taken from the build cache: the affiche after an event's edit): nothing to show anew.
    if (prev && !fresh && !prev.ahead && Buffer.from(prev.pdf).equals(d.pdf) && JSON.stringify(prev.proof) === JSON.stringify(d.proof)) return;
    const version = (prev?.version ?? 0) + 1;
    const key = `${d.id}:${version}`;
    const { texts, fingerprints } = await rasteriser.open(key, d.pdf);
    const pageSet = PageSet.next(fresh ? undefined : prev?.pageSet, fingerprints, version);
    docs.set(d.id, { id: d.id, version, key, pages: d.pages, pdf: d.pdf, texts, proof: d.proof, pageSet, plates: new Map() });
    if (prev) for (const k of [prev.key, ...(prev.ahead?.values() ?? [])]) rasteriser.close(k);
  };
  let aheadCount = 0;
  /** The pages of each document asked for last (most recent first, at most {@link IN_VIEW}): the ones in view, drawn ahead of a rebuild. */
  const viewed = new Map<string, number[]>();
  const inView = (doc: string, n: number) => viewed.set(doc, [n, ...(viewed.get(doc) ?? []).filter((p) => p !== n)].slice(0, IN_VIEW));
  /**
   * Shows a page drawn ahead of its document's build (src/dev/ahead.ts: an edited event's
   * page, a page in view): its image and text replace the page's in the document shown, as a
   * new version, until the build comes. Dropped when the build has come first, or the page is
   * past the document's end.
   */
  const showAhead = async (id: number, a: PageAhead) => {
    const d = docs.get(a.doc);
    const n = a.page + 1;
    if (!d || n > d.pages || !pending.has(id)) return;
    const t0 = Date.now();
    const key = `${d.id}:ahead:${++aheadCount}`;
    try {
      const { texts, fingerprints } = await rasteriser.open(key, a.pdf);
      // Shown over the same file (other pages drawn ahead meanwhile included), while its build is still coming.
      const now = docs.get(a.doc);
      if (!now || now.key !== d.key || !pending.has(id) || texts.length !== 1) return rasteriser.close(key);
      const version = now.version + 1;
      // The same page drawn ahead before (two builds planned it first): its file is closed.
      const before = now.ahead?.get(n);
      if (before) rasteriser.close(before);
      docs.set(now.id, { ...now, version, texts: now.texts.map((t, i) => (i === n - 1 ? texts[0]! : t)), pageSet: now.pageSet.withPage(n, fingerprints[0]!, version), ahead: new Map(now.ahead).set(n, key) });
      log(`${a.doc}: page ${n} drawn ahead, shown in ${Date.now() - t0} ms`);
      notify();
    } catch {
      rasteriser.close(key);
    }
  };
  const run = async () => {
    while (queue && !closed) {
      const job = queue;
      queue = undefined;
      building = true;
      notify();
      if (job.restart) {
        child?.kill();
        await spawn();
        for (const id of docs.keys()) renewed.add(id);
      }
      const problems: string[] = [];
      const ids = [...job.ids];
      for (const [k, id] of ids.entries()) {
        // A newer change comes first: what this job had left joins it, after its own documents.
        const newer = peek();
        if (newer) {
          newer.ids = new Set([...newer.ids, ...ids.slice(k)]);
          break;
        }
        const t0 = Date.now();
        const r = await request([id], 'screen', job.view ? viewed.get(id) : undefined);
        // The rasterising thread reads each page's text and fingerprint (a failure there is reported as a build's).
        const unread = r.ok && r.docs ? await Promise.all(r.docs.map(publish)).then(() => undefined, (e: Error) => `the preview could not read the PDF: ${e.message}`) : undefined;
        if (r.ok && r.docs && !unread) {
          log(`${id}: rebuilt in ${Date.now() - t0} ms`);
        } else {
          problems.push(unread ?? r.error ?? 'build failed');
          break; // one report: the content error is the same for every document
        }
        error = undefined;
        notify();
      }
      error = problems[0];
      if (error) log(`error: ${inTerminal(error)}`);
      building = false;
      notify();
    }
    running = undefined;
  };
  const schedule = (ids: string[], restart: boolean, view = false) => {
    if (closed || (ids.length === 0 && !restart)) return;
    queue = queue ? { ids: new Set([...queue.ids, ...ids]), restart: queue.restart || restart, view: queue.view || view } : { ids: new Set(ids), restart, view };
    if (!running) running = run();
  };

  await spawn();
  schedule(['affiche', 'flyer', 'programme', 'dossier-de-presse'], false);
  const ready = (async () => {
    while (running || siteComing) await (running ?? siteComing?.promise);
  })();

  // --- watching ------------------------------------------------------------------------
  // The theme: themes/ (the project's and encre's) and the theme's own files when given by path (outside the project too).
  const themeFiles = themeFilesOf(opts.root, opts.theme ?? DEFAULT_THEME);
  const watched = [opts.content, 'layouts', 'assets', 'themes', path.relative(opts.root, path.join(TOOL_ROOT, 'layouts')), path.relative(opts.root, path.join(TOOL_ROOT, 'themes')), ...themeFiles].map((p) => path.resolve(opts.root, p));
  // inotify events straight away (no atomic-save or write-finish delays); a save that touches
  // several files within 25 ms is one rebuild.
  // Not the folders no document reads: dependencies, version control, and the campaign's out/ (encre build writes there).
  const outDir = path.resolve(opts.root, opts.content, 'out');
  const ignored = (p: string) => /[\\/](node_modules|\.git)([\\/]|$)/.test(p) || p === outDir || p.startsWith(outDir + path.sep);
  const watcher = chokidar.watch([...new Set(watched)], { ignoreInitial: true, atomic: false, ignored });
  let burst: { ids: Set<string>; restart: boolean; view: boolean } | undefined;
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, file) => {
    const fromTool = path.relative(TOOL_ROOT, file).startsWith('layouts');
    const t = themeFiles.includes(path.resolve(file)) ? { ids: documents.map((d) => d.id), restart: false } : touchedDocuments(file, fromTool || path.relative(TOOL_ROOT, file).startsWith('themes') ? TOOL_ROOT : opts.root, opts.content);
    log(`changed ${path.relative(opts.root, file)} → ${t.ids.join(', ') || 'nothing'}${t.restart ? ' (reloading layouts)' : ''}`);
    // An event's edit draws its own page ahead; any other change, the pages in view.
    const view = path.relative(path.resolve(opts.root, opts.content), path.resolve(opts.root, file)).split(path.sep)[0] !== 'events';
    burst = { ids: new Set([...(burst?.ids ?? []), ...t.ids]), restart: Boolean(burst?.restart || t.restart), view: Boolean(burst?.view || view) };
    clearTimeout(timer);
    timer = setTimeout(() => {
      const b = burst!;
      burst = undefined;
      schedule([...b.ids], b.restart, b.view);
    }, 25);
  });

  // The printer profile's total ink limit, for the total ink view (the preview's print files are the offset profile's).
  let limit: Promise<number> | undefined;
  const inkLimit = () => (limit ??= loadPrinter('offset').then((p) => p.inkLimit));

  // --- HTTP ----------------------------------------------------------------------------
  const server = http.createServer(async (req, res) => {
    try {
      const target = req.url ?? '/';
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed: the preview only answers GET and HEAD', { Allow: 'GET, HEAD' });
      if (target.length > MAX_URL_LENGTH) return send(res, 414, 'text/plain', `URI too long (more than ${MAX_URL_LENGTH} characters)`);
      if (!target.startsWith('/')) return send(res, 400, 'text/plain', 'bad request target');
      if (isLoopback(host) && req.headers.host !== undefined && !isLoopback(hostName(req.headers.host))) return send(res, 403, 'text/plain', 'forbidden: this preview answers only to 127.0.0.1 and localhost');
      const rawPath = target.split(/[?#]/)[0]!;
      let decoded: string;
      try {
        decoded = decodeURIComponent(rawPath);
      } catch {
        return send(res, 400, 'text/plain', 'bad request: malformed percent-encoding in the URL');
      }
      // The routes below map to no file, but a ".." (in any encoding) is refused outright.
      if (/(^|[\\/])\.\.([\\/]|$)/.test(decoded) || decoded.includes('\0') || decoded.includes('\\')) return send(res, 400, 'text/plain', 'bad request: ".." and "\\" are not allowed in paths');
      const url = new URL(target, 'http://localhost');
      if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', previewHtml(campaignTitle(path.resolve(opts.root, opts.content))));
      if (url.pathname === '/state') {
        const order = documents.map((d) => d.id).filter((id) => docs.has(id));
        const state = { building, error, docs: order.map((id) => { const d = docs.get(id)!; return { id, version: d.version, pageVersions: d.pageSet.versions, pages: d.pages, texts: d.texts, proof: d.proof, printProblems: d.printProblems }; }) };
        return send(res, 200, 'application/json', JSON.stringify(state));
      }
      if (url.pathname === '/events') {
        if (req.method === 'HEAD' || closed) return send(res, 200, 'text/event-stream', '');
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write('retry: 500\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (url.pathname === '/site') return send(res, 302, 'text/plain', 'see /site/', { Location: '/site/' });
      if (url.pathname.startsWith('/site/')) {
        // The site being made after the programme just published: served once it is made.
        await siteComing?.promise;
        const rel = decodeURIComponent(url.pathname.slice('/site/'.length));
        const file = site.get(rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
        if (file === undefined) return send(res, 404, 'text/plain', site.size ? 'not found' : 'no site: add site: { baseUrl: https://… } to campaign.yaml (the site is made with the programme)');
        return send(res, 200, SITE_TYPES[path.extname(rel || 'index.html')] ?? 'application/octet-stream', typeof file === 'string' ? file : Buffer.from(file), { 'Content-Security-Policy': SITE_CSP });
      }
      const m = /^\/page\/([a-z-]+)\/(\d{1,4})\.png$/.exec(url.pathname);
      const doc = m ? docs.get(m[1]!) : undefined;
      const n = m ? Number(m[2]) : 0;
      if (!doc || n < 1 || n > doc.pages) return send(res, 404, 'text/plain', 'not found');
      // ?dpi=N: the resolution (fit to the window, real size); ?plate=c|m|y|k|ink: an ink plate of the print file.
      const asked = url.searchParams.get('dpi');
      const at = asked === null ? dpi : Number(asked);
      if (!Number.isInteger(at) || at < PREVIEW_DPI.min || at > PREVIEW_DPI.max) return send(res, 400, 'text/plain', `dpi must be a whole number from ${PREVIEW_DPI.min} to ${PREVIEW_DPI.max}`);
      const plate = url.searchParams.get('plate');
      if (plate !== null) {
        if (!(PLATE_VIEWS as readonly string[]).includes(plate)) return send(res, 400, 'text/plain', `plate must be one of ${PLATE_VIEWS.join(', ')}`);
        doc.print ??= request([doc.id], 'print').then((r) => {
          if (!r.ok || !r.docs?.[0]) throw new Error(r.error ?? 'the print file could not be made');
          const p = r.docs[0].proof;
          // Its preflight (ink over the profile's limit, resolution): listed beside the pages.
          doc.printProblems = p ? [...p.errors.map((e) => `print file: ${e}`), ...p.warnings.map((w) => `print file: ${w}`)] : [];
          if (doc.printProblems.length > 0) notify();
          return r.docs[0].pdf;
        });
        doc.print.catch(() => (doc.print = undefined)); // tried again on the next request
        const key = `${n}:${at}:${plate}`;
        let made = doc.plates.get(key);
        if (!made) {
          made = Promise.all([doc.print, inkLimit()]).then(([pdf, limit]) => platePng(pdf, n, at, plate as PlateView, limit));
          made.catch(() => doc.plates.delete(key));
          doc.plates.set(key, made);
        }
        return send(res, 200, 'image/png', await made);
      }
      // This page alone, rendered on its thread and encoded on first request, then kept.
      inView(doc.id, n);
      const ahead = doc.ahead?.get(n);
      return send(res, 200, 'image/png', await doc.pageSet.image(n, at, () => (ahead ? rasteriser.render(ahead, 1, at) : rasteriser.render(doc.key, n, at)).then(pagePng)));
    } catch (e) {
      return send(res, 500, 'text/plain', `error: ${(e as Error).message}`);
    }
  });
  // Requests Node's parser refuses (a bad request line or header, headers over 16 KiB) get
  // an answer, then the connection is closed; nothing reaches the handler above.
  server.on('clientError', (e: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || e.code === 'ECONNRESET') return void socket.destroy();
    const status = e.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    // What the client is still sending is read and dropped for a moment, so that closing does
    // not reset the connection before it has read the answer.
    socket.resume();
    setTimeout(() => socket.destroy(), 1000).unref();
  });
  const stop = async () => {
    closed = true;
    clearTimeout(timer);
    await watcher.close();
    for (const c of clients) c.end();
    clients.clear();
    await Promise.all([stopChild(child), rasteriser.stop()]);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await stop();
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${opts.port} is already in use` : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' ? `"${host}" is not an interface of this machine` : code === 'EACCES' ? `port ${opts.port} needs administrator rights` : (code ?? (e as Error).message);
    throw new UsageError(`cannot start the preview on ${host}:${opts.port}: ${why}; choose another with --port N${code === 'EADDRINUSE' ? '' : ' or --host ADDRESS'}`);
  }
  const address = server.address() as { address: string; port: number };
  if (!isLoopback(host)) {
    warn(`encre dev: WARNING: listening on ${host}: the preview (the campaign's unpublished content) is reachable from other machines on the network. Without --host it stays on this computer (127.0.0.1).`);
  }
  const shown = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    ready,
    close: async () => {
      if (closed && !server.listening) return;
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
      server.closeAllConnections();
      await closing;
    },
  };
}

/** Content types of the site's files, by extension (a folder's address serves its index.html). */
const SITE_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.otf': 'font/otf',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The host name of a Host header, without its port ("[::1]:4321" → "::1"); "" when absent. */
function hostName(header: string | undefined): string {
  if (!header) return '';
  const m = /^\[([^\]]*)\](?::\d*)?$/.exec(header) ?? /^([^:]*)(?::\d*)?$/.exec(header);
  return m?.[1] ?? header;
}

/** Stops the build process: SIGTERM, then SIGKILL if it is still there after 3 s; resolves once it has exited. */
async function stopChild(c: ChildProcess | undefined): Promise<void> {
  if (!c || c.exitCode !== null || c.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
  c.kill('SIGTERM');
  const timer = setTimeout(() => c.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}
