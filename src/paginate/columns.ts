import type { Measured } from './pack.js';

/**
 * Fills columns top to bottom, then the next column, then the next page (newspaper order),
 * `columns` per page, each `height` pt tall. A block flagged `keepWithNext` (a heading) moves
 * on with the block after it rather than ending a column. Linear in the number of blocks.
 * @returns per page, per column, the indices of the blocks.
 */
export function fillColumns(blocks: (Measured & { keepWithNext?: boolean })[], columns: number, height: number): number[][][] {
  const pages: number[][][] = [];
  let page: number[][] = [[]];
  let used = 0;
  const next = () => {
    if (page.length === columns) {
      pages.push(page);
      page = [[]];
    } else page.push([]);
    used = 0;
  };
  blocks.forEach((b, i) => {
    const need = b.height + (b.keepWithNext ? (blocks[i + 1]?.height ?? 0) : 0);
    if (used > 0 && used + need > height + 0.01) next();
    page[page.length - 1]!.push(i);
    used += b.height;
  });
  if (page.some((c) => c.length > 0)) pages.push(page);
  return pages;
}
