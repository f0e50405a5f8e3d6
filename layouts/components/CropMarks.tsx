import { Svg, Line } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { ink } from '../ink.js';

/**
 * Crop marks (traits de coupe) at the four corners of the trim, drawn in registration
 * colour in the slug, outside the bleed so they never show on the trimmed sheet.
 * `trim` is the finished size; `bleed` and `slug` in mm; the page is trim + 2 × (bleed + slug).
 * From the printer profile: each mark starts `offset` mm past the bleed's edge and stops as
 * far short of the slug's edge; `weight` is its stroke in pt.
 */
export function CropMarks({ trim, bleed, slug, offset, weight }: { trim: { width: number; height: number }; bleed: number; slug: number; offset: number; weight: number }) {
  const W = trim.width + 2 * (bleed + slug);
  const H = trim.height + 2 * (bleed + slug);
  const x0 = slug + bleed;
  const y0 = slug + bleed;
  const x1 = x0 + trim.width;
  const y1 = y0 + trim.height;
  const near = bleed + offset;
  const far = bleed + slug - offset;
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
        <Line key={i} x1={mm(a)} y1={mm(b)} x2={mm(c)} y2={mm(d)} stroke={ink('registration')} strokeWidth={weight} />
      ))}
    </Svg>
  );
}
