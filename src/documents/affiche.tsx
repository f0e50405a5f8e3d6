import { areaCounts, hasGeography, type Model } from '../derive/model.js';
import { formatAreas, formatNumber } from '../derive/french.js';
import { Affiche, type AfficheProps } from '../../layouts/affiche/Affiche.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';
import { docMeta } from './meta.js';

/**
 * The affiche's props from the model: counts and labels formatted in French; without any
 * place in the campaign (see hasGeography), no list of départements and no place line.
 */
export function afficheProps(model: Model, partners: PlacedPartner[]): AfficheProps {
  const c = model.campaign;
  const n = model.events.length;
  return {
    meta: docMeta(model, 'Affiche'),
    edition: model.editionLabel,
    title: model.title,
    region: model.regionLine,
    period: model.periodLabel,
    tagline: c.tagline,
    eventCount: { value: formatNumber(n), label: n >= 2 ? 'événements' : 'événement' },
    // A campaign that gives no place (a conference's rooms only): no list and no place line,
    // never « Lieu non précisé » on a poster.
    departements: hasGeography(model) ? model.departements.map((d) => ({ name: d.name, count: formatNumber(d.count) })) : [],
    ...(hasGeography(model) ? { departementsLine: model.departements.length === 1 ? model.departements[0]!.name : `dans ${formatAreas(areaCounts(model).departements, areaCounts(model).countries)}` } : {}),
    programmeUrl: c.programmeUrl,
    programmeQr: model.programmeQr,
    organiser: c.organiser.name,
    partners,
  };
}

/** The affiche as a react-pdf document element. */
export function afficheElement(model: Model, partners: PlacedPartner[]) {
  return <Affiche {...afficheProps(model, partners)} />;
}
