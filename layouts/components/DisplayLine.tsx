import { Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { balancedWidth, fittedDisplay } from '../fit.js';
import { theme } from '../theme.js';
import { text as styles, keepWhole } from '../styles.js';

/**
 * A line of display type that must fit its frame: a campaign's name or region on a cover.
 * Set in the theme's display family (weight 900, or 700 for `text.displayBold`), wrapped at
 * `width` (mm), never hyphenated (a compound breaks after its own hyphens), and set smaller
 * than `size` when its widest word, or `maxLines`, would not fit (layouts/fit.ts); its lines
 * balanced, the frame narrowed as far as they stay as many (no lone word on the last).
 * `style`: its colour and its space above (pt).
 */
export function DisplayLine({ children, size, width, weight = 900, maxLines, style }: {
  children: string; size: { fontSize: number; lineHeight: number }; width: number; weight?: 700 | 900; maxLines?: number; style?: { color: string; marginTop?: number };
}) {
  const fitted = fittedDisplay(children, size, mm(width), weight, maxLines);
  const frame = balancedWidth(children, fitted, { family: theme.fonts.display, weight }, mm(width));
  return (
    <Text hyphenationCallback={keepWhole} style={{ ...(weight === 900 ? styles.display : styles.displayBold), ...fitted, width: frame, ...style }}>
      {children}
    </Text>
  );
}
