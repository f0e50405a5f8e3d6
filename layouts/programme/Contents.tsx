import { View, Text, Link } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type } from '../styles.js';
import { frames, textArea } from '../frames.js';
import { BookletPage } from './BookletPage.js';

/** A line of the table of contents. */
export interface ContentsEntry {
  code: string;
  name: string;
  colour: number;
  count: string;
  page: number;
}

/** The table of contents: one line per département with its event count and first page. */
export function Contents({ number, campaign, entries, howTo, index }: { number: number; campaign: string; entries: ContentsEntry[]; howTo: string; index?: number }) {
  return (
    <BookletPage number={number} campaign={campaign} head="Sommaire">
      <Text style={{ ...text.display, ...type('h1'), color: ink('ink'), marginBottom: mm(theme.space.lg) }}>Sommaire</Text>
      {entries.map((e) => (
        <Link key={e.code} src={`#section-${e.code}`} style={{ textDecoration: 'none' }}>
          <View style={{ flexDirection: 'row', alignItems: 'center', paddingTop: mm(2.2), paddingBottom: mm(2.2), borderBottomWidth: theme.rules.hairline, borderBottomColor: ink('rule') }}>
            <View style={{ width: mm(11), height: mm(7), backgroundColor: sectionInk(e.colour), justifyContent: 'center', alignItems: 'center', marginRight: mm(3) }}>
              <Text style={{ ...text.display, ...type('h3'), color: ink('paper') }}>{e.code}</Text>
            </View>
            <View style={{ width: mm(textArea(frames.programme).width - 11 - 3 - 12) }}>
              <Text style={{ ...text.displayBold, ...type('h3'), color: ink('text') }}>{e.name}</Text>
              <Text style={{ ...text.caption }}>{e.count}</Text>
            </View>
            <Text style={{ ...text.display, ...type('h3'), color: sectionInk(e.colour) }}>{String(e.page)}</Text>
          </View>
        </Link>
      ))}
      {index ? (
        <View style={{ flexDirection: 'row', justifyContent: 'space-between', paddingTop: mm(2.2), paddingBottom: mm(2.2), borderBottomWidth: theme.rules.hairline, borderBottomColor: ink('rule') }}>
          <Text style={{ ...text.displayBold, ...type('h3'), color: ink('text'), marginLeft: mm(14) }}>Index des communes et des organisateurs</Text>
          <Text style={{ ...text.display, ...type('h3'), color: ink('ink') }}>{String(index)}</Text>
        </View>
      ) : null}
      <View style={{ marginTop: mm(theme.space.xl), borderLeftWidth: theme.rules.bold, borderLeftColor: ink('brand'), paddingLeft: mm(theme.space.md) }}>
        <Text style={{ ...text.displayBold, ...type('h3'), color: ink('brand'), marginBottom: mm(theme.space.xs) }}>Mode d’emploi</Text>
        <Text style={{ ...text.body }}>{howTo}</Text>
      </View>
    </BookletPage>
  );
}
