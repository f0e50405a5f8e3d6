import { View, Text } from '@react-pdf/renderer';
import type { Section } from '../../src/derive/model.js';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type } from '../styles.js';

/**
 * The opening of a département section: a band in the section colour with the INSEE code,
 * the name, and the number of events. Width in pt.
 */
/** Width of the box holding the INSEE code (room for "971" at the h1 size), in mm. */
const CODE_BOX = 18;

export function SectionHeader({ section, width, countLabel }: { section: Section; width: number; countLabel: string }) {
  return (
    <View id={`section-${section.code}`} wrap={false} style={{ width, marginBottom: mm(theme.space.md), flexDirection: 'row', alignItems: 'flex-end' }}>
      <View style={{ width: mm(CODE_BOX), backgroundColor: sectionInk(section.colour), paddingTop: mm(2.5), paddingBottom: mm(2), alignItems: 'center', marginRight: mm(theme.space.md) }}>
        <Text style={{ ...text.display, ...type('h1'), color: ink('paper') }}>{section.badge}</Text>
      </View>
      <View style={{ width: width - mm(CODE_BOX + theme.space.md), paddingBottom: mm(1) }}>
        <Text style={{ ...text.display, ...type('h2'), color: sectionInk(section.colour) }}>{section.name}</Text>
        <Text style={{ ...text.caption, ...text.semibold, textTransform: 'uppercase', letterSpacing: 0.5 }}>{countLabel}</Text>
      </View>
    </View>
  );
}
