/**
 * Events read from a calendar (.ics) or a conference schedule (.xml, .json), before the
 * mapping's defaults and the checks: the common step of those imports, as `rowsToEvents`
 * is for CSV rows. Each item keeps where it is in the source (its line, and a label naming
 * its UID or guid and its title) so that every event skipped or repaired is reported where
 * a person can find it.
 */
import { EventSchema } from '../model/event.js';
import { EVENT_KEYS, type EventKey } from './mapping.js';
import type { ImportedEvent, RowsResult } from './rows.js';
import type { Period, SourceMapping } from './source-mapping.js';
import { cleanCell, oneLine, uniqueEventId } from './text.js';
import { toUrl, type FieldValue } from './transforms.js';
import { statusFromTitle } from './status.js';
import { importedText } from './markup.js';
import { abroadWithoutDepartement } from './abroad.js';
import { FRANCE } from '../model/countries.js';
import type { ConferenceInfo } from './schedule.js';

/** One event as a calendar or schedule gives it. */
export interface SourceItem {
  /** 1-based line where it starts in the source file; 0 when unknown. */
  line: number;
  /** How a person finds it in the source: 'VEVENT UID "x@y" ("Title")', 'event guid "…" ("Title")'. */
  label: string;
  /** Its id: a slug of the UID or guid ("-YYYYMMDD" added for an occurrence of a recurring event). */
  id: string;
  /** Why it cannot be imported, when the reader already knows (cancelled, unreadable date…). */
  skip?: string;
  /**
   * Its fields as the source gives them: text not yet cleaned (descriptions may be HTML),
   * `url` as written, `start` and `end` already "YYYY-MM-DD[ HH:MM]" in Europe/Paris.
   */
  fields: Partial<Record<EventKey, FieldValue>>;
  /** Why the source gives no commune or département, for the message when the mapping has no default either. */
  placeNote?: string;
  /** What the reader repaired or left out. */
  warnings: string[];
}

/** What a reader makes of a file. */
export interface SourceRead {
  items: SourceItem[];
  /** What the file says of the campaign itself (a schedule's conference, a calendar's name). */
  conference?: ConferenceInfo;
  /** Notes about the file as a whole or about one place in it (line 0: the whole file). */
  notes: { line: number; message: string }[];
}

/** Longest description and organiser accepted by EventSchema (PrintText). */
const MAX_DESCRIPTION = 1200;
const MAX_ORGANISER = 160;

/**
 * Turns source items into events: the mapping's defaults fill the fields an item lacks,
 * text is cleaned (HTML reduced to its text, every field on one line: descriptions
 * included, see below), the URL normalised, the period checked, the
 * event validated with EventSchema and its id made unique.
 * @returns events in source order; skipped items (with the item's line and a reason that
 *   starts with its label) and warnings. An item is skipped when the reader says so, when it
 *   has no title, commune or département, when it starts outside the period, or when it
 *   fails EventSchema; a too long description or organiser is shortened, an end outside the
 *   period or before the start and an unusable URL are left out, each with a warning.
 *   Never throws for bad data. `filteredOut` is always 0 (these imports have no filters).
 */
export function itemsToEvents(items: readonly SourceItem[], mapping: SourceMapping): RowsResult {
  const result: RowsResult = { read: 0, filteredOut: 0, events: [], skipped: [], warnings: [] };
  const idLines = new Map<string, number>();
  const period = mapping.period;

  for (const item of items) {
    result.read++;
    const skip = (reason: string) => result.skipped.push({ line: item.line, reason: `${item.label}: ${reason}` });
    if (item.skip !== undefined) {
      skip(item.skip);
      continue;
    }
    const warnings = [...item.warnings];
    const values = new Map<EventKey, FieldValue>();
    const errors: string[] = [];

    if (item.id === '') errors.push('no id can be made from it (its UID or guid has no letter or digit)');
    for (const key of EVENT_KEYS) {
      if (key === 'id') continue;
      let v = item.fields[key];
      // Descriptions become Markdown (paragraphs, line breaks, bold and italic, lists: the
      // card sets them); every other field plain text on one line; entities decoded.
      if (typeof v === 'string') v = importedText(key, v, cleanCell, oneLine);
      if (Array.isArray(v)) v = [...new Set(v.map((x) => oneLine(cleanCell(x))).filter((x) => x !== ''))];
      const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
      if (empty) {
        const d = mapping.defaults[key];
        if (d === undefined) continue;
        v = Array.isArray(d) ? [...d] : d;
      }
      values.set(key, v as FieldValue);
    }

    if (!values.has('title')) errors.push('no title');
    statusFromTitle(values, warnings);
    abroadWithoutDepartement(values, item.fields.departement === undefined, warnings);
    const french = (values.get('country') ?? FRANCE) === FRANCE;
    // Grouped by day, venue or category, a place is not needed: an event without commune,
    // département or country is filed under « Lieu non précisé » (its room as its venue).
    const unplaced = !mapping.placeRequired && !values.has('commune') && !values.has('departement') && !values.has('country');
    const missing = unplaced ? [] : (french ? (['commune', 'departement'] as const) : (['commune'] as const)).filter((key) => !values.has(key));
    if (missing.length > 0) {
      errors.push(`no ${missing.join(' or ')}: ${item.placeNote ?? 'the source gives none'}, and the mapping has no ${missing.map((k) => `defaults.${k}`).join(' or ')}`);
    }

    const url = values.get('url');
    if (typeof url === 'string' && url !== mapping.defaults.url) {
      const r = toUrl(url);
      if (!r.ok) {
        warnings.push(`url: ${r.message}; left out (no QR code)`);
        values.delete('url');
      } else {
        if (r.note) warnings.push(`url: ${r.note}`);
        values.set('url', r.value);
      }
    }

    const description = values.get('description');
    if (typeof description === 'string' && description.length > MAX_DESCRIPTION) {
      values.set('description', shorten(description, MAX_DESCRIPTION));
      warnings.push(`description: ${description.length} characters, shortened to ${MAX_DESCRIPTION} (the most a card prints)`);
    }
    const organiser = values.get('organiser');
    if (typeof organiser === 'string' && organiser.length > MAX_ORGANISER) {
      values.set('organiser', shorten(organiser, MAX_ORGANISER));
      warnings.push(`organiser: ${organiser.length} characters, shortened to ${MAX_ORGANISER}`);
    }

    const start = values.get('start');
    const end = values.get('end');
    if (typeof start === 'string' && period !== undefined && !inPeriod(start, period)) {
      errors.push(`outside the ${describePeriod(mapping)} (starts ${start})`);
    } else if (typeof start === 'string' && typeof end === 'string') {
      if (end < start) {
        warnings.push(`end ${end} is before start ${start}; end left out`);
        values.delete('end');
      } else if (period !== undefined && !inPeriod(end, period)) {
        warnings.push(`end ${end} is after the ${describePeriod(mapping)}; end left out (encre build refuses it)`);
        values.delete('end');
      }
    } else if (start === undefined && end !== undefined) {
      warnings.push(`end ${String(end)} without a start; end left out`);
      values.delete('end');
    }
    if (start === undefined && errors.length === 0) warnings.push('no start date: printed without a date');

    if (errors.length > 0) {
      skip(errors.join('; '));
      continue;
    }

    const event: Record<string, FieldValue> = { id: item.id };
    for (const key of EVENT_KEYS) {
      const v = values.get(key);
      if (v !== undefined && key !== 'id') event[key] = v;
    }
    const check = EventSchema.safeParse(event);
    if (!check.success) {
      skip(
        check.error.issues
          .map((i) => {
            const key = i.path.map(String).join('.');
            const got = i.path.length > 0 ? event[String(i.path[0])] : undefined;
            return `${key || 'event'}: ${i.message}${got !== undefined ? ` (got ${JSON.stringify(got)})` : ''}`;
          })
          .join('; '),
      );
      continue;
    }

    const usedBy = idLines.get(item.id);
    if (usedBy !== undefined) {
      const unique = uniqueEventId(item.id, String(event['title']), idLines);
      warnings.push(`id "${item.id}" is already used by the event at line ${usedBy}; this one gets id "${unique}"`);
      event['id'] = unique;
    }
    idLines.set(String(event['id']), item.line);
    for (const message of warnings) result.warnings.push({ line: item.line, message: `${item.label}: ${message}` });
    result.events.push({ line: item.line, event: event as ImportedEvent['event'] });
  }
  return result;
}

/** True when the date of "YYYY-MM-DD[ HH:MM]" is within the inclusive period. */
export function inPeriod(dateTime: string, period: Period): boolean {
  const day = dateTime.slice(0, 10);
  return day >= period.start && day <= period.end;
}

/** "campaign period 2016-11-01 … 2016-11-30" or "import period …" (the mapping's `period:`). */
export function describePeriod(mapping: SourceMapping): string {
  const p = mapping.period;
  if (p === undefined) return 'period';
  return `${mapping.periodFrom === 'period' ? 'import period' : 'campaign period'} ${p.start} … ${p.end}`;
}

/** `text` cut at a word boundary so that it and the "…" added hold in `max` characters. */
function shorten(text: string, max: number): string {
  const cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
