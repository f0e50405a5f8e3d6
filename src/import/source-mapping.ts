/**
 * The mapping file of the calendar (.ics) and conference schedule (.xml, .json) imports.
 * These sources name their fields themselves (SUMMARY, DTSTART…; <title>, <start>…), so the
 * mapping has no `fields:` block: it gives what the source lacks.
 *
 * ```yaml
 * defaults:                            # event fields for events whose source does not give them
 *   commune: Toulouse                  # a conference happens in one place: say where
 *   departement: "31"
 *   address: 39 allées Jules Guesde
 *   tags: [conférence]
 * period: { start: 2016-11-08, end: 2016-11-09 }   # optional; campaign.period otherwise
 * timezone: Europe/Paris               # optional: the zone of times that carry none
 * url: { template: "https://pretalx.example/conf/talk/{id}" }   # optional: URLs made from the ids
 * campaign: { name: …, region: …, period: …, organiser: … }   # written to campaign.yaml
 * ```
 */
import { readInput } from './files.js';
import { LineCounter, isMap, isPair, isScalar, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { CampaignSchema } from '../model/campaign.js';
import { EventSchema } from '../model/event.js';
import { ContentError, type Problem } from '../model/errors.js';
import { EVENT_KEYS, fieldKind, formatPath, type EventKey, type YamlPath } from './mapping.js';
import { cleanCell, didYouMean } from './text.js';
import { applyTransform, type FieldValue } from './transforms.js';
import { ianaZone } from './zones.js';

/** Event fields a mapping may give defaults for: all but those each event must give itself. */
export const DEFAULTABLE_KEYS: readonly EventKey[] = EVENT_KEYS.filter((k) => !['id', 'title', 'start', 'end'].includes(k));

/** Keys of a CSV or .xlsx mapping, refused here with a word on why. */
const CSV_ONLY = ['fields', 'filters', 'delimiter', 'sheet'];

/** An inclusive period of dates, "YYYY-MM-DD". */
export interface Period {
  start: string;
  end: string;
}

/** A loaded, checked mapping of a calendar or schedule import. */
export interface SourceMapping {
  /** The mapping file as given; undefined without one. */
  file?: string;
  /** Values for the fields an event's source does not give, already transformed. */
  defaults: Partial<Record<EventKey, FieldValue>>;
  /** The period events must fall in: `period`, else `campaign.period`; undefined without either. */
  period?: Period;
  /** Where the period comes from, for messages: "period" or "campaign.period". */
  periodFrom?: string;
  /** IANA zone of times that carry none (floating iCalendar times, schedule times without offset). */
  timezone?: string;
  /** The campaign block as written (validated with CampaignSchema). */
  campaign?: Record<string, unknown>;
  /**
   * Whether each event needs a commune (and in France a département): true unless the
   * programme is grouped by day, venue or category (a campaign block saying so, or no
   * mapping at all: the campaign made from the file groups by day).
   */
  placeRequired?: boolean;
  /** A template of the events' URL, "{id}" replaced by the event's id, for events without one. */
  urlTemplate?: string;
}

/** The mapping used without a mapping file: no defaults, no period, no campaign. */
export const NO_MAPPING: SourceMapping = { defaults: {}, placeRequired: false };

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date "YYYY-MM-DD"' });

const SourceMappingSchema = z.strictObject({
  defaults: z.record(z.string(), z.unknown()).optional(),
  period: z.strictObject({ start: IsoDate, end: IsoDate }).optional(),
  timezone: z.string().min(1).optional(),
  url: z.strictObject({ template: z.string().min(1) }).optional(),
  campaign: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Reads and checks the mapping file of a calendar or schedule import (YAML 1.2, core schema).
 * @param source the file being imported, named in the message about CSV-only keys.
 * @throws ContentError listing every problem, each located as mapping.yaml:line:col:
 *   YAML syntax, unknown keys (CSV-only ones, `fields:`, `filters:`, `delimiter:`, `sheet:`, with
 *   what to do instead), a default that is not a valid value of its event field, a period
 *   that is not real dates or ends before it starts or leaves the campaign period, an
 *   unknown time zone, an invalid campaign block, aliases that expand too much.
 */
export async function loadSourceMapping(file: string, source: string): Promise<SourceMapping> {
  const text = (await readInput(file, 'mapping file')).toString('utf8');
  return parseSourceMapping(file, text, source);
}

/**
 * Parses and checks mapping text (see `loadSourceMapping`); `file` is only used in messages.
 * @throws ContentError with every problem found.
 */
export function parseSourceMapping(file: string, text: string, source: string): SourceMapping {
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\ufeff/, ''), { lineCounter: lc, version: '1.2', schema: 'core', prettyErrors: false, uniqueKeys: true });
  const at = (path: YamlPath, message: string, hint?: string, key = false): Problem => {
    const { line, col } = key ? locateKey(doc, lc, path) : locate(doc, lc, path);
    return { file, line, col, path: formatPath(path), message, ...(hint ? { hint } : {}) };
  };
  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((e) => {
        const { line, col } = lc.linePos(e.pos[0]);
        return { file, line, col, path: '', message: `YAML syntax: ${e.message.split('\n')[0] ?? ''}` };
      }),
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS() ?? {};
  } catch (e) {
    const excessive = e instanceof ReferenceError && /alias/i.test(e.message);
    throw new ContentError([
      {
        file,
        line: 0,
        col: 0,
        path: '',
        message: excessive
          ? 'YAML aliases (*name) expand to too many copies of their anchors; such a file (a "billion laughs") is refused'
          : `cannot read the YAML: ${(e as Error).message}`,
        hint: 'a mapping file does not need anchors (&name) and aliases (*name): write the values out in full',
      },
    ]);
  }

  const problems: Problem[] = [];
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const key of Object.keys(raw)) {
      if (CSV_ONLY.includes(key)) {
        problems.push(
          at(
            [key],
            key === 'sheet'
              ? `"sheet" applies to Excel workbook (.xlsx) imports only: ${source} has no sheets`
              : `"${key}" applies to CSV imports only: ${source} names its fields itself`,
            'for a calendar or a schedule, give `defaults:` (e.g. commune and departement), `period:`, `timezone:` and `campaign:`',
            true,
          ),
        );
        delete (raw as Record<string, unknown>)[key];
      }
    }
  }
  const parsed = SourceMappingSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as YamlPath;
      if (issue.code === 'unrecognized_keys') {
        const expected = path.length === 0 ? Object.keys(SourceMappingSchema.shape) : ['start', 'end'];
        for (const k of issue.keys) problems.push(at([...path, k], `unknown key ${JSON.stringify(k)}${didYouMean(k, expected)}`, undefined, true));
      } else {
        problems.push(at(path, issue.message.replace(/^Invalid input: expected (\w+), received undefined$/, 'missing (expected $1)')));
      }
    }
    throw new ContentError(problems);
  }
  const m = parsed.data;

  const defaults: Partial<Record<EventKey, FieldValue>> = {};
  for (const [key, value] of Object.entries(m.defaults ?? {})) {
    const path = ['defaults', key];
    if (!(DEFAULTABLE_KEYS as readonly string[]).includes(key)) {
      const own = (EVENT_KEYS as readonly string[]).includes(key);
      problems.push(
        at(
          path,
          own ? `"${key}" cannot have a default: each event gives its own` : `unknown event field ${JSON.stringify(key)}${didYouMean(key, DEFAULTABLE_KEYS)}`,
          undefined,
          true,
        ),
      );
      continue;
    }
    const r = defaultValue(key as EventKey, value);
    if (r.ok) defaults[key as EventKey] = r.value;
    else problems.push(at(path, r.message));
  }

  let campaign: Record<string, unknown> | undefined;
  let campaignPeriod: Period | undefined;
  if (m.campaign !== undefined) {
    const c = CampaignSchema.safeParse(m.campaign);
    if (c.success) {
      campaign = m.campaign;
      campaignPeriod = c.data.period;
    } else {
      for (const issue of c.error.issues) problems.push(at(['campaign', ...(issue.path as YamlPath)], issue.message.replace(/^Invalid input: expected (\w+), received undefined$/, 'missing (expected $1)')));
    }
  }

  let period: Period | undefined;
  let periodFrom: string | undefined;
  if (m.period !== undefined) {
    const { start, end } = m.period;
    if (!isRealDate(start)) problems.push(at(['period', 'start'], `"${start}" is not a real calendar date`));
    else if (!isRealDate(end)) problems.push(at(['period', 'end'], `"${end}" is not a real calendar date`));
    else if (end < start) problems.push(at(['period', 'end'], `the period ends (${end}) before it starts (${start})`, 'swap start and end'));
    else if (campaignPeriod !== undefined && (start < campaignPeriod.start || end > campaignPeriod.end)) {
      problems.push(
        at(
          ['period'],
          `the period ${start} … ${end} goes beyond the campaign period ${campaignPeriod.start} … ${campaignPeriod.end}`,
          'encre build refuses events outside the campaign period: narrow `period:` or leave it out to use campaign.period',
        ),
      );
    } else {
      period = { start, end };
      periodFrom = 'period';
    }
  } else if (campaignPeriod !== undefined) {
    period = campaignPeriod;
    periodFrom = 'campaign.period';
  }

  let timezone: string | undefined;
  if (m.timezone !== undefined) {
    timezone = ianaZone(m.timezone);
    if (timezone === undefined) problems.push(at(['timezone'], `unknown time zone ${JSON.stringify(m.timezone)}`, 'use an IANA name such as "Europe/Paris" or "America/New_York"'));
  }

  let urlTemplate: string | undefined;
  if (m.url !== undefined) {
    const r = checkUrlTemplate(m.url.template);
    if (r !== undefined) problems.push(at(['url', 'template'], r, 'e.g. url: { template: "https://pretalx.example/conf/talk/{id}" }'));
    else urlTemplate = m.url.template;
  }

  if (problems.length > 0) throw new ContentError(problems);
  const groupBy = (campaign?.['programme'] as { groupBy?: string } | undefined)?.groupBy ?? 'departement';
  return {
    file,
    defaults,
    placeRequired: campaign === undefined || groupBy === 'departement',
    ...(urlTemplate !== undefined ? { urlTemplate } : {}),
    ...(period !== undefined ? { period, periodFrom } : {}),
    ...(timezone !== undefined ? { timezone } : {}),
    ...(campaign !== undefined ? { campaign } : {}),
  };
}

/** A default as written in the mapping → the value an event field holds, or why not. */
function defaultValue(key: EventKey, value: unknown): { ok: true; value: FieldValue } | { ok: false; message: string } {
  const kind = fieldKind(key);
  let v: FieldValue;
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') return { ok: false, message: `expected true or false for ${key}` };
    v = value;
  } else if (kind === 'list') {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || cleanCell(x) === '')) return { ok: false, message: `expected a list of words for ${key}, e.g. [conférence, numérique]` };
    v = list.map((x: string) => cleanCell(x));
  } else {
    if (typeof value !== 'string' && typeof value !== 'number') return { ok: false, message: `expected text for ${key}` };
    const text = cleanCell(String(value));
    if (text === '') return { ok: false, message: `expected some text for ${key}, received an empty value` };
    const transform = key === 'departement' || key === 'url' || key === 'country' || key === 'status' ? key : 'text';
    const r = applyTransform(transform, text);
    if (!r.ok) return { ok: false, message: r.message };
    v = r.value;
  }
  const check = EventSchema.shape[key].safeParse(v);
  if (!check.success) return { ok: false, message: `${key}: ${check.error.issues[0]?.message ?? 'invalid value'}` };
  return { ok: true, value: v };
}

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Line and column of the node at `path`, or of its nearest existing ancestor. */
function locate(doc: Document, lc: LineCounter, path: YamlPath): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lc.linePos(range[0]);
  }
  return { line: 1, col: 1 };
}

/** Line and column of the last key of `path` in its map (for a key that is wrong in itself). */
function locateKey(doc: Document, lc: LineCounter, path: YamlPath): { line: number; col: number } {
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const map = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return lc.linePos(pair.key.range[0]);
    }
  }
  return locate(doc, lc, parent);
}

/**
 * Why a URL template cannot make the events' URLs, or undefined when it can: it must hold
 * "{id}" and give an absolute http(s) URL once filled.
 */
export function checkUrlTemplate(template: string): string | undefined {
  if (!template.includes('{id}')) return `the URL template ${JSON.stringify(template)} has no "{id}": every event would get the same URL`;
  const sample = template.replaceAll('{id}', 'x1');
  if (!/^https?:\/\//i.test(sample) || !URL.canParse(sample)) return `the URL template ${JSON.stringify(template)} does not give an absolute http(s) URL`;
  return undefined;
}
