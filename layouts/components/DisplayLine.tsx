import { Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { fittedDisplay } from '../fit.js';
import { text as styles, keepWhole } from '../styles.js';

/**
 * A line of display type that must fit its frame: a campaign's name or region on a cover.
 * Set in the theme's display family (weight 900, or 700 for `text.displayBold`), wrapped at
 * `width` (mm), never hyphenated (a compound breaks after its own hyphens), and set smaller
 * than `size` when its widest word, or `maxLines`, would not fit (layouts/fit.ts).
 * `style`: its colour and its space above (pt).
 */
export function DisplayLine({ children, size, width, weight = 900, maxLines, style }: {
  children: string; size: { fontSize: number; lineHeight: number }; width: number; weight?: 700 | 900; maxLines?: number; style?: { color: string; marginTop?: number };
}) {
  return (
    <Text hyphenationCallback={keepWhole} style={{ ...(weight === 900 ? styles.display : styles.displayBold), ...fittedDisplay(children, size, mm(width), weight, maxLines), width: mm(width), ...style }}>
      {children}
    </Text>
  );
}
