import type { Measured } from './pack.js';

/**
 * Fills columns top to bottom, then the next column, then the next page (newspaper order),
 * `columns` per page, each `height` pt tall. A block flagged `keepWithNext` (a heading) moves
 * on with the `keep` blocks after it (those before the next heading) rather than ending a
 * column with fewer under it. Linear in the number of blocks.
 * @returns per page, per column, the indices of the blocks.
 */
export function fillColumns(blocks: (Measured & { keepWithNext?: boolean })[], columns: number, height: number, keep = 1): number[][][] {
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
    let need = b.height;
    for (let k = i + 1; b.keepWithNext && k <= i + keep && k < blocks.length && !blocks[k]!.keepWithNext; k++) need += blocks[k]!.height;
    if (used > 0 && used + need > height + 0.01) next();
    page[page.length - 1]!.push(i);
    used += b.height;
  });
  if (page.some((c) => c.length > 0)) pages.push(page);
  return pages;
}
