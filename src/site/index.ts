import { fontPath } from '../render/font-files.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Model } from '../derive/model.js';
import type { Content } from '../load/content.js';
import type { Theme } from '../../layouts/theme-schema.js';
import { siteEventUrl } from '../model/campaign.js';
import { formatDate, formatOrdinal } from '../derive/french.js';
import { eventCountry, eventStatus, type SiteEvent } from './event.js';
import { homePage, eventPage, filterPage, sectionKey, dayHeading, type Filter, type FilterGroup, type SiteContext } from './pages.js';
import { calendarIcs } from './ics.js';
import { siteStyle } from './style.js';
import { isoDateTime } from './time.js';

export { eventStatus, eventCountry } from './event.js';

/** One file of the site: its path under out/site/ ("e/herault-01/index.html") and its bytes. */
export interface SiteFile {
  path: string;
  bytes: Uint8Array | string;
}

/** The folder of the site in the output folder. */
export const SITE_DIR = 'site';

/** "Salle des fêtes" → "salle-des-fetes". */
function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

/**
 * The campaign's static website, from the same model as the print set (`encre site`, and
 * `encre build` with the programme when campaign.yaml has a `site:` block):
 * - `index.html`: the campaign, its period, the programme's screen PDF (`programme.pdf`),
 *   filters as links (day, section of the programme, département, free, category: each a
 *   page under `f/<key>/`), every event grouped as the programme groups them;
 * - `e/<id>/index.html` per event (its QR code's address is `<baseUrl>e/<id>/`), with its
 *   JSON-LD, and `e/<id>/<id>.ics` to add it to a calendar;
 * - `agenda.ics` and `agenda.json`: the whole campaign;
 * - `style.css` (the theme's screen colours and fonts) and `fonts/` (the theme's files).
 * Every link is relative (it works from any folder, and from file://); the same content gives
 * the same bytes (no clock: the calendar's stamps are the build date).
 * @param programmePdf the programme's screen file, when the build made it.
 * @returns the files, sorted by path.
 * @throws Error when the campaign has no `site` (callers check first).
 */
export function makeSite(model: Model, content: Content, theme: Theme, programmePdf?: Uint8Array): SiteFile[] {
  const baseUrl = model.campaign.site?.baseUrl;
  if (!baseUrl) throw new Error('makeSite: the campaign has no site.baseUrl');
  const sources = new Map(content.events.map((e) => [e.value.id, e.value]));
  const events: SiteEvent[] = model.sections.flatMap((section) =>
    section.events.map((view): SiteEvent => {
      const source = sources.get(view.id)!;
      return { view, source, status: eventStatus(source), country: eventCountry(source), dir: `e/${view.id}/`, url: siteEventUrl(baseUrl, view.id), section: { code: section.code, name: section.name, colour: section.colour } };
    }),
  );
  const siteName = `${model.title}${model.campaign.edition ? ` ${model.year}` : ''}${model.regionLine ? ` en ${model.regionLine}` : ''}`;
  const filters = filterGroups(model, events);
  const { css, fonts } = siteStyle(theme);
  const ctx: SiteContext = { model, baseUrl, siteName, filters, sectionColours: theme.sectionColours.length, programmeBytes: programmePdf?.length };
  const files: SiteFile[] = [
    { path: 'index.html', bytes: homePage(ctx, events) },
    { path: 'style.css', bytes: css },
    { path: 'agenda.ics', bytes: calendarIcs(events, model, siteName) },
    { path: 'agenda.json', bytes: `${JSON.stringify(agendaJson(model, events, siteName), null, 2)}\n` },
  ];
  if (programmePdf) files.push({ path: 'programme.pdf', bytes: programmePdf });
  for (const e of events) {
    files.push({ path: `${e.dir}index.html`, bytes: eventPage(ctx, e) });
    if (e.source.start) files.push({ path: `${e.dir}${e.view.id}.ics`, bytes: calendarIcs([e], model, e.view.title) });
  }
  for (const f of filters.flatMap((g) => g.filters)) files.push({ path: `f/${f.key}/index.html`, bytes: filterPage(ctx, f) });
  for (const font of fonts) {
    files.push({ path: font.path, bytes: new Uint8Array(readFileSync(fontPath(font.file))) });
    // The font's licence (OFL) travels with it.
    const licence = `${font.file.split('-')[0]}-copyright.txt`;
    const licencePath = path.join(path.dirname(fontPath(font.file)), licence);
    if (existsSync(licencePath) && !files.some((x) => x.path === `fonts/${licence}`)) files.push({ path: `fonts/${licence}`, bytes: new Uint8Array(readFileSync(licencePath)) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The filters of the home page: days, the programme's sections, départements (when they are not the sections), free, categories. */
function filterGroups(model: Model, events: SiteEvent[]): FilterGroup[] {
  const groups: FilterGroup[] = [];
  const days = [...new Set(events.flatMap((e) => (e.source.start ? [e.source.start.slice(0, 10)] : [])))].sort();
  const byDay = (day: string) => events.filter((e) => e.source.start && e.source.start.slice(0, 10) <= day && (e.source.end ?? e.source.start).slice(0, 10) >= day);
  if (model.groupBy !== 'day' && days.length > 1) {
    groups.push({ name: 'Par jour', filters: days.map((d): Filter => ({ key: `jour-${d}`, label: formatDate(d), heading: dayHeading(d), events: byDay(d) })) });
  }
  const sectionName = { departement: 'Par département', day: 'Par jour', venue: 'Par lieu', category: 'Par catégorie' }[model.groupBy];
  if (model.sections.length > 1) {
    groups.push({
      name: sectionName,
      filters: model.sections.map((s): Filter => ({
        key: sectionKey(model, s.code),
        label: s.name,
        heading: model.groupBy === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(s.code) ? dayHeading(s.code) : `Événements : ${s.name}`,
        events: events.filter((e) => e.section.code === s.code),
      })),
    });
  }
  if (model.groupBy !== 'departement' && model.departements.length > 1) {
    groups.push({ name: 'Par département', filters: model.departements.map((d): Filter => ({ key: `departement-${d.code.toLowerCase()}`, label: d.name, heading: `Événements : ${d.name}`, events: events.filter((e) => e.view.area === d.code) })) });
  }
  const free = events.filter((e) => e.source.free === true);
  if (free.length > 0 && free.length < events.length) groups.push({ name: 'Tarif', filters: [{ key: 'gratuit', label: 'Gratuit', heading: 'Événements gratuits', events: free }] });
  if (model.groupBy !== 'category') {
    const categories = [...new Set(events.flatMap((e) => (e.view.category ? [e.view.category] : [])))].sort((a, b) => a.localeCompare(b, 'fr'));
    if (categories.length > 1) {
      groups.push({ name: 'Par catégorie', filters: categories.map((cat): Filter => ({ key: `categorie-${slug(cat)}`, label: cat, heading: `Événements : ${cat}`, events: events.filter((e) => e.view.category === cat) })) });
    }
  }
  return groups;
}

/** The whole campaign as data: agenda.json. */
function agendaJson(model: Model, events: SiteEvent[], siteName: string): unknown {
  const c = model.campaign;
  return {
    name: siteName,
    campaign: { name: c.name, edition: c.edition ? formatOrdinal(c.edition) : undefined, region: c.region, period: c.period, organiser: c.organiser, url: c.site?.baseUrl },
    timeZone: 'Europe/Paris',
    events: events.map((e) => {
      const s = e.source;
      return {
        id: s.id,
        url: e.url,
        title: e.view.title,
        start: s.start ? isoDateTime(s.start) : undefined,
        end: s.end ? isoDateTime(s.end) : undefined,
        when: e.view.when,
        status: e.status,
        category: e.view.category,
        venue: e.view.venue,
        address: e.view.address,
        commune: e.view.commune,
        departement: s.departement,
        area: e.view.areaName,
        country: e.country,
        section: e.section.name,
        organiser: e.view.organiser,
        description: e.view.description,
        free: s.free,
        price: e.view.price,
        website: s.url,
        tags: e.view.tags,
        ics: s.start ? `${e.url}${s.id}.ics` : undefined,
      };
    }),
  };
}
