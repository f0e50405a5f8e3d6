import { areaCounts, hasGeography, type EventView, type Model } from '../derive/model.js';
import { UNPLACED } from '../model/countries.js';
import { formatCount, formatNumber } from '../derive/french.js';
import { Flyer, FlyerFoot, FlyerHighlight, FlyerVersoHeading, highlightWidth, type FlyerProps, type Highlight } from '../../layouts/flyer/Flyer.js';
import { frames, textArea } from '../../layouts/frames.js';
import { theme } from '../../layouts/theme.js';
import { measureBlocks } from '../paginate/measure.js';
import { mm } from '../units.js';
import { docMeta } from './meta.js';

/**
 * The key figures of the places: the départements, and the countries when some events are
 * abroad (« 3 départements », « 2 pays »); a campaign wholly abroad shows its countries only;
 * a campaign that gives no place (see hasGeography), none (never « 0 département »).
 */
export function areaFigures(model: Model): { value: string; label: string }[] {
  const { departements, countries } = areaCounts(model);
  const out: { value: string; label: string }[] = [];
  if (!hasGeography(model)) return out;
  if (departements > 0 || countries === 0) out.push({ value: formatNumber(departements), label: departements >= 2 ? 'départements' : 'département' });
  if (countries > 0) out.push({ value: formatNumber(countries), label: 'pays' });
  return out;
}

/** The key figure of the communes (« 12 communes »); none for a campaign without any (a conference's rooms only). */
export function communeFigure(communes: number): { value: string; label: string }[] {
  return communes > 0 ? [{ value: formatNumber(communes), label: communes >= 2 ? 'communes' : 'commune' }] : [];
}

/** Events offered to the tract's verso at most: more than an A5 page holds. */
const VERSO_HIGHLIGHTS = 16;

/**
 * The tract's props: the campaign in figures and its départements for the recto; for the
 * verso, events to put forward, best first — the campaign's highlights, then dated events
 * spread over the départements and the period ({@link rankedHighlights}) — of which the
 * tract shows as many as its verso holds ({@link flyerElement}).
 */
export function flyerProps(model: Model): FlyerProps {
  const c = model.campaign;
  const communes = new Set(model.events.flatMap((e) => (e.commune ? [e.commune] : []))).size;
  return {
    meta: docMeta(model, 'Tract'),
    edition: model.editionLabel,
    title: model.title,
    region: model.regionLine,
    period: model.periodLabel,
    tagline: c.tagline,
    eventCount: formatCount(model.events.length, 'événement'),
    figures: [
      { value: formatNumber(model.events.length), label: model.events.length >= 2 ? 'événements' : 'événement' },
      ...areaFigures(model),
      ...communeFigure(communes),
    ],
    departements: hasGeography(model) ? model.departements.map((d) => d.name) : [],
    highlights: rankedHighlights(model, VERSO_HIGHLIGHTS).map(highlightOf),
    programmeUrl: c.programmeUrl,
    programmeQr: model.programmeQr,
    organiser: c.organiser.name,
  };
}

/**
 * `n` dated events chosen to show the campaign's spread: the sections (départements) take
 * turns, in programme order, and a section's picks are spaced through its events (which
 * come in date order), so that the tract does not show the first days of the first
 * département only.
 * @returns at most `n` events, in programme order of their sections.
 */
export function spreadHighlights(model: Model, n: number): EventView[] {
  const dated = model.sections.map((s) => s.events.filter((e) => e.start && e.status === 'scheduled')).filter((l) => l.length > 0);
  const quota = dated.map(() => 0);
  let given = 0;
  for (let round = 0; given < n && round < n; round++) {
    dated.forEach((events, i) => {
      if (given < n && round < events.length) {
        quota[i]!++;
        given++;
      }
    });
  }
  return dated.flatMap((events, i) => Array.from({ length: quota[i]! }, (_, k) => events[Math.floor(((k + 0.5) * events.length) / quota[i]!)]!));
}

/**
 * Events to put forward, best first, as many as `max`, never a cancelled, postponed or full
 * one: the campaign's own highlights
 * (campaign.yaml `highlights`, in their order), then dated events taken from the sections
 * (départements) in turn, in programme order, each section's picks spaced through its dates
 * (its middle event first, then the quarters, then the eighths…). Any prefix of the list is
 * a fair spread, so that a layout can take as many as its page holds.
 * @returns at most `max` distinct events.
 */
export function rankedHighlights(model: Model, max: number): EventView[] {
  // Only events that take place as announced are put forward (not cancelled, postponed nor full).
  const byId = new Map(model.events.filter((e) => e.status === 'scheduled').map((e) => [e.id, e]));
  const chosen: EventView[] = model.campaign.highlights.map((id) => byId.get(id)).filter((e): e is EventView => Boolean(e));
  const taken = new Set(chosen.map((e) => e.id));
  const queues = model.sections.map((s) => spacedOrder(s.events.filter((e) => e.start && e.status === 'scheduled' && !taken.has(e.id))));
  for (let round = 0; chosen.length < max && queues.some((q) => round < q.length); round++) {
    for (const q of queues) if (chosen.length < max && round < q.length) chosen.push(q[round]!);
  }
  return chosen.slice(0, max);
}

/** A list's items in an order that spreads them: the middle, then the quarters, the eighths… (each item once). */
function spacedOrder<T>(items: T[]): T[] {
  const out: T[] = [];
  const seen = new Set<number>();
  for (let depth = 1; out.length < items.length; depth *= 2) {
    for (let k = 0; k < depth; k++) {
      const i = Math.floor(((2 * k + 1) * items.length) / (2 * depth));
      if (!seen.has(i)) {
        seen.add(i);
        out.push(items[i]!);
      }
    }
    if (depth > 2 * items.length) break;
  }
  items.forEach((item, i) => seen.has(i) || out.push(item));
  return out;
}

/** An event as a highlight of the tract or the dossier: its date, title and place with the département (or the country, abroad). */
export function highlightOf(e: EventView): Highlight {
  // An event without a place (a talk in its room) is named by its venue alone, never « (Lieu non précisé) ».
  const where = [e.venue, e.commune].filter(Boolean).join(', ');
  return { id: e.id, start: e.start, when: e.when, title: e.title, place: e.area === UNPLACED.code ? where : `${where} (${e.areaName})` };
}

/**
 * The tract as a react-pdf document element: its verso shows as many highlights as fit
 * between its heading and its foot (heights measured by react-pdf's layout,
 * src/paginate/measure.tsx), at least the campaign's own, in date order.
 */
export async function flyerElement(model: Model) {
  const props = flyerProps(model);
  const area = textArea(frames.flyer);
  // From the measurement cache when the print file measured them (the screen file's are the same).
  const [heading, foot] = await measureBlocks([<FlyerVersoHeading key="h" />, <FlyerFoot key="f" p={props} />], mm(area.width), true);
  const items = props.highlights.length > 0 ? await measureBlocks(props.highlights.map((h) => <FlyerHighlight key={h.id} h={h} />), mm(highlightWidth()), true) : [];
  const room = mm(area.height) - heading!.height - foot!.height - mm(theme.space.md) - ROUNDING;
  let shown = 0;
  let used = 0;
  while (shown < items.length && used + items[shown]!.height <= room) used += items[shown++]!.height;
  return <Flyer props={props} shown={Math.max(shown, model.campaign.highlights.length)} />;
}

/** Room left for the rounding of react-pdf's layout, pt. */
const ROUNDING = 2;
