/**
 * Issue 14, point 7: standard formats imported with no mapping (frab schedule.xml, pretalx
 * schedule.json in both shapes, iCalendar), conference specifics (speakers one by one in the
 * index, subtitles, room badges, the day boundary, a URL template), a CSV postal code giving
 * the département. Fixtures: tests/fixtures/standard/ (invented).
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { parse } from 'yaml';
import { build } from '../src/build.js';
import { importEvents, type ImportReport } from '../src/import/index.js';
import { distinctBadges } from '../src/derive/model.js';
import { EventFileSchema, type CampaignEvent } from '../src/model/event.js';
import { CampaignSchema } from '../src/model/campaign.js';
import { openPdf, pageTexts } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const F = 'tests/fixtures/standard';
const EPOCH = '1476748800';
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh folder: inside the project for content (build takes it relative to the root), else in tmp. */
function folder(inProject = false): string {
  const dir = inProject ? mkdtempSync(join(ROOT, 'tests', '.output-std-')) : mkdtempSync(join(tmpdir(), 'encre-std-'));
  made.push(dir);
  return dir;
}

/** Every event written under `content`. */
async function eventsOf(content: string): Promise<CampaignEvent[]> {
  const out: CampaignEvent[] = [];
  for (const f of (await readdir(join(content, 'events'))).sort()) out.push(...EventFileSchema.parse(parse(await readFile(join(content, 'events', f), 'utf8'))).events);
  return out;
}

/** Imports `file` (no mapping unless given), builds the programme, returns the report, content, events and each page's text. */
async function importAndBuild(file: string, mapping?: string): Promise<{ report: ImportReport; content: string; events: CampaignEvent[]; pages: string[] }> {
  const content = folder(true);
  const out = folder();
  const report = await importEvents({ file, ...(mapping ? { mapping } : {}), filters: [], outDir: content });
  await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme'], sourceDateEpoch: EPOCH, cache: false });
  const pages = pageTexts(openPdf(await readFile(join(out, 'programme.pdf'))));
  return { report, content, events: await eventsOf(content), pages };
}

/** The index pages' text (those whose title is « Index »). */
const indexText = (pages: string[]) => pages.filter((p) => /\bIndex\b/.test(p) && /Intervenants/.test(p)).join(' ');

describe('a frab schedule.xml with no mapping', () => {
  it('makes the campaign from the file, lists each speaker in the index, sets subtitles, keeps a talk after midnight in its day', async () => {
    const { report, content, events, pages } = await importAndBuild(`${F}/schedule.xml`);
    expect(report.imported).toBe(4);
    expect(report.skipped).toEqual([]);
    const campaign = CampaignSchema.parse(parse(await readFile(join(content, 'campaign.yaml'), 'utf8')));
    expect(campaign.name).toBe('Beispielkongress');
    expect(campaign.period).toEqual({ start: '2026-12-27', end: '2026-12-28' });
    expect(campaign.timezone).toBe('Europe/Berlin');
    expect(campaign.programme.groupBy).toBe('day');
    // No geography: the rooms are the venues; no commune, département or country invented.
    for (const e of events) expect([e.commune, e.departement, e.country]).toEqual([undefined, undefined, undefined]);
    expect(events[0]).toMatchObject({ speakers: ['Frank Rieger', 'Fefe'], subtitle: 'A tour of the onion', venue: 'Saal 1', lang: 'en' });
    expect(events[0]?.organiser).toBeUndefined();
    // 00:30 on the 28th, in the conference day of the 27th (the day starts at 10:00).
    expect(events[2]).toMatchObject({ start: '2026-12-28 00:30', day: '2026-12-27' });

    const index = indexText(pages);
    for (const name of ['Frank Rieger', 'Fefe', 'frank', 'Ada Lovelace', 'Grace Hopper']) expect(index).toMatch(new RegExp(`(^| )${name} \\d`));
    expect(index).not.toContain('Frank Rieger, Fefe');
    expect(index).not.toContain('frank, Frank Rieger');
    const all = pages.join(' ');
    expect(all).toContain('A tour of the onion');
    // The talk at 0 h 30 is printed under Sunday 27, before Monday 28's heading.
    const events27 = all.slice(all.indexOf('dimanche 27 décembre 2026 3 ÉVÉNEMENTS'), all.indexOf('lundi 28 décembre 2026 1 ÉVÉNEMENT'));
    expect(events27).toContain('0 h 30 – 1 h Late night lightning talks');
    expect(pages[0]).toContain('4 événements');
    expect(pages[0]).not.toContain('0 département');
  });
});

describe('pretalx schedule.json with no mapping', () => {
  it('reads the widget / API shape: speakers by code, rooms and tracks by id, names per language', async () => {
    const { events, pages } = await importAndBuild(`${F}/widget.json`);
    expect(events.map((e) => [e.id, e.title, e.speakers, e.venue, e.category, e.start, e.end, e.lang])).toEqual([
      ['kq7xmb', 'Federated calendars', ['Ada Lovelace', 'Grace Hopper'], 'Amphi Turing', 'Talks', '2026-11-14 10:00', '2026-11-14 10:45', 'en'],
      ['p9rtza', 'Ateliers libres', ['Grace Hopper'], 'Atelier Hopper', 'Workshops', '2026-11-15 14:00', '2026-11-15 16:00', 'fr'],
    ]);
    const index = indexText(pages);
    expect(index).toMatch(/Ada Lovelace \d/);
    expect(index).toMatch(/Grace Hopper \d/);
  });

  it('reads the frab-compatible export with no mapping too', async () => {
    const content = folder();
    const report = await importEvents({ file: 'tests/fixtures/import-formats/schedule.json', filters: [], outDir: content });
    // Its one talk without a title is skipped, as with a mapping; none for want of a place.
    expect(report.skipped.map((s) => s.reason)).toEqual(['event guid "5b1e0c8e-6d0a-4f3e-9b59-000000000105": no title']);
    const campaign = CampaignSchema.parse(parse(await readFile(join(content, 'campaign.yaml'), 'utf8')));
    expect([campaign.name, campaign.period]).toEqual(['Rencontres du numérique solidaire', { start: '2016-11-08', end: '2016-11-09' }]);
    const events = await eventsOf(content);
    expect(events[0]).toMatchObject({ speakers: ['Ada Lovelace', 'Alan Turing'], subtitle: 'Pourquoi des communs ?' });
  });
});

describe('an iCalendar file with no mapping', () => {
  it('takes the name and zone from the calendar, its period from the events, a département where the address gives one', async () => {
    const content = folder();
    await importEvents({ file: `${F}/agenda.ics`, filters: [], outDir: content });
    const campaign = CampaignSchema.parse(parse(await readFile(join(content, 'campaign.yaml'), 'utf8')));
    expect([campaign.name, campaign.period, campaign.programme.groupBy]).toEqual(['Agenda des Fablabs', { start: '2026-11-05', end: '2026-11-12' }, 'day']);
    const events = await eventsOf(content);
    expect(events.map((e) => [e.title, e.commune, e.departement, e.lang])).toEqual([
      ['Soirée impression 3D', 'Toulouse', '31', undefined],
      ['Repair café', undefined, undefined, 'en'],
    ]);
  });
});

describe('a URL template from the event id', () => {
  it('gives every talk without a URL its page, in a schedule mapping', async () => {
    const dir = folder();
    await writeFile(join(dir, 'm.yaml'), 'url: { template: "https://talks.example/bk26/talk/{id}" }\ndefaults: { commune: Hamburg, country: DE }\n');
    const content = join(dir, 'out');
    await importEvents({ file: `${F}/schedule.xml`, mapping: join(dir, 'm.yaml'), filters: [], outDir: content });
    const events = await eventsOf(content);
    expect(events.map((e) => e.url)).toEqual(['1001', '1002', '1003', '1004'].map((id) => `https://talks.example/bk26/talk/${id}`));
    expect(events.every((e) => e.commune === 'Hamburg' && e.country === 'DE')).toBe(true);
  });

  it('is refused without "{id}", at its line', async () => {
    const dir = folder();
    await writeFile(join(dir, 'm.yaml'), 'url: { template: "https://talks.example/" }\n');
    await expect(importEvents({ file: `${F}/schedule.xml`, mapping: join(dir, 'm.yaml'), filters: [], outDir: join(dir, 'out') })).rejects.toThrow(
      /m\.yaml:1:\d+ .*has no "\{id\}": every event would get the same URL/,
    );
  });

  it('takes "{id}" as the event id in a CSV mapping, and a postal code column gives the département without a mapping', async () => {
    const dir = folder();
    await writeFile(join(dir, 'e.csv'), 'id,title,commune,Code postal,start\nA-1,Atelier,Toulouse,31000,2026-11-05\nB-2,Conférence,Montpellier,34000,2026-11-06\n');
    await writeFile(join(dir, 'r.csv'), 'ref,title,commune,Code postal,start\nA-1,Atelier,Toulouse,31000,2026-11-05\nB-2,Conférence,Montpellier,34000,2026-11-06\n');
    await writeFile(join(dir, 'm.yaml'), 'fields:\n  id: { column: ref }\n  title: { column: title }\n  commune: { column: commune }\n  departement: { column: "Code postal" }\n  url: { template: "https://agenda.example/e/{id}" }\n');
    const plain = join(dir, 'plain');
    await importEvents({ file: join(dir, 'e.csv'), filters: [], outDir: plain });
    expect((await eventsOf(plain)).map((e) => [e.id, e.departement])).toEqual([['a-1', '31'], ['b-2', '34']]);
    const mapped = join(dir, 'mapped');
    await importEvents({ file: join(dir, 'r.csv'), mapping: join(dir, 'm.yaml'), filters: [], outDir: mapped });
    expect((await eventsOf(mapped)).map((e) => e.url)).toEqual(['https://agenda.example/e/a-1', 'https://agenda.example/e/b-2']);
  });
});

describe('room badges', () => {
  it('tell rooms apart', () => {
    expect(distinctBadges(['Saal 1', 'Saal 2', 'Saal 6', 'Saal G'])).toEqual(['S1', 'S2', 'S6', 'SG']);
    expect(distinctBadges(['Amphi A', 'Salle B', 'Atelier C'])).toEqual(['AA', 'SB', 'AC']);
    expect(distinctBadges(['Amphithéâtre', 'Salle des fêtes'])).toEqual(['A', 'S']);
  });
});
