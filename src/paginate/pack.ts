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

/**
 * Packs sections into pages, in order, never splitting a row: a row that does not fit what
 * is left of the page starts the next one. A section header is placed only with at least
 * its first row after it (never alone at a page foot); mid-page it takes `gapBefore` pt more.
 * With `sectionStartsPage`, each section opens a new page. Linear in the number of rows.
 * Heights and `pageHeight` in pt.
 * @returns the segments on each page.
 * @throws PreflightError naming the row that is taller than a page.
 */
export function packFlow(sections: FlowSection[], pageHeight: number, opts: { gapBefore: number; sectionStartsPage: boolean }): Segment[][] {
  const pages: Segment[][] = [];
  let page: Segment[] = [];
  let used = 0;
  const newPage = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
  };
  const fits = (h: number) => used + h <= pageHeight + 0.01;
  sections.forEach((section, si) => {
    const first = section.rows[0]?.height ?? 0;
    if (opts.sectionStartsPage || !fits(opts.gapBefore + section.header + first)) newPage();
    const headerHeight = (page.length > 0 ? opts.gapBefore : 0) + section.header;
    if (headerHeight + first > pageHeight) {
      throw new PreflightError(`the first event of a section, "${section.rows[0]?.id}", does not fit a page under its heading: shorten its description`, section.rows[0]?.id);
    }
    let segment: Segment = { section: si, opens: true, rows: [] };
    page.push(segment);
    used += headerHeight;
    section.rows.forEach((row, ri) => {
      if (row.height > pageHeight) {
        throw new PreflightError(`event "${row.id}" is ${row.height.toFixed(0)} pt tall but a page holds ${pageHeight.toFixed(0)} pt: shorten its description`, row.id);
      }
      if (!fits(row.height)) {
        newPage();
        segment = { section: si, opens: false, rows: [] };
        page.push(segment);
      }
      segment.rows.push(ri);
      used += row.height;
    });
  });
  newPage();
  return pages;
}

/** How many designed filler pages make `pages` a multiple of 4 (saddle stitch). */
export function paddingToFour(pages: number): number {
  return (4 - (pages % 4)) % 4;
}

/**
 * Groups blocks into rows of `columns`, in reading order (left to right, then down); a row is
 * as tall as its tallest block. With 1 column each block is its own row.
 * @returns the rows, each with the indices of its blocks and its height in pt.
 */
export function toRows(blocks: Measured[], columns: number): { blocks: number[]; row: Measured }[] {
  const rows: { blocks: number[]; row: Measured }[] = [];
  for (let i = 0; i < blocks.length; i += columns) {
    const group = blocks.slice(i, i + columns);
    rows.push({
      blocks: group.map((_, k) => i + k),
      row: { id: group.map((b) => b.id).join(' + '), height: Math.max(...group.map((b) => b.height)) },
    });
  }
  return rows;
}
