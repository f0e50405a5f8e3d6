import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { parse } from 'yaml';
import { build } from '../src/build.js';
import { frenchText } from '../src/derive/typography.js';
import { ContentError, UsageError, formatProblem } from '../src/model/errors.js';
import { EventFileSchema, type CampaignEvent } from '../src/model/event.js';
import { CampaignSchema } from '../src/model/campaign.js';
import { formatImportReport, importEvents, type ImportReport } from '../src/import/index.js';
import { detectFormat } from '../src/import/formats.js';
import { departementOfPostalCode, parseLocation } from '../src/import/place.js';
import { readIcs } from '../src/import/ics.js';
import { readScheduleJson, readScheduleXml, durationMinutes } from '../src/import/schedule.js';
import { parseSourceMapping } from '../src/import/source-mapping.js';
import { epochOf, parisDateTime, parseIsoDateTime } from '../src/import/zones.js';
import { collapse, openPdf, pageTexts } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = 'tests/fixtures/import-formats';
const ICS = `${FIXTURES}/events.ics`;
const ICS_MAPPING = `${FIXTURES}/ics-mapping.yaml`;
const XML = `${FIXTURES}/schedule.xml`;
const JSON_SCHEDULE = `${FIXTURES}/schedule.json`;
const SCHEDULE_MAPPING = `${FIXTURES}/schedule-mapping.yaml`;
/** 2016-10-18T00:00:00Z, as in the other build tests. */
const EPOCH = '1476748800';

const made: string[] = [];
async function tmp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'encre-import-formats-'));
  made.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** The events written under `out`, by file name, in file order. */
async function writtenEvents(out: string): Promise<Record<string, CampaignEvent[]>> {
  const files: Record<string, CampaignEvent[]> = {};
  for (const f of (await readdir(join(out, 'events'))).sort()) {
    files[f] = EventFileSchema.parse(parse(await readFile(join(out, 'events', f), 'utf8'))).events;
  }
  return files;
}

/** The error thrown by `run`. */
async function errorOf(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** The problems of a ContentError thrown by `run`, formatted. */
async function problemsOf(run: () => unknown): Promise<string[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected a ContentError');
}

/**
 * Imports `file` into a fresh content folder inside the project (tests/.output-fmt-…, as
 * `build` takes a content path relative to the root), builds its programme, and returns the
 * report, the events written and the programme's text; both folders are removed after.
 */
async function importAndBuild(file: string, mapping: string): Promise<{ report: ImportReport; events: CampaignEvent[]; text: string }> {
  const content = mkdtempSync(join(ROOT, 'tests', '.output-fmt-'));
  const out = await tmp();
  try {
    const report = await importEvents({ file, mapping, filters: [], outDir: content });
    const events = Object.values(await writtenEvents(content)).flat();
    await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme'], sourceDateEpoch: EPOCH });
    const text = pageTexts(openPdf(await readFile(join(out, 'programme.pdf')))).join(' ');
    return { report, events, text };
  } finally {
    await rm(content, { recursive: true, force: true });
  }
}

/** Every event's title, as encre prints it, is in the programme text. */
function expectTitlesPrinted(events: CampaignEvent[], text: string): void {
  expect(events.length).toBeGreaterThan(0);
  for (const e of events) expect(text, e.id).toContain(collapse(frenchText(e.title)));
}

describe('format detection', () => {
  it('goes by the extension, in any case', () => {
    expect(detectFormat('a/data.csv')).toBe('csv');
    expect(detectFormat('data.TSV')).toBe('csv');
    expect(detectFormat('agenda.ics')).toBe('ics');
    expect(detectFormat('AGENDA.ICS')).toBe('ics');
    expect(detectFormat('schedule.xml')).toBe('xml');
    expect(detectFormat('schedule.json')).toBe('json');
  });

  it('refuses other files with a UsageError naming what it reads, before reading anything', async () => {
    const e = await errorOf(() => importEvents({ file: 'tests/fixtures/nope.ods', filters: [], outDir: 'unused' }));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe(
      'tests/fixtures/nope.ods: cannot import a ".ods" file. encre import reads .csv (a spreadsheet, with --mapping for its columns), ' +
        '.xlsx (an Excel workbook, the same way), .ics (an iCalendar export), .xml (a frab / pretalx schedule.xml) and .json (a pretalx schedule.json); ' +
        'rename the file if it is one of these, or save it as .xlsx from the spreadsheet program (.ods is not read).',
    );
    expect((await errorOf(() => importEvents({ file: 'README', filters: [], outDir: 'unused' }))).message).toMatch(/^README: cannot import a file without an extension\./);
    expect(existsSync('unused')).toBe(false);
  });
});

describe('iCalendar import', () => {
  it('imports the fixture: TZID, UTC and all-day times, the weekly recurrence, LOCATION, CATEGORIES; skips what is outside the period; imports a cancelled event with its status', async () => {
    const out = await tmp();
    const report = await importEvents({ file: ICS, mapping: ICS_MAPPING, filters: [], outDir: out });
    const files = await writtenEvents(out);
    expect(Object.keys(files)).toEqual(['2A-corse-du-sud.yaml', '31-haute-garonne.yaml', '34-herault.yaml']);
    const events = Object.values(files).flat();
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(events.map((e) => [e.id, e.title, e.start, e.end])).toEqual([
      ['salon-corse-encre-example', 'Salon des initiatives solidaires', '2016-11-18', '2016-11-20'],
      // 09:00–10:30 in New York (EST, UTC−5) is 15:00–16:30 in Paris (CET, UTC+1).
      ['ny-webinar-2016-encre-example', "Webinaire : financer l'ESS depuis New York", '2016-11-08 15:00', '2016-11-08 16:30'],
      // An all-day event on one day: DTEND (exclusive) is the next day, so no end.
      ['forum-emploi-encre-example', "Forum de l'emploi solidaire", '2016-11-12', undefined],
      // 13:00Z is 14:00 in Paris.
      ['conference-utc-encre-example', 'Conférence sur la finance solidaire', '2016-11-15 14:00', '2016-11-15 16:00'],
      // STATUS:CANCELLED: imported with its status (the campaign marks it or leaves it out).
      ['annule-encre-example', 'Visite annulée', '2016-11-22 14:00', undefined],
      ['atelier-hebdo-encre-example-20161103', 'Atelier du jeudi : monter sa coopérative', '2016-11-03 18:30', '2016-11-03 20:00'],
      ['atelier-hebdo-encre-example-20161110', 'Atelier du jeudi : monter sa coopérative', '2016-11-10 18:30', '2016-11-10 20:00'],
      ['atelier-hebdo-encre-example-20161117', 'Atelier du jeudi : monter sa coopérative', '2016-11-17 18:30', '2016-11-17 20:00'],
      ['atelier-hebdo-encre-example-20161124', 'Atelier du jeudi : monter sa coopérative', '2016-11-24 18:30', '2016-11-24 20:00'],
    ]);
    expect(byId.get('annule-encre-example')?.status).toBe('cancelled');
    expect(byId.get('forum-emploi-encre-example')?.status).toBeUndefined();

    // LOCATION: "venue, address, 31000 Toulouse" gives all four; without a postal code, the mapping's defaults.
    expect(byId.get('forum-emploi-encre-example')).toMatchObject({
      venue: 'Quai des Savoirs',
      address: '39 allées Jules Guesde',
      commune: 'Toulouse',
      departement: '31',
      organiser: 'Cress Occitanie',
      url: 'https://mois-ess.example/evenements/forum-emploi',
    });
    expect(byId.get('salon-corse-encre-example')).toMatchObject({ venue: 'Palais des congrès', commune: 'Ajaccio', departement: '2A' });
    expect(byId.get('atelier-hebdo-encre-example-20161117')).toMatchObject({
      venue: 'La Serre',
      address: '1 rue de la Coopération',
      commune: 'Montpellier',
      departement: '34',
      category: 'Atelier',
      tags: ['Atelier', "Création d'entreprise"],
    });
    const webinar = byId.get('ny-webinar-2016-encre-example');
    expect(webinar).toMatchObject({ venue: 'En ligne', commune: 'Toulouse', departement: '31', category: 'Webinaire', tags: ['Webinaire'] });
    // DESCRIPTION's line break is kept (the card prints it: descriptions are Markdown).
    expect(webinar?.description).toBe("Un échange en ligne avec des fonds d'investissement solidaire, en direct de New York.\nQuestions en fin de séance.");
    expect(byId.get('conference-utc-encre-example')).toMatchObject({ category: 'Conférence', tags: ['Conférence', 'Finance solidaire'] });

    expect(report).toMatchObject({ read: 10, filteredOut: 0, imported: 9, warnings: [] });
    expect(report.skipped).toEqual([
      { line: 73, reason: 'VEVENT UID "voeux-2017@encre.example" ("Vœux de la Cress"): outside the campaign period 2016-11-01 … 2016-11-30 (starts 2017-01-10)' },
    ]);
    const text = formatImportReport(report);
    expect(text).toContain('10 rows read, 0 filtered out, 9 imported, 1 skipped, 0 warnings');
    expect(text).toContain(`${ICS}:73: VEVENT UID "voeux-2017@encre.example" ("Vœux de la Cress"): outside the campaign period`);

    // The same header as the CSV import, and campaign.yaml from the mapping.
    const herault = await readFile(join(out, 'events', '34-herault.yaml'), 'utf8');
    expect(herault.split('\n').slice(0, 3)).toEqual([
      '# Hérault (34): 4 events.',
      '# Generated by encre import from events.ics with ics-mapping.yaml.',
      '# Edit the data or the mapping and import again rather than editing this file.',
    ]);
    expect(CampaignSchema.parse(parse(await readFile(join(out, 'campaign.yaml'), 'utf8'))).period).toEqual({ start: '2016-11-01', end: '2016-11-30' });

    // Importing again gives the same files: ids do not depend on positions.
    const again = await importEvents({ file: ICS, mapping: ICS_MAPPING, filters: [], outDir: out });
    expect(again.removed).toEqual([]);
    expect(await readFile(join(out, 'events', '34-herault.yaml'), 'utf8')).toBe(herault);
  });

  it('builds: every imported title is in the programme, with its Paris time', async () => {
    const { report, events, text } = await importAndBuild(ICS, ICS_MAPPING);
    expect(report.imported).toBe(9);
    expect(events).toHaveLength(9);
    expectTitlesPrinted(events, text);
    expect(text).toContain('ANNULÉ Visite annulée');
    expect(text).toContain('mardi 8 novembre 2016, 15 h – 16 h 30');
    expect(text).toContain('samedi 12 novembre 2016');
    expect(text).toContain('jeudi 24 novembre 2016, 18 h 30 – 20 h');
  });

  /** A calendar around `events` (VEVENT bodies). */
  const calendar = (...events: string[]) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e.trim().split('\n').map((l) => l.trim()), 'END:VEVENT']), 'END:VCALENDAR'].join('\r\n');
  const november = { start: '2016-11-01', end: '2016-11-30' };
  const summary = (r: ReturnType<typeof readIcs>) => r.items.map((i) => ({ id: i.id, start: i.fields.start, end: i.fields.end, title: i.fields.title, skip: i.skip, warnings: i.warnings }));

  it('applies EXDATE and RECURRENCE-ID exceptions; a moved occurrence keeps the id of its date in the rule', () => {
    const ics = calendar(
      `UID:club
       DTSTART;TZID=Europe/Paris:20161107T100000
       DTEND;TZID=Europe/Paris:20161107T110000
       RRULE:FREQ=WEEKLY;COUNT=4
       EXDATE;TZID=Europe/Paris:20161114T100000
       SUMMARY:Club`,
      `UID:club
       RECURRENCE-ID;TZID=Europe/Paris:20161121T100000
       DTSTART;TZID=Europe/Paris:20161122T170000
       DTEND;TZID=Europe/Paris:20161122T183000
       SUMMARY:Club (déplacé)`,
    );
    expect(summary(readIcs('t.ics', ics, { period: november }))).toEqual([
      { id: 'club-20161107', start: '2016-11-07 10:00', end: '2016-11-07 11:00', title: 'Club', skip: undefined, warnings: [] },
      { id: 'club-20161121', start: '2016-11-22 17:00', end: '2016-11-22 18:30', title: 'Club (déplacé)', skip: undefined, warnings: [] },
      { id: 'club-20161128', start: '2016-11-28 10:00', end: '2016-11-28 11:00', title: 'Club', skip: undefined, warnings: [] },
    ]);
  });

  it('makes ids of at most 200 characters from a long UID, the occurrence\'s date kept (the id names files on the site)', () => {
    const uid = `040000008200E00074C5B7101A82E008${'0123456789ABCDEF'.repeat(14)}`;
    const ics = calendar(`UID:${uid}\nDTSTART;VALUE=DATE:20161104\nRRULE:FREQ=WEEKLY;COUNT=2\nSUMMARY:Marché`, `UID:${uid}-2\nDTSTART;VALUE=DATE:20161105\nSUMMARY:Foire`);
    const ids = readIcs('t.ics', ics, { period: november }).items.map((i) => i.id);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(200);
    expect(ids[0]).toMatch(/^040000008200e00074c5b7101a82e008[0-9a-f]+-20161104$/);
    expect(ids[1]).toMatch(/-20161111$/);
    expect(new Set(ids).size).toBe(3);
  });

  it('expands a rule without end within the period only, and says how many occurrences were left out', () => {
    const ics = calendar(`UID:daily\nDTSTART;VALUE=DATE:20161028\nRRULE:FREQ=WEEKLY;BYDAY=FR\nSUMMARY:Marché`);
    const r = readIcs('t.ics', ics, { period: november, periodLabel: 'campaign period 2016-11-01 … 2016-11-30' });
    expect(r.items.map((i) => [i.id, i.fields.start, i.fields.end])).toEqual([
      ['daily-20161104', '2016-11-04', undefined],
      ['daily-20161111', '2016-11-11', undefined],
      ['daily-20161118', '2016-11-18', undefined],
      ['daily-20161125', '2016-11-25', undefined],
    ]);
    expect(r.items[0]?.warnings).toEqual(['1 occurrence outside the campaign period 2016-11-01 … 2016-11-30 not imported: 2016-10-28']);
    // Without a period, a rule that never ends cannot be expanded: skipped, with the reason.
    expect(readIcs('t.ics', ics, {}).items.map((i) => i.skip)).toEqual([
      'repeats without end (RRULE without COUNT or UNTIL) and no period bounds it: give the campaign (campaign.period) or a period in the mapping',
    ]);
  });

  it('reports a recurring event none of whose occurrences falls in the period', () => {
    const ics = calendar(`UID:dec\nDTSTART:20161205T100000Z\nRRULE:FREQ=DAILY;UNTIL=20161207T100000Z\nSUMMARY:Décembre`);
    expect(readIcs('t.ics', ics, { period: november, periodLabel: 'campaign period 2016-11-01 … 2016-11-30' }).items.map((i) => i.skip)).toEqual([
      'none of its occurrences falls in the campaign period 2016-11-01 … 2016-11-30 (3 outside it: 2016-12-05, 2016-12-06, 2016-12-07)',
    ]);
  });

  it('converts a TZID Node does not know through the VTIMEZONE of the file, and floating times in X-WR-TIMEZONE', () => {
    const windows = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Microsoft//EN', 'X-WR-TIMEZONE:America/New_York',
      'BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD', 'DTSTART:16010101T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT', 'UID:outlook', 'DTSTART;TZID=W. Europe Standard Time:20161108T093000', 'DTEND;TZID=W. Europe Standard Time:20161108T120000', 'SUMMARY:Outlook', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:floating', 'DTSTART:20161108T090000', 'SUMMARY:Flottant', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:unknown', 'DTSTART;TZID=Mars/Olympus_Mons:20161108T090000', 'SUMMARY:Ailleurs', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const r = readIcs('t.ics', windows, { period: november });
    expect(r.items.map((i) => [i.id, i.fields.start ?? i.skip, i.fields.end, i.line])).toEqual([
      ['outlook', '2016-11-08 09:30', '2016-11-08 12:00', 20],
      ['floating', '2016-11-08 15:00', undefined, 26],
      ['unknown', 'time zone TZID="Mars/Olympus_Mons" is neither a zone Node knows nor defined by a VTIMEZONE of the file', undefined, 31],
    ]);
    // The mapping's timezone wins over X-WR-TIMEZONE.
    expect(readIcs('t.ics', windows, { timezone: 'Europe/Paris' }).items[1]?.fields.start).toBe('2016-11-08 09:00');
  });

  it('skips, with the reason and the line, events that have no commune (a mapping grouping by département), and refuses to import nothing', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'a.ics'), calendar(`UID:x@y\nDTSTART;VALUE=DATE:20161110\nSUMMARY:Sans lieu\nLOCATION:Salle 3`, `UID:z@y\nDTSTART;VALUE=DATE:20161111\nSUMMARY:Sans rien`));
    await writeFile(join(dir, 'm.yaml'), 'timezone: Europe/Paris\n');
    const out = join(dir, 'out');
    // Without a mapping the campaign groups by day and needs no place: both are imported.
    const loose = await importEvents({ file: join(dir, 'a.ics'), filters: [], outDir: join(dir, 'loose') });
    expect([loose.imported, loose.skipped]).toEqual([2, []]);
    expect(await problemsOf(() => importEvents({ file: join(dir, 'a.ics'), mapping: join(dir, 'm.yaml'), filters: [], outDir: out }))).toEqual([
      `${join(dir, 'a.ics')} no event imported: all 2 events read were skipped\n  Hint: fix the file or the mapping (defaults for commune and departement, the period); ${out} was left unchanged`,
      `${join(dir, 'a.ics')}:4:0 VEVENT UID "x@y" ("Sans lieu"): no commune or departement: LOCATION: "Salle 3" has no postal code and commune ("…, 31000 Toulouse"), ` +
        'and the mapping has no defaults.commune or defaults.departement',
      `${join(dir, 'a.ics')}:10:0 VEVENT UID "z@y" ("Sans rien"): no commune or departement: it has no LOCATION, and the mapping has no defaults.commune or defaults.departement`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('reports odd events once each: a cancelled recurring event (imported, cancelled), an unreadable DTSTART, a private one; makes an id without UID', () => {
    const ics = calendar(
      `UID:gone\nDTSTART;VALUE=DATE:20161102\nRRULE:FREQ=WEEKLY;COUNT=3\nSTATUS:CANCELLED\nSUMMARY:Annulé`,
      `UID:bad\nDTSTART:2016xx\nSUMMARY:Mauvaise date`,
      `UID:secret\nDTSTART;VALUE=DATE:20161103\nCLASS:PRIVATE\nSUMMARY:Réunion interne`,
      `DTSTART;VALUE=DATE:20161104\nSUMMARY:Sans UID`,
    );
    const r = readIcs('t.ics', ics, { period: november });
    expect(r.items.map((i) => [i.line, i.label, i.id, i.skip ?? i.warnings])).toEqual([
      ...['20161102', '20161109', '20161116'].map((d) => [4, `VEVENT UID "gone" ("Annulé"), occurrence of ${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, `gone-${d}`, []]),
      [11, 'VEVENT UID "bad" ("Mauvaise date")', 'bad', 'DTSTART "2016-xx-T::" is not a date'],
      [16, 'VEVENT UID "secret" ("Réunion interne")', '', 'CLASS:PRIVATE: not for a public programme'],
      [22, 'VEVENT without UID ("Sans UID")', 'sans-uid-20161104', ['no UID: id "sans-uid-20161104" made from the title and the date']],
    ]);
  });

  it('locates a malformed file', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'bad.ics'), 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nnot a property\r\nEND:VCALENDAR\r\n');
    expect(await problemsOf(() => importEvents({ file: join(dir, 'bad.ics'), filters: [], outDir: join(dir, 'out') }))).toEqual([
      `${join(dir, 'bad.ics')}:3:0 not a valid iCalendar file: invalid line (no token ";" or ":") "not a property"`,
    ]);
    await writeFile(join(dir, 'empty.ics'), '');
    expect(await problemsOf(() => importEvents({ file: join(dir, 'empty.ics'), filters: [], outDir: join(dir, 'out') }))).toEqual([
      `${join(dir, 'empty.ics')} not an iCalendar file: it has no BEGIN:VCALENDAR … END:VCALENDAR\n  Hint: export the calendar as .ics (iCalendar)`,
    ]);
  });
});

describe('conference schedule import', () => {
  const expected = [
    ['5b1e0c8e-6d0a-4f3e-9b59-000000000101', "Ouverture : l'ESS et le numérique", '2016-11-08 09:30', '2016-11-08 10:30', 'Amphi A', 'Plénière'],
    ['5b1e0c8e-6d0a-4f3e-9b59-000000000102', 'Coopératives de plateforme', '2016-11-08 11:00', '2016-11-08 11:45', 'Salle B', 'Économie'],
    ['5b1e0c8e-6d0a-4f3e-9b59-000000000103', 'Atelier : réparer son ordinateur', '2016-11-08 14:00', '2016-11-08 16:00', 'Atelier C', 'Pratique'],
    ['5b1e0c8e-6d0a-4f3e-9b59-000000000104', 'Données ouvertes et territoires', '2016-11-09 10:00', '2016-11-09 11:30', 'Amphi A', 'Plénière'],
    ['5b1e0c8e-6d0a-4f3e-9b59-000000000106', 'Logiciels libres dans les associations', '2016-11-09 16:00', '2016-11-09 17:00', 'Atelier C', 'Pratique'],
  ];

  for (const [file, line] of [
    [XML, 90],
    [JSON_SCHEDULE, 214],
  ] as const) {
    it(`imports ${path.basename(file)}: two days, three rooms, the untitled talk skipped at its line`, async () => {
      const out = await tmp();
      const report = await importEvents({ file, mapping: SCHEDULE_MAPPING, filters: [], outDir: out });
      const files = await writtenEvents(out);
      expect(Object.keys(files)).toEqual(['31-haute-garonne.yaml']);
      const events = files['31-haute-garonne.yaml'] ?? [];
      expect(events.map((e) => [e.id, e.title, e.start, e.end, e.venue, e.category])).toEqual(expected);
      expect(events[0]).toEqual({
        id: '5b1e0c8e-6d0a-4f3e-9b59-000000000101',
        title: "Ouverture : l'ESS et le numérique",
        subtitle: 'Pourquoi des communs ?',
        speakers: ['Ada Lovelace', 'Alan Turing'],
        lang: 'fr',
        start: '2016-11-08 09:30',
        end: '2016-11-08 10:30',
        venue: 'Amphi A',
        address: '39 allées Jules Guesde',
        commune: 'Toulouse',
        departement: '31',
        category: 'Plénière',
        description: 'Ce que les coopératives & les associations attendent du numérique.',
        url: 'https://rns.example/2016/talk/101/',
        tags: ['Talk'],
        coOrganised: false,
      });
      // HTML in an abstract becomes Markdown (its emphasis kept); without an abstract, the description.
      expect(events[1]?.description).toBe('Des plateformes *détenues* par leurs usagers.');
      expect(events[2]).toMatchObject({ description: 'Apportez votre machine : nous la réparons ensemble.', tags: ['Workshop'] });
      expect(events[2]?.speakers).toBeUndefined();
      expect(events[4]?.speakers).toEqual(['Richard Stallman', 'Aaron Swartz']);

      expect(report).toMatchObject({ read: 6, filteredOut: 0, imported: 5, warnings: [] });
      expect(report.skipped).toEqual([{ line, reason: 'event guid "5b1e0c8e-6d0a-4f3e-9b59-000000000105": no title' }]);
      expect(formatImportReport(report)).toContain(`${file}:${line}: event guid "5b1e0c8e-6d0a-4f3e-9b59-000000000105": no title`);
      expect((await readFile(join(out, 'events', '31-haute-garonne.yaml'), 'utf8')).split('\n')[1]).toBe(
        `# Generated by encre import from ${path.basename(file)} with schedule-mapping.yaml.`,
      );
    });

    it(`builds ${path.basename(file)}: every imported title is in the programme`, async () => {
      const { events, text } = await importAndBuild(file, SCHEDULE_MAPPING);
      expect(events.map((e) => e.id)).toEqual(expected.map((e) => e[0]));
      expectTitlesPrinted(events, text);
      expect(text).toContain('mardi 8 novembre 2016, 9 h 30 – 10 h 30');
    });
  }

  it('gives the same events from the XML and the JSON form', async () => {
    const [a, b] = [await tmp(), await tmp()];
    await importEvents({ file: XML, mapping: SCHEDULE_MAPPING, filters: [], outDir: a });
    await importEvents({ file: JSON_SCHEDULE, mapping: SCHEDULE_MAPPING, filters: [], outDir: b });
    // The JSON fixture gives <language> for fewer talks than the XML: the languages are left out of the comparison.
    const body = async (dir: string) => (await readFile(join(dir, 'events', '31-haute-garonne.yaml'), 'utf8')).split('\n').slice(3).join('\n').replace(/^ +lang: .*\n/gm, '');
    expect(await body(a)).toBe(await body(b));
  });

  it('needs the commune and département from a mapping that groups by département: without them every talk is skipped, saying so', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'm.yaml'), 'timezone: Europe/Paris\n');
    const problems = await problemsOf(() => importEvents({ file: XML, mapping: join(dir, 'm.yaml'), filters: [], outDir: join(tmpdir(), 'encre-never-written') }));
    expect(problems[0]).toMatch(/no event imported: all 6 events read were skipped/);
    expect(problems[1]).toBe(
      `${XML}:18:0 event guid "5b1e0c8e-6d0a-4f3e-9b59-000000000101" ("Ouverture : l'ESS et le numérique"): ` +
        'no commune or departement: a conference schedule does not say where the conference is, and the mapping has no defaults.commune or defaults.departement',
    );
    expect(existsSync(join(tmpdir(), 'encre-never-written'))).toBe(false);
  });

  it('reads a start without <date> from the day, after midnight on the next day, in the conference time zone', () => {
    const xml = (start: string, zone = 'Europe/Paris') =>
      `<schedule><conference><time_zone_name>${zone}</time_zone_name></conference><day index="1" date="2016-11-08" start="2016-11-08T18:00:00+01:00">` +
      `<room name="Club"><event guid="g" id="1"><start>${start}</start><duration>01:30</duration><title>Concert</title></event></room></day></schedule>`;
    const at = (x: string) => readScheduleXml('s.xml', x).items.map((i) => [i.fields.start, i.fields.end]);
    expect(at(xml('20:00'))).toEqual([['2016-11-08 20:00', '2016-11-08 21:30']]);
    expect(at(xml('00:30'))).toEqual([['2016-11-09 00:30', '2016-11-09 02:00']]);
    // A conference in Montréal: its day starts 18:00 there, 00:00 in Paris; 20:00 there is 02:00 in Paris
    // for a campaign in Paris time, 20:00 written in the conference's own zone.
    const montreal = xml('20:00', 'America/Montreal').replace('+01:00', '-05:00');
    expect(readScheduleXml('s.xml', montreal, { outputZone: 'Europe/Paris' }).items.map((i) => [i.fields.start, i.fields.end])).toEqual([['2016-11-09 02:00', '2016-11-09 03:30']]);
    expect(at(montreal)).toEqual([['2016-11-08 20:00', '2016-11-08 21:30']]);
    expect(durationMinutes('00:45')).toBe(45);
    expect(durationMinutes('25:00')).toBe(1500);
    expect(durationMinutes('1h')).toBeUndefined();
  });

  it('locates malformed XML and JSON, and refuses what is not a schedule', async () => {
    expect(await problemsOf(() => readScheduleXml('s.xml', '<schedule>\n<day>\n</schedule>'))).toEqual([
      "s.xml:3:1 malformed XML: Expected closing tag 'day' (opened in line 2, col 1) instead of closing tag 'schedule'.",
    ]);
    expect(await problemsOf(() => readScheduleXml('s.xml', '<rss><channel/></rss>'))).toEqual([
      's.xml not a conference schedule: the root element is <rss>, not <schedule>\n  Hint: export the schedule from pretalx or frab ("schedule.xml" or "schedule.json"), or import a .csv or .ics',
    ]);
    expect((await problemsOf(() => readScheduleJson('s.json', '{\n  "schedule": {\n    "conference": [,]\n  }\n}')))[0]).toMatch(/^s\.json:3:20 malformed JSON: Unexpected token/);
    expect((await problemsOf(() => readScheduleJson('s.json', '{"events": []}')))[0]).toBe(
      's.json not a schedule.json: it has neither schedule.conference.days (frab / pretalx export) nor talks (pretalx widget / API)\n  Hint: export the schedule from pretalx or frab ("schedule.xml" or "schedule.json"), or import a .csv or .ics',
    );
  });
});

describe('places and times', () => {
  it('reads the département of a postal code: two digits, Corsica 2A/2B, overseas three digits', () => {
    expect(departementOfPostalCode('31000')).toBe('31');
    expect(departementOfPostalCode('09000')).toBe('09');
    expect(departementOfPostalCode('01000')).toBe('01');
    expect(departementOfPostalCode('20000')).toBe('2A');
    expect(departementOfPostalCode('20167')).toBe('2A');
    expect(departementOfPostalCode('20200')).toBe('2B');
    expect(departementOfPostalCode('20600')).toBe('2B');
    expect(departementOfPostalCode('97400')).toBe('974');
    expect(departementOfPostalCode('97133')).toBe('971');
    expect(departementOfPostalCode('97500')).toBeUndefined();
    expect(departementOfPostalCode('98000')).toBeUndefined();
    expect(departementOfPostalCode('00100')).toBeUndefined();
    expect(departementOfPostalCode('3100')).toBeUndefined();
  });

  it('splits a LOCATION into venue, address, commune and département', () => {
    expect(parseLocation('Quai des Savoirs, 39 allées Jules Guesde, 31000 Toulouse, France')).toEqual({
      venue: 'Quai des Savoirs',
      address: '39 allées Jules Guesde',
      commune: 'Toulouse',
      departement: '31',
      postalCode: '31000',
    });
    expect(parseLocation('Salle Molière 34000 MONTPELLIER CEDEX 2')).toEqual({ venue: 'Salle Molière', commune: 'Montpellier', departement: '34', postalCode: '34000' });
    expect(parseLocation('97400 Saint-Denis')).toEqual({ commune: 'Saint-Denis', departement: '974', postalCode: '97400' });
    expect(parseLocation('Bastia, 20200 Bastia')).toEqual({ venue: 'Bastia', commune: 'Bastia', departement: '2B', postalCode: '20200' });
    expect(parseLocation('En ligne')).toEqual({ venue: 'En ligne', problem: '"En ligne" has no postal code and commune ("…, 31000 Toulouse")' });
    expect(parseLocation('Salle 12000')).toEqual({ venue: 'Salle 12000', problem: '"Salle 12000" has no postal code and commune ("…, 31000 Toulouse")' });
  });

  it('converts wall-clock times between zones, across the changes of time', () => {
    expect(parisDateTime(epochOf({ year: 2016, month: 11, day: 8, hour: 9, minute: 0, second: 0 }, 'America/New_York'))).toBe('2016-11-08 15:00');
    // New York changed on 6 November, Paris on 30 October: five hours apart on 1 November.
    expect(parisDateTime(epochOf({ year: 2016, month: 11, day: 1, hour: 9, minute: 0, second: 0 }, 'America/New_York'))).toBe('2016-11-01 14:00');
    // 02:30 does not exist in Paris on 27 March 2016: read with the offset before the change.
    expect(parisDateTime(epochOf({ year: 2016, month: 3, day: 27, hour: 2, minute: 30, second: 0 }, 'Europe/Paris'))).toBe('2016-03-27 03:30');
    // 02:30 happens twice on 30 October 2016: the first one (CEST), 00:30 UTC.
    expect(new Date(epochOf({ year: 2016, month: 10, day: 30, hour: 2, minute: 30, second: 0 }, 'Europe/Paris')).toISOString()).toBe('2016-10-30T00:30:00.000Z');
    expect(parisDateTime(parseIsoDateTime('2016-11-08T10:00:00-05:00', 'Europe/Paris') ?? 0)).toBe('2016-11-08 16:00');
    expect(parseIsoDateTime('2016-02-30T10:00:00Z', 'Europe/Paris')).toBeUndefined();
  });
});

describe('the mapping of a calendar or schedule', () => {
  const map = (text: string) => problemsOf(() => parseSourceMapping('m.yaml', text, 'events.ics'));

  it('reads defaults, period, timezone and campaign', () => {
    const m = parseSourceMapping(
      'm.yaml',
      'defaults: { commune: Sète, departement: 34, tags: [conférence], free: true }\nperiod: { start: 2016-11-08, end: 2016-11-09 }\ntimezone: America/New_York\n' +
        'campaign: { name: X, region: Y, period: { start: 2016-11-01, end: 2016-11-30 }, organiser: { name: Z } }\n',
      'x.ics',
    );
    expect(m).toMatchObject({
      defaults: { commune: 'Sète', departement: '34', tags: ['conférence'], free: true },
      period: { start: '2016-11-08', end: '2016-11-09' },
      periodFrom: 'period',
      timezone: 'America/New_York',
    });
    expect(parseSourceMapping('m.yaml', 'campaign: { name: X, region: Y, period: { start: 2016-11-01, end: 2016-11-30 }, organiser: { name: Z } }\n', 'x.ics')).toMatchObject({
      period: { start: '2016-11-01', end: '2016-11-30' },
      periodFrom: 'campaign.period',
    });
  });

  it('locates every problem: CSV-only keys, bad defaults, a period beyond the campaign, an unknown zone', async () => {
    expect(
      await map(
        [
          'fields: { title: SUMMARY }',
          'defaults:',
          '  departement: "20"',
          '  title: Forum',
          '  comune: Sète',
          'period: { start: 2016-10-01, end: 2016-11-30 }',
          'timezone: Paris',
          'campaign: { name: X, region: Y, period: { start: 2016-11-01, end: 2016-11-30 }, organiser: { name: Z } }',
        ].join('\n'),
      ),
    ).toEqual([
      'm.yaml:1:1 fields: "fields" applies to CSV imports only: events.ics names its fields itself\n  Hint: for a calendar or a schedule, give `defaults:` (e.g. commune and departement), `period:`, `timezone:` and `campaign:`',
      'm.yaml:3:16 defaults.departement: "20" is not an INSEE département code such as "34", "09", "2A" or "971" (Corsica is "2A" or "2B")',
      'm.yaml:4:3 defaults.title: "title" cannot have a default: each event gives its own',
      'm.yaml:5:3 defaults.comune: unknown event field "comune" (did you mean "commune"?)',
      'm.yaml:6:9 period: the period 2016-10-01 … 2016-11-30 goes beyond the campaign period 2016-11-01 … 2016-11-30\n' +
        '  Hint: encre build refuses events outside the campaign period: narrow `period:` or leave it out to use campaign.period',
      'm.yaml:7:11 timezone: unknown time zone "Paris"\n  Hint: use an IANA name such as "Europe/Paris" or "America/New_York"',
    ]);
    expect(await map('default: { commune: Sète }')).toEqual(['m.yaml:1:1 default: unknown key "default" (did you mean "defaults"?)']);
  });

  it('uses the mapping of the --mapping option for an .ics, and refuses --filter', async () => {
    const e = await errorOf(() => importEvents({ file: ICS, mapping: ICS_MAPPING, filters: ['CATEGORIES=Atelier'], outDir: 'unused' }));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe(`--filter selects CSV rows by column; it does not apply to an iCalendar file (${ICS}). Import everything, or narrow the period with \`period:\` in the mapping.`);
    // A CSV mapping given to a calendar: told what to write instead.
    const problems = await problemsOf(() => importEvents({ file: ICS, mapping: 'tests/fixtures/import/mapping.yaml', filters: [], outDir: 'unused' }));
    expect(problems.map((p) => p.split('\n')[0])).toEqual([
      'tests/fixtures/import/mapping.yaml:2:1 filters: "filters" applies to CSV imports only: tests/fixtures/import-formats/events.ics names its fields itself',
      'tests/fixtures/import/mapping.yaml:3:1 fields: "fields" applies to CSV imports only: tests/fixtures/import-formats/events.ics names its fields itself',
    ]);
    expect(existsSync('unused')).toBe(false);
  });

  it('narrows the import with `period:` (and the period option), skipping the rest', async () => {
    const out = await tmp();
    const report = await importEvents({ file: ICS, mapping: ICS_MAPPING, filters: [], outDir: out, period: { start: '2016-11-10', end: '2016-11-15' } });
    expect(Object.values(await writtenEvents(out)).flat().map((e) => e.id)).toEqual([
      'forum-emploi-encre-example',
      'conference-utc-encre-example',
      'atelier-hebdo-encre-example-20161110',
    ]);
    expect(report.warnings).toEqual([
      {
        line: 53,
        message: 'VEVENT UID "atelier-hebdo@encre.example" ("Atelier du jeudi : monter sa coopérative"), occurrence of 2016-11-10: 3 occurrences outside the import period 2016-11-10 … 2016-11-15 not imported: 2016-11-03, 2016-11-17, 2016-11-24',
      },
    ]);
    const refused = await errorOf(() => importEvents({ file: ICS, mapping: ICS_MAPPING, filters: [], outDir: join(out, 'never'), period: { start: '2016-10-20', end: '2016-11-10' } }));
    expect(refused).toBeInstanceOf(UsageError);
    expect(refused.message).toBe('period 2016-10-20..2016-11-10 goes beyond the campaign period 2016-11-01 … 2016-11-30, which encre build holds every event to');
    expect(existsSync(join(out, 'never'))).toBe(false);
    expect(report.skipped.map((s) => s.reason.replace(/^VEVENT UID "([^"]+)" \(".*?"\): /, '$1: '))).toEqual([
      'ny-webinar-2016@encre.example: outside the import period 2016-11-10 … 2016-11-15 (starts 2016-11-08 15:00)',
      'salon-corse@encre.example: outside the import period 2016-11-10 … 2016-11-15 (starts 2016-11-18)',
      'voeux-2017@encre.example: outside the import period 2016-11-10 … 2016-11-15 (starts 2017-01-10)',
      'annule@encre.example: outside the import period 2016-11-10 … 2016-11-15 (starts 2016-11-22 14:00)',
    ]);
  });
});

describe('the output folder', () => {
  it('refuses to replace hand-written content, and replaces it with force', async () => {
    const out = await tmp();
    await mkdir(join(out, 'events'), { recursive: true });
    await writeFile(join(out, 'events', '31-haute-garonne.yaml'), 'events: []\n');
    const e = await errorOf(() => importEvents({ file: XML, mapping: SCHEDULE_MAPPING, filters: [], outDir: out }));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe(
      `${out} holds a file not generated by encre import, which the import would replace or delete:\n  ${join(out, 'events', '31-haute-garonne.yaml')}\n` +
        'Nothing was written. Choose another --out folder (e.g. an empty one), or pass --force to replace them.',
    );
    expect(await readdir(out)).toEqual(['events']);
    expect(await readFile(join(out, 'events', '31-haute-garonne.yaml'), 'utf8')).toBe('events: []\n');
    const report = await importEvents({ file: XML, mapping: SCHEDULE_MAPPING, filters: [], outDir: out, force: true });
    expect(report.imported).toBe(5);
    // A later import of another file replaces the generated files and removes the stale ones.
    const ics = await importEvents({ file: ICS, mapping: ICS_MAPPING, filters: [], outDir: out });
    expect(ics.removed).toEqual([]);
    expect((await readdir(join(out, 'events'))).sort()).toEqual(['2A-corse-du-sud.yaml', '31-haute-garonne.yaml', '34-herault.yaml']);
  });
});

describe('encre import on the command line', () => {
  function encre(...args: string[]) {
    const r = spawnSync(process.execPath, ['bin/encre.js', 'import', ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('imports an .ics and a schedule.json, and refuses another extension in one line', async () => {
    const dir = await tmp();
    const ics = encre(ICS, '--mapping', ICS_MAPPING, '--out', join(dir, 'ics'));
    expect(ics).toMatchObject({ code: 0, err: '' });
    expect(ics.out).toContain('10 rows read, 0 filtered out, 9 imported, 1 skipped, 0 warnings');
    const json = encre(JSON_SCHEDULE, '--mapping', SCHEDULE_MAPPING, '--out', join(dir, 'json'));
    expect(json).toMatchObject({ code: 0, err: '' });
    expect(json.out).toContain('6 rows read, 0 filtered out, 5 imported, 1 skipped, 0 warnings');
    const other = encre('notes.txt', '--out', join(dir, 'txt'));
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/^encre: notes\.txt: cannot import a "\.txt" file\. encre import reads \.csv/);
    expect(other.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'txt'))).toBe(false);
  });
});
