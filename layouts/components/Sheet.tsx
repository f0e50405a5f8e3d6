import type { ReactNode } from 'react';
import { Page, View, Text } from '@react-pdf/renderer';
import type { Format } from '../../src/units.js';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { text, type } from '../styles.js';
import { useGeometry } from '../geometry.js';
import { CropMarks } from './CropMarks.js';

/**
 * One sheet of a document: the trim (`format`, mm) plus the bleed and the slug of the output
 * being made (see Geometry). The background colour runs into the bleed; children are placed
 * in a frame of the trim's size, so their positions are measured from the trim whatever the
 * output; crop marks and the slug line (page `number`) go in the slug.
 * The page does not wrap: encre plans every page itself, and react-pdf's pagination would
 * lay each page out a second time for nothing (it was a fifth of the drawing time). react-pdf
 * 4.9 lays a `wrap={false}` page out with a height of 0, so nothing here is anchored to the
 * page's foot (the slug line is placed from the top; renderPdf gives the page its height
 * back). Content that would overflow is refused by the layout checks (outside the safe area).
 * The slug line's indent and drop are the theme's `slugLine`; the marks are the printer's.
 */
export function Sheet({ format, background, number, children }: { format: Format; background: string; number: number; children: ReactNode }) {
  const { bleed, slug, marks, markOffset, markWeight, slugLine } = useGeometry();
  const { indent, drop } = theme.slugLine;
  const width = mm(format.width + 2 * (bleed + slug));
  const height = mm(format.height + 2 * (bleed + slug));
  // The slug line's foot `drop` pt below the middle of the slug; placed by its top (see above).
  const leading = type('slug').fontSize * type('slug').lineHeight;
  return (
    <Page size={[width, height]} wrap={false} style={{ backgroundColor: ink('paper'), color: ink('text') }}>
      <View style={{ position: 'absolute', top: mm(slug), left: mm(slug), width: mm(format.width + 2 * bleed), height: mm(format.height + 2 * bleed), backgroundColor: background }} />
      <View style={{ position: 'absolute', top: mm(slug + bleed), left: mm(slug + bleed), width: mm(format.width), height: mm(format.height) }}>
        {children}
      </View>
      {marks ? <CropMarks trim={format} bleed={bleed} slug={slug} offset={markOffset} weight={markWeight} /> : null}
      {marks && slugLine ? (
        <Text {...{ 'data-zone': 'slug' }} style={{ ...text.caption, ...type('slug'), color: ink('registration'), position: 'absolute', left: mm(slug + bleed + indent), top: height - mm(slug / 2) + drop - leading, width: mm(format.width - 2 * indent) }}>
          {slugLine(number)}
        </Text>
      ) : null}
    </Page>
  );
}
