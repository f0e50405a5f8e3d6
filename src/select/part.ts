/**
 * Part of a campaign (`encre build --filter departement=34`): the events of some départements,
 * days or categories, with the campaign's wording following the part (its region line names
 * the départements kept, its period the days kept), and a folder name for its files.
 */
import type { Content } from '../load/content.js';
import type { CampaignEvent } from '../model/event.js';
import { departement, departementSortKey, isDepartementCode } from '../model/departements.js';
import { UsageError } from '../model/errors.js';

/** The keys `--filter` takes. */
export const FILTER_KEYS = ['departement', 'day', 'category'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** A part of the campaign: the values kept per key (OR within a key, AND between keys). */
export type Part = Partial<Record<FilterKey, string[]>>;

/**
 * Reads `--filter KEY=VALUE` options (repeatable).
 * @returns the values per key, in the order given (a value given twice once).
 * @throws UsageError for a filter without "=", an unknown key (with the keys there are), a
 *   département that is not an INSEE code, or a day that is not YYYY-MM-DD.
 */
export function parseFilters(filters: readonly string[]): Part {
  const part: Part = {};
  for (const f of filters) {
    const eq = f.indexOf('=');
    if (eq < 1) throw new UsageError(`--filter expects KEY=VALUE, received "${f}"\n  Hint: e.g. --filter departement=34, --filter day=2016-11-15, --filter category=Visite`);
    const key = f.slice(0, eq).trim();
    let value = f.slice(eq + 1).trim();
    if (!(FILTER_KEYS as readonly string[]).includes(key)) throw new UsageError(`--filter: unknown key "${key}" in "${f}"; expected one of: ${FILTER_KEYS.join(', ')}\n  Hint: e.g. --filter departement=34`);
    if (key === 'departement') {
      if (/^\d$/.test(value)) value = `0${value}`;
      value = value.toUpperCase();
      if (!isDepartementCode(value)) throw new UsageError(`--filter departement: "${f.slice(eq + 1)}" is not a département code; expected an INSEE code such as 34, 2A or 971`);
    }
    if (key === 'day' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--filter day: "${value}" is not a date; expected YYYY-MM-DD, e.g. day=2016-11-15`);
    if (value === '') throw new UsageError(`--filter ${key}: no value in "${f}"; expected ${key}=VALUE`);
    const list = (part[key as FilterKey] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  return part;
}

/** The days an event covers (its `day`, else start … end), as YYYY-MM-DD; none without a start. */
function daysOf(e: CampaignEvent): string[] {
  if (e.day) return [e.day];
  if (!e.start) return [];
  const first = e.start.slice(0, 10);
  const last = (e.end ?? e.start).slice(0, 10);
  const days: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last && days.length < 400; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fr');

/** Whether an event is in the part for one key and one of its values. */
function matches(e: CampaignEvent, key: FilterKey, value: string): boolean {
  if (key === 'departement') return e.departement === value;
  if (key === 'day') return daysOf(e).includes(value);
  return e.category !== undefined && fold(e.category) === fold(value);
}

/** What the campaign has for a key (for the message when a value matches nothing). */
function valuesThere(content: Content, key: FilterKey): string[] {
  const all = new Set<string>();
  for (const { value: e } of content.events) {
    if (key === 'departement' && e.departement) all.add(e.departement);
    if (key === 'day') daysOf(e).forEach((d) => all.add(d));
    if (key === 'category' && e.category) all.add(e.category);
  }
  const list = [...all];
  return key === 'departement' ? list.sort((a, b) => departementSortKey(a) - departementSortKey(b)) : list.sort();
}

/** A folder name: lower case, no accents, words joined by hyphens ("Hérault" → "herault"). */
function slug(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'part';
}

/** A French list: « Aude », « Aude et Gard », « Aude, Gard et Hérault ». */
function frenchList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/** The part of a campaign as a build uses it. */
export interface SelectedPart {
  /** The content with only the part's events, its highlights among them, and its wording. */
  content: Content;
  /** For the log: « departement=34 (Hérault): 26 of 75 events ». */
  label: string;
  /** The folder its files go to by default, under out/: "34-herault", "2016-11-15", "visite". */
  folder: string;
}

/**
 * The part of `content` that `part` selects: its events (a value of a key OR another, every
 * key AND the others), the highlights that are among them, the region line naming the
 * départements kept (when filtered by département: « Hérault », « Aude et Gard ») and the
 * period from the first to the last day kept (when filtered by day). The content is not changed.
 * @throws UsageError when a value matches no event (naming what the campaign has) or the
 *   keys together leave no event.
 */
export function selectPart(content: Content, part: Part): SelectedPart {
  const keys = FILTER_KEYS.filter((k) => part[k]?.length);
  for (const key of keys) {
    for (const value of part[key]!) {
      if (!content.events.some((e) => matches(e.value, key, value))) {
        const there = valuesThere(content, key);
        const shown = key === 'departement' ? `${value} (${departement(value).name})` : `"${value}"`;
        throw new UsageError(`--filter ${key}=${value}: no event of the campaign (${content.campaignFile}) has the ${key} ${shown}; the campaign's ${key === 'category' ? 'categories' : `${key}s`}: ${there.join(', ') || 'none'}`);
      }
    }
  }
  const events = content.events.filter((e) => keys.every((k) => part[k]!.some((v) => matches(e.value, k, v))));
  const said = keys.map((k) => `${k}=${part[k]!.join(',')}`).join(' ');
  if (events.length === 0) throw new UsageError(`--filter ${said}: no event has all of these at once\n  Hint: each filter alone selects events; drop one of them`);
  const ids = new Set(events.map((e) => e.value.id));
  const campaign = { ...content.campaign, highlights: content.campaign.highlights.filter((id) => ids.has(id)) };
  const deps = part.departement ? [...part.departement].sort((a, b) => departementSortKey(a) - departementSortKey(b)) : undefined;
  // The covers' region line names the départements kept (when it fits the covers' 60 characters).
  const region = deps && frenchList(deps.map((d) => departement(d).name));
  if (region && region.length <= 60) campaign.region = region;
  if (part.day) {
    const days = [...part.day].sort();
    campaign.period = { start: days[0]!, end: days.at(-1)! };
  }
  const folder = [
    ...(deps ?? []).map((d) => `${d.toLowerCase()}-${slug(departement(d).name)}`),
    ...[...(part.day ?? [])].sort(),
    ...(part.category ?? []).map(slug),
  ].join('-');
  const named = region ? ` (${region})` : '';
  return { content: { ...content, campaign, events }, label: `${said}${named}: ${events.length} of ${content.events.length} events`, folder };
}
