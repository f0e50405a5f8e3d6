import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { Sheet } from '../components/Sheet.js';
import { frames } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { text, type } from '../styles.js';
import { Triangles } from '../components/Triangles.js';

/** Front cover of the programme: the campaign, its edition, region and period, on the brand colour. */
export function Cover({ title, edition, region, period, tagline, eventCount }: {
  title: string; edition?: string; region?: string; period: string; tagline?: string; eventCount: string;
}) {
  const { format, margins } = frames.programme;
  return (
    <Sheet format={format} background={ink('brand')} number={1}>
      <Triangles width={format.width} height={format.height} colours={[ink('sun'), ink('ink'), ink('magenta')]} />
      <View style={{ position: 'absolute', top: mm(margins.top + 6), left: mm(margins.outside + 2), right: mm(margins.outside + 2) }}>
        {edition ? <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper'), letterSpacing: 1 }}>{edition}</Text> : null}
        <Text style={{ ...text.display, ...type('display'), color: ink('paper'), marginTop: mm(theme.space.md) }}>{title}</Text>
        {region ? <Text style={{ ...text.displayBold, ...type('h2'), color: ink('paper'), marginTop: mm(theme.space.md) }}>{region}</Text> : null}
        <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper'), marginTop: mm(theme.space.sm) }}>{period}</Text>
      </View>
      <View style={{ position: 'absolute', bottom: mm(margins.bottom + 4), left: mm(margins.outside + 2), right: mm(margins.outside + 30) }}>
        <Text style={{ ...text.display, ...type('h1'), color: ink('paper') }}>Programme</Text>
        <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper') }}>{eventCount}</Text>
        {tagline ? <Text style={{ ...text.italic, ...type('lead'), color: ink('paper'), marginTop: mm(theme.space.sm) }}>{tagline}</Text> : null}
      </View>
    </Sheet>
  );
}
