/**
 * Issue 14, point 6 (the end of it): a cell naming several dates (« Le 05/05/2020 - A 14h30
 * Le 12/05/2020 - De 18h à 20h », « 05/05/2020, 19/05/2020 ») becomes one event per date or
 * one event over the range, as the mapping's `several:` says; each event keeps its row's line.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { parse } from 'yaml';
import { build } from '../src/build.js';
import { importEvents } from '../src/import/index.js';
import { parseMapping } from '../src/import/mapping.js';
import { readOccurrences } from '../src/import/when.js';
import { ContentError } from '../src/model/errors.js';
import { EventFileSchema } from '../src/model/event.js';
import { openPdf, pageTexts } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURE = 'tests/fixtures/several-dates';
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** Imports the fixture with `mapping`, builds its programme; the events written and the programme's text. */
async function importAndBuild(mapping: string) {
  const content = mkdtempSync(join(ROOT, 'tests', '.output-several-'));
  const out = mkdtempSync(join(tmpdir(), 'encre-several-'));
  made.push(content, out);
  const report = await importEvents({ file: `${FIXTURE}/events.csv`, mapping: `${FIXTURE}/${mapping}`, filters: [], outDir: content });
  const events = (await readdir(join(content, 'events'))).flatMap((f) => EventFileSchema.parse(parse(readFileSync(join(content, 'events', f), 'utf8'))).events);
  await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme'], sourceDateEpoch: '1588291200', cache: false });
  const text = pageTexts(openPdf(await readFile(join(out, 'programme.pdf')))).join(' ');
  return { report, events, text };
}

describe('several dates in one cell', () => {
  it('reads each date with its own times', () => {
    expect(readOccurrences('Le 05/05/2020 - A 14h30 Le 12/05/2020 - De 18h à 20h')).toEqual([
      { date: '2020-05-05', times: ['14:30'] },
      { date: '2020-05-12', times: ['18:00', '20:00'] },
    ]);
    // Times written once are every date's.
    expect(readOccurrences('05/05/2020, 12/05/2020 à 20h')).toEqual([
      { date: '2020-05-05', times: ['20:00'] },
      { date: '2020-05-12', times: ['20:00'] },
    ]);
    expect(readOccurrences('A 14h30 : 05/05/2020 et 2020-05-12').map((o) => o.times)).toEqual([['14:30'], ['14:30']]);
  });

  it('several: events makes one event per date, ids from the dates, each at its row line, and prints every date', async () => {
    const { report, events, text } = await importAndBuild('events.yaml');
    expect(report.read).toBe(2);
    expect(events.map((e) => [e.id, e.start, e.end])).toEqual([
      ['sd-01-2020-05-05', '2020-05-05 14:30', undefined],
      ['sd-01-2020-05-12', '2020-05-12 18:00', '2020-05-12 20:00'],
      ['sd-02-2020-05-05', '2020-05-05', undefined],
      ['sd-02-2020-05-19', '2020-05-19', undefined],
    ]);
    // The character no font prints is left out with the space before it.
    expect(events[0]!.title).toBe('Visites guidées');
    // Each event made from a row is reported at that row's line (the title's character no font prints).
    expect(report.warnings).toEqual([
      { line: 2, message: 'event "sd-01-2020-05-05" title: no font prints "中" (U+4E2D) at character 17: left out' },
      { line: 2, message: 'event "sd-01-2020-05-12" title: no font prints "中" (U+4E2D) at character 17: left out' },
    ]);
    expect(text).toContain('mardi 5 mai 2020, 14 h 30 Visites guidées');
    expect(text).toContain('mardi 12 mai 2020, 18 h – 20 h Visites guidées');
    expect(text).toContain('mardi 5 mai 2020 Exposition des ateliers');
    expect(text).toContain('mardi 19 mai 2020 Exposition des ateliers');
    expect(text).not.toContain('Dates à préciser');
  }, 60_000);

  it('several: range makes one event from the first date to the last', async () => {
    const { report, events, text } = await importAndBuild('range.yaml');
    expect(report.warnings.filter((w) => /dates/.test(w.message))).toEqual([]);
    expect(events.map((e) => [e.id, e.start, e.end])).toEqual([
      ['sd-01', '2020-05-05 14:30', '2020-05-12 20:00'],
      ['sd-02', '2020-05-05', '2020-05-19'],
    ]);
    expect(text).toContain('du 5 au 12 mai 2020 Visites guidées');
    expect(text).toContain('du 5 au 19 mai 2020 Exposition des ateliers');
  }, 60_000);

  it('refuses several: on another field than start, at its line', () => {
    const text = 'fields:\n  id: id\n  title: titre\n  commune: commune\n  departement: dep\n  end: { column: dates, transform: date, several: events }\n';
    let error: unknown;
    try {
      parseMapping('m.yaml', text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems[0]).toMatchObject({ file: 'm.yaml', line: 6, path: 'fields.end.several', message: '"several" belongs to the start field only, not to end' });
  });
});
