import type { Model } from '../derive/model.js';
import { formatCount } from '../derive/french.js';
import { Flyer, type FlyerProps } from '../../layouts/flyer/Flyer.js';
import { docMeta } from './meta.js';

/** The tract's props: the campaign highlights (content order), each with its section colour. */
export function flyerProps(model: Model): FlyerProps {
  const c = model.campaign;
  const colourOf = new Map(model.sections.flatMap((s) => s.events.map((e) => [e.id, s.colour] as const)));
  const byId = new Map(model.events.map((e) => [e.id, e]));
  return {
    meta: docMeta(model, 'Tract'),
    edition: model.editionLabel,
    title: model.title,
    region: c.region,
    period: model.periodLabel,
    tagline: c.tagline,
    eventCount: formatCount(model.events.length, 'événement'),
    highlights: c.highlights.map((id) => {
      const e = byId.get(id)!;
      return { id, when: e.when, title: e.title, place: [e.venue, e.commune].filter(Boolean).join(', '), colour: colourOf.get(id) ?? 0 };
    }),
    programmeUrl: c.programmeUrl,
    programmeQr: model.programmeQr,
    organiser: c.organiser.name,
  };
}

/** The tract as a react-pdf document element. */
export function flyerElement(model: Model) {
  return <Flyer {...flyerProps(model)} />;
}
