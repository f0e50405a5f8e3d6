import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { text, type, spaced } from '../styles.js';

/**
 * A key figure: a big number over its label ("4 000" / "programmes"), the label letter-spaced
 * without ligatures. `colour`: react-pdf colour string (`labelColour` the label's, muted by default); `size` a step of the theme's type scale.
 */
export function KeyFigure({ value, label, colour, labelColour, size = 'h1' }: { value: string; label: string; colour: string; labelColour?: string; size?: 'h1' | 'display' | 'h2' }) {
  return (
    <View style={{ marginRight: mm(6), marginBottom: mm(3) }}>
      <Text style={{ ...text.display, ...type(size), lineHeight: 1.05, color: colour }}>{value}</Text>
      <Text style={{ ...text.caption, ...text.semibold, textTransform: 'uppercase', ...spaced(0.6), ...(labelColour ? { color: labelColour } : {}) }}>{label}</Text>
    </View>
  );
}
