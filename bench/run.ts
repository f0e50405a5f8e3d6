/**
 * encre's benchmark: `npm run bench [-- --sizes 75,395,3313,10000] [--rounds N]`.
 *
 * For each size, prepares the content (bench/inputs.ts), then times, each measurement in a
 * fresh child process (bench/one.ts), encre's programme (screen output) and its Typst peer
 * (bench/programme.typ) alternately — encre, Typst, encre, Typst… — plus, for the sample,
 * the full set (all four documents, print and screen). Prints a table and writes
 * bench/results.json (bench/results-partial.json when some sizes are left out, so that the
 * committed results stay those of every size). Not a test: nothing here asserts a time.
 */
import { spawn } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { prepareInput, type Input } from './inputs.js';
import { fmt, machine, median, option, textTable } from './stats.js';
import { CHROMIUM } from '../tests/helpers/chromium.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MINUTE = 60_000;

/** What a child process reported (bench/one.ts), with the parent's view of it. */
interface Measurement {
  ok: boolean;
  /** Wall seconds of the job inside the child (from content folder to PDF on disk). */
  wallS: number;
  /** Wall seconds of the whole child process, Node start-up and module loading included. */
  processS: number;
  pages?: number;
  events?: number;
  sections?: number;
  maxRssKb?: number;
  /** Typst only: preparing the data, and typesetting proper. */
  prepareS?: number;
  typesetS?: number;
  error?: string;
}

/** One encre job measured for a size, with its Typst peer when there is one. */
interface Row {
  input: Input;
  job: string;
  encre: Measurement[];
  typst: Measurement[];
  /** The HTML peers (bench/html.ts), by engine, when the machine has them. */
  peers: Record<string, Measurement[]>;
}

/** The HTML engines this machine has: Chromium (and Paged.js in it) from Debian's chromium, WeasyPrint from Debian's weasyprint. */
function htmlEngines(): string[] {
  const engines: string[] = [];
  if (existsSync(CHROMIUM)) engines.push('chromium', 'pagedjs');
  if (spawnSync('weasyprint', ['--version']).status === 0) engines.push('weasyprint');
  return engines;
}

/** Runs `node --import tsx bench/one.ts …args` and parses its JSON line; a crash or a timeout is a failed measurement. */
function measure(args: string[], timeoutMs: number): Promise<Measurement> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/one.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const processS = (performance.now() - t0) / 1000;
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve({ ...(JSON.parse(last) as Omit<Measurement, 'processS'>), processS });
      } catch {
        const why = signal === 'SIGKILL' && processS * 1000 >= timeoutMs ? `timed out after ${timeoutMs / MINUTE} min` : `exited with ${signal ?? `code ${code}`}`;
        resolve({ ok: false, wallS: processS, processS, error: `${why}: ${stderr.trim().split('\n').slice(-5).join(' | ')}` });
      }
    });
  });
}

/** Summary of a series of measurements: median wall, pages, peak RSS (the largest), failures. */
function summary(ms: Measurement[]) {
  const ok = ms.filter((m) => m.ok);
  const wallS = median(ok.map((m) => m.wallS));
  const events = ms.find((m) => m.events !== undefined)?.events;
  return {
    ok: ms.length > 0 && ok.length === ms.length,
    runs: ms.length,
    wallS,
    secondsPer1000Events: events ? (wallS / events) * 1000 : NaN,
    pages: ok[0]?.pages,
    events,
    peakRssMB: Math.max(...ms.map((m) => (m.maxRssKb ?? NaN) / 1024)),
    typesetS: median(ok.flatMap((m) => (m.typesetS === undefined ? [] : [m.typesetS]))),
    errors: [...new Set(ms.filter((m) => !m.ok).map((m) => m.error ?? 'failed'))],
  };
}

function args(argv: string[]): { sizes: string[]; rounds?: number } {
  const at = (name: string) => option(argv, name);
  const rounds = at('--rounds');
  return { sizes: (at('--sizes') ?? '75,395,3313,10000').split(',').map((s) => s.trim()).filter(Boolean), rounds: rounds ? Number(rounds) : undefined };
}

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  const cores = os.availableParallelism();
  const loadBefore = os.loadavg();
  console.log(`encre bench — sizes ${opts.sizes.join(', ')}; ${cores} cores (availableParallelism), ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}`);
  const rows: Row[] = [];
  for (const size of opts.sizes) {
    const input = await prepareInput(ROOT, size);
    const big = Number(size) >= 5000;
    const rounds = opts.rounds ?? (big ? 2 : 3);
    const timeout = (big ? 15 : 5) * MINUTE;
    const out = (job: string) => path.join('bench', '.work', 'out', `${input.size}-${job}`);
    const jobs: Row[] = [{ input, job: 'programme (screen)', encre: [], typst: [], peers: {} }];
    if (size === '75') jobs.push({ input, job: 'full set (4 documents, print + screen)', encre: [], typst: [], peers: {} });
    // WeasyPrint takes minutes past a few thousand events: the peers up to 3,313.
    const peers = Number(size) <= 3313 ? htmlEngines() : [];
    console.log(`\n${input.label}: ${input.content}${input.skipped !== undefined ? ` (${input.rowsRead} rows, ${input.skipped} skipped by the importer)` : ''}, ${rounds} rounds`);
    for (let r = 1; r <= rounds; r++) {
      for (const row of jobs) {
        // A failed encre build fails again the same way: time it once, keep timing Typst.
        if (row.encre.length === 0 || row.encre.every((m) => m.ok)) {
          const full = row.job.startsWith('full');
          const m = await measure(['encre', input.content, out(full ? 'full' : 'programme'), full ? 'all' : 'programme', full ? 'print,screen' : 'screen'], timeout);
          row.encre.push(m);
          console.log(`  round ${r} encre ${row.job}: ${m.ok ? `${fmt(m.wallS)} s, ${m.pages} pages` : `FAILED after ${fmt(m.wallS)} s — ${m.error?.split('\n').slice(0, 3).join(' / ')}`}, ${fmt((m.maxRssKb ?? NaN) / 1024, 0)} MB`);
        }
        if (row.job.startsWith('programme')) {
          const t = await measure(['typst', input.content, path.join(out('typst'), 'programme.pdf')], timeout);
          row.typst.push(t);
          console.log(`  round ${r} typst programme: ${t.ok ? `${fmt(t.wallS)} s (typesetting ${fmt(t.typesetS)} s), ${t.pages} pages` : `FAILED — ${t.error}`}, ${fmt((t.maxRssKb ?? NaN) / 1024, 0)} MB`);
          for (const engine of peers) {
            const m = await measure([engine, input.content, path.join(out(engine), 'programme.pdf')], timeout);
            (row.peers[engine] ??= []).push(m);
            console.log(`  round ${r} ${engine} programme: ${m.ok ? `${fmt(m.processS)} s whole process, ${m.pages} pages` : `FAILED — ${m.error}`}`);
          }
        }
      }
    }
    rows.push(...jobs);
  }

  const results = rows.map((row) => {
    const encre = summary(row.encre);
    const typst = row.typst.length ? summary(row.typst) : undefined;
    return {
      size: row.input.size,
      input: row.input,
      job: row.job,
      encre,
      typst,
      ratioEncreOverTypst: typst && encre.ok && typst.ok ? encre.wallS / typst.wallS : null,
      // Whole processes (Node start to the file on disk): encre's and each peer's.
      processS: {
        encre: median(row.encre.filter((m) => m.ok).map((m) => m.processS)),
        typst: row.typst.length ? median(row.typst.filter((m) => m.ok).map((m) => m.processS)) : undefined,
        ...Object.fromEntries(Object.entries(row.peers).map(([engine, ms]) => [engine, { seconds: median(ms.filter((m) => m.ok).map((m) => m.processS)), pages: ms.find((m) => m.ok)?.pages, errors: [...new Set(ms.filter((m) => !m.ok).map((m) => m.error ?? 'failed'))] }])),
      },
      // A failed preflight is found after the whole render: the time to failure bounds encre's time from below.
      ratioLowerBound:
        typst?.ok && !encre.ok && encre.errors.every((e) => e.startsWith('PreflightError')) ? median(row.encre.map((m) => m.wallS)) / typst.wallS : null,
      measurements: { encre: row.encre, typst: row.typst, ...row.peers },
    };
  });

  const header = ['input', 'job', 'events', 'pages', 'wall s', 'proc s', 's/1k ev', 'RSS MB', 'Typst s', 'Typst proc s', 'Typst p.', 'Typst MB', 'encre/Typst', 'Chromium proc s (p.)', 'Paged.js proc s (p.)', 'WeasyPrint proc s (p.)'];
  const peer = (r: (typeof results)[number], engine: string) => {
    const p = (r.processS as Record<string, { seconds: number; pages?: number } | number | undefined>)[engine];
    return p && typeof p === 'object' && Number.isFinite(p.seconds) ? `${fmt(p.seconds)} (${p.pages})` : '—';
  };
  const table = results.map((r) => [
    r.input.label,
    r.job,
    String(r.encre.events ?? r.typst?.events ?? '—'),
    r.encre.ok ? String(r.encre.pages) : 'FAILED',
    r.encre.ok ? fmt(r.encre.wallS) : `(${fmt(median(r.measurements.encre.map((m) => m.wallS)))})`,
    fmt(r.processS.encre),
    fmt(r.encre.secondsPer1000Events),
    fmt(r.encre.peakRssMB, 0),
    fmt(r.typst?.wallS),
    fmt(r.processS.typst),
    String(r.typst?.pages ?? '—'),
    fmt(r.typst?.peakRssMB, 0),
    r.ratioEncreOverTypst !== null ? `${fmt(r.ratioEncreOverTypst, 1)}×` : r.ratioLowerBound !== null ? `≥ ${fmt(r.ratioLowerBound, 1)}×` : '—',
    peer(r, 'chromium'),
    peer(r, 'pagedjs'),
    peer(r, 'weasyprint'),
  ]);
  console.log(`\n${textTable(header, table, 2)}`);
  console.log(`
wall s: median in-process time of the job, from the content folder to the PDF on disk (Node start-up excluded).
RSS MB: peak resident set of the child process (process.resourceUsage().maxRSS), largest of the rounds.
encre/Typst: median encre wall / median Typst wall, same content, alternate rounds. FAILED: encre's build threw (nothing
  written); (wall s) is then its time to failure and "≥ r×" the ratio of that time, a lower bound when the error is a
  preflight check (run after the whole render).
proc s: median whole-process time, Node start to the file on disk (encre through tsx here; bin/encre.js runs it compiled).
HTML peers (bench/html.ts: the same cards as one HTML page, A5, a two-column grid): Chromium's print to PDF and Paged.js
  in Chromium (playwright-core, Debian's chromium), WeasyPrint (Debian's weasyprint), whole processes, browser start
  included; (p.) their pages: Chromium pairs the cards in rows, so its page counts differ from Typst's columns.
Typst peer: bench/programme.typ, events pages only (no cover, édito, sommaire, index), always two columns, so page counts
  differ; its time includes loading the YAML and deriving the model with encre's own code. QR codes: drawn as SVG images
  from encre's own QR matrices — the Typst QR package (@preview/tiaoma) needs the network and is NOT used.`);
  for (const r of results) for (const e of r.encre.errors) console.log(`FAILED ${r.input.label} ${r.job}: ${e.split('\n').slice(0, 4).join('\n  ')}`);
  for (const r of results) if (r.input.skipped) console.log(`${r.input.label}: the importer skipped ${r.input.skipped} of ${r.input.rowsRead} rows (listed in the results file).`);

  // The committed results are those of every size: a run of some sizes writes beside them.
  const every = ['75', '395', '3313', '10000'].every((size) => opts.sizes.includes(size));
  const file = path.join(ROOT, 'bench', every ? 'results.json' : 'results-partial.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: machine(loadBefore),
        typst: { package: '@myriaddreamin/typst-ts-node-compiler@0.7.0', template: 'bench/programme.typ', qr: 'SVG images of encre QR matrices (no @preview/tiaoma: needs the network)' },
        sizes: opts.sizes,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nload average (1 min) ${fmt(loadBefore[0])} before, ${fmt(os.loadavg()[0])} after, on ${cores} cores: other work on the machine skews the times.`);
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

await main();
