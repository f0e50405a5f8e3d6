/**
 * The live preview's save-to-image times: `npm run bench:dev [-- --sizes 75,395] [--rounds N] [--trace]`.
 *
 * For each size (bench/inputs.ts: 75 the sample content/, 395 the festivals of Occitanie,
 * 382 events once imported), copies the content into bench/.work/dev-XXXXXX/content with a
 * theme of its own (themes/bench.yaml: the default with its `ink` colour set, chosen by
 * campaign.yaml's `theme: bench`), starts the preview server in this process
 * (startDevServer, with an empty build cache of its own, ENCRE_CACHE_DIR), opens it in
 * headless Chromium (playwright-core, tests/helpers/chromium.ts; a 1280×800 window, pages
 * fitted to it) and waits for the first full build. Then N rounds (`--rounds`, default 5),
 * each saving, from an idle server (/state: building false), one change after the other:
 * - affiche: campaign.yaml's tagline ("Accroche banc N") → the affiche's page showing it;
 * - event: one event's title ("Titre banc N", the first event of the middle events file) →
 *   the programme's page showing it;
 * - theme: themes/bench.yaml's `colours.ink` (its K, 31 % then one more each round; the
 *   covers' ground and the headings) → the programme's cover, page 1.
 * Every value is new (a build cache hit would not be a build).
 *
 * The signal, a page's image of the new build shown: the server gives each build of a
 * document a version, in the images' src (?v=N); the page sets an image's src and its alt
 * (that page's text, src/dev/page.ts) together when a build lands. So the bench polls the
 * page at each animation frame for the document's first img whose version is above the one
 * before the save and, for a text change, whose alt holds the new text (an unchanged text
 * would mean an older build); scrolls it into view if needed (the images load lazily), then
 * polls until it is loaded: complete, naturalWidth > 0, currentSrc its new src (an img
 * whose src changed keeps its old picture, not complete, until the new one has arrived).
 * The page shown before each save is the one to change, loaded at the current version.
 * The times are taken in the page (performance.timeOrigin + now(), the epoch's ms) and by
 * Chromium's network timing, not when this process hears of them: this process is also the
 * server, whose event loop is blocked while it rasterises (MuPDF), which would delay them.
 *
 * The image may be of a page drawn ahead of its file (src/dev/ahead.ts: the edited event's
 * page, or the page in view after a theme change), shown before the whole file is built.
 * Each save-to-image time (seconds from the file saved, writeFileSync returned) comes with
 * its steps, also from the save: built — the server's "<document>: rebuilt" log line (the
 * watcher, its 25 ms grouping of saves, the build in the build process, the page texts read
 * from the PDF); in page — the img's new src in the page (server-sent event, /state,
 * render); image asked — the first request for an image of the new build; rasterised — its
 * first byte (the server rasterises that page at the page's resolution and PNG-encodes it
 * when it is asked for, src/dev/rasteriser.ts); all rebuilt — every document the change touches
 * rebuilt (the server idle again). `--trace` prints each round's server log and requests.
 * Prints a table and writes bench/results-dev.json. Targets are reported, never asserted:
 * not a test.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { startDevServer, type DevServer } from '../src/dev/server.js';
import { loadContent } from '../src/load/content.js';
import { fileEnv } from '../src/load/env.js';
import { launchChromium } from '../tests/helpers/chromium.js';
import { prepareInput, type Input } from './inputs.js';
import { fmt, machine, median, option, textTable } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The preview's build process as `encre dev` runs it (bin/encre.js): React's production
// build (the process is forked from this one, with its environment).
process.env.NODE_ENV ??= 'production';
/** Longest wait for a build or an image, ms: past it the bench stops with an error. */
const TIMEOUT = 180_000;
/** The browser's window, CSS pixels (device pixel ratio 1). */
const VIEWPORT = { width: 1280, height: 800 };

/** What a round changes. */
type What = 'affiche' | 'event' | 'theme';
const WHATS: What[] = ['affiche', 'event', 'theme'];
/** Issue 16's targets, seconds from save to image: reported beside the medians, never asserted. */
const TARGET_S: Record<What, number> = { affiche: 0.3, event: 0.5, theme: 1.5 };
const LABEL: Record<What, string> = { affiche: 'affiche (tagline)', event: 'one event of the programme (title)', theme: 'a theme value (colours.ink)' };
/** The document whose page is watched. */
const DOC: Record<What, string> = { affiche: 'affiche', event: 'programme', theme: 'programme' };

/** One save measured, seconds from the file saved. */
interface Round {
  round: number;
  /** To the changed page's image loaded in the browser: the save-to-image time. */
  totalS: number;
  /** To the watcher's "changed" log line. */
  seenS: number;
  /** To the document's "rebuilt" log line (the server holds the new build). */
  builtS: number;
  /** To the img's new src and alt in the page. */
  srcS: number;
  /** To the first request for an image of the new build (Chromium's network timing). */
  requestS: number;
  /** To that request's first byte: the server has rasterised the document's pages and PNG-encoded them. */
  rasterisedS: number;
  /** To every document the change touches rebuilt (the server idle). */
  allS: number;
  /** The page watched, and the version of the document's build it showed (?v=N). */
  page: number;
  version: number;
}

/** A request the page made, its times in ms since the epoch. */
interface Fetched {
  url: string;
  issued: number;
  firstByte: number;
}

/** What /state gives (src/dev/server.ts), as far as the bench reads it. */
interface State {
  building: boolean;
  error?: string;
  docs: { id: string; version: number; pages: number; texts: string[] }[];
}

/** A content folder being previewed: its files, the server and the page. */
interface Session {
  input: Input;
  events: number;
  dir: string;
  server: DevServer;
  page: Page;
  /** The server's log lines, with performance.now() when each came. */
  log: { t: number; line: string }[];
  /** The page's requests as Chromium timed them (ms since the epoch): issued, first byte. */
  requests: Fetched[];
  /** The events file whose first title the bench changes. */
  eventsFile: string;
}

/** The server's /state, asked from this process. */
async function state(s: Session): Promise<State> {
  return (await (await fetch(new URL('/state', s.server.url))).json()) as State;
}

/** Waits until the server is idle (twice, 100 ms apart: a save's 25 ms grouping is over); throws on a build error. */
async function idle(s: Session): Promise<State> {
  const t0 = performance.now();
  for (let calm = 0; calm < 2; ) {
    if (performance.now() - t0 > TIMEOUT) throw new Error('the preview server stayed busy');
    await sleep(100);
    calm = (await state(s)).building ? 0 : calm + 1;
  }
  const st = await state(s);
  if (st.error) throw new Error(`the preview shows an error: ${st.error}`);
  return st;
}

/** Scrolls page `n` of `doc` into view and waits for its image to be loaded. */
async function showPage(s: Session, doc: string, n: number): Promise<void> {
  await s.page.locator(`#p-${doc}-${n}`).scrollIntoViewIfNeeded({ timeout: TIMEOUT });
  await s.page.waitForFunction(loadedAt, `#p-${doc}-${n} img`, { polling: 'raf', timeout: TIMEOUT });
}

/** In the page: when the img of `selector` shows its src, loaded, the time (ms since the epoch); 0 until then. */
function loadedAt(selector: string): number {
  const img = document.querySelector<HTMLImageElement>(selector);
  return img?.getAttribute('src') && img.complete && img.naturalWidth > 0 && img.currentSrc === img.src ? performance.timeOrigin + performance.now() : 0;
}

/**
 * In the page: `doc`'s first img of a version above `v0` (whose alt holds `text`), scrolled
 * into view, as its page number, version and the time it was found (ms since the epoch);
 * null while there is none.
 */
function newImage({ doc, v0, text }: { doc: string; v0: number; text: string | null }): { page: number; version: number; at: number } | null {
  for (const img of document.querySelectorAll<HTMLImageElement>(`#doc-${doc} img`)) {
    const v = Number(/[?&]v=(\d+)/.exec(img.getAttribute('src') ?? '')?.[1] ?? 0);
    if (v <= v0 || (text !== null && !img.alt.includes(text))) continue;
    const at = performance.timeOrigin + performance.now();
    const box = img.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) img.scrollIntoView({ block: 'center' });
    return { page: Number(img.closest('figure')?.dataset.page ?? 0), version: v, at };
  }
  return null;
}

/** The new text of a file for round `r`, and the text the changed page then holds (none for the theme). */
function change(s: Session, what: What, r: number): { file: string; text: string | null } {
  const file = what === 'affiche' ? path.join(s.dir, 'campaign.yaml') : what === 'event' ? s.eventsFile : path.join(s.dir, 'themes/bench.yaml');
  const old = readFileSync(file, 'utf8');
  if (what === 'affiche') {
    writeFileSync(file, old.replace(/^tagline: .*$/m, `tagline: "Accroche banc ${r}"`));
    return { file, text: `Accroche banc ${r}` };
  }
  if (what === 'event') {
    writeFileSync(file, old.replace(/^(\s*(?:- )?title: ).*$/m, `$1"Titre banc ${r}"`));
    return { file, text: `Titre banc ${r}` };
  }
  writeFileSync(file, old.replace(/^  ink: .*$/m, inkLine(31 + ((r - 1) % 69))));
  return { file, text: null };
}

/** The bench theme's ink line: the default theme's plum with `k` % black, its screen colour computed. */
const inkLine = (k: number) => `  ink: { cmyk: [70, 100, 20, ${k}] }`;

/**
 * Saves round `r`'s change of `what` and measures it (the server idle before and after);
 * with `trace`, prints the server's log lines and the page's requests of the round.
 */
async function measure(s: Session, what: What, r: number, trace: boolean): Promise<Round> {
  const doc = DOC[what];
  const before = await idle(s);
  const shown = before.docs.find((d) => d.id === doc);
  if (!shown) throw new Error(`the preview has no ${doc}`);
  // The page to change, on screen and loaded: the event's page (its title of the last round), else page 1.
  const at = what === 'event' ? shown.texts.findIndex((t) => t.includes(`Titre banc ${r - 1}`)) + 1 : 1;
  if (at === 0) throw new Error(`no page of the programme shows "Titre banc ${r - 1}"`);
  await showPage(s, doc, at);
  const from = s.log.length;
  const { text } = change(s, what, r);
  const t0 = performance.now();
  // The times on the epoch's clock (the browser's and Chromium's network times are the epoch's).
  const epoch0 = performance.timeOrigin + t0;
  const sinceSave = (epochMs: number) => (epochMs - epoch0) / 1000;
  const found = (await (await s.page.waitForFunction(newImage, { doc, v0: shown.version, text }, { polling: 'raf', timeout: TIMEOUT })).jsonValue()) as { page: number; version: number; at: number };
  const shownAt = (await (await s.page.waitForFunction(loadedAt, `#p-${doc}-${found.page} img`, { polling: 'raf', timeout: TIMEOUT })).jsonValue()) as number;
  await idle(s);
  const since = s.log.slice(from).map((l) => ({ s: (l.t - t0) / 1000, line: l.line }));
  const logged = (re: RegExp) => since.find((l) => re.test(l.line))?.s ?? NaN;
  const pngs = s.requests.filter((q) => q.issued >= epoch0 && q.url.includes(`/page/${doc}/`) && Number(/[?&]v=(\d+)/.exec(q.url)?.[1]) > shown.version);
  if (trace) {
    for (const l of since) console.log(`    ${fmt(l.s)} s server: ${l.line}`);
    for (const q of s.requests.filter((x) => x.issued >= epoch0)) console.log(`    ${fmt(sinceSave(q.issued))} s asked, ${fmt(sinceSave(q.firstByte))} s first byte: ${new URL(q.url).pathname}${new URL(q.url).search}`);
  }
  return {
    round: r,
    totalS: sinceSave(shownAt),
    seenS: logged(/^changed /),
    builtS: logged(new RegExp(`^${doc}: rebuilt in `)),
    srcS: sinceSave(found.at),
    requestS: sinceSave(Math.min(...pngs.map((q) => q.issued))),
    rasterisedS: sinceSave(Math.min(...pngs.map((q) => q.firstByte))),
    allS: since.filter((l) => / rebuilt in /.test(l.line)).at(-1)?.s ?? NaN,
    page: found.page,
    version: found.version,
  };
}

/** Copies the input into bench/.work/dev-XXXXXX/content with the bench's theme and event title, starts the server and opens the page. */
async function open(input: Input, browser: Browser): Promise<Session & { work: string }> {
  mkdirSync(path.join(ROOT, 'bench/.work'), { recursive: true });
  const work = mkdtempSync(path.join(ROOT, 'bench/.work/dev-'));
  const dir = path.join(work, 'content');
  // Not the campaign's out/ (encre build writes there).
  cpSync(path.join(ROOT, input.content), dir, { recursive: true, filter: (f) => path.relative(path.join(ROOT, input.content), f) !== 'out' });
  mkdirSync(path.join(dir, 'themes'), { recursive: true });
  writeFileSync(path.join(dir, 'themes/bench.yaml'), `# bench/dev.ts's theme: the default, its ink changed each round.\nextends: languedoc-roussillon\ncolours:\n${inkLine(30)}\n`);
  const campaign = path.join(dir, 'campaign.yaml');
  const yaml = readFileSync(campaign, 'utf8');
  writeFileSync(campaign, /^theme: .*$/m.test(yaml) ? yaml.replace(/^theme: .*$/m, 'theme: bench') : `${yaml.trimEnd()}\ntheme: bench\n`);
  const files = readdirSync(path.join(dir, 'events')).filter((f) => /\.ya?ml$/.test(f)).sort();
  const eventsFile = path.join(dir, 'events', files[Math.floor(files.length / 2)]!);
  writeFileSync(eventsFile, readFileSync(eventsFile, 'utf8').replace(/^(\s*(?:- )?title: ).*$/m, '$1"Titre banc 0"'));
  const content = path.relative(ROOT, dir);
  const events = (await loadContent(fileEnv(ROOT, undefined), content)).events.length;

  const log: Session['log'] = [];
  // The build process is forked with this process's environment: its cache starts empty.
  process.env.ENCRE_CACHE_DIR = path.join(work, 'cache');
  const server = await startDevServer({ root: ROOT, content, port: 0, log: (line) => log.push({ t: performance.now(), line }) });
  const page = await browser.newPage({ viewport: VIEWPORT });
  const requests: Fetched[] = [];
  page.on('requestfinished', (req) => {
    const t = req.timing();
    requests.push({ url: req.url(), issued: t.startTime, firstByte: t.startTime + t.responseStart });
  });
  const s = { input, events, dir, server, page, log, requests, eventsFile, work };
  try {
    await server.ready;
    await page.goto(server.url);
    const first = await idle(s);
    for (const d of first.docs) await page.waitForSelector(`#doc-${d.id} figure[data-page="${d.pages}"] img`, { state: 'attached', timeout: TIMEOUT });
    return s;
  } catch (e) {
    await close(s);
    throw e;
  }
}

/** Closes the page and the server (its build process with it) and removes the session's folder. */
async function close(s: Session & { work: string }): Promise<void> {
  await s.page.close();
  await s.server.close();
  rmSync(s.work, { recursive: true, force: true });
}

function args(argv: string[]): { sizes: string[]; rounds: number; trace: boolean } {
  const rounds = Number(option(argv, '--rounds') ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: a whole number, 1 or more');
  return { sizes: (option(argv, '--sizes') ?? '75,395').split(',').map((x) => x.trim()).filter(Boolean), rounds, trace: argv.includes('--trace') };
}

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  const loadBefore = os.loadavg();
  console.log(`encre bench:dev — sizes ${opts.sizes.join(', ')}, ${opts.rounds} rounds; ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}`);
  const results: { what: What; label: string; size: string; input: string; events: number; document: string; targetS: number; medianS: number; minS: number; maxS: number; medians: Record<string, number>; rounds: Round[] }[] = [];
  const browser = await launchChromium();
  try {
    for (const size of opts.sizes) {
      const input = await prepareInput(ROOT, size);
      const s = await open(input, browser);
      try {
        console.log(`\n${input.label}: ${s.events} events, ${path.relative(ROOT, s.dir)}`);
        const rounds: Record<What, Round[]> = { affiche: [], event: [], theme: [] };
        for (let r = 1; r <= opts.rounds; r++) {
          for (const what of WHATS) {
            const m = await measure(s, what, r, opts.trace);
            rounds[what].push(m);
            console.log(`  round ${r} ${what}: ${fmt(m.totalS)} s (built ${fmt(m.builtS)}, in the page ${fmt(m.srcS)}, image asked ${fmt(m.requestS)}, rasterised ${fmt(m.rasterisedS)}; page ${m.page}, all rebuilt ${fmt(m.allS)})`);
          }
        }
        for (const what of WHATS) {
          const rs = rounds[what];
          const med = (k: keyof Round) => median(rs.map((m) => m[k] as number).filter(Number.isFinite));
          results.push({
            what, label: LABEL[what], size, input: input.label, events: s.events, document: DOC[what], targetS: TARGET_S[what],
            medianS: med('totalS'), minS: Math.min(...rs.map((m) => m.totalS)), maxS: Math.max(...rs.map((m) => m.totalS)),
            medians: Object.fromEntries((['seenS', 'builtS', 'srcS', 'requestS', 'rasterisedS', 'allS'] as const).map((k) => [k, med(k)])),
            rounds: rs,
          });
        }
      } finally {
        await close(s);
      }
    }
  } finally {
    await browser.close();
  }

  const header = ['what', 'events', 'median s', 'min–max s', 'target s', 'built', 'in page', 'image asked', 'rasterised', 'all rebuilt'];
  const rows = results.map((r) => [r.label, String(r.events), fmt(r.medianS), `${fmt(r.minS)}–${fmt(r.maxS)}`, `≤ ${r.targetS}`, ...(['builtS', 'srcS', 'requestS', 'rasterisedS', 'allS'] as const).map((k) => fmt(r.medians[k]))]);
  console.log(`\n${textTable(header, rows, 1)}`);
  console.log(`
median s: from the file saved to the changed page's image loaded in Chromium (min–max over ${opts.rounds} rounds). Then, medians
of the seconds from the save to: built, the server's build of that document (watcher, 25 ms grouping, build, page texts);
in page, the img's new src in the page (server-sent event, /state, render); image asked, the first request for an image
of the new build; rasterised, its first byte (that page rasterised at the page's resolution and PNG-encoded when
asked for); all rebuilt, every document the change touches rebuilt.`);
  const file = path.join(ROOT, 'bench', 'results-dev.json');
  await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), machine: machine(loadBefore), viewport: VIEWPORT, rounds: opts.rounds, results }, null, 2)}\n`);
  console.log(`\nload average (1 min) ${fmt(loadBefore[0])} before, ${fmt(os.loadavg()[0])} after, on ${os.availableParallelism()} cores: other work on the machine skews the times.`);
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

await main();
