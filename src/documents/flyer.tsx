import type { Model } from '../derive/model.js';
import { formatCount } from '../derive/french.js';
import { departement } from '../model/departements.js';
import { Flyer, type FlyerProps } from '../../layouts/flyer/Flyer.js';
import { docMeta } from './meta.js';

/** How many events the tract shows when the campaign names no highlights. */
const DEFAULT_HIGHLIGHTS = 6;

/**
 * The tract's props: the campaign's highlights in date order, each with its place and
 * département; when campaign.yaml lists none, the first six dated events of the programme
 * (documented in README.md).
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
    highlights: (c.highlights.length > 0 ? c.highlights.map((id) => byId.get(id)!) : model.events.filter((e) => e.start).slice(0, DEFAULT_HIGHLIGHTS))
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

/** The tract as a react-pdf document element. */
export function flyerElement(model: Model) {
  return <Flyer {...flyerProps(model)} />;
}
