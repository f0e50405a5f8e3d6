import { Svg, Path, Circle } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';

/**
 * The donut's geometry in its own SVG units (a `VIEW` × `VIEW` box, drawn at `size` mm):
 * proportions of the drawing, not distances on the page, so they scale with `size`.
 */
const VIEW = 100;
/** The box's centre. */
const CENTRE = VIEW / 2;
/** Radius of the ring's middle line, and the ring's thickness: 40 + 18 / 2 = 49, just inside the box. */
const RADIUS = 40;
const RING = 18;
/** A share of 1 is drawn as 99.99 %: an SVG arc whose end is its start draws nothing. */
const FULL = 0.9999;

/**
 * A donut showing a share (0–1) in `colour` over a `track` ring, drawn as vectors.
 * `size` is the outer diameter in mm.
 */
export function ShareDonut({ share, size, colour, track }: { share: number; size: number; colour: string; track: string }) {
  const angle = Math.min(Math.max(share, 0), FULL) * 2 * Math.PI;
  const x = CENTRE + RADIUS * Math.sin(angle);
  const y = CENTRE - RADIUS * Math.cos(angle);
  const large = angle > Math.PI ? 1 : 0;
  return (
    <Svg width={mm(size)} height={mm(size)} viewBox={`0 0 ${VIEW} ${VIEW}`}>
      <Circle cx={CENTRE} cy={CENTRE} r={RADIUS} stroke={track} strokeWidth={RING} fill="none" />
      <Path d={`M ${CENTRE} ${CENTRE - RADIUS} A ${RADIUS} ${RADIUS} 0 ${large} 1 ${x.toFixed(3)} ${y.toFixed(3)}`} stroke={colour} strokeWidth={RING} fill="none" />
    </Svg>
  );
}
