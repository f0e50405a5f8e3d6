import { Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { bindLastWords } from '../fit.js';
import { keepWhole } from '../styles.js';

/** The style a Headline is set in: its face and size (from the theme) and anything else a Text takes. */
export interface HeadlineStyle {
  fontFamily: string | string[];
  fontWeight?: number;
  fontStyle?: 'normal' | 'italic';
  fontSize: number;
  letterSpacing?: number;
  [key: string]: unknown;
}

/**
 * A title, tagline or heading set in running type (not a cover's display line, see
 * DisplayLine): never hyphenated — it wraps at spaces, a compound after its own hyphens
 * (`keepWhole`) — and its last two words bound by a no-break space when they fit the frame
 * together, so that no line holds one word alone at the end (layouts/fit.ts, bindLastWords).
 * @param width the frame's width in mm (the width the text wraps in).
 * @param style the Text's style; its font size in pt, from the theme's type scale.
 */
export function Headline({ children, width, style }: { children: string; width: number; style: HeadlineStyle }) {
  const face = { family: style.fontFamily, weight: style.fontWeight ?? 400, style: style.fontStyle ?? 'normal' };
  return (
    <Text hyphenationCallback={keepWhole} style={{ ...style, width: mm(width) }}>
      {bindLastWords(children, face, style.fontSize, mm(width), style.letterSpacing ?? 0)}
    </Text>
  );
}
