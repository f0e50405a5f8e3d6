/**
 * CSV rows → events: applies the filters and the mapping's field rules to each row,
 * validates each event with EventSchema, makes ids unique, and records why a row was
 * skipped and what was repaired or left out (warnings), each with the row's line.
 */
import { EventSchema } from '../model/event.js';
import type { DataTable } from './csv.js';
import { passesFilters } from './filters.js';
import { EVENT_KEYS, fillTemplate, isRequiredField, type EventKey, type FieldRule, type FieldSource, type Filter, type Mapping, type SeveralDates } from './mapping.js';
import { readOccurrences, type Occurrence } from './when.js';
import { applyTransform, keepNames, type FieldValue } from './transforms.js';
import { cleanCell, oneLine, uniqueEventId } from './text.js';
import { statusFromTitle } from './status.js';
import { importedText } from './markup.js';
import { abroadWithoutDepartement } from './abroad.js';
import { FRANCE } from '../model/countries.js';

/** Fields that keep their line breaks; every other field is joined on one line. */
const MULTILINE: ReadonlySet<EventKey> = new Set(['description']);

/** An event made from a row, with its fields in EventSchema order. */
export interface ImportedEvent {
  line: number;
  event: Partial<Record<EventKey, FieldValue>> & { id: string; departement?: string; country?: string };
}

/** The outcome of `rowsToEvents`. */
export interface RowsResult {
  /** Rows read (blank rows are not counted). */
  read: number;
  /** Rows that did not pass the filters. */
  filteredOut: number;
  events: ImportedEvent[];
  skipped: { line: number; reason: string }[];
  warnings: { line: number; message: string }[];
}

/**
 * Turns the rows of a CSV table into events.
 * @param table the CSV file, read by `readCsv`, or the sheet, read by `readXlsx`.
 * @param mapping the field rules (columns already checked with `checkColumns`).
 * @param filters every filter to apply (the mapping's and the --filter options).
 * @returns the events in source order and, by line, skipped rows with their reason and
 *   warnings. A row is skipped when a required field (id, title, commune, departement) is
 *   empty or unusable, or when the event fails EventSchema; an unusable optional value
 *   (a date that does not exist, a website that is not a URL) is left out with a warning.
 *   Never throws for bad data.
 */
export function rowsToEvents(table: DataTable, mapping: Mapping, filters: readonly Filter[]): RowsResult {
  const index = new Map<string, number>();
  table.header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  const width = table.header.length;
  const result: RowsResult = { read: 0, filteredOut: 0, events: [], skipped: [], warnings: [] };
  const idLines = new Map<string, number>();
  const contentLines = new Map<string, number>();
  const startRule = mapping.fields.find((f) => f.key === 'start');
  const endRule = mapping.fields.find((f) => f.key === 'end');

  for (const row of table.rows) {
    result.read++;
    const cleaned = new Map<number, string>();
    const valueOf = (column: string): string => {
      const i = index.get(column);
      if (i === undefined) return '';
      let v = cleaned.get(i);
      if (v === undefined) {
        v = cleanCell(row.cells[i] ?? '');
        cleaned.set(i, v);
      }
      return v;
    };
    if (!passesFilters(filters, valueOf)) {
      result.filteredOut++;
      continue;
    }

    const warnings: string[] = [];
    const errors: string[] = [];
    if (row.cells.length > width && row.cells.slice(width).some((c) => cleanCell(c) !== '')) {
      warnings.push(`the row has ${row.cells.length} fields but the header ${width}; the last ${row.cells.length - width} are ignored`);
    } else if (row.cells.length < width) {
      warnings.push(`the row has ${row.cells.length} fields but the header ${width}; the missing ones are taken as empty`);
    }

    // A start cell naming several dates, with `several:` in the mapping: its dates, each
    // with its times (the start and end of each event made from the row are set from them).
    const occurrences = startRule?.several !== undefined ? severalDates(startRule, valueOf) : [];
    const values = new Map<EventKey, FieldValue>();
    // The département is required in France only: its problem is known once the country is.
    let departementError: string | undefined;
    // The url last: its template's "{id}" is the event's id when no column is named "id".
    const idOr = (column: string) => (column === 'id' && !index.has('id') ? String(values.get('id') ?? '') : valueOf(column));
    for (const rule of [...mapping.fields].sort((a, b) => Number(a.key === 'url') - Number(b.key === 'url'))) {
      if (occurrences.length > 0 && (rule.key === 'start' || rule.key === 'end')) continue;
      const required = isRequiredField(rule.key) || rule.key === 'departement';
      const read = rule.key === 'url' ? idOr : valueOf;
      let raw = sourceValue(rule, rule.key, read);
      let from: FieldSource = rule;
      if (raw === '' && rule.fallback) {
        raw = sourceValue(rule.fallback, rule.key, read);
        from = rule.fallback;
      }
      if (raw === '') {
        if (rule.key === 'departement') departementError = `departement: no value (${describeSource(rule)} is empty)`;
        else if (required) errors.push(`${rule.key}: no value (${describeSource(rule)} is empty)`);
        continue;
      }
      let value: FieldValue;
      if (typeof raw !== 'string') {
        value = raw;
      } else {
        const r = applyTransform(from.transform, raw, rule.key);
        if (!r.ok) {
          if (rule.key === 'departement') departementError = `departement: ${r.message}`;
          else if (required) errors.push(`${rule.key}: ${r.message}`);
          else warnings.push(`${rule.key}: ${r.message}; left out${rule.key === 'url' ? ' (no QR code)' : ''}`);
          continue;
        }
        if (r.note) warnings.push(`${rule.key}: ${r.note}`);
        value = r.value;
      }
      if (from !== rule) warnings.push(`${rule.key}: ${describeSource(rule)} is empty; ${JSON.stringify(value)} made from the fallback`);
      values.set(rule.key, value);
    }

    if (departementError !== undefined && (values.get('country') ?? FRANCE) === FRANCE) errors.push(departementError);
    // A title in sentence case keeps its commune's name as the commune is written (« Jazz à Sète »).
    const title = values.get('title');
    const commune = values.get('commune');
    if (typeof title === 'string' && typeof commune === 'string' && mapping.fields.some((f) => f.key === 'title' && f.transform === 'title')) values.set('title', keepNames(title, [commune]));
    if (errors.length > 0) {
      result.skipped.push({ line: row.line, reason: errors.join('; ') });
      continue;
    }

    statusFromTitle(values, warnings);
    abroadWithoutDepartement(values, false, warnings);
    const whens = occurrences.length > 0 ? whensOf(startRule?.several ?? 'first', occurrences, endRule && severalDates(endRule, valueOf)) : [undefined];
    let kept = 0;
    let checkedContent = false;
    for (const when of whens) {
      const fields = new Map(values);
      if (when !== undefined) {
        fields.set('start', when.start);
        if (when.end !== undefined) fields.set('end', when.end);
      }
      const start = fields.get('start');
      const end = fields.get('end');
      // The content format refuses an end without a start, or before it: the row is kept with
      // its start, and the end is left out with a warning (never the whole row).
      if (typeof start === 'string' && typeof end === 'string' && start > end) {
        warnings.push(`start ${start} is after end ${end}; end left out`);
        fields.delete('end');
      } else if (start === undefined && end !== undefined) {
        warnings.push(`end ${String(end)} without a start; end left out`);
        fields.delete('end');
      }

      const event: Record<string, FieldValue> = {};
      for (const key of EVENT_KEYS) {
        const v = fields.get(key);
        if (v !== undefined) event[key] = v;
      }
      if (when?.suffix !== undefined) event['id'] = `${String(event['id'])}-${when.suffix}`;
      const check = EventSchema.safeParse(event);
      if (!check.success) {
        const reason = check.error.issues
          .map((i) => {
            const key = i.path.map(String).join('.');
            const got = i.path.length > 0 ? event[String(i.path[0])] : undefined;
            return `${key || 'event'}: ${i.message}${got !== undefined ? ` (got ${JSON.stringify(got)})` : ''}`;
          })
          .join('; ');
        result.skipped.push({ line: row.line, reason: when?.suffix !== undefined ? `the event of ${when.start}: ${reason}` : reason });
        continue;
      }

      // Duplicates: the same data twice (every column: the festival listed twice) is merged
      // into the first row and reported; an id used by an earlier row with other data (other
      // dates, another place) is kept, under an id made unique from its title.
      if (!checkedContent) {
        checkedContent = true;
        const content = JSON.stringify(table.header.map((_, i) => cleanCell(row.cells[i] ?? '')));
        const sameAs = contentLines.get(content);
        if (sameAs !== undefined) {
          result.skipped.push({ line: row.line, reason: `the row repeats line ${sameAs} column for column (a duplicate in the source): merged with it, imported once` });
          break;
        }
        contentLines.set(content, row.line);
      }
      const id = String(event['id']);
      const usedBy = idLines.get(id);
      if (usedBy !== undefined) {
        const unique = uniqueEventId(id, String(event['title']), idLines);
        event['id'] = unique;
        warnings.push(`id "${id}" is already used by line ${usedBy} (other data); this row gets id "${unique}"`);
      }
      idLines.set(String(event['id']), row.line);
      result.events.push({ line: row.line, event: event as ImportedEvent['event'] });
      kept++;
    }
    if (kept > 0) for (const message of warnings) result.warnings.push({ line: row.line, message });
  }
  return result;
}

/**
 * The dates of a row's start (or end) cell when it names more than one, each with its times
 * (see readOccurrences); [] for a cell naming one date or none (read as usual then).
 */
function severalDates(rule: FieldRule, valueOf: (column: string) => string): Occurrence[] {
  let raw = sourceValue(rule, rule.key, valueOf);
  if (raw === '' && rule.fallback) raw = sourceValue(rule.fallback, rule.key, valueOf);
  if (typeof raw !== 'string') return [];
  const found = readOccurrences(raw);
  return found.length > 1 ? found : [];
}

/** The start ("YYYY-MM-DD[ HH:MM]"), end, and id suffix of one event made from a row naming several dates. */
interface When {
  start: string;
  end?: string;
  /** Added to the row's id (`<id>-<suffix>`): with `several: events` only. */
  suffix?: string;
}

/**
 * The events a row naming several dates makes, as `several` says: `events`, one per date, in
 * the order written, each starting at its first time and ending at its last when it gives a
 * range (« de 18h30 à 21h »), its id suffixed with its date (and its time, or its rank, when
 * the cell names a date twice); `range`, one from the earliest date (at its first time) to
 * the latest (at its last time when that date gives a range, else the date alone); `first`,
 * the first date written. `ends`: the end cell's dates when it names as many (each event's
 * end time is then read there), else the start cell's own.
 */
function whensOf(several: SeveralDates, occurrences: readonly Occurrence[], ends: readonly Occurrence[] | undefined): When[] {
  const at = (o: Occurrence) => (o.times[0] !== undefined ? `${o.date} ${o.times[0]}` : o.date);
  const until = (o: Occurrence) => (o.times.length >= 2 ? `${o.date} ${o.times[o.times.length - 1]}` : undefined);
  const endOf = (i: number) => until((ends?.length === occurrences.length ? ends[i] : undefined) ?? occurrences[i]!);
  const withEnd = (w: When, end: string | undefined): When => (end !== undefined ? { ...w, end } : w);
  if (several === 'first') return [withEnd({ start: at(occurrences[0]!) }, endOf(0))];
  if (several === 'range') {
    const sorted = [...occurrences].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    return [{ start: at(first), end: until(last) ?? last.date }];
  }
  const count = new Map<string, number>();
  for (const o of occurrences) count.set(o.date, (count.get(o.date) ?? 0) + 1);
  const rank = new Map<string, number>();
  return occurrences.map((o, i) => {
    const n = (rank.get(o.date) ?? 0) + 1;
    rank.set(o.date, n);
    const twice = (count.get(o.date) ?? 0) > 1;
    const suffix = twice ? `${o.date}-${o.times[0]?.replace(':', '') ?? String(n)}` : o.date;
    return withEnd({ start: at(o), suffix }, endOf(i));
  });
}

/** The raw value of a source for a row: a cleaned cell or filled template (a string, "" when empty), or a constant. */
function sourceValue(source: FieldSource, key: EventKey, valueOf: (column: string) => string): FieldValue {
  if (source.value !== undefined) return Array.isArray(source.value) ? [...source.value] : source.value;
  const text = source.column !== undefined ? valueOf(source.column) : fillTemplate(source.template ?? '', valueOf);
  // HTML and entities: a description becomes Markdown, the other fields plain text.
  return importedText(MULTILINE.has(key) ? 'description' : key, text, cleanCell, oneLine);
}

function describeSource(s: FieldSource): string {
  return s.column !== undefined ? `column ${JSON.stringify(s.column)}` : `template ${JSON.stringify(s.template)}`;
}
