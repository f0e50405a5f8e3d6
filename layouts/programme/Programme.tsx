import { Document } from '@react-pdf/renderer';
import type { ProgrammeProps } from '../../src/documents/programme-props.js';
import type { PlannedSegment } from '../../src/paginate/plan.js';
import { Cover } from './Cover.js';
import { Introduction } from './Introduction.js';
import { Contents } from './Contents.js';
import { EventsPage } from './EventsPage.js';
import { NotesPage } from './NotesPage.js';
import { IndexPage } from './IndexPage.js';
import { BackCover } from './BackCover.js';

/**
 * The running head of an events page, dictionary style: a verso names the section its first
 * event belongs to, a recto the section its last event belongs to, with that section's
 * colour; on either, « (suite) » when that section opened on an earlier page.
 */
function runningHead(segments: PlannedSegment[], recto: boolean): { label: string; colour: number } {
  const seg = recto ? segments[segments.length - 1]! : segments[0]!;
  // In the colour of the section it names (and so is the folio beside it).
  return { label: seg.opensSection ? seg.section.name : `${seg.section.name} (suite)`, colour: seg.section.colour };
}

/**
 * The programme booklet (A5): one react-pdf Page per planned page, nothing left to react-pdf's
 * paginator. With `range`, only the planned pages from `range.from` to `range.to` (0-based,
 * end excluded), numbered as in the whole booklet: a long programme is rendered a chunk at a time.
 */
export function Programme(props: ProgrammeProps & { range?: { from: number; to: number } }) {
  const { meta, plan, running, range } = props;
  const from = range?.from ?? 0;
  return (
    <Document {...meta}>
      {plan.pages.slice(from, range?.to ?? plan.pages.length).map((page, j) => {
        const number = from + j + 1;
        switch (page.kind) {
          case 'cover':
            return <Cover key={number} {...props.cover} />;
          case 'introduction':
            return <Introduction key={number} number={number} campaign={running} {...props.introduction} />;
          case 'contents':
            return (
              <Contents
                key={number}
                number={number}
                campaign={running}
                entries={props.contents.entries.slice(page.from, page.to)}
                compact={props.contents.entries.length > 10}
                howTo={page.last ? props.contents.howTo : undefined}
                index={page.last ? props.contents.index : undefined}
                indexTitle={props.contents.indexTitle}
                first={page.from === 0}
              />
            );
          case 'events':
            return (
              <EventsPage
                key={number}
                number={number}
                campaign={running}
                segments={page.segments}
                columns={page.columns}
                stacked={page.stacked}
                countLabels={props.sectionCounts}
                head={runningHead(page.segments, number % 2 === 1)}
                date={plan.date}
                fill={page.fill}
              />
            );
          case 'index':
            return <IndexPage key={number} number={number} campaign={running} first={page.first} continues={page.continues} columns={page.columns} />;
          case 'notes':
            return <NotesPage key={number} number={number} campaign={running} />;
          case 'back':
            return <BackCover key={number} number={number} {...props.back} />;
        }
      })}
    </Document>
  );
}
