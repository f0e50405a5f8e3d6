import { PreflightError } from '../model/errors.js';

/** A block to place: its id (for error messages) and measured height in pt. */
export interface Measured {
  id: string;
  height: number;
}

/**
 * Packs a section into pages: the header opens the first page, then whole blocks in order;
 * a block that does not fit what is left of the page starts the next one, so no block is
 * ever split and the header never stands alone at a page foot (it only opens a page with at
 * least its first block). Heights and `pageHeight` in pt. Linear in the number of blocks.
 * @returns the indices of the blocks on each page.
 * @throws PreflightError naming the block that is taller than a page.
 */
export function packSection(header: number, blocks: Measured[], pageHeight: number): number[][] {
  const pages: number[][] = [];
  let current: number[] = [];
  let used = header;
  blocks.forEach((block, i) => {
    const room = pageHeight - (pages.length === 0 && current.length === 0 ? header : 0);
    if (block.height > room) {
      throw new PreflightError(
        `event "${block.id}" is ${block.height.toFixed(0)} pt tall but a page holds ${room.toFixed(0)} pt: shorten its description`,
      );
    }
    if (used + block.height > pageHeight + 0.01) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(i);
    used += block.height;
  });
  pages.push(current);
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
