import { Svg, Polygon } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { useGeometry } from '../geometry.js';

/**
 * The campaign's graphic motif (after the 2016 report: overlapping triangles) along the right
 * edge, leaving the left of the page flat for text, drawn as
 * vectors over the trim (`width` × `height` mm) and its bleed. Colours are react-pdf colour strings. Drawn as a
 * `fixed` background so that react-pdf never moves it to another page.
 */
export function Triangles({ width: trimWidth, height: trimHeight, colours }: { width: number; height: number; colours: [string, string, string] }) {
  const { bleed } = useGeometry();
  const width = trimWidth + 2 * bleed;
  const height = trimHeight + 2 * bleed;
  const w = VIEW;
  const h = (VIEW * height) / width;
  const [top, low, corner] = MOTIF;
  const points = (p: Corner[]) => p.map(([x, y]) => `${w * x},${h * y}`).join(' ');
  return (
    <Svg fixed width={mm(width)} height={mm(height)} viewBox={`0 0 ${w} ${h}`} style={{ position: 'absolute', top: -mm(bleed), left: -mm(bleed), width: mm(width), height: mm(height) }}>
      <Polygon points={points(top)} fill={colours[0]} />
      <Polygon points={points(low)} fill={colours[1]} />
      <Polygon points={points(corner)} fill={colours[2]} />
    </Svg>
  );
}

/** Width of the motif's SVG box in its own units (the drawing is scaled to the trim plus bleed). */
const VIEW = 100;

/**
 * The three triangles, as fractions of the width and height of the trim plus bleed (x, y from
 * the top left): the top one, the large lower one, the small corner one.
 */
type Corner = [number, number];
const MOTIF: [[Corner, Corner, Corner], [Corner, Corner, Corner], [Corner, Corner, Corner]] = [
  // The first and last corners of the top and lower triangles are their slanted edge.
  [[0.68, 0], [1, 0], [1, 0.3]],
  [[1, 0.38], [1, 1], [0.5, 1]],
  [[0.78, 1], [1, 0.72], [1, 1]],
];

/**
 * Where the motif begins at a height of the page: text set left of this stays on the flat
 * colour. The top triangle's slanted edge leans right going down, the large lower one's
 * leans left: a block of text is clear of the motif if its right edge is left of this at
 * the block's top (top triangle) and at its foot (lower triangle). The motif covers the trim
 * (`width` × `height`, mm) and its `bleed` (mm), as {@link Triangles} draws it.
 * @param y distance from the trim's top edge, in mm.
 * @returns the distance from the trim's left edge to the leftmost slanted edge at `y`, in mm
 *   (the trim's width where no triangle reaches).
 */
export function motifEdge(width: number, height: number, bleed: number, y: number): number {
  const W = width + 2 * bleed;
  const H = height + 2 * bleed;
  const at = (y + bleed) / H;
  let edge = width;
  // Each triangle's slanted edge: from its first to its last corner (see MOTIF).
  for (const [[x1, y1], , [x2, y2]] of [MOTIF[0], MOTIF[1]]) {
    const t = (at - y1) / (y2 - y1);
    if (t >= 0 && t <= 1) edge = Math.min(edge, W * (x1 + (x2 - x1) * t) - bleed);
  }
  return edge;
}

/**
 * The width, in mm, a block of text set `left` mm from the trim's left edge may take at a
 * height of `y` mm from the trim's top and stay `gutter` mm clear of the motif (see
 * {@link motifEdge}). The motif spans the trim and the bleed, so its edge moves with the
 * bleed: the screen file's (no bleed) is the furthest left, and is used for every output, so
 * that text wraps the same in print and on screen.
 */
export function clearOfMotif(trim: { width: number; height: number }, left: number, y: number, gutter: number): number {
  return motifEdge(trim.width, trim.height, 0, y) - gutter - left;
}
