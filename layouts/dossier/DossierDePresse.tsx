import type { ReactElement } from 'react';
import { Document, View, Text } from '@react-pdf/renderer';
import type { DocMeta } from '../../src/documents/programme-props.js';
import { mm, toMm } from '../../src/units.js';
import { Sheet } from '../components/Sheet.js';
import { frames, textArea } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { TITLE_LINES } from '../fit.js';
import { text, type, keepWhole, spaced } from '../styles.js';
import { Headline } from '../components/Headline.js';
import type { Highlight } from '../flyer/Flyer.js';
import { Triangles, clearOfMotif } from '../components/Triangles.js';
import { DisplayLine } from '../components/DisplayLine.js';
import { FigureRow, inRows } from '../components/KeyFigure.js';
import { BarChart, type Bar } from '../components/BarChart.js';
import { ShareDonut } from '../components/ShareDonut.js';
import { PartnerStrip, type PlacedPartner } from '../components/PartnerStrip.js';
import { PressPage, SectionHead } from './PressPage.js';

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
  /**
   * Events to put forward in the « Temps forts » chapter, best first (any prefix is a fair
   * spread): the composition takes as many as fill its pages.
   */
  moments: Highlight[];
}

function Heading({ children, colour }: { children: string; colour?: string }) {
  return <Headline width={textArea(frames['dossier-de-presse']).width} style={{ ...text.displayBold, ...type('h2'), color: colour ?? ink('ink'), marginTop: mm(theme.space.lg), marginBottom: mm(theme.space.sm) }}>{children}</Headline>;
}

/** A bulleted list, its bullet's column and the space after each item the theme's `dossier.list`. */
function Bullets({ items }: { items: string[] }) {
  const { bulletWidth, gap } = theme.dossier.list;
  const width = textArea(frames['dossier-de-presse']).width - bulletWidth;
  return (
    <View>
      {items.map((item, i) => (
        <View key={i} style={{ flexDirection: 'row', marginBottom: mm(gap) }}>
          <Text style={{ ...text.body, ...text.strong, color: ink('brand'), width: mm(bulletWidth) }}>›</Text>
          <Text style={{ ...text.body, ...type('pressList'), width: mm(width) }}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** A chapter of the dossier: its kicker and heading, and its blocks, each kept whole on one page, in order. */
export interface PressSection {
  kicker: string;
  heading: string;
  blocks: ReactElement[];
}

/**
 * The dossier's chapters after the cover, as blocks the composition places on the pages:
 * the communiqué (its paragraphs, the objectives), the key figures (the figures, the chart,
 * the chamber's share, the print run), the organisation (committees or the organiser, the
 * campaign's actions, the partners) and the prize when there is one. Nothing is left out;
 * a chapter with no block is not given. Distances not in the theme's scale (`space`) are its
 * `dossier` block.
 */
export function pressSections(p: DossierProps): PressSection[] {
  const area = textArea(frames['dossier-de-presse']);
  const d = theme.dossier;
  const lead = (s: string, key: number | string, gap = true) => <Text key={key} style={{ ...text.body, ...type('lead'), marginBottom: gap ? mm(theme.space.md) : 0 }}>{s}</Text>;
  const sections: PressSection[] = [];
  sections.push({
    kicker: 'Communiqué',
    heading: p.communique.lead,
    blocks: [
      ...p.communique.paragraphs.map((para, i) => lead(para, i)),
      ...(p.objectives.length > 0 ? [<View key="objectives"><Heading colour={ink('brand')}>Objectifs</Heading><Bullets items={p.objectives} /></View>] : []),
    ],
  });
  sections.push({
    kicker: 'Chiffres clés',
    heading: p.figuresHeading,
    blocks: [
      <View key="figures" style={{ marginBottom: mm(theme.space.md) }}>
        <FigureRow figures={p.figures} width={area.width} colour={ink('brand')} size="display" />
      </View>,
      // No chart for a campaign that gives no place (no bars).
      ...(p.bars.length > 0
        ? [
            <View key="chart">
              <Heading>{p.barsHeading}</Heading>
              <BarChart bars={p.bars} width={area.width} />
              {p.barsNote ? <Text style={{ ...text.body, ...text.semibold }}>{p.barsNote}</Text> : null}
            </View>,
          ]
        : []),
      ...(p.share
        ? [
            <View key="share" style={{ flexDirection: 'row', alignItems: 'center', marginTop: mm(theme.space.md) }}>
              <ShareDonut share={p.share.ratio} size={d.share.donut} colour={ink('brand')} track={ink('tint')} />
              <View style={{ marginLeft: mm(d.share.gap), width: mm(area.width - (d.share.donut + d.share.gap)) }}>
                <Text style={{ ...text.display, ...type('h1'), color: ink('brand') }}>{p.share.value}</Text>
                <Text style={{ ...text.body, ...type('lead') }}>{p.share.label}</Text>
              </View>
            </View>,
          ]
        : []),
      ...(p.printRun.length > 0
        ? [
            <View key="print-run">
              <Heading>Tirage des supports</Heading>
              <FigureRow figures={p.printRun} width={area.width} colour={ink('ink')} />
            </View>,
          ]
        : []),
    ],
  });
  sections.push({
    kicker: 'Organisation',
    heading: p.organisationHeading,
    blocks: [
      ...(p.organisation.length === 0
        ? [
            // The organiser's name as a heading over its address and website; alone, as text
            // (a heading with nothing under it would end the chapter unfinished).
            <View key="organiser">
              {p.organiser.lines.length > 0 ? <Heading>{p.organiser.name}</Heading> : <Text style={{ ...text.body, ...type('lead'), ...text.semibold }}>{p.organiser.name}</Text>}
              {p.organiser.lines.map((line, i) => lead(line, i, false))}
            </View>,
          ]
        : []),
      ...p.organisation.map((o) => (
        <View key={o.heading}>
          <Heading>{o.heading}</Heading>
          {lead(o.text, 0, false)}
        </View>
      )),
      ...(p.actions.length > 0 ? [<View key="actions"><Heading>Campagne de communication</Heading><Bullets items={p.actions} /></View>] : []),
      ...(p.partners.length > 0
        ? [
            <View key="partners" style={{ marginTop: mm(theme.space.lg) }}>
              <PartnerStrip partners={p.partners} logoHeight={d.partners.logoHeight} width={mm(area.width)} nameWidth={d.partners.nameWidth} title="Partenaires" />
            </View>,
          ]
        : []),
    ],
  });
  const prize = p.prize;
  if (prize) {
    sections.push({
      kicker: 'Le prix',
      heading: prize.name,
      blocks: [
        lead(prize.intro, 'intro'),
        <View key="categories">
          {/* Two tiles to a row, one gap between them: the right tile ends at the text area's right edge. */}
          {inRows(prize.categories, 2).map((row, r) => (
            <View key={r} style={{ flexDirection: 'row', marginBottom: mm(d.prize.gap) }}>
              {row.map((c, i) => (
                <View key={c.name} style={{ width: mm((area.width - d.prize.gap) / 2), marginLeft: i === 0 ? 0 : mm(d.prize.gap), backgroundColor: ink('tint'), padding: mm(d.prize.padding) }}>
                  <Headline width={(area.width - d.prize.gap) / 2 - 2 * d.prize.padding} style={{ ...text.displayBold, ...type('h3'), color: ink('ink') }}>{c.name}</Headline>
                  <Text style={{ ...text.display, ...type('h2'), color: ink('brand') }}>{c.amount}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>,
        <View key="benefits">
          <Heading>Les lauréats bénéficient</Heading>
          <Bullets items={prize.benefits} />
        </View>,
        ...(prize.applications.length > 0
          ? [
              <View key="applications" style={{ marginTop: mm(theme.space.md) }}>
                <FigureRow figures={prize.applications} width={area.width} colour={ink('brand')} />
              </View>,
            ]
          : []),
        <View key="preselected">
          <Heading>Entreprises présélectionnées</Heading>
          {prize.preselected.map((e) => (
            <View key={e.name} style={{ flexDirection: 'row', marginBottom: mm(d.list.gap) }}>
              <Text style={{ ...text.body, ...text.strong, ...type('pressList'), width: mm(d.prize.nameWidth) }}>{e.name}</Text>
              <Text style={{ ...text.body, ...type('pressList'), width: mm(area.width - d.prize.nameWidth) }}>{e.detail}</Text>
            </View>
          ))}
          {prize.outcome ? <Text style={{ ...text.body, ...text.italic, ...type('pressList'), marginTop: mm(d.prize.outcomeGap) }}>{prize.outcome}</Text> : null}
        </View>,
      ],
    });
  }
  return sections.filter((s) => s.blocks.length > 0);
}

/** Width of one of the two columns of the « Temps forts » chapter, mm. */
export function momentColumn(): number {
  return (textArea(frames['dossier-de-presse']).width - theme.space.lg) / 2;
}

/**
 * One event put forward in the « Temps forts » chapter, in a column ({@link momentColumn}):
 * its date, its title (never hyphenated) and its place, on a rule of the brand colour.
 */
export function Moment({ h }: { h: Highlight }) {
  const width = momentColumn();
  return (
    <View style={{ width: mm(width), borderLeftWidth: theme.rules.bold, borderLeftColor: ink('brand'), paddingLeft: mm(theme.space.md - theme.space.xs), marginBottom: mm(theme.space.md) }}>
      {h.when ? <Text style={{ ...text.body, ...text.semibold, color: ink('brandText') }}>{h.when}</Text> : null}
      <Headline width={width - theme.space.md} style={{ ...text.strong, ...type('h3'), color: ink('text') }}>{h.title}</Headline>
      <Text hyphenationCallback={keepWhole} style={{ ...text.body, color: ink('muted') }}>{h.place}</Text>
    </View>
  );
}

/**
 * The « Temps forts » chapter with the first `count` of the props' moments, in date order,
 * in two columns read down, one block per row: see {@link momentRows}.
 * @param pages how many rows each page carries (the composition's), to read down each page.
 */
export function momentsSection(p: DossierProps, count: number, pages?: number[]): PressSection {
  const rows = momentRows(momentsInOrder(p.moments, count), pages).map(([left, right]) => (
    <View key={left.id} style={{ flexDirection: 'row', justifyContent: 'space-between' }}>
      <Moment h={left} />
      {right ? <Moment h={right} /> : null}
    </View>
  ));
  return { kicker: 'Temps forts', heading: 'À ne pas manquer', blocks: rows };
}

/**
 * The rows of the two columns of moments, read down each column page by page: a page of
 * `r` rows holds the next 2r moments, the first r down the left column and the rest down
 * the right (the last page's left column takes the odd one). Without `pages`, all on one.
 * @returns each row's left and right moment (the last row's right may be missing).
 */
export function momentRows<T>(shown: T[], pages?: number[]): [T, T | undefined][] {
  const perPage = pages && pages.length > 0 ? pages : [Math.ceil(shown.length / 2)];
  const rows: [T, T | undefined][] = [];
  let at = 0;
  perPage.forEach((r, i) => {
    const items = shown.slice(at, i === perPage.length - 1 ? shown.length : at + 2 * r);
    at += items.length;
    const left = Math.ceil(items.length / 2);
    for (let j = 0; j < left; j++) rows.push([items[j]!, items[left + j]]);
  });
  return rows;
}

/** The first `count` moments in date order (undated last, then as ranked). */
export function momentsInOrder(moments: Highlight[], count: number): Highlight[] {
  return moments
    .slice(0, count)
    .map((h, i) => ({ h, i }))
    .sort((a, b) => (a.h.start ?? '9999').localeCompare(b.h.start ?? '9999') || a.i - b.i)
    .map(({ h }) => h);
}

/** Where the blocks of the chapters go: for each page after the cover, the runs of blocks it carries. */
export type PressPlan = { section: number; head: boolean; blocks: number[] }[][];

/**
 * The dossier de presse (A4): the cover (title, period, press contact), then the chapters
 * (`sections`, from {@link pressSections} and {@link momentsSection}) on the pages of `plan`,
 * as src/documents/dossier.tsx composed them from measured heights.
 */
export function DossierDePresse({ props: p, sections, plan }: { props: DossierProps; sections: PressSection[]; plan: PressPlan }) {
  const { format, margins } = frames['dossier-de-presse'];
  const area = textArea(frames['dossier-de-presse']);
  const cover = theme.dossier.cover;
  // The title block keeps a gutter left of the motif's top triangle, at the title's top (mm).
  const titleTop = margins.top + cover.top + toMm(theme.type.h3[1]) + (p.edition ? theme.space.xl + toMm(theme.type.lead[1]) : 0) + theme.space.sm;
  const titleWidth = Math.min(area.width, clearOfMotif(format, margins.inside, titleTop, theme.space.md));
  return (
    <Document {...p.meta}>
      <Sheet format={format} background={ink('brand')} number={1}>
        <Triangles width={format.width} height={format.height} colours={[ink('sun'), ink('ink'), ink('magenta')]} />
        <View style={{ position: 'absolute', top: mm(margins.top + cover.top), left: mm(margins.inside), width: mm(area.width) }}>
          <Text style={{ ...text.semibold, ...type('h3'), color: ink('paper'), textTransform: 'uppercase', ...spaced(theme.tracking.pressCover) }}>Dossier de presse</Text>
          {p.edition ? <Text style={{ ...text.semibold, ...type('lead'), color: ink('onBrand'), marginTop: mm(theme.space.xl), ...spaced(theme.tracking.edition) }}>{p.edition}</Text> : null}
          <DisplayLine size={type('pressCover')} width={titleWidth} maxLines={TITLE_LINES} style={{ color: ink('paper'), marginTop: mm(theme.space.sm) }}>{p.title}</DisplayLine>
          {p.region ? <DisplayLine size={type('h1')} width={titleWidth} weight={700} style={{ color: ink('paper'), marginTop: mm(theme.space.md) }}>{p.region}</DisplayLine> : null}
          <Headline width={titleWidth} style={{ ...text.semibold, ...type('h2'), color: ink('onBrand'), marginTop: mm(theme.space.sm) }}>{p.period}</Headline>
        </View>
        <View style={{ position: 'absolute', bottom: mm(margins.bottom + cover.bottom), left: mm(margins.inside), width: mm(cover.contact.width), backgroundColor: ink('paper'), padding: mm(cover.contact.padding) }}>
          {p.pressConference ? <Text style={{ ...text.strong, ...type('lead'), color: ink('ink'), marginBottom: mm(cover.contact.gap) }}>{p.pressConference}</Text> : null}
          <Text style={{ ...text.caption, ...text.semibold, textTransform: 'uppercase', ...spaced(theme.tracking.label) }}>Contact presse</Text>
          {p.contact.map((line, i) => <Text key={i} style={{ ...text.body }}>{line}</Text>)}
        </View>
      </Sheet>
      {plan.map((runs, i) => (
        <PressPage key={i} footer={p.footer} folio={i + 2}>
          {runs.map((run, j) => (
            <View key={j}>
              {run.head ? <SectionHead kicker={sections[run.section]!.kicker} heading={sections[run.section]!.heading} first={j === 0} /> : null}
              {run.blocks.map((b) => sections[run.section]!.blocks[b]!)}
            </View>
          ))}
        </PressPage>
      ))}
    </Document>
  );
}
