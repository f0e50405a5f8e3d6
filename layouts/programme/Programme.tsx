import { Document } from '@react-pdf/renderer';
import type { ProgrammeProps } from '../../src/documents/programme-props.js';
import { Cover } from './Cover.js';
import { Introduction } from './Introduction.js';
import { Contents } from './Contents.js';
import { EventsPage } from './EventsPage.js';
import { NotesPage } from './NotesPage.js';
import { IndexPage } from './IndexPage.js';
import { BackCover } from './BackCover.js';

/** The programme booklet (A5): one react-pdf Page per planned page, nothing left to react-pdf's paginator. */
export function Programme(props: ProgrammeProps) {
  const { meta, plan, running } = props;
  return (
    <Document {...meta}>
      {plan.pages.map((page, i) => {
        const number = i + 1;
        switch (page.kind) {
          case 'cover':
            return <Cover key={number} {...props.cover} />;
          case 'introduction':
            return <Introduction key={number} number={number} campaign={running} {...props.introduction} />;
          case 'contents':
            return <Contents key={number} number={number} campaign={running} {...props.contents} />;
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
                head={page.segments.map((seg) => (seg.opensSection ? seg.section.name : `${seg.section.name} (suite)`)).join(' · ')}
              />
            );
          case 'index':
            return <IndexPage key={number} number={number} campaign={running} first={page.first} columns={page.columns} />;
          case 'notes':
            return <NotesPage key={number} number={number} campaign={running} lines={18} />;
          case 'back':
            return <BackCover key={number} number={number} {...props.back} />;
        }
      })}
    </Document>
  );
}
