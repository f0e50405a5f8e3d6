import { Document, View, Text } from '@react-pdf/renderer';
import type { QrMatrix } from '../../src/qr/matrix.js';
import type { DocMeta } from '../../src/documents/programme-props.js';
import { mm } from '../../src/units.js';
import { Sheet } from '../components/Sheet.js';
import { frames, textArea } from '../frames.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type } from '../styles.js';
import { Triangles } from '../components/Triangles.js';
import { QrCode, qrOuterSize } from '../components/QrCode.js';
import { PartnerStrip, type PlacedPartner } from '../components/PartnerStrip.js';

/** What the affiche prints, every string final. */
export interface AfficheProps {
  meta: DocMeta;
  edition?: string;
  title: string;
  region: string;
  period: string;
  tagline?: string;
  /** "75" and "événements". */
  eventCount: { value: string; label: string };
  departements: string;
  programmeUrl?: string;
  programmeQr?: QrMatrix;
  organiser: string;
  partners: PlacedPartner[];
}

/** The affiche (A3 poster, one page): the campaign, its period and region, the number of events, the QR code to the online programme, the partners. */
export function Affiche(p: AfficheProps) {
  const { format, margins } = frames.affiche;
  const area = textArea(frames.affiche);
  const band = 72;
  const qrSide = p.programmeQr ? qrOuterSize(p.programmeQr, theme.qr.posterSize - 15) : 0;
  const qrBlock = 118;
  return (
    <Document {...p.meta}>
      <Sheet format={format} background={ink('brand')}>
        <Triangles width={format.width} height={format.height - band} colours={[sectionInk(3), ink('ink'), sectionInk(6)]} />
        <View style={{ position: 'absolute', top: mm(margins.top), left: mm(margins.outside), width: mm(area.width) }}>
          {p.edition ? <Text style={{ ...text.semibold, ...type('h2'), color: ink('paper'), letterSpacing: 1.5 }}>{p.edition}</Text> : null}
          <Text style={{ ...text.display, ...type('poster'), color: ink('paper'), marginTop: mm(theme.space.md) }}>{p.title}</Text>
          <Text style={{ ...text.displayBold, ...type('h1'), fontSize: 40, lineHeight: 1.05, color: ink('paper'), marginTop: mm(theme.space.lg) }}>{p.region}</Text>
          <Text style={{ ...text.semibold, ...type('h1'), color: ink('ink'), marginTop: mm(theme.space.md) }}>{p.period}</Text>
          {p.tagline ? <Text style={{ ...text.italic, ...type('h2'), color: ink('paper'), marginTop: mm(theme.space.lg) }}>{p.tagline}</Text> : null}
        </View>
        <View style={{ position: 'absolute', left: mm(margins.outside), bottom: mm(band + 12), flexDirection: 'row', alignItems: 'flex-end' }}>
          <Text style={{ ...text.display, fontSize: 150, lineHeight: 0.85, color: ink('paper') }}>{p.eventCount.value}</Text>
          <View style={{ marginLeft: mm(5), marginBottom: mm(3) }}>
            <Text style={{ ...text.display, ...type('h1'), fontSize: 34, color: ink('paper') }}>{p.eventCount.label}</Text>
            <Text style={{ ...text.semibold, ...type('lead'), fontSize: 14, color: ink('paper') }}>{p.departements}</Text>
          </View>
        </View>
        <View style={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: mm(band), backgroundColor: ink('paper') }} />
        <View style={{ position: 'absolute', left: mm(margins.outside), bottom: mm(band - 14 - qrSide), width: mm(qrBlock), flexDirection: 'row', alignItems: 'center' }}>
          {p.programmeQr ? <QrCode qr={p.programmeQr} size={theme.qr.posterSize - 15} /> : null}
          <View style={{ marginLeft: mm(3), width: mm(qrBlock - qrSide - 3) }}>
            <Text style={{ ...text.displayBold, ...type('h2'), color: ink('ink') }}>Tout le programme</Text>
            {p.programmeUrl ? <Text style={{ ...text.strong, ...type('lead'), color: ink('brand') }}>{p.programmeUrl.replace(/^https?:\/\//, '')}</Text> : null}
          </View>
        </View>
        <View style={{ position: 'absolute', left: mm(margins.outside + qrBlock + 8), bottom: mm(band - 14 - qrSide), width: mm(area.width - qrBlock - 8) }}>
          <PartnerStrip partners={p.partners} logoHeight={11} width={mm(area.width - qrBlock - 8)} nameWidth={30} title="Partenaires" />
        </View>
        <Text style={{ ...text.caption, position: 'absolute', left: mm(margins.outside), bottom: mm(margins.bottom - 8), width: mm(area.width) }}>{p.organiser}</Text>
      </Sheet>
    </Document>
  );
}
