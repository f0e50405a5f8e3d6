import { Svg, Line } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { ink } from '../ink.js';

/** Gap between the bleed edge and the start of a crop mark, mm. */
const GAP = 1;
/** Crop mark stroke, pt (0.25 pt hairline: the usual weight). */
const STROKE = 0.25;

/**
 * Crop marks (traits de coupe) at the four corners of the trim, drawn in registration
 * colour in the slug, outside the bleed so they never show on the trimmed sheet.
 * `trim` is the finished size; `bleed` and `slug` in mm; the page is trim + 2 × (bleed + slug).
 */
export function CropMarks({ trim, bleed, slug }: { trim: { width: number; height: number }; bleed: number; slug: number }) {
  const W = trim.width + 2 * (bleed + slug);
  const H = trim.height + 2 * (bleed + slug);
  const x0 = slug + bleed;
  const y0 = slug + bleed;
  const x1 = x0 + trim.width;
  const y1 = y0 + trim.height;
  const near = bleed + GAP;
  const far = bleed + slug - GAP;
  const lines: [number, number, number, number][] = [];
  for (const x of [x0, x1]) {
    const sign = x === x0 ? -1 : 1;
    for (const y of [y0, y1]) {
      const vsign = y === y0 ? -1 : 1;
      lines.push([x + sign * near, y, x + sign * far, y]); // horizontal, along the trim line y
      lines.push([x, y + vsign * near, x, y + vsign * far]); // vertical, along the trim line x
    }
  }
  return (
    <Svg fixed width={mm(W)} height={mm(H)} viewBox={`0 0 ${mm(W)} ${mm(H)}`} style={{ position: 'absolute', top: 0, left: 0, width: mm(W), height: mm(H) }}>
      {lines.map(([a, b, c, d], i) => (
        <Line key={i} x1={mm(a)} y1={mm(b)} x2={mm(c)} y2={mm(d)} stroke={ink('registration')} strokeWidth={STROKE} />
      ))}
    </Svg>
  );
}
