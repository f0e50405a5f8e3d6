import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type } from '../styles.js';
import { keepTitleWords, tieShortWords } from '../hyphenation.js';
import { advanceWidth } from '../../src/render/fonts.js';

/**
 * A line of the index: a marker in the colour of the entry's département, the name (words
 * kept whole, compounds too: « Saint-Céré » never breaks at its hyphen), and the pages where it appears,
 * right-aligned, at most `pagesWidth` wide and `pagesGap` from the name (a name that fills
 * its width does not touch them); the name takes the room the pages leave. Distances are the
 * theme's `programme.index`. `width` is the column's, in pt.
 */
export function IndexLine({ label, pages, colour, width }: { label: string; pages: string; colour?: number; width: number }) {
  const { linePadding, marker, pagesWidth, pagesGap } = theme.programme.index;
  const name = { ...text.body, ...type('small') };
  const pagesStyle = { ...text.body, ...type('small'), ...text.semibold };
  // A name that would hold its line only with its spaces squeezed (textkit shrinks them) wraps
  // instead, its last two words together (and its short words with the next): no squeezed
  // line running up to the page numbers.
  const room = width - mm(marker.size + marker.gap + pagesGap) - Math.min(mm(pagesWidth), advanceWidth(pages, { family: pagesStyle.fontFamily, weight: pagesStyle.fontWeight }, pagesStyle.fontSize));
  const natural = advanceWidth(label, { family: name.fontFamily, weight: REGULAR }, name.fontSize);
  const at = label.lastIndexOf(' ');
  const shown = natural > room && natural <= room * SQUEEZE && at > 0 && label.lastIndexOf(' ', at - 1) > 0 ? tieShortWords(`${label.slice(0, at)}\u00a0${label.slice(at + 1)}`) : label;
  return (
    <View wrap={false} style={{ width, flexDirection: 'row', alignItems: 'flex-start', paddingTop: mm(linePadding), paddingBottom: mm(linePadding) }}>
      <View style={{ width: mm(marker.size), height: mm(marker.size), marginTop: mm(marker.drop), marginRight: mm(marker.gap), ...(colour === undefined ? {} : { backgroundColor: sectionInk(colour) }) }} />
      <Text hyphenationCallback={keepTitleWords} style={{ ...name, flexGrow: 1, flexShrink: 1, flexBasis: 0 }}>{shown}</Text>
      <Text style={{ ...pagesStyle, flexShrink: 0, maxWidth: mm(pagesWidth), marginLeft: mm(pagesGap), textAlign: 'right' }}>{pages}</Text>
    </View>
  );
}

/** A heading inside the index ("Communes", "Organisateurs"). `width` in pt. */
export function IndexHeading({ label, width }: { label: string; width: number }) {
  return (
    <View wrap={false} style={{ width, paddingTop: mm(theme.space.md), paddingBottom: mm(theme.space.sm) }}>
      <Text style={{ ...text.displayBold, ...type('h3'), color: ink('ink') }}>{label}</Text>
    </View>
  );
}

/** A name up to this share wider than its room would be set on one line by squeezing its spaces (textkit's shrinking): it wraps instead. */
const SQUEEZE = 1.1;

/** The weight the names are set in (text.body: the regular face). */
const REGULAR = 400;
