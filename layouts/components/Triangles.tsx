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
  const w = 100;
  const h = (100 * height) / width;
  return (
    <Svg fixed width={mm(width)} height={mm(height)} viewBox={`0 0 ${w} ${h}`} style={{ position: 'absolute', top: -mm(bleed), left: -mm(bleed), width: mm(width), height: mm(height) }}>
      <Polygon points={`${w * 0.68},0 ${w},0 ${w},${h * 0.3}`} fill={colours[0]} />
      <Polygon points={`${w},${h * 0.38} ${w},${h} ${w * 0.5},${h}`} fill={colours[1]} />
      <Polygon points={`${w * 0.78},${h} ${w},${h * 0.72} ${w},${h}`} fill={colours[2]} />
    </Svg>
  );
}
