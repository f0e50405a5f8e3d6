import { Document, View, Text } from '@react-pdf/renderer';
import type { QrMatrix } from '../../src/qr/matrix.js';
import type { DocMeta } from '../../src/documents/programme-props.js';
import { mm, toMm, FORMATS } from '../../src/units.js';
import { Sheet } from '../components/Sheet.js';
import { useGeometry } from '../geometry.js';
import { frames, textArea } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { TITLE_LINES, fitFactor, fittedDisplay } from '../fit.js';
import { text, type } from '../styles.js';
import { Triangles, clearOfMotif } from '../components/Triangles.js';
import { DisplayLine } from '../components/DisplayLine.js';
import { QrCode, qrOuterSize } from '../components/QrCode.js';
import { PartnerStrip, type PlacedPartner } from '../components/PartnerStrip.js';

/** What the affiche prints, every string final. */
export interface AfficheProps {
  meta: DocMeta;
  edition?: string;
  title: string;
  region?: string;
  period: string;
  tagline?: string;
  /** "75" and "événements". */
  eventCount: { value: string; label: string };
  /** Events per département, in programme order: name and printed count. */
  departements: { name: string; count: string }[];
  /** Printed instead of the list: « dans 96 départements » when it is too long for the affiche, the département's name when there is one. */
  /** The places in one line (« dans 3 départements et 2 pays »); absent for a campaign that gives no place: no list then. */
  departementsLine?: string;
  programmeUrl?: string;
  programmeQr?: QrMatrix;
  organiser: string;
  partners: PlacedPartner[];
}

/**
 * The affiche (one page; A3, A2 or 40 × 60 cm with `--format`): the campaign, its period and
 * region, the number of events per département, the QR code to the online programme, the
 * partners. One design: distances (the theme's `affiche`, given at A3) and type sizes scale
 * with the trim width. Départements are listed one by one up to `affiche.departements.listed`
 * (a national campaign's affiche gives their number instead: a list of 96 would be too small
 * to read from a distance).
 */
export function Affiche(p: AfficheProps) {
  const { format, margins } = frames.affiche;
  const area = textArea(frames.affiche);
  // One design for every poster format: distances and type scale with the trim width (A3 = 1).
  const k = format.width / FORMATS.A3.width;
  const s = (v: number) => v * k;
  const big = (step: Parameters<typeof type>[0]) => ({ ...type(step), fontSize: type(step).fontSize * k });
  const a = theme.affiche;
  const list = a.departements;
  // The paper band at the foot holds the QR code and the partners: without either, no band
  // (an empty white strip with one credit): the brand colour and the motif run to the trim,
  // the organiser in paper at the foot.
  const hasBand = Boolean(p.programmeQr && p.programmeUrl) || p.partners.length > 0;
  const band = hasBand ? s(a.band.height) : 0;
  /** From the trim's foot to the foot of the count and list: above the band, or above the organiser line. */
  const footClear = hasBand ? band + s(a.band.gap) : margins.bottom + s(a.band.gap);
  /** The trim the motif covers: above the band. */
  const motif = { width: format.width, height: format.height - band };
  // The title block keeps a gutter left of the motif's top triangle, at the title's top (mm).
  const titleTop = margins.top + (p.edition ? toMm(theme.type.h2[1] * k) : 0) + s(theme.space.md);
  const titleWidth = Math.min(area.width, clearOfMotif(motif, margins.outside, titleTop, s(theme.space.md)));
  const { bleed } = useGeometry();
  const qrSize = s(theme.qr.posterSize);
  const qrSide = p.programmeQr ? qrOuterSize(p.programmeQr, qrSize) : 0;
  const qrBlock = s(a.qr.block);
  // The list of départements: one column up to 6, then two narrower ones, all left
  // of the motif's lower triangle with a gutter, where its edge is furthest left: at the
  // list's foot (the triangles stop at the band).
  // One département: its name alone (a list would repeat the total beside it).
  const listed = p.departements.length >= 2 && p.departements.length <= list.listed;
  const listColumns = !listed || p.departements.length <= list.oneColumn ? 1 : 2;
  const listStep = !listed ? 'posterLabel' : listColumns === 1 ? 'h1' : 'h2';
  const listFoot = format.height - footClear;
  const listClear = clearOfMotif(motif, margins.outside, listFoot, s(theme.space.md));
  const listWidth = Math.min(listColumns === 1 ? area.width * list.width : area.width, listClear);
  const cellWidth = (listWidth - (listColumns - 1) * s(list.columnGap)) / listColumns;
  // Each name on one line: the step is set smaller until the longest fits its cell
  // (« Alpes-de-Haute-Provence » in half the list's width).
  const listSize = listed ? p.departements.reduce((size, d) => fittedDisplay(d.name, size, mm(cellWidth - s(list.countWidth)), 700, 1), big(listStep)) : big(listStep);
  // The count above it ends higher, where the edge is further right: its foot is the list's
  // height (rows of the list's step, padded above and below) and a gap above the list's foot.
  // No place at all (a conference's rooms only): no list, the count alone at the foot.
  const hasList = listed || p.departementsLine !== undefined;
  const listRows = listed ? Math.ceil(p.departements.length / listColumns) : 1;
  const countFoot = hasList ? listFoot - listRows * (toMm(listSize.fontSize * listSize.lineHeight) + s(2 * list.rowPadding)) - s(theme.space.xl) : listFoot;
  const countWidth = Math.max(listWidth, Math.min(area.width, clearOfMotif(motif, margins.outside, countFoot, s(theme.space.md))));
  // The figure and its label on one line, both smaller when they do not fit (« 10 000 »).
  const countGap = s(a.count.gap);
  const countSize = big('posterCount');
  const labelSize = big('posterLabel');
  const f = fitFactor(
    [
      { text: p.eventCount.value, size: countSize.fontSize, weight: 900 },
      { text: p.eventCount.label, size: labelSize.fontSize, weight: 900 },
    ],
    mm(countGap),
    mm(countWidth),
  );
  return (
    <Document {...p.meta}>
      <Sheet format={format} background={ink('brand')} number={1}>
        <Triangles width={motif.width} height={motif.height} colours={[ink('sun'), ink('ink'), ink('magenta')]} />
        <View style={{ position: 'absolute', top: mm(margins.top), left: mm(margins.outside), width: mm(area.width) }}>
          {p.edition ? <Text style={{ ...text.semibold, ...big('h2'), color: ink('paper'), letterSpacing: s(theme.tracking.posterEdition) }}>{p.edition}</Text> : null}
          <DisplayLine size={big('poster')} width={titleWidth} maxLines={TITLE_LINES} style={{ color: ink('paper'), marginTop: mm(s(theme.space.md)) }}>{p.title}</DisplayLine>
          {p.region ? <DisplayLine size={big('posterRegion')} width={titleWidth} weight={700} style={{ color: ink('paper'), marginTop: mm(s(theme.space.lg)) }}>{p.region}</DisplayLine> : null}
          <Text style={{ ...text.semibold, ...big('h1'), color: ink('onBrand'), marginTop: mm(s(theme.space.md)) }}>{p.period}</Text>
          {p.tagline ? <Text style={{ ...text.italic, ...big('h2'), color: ink('paper'), marginTop: mm(s(theme.space.lg)) }}>{p.tagline}</Text> : null}
        </View>
        <View style={{ position: 'absolute', left: mm(margins.outside), bottom: mm(footClear), width: mm(countWidth) }}>
          <View style={{ flexDirection: 'row', alignItems: 'flex-end' }}>
            <Text style={{ ...text.display, ...countSize, fontSize: countSize.fontSize * f, color: ink('paper') }}>{p.eventCount.value}</Text>
            <Text style={{ ...text.display, ...labelSize, fontSize: labelSize.fontSize * f, color: ink('paper'), marginLeft: mm(countGap), marginBottom: mm(s(a.count.raise) * f) }}>{p.eventCount.label}</Text>
          </View>
          {hasList ? (
            <View style={{ width: mm(listWidth), marginTop: mm(s(theme.space.xl)), flexDirection: 'row', justifyContent: 'space-between', borderTopWidth: theme.rules.regular, borderTopColor: ink('paper') }}>
              {listed ? (
                // Read down each column, in the programme's order.
                Array.from({ length: listColumns }, (_, c) => p.departements.slice(c * listRows, (c + 1) * listRows)).map((column, c) => (
                  <View key={c} style={{ width: mm(cellWidth) }}>
                    {column.map((d) => (
                      <View key={d.name} style={{ flexDirection: 'row', justifyContent: 'space-between', paddingTop: mm(s(list.rowPadding)), paddingBottom: mm(s(list.rowPadding)), borderBottomWidth: theme.rules.hairline, borderBottomColor: ink('paper') }}>
                        <Text style={{ ...text.displayBold, ...listSize, color: ink('paper'), width: mm(cellWidth - s(list.countWidth)) }}>{d.name}</Text>
                        <Text style={{ ...text.display, ...listSize, color: ink('paper'), marginLeft: mm(s(list.countGap)) }}>{d.count}</Text>
                      </View>
                    ))}
                  </View>
                ))
              ) : (
                <Text style={{ ...text.displayBold, ...listSize, color: ink('paper'), paddingTop: mm(s(list.rowPadding)), paddingBottom: mm(s(list.rowPadding)) }}>{p.departementsLine}</Text>
              )}
            </View>
          ) : null}
        </View>
        {hasBand ? <View style={{ position: 'absolute', left: -mm(bleed), right: -mm(bleed), bottom: -mm(bleed), height: mm(band + bleed), backgroundColor: ink('paper') }} /> : null}
        {p.programmeQr && p.programmeUrl ? (
          <View style={{ position: 'absolute', left: mm(margins.outside), bottom: mm(band - s(a.band.gap) - qrSide), width: mm(qrBlock), flexDirection: 'row', alignItems: 'center' }}>
            <QrCode qr={p.programmeQr} size={qrSize} />
            <View style={{ marginLeft: mm(s(a.qr.gap)), width: mm(qrBlock - qrSide - s(a.qr.gap)) }}>
              <Text style={{ ...text.displayBold, ...big('h2'), color: ink('ink') }}>Tout le programme</Text>
              <Text style={{ ...text.strong, ...big('lead'), color: ink('brandText') }}>{p.programmeUrl.replace(/^https?:\/\//, '')}</Text>
            </View>
          </View>
        ) : null}
        {p.partners.length > 0 ? (
          <View style={{ position: 'absolute', left: mm(margins.outside + qrBlock + s(a.partners.gap)), bottom: mm(band - s(a.band.gap) - qrSide), width: mm(area.width - qrBlock - s(a.partners.gap)) }}>
            <PartnerStrip partners={p.partners} logoHeight={s(a.partners.logoHeight)} width={mm(area.width - qrBlock - s(a.partners.gap))} nameWidth={s(a.partners.nameWidth)} title="Partenaires" />
          </View>
        ) : null}
        {hasBand ? (
          <Text style={{ ...text.caption, position: 'absolute', left: mm(margins.outside), bottom: mm(margins.bottom - s(a.organiserOffset)), width: mm(area.width) }}>{p.organiser}</Text>
        ) : (
          <Text style={{ ...text.semibold, ...big('lead'), color: ink('paper'), position: 'absolute', left: mm(margins.outside), bottom: mm(margins.bottom), width: mm(listWidth) }}>{p.organiser}</Text>
        )}
      </Sheet>
    </Document>
  );
}
