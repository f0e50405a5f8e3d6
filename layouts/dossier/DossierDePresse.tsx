import { Document, View, Text } from '@react-pdf/renderer';
import type { DocMeta } from '../../src/documents/programme-props.js';
import { mm, toMm } from '../../src/units.js';
import { Sheet } from '../components/Sheet.js';
import { frames, textArea } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { TITLE_LINES } from '../fit.js';
import { text, type } from '../styles.js';
import { Triangles, clearOfMotif } from '../components/Triangles.js';
import { DisplayLine } from '../components/DisplayLine.js';
import { KeyFigure } from '../components/KeyFigure.js';
import { BarChart, type Bar } from '../components/BarChart.js';
import { ShareDonut } from '../components/ShareDonut.js';
import { PartnerStrip, type PlacedPartner } from '../components/PartnerStrip.js';
import { PressPage } from './PressPage.js';

/** What the dossier de presse prints, every string final. */
export interface DossierProps {
  meta: DocMeta;
  title: string;
  edition?: string;
  region?: string;
  period: string;
  footer: string;
  /** Heading of the organisation page, e.g. « Qui fait le Mois de l’ESS ? ». */
  organisationHeading: string;
  pressConference?: string;
  contact: string[];
  communique: { lead: string; paragraphs: string[] };
  objectives: string[];
  organisation: { heading: string; text: string }[];
  /** The organiser, named on the organisation page when campaign.yaml describes no organisation. */
  organiser: { name: string; lines: string[] };
  actions: string[];
  figures: { value: string; label: string }[];
  /** « Une mobilisation dans toute la région » (or the département, or the whole country). */
  figuresHeading: string;
  bars: Bar[];
  /** « Événements par département », or for a national campaign the most active ones'. */
  barsHeading: string;
  /** « et 79 autres départements : 1 234 événements », when the chart shows only some. */
  barsNote?: string;
  /** The share of events the chamber (co-)organises; undefined when it organises none. */
  share?: { ratio: number; value: string; label: string };
  printRun: { value: string; label: string }[];
  prize?: {
    name: string;
    intro: string;
    categories: { name: string; amount: string }[];
    benefits: string[];
    applications: { value: string; label: string }[];
    preselected: { name: string; detail: string }[];
    outcome?: string;
  };
  partners: PlacedPartner[];
}

function Heading({ children, colour }: { children: string; colour?: string }) {
  return <Text style={{ ...text.displayBold, ...type('h2'), color: colour ?? ink('ink'), marginTop: mm(theme.space.lg), marginBottom: mm(theme.space.sm) }}>{children}</Text>;
}

function Bullets({ items }: { items: string[] }) {
  const width = textArea(frames['dossier-de-presse']).width - 5;
  return (
    <View>
      {items.map((item, i) => (
        <View key={i} style={{ flexDirection: 'row', marginBottom: mm(1.5) }}>
          <Text style={{ ...text.body, ...text.strong, color: ink('brand'), width: mm(5) }}>›</Text>
          <Text style={{ ...text.body, ...type('pressList'), width: mm(width) }}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** The dossier de presse (A4): cover, communiqué, key figures with charts drawn from the data, the prize, the press contact. */
export function DossierDePresse(p: DossierProps) {
  const { format, margins } = frames['dossier-de-presse'];
  const area = textArea(frames['dossier-de-presse']);
  // The title block keeps a gutter left of the motif's top triangle, at the title's top (mm).
  const titleTop = margins.top + 10 + toMm(theme.type.h3[1]) + (p.edition ? theme.space.xl + toMm(theme.type.lead[1]) : 0) + theme.space.sm;
  const titleWidth = Math.min(area.width, clearOfMotif(format, margins.inside, titleTop, theme.space.md));
  return (
    <Document {...p.meta}>
      <Sheet format={format} background={ink('brand')} number={1}>
        <Triangles width={format.width} height={format.height} colours={[ink('sun'), ink('ink'), ink('magenta')]} />
        <View style={{ position: 'absolute', top: mm(margins.top + 10), left: mm(margins.inside), width: mm(area.width) }}>
          <Text style={{ ...text.semibold, ...type('h3'), color: ink('paper'), textTransform: 'uppercase', letterSpacing: 2 }}>Dossier de presse</Text>
          {p.edition ? <Text style={{ ...text.semibold, ...type('lead'), color: ink('ink'), marginTop: mm(theme.space.xl), letterSpacing: 1 }}>{p.edition}</Text> : null}
          <DisplayLine size={type('pressCover')} width={titleWidth} maxLines={TITLE_LINES} style={{ color: ink('paper'), marginTop: mm(theme.space.sm) }}>{p.title}</DisplayLine>
          {p.region ? <DisplayLine size={type('h1')} width={titleWidth} weight={700} style={{ color: ink('paper'), marginTop: mm(theme.space.md) }}>{p.region}</DisplayLine> : null}
          <Text style={{ ...text.semibold, ...type('h2'), color: ink('onBrand'), marginTop: mm(theme.space.sm) }}>{p.period}</Text>
        </View>
        <View style={{ position: 'absolute', bottom: mm(margins.bottom + 10), left: mm(margins.inside), width: mm(110), backgroundColor: ink('paper'), padding: mm(5) }}>
          {p.pressConference ? <Text style={{ ...text.strong, ...type('lead'), color: ink('ink'), marginBottom: mm(2) }}>{p.pressConference}</Text> : null}
          <Text style={{ ...text.caption, ...text.semibold, textTransform: 'uppercase', letterSpacing: 0.6 }}>Contact presse</Text>
          {p.contact.map((line, i) => <Text key={i} style={{ ...text.body }}>{line}</Text>)}
        </View>
      </Sheet>

      <PressPage kicker="Communiqué" heading={p.communique.lead} footer={p.footer} folio={2}>
        {p.communique.paragraphs.map((para, i) => (
          <Text key={i} style={{ ...text.body, ...type('lead'), marginBottom: mm(theme.space.md) }}>{para}</Text>
        ))}
        {p.objectives.length > 0 ? (
          <View>
            <Heading colour={ink('brand')}>Objectifs</Heading>
            <Bullets items={p.objectives} />
          </View>
        ) : null}
      </PressPage>

      <PressPage kicker="Chiffres clés" heading={p.figuresHeading} footer={p.footer} folio={3}>
        <View style={{ flexDirection: 'row', flexWrap: 'wrap', marginBottom: mm(theme.space.md) }}>
          {p.figures.map((f) => <KeyFigure key={f.label} value={f.value} label={f.label} colour={ink('brand')} size="display" />)}
        </View>
        <Heading>{p.barsHeading}</Heading>
        <BarChart bars={p.bars} width={area.width} />
        {p.barsNote ? <Text style={{ ...text.body, ...text.semibold }}>{p.barsNote}</Text> : null}
        {p.share ? (
          <View style={{ flexDirection: 'row', alignItems: 'center', marginTop: mm(theme.space.md) }}>
            <ShareDonut share={p.share.ratio} size={34} colour={ink('brand')} track={ink('tint')} />
            <View style={{ marginLeft: mm(6), width: mm(area.width - 40) }}>
              <Text style={{ ...text.display, ...type('h1'), color: ink('brand') }}>{p.share.value}</Text>
              <Text style={{ ...text.body, ...type('lead') }}>{p.share.label}</Text>
            </View>
          </View>
        ) : null}
        {p.printRun.length > 0 ? (
          <View>
            <Heading>Tirage des supports</Heading>
            <View style={{ flexDirection: 'row', flexWrap: 'wrap' }}>
              {p.printRun.map((f) => <KeyFigure key={f.label} value={f.value} label={f.label} colour={ink('ink')} />)}
            </View>
          </View>
        ) : null}
      </PressPage>

      <PressPage kicker="Organisation" heading={p.organisationHeading} footer={p.footer} folio={4}>
        {p.organisation.length === 0 ? (
          <View wrap={false}>
            <Heading>{p.organiser.name}</Heading>
            {p.organiser.lines.map((line) => <Text key={line} style={{ ...text.body, ...type('lead') }}>{line}</Text>)}
          </View>
        ) : null}
        {p.organisation.map((o) => (
          <View key={o.heading} wrap={false}>
            <Heading>{o.heading}</Heading>
            <Text style={{ ...text.body, ...type('lead') }}>{o.text}</Text>
          </View>
        ))}
        {p.actions.length > 0 ? (
          <View wrap={false}>
            <Heading>Campagne de communication</Heading>
            <Bullets items={p.actions} />
          </View>
        ) : null}
        {p.partners.length > 0 ? (
          <View wrap={false} style={{ marginTop: mm(theme.space.lg) }}>
            <PartnerStrip partners={p.partners} logoHeight={12} width={mm(area.width)} nameWidth={34} title="Partenaires" />
          </View>
        ) : null}
      </PressPage>

      {p.prize ? (
        <PressPage kicker="Le prix" heading={p.prize.name} footer={p.footer} folio={5}>
          <Text style={{ ...text.body, ...type('lead'), marginBottom: mm(theme.space.md) }}>{p.prize.intro}</Text>
          <View style={{ flexDirection: 'row', flexWrap: 'wrap' }}>
            {p.prize.categories.map((c) => (
              <View key={c.name} style={{ width: mm((area.width - 6) / 2), marginRight: mm(3), marginBottom: mm(3), backgroundColor: ink('tint'), padding: mm(4) }}>
                <Text style={{ ...text.displayBold, ...type('h3'), color: ink('ink') }}>{c.name}</Text>
                <Text style={{ ...text.display, ...type('h2'), color: ink('brand') }}>{c.amount}</Text>
              </View>
            ))}
          </View>
          <Heading>Les lauréats bénéficient</Heading>
          <Bullets items={p.prize.benefits} />
          <View style={{ flexDirection: 'row', marginTop: mm(theme.space.md) }}>
            {p.prize.applications.map((f) => <KeyFigure key={f.label} value={f.value} label={f.label} colour={ink('brand')} />)}
          </View>
          <View wrap={false}>
            <Heading>Entreprises présélectionnées</Heading>
            {p.prize.preselected.map((e) => (
              <View key={e.name} style={{ flexDirection: 'row', marginBottom: mm(1.5) }}>
                <Text style={{ ...text.body, ...text.strong, ...type('pressList'), width: mm(70) }}>{e.name}</Text>
                <Text style={{ ...text.body, ...type('pressList'), width: mm(area.width - 70) }}>{e.detail}</Text>
              </View>
            ))}
            {p.prize.outcome ? <Text style={{ ...text.body, ...text.italic, ...type('pressList'), marginTop: mm(2) }}>{p.prize.outcome}</Text> : null}
          </View>
        </PressPage>
      ) : null}
    </Document>
  );
}
