/**
 * The preview server's build process: builds screen PDFs in memory on request (IPC), so that
 * the server can restart it to pick up edited layouts and themes (ES modules cannot be
 * reloaded in place) while content edits reuse the warm process.
 * Messages in: { id, request: BuildRequest }; out: first, for an edited event or the pages in view,
 * { id, ahead: PageAhead } (a page drawn ahead: ahead.ts), then { id, ok: true, docs, siteFollows } | { id, ok: false, error },
 * then with `siteFollows` { id, site } (or { id, siteError }): the campaign's website, made with the programme when
 * campaign.yaml has a site: block, sent after the programme (its pages are published first); { warmedUp: ms } when
 * a programme taken from the build cache has been laid out in the background (see warmUp).
 */
import { build } from '../build.js';
import { ContentError, PreflightError, ThemeError, UsageError, formatProblem } from '../model/errors.js';
import type { SiteFile } from '../site/index.js';
import type { Proof } from '../build/job.js';
import { PagesDrawnAhead } from './ahead.js';
import { rememberParsedFiles } from '../load/yaml.js';
import { rememberContentFacts } from '../preflight/pdf.js';
import { rememberCompressedStreams } from '../render/content-writes.js';
import { keepDrawnCards } from '../paginate/measure.js';

// After an edit, only the files that changed are parsed again, the pages whose content did
// not change are not compressed again, and the preflight reads again only those that did;
// the cards laid out to be drawn are kept (after a theme colour changed, they are the ones in it).
rememberParsedFiles();
rememberCompressedStreams();
rememberContentFacts();
keepDrawnCards();

/** What the server asks for. */
export interface BuildRequest {
  root: string;
  content: string;
  documents: string[];
  theme?: string;
  format?: string;
  /** Download remote logos (`encre dev --allow-network`). */
  allowNetwork?: boolean;
  /** The output to make: the screen files (default), or the print files (the ink plates). */
  output?: 'print' | 'screen';
  /** Pages in view (from 1), drawn ahead of the file: see ahead.ts. */
  inView?: number[];
}

/** A document built for the preview. */
export interface PreviewDoc {
  id: string;
  pages: number;
  pdf: Uint8Array;
  /** Its layout's problems and geometry (the build is a proof: problems do not fail it). */
  proof?: Proof;
}

/** The pages drawn ahead of the programme, from the events each document was last built with. */
const pagesAhead = new PagesDrawnAhead();

// One build at a time: a print file's exact-CMYK colour path is process-wide while it renders.
let queue: Promise<void> = Promise.resolve();
process.on('message', (msg: { id: number; request: BuildRequest }) => {
  queue = queue.then(() => handle(msg));
});

async function handle(msg: { id: number; request: BuildRequest }): Promise<void> {
  const { id, request } = msg;
  try {
    // In this process (threads: 0): its measurement and shaping caches stay warm between builds.
    // The campaign's site comes with the programme (when campaign.yaml has a site: block),
    // made once the programme is sent: its pages show first.
    let makeSite: (() => SiteFile[]) | undefined;
    const { output, inView, ...rest } = request;
    // An edited event's page is drawn on its own and sent first, while the whole file is made;
    // the build waits until the message is handed to the channel (what follows leaves the
    // event loop no turn to write the rest of it).
    const ahead = pagesAhead.forBuild((page) => new Promise<void>((resolve) => (process.send ? process.send({ id, ahead: page }, undefined, undefined, () => resolve()) : resolve())), inView);
    const built = await build({ ...rest, out: '.', outputs: [output ?? 'screen'], write: false, threads: 0, proof: true, site: output === 'print' ? 'off' : 'auto', onSite: (make) => (makeSite = make), ahead });
    ahead.built();
    const docs: PreviewDoc[] = built.map((b) => ({ id: b.id, pages: b.pages, pdf: b.pdf!, ...(b.proof ? { proof: b.proof } : {}) }));
    process.send?.({ id, ok: true, docs, siteFollows: makeSite !== undefined });
    // A programme taken from the build cache left nothing laid out in this process: it is
    // laid out once, next in the queue, so that the first edit finds its cards measured.
    if (!warmed && built.some((b) => b.id === 'programme' && b.cached)) {
      warmed = true;
      queue = queue.then(() => warmUp(rest));
    } else if (built.some((b) => b.id === 'programme' && !b.cached)) warmed = true;
    if (makeSite) {
      let site: SiteFile[] | undefined;
      try {
        site = makeSite();
      } catch (e) {
        process.send?.({ id, siteError: `internal error: ${(e as Error).stack ?? String(e)}` });
      }
      if (site) process.send?.({ id, site });
    }
  } catch (e) {
    const error =
      e instanceof ContentError
        ? e.problems.map(formatProblem).join('\n')
        : e instanceof ThemeError || e instanceof PreflightError || e instanceof UsageError
          ? e.message
          : `internal error: ${(e as Error).stack ?? String(e)}`;
    process.send?.({ id, ok: false, error });
  }
}
/** Whether this process has laid out the programme (built it, not taken it from the build cache). */
let warmed = false;

/**
 * Builds the programme's screen file without the build cache and throws the result away:
 * its cards measured and laid out in this process, an edit's rebuild then takes a fraction of
 * a second instead of seconds (the sample: 2.4 s for the first edit after a start from the
 * build cache). A request that comes meanwhile waits for it: it would have done the same work.
 */
async function warmUp(request: Omit<BuildRequest, 'output' | 'inView'>): Promise<void> {
  const t0 = performance.now();
  const ok = await build({ ...request, documents: ['programme'], out: '.', outputs: ['screen'], write: false, threads: 0, proof: true, site: 'off', cache: false }).then(
    () => true,
    () => false, // a build that fails says so when it is asked for
  );
  if (ok) process.send?.({ warmedUp: Math.round(performance.now() - t0) });
}

// The server went away (it stopped, or was killed): nothing left to build for.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
