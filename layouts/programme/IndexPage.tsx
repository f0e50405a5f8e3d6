import { View, Text } from '@react-pdf/renderer';
import type { IndexBlock } from '../../src/paginate/plan.js';
import { mm } from '../../src/units.js';
import { frames, textArea } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { text, type } from '../styles.js';
import { BookletPage } from './BookletPage.js';
import { IndexLine, IndexHeading } from '../components/IndexLine.js';

/**
 * A page of the index (communes, then organisers), in two columns filled top to bottom as
 * the paginator packed them; each page keeps the theme's `programme.index.titleBand` for its
 * title: « Index » on the first, and on a later page that opens in the middle of a list, that
 * list's name (`continues`, « Communes (suite) »).
 */
export function IndexPage({ number, campaign, first, continues, columns }: { number: number; campaign: string; first: boolean; continues?: string; columns: IndexBlock[][] }) {
  const area = textArea(frames.programme).width;
  const width = mm((area - theme.programme.gutter) / 2);
  return (
    <BookletPage number={number} campaign={campaign} head="Index">
      <View {...(first ? { id: 'index' } : {})} style={{ height: mm(theme.programme.index.titleBand) }}>
        {first ? <Text style={{ ...text.display, ...type('h1'), color: ink('ink') }}>Index</Text> : null}
        {!first && continues ? <Text style={{ ...text.displayBold, ...type('h3'), color: ink('ink') }}>{continues}</Text> : null}
      </View>
      <View style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
        {columns.map((col, c) => (
          <View key={c} style={{ width }}>
            {col.map((b, i) =>
              b.kind === 'heading' ? <IndexHeading key={i} label={b.label} width={width} /> : <IndexLine key={i} label={b.label} pages={b.pages} colour={b.colour} width={width} />,
            )}
          </View>
        ))}
      </View>
    </BookletPage>
  );
}
