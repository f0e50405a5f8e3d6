import type { ReactElement } from 'react';
import { Document, Page, View, Font } from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import { hashOf } from '../cache/hash.js';
import { mountDocument } from '../render/mount.js';
import { theme } from '../../layouts/theme.js';

/** react-pdf's layout step; its typings omit the font store argument it takes at runtime. */
const layout = layoutDocument as unknown as (root: unknown, fontStore: unknown) => Promise<unknown>;

/** Height of the measuring page, in pt: taller than any block may be (PDF's limit is 14,400 pt). */
const PROBE_HEIGHT = 14000;

import { overflowingLine, type LaidOutNode } from '../preflight/layout.js';

/** A measured block: its height in pt, and the first line of its text that overflows its frame, if any. */
export interface Measurement {
  height: number;
  overflow?: string;
}

/**
 * Measures blocks as react-pdf will lay them out: each block alone on a probe page of
 * `width` pt, laid out by react-pdf's own engine (fonts, hyphenation, line breaking), without
 * rendering a PDF. One layout pass over all blocks: the cost grows linearly with their number.
 * With `cached`, blocks measured before are taken from a cache, keyed by everything a
 * block's layout depends on: its component, every prop it is given, the width and the theme
 * in force ({@link blockKey}; the fonts' files are in the disk cache's key, src/build/job.ts).
 * The laid-out roots of the blocks measured last ({@link LAID_OUT_LIMIT}) are kept in memory
 * under the same keys, so that drawing the programme after its copyfit plans, and drawing
 * its other rendition (print, screen), take each card's text as it was laid out instead of
 * laying it out again (react-pdf lays a block out the same wherever it is measured; graft
 * copies the root it places: src/render/graft.ts).
 * Not re-entrant: react-pdf's renderer and font store are process-wide, and two measurements
 * run at once were seen to return wrong heights. Await each call before the next.
 * @param keep called with each block's laid-out root, which a page can then draw as it is
 *   (layouts/laid-out.ts), and its index: laid out here, or with `cached`, kept from an
 *   earlier measurement (a block measured before whose root is no longer kept is laid out
 *   again). Roots given to `keep` must not be changed: they may be given again.
 * @returns for each block, in the order given: its height in pt (margins included) and any
 *   text line wider than its frame (a word that cannot break at this width).
 */
export async function measureBlocks(blocks: ReactElement[], width: number, cached = false, keep?: (index: number, node: LaidOutNode) => void): Promise<Measurement[]> {
  // Blocks already measured (same key: same component, props, width and theme) are not laid
  // out again: a rebuild after one edited event measures one card.
  if (cached) {
    const { shape, colours } = themeKeys();
    const hashed = blocks.map((b) => blockKey(b, width, shape));
    // A laid-out root holds the colours it was set in: kept under its measurement's key and the theme's colours.
    const rooted = hashed.map((k) => `${k}:${colours}`);
    // The preview keeps the cards it draws (keepDrawnCards): those of the colours in force only.
    if (keepDrawn && colours !== keptColours) {
      keptRoots.clear();
      keptColours = colours;
    }
    const missing = blocks.flatMap((_, i) => (cache.has(hashed[i]!) && (!keep || keptRoots.has(rooted[i]!)) ? [] : [i]));
    if (missing.length > 0) {
      // Roots laid out to be drawn (`keep`) are not kept beyond (but in the preview:
      // keepDrawnCards): a long programme's pages are drawn as its cards are measured, and
      // memory holds only those of a few pages.
      const fresh = await measureBlocks(missing.map((i) => blocks[i]!), width, false, (j, node) => {
        if (keep) keep(missing[j]!, node);
        if (!keep || keepDrawn) keepLaidOut(rooted[missing[j]!]!, node);
      });
      missing.forEach((i, j) => remember(hashed[i]!, fresh[j]!));
    }
    if (keep) {
      const given = new Set(missing);
      rooted.forEach((k, i) => {
        if (given.has(i)) return;
        const node = keptRoots.get(k)!;
        // Most recently used last: the roots of the plan being drawn stay.
        keepLaidOut(k, node);
        keep(i, node);
      });
    }
    return hashed.map((k) => cache.get(k)!);
  }
  // Laid out a chunk at a time: memory holds one chunk's layout tree, not all of them.
  if (blocks.length > BLOCKS_PER_CHUNK) {
    const all: Measurement[] = [];
    for (let i = 0; i < blocks.length; i += BLOCKS_PER_CHUNK) {
      all.push(...(await measureBlocks(blocks.slice(i, i + BLOCKS_PER_CHUNK), width, false, keep && ((j, node) => keep(i + j, node)))));
    }
    return all;
  }
  measuredCount += blocks.length;
  // Several blocks share a probe page, one under the other (each in a wrapper that never
  // shrinks): react-pdf's cost per page is paid once for them all.
  const pages: ReactElement[][] = [];
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_PROBE) pages.push(blocks.slice(i, i + BLOCKS_PER_PROBE));
  const probe = (
    <Document>
      {pages.map((page, p) => (
        <Page key={p} size={[width, PROBE_HEIGHT]} wrap={false}>
          {page.map((block, i) => (
            <View key={i} style={{ flexShrink: 0, flexGrow: 0 }}>
              {block}
            </View>
          ))}
        </Page>
      ))}
    </Document>
  );
  const root = await mountDocument(probe);
  const laidOut = (await layout(root, Font)) as LaidOutNode;
  return (laidOut.children ?? []).flatMap((page, p) =>
    (pages[p] ?? []).map((_, i) => {
      const block = page.children?.[i];
      const height = block?.box?.height;
      if (!block || height === undefined) throw new Error(`internal: block ${p * BLOCKS_PER_PROBE + i} was not laid out`);
      const root = block.children?.[0];
      if (keep && root) keep(p * BLOCKS_PER_PROBE + i, root);
      return { height, overflow: overflowingLine(block) };
    }),
  );
}

/**
 * Blocks per probe page: at most 14,000 pt / 16 = 875 pt each on average, more than an A4
 * page; a taller block is refused by the paginator anyway (it fits no page).
 */
const BLOCKS_PER_PROBE = 16;

/** Blocks laid out in one pass of react-pdf's layout engine. */
const BLOCKS_PER_CHUNK = 200;

/** Measurements by the hash of their block key, bounded (oldest dropped first). */
const cache = new Map<string, Measurement>();
const CACHE_LIMIT = 50_000;
/**
 * Laid-out roots kept, most recently used last: every block a plan measures with the cache
 * (not those laid out only to be drawn: they are not added, so laying them out never pushes
 * out the roots a batch found), so that its root is at hand when the plan it belongs to is
 * drawn. 3,000 holds the cards of the last plans of an 800-event programme (the largest
 * copyfitted without a page budget).
 */
const LAID_OUT_LIMIT = 3_000;
const keptRoots = new Map<string, LaidOutNode>();

/** Whether the roots laid out to be drawn are kept too: see {@link keepDrawnCards}. */
let keepDrawn = false;
/** With keepDrawn, the theme's colours (their hash) the roots kept were laid out in. */
let keptColours: string | undefined;

/**
 * From now on in this process, the roots laid out to be drawn are kept as well (at most
 * {@link LAID_OUT_LIMIT}), those of the theme's colours in force only (a colour changed
 * forgets the others: a laid-out card is about 200 KB): for the preview's build process,
 * where after a colour changed in the theme (the cards' measurements stand, their roots are
 * laid out again to be drawn) the next edit finds every card's root. Off in a build, whose
 * long programmes' memory holds the cards of a few pages.
 */
export function keepDrawnCards(): void {
  keepDrawn = true;
}

function keepLaidOut(key: string, node: LaidOutNode): void {
  keptRoots.delete(key);
  if (keptRoots.size >= LAID_OUT_LIMIT) keptRoots.delete(keptRoots.keys().next().value!);
  keptRoots.set(key, node);
}

/**
 * Forgets the laid-out roots kept (they hold the fonts they were set in): called when the
 * font store is reset (src/render/fonts.ts registerFonts). The measured heights stay (they
 * are keyed by the theme, which names the faces).
 */
export function forgetLaidOut(): void {
  keptRoots.clear();
}

/** Blocks laid out by react-pdf (not found in the cache) since the process started. */
let measuredCount = 0;

/** How many blocks react-pdf has laid out in this process: the measurements the cache could not give. */
export function blocksLaidOut(): number {
  return measuredCount;
}

/** Measurements made since the cache was last saved or restored. */
let fresh = 0;

/**
 * The theme in force as a block's layout sees it, hashed in two parts:
 * - `shape`: what sets its size. The theme without the programme's column setting (`'auto'`,
 *   1 or 2), which no block reads (a card is given its columns as a prop): copyfitting's plans,
 *   which set `'auto'` to the columns it chose, find the cards measured while choosing them.
 *   And with each colour (colours, sectionColours, sectionText) replaced by its rank among
 *   the theme's distinct screen colours: a layout sees a colour only as that RGB string
 *   (layouts/ink.ts), and only whether two are equal can move a line (react-pdf shapes each
 *   run of one colour apart). So a colour changed to another of its own keeps every card's
 *   measurement: the preview re-plans the programme without laying its cards out again.
 * - `colours`: the screen colours themselves, which a laid-out root holds.
 */
function themeKeys(): { shape: string; colours: string } {
  const ranks = new Map<string, number>();
  const rank = (c: { rgb: string }) => {
    if (!ranks.has(c.rgb)) ranks.set(c.rgb, ranks.size);
    return ranks.get(c.rgb)!;
  };
  const colours = Object.fromEntries(Object.entries(theme.colours).map(([k, c]) => [k, rank(c)]));
  const sectionColours = theme.sectionColours.map(rank);
  const sectionText = theme.sectionText.map(rank);
  return {
    shape: hashOf({ ...theme, programme: { ...theme.programme, columns: null }, colours, sectionColours, sectionText }),
    colours: hashOf([...ranks.keys()]),
  };
}

/**
 * The measurement cache's key of a block: a hash of its component's name, every prop it is
 * given (the event, its colour, width, stacking, date mode…), the probe's width and the theme
 * in force. A prop added to a component is in the key without anyone thinking of it.
 * @param themeHash the theme's `shape` ({@link themeKeys}), computed once per call of measureBlocks.
 * @throws Error (internal) for a prop that cannot be hashed (a function).
 */
export function blockKey(block: ReactElement, width: number, themeHash: string): string {
  const type = block.type as string | { name?: string; displayName?: string };
  const name = typeof type === 'string' ? type : (type.displayName ?? type.name ?? '');
  return hashOf([name, block.props, width, themeHash]);
}

function remember(key: string, m: Measurement): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, m);
  fresh++;
}

/**
 * The measurement cache as JSON, to be kept between builds (src/cache/): a later build of
 * the same content measures only the blocks that changed. undefined when nothing was
 * measured since the last save or restore.
 */
export function savedMeasurements(): string | undefined {
  if (fresh === 0) return undefined;
  fresh = 0;
  return JSON.stringify([...cache]);
}

/**
 * Restores measurements saved by {@link savedMeasurements} (same encre: the caller keys the
 * file by encre's fingerprint). Entries already in memory are kept; a damaged file is ignored.
 */
export function restoreMeasurements(json: string): void {
  try {
    const entries = JSON.parse(json) as [string, Measurement][];
    for (const [k, m] of entries) if (cache.size < CACHE_LIMIT && !cache.has(k) && typeof m?.height === 'number') cache.set(k, m);
  } catch {
    // Not JSON: measured again.
  }
}
