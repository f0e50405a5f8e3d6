import { View, Text, Link } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk, sectionTextInk } from '../ink.js';
import { text, type } from '../styles.js';
import { frames, textArea } from '../frames.js';
import { BookletPage } from './BookletPage.js';

/** A line of the table of contents. */
export interface ContentsEntry {
  code: string;
  /** Text of the coloured tab (the INSEE code, a day number…). */
  badge: string;
  name: string;
  colour: number;
  count: string;
  page: number;
}

/**
 * The table of contents: one line per section (département, day…) with its event count and
 * first page; the lines' padding, badges and page column are the theme's `programme.contents`.
 */
export function Contents({ number, campaign, entries, howTo, index, indexTitle = 'Index', compact, first }: {
  number: number; campaign: string; entries: ContentsEntry[]; howTo?: string; index?: number; /** The index's name, from the lists it holds. */ indexTitle?: string; compact: boolean; first: boolean;
}) {
  const area = textArea(frames.programme).width;
  // Up to 10 sections, one roomy line each; more (days of a month…), two compact columns,
  // continued on as many pages as needed (the "Mode d'emploi" and the index on the last).
  const half = (area - theme.programme.gutter) / 2;
  const { roomy, compact: small } = theme.programme.contents;
  // The index's line: its title under the sections' names, its page under their pages.
  const nameIndent = roomy.badge.width + roomy.badgeGap;
  return (
    <BookletPage number={number} campaign={campaign} head="Sommaire">
      <Text style={{ ...text.display, ...type('h1'), color: ink('ink'), marginBottom: mm(theme.space.lg) }}>{first ? 'Sommaire' : 'Sommaire (suite)'}</Text>
      {compact ? (
        // Two columns read down, then across: the first half of the sections on the left.
        <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
          {[entries.slice(0, Math.ceil(entries.length / 2)), entries.slice(Math.ceil(entries.length / 2))].map((column, c) => (
            <View key={c} style={{ width: mm(half) }}>
              {column.map((e) => (
                <Link key={e.code} src={`#section-${e.code}`} style={{ textDecoration: 'none', width: mm(half) }}>
                  <View style={{ flexDirection: 'row', alignItems: 'center', paddingTop: mm(small.padding), paddingBottom: mm(small.padding), borderBottomWidth: theme.rules.hairline, borderBottomColor: ink('rule') }}>
                    <View style={{ width: mm(small.badge.width), height: mm(small.badge.height), backgroundColor: sectionInk(e.colour), justifyContent: 'center', alignItems: 'center', marginRight: mm(small.badgeGap) }}>
                      <Text style={{ ...text.caption, ...text.strong, color: ink('paper') }}>{e.badge}</Text>
                    </View>
                    <Text style={{ ...text.body, ...type('small'), ...text.semibold, width: mm(half - small.badge.width - small.badgeGap - small.pageWidth) }}>{e.name}</Text>
                    <Text style={{ ...text.body, ...type('small'), ...text.strong, color: sectionTextInk(e.colour), width: mm(small.pageWidth), textAlign: 'right' }}>{String(e.page)}</Text>
                  </View>
                </Link>
              ))}
            </View>
          ))}
        </View>
      ) : (
        entries.map((e) => (
          <Link key={e.code} src={`#section-${e.code}`} style={{ textDecoration: 'none' }}>
            <View style={{ flexDirection: 'row', alignItems: 'center', paddingTop: mm(roomy.padding), paddingBottom: mm(roomy.padding), borderBottomWidth: theme.rules.hairline, borderBottomColor: ink('rule') }}>
              <View style={{ width: mm(roomy.badge.width), height: mm(roomy.badge.height), backgroundColor: sectionInk(e.colour), justifyContent: 'center', alignItems: 'center', marginRight: mm(roomy.badgeGap) }}>
                <Text style={{ ...text.display, ...type('h3'), color: ink('paper') }}>{e.badge}</Text>
              </View>
              <View style={{ width: mm(area - roomy.badge.width - roomy.badgeGap - roomy.pageWidth) }}>
                <Text style={{ ...text.displayBold, ...type('h3'), color: ink('text') }}>{e.name}</Text>
                <Text style={{ ...text.caption }}>{e.count}</Text>
              </View>
              <Text style={{ ...text.display, ...type('h3'), color: sectionTextInk(e.colour), width: mm(roomy.pageWidth), textAlign: 'right' }}>{String(e.page)}</Text>
            </View>
          </Link>
        ))
      )}
      {index && compact ? (
        // Among compact lines, the index's line is one of them: the same size and weight, under
        // the names (left column), its page flush right under the pages.
        <Link src="#index" style={{ textDecoration: 'none' }}>
          <View style={{ flexDirection: 'row', alignItems: 'center', paddingTop: mm(small.padding), paddingBottom: mm(small.padding), borderBottomWidth: theme.rules.hairline, borderBottomColor: ink('rule') }}>
            <Text style={{ ...text.body, ...type('small'), ...text.semibold, marginLeft: mm(small.badge.width + small.badgeGap), width: mm(area - small.badge.width - small.badgeGap - small.pageWidth) }}>{indexTitle}</Text>
            <Text style={{ ...text.body, ...type('small'), ...text.strong, color: ink('ink'), width: mm(small.pageWidth), textAlign: 'right' }}>{String(index)}</Text>
          </View>
        </Link>
      ) : index ? (
        // A link to the index's first page in the screen file, as each section's line is.
        <Link src="#index" style={{ textDecoration: 'none' }}>
          <View style={{ flexDirection: 'row', alignItems: 'center', paddingTop: mm(roomy.padding), paddingBottom: mm(roomy.padding), borderBottomWidth: theme.rules.hairline, borderBottomColor: ink('rule') }}>
            <Text style={{ ...text.displayBold, ...type('h3'), color: ink('text'), marginLeft: mm(nameIndent), width: mm(area - nameIndent - roomy.pageWidth) }}>{indexTitle}</Text>
            {/* Flush right, under the sections' page numbers. */}
            <Text style={{ ...text.display, ...type('h3'), color: ink('ink'), width: mm(roomy.pageWidth), textAlign: 'right' }}>{String(index)}</Text>
          </View>
        </Link>
      ) : null}
      {howTo ? (
        <View style={{ marginTop: mm(theme.space.xl), borderLeftWidth: theme.rules.bold, borderLeftColor: ink('brand'), paddingLeft: mm(theme.space.md) }}>
          <Text style={{ ...text.displayBold, ...type('h3'), color: ink('brand'), marginBottom: mm(theme.space.xs) }}>Mode d’emploi</Text>
          <Text style={{ ...text.body }}>{howTo}</Text>
        </View>
      ) : null}
    </BookletPage>
  );
}
