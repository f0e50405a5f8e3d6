import type { Model } from '../derive/model.js';
import { formatCount, formatNumber } from '../derive/french.js';
import { mm } from '../units.js';
import { frames, textArea } from '../../layouts/frames.js';
import { EventCard } from '../../layouts/components/EventCard.js';
import { SectionHeader } from '../../layouts/components/SectionHeader.js';
import { Programme } from '../../layouts/programme/Programme.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';
import { measureBlocks } from '../paginate/measure.js';
import { packSection, paddingToFour, toRows } from '../paginate/pack.js';
import { theme } from '../../layouts/theme.js';
import type { PlannedPage, ProgrammePlan } from '../paginate/plan.js';
import type { ProgrammeProps } from './programme-props.js';
import { docMeta } from './meta.js';
import { frenchText } from '../derive/typography.js';

/** Pages before the first section: cover, introduction, contents. */
const FRONT: PlannedPage[] = [{ kind: 'cover' }, { kind: 'introduction' }, { kind: 'contents' }];

/**
 * Plans the booklet: measures every section header and event card with react-pdf's layout
 * engine, packs whole cards into pages (each section opens a page), pads to a multiple of 4
 * with Notes pages before the back cover. With `theme.programme.columns: 'auto'` it plans
 * one and two columns of cards and keeps whichever needs fewer pages. Linear in the number
 * of events.
 * @throws PreflightError when an event card is taller than a page.
 */
export async function planProgramme(model: Model): Promise<ProgrammePlan> {
  const choice = theme.programme.columns;
  const candidates = choice === 'auto' ? [1, 2] : [choice];
  const plans: ProgrammePlan[] = [];
  for (const columns of candidates) plans.push(await planWith(model, columns));
  // Fewer pages wins; on a tie, one column (wider text, fewer breaks).
  return plans.reduce((best, p) => (p.pages.length < best.pages.length ? p : best));
}

/** Width of one column of event cards in pt. */
export function columnWidth(columns: number): number {
  const area = textArea(frames.programme);
  return mm((area.width - (columns - 1) * theme.programme.gutter) / columns);
}

async function planWith(model: Model, columns: number): Promise<ProgrammePlan> {
  const area = textArea(frames.programme);
  const width = mm(area.width);
  const cardWidth = columnWidth(columns);
  const headers = await measureBlocks(
    model.sections.map((s) => <SectionHeader key={s.code} section={s} width={width} countLabel={sectionCount(s.events.length)} />),
    width,
  );
  const cards = await measureBlocks(
    model.sections.flatMap((s) => s.events.map((e) => <EventCard key={e.id} event={e} colour={s.colour} width={cardWidth} />)),
    cardWidth,
  );
  const pages: PlannedPage[] = [...FRONT];
  const sectionPages = new Map<string, number>();
  let k = 0;
  model.sections.forEach((section, si) => {
    const blocks = section.events.map((e) => ({ id: e.id, height: cards[k++]! }));
    const rows = toRows(blocks, columns);
    sectionPages.set(section.code, pages.length + 1);
    packSection(headers[si]!, rows.map((r) => r.row), mm(area.height)).forEach((rowIndices, i) => {
      pages.push({
        kind: 'events',
        section,
        opensSection: i === 0,
        columns,
        rows: rowIndices.map((r) => rows[r]!.blocks.map((j) => section.events[j]!)),
      });
    });
  });
  const padding = paddingToFour(pages.length + 1);
  for (let i = 0; i < padding; i++) pages.push({ kind: 'notes' });
  pages.push({ kind: 'back' });
  return { pages, columns, sectionPages };
}

function sectionCount(n: number): string {
  return formatCount(n, 'événement');
}

/** Everything the Programme component needs, from the model and its plan. */
export function programmeProps(model: Model, plan: ProgrammePlan, partners: PlacedPartner[]): ProgrammeProps {
  const c = model.campaign;
  return {
    meta: docMeta(model, 'Programme'),
    plan,
    running: `${model.title} ${model.year} · ${c.region}`,
    cover: {
      title: model.title,
      edition: model.editionLabel,
      region: c.region,
      period: model.periodLabel,
      tagline: c.tagline,
      eventCount: `${formatCount(model.events.length, 'événement')} dans ${formatCount(model.sections.length, 'département')}`,
    },
    introduction: { paragraphs: c.introduction, objectives: c.objectives, organiser: c.organiser.name },
    contents: {
      entries: model.sections.map((s) => ({ code: s.code, name: s.name, colour: s.colour, count: sectionCount(s.events.length), page: plan.sectionPages.get(s.code)! })),
      howTo: frenchText(`Les ${formatNumber(model.events.length)} événements sont classés par département, puis par date. Chaque fiche donne le lieu, l’organisateur et un QR code : scannez-le avec votre téléphone pour les détails à jour et l’inscription.`),
    },
    sectionCounts: Object.fromEntries(model.sections.map((s) => [s.code, sectionCount(s.events.length)])),
    back: {
      title: model.title,
      programmeUrl: c.programmeUrl,
      programmeQr: model.programmeQr,
      organiser: [c.organiser.name, c.organiser.address, c.organiser.website?.replace(/^https?:\/\//, '')].filter((x): x is string => Boolean(x)),
      partners,
      credits: c.credits,
    },
  };
}

/** The programme as a react-pdf document element. */
export function programmeElement(props: ProgrammeProps) {
  return <Programme {...props} />;
}
