import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type } from '../styles.js';
import { keepWordsWhole } from '../hyphenation.js';

/** Widest the page numbers of an index line may be, mm (a longer list wraps). */
const PAGES_WIDTH = 20;
/** Gutter between a name and its pages, mm: a name that fills its width does not touch them. */
const GUTTER = 2;

/**
 * A line of the index: a marker in the colour of the entry's département, the name (words
 * kept whole: names of places and organisations), and the pages where it appears,
 * right-aligned; the name takes the room the pages leave. `width` is the column's, in pt.
 */
export function IndexLine({ label, pages, colour, width }: { label: string; pages: string; colour?: number; width: number }) {
  return (
    <View wrap={false} style={{ width, flexDirection: 'row', alignItems: 'flex-start', paddingTop: mm(0.5), paddingBottom: mm(0.5) }}>
      <View style={{ width: mm(1.6), height: mm(1.6), marginTop: mm(1.1), marginRight: mm(1.6), ...(colour === undefined ? {} : { backgroundColor: sectionInk(colour) }) }} />
      <Text hyphenationCallback={keepWordsWhole} style={{ ...text.body, ...type('small'), flexGrow: 1, flexShrink: 1, flexBasis: 0 }}>{label}</Text>
      <Text style={{ ...text.body, ...type('small'), ...text.semibold, flexShrink: 0, maxWidth: mm(PAGES_WIDTH), marginLeft: mm(GUTTER), textAlign: 'right' }}>{pages}</Text>
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
