import { Svg, Path, Circle } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';

/**
 * A donut showing a share (0–1) in `colour` over a `track` ring, drawn as vectors.
 * `size` is the outer diameter in mm.
 */
export function ShareDonut({ share, size, colour, track }: { share: number; size: number; colour: string; track: string }) {
  const r = 40;
  const stroke = 18;
  const angle = Math.min(Math.max(share, 0), 0.9999) * 2 * Math.PI;
  const x = 50 + r * Math.sin(angle);
  const y = 50 - r * Math.cos(angle);
  const large = angle > Math.PI ? 1 : 0;
  return (
    <Svg width={mm(size)} height={mm(size)} viewBox="0 0 100 100">
      <Circle cx={50} cy={50} r={r} stroke={track} strokeWidth={stroke} fill="none" />
      <Path d={`M 50 ${50 - r} A ${r} ${r} 0 ${large} 1 ${x.toFixed(3)} ${y.toFixed(3)}`} stroke={colour} strokeWidth={stroke} fill="none" />
    </Svg>
  );
}
