import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseCsv } from '../src/import/csv.js';
import { checkColumns, parseMapping } from '../src/import/mapping.js';
import { rowsToEvents, type RowsResult } from '../src/import/rows.js';
import { readIcs } from '../src/import/ics.js';
import { itemsToEvents } from '../src/import/items.js';
import { NO_MAPPING, type SourceMapping } from '../src/import/source-mapping.js';
import { importEvents } from '../src/import/index.js';
import { ContentError, UsageError } from '../src/model/errors.js';
import { EventFileSchema, EventSchema } from '../src/model/event.js';
import { parseYaml, validate } from '../src/load/yaml.js';

/**
 * Fuzzing the importers (fast-check): arbitrary bytes, arbitrary Unicode cells, delimiters
 * and quotes for CSV; arbitrary text and arbitrary iCalendar-shaped text for .ics. Never a
 * crash: events that EventSchema accepts (what `encre build` reads back), skipped rows with
 * their line and reason, or encre's own ContentError, each problem located in the file.
 * Runs are kept moderate (the suite stays within minutes on 2 cores; ENCRE_FUZZ=N for N
 * times more); a failure prints the seed and the shrunk input to replay.
 */

/**
 * A thrown error must be encre's, with located problems: never a TypeError or a RangeError.
 * @param files each file a problem may name, with its number of lines.
 */
function expectLocated(e: unknown, files: Record<string, number>): void {
  if (!(e instanceof ContentError)) throw e; // the property fails with the real error
  expect(e.problems.length).toBeGreaterThan(0);
  for (const p of e.problems) {
    expect(Object.keys(files)).toContain(p.file);
    const lines = files[p.file]!;
    expect(Number.isInteger(p.line) && p.line >= 0 && p.line <= lines + 1, `${p.file}: line ${p.line} of ${lines}: ${p.message}`).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** What an import gives is always usable: valid events with unique ids, everything else accounted for by line. */
function expectSound(rows: RowsResult, lines: number): void {
  const ids = new Set<string>();
  for (const e of rows.events) {
    const parsed = EventSchema.safeParse(e.event);
    expect(parsed.success, `${JSON.stringify(e.event)}: ${parsed.error?.message}`).toBe(true);
    expect(ids.has(e.event.id), `duplicate id ${e.event.id}`).toBe(false);
    ids.add(e.event.id);
    expect(e.line).toBeGreaterThanOrEqual(0);
    expect(e.line).toBeLessThanOrEqual(lines + 1);
  }
  for (const s of [...rows.skipped, ...rows.warnings]) {
    expect(s.line).toBeGreaterThanOrEqual(0);
    expect(s.line).toBeLessThanOrEqual(lines + 1);
  }
  for (const s of rows.skipped) expect(s.reason.length).toBeGreaterThan(0);
  expect(rows.read).toBe(rows.events.length + rows.skipped.length + rows.filteredOut);
}

/** ENCRE_FUZZ=20 runs twenty times as many cases (a deeper search, by hand; the suite keeps 1). */
const SCALE = Math.max(1, Number(process.env.ENCRE_FUZZ ?? 1));
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE) });

const lineCount = (text: string) => text.split(/\r\n|\n|\r/).length;

// --- CSV ---------------------------------------------------------------------------------

const DELIMITERS = [';', ',', '\t', '|'] as const;

/** A mapping using every transform, a template and a filter-free set of rules. */
const MAPPING = (delimiter: string | undefined) => `${delimiter !== undefined ? `delimiter: ${JSON.stringify(delimiter)}\n` : ''}fields:
  id: { column: id, transform: slug, fallback: { template: "{title}" } }
  title: { column: title, transform: title }
  commune: commune
  departement: { column: dep, transform: departement }
  start: { column: start, transform: date }
  end: { column: end, transform: date }
  url: { column: site, transform: url }
  free: { column: free, transform: boolean }
  tags: { column: tags, transform: list }
  price: { column: price, transform: number }
  description: { template: "{title} — {commune}" }
`;
const HEADER = ['id', 'title', 'commune', 'dep', 'start', 'end', 'site', 'free', 'tags', 'price'];

/** Cell values: arbitrary Unicode (with quotes, delimiters, line breaks), and plausible data. */
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('"', "'", ';', ',', '\t', '|', '\n', '\r', ' ', 'a', 'é', '\u00a0', '\u200b', '\ufeff', '\0'), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '34', '2A', '971', '9.0', '99', '0', 'Hérault', '15/11/2016', '2016-11-15', '2016-11-15 14:30', '31/02/2016', '2016-13-45', '1/1/1',
      'www.example.org', 'https://example.org/a b', 'http://', 'mailto:x@y', 'oui', 'non', 'TRUE', '1 000,50 €', '-3', 'NaN', 'Infinity',
      'a, b; c', 'FESTIVAL DE JAZZ', "L'ÉTÉ", '', ' ', '""', '"', '=1+1', 'Montpellier', 'Saint-Jean-de-Védas',
    ),
  },
);

/** Values that suit each column of HEADER, so that many rows get through to EventSchema. */
const SUITED: string[][] = [
  ['fest-1', 'A12', 'ÉVÉNEMENT 7', '0001', 'x'],
  ['Forum', 'FESTIVAL DE JAZZ', "L'ÉTÉ DE VAOUR", 'Atelier « débat »', 'Titre\navec saut'],
  ['Montpellier', 'SAINT-JEAN-DE-VEDAS', 'Perpignan', 'Ajaccio'],
  ['34', '9.0', '2A', '971', '31', '66'],
  ['15/11/2016', '2016-11-15', '2016-11-15 14:30', '01/11/2016', ''],
  ['16/11/2016', '2016-11-14', ''],
  ['www.example.org', 'https://example.org/e', ''],
  ['oui', 'non', 'TRUE', ''],
  ['emploi, insertion', 'a;b', ''],
  ['5', '12,50 €', '0', ''],
];
const plausibleRow = fc.tuple(...SUITED.map((values) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: cell })));

/** A CSV text: cells joined by a delimiter, each quoted properly, not quoted, or (rarely) quoted badly. */
const csvText = fc
  .record({
    delimiter: fc.constantFrom(...DELIMITERS),
    rows: fc.array(
      fc.oneof({ weight: 4, arbitrary: plausibleRow }, { weight: 1, arbitrary: fc.array(cell, { maxLength: 14 }) }),
      { maxLength: 6 },
    ),
    quoting: fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom('proper', 'none') }, { weight: 1, arbitrary: fc.constantFrom('open', 'stray') }), { minLength: 1, maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    header: fc.oneof({ weight: 9, arbitrary: fc.constantFrom('plain', 'quoted') }, { weight: 1, arbitrary: fc.constant('none') }),
  })
  .map(({ delimiter, rows, quoting, eol, bom, header }) => {
    let k = 0;
    const q = (c: string) => {
      const how = quoting[k++ % quoting.length];
      if (how === 'proper') return `"${c.replace(/"/g, '""')}"`;
      if (how === 'open') return `"${c}`;
      if (how === 'stray') return `${c}"`;
      return c;
    };
    const head = header === 'none' ? [] : [HEADER.map((h) => (header === 'quoted' ? `"${h}"` : h)).join(delimiter)];
    const lines = [...head, ...rows.map((r) => r.map(q).join(delimiter))];
    return { text: `${bom ? '\ufeff' : ''}${lines.join(eol)}`, delimiter };
  });

/** The CSV import without files: parse, check the columns, turn rows into events. */
function importCsv(bytes: Buffer, mappingText: string, delimiter: string | undefined): RowsResult {
  const mapping = parseMapping('m.yaml', mappingText);
  const table = parseCsv('t.csv', bytes, delimiter ?? mapping.delimiter);
  checkColumns(mapping, table.header, 't.csv');
  return rowsToEvents(table, mapping, mapping.filters);
}

describe('fuzzing the CSV importer', () => {
  it('arbitrary bytes: a table and events, or a located ContentError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.option(fc.constantFrom(...DELIMITERS), { nil: undefined }), (raw, delimiter) => {
        // half of the runs start with the expected header, so that the rows are read
        const bytes = Buffer.concat([raw.length % 2 === 0 ? Buffer.from(`${HEADER.join(delimiter ?? ';')}\n`) : Buffer.alloc(0), Buffer.from(raw)]);
        try {
          expectSound(importCsv(bytes, MAPPING(delimiter), delimiter), lineCount(bytes.toString('latin1')));
        } catch (e) {
          expectLocated(e, { 't.csv': lineCount(bytes.toString('latin1')), 'm.yaml': lineCount(MAPPING(delimiter)) });
        }
      }),
      runs(300),
    );
  });

  it('arbitrary Unicode cells, delimiters and quotes: valid events, skipped rows by line, or a located ContentError', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom('given', 'detected', 'detected', 'other'), ({ text, delimiter }, how) => {
        // the mapping gives the file's delimiter, none (detected), or another one (a mistake)
        const given = how === 'given' ? delimiter : how === 'other' ? DELIMITERS[(DELIMITERS.indexOf(delimiter) + 1) % 4] : undefined;
        const bytes = Buffer.from(text, 'utf8');
        try {
          expectSound(importCsv(bytes, MAPPING(given), undefined), lineCount(text));
        } catch (e) {
          expectLocated(e, { 't.csv': lineCount(text), 'm.yaml': lineCount(MAPPING(given)) });
        }
      }),
      runs(400),
    );
  });

  it('end to end (files written): what encre import writes, encre build reads as valid events', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-fuzz-csv-'));
    made.push(dir);
    writeFileSync(path.join(dir, 'm.yaml'), MAPPING(undefined));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(csvText, async ({ text }) => {
        const csv = path.join(dir, 't.csv');
        writeFileSync(csv, text);
        const out = path.join(dir, `out-${run++}`);
        try {
          await importEvents({ file: csv, mapping: path.join(dir, 'm.yaml'), filters: [], outDir: out });
        } catch (e) {
          if (e instanceof UsageError) throw e; // nothing foreign in a fresh folder
          expectLocated(e, { [csv]: lineCount(text), [path.join(dir, 'm.yaml')]: lineCount(MAPPING(undefined)) });
          return;
        }
        for (const f of readdirSync(path.join(out, 'events'))) {
          const file = path.join(out, 'events', f);
          const { source, problems } = parseYaml(file, readFileSync(file, 'utf8'));
          expect(problems).toEqual([]);
          expect(validate(source, EventFileSchema).problems).toEqual([]);
        }
      }),
      runs(40),
    );
  });
});

// --- iCalendar -----------------------------------------------------------------------------

const NOVEMBER = { start: '2016-11-01', end: '2016-11-30' };
const DEFAULTS: SourceMapping = { defaults: { commune: 'Toulouse', departement: '31' }, period: NOVEMBER, periodFrom: 'period' };

/** A property line of a VEVENT: a name, parameters and a value, plausible or arbitrary. */
const property = fc
  .record({
    name: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom('SUMMARY', 'DTSTART', 'DTEND', 'DURATION', 'UID', 'LOCATION', 'RRULE', 'RDATE', 'EXDATE', 'RECURRENCE-ID', 'STATUS', 'CLASS', 'CATEGORIES', 'URL', 'DESCRIPTION', 'ORGANIZER', 'X-FOO', 'summary') },
      { weight: 1, arbitrary: fc.constantFrom('BEGIN', 'END') },
    ),
    params: fc.oneof(
      { weight: 6, arbitrary: fc.constant('') },
      { weight: 3, arbitrary: fc.constantFrom(';TZID=Europe/Paris', ';TZID=Romance Standard Time', ';TZID=Mars/Olympus', ';VALUE=DATE', ';CN="Jo:Jo"', ';TZID=America/New_York') },
      { weight: 1, arbitrary: fc.constantFrom(';TZID=', ';VALUE=PERIOD', ';CN=Jo "x"', ';X=;Y=', ';') },
    ),
    value: fc.oneof(
      { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map((v) => v.replace(/[\r\n]/g, ' ')) },
      {
        weight: 5,
        arbitrary: fc.constantFrom(
          '20161108T090000', '20161108', '20161108T090000Z', '20161131T250000', '00000000T000000', '99991231', '2016-11-08', '20161108T0900',
          '20161030T023000', '20161127T180000', '20161201T000000Z', '20161031',
          'FREQ=DAILY;COUNT=3', 'FREQ=WEEKLY', 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20161130T000000Z', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=YEARLY;BYMONTH=13',
          'FREQ=DAILY;INTERVAL=0', 'FREQ=DAILY;COUNT=-1', 'FREQ=HOURLY;COUNT=40', 'FREQ=', 'COUNT=3', 'FREQ=DAILY;UNTIL=19000101',
          'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;COUNT=2', 'FREQ=MONTHLY;BYMONTHDAY=31', 'FREQ=WEEKLY;BYDAY=SU;WKST=MO;COUNT=5', 'FREQ=YEARLY;BYWEEKNO=1',
          'PT1H', 'P1D', 'P-1D', 'PT', 'CANCELLED', 'PRIVATE', 'CONFIDENTIAL', 'Salle des fêtes, 12 rue X, 31000 Toulouse', 'Mairie, 97100 Basse-Terre',
          'Ici, 00000 Nulle-part', 'a\\nb\\,c\\;d', 'https://example.org/e', 'www.example.org', 'Musique,Danse', 'mailto:jo@example.org', 'VEVENT', 'VALARM',
        ),
      },
    ),
  })
  .map(({ name, params, value }) => `${name}${params}:${value}`);

/** Most VEVENTs get a DTSTART, a UID and a SUMMARY, so that their dates and recurrences are read. */
const usual = (name: string, values: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values).map((v) => [`${name}${v}`]) }, { weight: 1, arbitrary: fc.constant([]) });
const vevent = fc
  .tuple(
    usual('DTSTART', [':20161108T090000', ';TZID=Europe/Paris:20161115T143000', ';VALUE=DATE:20161118', ':20161120T100000Z', ';TZID=Romance Standard Time:20161108T090000']),
    usual('UID', [':a@example.org', ':b', ':ÉVÉNEMENT 1', ':---', ':a@example.org']),
    usual('SUMMARY', [':Forum', ':FESTIVAL DE JAZZ', ':Atelier\\, débat', ':<b>Gras</b>']),
    fc.array(property, { maxLength: 7 }),
  )
  .map(([start, uid, summary, props]) => ['BEGIN:VEVENT', ...start, ...uid, ...summary, ...props, 'END:VEVENT']);
const VTIMEZONE = ['BEGIN:VTIMEZONE', 'TZID:Romance Standard Time', 'BEGIN:STANDARD', 'DTSTART:16011028T030000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'];

/** An iCalendar-shaped text: VEVENTs of arbitrary properties, folded lines, any line ending, sometimes cut short. */
const icsText = fc
  .record({
    events: fc.array(vevent, { maxLength: 4 }),
    vtimezone: fc.boolean(),
    xwr: fc.constantFrom('', 'X-WR-TIMEZONE:Europe/Paris', 'X-WR-TIMEZONE:Nowhere/Else'),
    eol: fc.constantFrom('\r\n', '\n'),
    fold: fc.array(fc.nat(), { maxLength: 4 }),
    cut: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat() }),
  })
  .map(({ events, vtimezone, xwr, eol, fold, cut }) => {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...(xwr ? [xwr] : []), ...(vtimezone ? VTIMEZONE : []), ...events.flat(), 'END:VCALENDAR'];
    let text = lines.join(eol) + eol;
    // RFC 5545 folding (a line break and a space) at arbitrary places, never inside a CRLF
    for (const at of fold) {
      let i = at % (text.length + 1);
      if (text[i - 1] === '\r' && text[i] === '\n') i++;
      text = `${text.slice(0, i)}${eol} ${text.slice(i)}`;
    }
    return cut === undefined ? text : text.slice(0, cut % (text.length + 1));
  });

function importIcs(text: string, mapping: SourceMapping): void {
  let read;
  try {
    read = readIcs('t.ics', text, { period: mapping.period, timezone: mapping.timezone });
  } catch (e) {
    expectLocated(e, { 't.ics': lineCount(text) });
    return;
  }
  for (const n of read.notes) expect(n.line).toBeGreaterThanOrEqual(0);
  for (const item of read.items) {
    expect(item.line).toBeGreaterThanOrEqual(0);
    expect(item.line).toBeLessThanOrEqual(lineCount(text));
  }
  expectSound(itemsToEvents(read.items, mapping), lineCount(text));
}

describe('fuzzing the iCalendar importer', () => {
  it('arbitrary text: events or a located ContentError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }).map((s) => `BEGIN:VCALENDAR\r\n${s}\r\nEND:VCALENDAR\r\n`)), (text) => {
        importIcs(text, NO_MAPPING);
      }),
      runs(300),
    );
  });

  it('arbitrary VEVENTs (dates, zones, recurrences, folding, truncation): valid events, skipped ones by line, or a located ContentError', () => {
    fc.assert(
      fc.property(icsText, fc.boolean(), (text, withPeriod) => {
        importIcs(text, withPeriod ? DEFAULTS : { defaults: DEFAULTS.defaults });
      }),
      runs(400),
    );
  });
});

describe('iCalendar inputs the fuzzing found (each crashed or hung before)', () => {
  const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a@example.org', 'SUMMARY:Forum', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  const skipped = (text: string) => readIcs('t.ics', text, { period: NOVEMBER }).items.map((i) => [i.line, i.skip]);

  it('a value ical.js cannot decode (SUMMARY;VALUE=DATE:) skips its VEVENT, at its line (was a thrown Error)', () => {
    expect(skipped(calendar('DTSTART:20161108T090000', 'CLASS;VALUE=DATE:PUBLIC'))).toEqual([[3, 'cannot be read (CLASS;VALUE=DATE): Could not extract integer from "PUBL"']]);
  });

  it('a recurring VEVENT without DTSTART is skipped (ical.js counted from year 0 and looped forever)', () => {
    expect(skipped(calendar('RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20161130T000000Z'))).toEqual([[3, 'repeats (RRULE) but has no DTSTART to count its occurrences from']]);
  });

  it('a rule no date can match (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31) is skipped after MAX_MISSES candidates (ical.js looped forever)', () => {
    const [[line, reason]] = skipped(calendar('DTSTART:20161108T090000', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31;COUNT=3')) as [[number, string]];
    expect(line).toBe(3);
    expect(reason).toBe('its recurrence cannot be expanded: no date matches it within 200,000 candidate times (parts that exclude each other, e.g. BYMONTH=2;BYMONTHDAY=31?)');
  });

  it("a syntax error quoted between single quotes, or in a folded line, is located at its line (was line 0)", () => {
    const located = (text: string) => {
      try {
        readIcs('t.ics', text);
      } catch (e) {
        return (e as ContentError).problems.map((p) => [p.line, p.message]);
      }
      return [];
    };
    expect(located(calendar('DTSTART:20161108T090000', 'DESCRIPTION;:x'))).toEqual([[7, "not a valid iCalendar file: Invalid parameters in 'DESCRIPTION;:x'"]]);
    // folded: the line break and the space that follows are removed (RFC 5545 unfolding)
    expect(located(calendar('DTSTART:20161108T090000', 'LOCATION;CN="Salle', ' des fêtes:x'))).toEqual([[7, 'not a valid iCalendar file: invalid line (no matching double quote) ";CN="Salledes fêtes:x"']]);
  });
});

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
