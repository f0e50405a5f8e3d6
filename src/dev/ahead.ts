import type { EventView } from '../derive/model.js';
import type { PagesAhead } from '../build/job.js';
import { hashOf } from '../cache/hash.js';

/** A page drawn ahead of its document: page `page` (0-based) of `doc`'s screen file, alone in `pdf` (not post-processed). */
export interface PageAhead {
  doc: string;
  page: number;
  pdf: Uint8Array;
}

/** Pages drawn ahead in one build, at most: a bulk edit (a file of events replaced) shows with its whole file. */
export const AHEAD_PAGES = 4;

/**
 * The live preview's pages drawn ahead (issue 16: « the page image of the changed page
 * first »): in the warm build process, as soon as a page of the programme is planned, it is
 * drawn on its own and sent to the server, which shows it while the whole file is still
 * being made (at 400 events, about a quarter of a second after the save instead of a
 * second); the file that follows replaces it. The pages drawn:
 * - a page holding an event that the document's last build did not have as it is now (an
 *   edited event, by its digest; a document's first build has none);
 * - the pages in view (asked for last in the browser), when the server gives them: for a
 *   change that is not an event's (a theme value, the campaign, a layout).
 * At most {@link AHEAD_PAGES}.
 */
export class PagesDrawnAhead {
  /** Each document's events at its last build (their digests). */
  private readonly built = new Map<string, Set<string>>();

  /**
   * The offer for one build (BuildOptions.ahead), sending each page drawn with `send` (which
   * resolves once the page is handed over), and `built()`, to call when the build has
   * succeeded: its events become those the next build is compared with.
   * @param inView pages (from 1) to draw ahead whatever they hold.
   */
  forBuild(send: (page: PageAhead) => Promise<void>, inView: readonly number[] = []): PagesAhead & { built(): void } {
    const seen = new Map<string, Set<string>>();
    const sent = new Set<string>();
    return {
      // Every file's events, drawn or taken from the build cache (whose files draw no page).
      events: (doc: string, events: readonly EventView[]) => void seen.set(doc, new Set(events.map((e) => hashOf(e)))),
      offer: async (doc: string, page: number, events: readonly EventView[], draw: () => Promise<Uint8Array>) => {
        if (sent.size >= AHEAD_PAGES || sent.has(`${doc}:${page}`)) return;
        const before = this.built.get(doc);
        const edited = before !== undefined && events.some((e) => !before.has(hashOf(e)));
        if (!edited && !inView.includes(page + 1)) return;
        sent.add(`${doc}:${page}`);
        await send({ doc, page, pdf: await draw() });
      },
      built: () => {
        for (const [doc, events] of seen) this.built.set(doc, events);
      },
    };
  }
}
