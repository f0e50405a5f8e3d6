import { View } from '@react-pdf/renderer';
import type { PlannedSegment } from '../../src/paginate/plan.js';
import { mm } from '../../src/units.js';
import { frames, textArea } from '../frames.js';
import { sectionInk } from '../ink.js';
import { theme } from '../theme.js';
import { BookletPage } from './BookletPage.js';
import { SectionHeader } from '../components/SectionHeader.js';
import { EventCard } from '../components/EventCard.js';

/**
 * A page of events, as packed by the paginator: for each département on the page, its
 * header when it opens here, then rows of whole event cards (1 or 2 columns). Rules separate
 * the cards, never above the first row under a header or at the top of the page.
 */
export function EventsPage({ number, campaign, segments, columns, stacked, countLabels, head }: {
  number: number; campaign: string; segments: PlannedSegment[]; columns: number; stacked: Set<string>; countLabels: Record<string, string>; head: { label: string; colour: number };
}) {
  const area = textArea(frames.programme).width;
  const width = mm(area);
  const cardWidth = mm((area - (columns - 1) * theme.programme.gutter) / columns);
  return (
    <BookletPage number={number} campaign={campaign} head={head.label} headColour={sectionInk(head.colour)}>
      {segments.map((seg, si) => (
        <View key={seg.section.code} style={{ marginTop: si > 0 ? mm(theme.programme.sectionGap) : 0 }}>
          {seg.opensSection ? <SectionHeader section={seg.section} width={width} countLabel={countLabels[seg.section.code] ?? ''} /> : null}
          {seg.rows.map((row, ri) => (
            <View key={row[0]!.id} style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
              {row.map((e) => (
                <EventCard key={e.id} event={e} colour={seg.section.colour} width={cardWidth} rule={ri > 0} stacked={stacked.has(e.id)} />
              ))}
            </View>
          ))}
        </View>
      ))}
    </BookletPage>
  );
}
