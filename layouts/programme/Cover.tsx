import { View, Text } from '@react-pdf/renderer';
import { mm, toMm } from '../../src/units.js';
import { Sheet } from '../components/Sheet.js';
import { frames } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { TITLE_LINES } from '../fit.js';
import { text, type } from '../styles.js';
import { Triangles, clearOfMotif } from '../components/Triangles.js';
import { DisplayLine } from '../components/DisplayLine.js';
import { tieLastWords } from '../hyphenation.js';

/**
 * Front cover of the programme: the campaign, its edition, region and period, on the brand
 * colour; its blocks inside the margins by the theme's `programme.cover`.
 */
export function Cover({ title, edition, region, period, tagline, eventCount }: {
  title: string; edition?: string; region?: string; period: string; tagline?: string; eventCount: string;
}) {
  const { format, margins } = frames.programme;
  const inset = theme.programme.cover;
  /** The foot block's distance from the trim's foot, mm. */
  const foot = margins.bottom + inset.foot;
  const left = margins.outside + inset.side;
  // The foot block stays on the flat colour: each part ends a gutter left of the motif's
  // slanted edge where that edge is furthest left, at the part's foot (the edge leans right
  // going up). Widths in mm.
  const clearAt = (y: number) => Math.min(format.width - 2 * left, clearOfMotif(format, left, y, theme.space.md));
  const clearWidth = (fromFoot: number) => clearAt(format.height - fromFoot);
  // The heading and the count sit at least one tagline line above the foot.
  const taglineLine = tagline ? toMm(theme.type.lead[1]) + theme.space.sm : 0;
  // The title block keeps the gutter left of the top triangle, at the title's top.
  const titleTop = margins.top + inset.top + (edition ? toMm(theme.type.lead[1]) : 0) + theme.space.md;
  const titleWidth = clearAt(titleTop);
  return (
    <Sheet format={format} background={ink('brand')} number={1}>
      <Triangles width={format.width} height={format.height} colours={[ink('sun'), ink('ink'), ink('magenta')]} />
      <View style={{ position: 'absolute', top: mm(margins.top + inset.top), left: mm(left), right: mm(left) }}>
        {edition ? <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper'), letterSpacing: theme.tracking.edition }}>{edition}</Text> : null}
        <DisplayLine size={type('display')} width={titleWidth} maxLines={TITLE_LINES} style={{ color: ink('paper'), marginTop: mm(theme.space.md) }}>{title}</DisplayLine>
        {region ? <DisplayLine size={type('h2')} width={titleWidth} weight={700} style={{ color: ink('paper'), marginTop: mm(theme.space.md) }}>{region}</DisplayLine> : null}
        <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper'), marginTop: mm(theme.space.sm) }}>{period}</Text>
      </View>
      <View style={{ position: 'absolute', bottom: mm(foot), left: mm(left), width: mm(clearWidth(foot + taglineLine)) }}>
        <Text style={{ ...text.display, ...type('h1'), color: ink('paper') }}>Programme</Text>
        <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper') }}>{eventCount}</Text>
        {tagline ? <Text style={{ ...text.italic, ...type('lead'), color: ink('paper'), marginTop: mm(theme.space.sm), width: mm(clearWidth(foot)) }}>{tieLastWords(tagline)}</Text> : null}
      </View>
    </Sheet>
  );
}
