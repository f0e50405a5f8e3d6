import type { EventView, Model } from '../derive/model.js';
import { formatCount } from '../derive/french.js';
import { departement } from '../model/departements.js';
import { Flyer, type FlyerProps, type Highlight } from '../../layouts/flyer/Flyer.js';
import { docMeta } from './meta.js';

/** How many events the tract shows when the campaign names no highlights. */
const DEFAULT_HIGHLIGHTS = 6;

/**
 * The tract's props: the campaign's highlights in date order, each with its place and
 * département; when campaign.yaml lists none, six dated events spread over the
 * départements and the period ({@link spreadHighlights}; documented in README.md).
 */
export function flyerProps(model: Model): FlyerProps {
  const c = model.campaign;
  const byId = new Map(model.events.map((e) => [e.id, e]));
  return {
    meta: docMeta(model, 'Tract'),
    edition: model.editionLabel,
    title: model.title,
    region: model.regionLine,
    period: model.periodLabel,
    tagline: c.tagline,
    eventCount: formatCount(model.events.length, 'événement'),
    highlights: (c.highlights.length > 0 ? c.highlights.map((id) => byId.get(id)!) : spreadHighlights(model, DEFAULT_HIGHLIGHTS))
      .sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999'))
      .map((e) => ({
        id: e.id,
        when: e.when,
        title: e.title,
        place: `${[e.venue, e.commune].filter(Boolean).join(', ')} (${departement(e.departement).name})`,
      })),
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
  const dated = model.sections.map((s) => s.events.filter((e) => e.start)).filter((l) => l.length > 0);
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
 * Events to put forward, best first, as many as `max`: the campaign's own highlights
 * (campaign.yaml `highlights`, in their order), then dated events taken from the sections
 * (départements) in turn, in programme order, each section's picks spaced through its dates
 * (its middle event first, then the quarters, then the eighths…). Any prefix of the list is
 * a fair spread, so that a layout can take as many as its page holds.
 * @returns at most `max` distinct events.
 */
export function rankedHighlights(model: Model, max: number): EventView[] {
  const byId = new Map(model.events.map((e) => [e.id, e]));
  const chosen: EventView[] = model.campaign.highlights.map((id) => byId.get(id)).filter((e): e is EventView => Boolean(e));
  const taken = new Set(chosen.map((e) => e.id));
  const queues = model.sections.map((s) => spacedOrder(s.events.filter((e) => e.start && !taken.has(e.id))));
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

/** An event as a highlight of the tract or the dossier: its date, title and place with the département. */
export function highlightOf(e: EventView): Highlight {
  return { id: e.id, start: e.start, when: e.when, title: e.title, place: `${[e.venue, e.commune].filter(Boolean).join(', ')} (${departement(e.departement).name})` };
}

/** The tract as a react-pdf document element. */
export function flyerElement(model: Model) {
  return <Flyer {...flyerProps(model)} />;
}
