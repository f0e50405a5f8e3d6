import { View, Text } from '@react-pdf/renderer';
import type { Section } from '../../src/derive/model.js';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type } from '../styles.js';

/**
 * The opening of a département section: a badge in the section colour with the INSEE code,
 * the name, and the number of events (the theme's `programme.sectionHeader`). Width in pt.
 */
export function SectionHeader({ section, width, countLabel }: { section: Section; width: number; countLabel: string }) {
  const { badgeWidth, badgePadding, textRaise } = theme.programme.sectionHeader;
  return (
    <View id={`section-${section.code}`} wrap={false} style={{ width, marginBottom: mm(theme.space.md), flexDirection: 'row', alignItems: 'flex-end' }}>
      <View style={{ width: mm(badgeWidth), backgroundColor: sectionInk(section.colour), paddingTop: mm(badgePadding.top), paddingBottom: mm(badgePadding.bottom), alignItems: 'center', marginRight: mm(theme.space.md) }}>
        <Text style={{ ...text.display, ...type('h1'), color: ink('paper') }}>{section.badge}</Text>
      </View>
      <View style={{ width: width - mm(badgeWidth + theme.space.md), paddingBottom: mm(textRaise) }}>
        <Text style={{ ...text.display, ...type('h2'), color: sectionInk(section.colour) }}>{section.name}</Text>
        <Text style={{ ...text.caption, ...text.semibold, textTransform: 'uppercase', letterSpacing: theme.tracking.sectionCount }}>{countLabel}</Text>
      </View>
    </View>
  );
}
