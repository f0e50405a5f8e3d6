import { View, Text } from '@react-pdf/renderer';
import type { QrMatrix } from '../../src/qr/matrix.js';
import { mm } from '../../src/units.js';
import { Sheet } from '../components/Sheet.js';
import { useGeometry } from '../geometry.js';
import { frames, textArea } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { text, type } from '../styles.js';
import { DisplayLine } from '../components/DisplayLine.js';
import { QrCode, qrOuterSize } from '../components/QrCode.js';
import { PartnerStrip, type PlacedPartner } from '../components/PartnerStrip.js';

/** Back cover: the online programme (QR code), the organiser, the partners, the credits. */
export function BackCover({ number, title, programmeUrl, programmeQr, organiser, partners, credits }: {
  number: number; title: string; programmeUrl?: string; programmeQr?: QrMatrix; organiser: string[]; partners: PlacedPartner[]; credits?: string;
}) {
  const { format, margins } = frames.programme;
  const area = textArea(frames.programme);
  const back = theme.programme.backCover;
  /** The dark band holds the title and the QR code: the top margin and the theme's `band` below it. */
  const band = margins.top + back.band;
  const { bleed } = useGeometry();
  /** The title's width beside the QR code, mm (the gutter between them excluded). */
  const titleWidth = area.width - (programmeQr ? qrOuterSize(programmeQr, theme.qr.flyerSize) : 0) - theme.space.md;
  return (
    <Sheet format={format} background={ink('paper')} number={number}>
      <View style={{ position: 'absolute', top: -mm(bleed), left: -mm(bleed), right: -mm(bleed), height: mm(band + bleed), backgroundColor: ink('ink') }} />
      <View style={{ position: 'absolute', top: mm(margins.top), left: mm(margins.outside), right: mm(margins.inside), flexDirection: 'row', alignItems: 'flex-start' }}>
        <View style={{ width: mm(titleWidth + theme.space.md), paddingRight: mm(theme.space.md) }}>
          <DisplayLine size={type('h1')} width={titleWidth} style={{ color: ink('paper') }}>{title}</DisplayLine>
          {programmeUrl ? (
            <View>
              <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper'), marginTop: mm(theme.space.md) }}>Tout le programme, mis à jour, en ligne{'\u00A0'}:</Text>
              <Text style={{ ...text.strong, ...type('lead'), color: ink('brand'), marginTop: mm(theme.space.xs) }}>{programmeUrl.replace(/^https?:\/\//, '')}</Text>
            </View>
          ) : null}
        </View>
        {programmeQr ? <QrCode qr={programmeQr} size={theme.qr.flyerSize} /> : null}
      </View>
      <View style={{ position: 'absolute', top: mm(band + theme.space.xl), left: mm(margins.outside), right: mm(margins.inside) }}>
        {partners.length > 0 ? <PartnerStrip partners={partners} logoHeight={back.logoHeight} width={mm(area.width)} nameWidth={back.partnerNameWidth} title="Avec le soutien de" /> : null}
        <View style={{ marginTop: mm(theme.space.lg) }}>
          {organiser.map((line, i) => (
            <Text key={i} style={{ ...text.muted, ...(i === 0 ? { ...text.strong, color: ink('text') } : {}) }}>{line}</Text>
          ))}
        </View>
        {credits ? <Text style={{ ...text.caption, marginTop: mm(theme.space.md) }}>{credits}</Text> : null}
      </View>
    </Sheet>
  );
}
