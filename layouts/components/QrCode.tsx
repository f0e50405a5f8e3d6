import { Svg, Path, Rect } from '@react-pdf/renderer';
import type { QrMatrix } from '../../src/qr/matrix.js';
import { mm } from '../../src/units.js';
import { ink } from '../ink.js';

/**
 * A QR code drawn as vectors: a white square (the 4-module quiet zone included) and one path
 * of dark modules in 100 % K. `size` is the symbol's side without the quiet zone, in mm
 * (print.md: at least 20 mm); the component is `size × (modules + 8) / modules` wide.
 */
export function QrCode({ qr, size }: { qr: QrMatrix; size: number }) {
  const total = qr.modules + 2 * qr.quietZone;
  const side = mm((size * total) / qr.modules);
  return (
    <Svg width={side} height={side} viewBox={`0 0 ${total} ${total}`}>
      <Rect x={0} y={0} width={total} height={total} fill={ink('paper')} />
      <Path d={qr.path} fill={ink('text')} transform={`translate(${qr.quietZone} ${qr.quietZone})`} />
    </Svg>
  );
}

/** Side of a QrCode in mm, quiet zone included. */
export function qrOuterSize(qr: QrMatrix, size: number): number {
  return (size * (qr.modules + 2 * qr.quietZone)) / qr.modules;
}
