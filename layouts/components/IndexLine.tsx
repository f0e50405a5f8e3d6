import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type } from '../styles.js';
import { keepTitleWords } from '../hyphenation.js';

/**
 * A line of the index: a marker in the colour of the entry's département, the name (words
 * kept whole, compounds too: « Saint-Céré » never breaks at its hyphen), and the pages where it appears,
 * right-aligned, at most `pagesWidth` wide and `pagesGap` from the name (a name that fills
 * its width does not touch them); the name takes the room the pages leave. Distances are the
 * theme's `programme.index`. `width` is the column's, in pt.
 */
export function IndexLine({ label, pages, colour, width }: { label: string; pages: string; colour?: number; width: number }) {
  const { linePadding, marker, pagesWidth, pagesGap } = theme.programme.index;
  return (
    <View wrap={false} style={{ width, flexDirection: 'row', alignItems: 'flex-start', paddingTop: mm(linePadding), paddingBottom: mm(linePadding) }}>
      <View style={{ width: mm(marker.size), height: mm(marker.size), marginTop: mm(marker.drop), marginRight: mm(marker.gap), ...(colour === undefined ? {} : { backgroundColor: sectionInk(colour) }) }} />
      <Text hyphenationCallback={keepTitleWords} style={{ ...text.body, ...type('small'), flexGrow: 1, flexShrink: 1, flexBasis: 0 }}>{label}</Text>
      <Text style={{ ...text.body, ...type('small'), ...text.semibold, flexShrink: 0, maxWidth: mm(pagesWidth), marginLeft: mm(pagesGap), textAlign: 'right' }}>{pages}</Text>
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
