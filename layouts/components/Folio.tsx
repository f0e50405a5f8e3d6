import { Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { text } from '../styles.js';

/**
 * The page number, at the outside foot of the page (right on recto, left on verso).
 * `bottom` and `outside` are distances from the trim in mm.
 */
export function Folio({ number, recto, bottom, outside, colour }: { number: number; recto: boolean; bottom: number; outside: number; colour?: string }) {
  return (
    <Text
      style={{ ...text.caption, ...text.strong, color: colour ?? text.caption.color, position: 'absolute', bottom: mm(bottom), ...(recto ? { right: mm(outside) } : { left: mm(outside) }) }}
    >
      {String(number)}
    </Text>
  );
}
