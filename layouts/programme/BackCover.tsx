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
import { Headline } from '../components/Headline.js';
import { QrCode, qrOuterSize } from '../components/QrCode.js';
import { PartnerStrip, type PlacedPartner } from '../components/PartnerStrip.js';

/**
 * Back cover: in the dark band, the campaign and the online programme (QR code); under it,
 * the period, the count and the tagline; at the foot, anchored to the bottom margin, the
 * partners, the organiser and the credits (the organiser's name once: not again when the
 * credits name it).
 */
export function BackCover({ number, title, period, eventCount, tagline, programmeUrl, programmeQr, organiser, partners, credits }: {
  number: number; title: string; period: string; eventCount: string; tagline?: string; programmeUrl?: string; programmeQr?: QrMatrix; organiser: string[]; partners: PlacedPartner[]; credits?: string;
}) {
  const { format, margins } = frames.programme;
  const area = textArea(frames.programme);
  const back = theme.programme.backCover;
  /** The dark band holds the title and the QR code: the top margin and the theme's `band` below it. */
  const band = margins.top + back.band;
  const { bleed } = useGeometry();
  /** The title's width beside the QR code, mm (the gutter between them excluded). */
  const titleWidth = area.width - (programmeQr ? qrOuterSize(programmeQr, theme.qr.flyerSize) : 0) - theme.space.md;
  // The organiser's name once: the credits that name it stand for it.
  const credited = Boolean(credits && organiser[0] && credits.includes(organiser[0]));
  const shownOrganiser = credited ? organiser.slice(1) : organiser;
  return (
    <Sheet format={format} background={ink('paper')} number={number}>
      <View style={{ position: 'absolute', top: -mm(bleed), left: -mm(bleed), right: -mm(bleed), height: mm(band + bleed), backgroundColor: ink('ink') }} />
      <View style={{ position: 'absolute', top: mm(margins.top), left: mm(margins.outside), right: mm(margins.inside), flexDirection: 'row', alignItems: 'flex-start' }}>
        <View style={{ width: mm(titleWidth + theme.space.md), paddingRight: mm(theme.space.md) }}>
          <DisplayLine size={type('h1')} width={titleWidth} style={{ color: ink('paper') }}>{title}</DisplayLine>
          {programmeUrl ? (
            <View>
              <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper'), marginTop: mm(theme.space.md) }}>Tout le programme, mis à jour, en ligne{'\u00A0'}:</Text>
              <Text style={{ ...text.strong, ...type('lead'), color: ink('onInk'), marginTop: mm(theme.space.xs) }}>{programmeUrl.replace(/^https?:\/\//, '')}</Text>
            </View>
          ) : null}
        </View>
        {programmeQr ? <QrCode qr={programmeQr} size={theme.qr.flyerSize} /> : null}
      </View>
      <View style={{ position: 'absolute', top: mm(band + theme.space.xl), left: mm(margins.outside), width: mm(area.width) }}>
        <Headline width={area.width} style={{ ...text.displayBold, ...type('h2'), color: ink('ink') }}>{period}</Headline>
        <Headline width={area.width} style={{ ...text.semibold, ...type('lead'), color: ink('text'), marginTop: mm(theme.space.xs) }}>{eventCount}</Headline>
        {tagline ? <Headline width={area.width} style={{ ...text.italic, ...type('lead'), color: ink('muted'), marginTop: mm(theme.space.md) }}>{tagline}</Headline> : null}
      </View>
      <View style={{ position: 'absolute', bottom: mm(margins.bottom), left: mm(margins.outside), width: mm(area.width) }}>
        {partners.length > 0 ? <View style={{ marginBottom: mm(theme.space.lg) }}><PartnerStrip partners={partners} logoHeight={back.logoHeight} width={mm(area.width)} nameWidth={back.partnerNameWidth} title="Avec le soutien de" /></View> : null}
        <View style={{ borderTopWidth: theme.rules.hairline, borderTopColor: ink('rule'), paddingTop: mm(theme.space.md) }}>
          {shownOrganiser.map((line, i) => (
            <Text key={i} style={{ ...text.muted, ...(i === 0 && !credited ? { ...text.strong, color: ink('text') } : {}) }}>{line}</Text>
          ))}
          {credits ? <Text style={{ ...text.caption, marginTop: shownOrganiser.length > 0 ? mm(theme.space.sm) : 0 }}>{credits}</Text> : null}
        </View>
      </View>
    </Sheet>
  );
}
