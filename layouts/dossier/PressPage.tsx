import type { ReactNode } from 'react';
import { View, Text } from '@react-pdf/renderer';
import { Sheet } from '../components/Sheet.js';
import { Headline } from '../components/Headline.js';
import { useGeometry } from '../geometry.js';
import { mm } from '../../src/units.js';
import { frames, textArea } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { text, type, spaced } from '../styles.js';

/**
 * A page of the dossier de presse (A4): the brand tab at the head, the campaign and the folio
 * (`folio`, its page number) in the foot, and `children` in the text area, one under the
 * other. Each PressPage is planned as one page (src/documents/dossier.tsx composes the
 * chapters to the pages): content that does not fit would add a page, which the
 * preflight's planned page count refuses. The tab and the foot line are the theme's
 * `dossier.page`.
 */
export function PressPage({ footer, folio, children }: { footer: string; folio: number; children: ReactNode }) {
  const { format, margins } = frames['dossier-de-presse'];
  const { bleed } = useGeometry();
  const { tab, footer: foot } = theme.dossier.page;
  return (
    <Sheet format={format} background={ink('paper')} number={folio}>
      <View style={{ position: 'absolute', top: -mm(bleed), left: mm(margins.inside), width: mm(tab.width), height: mm(tab.height + bleed), backgroundColor: ink('brand') }} />
      <View style={{ position: 'absolute', bottom: mm(margins.bottom - foot.offset), left: mm(margins.inside), right: mm(margins.outside), flexDirection: 'row', justifyContent: 'space-between', borderTopWidth: theme.rules.hairline, borderTopColor: ink('rule'), paddingTop: mm(foot.ruleGap) }}>
        <Text style={{ ...text.caption }}>{footer}</Text>
        <Text style={{ ...text.caption, ...text.strong }}>{String(folio)}</Text>
      </View>
      <View style={{ position: 'absolute', top: mm(margins.top), left: mm(margins.inside), right: mm(margins.outside), bottom: mm(margins.bottom) }}>
        {children}
      </View>
    </Sheet>
  );
}

/**
 * The head of a chapter of the dossier (communiqué, key figures…): its kicker over its
 * heading, never hyphenated, the last two words bound. `first` when it opens the page (no
 * space above); a chapter that opens mid-page keeps the theme's `xl` space above it.
 */
export function SectionHead({ kicker, heading, first = false }: { kicker: string; heading: string; first?: boolean }) {
  const { width } = textArea(frames['dossier-de-presse']);
  return (
    <View style={{ marginTop: first ? 0 : mm(theme.space.xl) }}>
      <Text style={{ ...text.caption, ...text.semibold, color: ink('brandText'), textTransform: 'uppercase', ...spaced(theme.tracking.kicker) }}>{kicker}</Text>
      <Headline width={width} style={{ ...text.display, ...type('pressHeading'), color: ink('ink'), marginBottom: mm(theme.space.lg) }}>{heading}</Headline>
    </View>
  );
}
