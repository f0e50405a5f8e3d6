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
  sectionStartsPage: boolean;
}

/**
 * Packs sections into pages, in order, never splitting a row: a row that does not fit what
 * is left of the page starts the next one. A section header is placed only with at least
 * its first row after it (never alone at a page foot); mid-page it takes `gapBefore` pt more.
 * With `sectionStartsPage`, each section opens a new page. Heights in pt; linear in the
 * number of rows. Rows are given as they are measured, in order (a section's first row with
 * its header), and {@link take} gives the pages already full: they can be drawn while the
 * rows after them are still being measured.
 */
export class FlowPacker {
  private done: Segment[][] = [];
  private page: Segment[] = [];
  private used = 0;
  private segment: Segment | undefined;
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
  add(section: number, header: number | undefined, row: Measured): void {
    const { pageHeight, opts } = this;
    if (header !== undefined) {
      if (opts.sectionStartsPage || !this.fits(opts.gapBefore + header + row.height)) this.newPage();
      const headerHeight = (this.page.length > 0 ? opts.gapBefore : 0) + header;
      if (headerHeight + row.height > pageHeight) {
        throw new PreflightError(`the first event of a section, "${row.id}", does not fit a page under its heading: shorten its description (or its title, venue, notes)`, row.id);
      }
      this.segment = { section, opens: true, rows: [] };
      this.page.push(this.segment);
      this.used += headerHeight;
      this.rowInSection = 0;
    }
    if (row.height > pageHeight) {
      throw new PreflightError(`event "${row.id}" is ${row.height.toFixed(0)} pt tall but a page holds ${pageHeight.toFixed(0)} pt: shorten its description (or its title, venue, notes)`, row.id);
    }
    if (!this.segment || this.segment.section !== section) throw new Error(`internal: a row of section ${section} came without its header`);
    if (!this.fits(row.height)) {
      this.newPage();
      this.segment = { section, opens: false, rows: [] };
      this.page.push(this.segment);
    }
    this.segment.rows.push(this.rowInSection++);
    this.used += row.height;
  }

  /** Closes the last page (after the last row). */
  finish(): void {
    this.newPage();
  }

  /** The pages completed since the last call, in order (each once). */
  take(): Segment[][] {
    const pages = this.done;
    this.done = [];
    return pages;
  }

  private fits(h: number): boolean {
    return this.used + h <= this.pageHeight + 0.01;
  }

  private newPage(): void {
    if (this.page.length > 0) this.done.push(this.page);
    this.page = [];
    this.used = 0;
  }
}

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
