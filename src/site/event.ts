import type { CampaignEvent, EventStatus } from '../model/event.js';
import { FRANCE } from '../model/countries.js';
import type { EventView } from '../derive/model.js';

/** Whether an event takes place as announced: the event model's status. */
export type SiteStatus = EventStatus;

/** The event's status: scheduled, cancelled, postponed or full (`scheduled` when the content gives none). The site reads it only through this function. */
export function eventStatus(e: CampaignEvent): SiteStatus {
  return e.status ?? 'scheduled';
}

/** The event's country, ISO 3166-1 alpha-2 ("FR" when the content gives none). */
export function eventCountry(e: CampaignEvent): string {
  return e.country ?? FRANCE;
}

/** schema.org's eventStatus of each status (a full event takes place: its offer is sold out). */
export const SCHEMA_STATUS: Record<SiteStatus, string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  full: 'https://schema.org/EventScheduled',
};

/** What the page says of a status, in French; nothing for a scheduled event. */
export const STATUS_LABEL: Record<SiteStatus, string | undefined> = {
  scheduled: undefined,
  cancelled: 'Annulé',
  postponed: 'Reporté',
  full: 'Complet',
};

/** An event as the site shows it: the print model's view (French texts) and the content as written (dates, url, description). */
export interface SiteEvent {
  view: EventView;
  source: CampaignEvent;
  status: SiteStatus;
  country: string;
  /** Its page's folder, from the site's root: "e/herault-01/". */
  dir: string;
  /** Its page's absolute address: "<baseUrl>e/herault-01/". */
  url: string;
  /** The section of the programme it is in. */
  section: { code: string; name: string; colour: number };
}
