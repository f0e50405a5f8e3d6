import { View } from '@react-pdf/renderer';
import type { EventView, Section } from '../../src/derive/model.js';
import { mm } from '../../src/units.js';
import { frames, textArea } from '../frames.js';
import { sectionInk } from '../ink.js';
import { BookletPage } from './BookletPage.js';
import { SectionHeader } from '../components/SectionHeader.js';
import { EventCard } from '../components/EventCard.js';

/**
 * A page of events of one département, as packed by the paginator: the section header when
 * the section opens here, then whole event cards.
 */
export function EventsPage({ number, campaign, section, opensSection, events, countLabel, head }: {
  number: number; campaign: string; section: Section; opensSection: boolean; events: EventView[]; countLabel: string; head: string;
}) {
  const width = mm(textArea(frames.programme).width);
  return (
    <BookletPage number={number} campaign={campaign} head={head} headColour={sectionInk(section.colour)}>
      <View>
        {opensSection ? <SectionHeader section={section} width={width} countLabel={countLabel} /> : null}
        {events.map((e) => (
          <EventCard key={e.id} event={e} colour={section.colour} width={width} />
        ))}
      </View>
    </BookletPage>
  );
}
