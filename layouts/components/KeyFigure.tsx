import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { text, type, spaced } from '../styles.js';

/**
 * A key figure: a big number over its label ("4 000" / "programmes"), the label letter-spaced
 * without ligatures. `colour`: react-pdf colour string (`labelColour` the label's, muted by default); `size` a step of the theme's type scale.
 * Its spacing and the number's leading are the theme's `keyFigure`.
 */
export function KeyFigure({ value, label, colour, labelColour, size = 'h1' }: { value: string; label: string; colour: string; labelColour?: string; size?: 'h1' | 'display' | 'h2' }) {
  const k = theme.keyFigure;
  return (
    <View style={{ marginRight: mm(k.gapRight), marginBottom: mm(k.gapBelow) }}>
      <Text style={{ ...text.display, ...type(size), lineHeight: k.leading, color: colour }}>{value}</Text>
      <Text style={{ ...text.caption, ...text.semibold, textTransform: 'uppercase', ...spaced(theme.tracking.label), ...(labelColour ? { color: labelColour } : {}) }}>{label}</Text>
    </View>
  );
}
