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
import { text, type, keepWhole, spaced } from '../styles.js';
import { Headline } from '../components/Headline.js';
import { KeyFigure } from '../components/KeyFigure.js';
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
  /** The campaign in figures for the recto: events, départements, communes. */
  figures: { value: string; label: string }[];
  /** The départements' names, in programme order. */
  departements: string[];
  /** Events to put forward on the verso, best first (any prefix a fair spread): the tract shows as many as its verso holds. */
  highlights: Highlight[];
  programmeUrl?: string;
  programmeQr?: QrMatrix;
  organiser: string;
}

/** Width of the highlights' column on the tract's verso, mm. */
export function highlightWidth(): number {
  return textArea(frames.flyer).width;
}

/** An event put forward on the tract's verso: its date, its title (never hyphenated) and its place, on a rule of the brand colour. */
export function FlyerHighlight({ h }: { h: Highlight }) {
  const width = highlightWidth();
  return (
    <View style={{ borderLeftWidth: theme.rules.bold, borderLeftColor: ink('brand'), paddingLeft: mm(theme.space.md - theme.space.xs), marginBottom: mm(theme.space.md) }}>
      {h.when ? <Text style={{ ...text.body, ...text.semibold, color: ink('brandText') }}>{h.when}</Text> : null}
      <Headline width={width - theme.space.md} style={{ ...text.strong, ...type('h3'), color: ink('text') }}>{h.title}</Headline>
      <Text hyphenationCallback={keepWhole} style={{ ...text.body, color: ink('muted') }}>{h.place}</Text>
    </View>
  );
}

/** The verso's heading, « À ne pas manquer », with its space below. */
export function FlyerVersoHeading() {
  return <Text style={{ ...text.display, ...type('h1'), color: ink('ink'), marginBottom: mm(theme.space.md) }}>À ne pas manquer</Text>;
}

/**
 * The verso's foot: the QR code to the online programme, its address and the organiser, on a
 * tinted panel (its padding and gaps the theme's `flyer.foot`). A campaign with no online
 * programme has no panel: the organiser alone, on a rule.
 */
export function FlyerFoot({ p }: { p: FlyerProps }) {
  const area = textArea(frames.flyer);
  const foot = theme.flyer.foot;
  if (!p.programmeUrl) {
    return (
      <View style={{ borderTopWidth: theme.rules.hairline, borderTopColor: ink('rule'), paddingTop: mm(foot.organiserGap) }}>
        <Headline width={area.width} style={{ ...text.caption }}>{p.organiser}</Headline>
      </View>
    );
  }
  return (
    <View style={{ flexDirection: 'row', alignItems: 'center', backgroundColor: ink('tint'), padding: mm(foot.padding) }}>
      {p.programmeQr ? <QrCode qr={p.programmeQr} size={theme.qr.eventSize} /> : null}
      <View style={{ marginLeft: mm(foot.qrGap), width: mm(area.width - 2 * foot.padding - foot.qrGap - (p.programmeQr ? qrOuterSize(p.programmeQr, theme.qr.eventSize) : 0)) }}>
        <Text style={{ ...text.displayBold, ...type('h3'), color: ink('ink') }}>Tout le programme en ligne</Text>
        <Text style={{ ...text.strong, ...type('body'), color: ink('brandText') }}>{p.programmeUrl.replace(/^https?:\/\//, '')}</Text>
        <Text style={{ ...text.caption, marginTop: mm(foot.organiserGap) }}>{p.organiser}</Text>
      </View>
    </View>
  );
}

/**
 * The tract (A5, recto and verso). The recto: the campaign, its period and tagline at the
 * head; at the foot, clear of the motif, the campaign in figures and its départements. The
 * verso: the first `shown` highlights in date order, spread down to the QR code to the
 * online programme (`shown` as src/documents/flyer.tsx measured the verso to hold). Distances
 * not in the theme's scale (`space`) are its `flyer` block.
 */
export function Flyer({ props: p, shown }: { props: FlyerProps; shown: number }) {
  const { format, margins } = frames.flyer;
  const area = textArea(frames.flyer);
  // The title block keeps a gutter left of the motif's top triangle, at the title's top (mm).
  const titleTop = margins.top + theme.flyer.top + (p.edition ? toMm(theme.type.lead[1]) : 0) + theme.space.md;
  const titleWidth = Math.min(area.width, clearOfMotif(format, margins.outside, titleTop, theme.space.md));
  // The foot block keeps clear of the lower triangle, which leans left going down: its width at the foot.
  const footWidth = Math.min(area.width, clearOfMotif(format, margins.outside, format.height - margins.bottom, theme.space.md));
  const { bleed } = useGeometry();
  const highlights = p.highlights.slice(0, shown).map((h, i) => ({ h, i })).sort((a, b) => (a.h.start ?? '9999').localeCompare(b.h.start ?? '9999') || a.i - b.i).map(({ h }) => h);
  return (
    <Document {...p.meta}>
      <Sheet format={format} background={ink('brand')} number={1}>
        <Triangles width={format.width} height={format.height} colours={[ink('sun'), ink('ink'), ink('magenta')]} />
        <View style={{ position: 'absolute', top: mm(margins.top + theme.flyer.top), left: mm(margins.outside), width: mm(area.width) }}>
          {p.edition ? <Text style={{ ...text.semibold, ...type('lead'), color: ink('paper'), ...spaced(theme.tracking.edition) }}>{p.edition}</Text> : null}
          <DisplayLine size={type('display')} width={titleWidth} maxLines={TITLE_LINES} style={{ color: ink('paper'), marginTop: mm(theme.space.md) }}>{p.title}</DisplayLine>
          {p.region ? <DisplayLine size={type('h2')} width={titleWidth} weight={700} style={{ color: ink('paper'), marginTop: mm(theme.space.md) }}>{p.region}</DisplayLine> : null}
          <Headline width={titleWidth} style={{ ...text.semibold, ...type('h3'), color: ink('onBrand'), marginTop: mm(theme.space.sm) }}>{p.period}</Headline>
          {p.tagline ? <Headline width={titleWidth} style={{ ...text.italic, ...type('lead'), color: ink('paper'), marginTop: mm(theme.space.md) }}>{p.tagline}</Headline> : null}
        </View>
        <View style={{ position: 'absolute', bottom: mm(margins.bottom), left: mm(margins.outside), width: mm(footWidth) }}>
          {p.figures.map((f) => <KeyFigure key={f.label} value={f.value} label={f.label} colour={ink('paper')} labelColour={ink('paper')} size="display" />)}
          {p.departements.length > 0 ? <Headline width={footWidth} style={{ ...text.semibold, ...type('lead'), color: ink('paper'), marginTop: mm(theme.space.sm) }}>{p.departements.join('\u00a0· ')}</Headline> : null}
        </View>
      </Sheet>
      <Sheet format={format} background={ink('paper')} number={2}>
        <View style={{ position: 'absolute', top: -mm(bleed), left: -mm(bleed), right: -mm(bleed), height: mm(theme.flyer.band + bleed), backgroundColor: ink('brand') }} />
        <View style={{ position: 'absolute', top: mm(margins.top), left: mm(margins.outside), width: mm(area.width), bottom: mm(margins.bottom) }}>
          <FlyerVersoHeading />
          <View style={{ flexGrow: 1, justifyContent: 'space-between', marginBottom: mm(theme.space.md) }}>
            {highlights.map((h) => <FlyerHighlight key={h.id} h={h} />)}
          </View>
          <FlyerFoot p={p} />
        </View>
      </Sheet>
    </Document>
  );
}
