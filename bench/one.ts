/**
 * One measurement, in its own process (bench/run.ts starts it):
 *
 *   node --import tsx bench/one.ts encre CONTENT OUT DOCUMENTS OUTPUTS
 *   node --import tsx bench/one.ts typst CONTENT OUT.pdf
 *   node --import tsx bench/one.ts chromium|pagedjs|weasyprint CONTENT OUT.pdf
 *
 * CONTENT and OUT are relative to the project root; DOCUMENTS is "programme" or "all",
 * OUTPUTS "screen" or "print,screen". Prints one JSON line on stdout: { ok, wallS, pages,
 * maxRssKb, … } (or { ok: false, error }), peak RSS read at the very end of the process.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledIsFresh } from '../src/paths.js';
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { typesetWithTypst } from './typst.js';
import { typesetWithHtml } from './html.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DATE_EPOCH = '1476748800';

const [engine, content, out, documents, outputs] = process.argv.slice(2);
if (!engine || !content || !out) throw new Error('usage: one.ts encre|typst CONTENT OUT [DOCUMENTS OUTPUTS]');

/** "395 events in 13 départements (…)": the first line build() logs. */
let counted: { events?: number; sections?: number } = {};
const log = (line: string) => {
  const m = /^(\d+) events in (\d+) /.exec(line);
  if (m) counted = { events: Number(m[1]), sections: Number(m[2]) };
};

// encre as `npm start` runs it: compiled (dist/, made by npm ci), from the sources only when
// they are newer (bin/encre.js decides the same way), with React's production build (as
// bin/encre.js sets it); loaded before the clock starts (the whole process's time is the
// parent's `proc`).
process.env.NODE_ENV ??= 'production';
const { build } = engine === 'encre' ? ((await import(compiledIsFresh() ? '../dist/src/build.js' : '../src/build.js')) as typeof import('../src/build.js')) : { build: undefined };

const t0 = performance.now();
let figures: Record<string, unknown>;
try {
  if (engine === 'encre' && build) {
    const built = await build({
      root: ROOT,
      content,
      out,
      documents: documents === 'all' || !documents ? [] : documents.split(','),
      outputs: (outputs ?? 'screen').split(',') as ('print' | 'screen')[],
      sourceDateEpoch: SOURCE_DATE_EPOCH,
      // Cold builds: the build cache would give back the file of the previous round.
      cache: false,
      log,
    });
    const screen = built.filter((b) => b.output === 'screen');
    figures = {
      ok: true,
      wallS: (performance.now() - t0) / 1000,
      ...counted,
      // Pages of one rendition (the screen files; the print files have the same pages).
      pages: (screen.length ? screen : built).reduce((n, b) => n + b.pages, 0),
      files: built.map((b) => ({ file: b.file, pages: b.pages, bytes: b.bytes })),
    };
  } else if (engine === 'typst') {
    const run = await typesetWithTypst(ROOT, content, path.resolve(ROOT, out), Number(SOURCE_DATE_EPOCH));
    figures = { ok: true, wallS: (performance.now() - t0) / 1000, ...run };
  } else if (engine === 'chromium' || engine === 'pagedjs' || engine === 'weasyprint') {
    const pdf = path.resolve(ROOT, out);
    const run = await typesetWithHtml(engine, ROOT, content, pdf, Number(SOURCE_DATE_EPOCH));
    const wallS = (performance.now() - t0) / 1000;
    // Pages counted after the clock stops; the browser's and WeasyPrint's own memory is not in maxRssKb (another process).
    const pages = (await PDFDocument.load(await readFile(pdf), { updateMetadata: false })).getPageCount();
    figures = { ok: true, wallS, ...run, pages, external: true };
  } else {
    throw new Error(`unknown engine "${engine}"`);
  }
} catch (e) {
  const err = e as Error;
  figures = { ok: false, wallS: (performance.now() - t0) / 1000, ...counted, error: `${err.name}: ${err.message}`.slice(0, 4000) };
}
process.stdout.write(`${JSON.stringify({ ...figures, maxRssKb: process.resourceUsage().maxRSS })}\n`);
