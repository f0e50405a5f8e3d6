import { Document, View, Text } from '@react-pdf/renderer';
import type { QrMatrix } from '../../src/qr/matrix.js';
import type { DocMeta } from '../../src/documents/programme-props.js';
import { mm, toMm } from '../../src/units.js';
import { Sheet } from '../components/Sheet.js';
import { useGeometry } from '../geometry.js';
import { frames, textArea } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { TITLE_LINES } from '../fit.js';
import { text, type, keepWhole } from '../styles.js';
import { Triangles, clearOfMotif } from '../components/Triangles.js';
import { DisplayLine } from '../components/DisplayLine.js';
import { QrCode, qrOuterSize } from '../components/QrCode.js';

/** A highlighted event on the tract's verso. */
export interface Highlight {
  id: string;
  /** The start as authored ("2016-11-15 14:30"), to sort a selection by date. */
  start?: string;
  when?: string;
  title: string;
  place: string;
}

/** What the tract prints, every string final. */
export interface FlyerProps {
  meta: DocMeta;
  edition?: string;
  title: string;
  region?: string;
  period: string;
  tagline?: string;
  eventCount: string;
  highlights: Highlight[];
  programmeUrl?: string;
  programmeQr?: QrMatrix;
  organiser: string;
}

/** The tract (A5, recto and verso): the campaign and its period on the recto; highlights and the QR code to the online programme on the verso. */
export function Flyer(p: FlyerProps) {
  const { format, margins } = frames.flyer;
  const area = textArea(frames.flyer);
  // The title block keeps a gutter left of the motif's top triangle, at the title's top (mm).
  const titleTop = margins.top + 4 + (p.edition ? toMm(theme.type.lead[1]) : 0) + theme.space.md;
  const titleWidth = Math.min(area.width, clearOfMotif(format, margins.outside, titleTop, theme.space.md));
  const { bleed } = useGeometry();
  return (
    <Document {...p.meta}>
      <Sheet format={format} background={ink('brand')} number={1}>
        <Triangles width={format.width} height={format.height} colours={[ink('sun'), ink('ink'), ink('magenta')]} />
        <View style={{ position: 'absolute', top: mm(margins.top + 4), left: mm(margins.outside), width: mm(area.width) }}>
          {p.edition ? <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper'), letterSpacing: 1 }}>{p.edition}</Text> : null}
          <DisplayLine size={type('display')} width={titleWidth} maxLines={TITLE_LINES} style={{ color: ink('paper'), marginTop: mm(theme.space.md) }}>{p.title}</DisplayLine>
          {p.region ? <DisplayLine size={type('h2')} width={titleWidth} weight={700} style={{ color: ink('paper'), marginTop: mm(theme.space.md) }}>{p.region}</DisplayLine> : null}
          <Text style={{ ...text.semibold, ...type('h3'), color: ink('onBrand'), marginTop: mm(theme.space.sm) }}>{p.period}</Text>
          {p.tagline ? <Text style={{ ...text.italic, ...type('lead'), color: ink('paper'), marginTop: mm(theme.space.md) }}>{p.tagline}</Text> : null}
        </View>
        <View style={{ position: 'absolute', bottom: mm(margins.bottom + 2), left: mm(margins.outside), right: mm(margins.outside + 40) }}>
          <Text style={{ ...text.display, ...type('h1'), color: ink('paper') }}>{p.eventCount}</Text>
        </View>
      </Sheet>
      <Sheet format={format} background={ink('paper')} number={2}>
        <View style={{ position: 'absolute', top: -mm(bleed), left: -mm(bleed), right: -mm(bleed), height: mm(6 + bleed), backgroundColor: ink('brand') }} />
        <View style={{ position: 'absolute', top: mm(margins.top), left: mm(margins.outside), width: mm(area.width) }}>
          <Text style={{ ...text.display, ...type('h1'), color: ink('ink'), marginBottom: mm(theme.space.md) }}>À ne pas manquer</Text>
          {p.highlights.map((h) => (
            <View key={h.id} style={{ borderLeftWidth: theme.rules.bold, borderLeftColor: ink('brand'), paddingLeft: mm(3), marginBottom: mm(4.5) }}>
              {h.when ? <Text style={{ ...text.body, ...text.semibold, color: ink('brand') }}>{h.when}</Text> : null}
              <Text hyphenationCallback={keepWhole} style={{ ...text.strong, ...type('h3'), color: ink('text') }}>{h.title}</Text>
              <Text style={{ ...text.body, color: ink('muted') }}>{h.place}</Text>
            </View>
          ))}
        </View>
        <View style={{ position: 'absolute', bottom: mm(margins.bottom), left: mm(margins.outside), right: mm(margins.outside), flexDirection: 'row', alignItems: 'center', backgroundColor: ink('tint'), padding: mm(3) }}>
          {p.programmeQr ? <QrCode qr={p.programmeQr} size={theme.qr.eventSize} /> : null}
          <View style={{ marginLeft: mm(3), width: mm(area.width - 6 - 3 - (p.programmeQr ? qrOuterSize(p.programmeQr, theme.qr.eventSize) : 0)) }}>
            <Text style={{ ...text.displayBold, ...type('h3'), color: ink('ink') }}>Tout le programme en ligne</Text>
            {p.programmeUrl ? <Text style={{ ...text.strong, ...type('body'), color: ink('brand') }}>{p.programmeUrl.replace(/^https?:\/\//, '')}</Text> : null}
            <Text style={{ ...text.caption, marginTop: mm(1) }}>{p.organiser}</Text>
          </View>
        </View>
      </Sheet>
    </Document>
  );
}
