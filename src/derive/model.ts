import type { Content } from '../load/content.js';
import { qrTarget, siteEventUrl, type Campaign } from '../model/campaign.js';
import type { CampaignEvent, EventStatus } from '../model/event.js';
import { FRANCE, areaOf, areaByCode, compareAreas } from '../model/countries.js';
import { formatWhen, formatTimeOfDay, formatPeriod, formatOrdinal, formatDate } from './french.js';
import { frenchText, typographyFor } from './typography.js';
import { qrMatrix, type QrMatrix } from '../qr/matrix.js';
import { richPlain, richText, type RichBlock } from './rich.js';
import { decodeHTMLStrict } from 'entities';
import { theme } from '../../layouts/theme.js';
import { sealed } from '../cache/hash.js';

/** An event as the layouts print it: every string final, nothing left to format. */
export interface EventView {
  id: string;
  title: string;
  /** The language its texts are in (its own `lang`, else the campaign's): hyphenation follows it. */
  lang: string;
  /** The line under the title (a talk's subtitle). */
  subtitle?: string;
  category?: string;
  /** The start as authored ("2016-11-15 14:30"), for sorting; absent when unknown. */
  start?: string;
  /** "mardi 15 novembre 2016, 14 h 30"; absent when the source gives no date. */
  when?: string;
  /** The programme day it belongs to, "YYYY-MM-DD": its `day`, else the date of its start. */
  day?: string;
  /** "14 h 30 – 17 h": the time alone, for a card under its day's heading (the dates when it spans days). */
  time?: string;
  venue?: string;
  address?: string;
  /** Absent for an event whose place is not given beyond its venue (a conference's room). */
  commune?: string;
  /** "Venue, address, Commune", each part once (and the country, abroad). */
  place: string;
  /** INSEE code of its département; absent for an event abroad. */
  departement?: string;
  /** ISO 3166 code of its country: "FR", "DE"… */
  country: string;
  /** Its area's code: the département ("34") in France, the country ("DE") abroad. */
  area: string;
  /** Its area's name: « Hérault », « Allemagne ». */
  areaName: string;
  organiser?: string;
  /** The speakers, one name each (the index lists each). */
  speakers: string[];
  /** What the card prints as its byline: the organiser, else the speakers (« Ada Lovelace, Alan Turing »). */
  byline?: string;
  /** The description's text, its paragraphs and items on one line (search, glyph check). */
  description?: string;
  /** The description as the card sets it: paragraphs, line breaks, list items, bold and italic runs (Markdown read). */
  descriptionBlocks?: RichBlock[];
  /** "Gratuit", "5 €"… */
  price?: string;
  /** Price and co-organisation as printed: "Gratuit · co-organisé par la Cress". */
  notes?: string;
  /**
   * The QR code payload: the event's page on the campaign's site (`qr.target: site`, every
   * event) or its own `url` (`event-url`); no QR when absent.
   */
  url?: string;
  /** The organiser's own page for the event (content `url`), whatever the QR code points to. */
  website?: string;
  /** The QR symbol of `url`. */
  qr?: QrMatrix;
  coOrganised: boolean;
  tags: string[];
  /** Whether it takes place as announced. */
  status: EventStatus;
  /** The mark printed on its card when it does not: « Annulé », « Reporté », « Complet ». */
  statusMark?: string;
}

/** The mark a card prints for a status, in French; none for a scheduled event. */
export const STATUS_MARKS: Record<EventStatus, string | undefined> = { scheduled: undefined, cancelled: 'Annulé', postponed: 'Reporté', full: 'Complet' };

/** An event left out of the documents (campaign.cancelledEvents: omit), for the build report. */
export interface OmittedEvent {
  id: string;
  title: string;
  status: EventStatus;
  /** Where it is written: "content/events/x.yaml:12". */
  at: string;
}

/**
 * One section of the programme (a département by default; a day, a venue or a category with
 * `programme.groupBy`), events in date order.
 */
export interface Section {
  /** Stable key, safe in PDF names: "34", "2016-11-08", "salle-des-fetes". */
  code: string;
  /** Short text of the section's tab: "34", "8", "S". */
  badge: string;
  name: string;
  /** Index into theme.sectionColours. */
  colour: number;
  events: EventView[];
}

/**
 * An area of the campaign (a French département, or a country for events abroad), for the
 * affiche, the tract, the press kit and the index.
 */
export interface DepartementCount {
  kind: 'departement' | 'country' | 'none';
  /** INSEE département code, or ISO country code. */
  code: string;
  name: string;
  colour: number;
  count: number;
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
  /** What the sections are: "departement", "day", "venue" or "category". */
  groupBy: 'departement' | 'day' | 'venue' | 'category';
  /**
   * Areas with their event counts, whatever the grouping: the départements in INSEE order,
   * then the countries abroad by name (« Allemagne », « Belgique »).
   */
  departements: DepartementCount[];
  events: EventView[];
  /** QR symbol of the online programme, when the campaign has one. */
  programmeQr?: QrMatrix;
  /** Cancelled and postponed events left out (campaign.cancelledEvents: omit), in content order. */
  omitted: OmittedEvent[];
  /** What the build log and out/preflight.json say about the content (a highlight left out…). */
  notices: string[];
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
  const typeset = typographyDeep(content.campaign, '', typographyFor(content.campaign.lang));
  // With a site, the online programme is its home page unless the campaign names another.
  const campaign = typeset.site && qrTarget(typeset) === 'site' && !typeset.programmeUrl ? { ...typeset, programmeUrl: typeset.site.baseUrl } : typeset;
  const site = qrTarget(campaign) === 'site' ? campaign.site?.baseUrl : undefined;
  const omit = (e: CampaignEvent) => campaign.cancelledEvents === 'omit' && (e.status === 'cancelled' || e.status === 'postponed');
  const omitted = content.events.filter((e) => omit(e.value)).map((e): OmittedEvent => ({ id: e.value.id, title: e.value.title, status: e.value.status ?? 'scheduled', at: `${e.file}:${e.line}` }));
  const kept = content.events.filter((e) => !omit(e.value));
  // Read-only from here: each view's digest is computed once for its cards' measurement keys.
  const views = kept.map((e) => sealed(eventView(e.value, site, content.campaign.lang)));
  const status = new Map(content.events.map((e) => [e.value.id, e.value.status ?? 'scheduled']));
  const notices: string[] = [];
  for (const id of campaign.highlights) {
    const s = status.get(id);
    if (s !== undefined && s !== 'scheduled') notices.push(`highlight "${id}" is ${s}: not put forward on the tract nor in the dossier de presse`);
  }
  const order = new Map(content.events.map((e, i) => [e.value.id, i]));
  const byDate = (a: EventView, b: EventView) =>
    (a.start ?? '9999').localeCompare(b.start ?? '9999') || a.title.localeCompare(b.title, 'fr') || order.get(a.id)! - order.get(b.id)!;

  const deps = group(views, (v) => v.area).sort(([a], [b]) => compareAreas(a, b));
  const departements = deps.map(([code, events], i): DepartementCount => ({ ...areaByCode(code), colour: i, count: events.length }));
  const groupBy = campaign.programme.groupBy;
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  let groups: { code: string; badge: string; name: string; events: EventView[] }[];
  if (groupBy === 'departement') {
    groups = deps.map(([code, events]) => ({ code, badge: code, name: areaByCode(code).name, events }));
  } else if (groupBy === 'day') {
    groups = group(views, (v) => v.day ?? '')
      .sort(([a], [b]) => (a || '9999').localeCompare(b || '9999'))
      .map(([day, events]) => ({ code: day || 'sans-date', badge: day ? String(Number(day.slice(8, 10))) : '?', name: day ? formatDate(day) : 'Dates à préciser', events }));
  } else {
    const label = (v: EventView) => (groupBy === 'venue' ? v.venue : v.category) ?? '';
    const named = group(views, label).sort(([a], [b]) => (a ? (b ? collator.compare(a, b) : -1) : 1));
    const badges = distinctBadges(named.map(([name]) => name || '?'));
    groups = named.map(([name, events], i) => ({ code: slugKey(name || 'autres'), badge: badges[i]!, name: name || (groupBy === 'venue' ? 'Autres lieux' : 'Autres'), events }));
  }
  const sections = groups.map((g, i): Section => ({ ...g, colour: i, events: g.events.sort(byDate) }));
  return {
    campaign,
    title: campaign.name,
    regionLine: campaign.name.toLocaleLowerCase('fr').includes(campaign.region.toLocaleLowerCase('fr')) ? undefined : campaign.region,
    editionLabel: campaign.edition ? `${formatOrdinal(campaign.edition)} édition` : undefined,
    periodLabel: formatPeriod(campaign.period.start, campaign.period.end),
    year: Number(campaign.period.start.slice(0, 4)),
    sections,
    groupBy,
    departements,
    events: sections.flatMap((s) => s.events),
    programmeQr: campaign.programmeUrl ? qrMatrix(campaign.programmeUrl, theme.qr.errorCorrection) : undefined,
    omitted,
    notices,
    buildDate,
    assets: content.assets,
  };
}

/** How many French départements and how many countries abroad the campaign's events are in. */
export function areaCounts(model: Pick<Model, 'departements'>): { departements: number; countries: number } {
  const countries = model.departements.filter((d) => d.kind === 'country').length;
  return { departements: model.departements.filter((d) => d.kind === 'departement').length, countries };
}

/**
 * True when the campaign says where its events are: some event has a commune, a département
 * or a country (a conference imported from its schedule, with rooms only, has none: every
 * event is under « Lieu non précisé »). Documents leave their place lines out without it.
 */
export function hasGeography(model: Pick<Model, 'departements'>): boolean {
  return model.departements.some((d) => d.kind !== 'none');
}

/** Groups in first-seen order. */
function group<T>(items: T[], key: (t: T) => string): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return [...m.entries()];
}

/**
 * Short badges (at most 3 characters) that tell the sections apart: the first letter when
 * the names all start differently (« A », « S »), else the initials with a short last word
 * (« Saal 1 », « Saal 2 », « Saal G » → « S1 », « S2 », « SG »), else the first letters,
 * else the section's number.
 */
export function distinctBadges(names: readonly string[]): string[] {
  const words = (n: string) => n.split(/[\s\-–_/.,]+/).filter((w) => w !== '');
  const upper = (s: string) => s.toLocaleUpperCase('fr');
  const ways: ((n: string) => string)[] = [
    (n) => upper(n.charAt(0)),
    (n) => {
      const w = words(n);
      const last = w.length > 1 ? w[w.length - 1]! : '';
      return upper(last !== '' && last.length <= 2 ? `${w[0]!.charAt(0)}${last}` : w.map((x) => x.charAt(0)).join('').slice(0, 3));
    },
    (n) => upper(words(n).join('').slice(0, 3)),
  ];
  for (const way of ways) {
    const badges = names.map(way);
    if (new Set(badges).size === badges.length && badges.every((b) => b !== '')) return badges;
  }
  return names.map((_, i) => String(i + 1));
}

/** Whether `text` ends with the name `name` as a whole word, in any case and accents (« Salle de Sète » and « sete »). */
export function endsWithName(text: string, name: string): boolean {
  const key = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('fr').replace(/[’']/g, "'").trim();
  const t = key(text).replace(/[\s.,;:)]+$/, '');
  const n = key(name);
  return n !== '' && t.endsWith(n) && (t.length === n.length || /[\s,(\-–'’]/.test(t.charAt(t.length - n.length - 1)));
}

/** "Salle des fêtes" → "salle-des-fetes": a key safe in PDF names. */
function slugKey(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

/**
 * The event as printed; its QR code leads to its page on the site at `site` (a base URL)
 * when given, else to its own url; its texts set by the typography of its language.
 */
function eventView(e: CampaignEvent, site: string | undefined, campaignLang = 'fr'): EventView {
  const qrUrl = site ? siteEventUrl(site, e.id) : e.url;
  // Entities (« &amp; ») are decoded in every printed field, then the typography of the
  // event's language applied (French spacing for French text only).
  const lang = e.lang ?? campaignLang;
  const typeset = typographyFor(lang);
  const text = (s: string) => typeset(decodeHTMLStrict(s));
  const t = (s: string | undefined) => (s === undefined ? undefined : text(s));
  const blocks = e.description !== undefined ? richText(e.description, typeset) : undefined;
  const area = areaOf(e);
  const abroad = area.kind === 'country' ? area.name : undefined;
  // The commune once: not after a venue or address that already ends with it (« Théâtre de Sète », « 1 quai, 34200 Sète »).
  const commune = t(e.commune);
  const named = commune !== undefined && [t(e.venue), t(e.address)].some((p) => p !== undefined && endsWithName(p, commune));
  const parts = [t(e.venue), t(e.address), named ? undefined : commune, abroad].filter((x): x is string => Boolean(x));
  const speakers = (e.speakers ?? []).map(text);
  return {
    id: e.id,
    lang,
    title: text(e.title),
    subtitle: t(e.subtitle),
    day: e.day ?? e.start?.slice(0, 10),
    category: t(e.category),
    start: e.start,
    when: e.start ? formatWhen(e.start, e.end) : undefined,
    time: e.start ? formatTimeOfDay(e.start, e.end) : undefined,
    venue: t(e.venue),
    address: t(e.address),
    commune: t(e.commune),
    place: [...new Set(parts)].join(', '),
    departement: e.departement,
    country: e.country ?? FRANCE,
    area: area.code,
    areaName: area.name,
    organiser: t(e.organiser),
    speakers,
    byline: t(e.organiser) ?? (speakers.length > 0 ? speakers.join(', ') : undefined),
    description: blocks !== undefined && blocks.length > 0 ? richPlain(blocks) : undefined,
    descriptionBlocks: blocks !== undefined && blocks.length > 0 ? blocks : undefined,
    price: e.free ? 'Gratuit' : t(e.price),
    notes: [e.free ? 'Gratuit' : t(e.price), e.coOrganised ? 'co-organisé par la Cress' : undefined].filter(Boolean).join(' · ') || undefined,
    url: qrUrl,
    website: e.url,
    qr: qrUrl ? qrMatrix(qrUrl, theme.qr.errorCorrection) : undefined,
    coOrganised: e.coOrganised,
    tags: e.tags.map(frenchText),
    status: e.status ?? 'scheduled',
    statusMark: STATUS_MARKS[e.status ?? 'scheduled'],
  };
}

const RAW_KEYS = new Set(['cancelledEvents', 'unprintable', 'timezone', 'lang', 'url', 'website', 'programmeUrl', 'baseUrl', 'target', 'logo', 'email', 'start', 'end', 'date', 'deadline', 'highlights']);

/** Applies frenchText to every string of the campaign, except URLs, paths, dates and ids. */
function typographyDeep<T>(value: T, key = '', typeset: (s: string) => string = frenchText): T {
  if (typeof value === 'string') return (RAW_KEYS.has(key) ? value : typeset(value)) as T;
  if (Array.isArray(value)) return value.map((v) => typographyDeep(v, key, typeset)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typographyDeep(v, k, typeset)])) as T;
  }
  return value;
}
