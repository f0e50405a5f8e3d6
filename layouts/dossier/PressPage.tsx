import type { ReactNode } from 'react';
import { View, Text } from '@react-pdf/renderer';
import { Sheet } from '../components/Sheet.js';
import { useGeometry } from '../geometry.js';
import { mm } from '../../src/units.js';
import { frames } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { text, type } from '../styles.js';

/**
 * A page of the dossier de presse (A4): a heading with its kicker, the campaign and the folio
 * (`folio`, its page number) in the foot. Each PressPage is planned as one page: content that
 * does not fit would add a page, which the preflight's planned page count refuses.
 */
export function PressPage({ kicker, heading, footer, folio, children }: { kicker: string; heading: string; footer: string; folio: number; children: ReactNode }) {
  const { format, margins } = frames['dossier-de-presse'];
  const { bleed } = useGeometry();
  return (
    <Sheet format={format} background={ink('paper')} number={folio}>
      <View style={{ position: 'absolute', top: -mm(bleed), left: mm(margins.inside), width: mm(18), height: mm(10 + bleed), backgroundColor: ink('brand') }} />
      <View style={{ position: 'absolute', bottom: mm(margins.bottom - 10), left: mm(margins.inside), right: mm(margins.outside), flexDirection: 'row', justifyContent: 'space-between', borderTopWidth: theme.rules.hairline, borderTopColor: ink('rule'), paddingTop: mm(1.5) }}>
        <Text style={{ ...text.caption }}>{footer}</Text>
        <Text style={{ ...text.caption, ...text.strong }}>{String(folio)}</Text>
      </View>
      <View style={{ position: 'absolute', top: mm(margins.top), left: mm(margins.inside), right: mm(margins.outside), bottom: mm(margins.bottom) }}>
      <Text style={{ ...text.caption, ...text.semibold, color: ink('brand'), textTransform: 'uppercase', letterSpacing: 1 }}>{kicker}</Text>
      <Text style={{ ...text.display, ...type('pressHeading'), color: ink('ink'), marginBottom: mm(theme.space.lg) }}>{heading}</Text>
      {children}
      </View>
    </Sheet>
  );
}
