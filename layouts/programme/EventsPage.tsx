import { View } from '@react-pdf/renderer';
import type { EventView, Section } from '../../src/derive/model.js';
import { mm } from '../../src/units.js';
import { frames, textArea } from '../frames.js';
import { sectionInk } from '../ink.js';
import { theme } from '../theme.js';
import { BookletPage } from './BookletPage.js';
import { SectionHeader } from '../components/SectionHeader.js';
import { EventCard } from '../components/EventCard.js';

/**
 * A page of events of one département, as packed by the paginator: the section header when
 * the section opens here, then rows of whole event cards (1 or 2 columns).
 */
export function EventsPage({ number, campaign, section, opensSection, rows, columns, countLabel, head }: {
  number: number; campaign: string; section: Section; opensSection: boolean; rows: EventView[][]; columns: number; countLabel: string; head: string;
}) {
  const area = textArea(frames.programme).width;
  const width = mm(area);
  const cardWidth = mm((area - (columns - 1) * theme.programme.gutter) / columns);
  return (
    <BookletPage number={number} campaign={campaign} head={head} headColour={sectionInk(section.colour)}>
      <View>
        {opensSection ? <SectionHeader section={section} width={width} countLabel={countLabel} /> : null}
        {rows.map((row) => (
          <View key={row[0]!.id} style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
            {row.map((e) => (
              <EventCard key={e.id} event={e} colour={section.colour} width={cardWidth} />
            ))}
          </View>
        ))}
      </View>
    </BookletPage>
  );
}
