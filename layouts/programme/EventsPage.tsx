import { View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { PlannedSegment } from '../../src/paginate/plan.js';
import { mm } from '../../src/units.js';
import { frames, textArea } from '../frames.js';
import { ink, sectionInk } from '../ink.js';
import { theme } from '../theme.js';
import { BookletPage } from './BookletPage.js';
import { SectionHeader } from '../components/SectionHeader.js';
import { EventCard, type CardDate } from '../components/EventCard.js';

/**
 * A page of events, as packed by the paginator: for each section on the page, its header
 * when it opens here, then rows of whole event cards (1 or 2 columns) with a hairline between
 * rows (never above the first row under a header or at the top of the page).
 * With `fill` (every events page but the last of the events, or of a section that is
 * followed by a new page), the page is justified vertically: the space left at its foot is
 * shared between the rows and the sections, at most the theme's `copyfit.maxGap` (mm) for
 * each gap, half above and half below its hairline.
 * `date`: the cards' date line in full, or the time only (under a day heading).
 */
export function EventsPage({ number, campaign, segments, columns, stacked, countLabels, head, date, fill }: {
  number: number; campaign: string; segments: PlannedSegment[]; columns: number; stacked: Set<string>; countLabels: Record<string, string>; head: { label: string; colour: number }; date: CardDate; fill: boolean;
}) {
  const area = textArea(frames.programme).width;
  const width = mm(area);
  const cardWidth = mm((area - (columns - 1) * theme.programme.gutter) / columns);
  const gap = mm(theme.copyfit.maxGap) / 2;
  // Each gap takes the same share: the two halves around a hairline, or the whole above a section's opening.
  const spacer = (key: string) => (fill ? <View key={key} style={{ flexGrow: 1, maxHeight: gap }} /> : null);
  const wholeSpacer = (key: string) => (fill ? <View key={key} style={{ flexGrow: 2, maxHeight: gap * 2 }} /> : null);
  const blocks: ReactNode[] = [];
  segments.forEach((seg, si) => {
    if (si > 0) {
      blocks.push(<View key={`gap-${si}`} style={{ height: mm(theme.programme.sectionGap) }} />, wholeSpacer(`gap-${si}-fill`));
    }
    if (seg.opensSection) blocks.push(<SectionHeader key={`head-${si}`} section={seg.section} width={width} countLabel={countLabels[seg.section.code] ?? ''} />);
    seg.rows.forEach((row, ri) => {
      if (ri > 0) {
        blocks.push(
          spacer(`above-${si}-${ri}`),
          <View key={`rule-${si}-${ri}`} style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
            {row.map((e) => <View key={e.id} style={{ width: cardWidth, borderTopWidth: theme.rules.hairline, borderTopColor: ink('rule') }} />)}
          </View>,
          spacer(`below-${si}-${ri}`),
        );
      }
      blocks.push(
        <View key={`row-${si}-${ri}`} style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
          {row.map((e) => (
            <EventCard key={e.id} event={e} colour={seg.section.colour} width={cardWidth} first={ri === 0} stacked={stacked.has(e.id)} columns={columns} date={date} />
          ))}
        </View>,
      );
    });
  });
  return (
    <BookletPage number={number} campaign={campaign} head={head.label} headColour={sectionInk(head.colour)}>
      <View style={{ flexGrow: 1, flexDirection: 'column' }}>{blocks}</View>
    </BookletPage>
  );
}
