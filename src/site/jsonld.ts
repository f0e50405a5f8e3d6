import type { Model } from '../derive/model.js';
import { SCHEMA_STATUS, type SiteEvent } from './event.js';
import { isoDateTime } from './time.js';

/** A price as written ("6,50 €", "5 € / 3 € réduit") → its first amount "6.50", or undefined. */
export function priceAmount(price: string): string | undefined {
  const m = /(\d+(?:[.,]\d{1,2})?)\s*(?:€|euros?\b|EUR\b)/i.exec(price) ?? /^\s*(\d+(?:[.,]\d{1,2})?)\s*$/.exec(price);
  return m ? m[1]!.replace(',', '.') : undefined;
}

/** A postal code written in an address ("12 rue X, 34000 Montpellier" → "34000"), or undefined. */
function postalCode(address: string | undefined): string | undefined {
  return address ? /\b(\d{5})\b/.exec(address)?.[1] : undefined;
}

/**
 * schema.org `Event` of an event (https://schema.org/Event): name, description, startDate
 * and endDate in ISO 8601 with Paris's offset, eventStatus, eventAttendanceMode (offline),
 * location (Place with a PostalAddress), organizer, offers (free: price 0; a written price:
 * its first amount in EUR; sold out when the event is full), url (its page), inLanguage, isAccessibleForFree.
 */
export function eventJsonLd(e: SiteEvent, model: Model): Record<string, unknown> {
  const s = e.source;
  const v = e.view;
  const address: Record<string, unknown> = { '@type': 'PostalAddress' };
  if (v.address) address.streetAddress = v.address;
  address.addressLocality = v.commune;
  const zip = postalCode(s.address);
  if (zip) address.postalCode = zip;
  // The département in France (« Hérault »); abroad, the country says it.
  if (v.departement) address.addressRegion = v.areaName;
  address.addressCountry = e.country;
  const organiserName = v.organiser ?? model.campaign.organiser.name;
  const organizer: Record<string, unknown> = { '@type': 'Organization', name: organiserName };
  const organiserSite = v.organiser ? s.url : model.campaign.organiser.website;
  if (organiserSite) organizer.url = organiserSite;
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${e.url}#evenement`,
    name: v.title,
    url: e.url,
    inLanguage: 'fr',
  };
  if (v.description) ld.description = v.description;
  if (s.start) ld.startDate = isoDateTime(s.start);
  if (s.end) ld.endDate = isoDateTime(s.end);
  ld.eventStatus = SCHEMA_STATUS[e.status];
  ld.eventAttendanceMode = 'https://schema.org/OfflineEventAttendanceMode';
  ld.location = { '@type': 'Place', name: v.venue ?? v.commune, address };
  ld.organizer = organizer;
  const availability = e.status === 'full' ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock';
  if (s.free) {
    ld.isAccessibleForFree = true;
    ld.offers = { '@type': 'Offer', price: '0', priceCurrency: 'EUR', availability, url: e.url };
  } else if (s.price) {
    const amount = priceAmount(s.price);
    ld.offers = { '@type': 'Offer', ...(amount ? { price: amount, priceCurrency: 'EUR' } : {}), description: v.price, availability, url: e.url };
  } else if (e.status === 'full') {
    ld.offers = { '@type': 'Offer', availability, url: e.url };
  }
  if (s.category) ld.keywords = [v.category, ...v.tags].join(', ');
  else if (v.tags.length) ld.keywords = v.tags.join(', ');
  ld.superEvent = { '@type': 'EventSeries', name: model.campaign.name, url: model.campaign.site?.baseUrl };
  return ld;
}

/**
 * JSON for a `<script type="application/ld+json">` element: no string can end the element
 * or open a comment in it — `<`, `>` and `&` are written as \u003c, \u003e, \u0026 (the
 * same string once parsed), as are U+2028 and U+2029.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
