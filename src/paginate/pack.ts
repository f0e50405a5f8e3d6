import { PreflightError } from '../model/errors.js';

/** A block to place: its id (for error messages) and measured height in pt. */
export interface Measured {
  id: string;
  height: number;
}

/** A section to pack: its header's height and its rows (pt). */
export interface FlowSection {
  header: number;
  rows: Measured[];
}

/** The part of a section that lands on one page. */
export interface Segment {
  section: number;
  /** True when the section's header opens here. */
  opens: boolean;
  /** Indices into the section's rows. */
  rows: number[];
}

/** How sections follow each other: the space above a header mid-page (pt), or a new page for each. */
export interface PackOptions {
  gapBefore: number;
  /**
   * The most space the page adds between two rows to fill its foot (pt; the theme's
   * `copyfit.maxGap`): the breaks balance what is left blank at the feet once the rows are
   * spread, then the spreading itself (facing pages alike). 0 or absent: the blank feet only.
   */
  maxGap?: number;
  sectionStartsPage: boolean;
  /**
   * What makes a row tall, in words, for the message refusing one taller than a page: « its
   * address (3,000 characters) ». The default names the usual suspects.
   */
  tallBecause?: (id: string) => string | undefined;
}

/** A row to pack, with its section's header when it is the section's first. */
interface Unit {
  section: number;
  /** Height in pt of the section's header above it; undefined for a row that does not open its section. */
  header?: number;
  row: Measured;
  /** Index of the row in its section. */
  index: number;
}

/** A packed page: its segments, and whether its foot may be filled by spreading its rows (see {@link FlowPacker.takePages}). */
export interface PackedPage {
  segments: Segment[];
  fill: boolean;
}

/**
 * Packs sections into pages, in order, never splitting a row, in the fewest pages a
 * first-fit would need, and with the space left over shared as evenly as it can be between
 * those pages: the breaks minimise the sum of the squares of the pages' blank feet (the
 * method of Knuth and Plass's line breaking, applied to pages), the last page of the events
 * and a page before a section that must open a new page excepted (their feet are free). A
 * section header is placed only with its first row after it (never alone at a page foot);
 * mid-page it takes `gapBefore` pt more. With `sectionStartsPage`, each section opens a new
 * page. Heights in pt. Rows are given as they are measured, in order (a section's first row
 * with its header); {@link take} gives the pages settled so far, so that they can be drawn
 * while the rows after them are still measured: the breaks are decided over a window of
 * about {@link WINDOW_PAGES} pages, all but the window's last page settled at once. Linear
 * in the number of rows (times the rows a page holds).
 */
export class FlowPacker {
  private done: PackedPage[] = [];
  private pending: Unit[] = [];
  /** First-fit pages of `pending`, counted as rows come (the window's measure). */
  private greedyPages = 0;
  private greedyUsed = 0;
  private lastSection = -1;
  private rowInSection = 0;

  /** @param pageHeight the height rows are packed into, in pt. */
  constructor(
    private readonly pageHeight: number,
    private readonly opts: PackOptions,
  ) {}

  /**
   * Adds the next row of section `section`: `header` (its height in pt) with the section's
   * first row, undefined for the others.
   * @throws PreflightError naming the row when it is taller than a page, or does not fit a
   *   page under its section's header.
   */
  /** What made row `id` tall, for the refusal (PackOptions.tallBecause). */
  private tallBecause(id: string): string {
    return this.opts.tallBecause?.(id) ?? 'its description (or its title, venue, notes)';
  }

  add(section: number, header: number | undefined, row: Measured): void {
    const { pageHeight } = this;
    if (header !== undefined) {
      if (header + row.height > pageHeight + EPSILON) {
        throw new PreflightError(`the first event of a section, "${row.id}", does not fit a page under its heading: shorten ${this.tallBecause(row.id)}`, row.id);
      }
      this.lastSection = section;
      this.rowInSection = 0;
    } else if (this.lastSection !== section) {
      throw new Error(`internal: a row of section ${section} came without its header`);
    }
    if (row.height > pageHeight + EPSILON) {
      throw new PreflightError(`event "${row.id}" is ${row.height.toFixed(0)} pt tall but a page holds ${pageHeight.toFixed(0)} pt: shorten ${this.tallBecause(row.id)}`, row.id);
    }
    const unit: Unit = { section, header, row, index: this.rowInSection++ };
    this.pending.push(unit);
    this.countFirstFit(unit);
    if (this.greedyPages > WINDOW_PAGES) this.settle(false);
  }

  /** Closes the last page (after the last row). */
  finish(): void {
    this.settle(true);
  }

  /** The pages settled since the last call, in order (each once), with their segments. */
  take(): Segment[][] {
    return this.takePages().map((p) => p.segments);
  }

  /** As {@link take}, with whether each page's foot is to be filled (all but the events' last, and a page before a section that must open a new one). */
  takePages(): PackedPage[] {
    const pages = this.done;
    this.done = [];
    return pages;
  }

  /** Counts `u` into a first-fit of the pending rows: only to know when the window is full. */
  private countFirstFit(u: Unit): void {
    const h = this.height(u, this.greedyUsed === 0);
    if (this.greedyPages === 0 || this.greedyUsed + h > this.pageHeight + EPSILON || this.forcedBreak(u)) {
      this.greedyPages++;
      this.greedyUsed = this.height(u, true);
    } else this.greedyUsed += h;
  }

  /** Height of a unit at the top of a page or after others, pt. */
  private height(u: Unit, top: boolean): number {
    return u.row.height + (u.header === undefined ? 0 : u.header + (top ? 0 : this.opts.gapBefore));
  }

  /**
   * The cost of a page whose rows leave `blank` pt at its foot, with `gaps` gaps between them:
   * the square of the foot left once the page spreads its rows (at most `maxGap` each), and
   * the square of the space each gap then takes, shared by the gaps (a page spread wide costs
   * more than a page spread a little, so that facing pages look alike).
   */
  private footCost(blank: number, gaps: number): number {
    const most = this.opts.maxGap ?? 0;
    const spread = Math.min(blank, most * gaps);
    return (blank - spread) ** 2 + (gaps > 0 ? spread ** 2 / gaps : 0);
  }

  /** A unit that must open a page: a section's first row when each section opens a page. */
  private forcedBreak(u: Unit): boolean {
    return this.opts.sectionStartsPage && u.header !== undefined;
  }

  /**
   * Breaks the pending rows into pages (fewest pages, then the least sum of squared blank
   * feet) and settles them: all of them when `all`, else all but the last page, whose rows
   * stay pending with those to come.
   */
  private settle(all: boolean): void {
    const units = this.pending;
    const n = units.length;
    if (n === 0) return;
    const H = this.pageHeight;
    // best[b]: [pages, cost] of the best breaks of units[0..b); from[b]: the start of the last page.
    const pages = new Array<number>(n + 1).fill(Infinity);
    const cost = new Array<number>(n + 1).fill(Infinity);
    const from = new Array<number>(n + 1).fill(-1);
    pages[0] = 0;
    cost[0] = 0;
    for (let a = 0; a < n; a++) {
      if (pages[a] === Infinity) continue;
      let used = 0;
      for (let b = a + 1; b <= n; b++) {
        const u = units[b - 1]!;
        if (b - 1 > a && this.forcedBreak(u)) break;
        used += this.height(u, b - 1 === a);
        if (used > H + EPSILON) break;
        // The foot of a page a new section must leave is free, and the window's last page is
        // settled later. The events' last page is not spread: its blank foot counts whole, so
        // that the others give it rows rather than leave it half empty.
        const free = (b === n && !all) || (b < n && this.forcedBreak(units[b]!));
        const c = cost[a]! + (free ? 0 : b === n ? (H - used) ** 2 : this.footCost(H - used, b - a - 1));
        const p = pages[a]! + 1;
        if (p < pages[b]! || (p === pages[b]! && c < cost[b]! - 1e-9)) {
          pages[b] = p;
          cost[b] = c;
          from[b] = a;
        }
      }
    }
    const starts: number[] = [];
    for (let b = n; b > 0; b = from[b]!) starts.unshift(from[b]!);
    const ends = [...starts.slice(1), n];
    const keep = all ? starts.length : starts.length - 1;
    for (let k = 0; k < keep; k++) {
      const slice = units.slice(starts[k], ends[k]);
      const segments: Segment[] = [];
      for (const u of slice) {
        const last = segments[segments.length - 1];
        if (last && last.section === u.section) last.rows.push(u.index);
        else segments.push({ section: u.section, opens: u.header !== undefined, rows: [u.index] });
      }
      // The window's last page is settled only with the events' last row: its foot is free.
      const next = units[ends[k]!];
      this.done.push({ segments, fill: next !== undefined && !this.forcedBreak(next) });
    }
    this.pending = all ? [] : units.slice(starts[keep]);
    this.greedyPages = 0;
    this.greedyUsed = 0;
    for (const u of this.pending) this.countFirstFit(u);
  }
}

/** Heights within this much of a page (pt) fit it: layout rounding. */
const EPSILON = 0.01;

/**
 * Pages over which the breaks are balanced before all but the last are settled: enough for a
 * département's worth of pages, few enough that a long programme is drawn as it is planned.
 */
export const WINDOW_PAGES = 40;

/** How many designed filler pages make `pages` a multiple of 4 (saddle stitch). */
export function paddingToFour(pages: number): number {
  return (4 - (pages % 4)) % 4;
}

/**
 * Groups blocks into rows of `columns`, in reading order (left to right, then down); a row is
 * as tall as its tallest block, and has that block's id (a row too tall for a page is that
 * block's doing). With 1 column each block is its own row.
 * @returns the rows, each with the indices of its blocks and its id and height in pt.
 */
export function toRows(blocks: Measured[], columns: number): { blocks: number[]; row: Measured }[] {
  const rows: { blocks: number[]; row: Measured }[] = [];
  for (let i = 0; i < blocks.length; i += columns) {
    const group = blocks.slice(i, i + columns);
    const tallest = group.reduce((a, b) => (b.height > a.height ? b : a));
    rows.push({ blocks: group.map((_, k) => i + k), row: { id: tallest.id, height: tallest.height } });
  }
  return rows;
}
