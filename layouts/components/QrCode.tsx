import { Svg, Path, Rect, Link } from '@react-pdf/renderer';
import { useGeometry } from '../geometry.js';
import { qrPath, type QrMatrix } from '../../src/qr/matrix.js';
import { mm } from '../../src/units.js';
import { ink } from '../ink.js';

/**
 * A QR code drawn as vectors: a white square (the 4-module quiet zone included) and one path
 * of dark modules in 100 % K. `size` is the symbol's side without the quiet zone, in mm
 * (docs/print.md: about 20 mm or more); the component is `size × (modules + 8) / modules` wide. In
 * screen files (Geometry.links) it is a link to the URL it encodes.
 */
export function QrCode({ qr, size }: { qr: QrMatrix; size: number }) {
  const { links } = useGeometry();
  const total = qr.modules + 2 * qr.quietZone;
  const side = mm((size * total) / qr.modules);
  const symbol = (
    <Svg width={side} height={side} viewBox={`0 0 ${total} ${total}`}>
      <Rect x={0} y={0} width={total} height={total} fill={ink('paper')} />
      <Path d={qrPath(qr)} fill={ink('text')} transform={`translate(${qr.quietZone} ${qr.quietZone})`} />
    </Svg>
  );
  // In screen files the code is also a link to the address it encodes.
  return links ? <Link src={qr.text} style={{ width: side, height: side }}>{symbol}</Link> : symbol;
}

/** Side of a QrCode in mm, quiet zone included. */
export function qrOuterSize(qr: QrMatrix, size: number): number {
  return (size * (qr.modules + 2 * qr.quietZone)) / qr.modules;
}
