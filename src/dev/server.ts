import http from 'node:http';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import chokidar from 'chokidar';
import { rasterise, toPng } from '../preview/raster.js';
import { previewHtml } from './page.js';
import type { BuildRequest, PreviewDoc } from './builder.js';
import { documents } from '../documents/registry.js';
import { TOOL_ROOT } from '../paths.js';

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
  log?: (line: string) => void;
}

/** A running preview server. */
export interface DevServer {
  url: string;
  /** Resolves once every document has been built once (or failed). */
  ready: Promise<void>;
  close(): Promise<void>;
}

interface DocState {
  id: string;
  version: number;
  pages: number;
  pdf: Uint8Array;
  texts: string[];
  /** Page images of this version, rendered once on first request. */
  png?: Promise<Buffer[]>;
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
  if (rel.startsWith('assets/logos/') || /\/assets\//.test(rel)) return { ids: ['affiche', 'programme', 'dossier-de-presse'], restart: false };
  if (rel.startsWith('assets/fonts/')) return { ids: all, restart: true };
  const base = `${content.replace(/\/$/, '')}/`;
  // An event shows first in the programme; the campaign file first on the affiche.
  if (rel.startsWith(`${base}events/`)) return { ids: ['programme', 'affiche', 'flyer', 'dossier-de-presse'], restart: false };
  if (rel.startsWith(base)) return { ids: ['affiche', 'flyer', 'programme', 'dossier-de-presse'], restart: false };
  return { ids: [], restart: false };
}

/**
 * Starts the preview server (`encre dev`): builds the screen files in a child process, serves
 * every page as an image on an HTML page that refreshes itself (server-sent events), watches
 * the content, layouts, themes and assets, and rebuilds only what a change touches. A
 * content error shows in the page with its file:line; the server keeps running.
 * Serves only its own routes: /, /state, /events, /page/<document>/<n>.png.
 */
export async function startDevServer(opts: DevOptions): Promise<DevServer> {
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const dpi = opts.dpi ?? 60;
  const docs = new Map<string, DocState>();
  let error: string | undefined;
  let building = false;
  const clients = new Set<http.ServerResponse>();
  const notify = () => {
    for (const c of clients) c.write(`data: ${Date.now()}\n\n`);
  };

  // --- the build process -------------------------------------------------------------
  let child: ChildProcess | undefined;
  let nextId = 1;
  const pending = new Map<number, (r: { ok: boolean; docs?: PreviewDoc[]; error?: string }) => void>();
  const spawn = () =>
    new Promise<void>((resolve) => {
      const builder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'builder.ts');
      const c = fork(builder, [], { cwd: opts.root, execArgv: ['--import', 'tsx'], serialization: 'advanced', env: { ...process.env, TSX_TSCONFIG_PATH: path.join(TOOL_ROOT, 'tsconfig.json') } });
      c.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; docs?: PreviewDoc[]; error?: string }) => {
        if (m.ready) return resolve();
        const done = m.id !== undefined ? pending.get(m.id) : undefined;
        if (done && m.id !== undefined) {
          pending.delete(m.id);
          done({ ok: Boolean(m.ok), docs: m.docs, error: m.error });
        }
      });
      c.on('exit', () => {
        for (const [id, done] of pending) {
          pending.delete(id);
          done({ ok: false, error: 'the build process stopped' });
        }
      });
      child = c;
    });
  const request = (ids: string[]) =>
    new Promise<{ ok: boolean; docs?: PreviewDoc[]; error?: string }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const req: BuildRequest = { root: opts.root, content: opts.content, documents: ids, theme: opts.theme, format: opts.format };
      child!.send({ id, request: req });
    });

  // --- rebuilds, one at a time, each document published as soon as it is built ----------
  let queue: { ids: Set<string>; restart: boolean } | undefined;
  let running: Promise<void> | undefined;
  const peek = () => queue;
  const publish = async (d: PreviewDoc) => {
    const prev = docs.get(d.id);
    docs.set(d.id, { id: d.id, version: (prev?.version ?? 0) + 1, pages: d.pages, pdf: d.pdf, texts: await pageTexts(d.pdf) });
  };
  const run = async () => {
    while (queue) {
      const job = queue;
      queue = undefined;
      building = true;
      notify();
      if (job.restart) {
        child?.kill();
        await spawn();
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
        const r = await request([id]);
        if (r.ok && r.docs) {
          for (const d of r.docs) await publish(d);
          log(`${id}: rebuilt in ${Date.now() - t0} ms`);
        } else {
          problems.push(r.error ?? 'build failed');
          break; // one report: the content error is the same for every document
        }
        error = undefined;
        notify();
      }
      error = problems[0];
      if (error) log(`error: ${error.split('\n')[0]}`);
      building = false;
      notify();
    }
    running = undefined;
  };
  const schedule = (ids: string[], restart: boolean) => {
    if (ids.length === 0 && !restart) return;
    queue = queue ? { ids: new Set([...queue.ids, ...ids]), restart: queue.restart || restart } : { ids: new Set(ids), restart };
    if (!running) running = run();
  };

  await spawn();
  schedule(['affiche', 'flyer', 'programme', 'dossier-de-presse'], false);
  const ready = (async () => {
    while (running) await running;
  })();

  // --- watching ------------------------------------------------------------------------
  const watched = [opts.content, 'layouts', 'assets', path.relative(opts.root, path.join(TOOL_ROOT, 'layouts'))].map((p) => path.resolve(opts.root, p));
  // inotify events straight away (no atomic-save or write-finish delays); a save that touches
  // several files within 25 ms is one rebuild.
  const watcher = chokidar.watch([...new Set(watched)], { ignoreInitial: true, atomic: false });
  let burst: { ids: Set<string>; restart: boolean } | undefined;
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, file) => {
    const fromTool = path.relative(TOOL_ROOT, file).startsWith('layouts');
    const t = touchedDocuments(file, fromTool ? TOOL_ROOT : opts.root, opts.content);
    log(`changed ${path.relative(opts.root, file)} → ${t.ids.join(', ') || 'nothing'}${t.restart ? ' (reloading layouts)' : ''}`);
    burst = { ids: new Set([...(burst?.ids ?? []), ...t.ids]), restart: Boolean(burst?.restart || t.restart) };
    clearTimeout(timer);
    timer = setTimeout(() => {
      const b = burst!;
      burst = undefined;
      schedule([...b.ids], b.restart);
    }, 25);
  });

  // --- HTTP ----------------------------------------------------------------------------
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', previewHtml(`encre — ${opts.content}`));
      if (url.pathname === '/state') {
        const order = documents.map((d) => d.id).filter((id) => docs.has(id));
        const state = { building, error, docs: order.map((id) => { const d = docs.get(id)!; return { id, version: d.version, pages: d.pages, texts: d.texts }; }) };
        return send(res, 200, 'application/json', JSON.stringify(state));
      }
      if (url.pathname === '/events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write('retry: 500\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      const m = /^\/page\/([a-z-]+)\/(\d{1,4})\.png$/.exec(url.pathname);
      const doc = m ? docs.get(m[1]!) : undefined;
      const n = m ? Number(m[2]) : 0;
      if (!doc || n < 1 || n > doc.pages) return send(res, 404, 'text/plain', 'not found');
      doc.png ??= rasterise(doc.pdf, dpi).then((pages) => Promise.all(pages.map((p) => toPng(p))));
      const png = (await doc.png)[n - 1]!;
      return send(res, 200, 'image/png', png);
    } catch (e) {
      return send(res, 500, 'text/plain', `error: ${(e as Error).message}`);
    }
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const address = server.address() as { address: string; port: number };
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') log(`warning: the preview is reachable from other machines on ${host}`);
  return {
    url: `http://${address.address}:${address.port}/`,
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
      for (const c of clients) c.end();
      child?.kill();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

/** The text of each page (for the images' alt text: searchable, and checked by the tests). */
async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const mupdf = await import('mupdf');
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const out: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) out.push(doc.loadPage(i).toStructuredText('preserve-whitespace').asText().replace(/\s+/g, ' ').trim());
  return out;
}
