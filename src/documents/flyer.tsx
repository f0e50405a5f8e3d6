import type { EventView, Model } from '../derive/model.js';
import { formatCount } from '../derive/french.js';
import { departement } from '../model/departements.js';
import { Flyer, type FlyerProps } from '../../layouts/flyer/Flyer.js';
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

/** The tract as a react-pdf document element. */
export function flyerElement(model: Model) {
  return <Flyer {...flyerProps(model)} />;
}
