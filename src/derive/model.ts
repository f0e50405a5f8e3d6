import type { Content } from '../load/content.js';
import type { Campaign } from '../model/campaign.js';
import type { CampaignEvent } from '../model/event.js';
import { departement, departementSortKey } from '../model/departements.js';
import { formatWhen, formatPeriod, formatOrdinal } from './french.js';
import { frenchText } from './typography.js';
import { qrMatrix, type QrMatrix } from '../qr/matrix.js';
import { theme } from '../../layouts/theme.js';

/** An event as the layouts print it: every string final, nothing left to format. */
export interface EventView {
  id: string;
  title: string;
  category?: string;
  /** The start as authored ("2016-11-15 14:30"), for sorting; absent when unknown. */
  start?: string;
  /** "mardi 15 novembre 2016, 14 h 30"; absent when the source gives no date. */
  when?: string;
  venue?: string;
  address?: string;
  commune: string;
  /** "Venue, address, Commune", each part once. */
  place: string;
  departement: string;
  organiser?: string;
  description?: string;
  /** "Gratuit", "5 €"… */
  price?: string;
  /** Price and co-organisation as printed: "Gratuit · co-organisé par la Cress". */
  notes?: string;
  /** The QR code payload; no QR when absent. */
  url?: string;
  /** The QR symbol of `url`. */
  qr?: QrMatrix;
  coOrganised: boolean;
  tags: string[];
}

/** One département of the programme, events in date order. */
export interface Section {
  code: string;
  name: string;
  /** Index into theme.sectionColours. */
  colour: number;
  events: EventView[];
}

/** Everything the documents need, derived once from the content. */
export interface Model {
  campaign: Campaign;
  /** "Mois de l'ESS" with French typography. */
  title: string;
  /** "10e édition", or undefined. */
  editionLabel?: string;
  /** The region as a line under the title; undefined when the title already names it. */
  regionLine?: string;
  /** "du 1er au 30 novembre 2016". */
  periodLabel: string;
  year: number;
  sections: Section[];
  events: EventView[];
  /** QR symbol of the online programme, when the campaign has one. */
  programmeQr?: QrMatrix;
  /** The build date (SOURCE_DATE_EPOCH or the campaign start). */
  buildDate: Date;
  /** Decoded logos (bytes as read), keyed by their content path. */
  assets: Map<string, Uint8Array>;
}

/**
 * Derives the print model: French typography on every text, dates formatted, events grouped
 * by département (INSEE order: 2A/2B after 19) and sorted by start, then title.
 */
export function deriveModel(content: Content, buildDate: Date): Model {
  const campaign = typographyDeep(content.campaign);
  const views = content.events.map((e) => eventView(e.value));
  const byCode = new Map<string, EventView[]>();
  for (const v of views) byCode.set(v.departement, [...(byCode.get(v.departement) ?? []), v]);
  const order = new Map(content.events.map((e, i) => [e.value.id, i]));

  const sections = [...byCode.entries()]
    .sort(([a], [b]) => departementSortKey(a) - departementSortKey(b))
    .map(([code, events], i): Section => ({
      code,
      name: departement(code).name,
      colour: i,
      events: events.sort(
        (a, b) =>
          (a.start ?? '9999').localeCompare(b.start ?? '9999') ||
          a.title.localeCompare(b.title, 'fr') ||
          order.get(a.id)! - order.get(b.id)!,
      ),
    }));
  return {
    campaign,
    title: campaign.name,
    regionLine: campaign.name.toLocaleLowerCase('fr').includes(campaign.region.toLocaleLowerCase('fr')) ? undefined : campaign.region,
    editionLabel: campaign.edition ? `${formatOrdinal(campaign.edition)} édition` : undefined,
    periodLabel: formatPeriod(campaign.period.start, campaign.period.end),
    year: Number(campaign.period.start.slice(0, 4)),
    sections,
    events: sections.flatMap((s) => s.events),
    programmeQr: campaign.programmeUrl ? qrMatrix(campaign.programmeUrl, theme.qr.errorCorrection) : undefined,
    buildDate,
    assets: content.assets,
  };
}

function eventView(e: CampaignEvent): EventView {
  const t = (s: string | undefined) => (s === undefined ? undefined : frenchText(s));
  const parts = [t(e.venue), t(e.address), frenchText(e.commune)].filter((x): x is string => Boolean(x));
  return {
    id: e.id,
    title: frenchText(e.title),
    category: t(e.category),
    start: e.start,
    when: e.start ? formatWhen(e.start, e.end) : undefined,
    venue: t(e.venue),
    address: t(e.address),
    commune: frenchText(e.commune),
    place: [...new Set(parts)].join(', '),
    departement: e.departement,
    organiser: t(e.organiser),
    description: t(e.description),
    price: e.free ? 'Gratuit' : t(e.price),
    notes: [e.free ? 'Gratuit' : t(e.price), e.coOrganised ? 'co-organisé par la Cress' : undefined].filter(Boolean).join(' · ') || undefined,
    url: e.url,
    qr: e.url ? qrMatrix(e.url, theme.qr.errorCorrection) : undefined,
    coOrganised: e.coOrganised,
    tags: e.tags.map(frenchText),
  };
}

const RAW_KEYS = new Set(['url', 'website', 'programmeUrl', 'logo', 'email', 'start', 'end', 'date', 'deadline', 'highlights']);

/** Applies frenchText to every string of the campaign, except URLs, paths, dates and ids. */
function typographyDeep<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (RAW_KEYS.has(key) ? value : frenchText(value)) as T;
  if (Array.isArray(value)) return value.map((v) => typographyDeep(v, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typographyDeep(v, k)])) as T;
  }
  return value;
}
