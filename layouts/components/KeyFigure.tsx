import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { text, type, spaced } from '../styles.js';
import { advanceWidth } from '../../src/render/fonts.js';

/**
 * A key figure: a big number over its label ("4 000" / "programmes"), the label letter-spaced
 * without ligatures. `colour`: react-pdf colour string (`labelColour` the label's, muted by default); `size` a step of the theme's type scale.
 * Its spacing and the number's leading are the theme's `keyFigure`. `width` (mm): the figure
 * takes a column of that width (a row of figures in equal columns, see {@link FigureRow})
 * instead of its content's width and the gap right of it.
 */
export function KeyFigure({ value, label, colour, labelColour, size = 'h1', width }: { value: string; label: string; colour: string; labelColour?: string; size?: 'h1' | 'display' | 'h2'; width?: number }) {
  const k = theme.keyFigure;
  return (
    <View style={{ ...(width === undefined ? { marginRight: mm(k.gapRight) } : { width: mm(width) }), marginBottom: mm(k.gapBelow) }}>
      <Text style={{ ...text.display, ...type(size), lineHeight: k.leading, color: colour }}>{value}</Text>
      <Text style={{ ...text.caption, ...text.semibold, textTransform: 'uppercase', ...spaced(theme.tracking.label), ...(labelColour ? { color: labelColour } : {}) }}>{label}</Text>
    </View>
  );
}

/**
 * Key figures side by side in equal columns across `width` (mm), the theme's
 * `keyFigure.gapRight` between two columns: at most `keyFigure.perRow` to a row (more wrap
 * onto rows of the same columns), so that « 120 », « 8 » and « 83 » read as three figures.
 * Every figure is set at `size`, or at the next smaller step of the type scale (display, h1,
 * h2) when the widest value is wider than its column at that size (« 3 106 » événements in a
 * national programme): all of them at one size, none running into the next.
 */
export function FigureRow({ figures, width, colour, size = 'h1' }: { figures: { value: string; label: string }[]; width: number; colour: string; size?: 'h1' | 'display' | 'h2' }) {
  const k = theme.keyFigure;
  const columns = Math.max(1, Math.min(figures.length, k.perRow));
  const column = (width - (columns - 1) * k.gapRight) / columns;
  const rows = inRows(figures, columns);
  size = fittingSize(figures.map((f) => f.value), size, mm(column));
  return (
    <View>
      {rows.map((row, r) => (
        <View key={r} style={{ flexDirection: 'row' }}>
          {row.map((f, i) => (
            <View key={f.label} style={{ marginLeft: i === 0 ? 0 : mm(k.gapRight) }}>
              <KeyFigure value={f.value} label={f.label} colour={colour} size={size} width={column} />
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The steps a key figure may be set at, largest first. */
const FIGURE_STEPS = ['display', 'h1', 'h2'] as const;

/**
 * The largest step from `size` down ({@link FIGURE_STEPS}) at which every value, in the
 * figures' face (the display family, black), is at most `column` pt wide (measured with
 * fontkit); the smallest step when none is (the preflight then names the overflow).
 */
function fittingSize(values: string[], size: (typeof FIGURE_STEPS)[number], column: number): (typeof FIGURE_STEPS)[number] {
  const face = { family: text.display.fontFamily, weight: text.display.fontWeight };
  const steps = FIGURE_STEPS.slice(FIGURE_STEPS.indexOf(size));
  return steps.find((step) => values.every((v) => advanceWidth(v, face, type(step).fontSize) <= column)) ?? steps[steps.length - 1]!;
}

/** `list` in rows of `perRow` items, in order (the last row may be shorter). */
export function inRows<T>(list: T[], perRow: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / perRow) }, (_, r) => list.slice(r * perRow, (r + 1) * perRow));
}
