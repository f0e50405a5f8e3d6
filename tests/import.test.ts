import { describe, it, expect, afterAll } from 'vitest';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ContentError, formatProblem } from '../src/model/errors.js';
import { EventFileSchema } from '../src/model/event.js';
import { CampaignSchema } from '../src/model/campaign.js';
import { formatImportReport, importEvents } from '../src/import/index.js';
import { detectDelimiter, parseCsv } from '../src/import/csv.js';
import { applyTransform, titleCase, toDate, toDepartement, toNumber, toUrl } from '../src/import/transforms.js';
import { cleanCell, slugify, suggest } from '../src/import/text.js';

const FIXTURES = 'tests/fixtures/import';
const made: string[] = [];
async function tmp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'encre-import-'));
  made.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** The problems of a ContentError thrown by `run`, formatted. */
async function problemsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected a ContentError');
}

describe('transforms', () => {
  it('title-cases names written in capitals, the French way', () => {
    expect(titleCase('SAINT-JEAN-DE-VEDAS')).toBe('Saint-Jean-de-Vedas');
    expect(titleCase("FESTIVAL FAITS D'HIVER")).toBe("Festival Faits d'Hiver");
    expect(titleCase('FESTIVAL DE JAZZ II')).toBe('Festival de Jazz II');
    expect(titleCase('LES NUITS DU CHAT')).toBe('Les Nuits du Chat');
    expect(titleCase("L'ETE DE VAOUR")).toBe("L'Ete de Vaour");
    expect(titleCase("DES VOIX, DES LIEUX... DES MONDES")).toBe('Des Voix, des Lieux... des Mondes');
    expect(titleCase('PRINTEMPS DU RIRE - LE FESTIVAL')).toBe('Printemps du Rire - Le Festival');
    expect(titleCase('JAZZ A FOIX')).toBe('Jazz à Foix');
    expect(titleCase('A TEMPO')).toBe('A Tempo');
    expect(titleCase('THIS IS NOT A LOVE SONG')).toBe('This Is Not a Love Song');
    expect(titleCase('FESTIVAL D HUMOUR DU CAP D AGDE')).toBe("Festival d'Humour du Cap d'Agde");
    expect(titleCase("C'EST QUOI CE CIRQUE")).toBe("C'est Quoi Ce Cirque");
    expect(titleCase("LET'S DOCKS")).toBe("Let's Docks");
    expect(titleCase("AUJOURD'HUI MUSIQUES")).toBe("Aujourd'hui Musiques");
    expect(titleCase('CLASSICOFRENZY (ex CLASSICOFOLIES)')).toBe('Classicofrenzy (ex Classicofolies)');
    expect(titleCase('DISQUE ET BD')).toBe('Disque et BD');
    expect(titleCase('ST JEAN DE VEDAS')).toBe('St Jean de Vedas');
    expect(titleCase('31 NOTES D’ÉTÉ')).toBe('31 Notes d’Été');
    expect(titleCase('ÉCLATS DE VOIX (PREIGNAN)')).toBe('Éclats de Voix (Preignan)');
    expect(titleCase('Le VIGAN')).toBe('Le Vigan');
  });

  it('keeps mixed-case names as they are', () => {
    expect(titleCase('Jazz à Sète')).toBe('Jazz à Sète');
    expect(titleCase("Anduze à l'Envers, festival AVeC envie!")).toBe("Anduze à l'Envers, festival AVeC envie!");
    expect(titleCase('MAP Toulouse')).toBe('MAP Toulouse');
  });

  it('normalises URLs to absolute http(s) URLs', () => {
    const url = (v: string) => {
      const r = toUrl(v);
      return r.ok ? r.value : undefined;
    };
    expect(url('www.x.fr')).toBe('https://www.x.fr');
    expect(url('x.fr/page')).toBe('https://x.fr/page');
    expect(url('http://www.x.fr/a?b=1')).toBe('http://www.x.fr/a?b=1');
    expect(url('https://x.fr/')).toBe('https://x.fr/');
    expect(url('HTTP://WWW.X.FR/Page')).toBe('http://www.x.fr/Page');
    expect(url('www.x.fr. ')).toBe('https://www.x.fr');
    expect(url('www.x.fr/page),')).toBe('https://www.x.fr/page');
    expect(url('http://https//www.facebook.com/x/')).toBe('https://www.facebook.com/x/');
    expect(toUrl('http://https//www.facebook.com/x/')).toMatchObject({ ok: true, note: expect.stringContaining('repaired') });
    for (const bad of ['facebook : festival xyz', 'contact@festival.fr', 'mailto:contact@festival.fr', '/photos/festival.html', 'http://afri', 'festival']) {
      expect(toUrl(bad), bad).toMatchObject({ ok: false });
    }
    // "www." and a single label: kept as written, flagged for a human to check.
    for (const short of ['www.com', 'www.printempsdescom']) {
      expect(toUrl(short), short).toMatchObject({ ok: true, value: `https://${short}`, note: expect.stringContaining('looks cut short') });
    }
    expect(toUrl('contact@festival.fr')).toMatchObject({ ok: false, message: expect.stringContaining('e-mail') });
  });

  it('reads département codes', () => {
    const dep = (v: string) => {
      const r = toDepartement(v);
      return r.ok ? r.value : r.message;
    };
    expect(dep('9')).toBe('09');
    expect(dep('9.0')).toBe('09');
    expect(dep('09')).toBe('09');
    expect(dep('34')).toBe('34');
    expect(dep('75.0')).toBe('75');
    expect(dep('2A')).toBe('2A');
    expect(dep('2b')).toBe('2B');
    expect(dep('971.0')).toBe('971');
    expect(dep('Hérault')).toBe('34');
    expect(dep('Pyrenees-Orientales')).toBe('66');
    expect(dep('20')).toContain('Corsica is "2A" or "2B"');
    expect(dep('99')).toContain('is not an INSEE département code');
    expect(dep('987')).toContain('is not an INSEE département code');
  });

  it('reads dates, numbers, booleans, lists and slugs', () => {
    expect(toDate('24/01/2019')).toEqual({ ok: true, value: '2019-01-24' });
    expect(toDate('4/7/2019')).toEqual({ ok: true, value: '2019-07-04' });
    expect(toDate('2019-01-24')).toEqual({ ok: true, value: '2019-01-24' });
    expect(toDate('24/01/2019 20h30')).toEqual({ ok: true, value: '2019-01-24 20:30' });
    expect(toDate('31/02/2019')).toMatchObject({ ok: false, message: expect.stringContaining('not a real calendar date') });
    expect(toDate('janvier 2019')).toMatchObject({ ok: false });
    expect(toNumber('75.0')).toEqual({ ok: true, value: '75' });
    expect(toNumber('12,50')).toEqual({ ok: true, value: '12.5' });
    expect(toNumber('1 200')).toEqual({ ok: true, value: '1200' });
    expect(toNumber('douze')).toMatchObject({ ok: false });
    expect(applyTransform('boolean', 'Oui')).toEqual({ ok: true, value: true });
    expect(applyTransform('boolean', 'non')).toEqual({ ok: true, value: false });
    expect(applyTransform('list', 'jazz, blues;jazz')).toEqual({ ok: true, value: ['jazz', 'blues'] });
    expect(applyTransform('slug', 'KD054')).toEqual({ ok: true, value: 'kd054' });
    expect(slugify("Nuits musicales d'Uzès")).toBe('nuits-musicales-d-uzes');
    expect(cleanCell('  a \t b\r\n\r\n\r\n c  ')).toBe('a b\n\nc');
    expect(suggest('Nom', ['Région', 'Nom de la manifestation'])).toBe('Nom de la manifestation');
    expect(suggest('Region', ['Région', 'Domaine'])).toBe('Région');
  });
});

describe('csv reading', () => {
  it('gives each row the line it starts on, with quoted multi-line fields and CRLF', () => {
    const csv = '\ufeffa;b\r\n1;"x\r\ny"\r\n2;z\r\n\r\n3;"p\nq\n\nr"\r\n4;w';
    const t = parseCsv('t.csv', Buffer.from(csv));
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '1'],
      [4, '2'],
      [6, '3'],
      [10, '4'],
    ]);
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('a,b,"c;d"\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a|b|c')).toBe('|');
    expect(detectDelimiter('a;b,c;d')).toBe(';');
  });

  it('reports a quote that is never closed at the line of its row', async () => {
    const problems = await problemsOf(async () => parseCsv('bad.csv', Buffer.from('a;b\n1;2\n3;"oops\n4;5\n')));
    expect(problems).toEqual([expect.stringMatching(/^bad\.csv:3:0 a quoted field is never closed/)]);
  });
});

describe('importEvents on the messy fixture', () => {
  it('writes the expected YAML, byte for byte, and reports skipped rows and warnings', async () => {
    const out = await tmp();
    // Stale files: the event file is removed, the others are left alone.
    await mkdir(join(out, 'events'), { recursive: true });
    await writeFile(join(out, 'events', '99-old.yaml'), 'events: []\n');
    await writeFile(join(out, 'events', 'notes.txt'), 'keep me\n');
    await writeFile(join(out, 'other.yaml'), 'keep: me\n');

    const report = await importEvents({ file: `${FIXTURES}/messy.csv`, mapping: `${FIXTURES}/mapping.yaml`, filters: [], outDir: out });

    const expectedEvents = (await readdir(`${FIXTURES}/expected/events`)).sort();
    expect(expectedEvents).toEqual(['09-ariege.yaml', '34-herault.yaml', '65-hautes-pyrenees.yaml', '81-tarn.yaml']);
    expect((await readdir(join(out, 'events'))).sort()).toEqual([...expectedEvents, 'notes.txt'].sort());
    for (const f of ['campaign.yaml', ...expectedEvents.map((e) => `events/${e}`)]) {
      expect(await readFile(join(out, f), 'utf8'), f).toBe(await readFile(`${FIXTURES}/expected/${f}`, 'utf8'));
    }
    expect(await readFile(join(out, 'other.yaml'), 'utf8')).toBe('keep: me\n');
    expect((await readdir(out)).sort()).toEqual(['campaign.yaml', 'events', 'other.yaml']);

    expect(report).toMatchObject({ read: 10, filteredOut: 1, imported: 7 });
    expect(report.skipped).toEqual([
      { line: 8, reason: 'departement: "99" is not an INSEE département code such as "34", "09", "2A" or "971"' },
      { line: 14, reason: 'title: no value (column "Nom de la manifestation" is empty)' },
    ]);
    expect(report.warnings).toEqual([
      { line: 7, message: 'url: "facebook : festival jazz ii" is not a web address (it contains spaces); left out (no QR code)' },
      { line: 10, message: 'start: "31/02/2019" is not a real calendar date; left out' },
      { line: 10, message: 'url: "contact@printemps.fr" is an e-mail address, not a web address; left out (no QR code)' },
      { line: 11, message: 'url: malformed URL "http://https//www.passages.fr/" repaired to "https://www.passages.fr/"' },
      { line: 11, message: 'start 2019-08-20 is after end 2019-08-10' },
      { line: 11, message: 'id "kd180" is already used by line 3; this row gets id "kd180-histoires-de-passages"' },
      { line: 12, message: 'the row has 10 fields but the header 12; the missing ones are taken as empty' },
      { line: 12, message: 'id: column "N° Identification" is empty; "rock-cars" made from the fallback' },
    ]);
    expect(report.files.map((f) => f.slice(out.length + 1).replace(/\\/g, '/'))).toEqual(['campaign.yaml', ...expectedEvents.map((e) => `events/${e}`)]);
    expect(report.removed).toEqual([join(out, 'events', '99-old.yaml')]);

    const text = formatImportReport(report);
    expect(text).toContain('10 rows read, 1 filtered out (kept: Région = Occitanie), 7 imported, 2 skipped, 8 warnings');
    expect(text).toContain(`${FIXTURES}/messy.csv:8: departement: "99" is not an INSEE département code`);
    expect(text).toContain(`${FIXTURES}/messy.csv:14: title: no value`);

    // What was written reads back as valid content, strings staying strings.
    for (const f of expectedEvents) {
      const file = EventFileSchema.parse(parse(await readFile(join(out, 'events', f), 'utf8')));
      for (const e of file.events) expect(typeof e.departement).toBe('string');
    }
    CampaignSchema.parse(parse(await readFile(join(out, 'campaign.yaml'), 'utf8')));

    // Importing again gives the same files.
    const again = await importEvents({ file: `${FIXTURES}/messy.csv`, mapping: `${FIXTURES}/mapping.yaml`, filters: [], outDir: out });
    expect(again.imported).toBe(7);
    expect(again.removed).toEqual([]);
    expect(await readFile(join(out, 'events', '34-herault.yaml'), 'utf8')).toBe(await readFile(`${FIXTURES}/expected/events/34-herault.yaml`, 'utf8'));
  });

  it('AND-s --filter options with the mapping filters', async () => {
    const out = await tmp();
    const report = await importEvents({ file: `${FIXTURES}/messy.csv`, mapping: `${FIXTURES}/mapping.yaml`, filters: [' Département = 34 '], outDir: out });
    // Exact match on the cell: line 3's "34.0" is not "34".
    expect(report).toMatchObject({ read: 10, filteredOut: 8, imported: 2, skipped: [] });
    expect(report.filters).toEqual(['Région = Occitanie', 'Département = 34']);
    expect(await readdir(join(out, 'events'))).toEqual(['34-herault.yaml']);
  });
});

describe('importEvents errors', () => {
  const csv = `${FIXTURES}/messy.csv`;
  async function withMapping(text: string, filters: string[] = []): Promise<string[]> {
    const dir = await tmp();
    await writeFile(join(dir, 'mapping.yaml'), text);
    return problemsOf(() => importEvents({ file: csv, mapping: join(dir, 'mapping.yaml'), filters, outDir: join(dir, 'out') }));
  }
  const base = [
    'fields:',
    '  id: { column: "N° Identification" }',
    '  commune: { column: "Commune principale" }',
    '  departement: { column: "Département" }',
  ];

  it('locates unknown columns in the mapping file and suggests the right one', async () => {
    const problems = await withMapping([...base, '  title: { column: "Nom" }', '  description: { template: "{Domaine} — {Complement}" }'].join('\n'));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/mapping\.yaml:5:20 fields\.title: unknown column "Nom" \(did you mean "Nom de la manifestation"\?\)$/);
    expect(problems[1]).toMatch(/mapping\.yaml:6:41 fields\.description: unknown column "Complement" \(did you mean "Complément domaine"\?\)$/);
  });

  it('reports unknown keys, bad transforms and missing required fields, all at once', async () => {
    const problems = await withMapping(
      ['fields:', '  id: { column: "N° Identification" }', '  titel: { column: "Nom de la manifestation" }', '  commune: { column: "Commune principale", transform: titlecase }', 'filtres: {}'].join('\n'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/mapping\.yaml:4:55 fields\.commune\.transform: unknown transform/),
      expect.stringMatching(/mapping\.yaml:3:3 fields\.titel: unknown event field "titel" \(did you mean "title"\?\)$/),
      expect.stringMatching(/mapping\.yaml:5:1 filtres: unknown key "filtres" \(did you mean "filters"\?\)$/),
    ]);
    const missing = await withMapping(base.join('\n'));
    expect(missing).toEqual([expect.stringMatching(/mapping\.yaml:2:3 fields: no rule for "title"; every event needs a title/)]);
  });

  it('checks the campaign block with CampaignSchema and constants against the field', async () => {
    const problems = await withMapping(
      [...base, '  title: { column: "Nom de la manifestation" }', '  free: { value: "yes" }', 'campaign:', '  name: X', '  period: { start: "2019-01-01", end: 2019 }'].join('\n'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/mapping\.yaml:6:18 fields\.free\.value: expected true or false for free/),
      expect.stringMatching(/mapping\.yaml:8:3 campaign\.region: missing \(expected string\)$/),
      expect.stringMatching(/mapping\.yaml:9:39 campaign\.period\.end: Invalid input: expected string, received number$/),
      expect.stringMatching(/mapping\.yaml:8:3 campaign\.organiser: missing \(expected object\)$/),
    ]);
  });

  it('reports YAML syntax errors with their position', async () => {
    const problems = await withMapping('fields:\n  id: { column: "N° Identification"\n');
    expect(problems[0]).toMatch(/mapping\.yaml:\d+:\d+ YAML syntax: /);
  });

  it('rejects --filter options on unknown columns, malformed, or matching no row', async () => {
    const good = `${FIXTURES}/mapping.yaml`;
    const run = (filters: string[]) => problemsOf(() => importEvents({ file: csv, mapping: good, filters, outDir: join(tmpdir(), 'never-written') }));
    expect(await run(['Region=Occitanie'])).toEqual(['--filter "Region=Occitanie": unknown column "Region" (did you mean "Région"?)']);
    expect(await run(['Occitanie'])).toEqual(['--filter "Occitanie": expected COLUMN=VALUE, e.g. "Région=Occitanie"']);
    expect(await run(['Domaine=Dance'])).toEqual(['--filter "Domaine=Dance": no row has Domaine = Dance (did you mean "Danse"?)']);
  });

  it('reports a missing CSV file', async () => {
    expect(await problemsOf(() => importEvents({ file: 'nope.csv', filters: [], outDir: '/tmp/never' }))).toEqual(['nope.csv file not found']);
  });
});

describe('importEvents without a mapping', () => {
  it('maps columns named like the event fields, detecting a comma delimiter', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'plain.csv'), 'id,title,commune,departement,start,url\r\nfest-1,Fête,Sète,34,12/07/2019,www.fete.fr\r\n');
    const report = await importEvents({ file: join(dir, 'plain.csv'), filters: [], outDir: join(dir, 'out') });
    expect(report).toMatchObject({ read: 1, imported: 1, skipped: [] });
    expect(report.warnings).toEqual([{ line: 0, message: `the mapping has no campaign block: ${join(dir, 'out')}/campaign.yaml is left as it is` }]);
    const written = parse(await readFile(join(dir, 'out', 'events', '34-herault.yaml'), 'utf8'));
    expect(written).toEqual({ events: [{ id: 'fest-1', title: 'Fête', start: '2019-07-12', commune: 'Sète', departement: '34', url: 'https://www.fete.fr' }] });
  });
});

describe('importEvents on the real Panorama des festivals', () => {
  it('imports the 395 festivals of Occitanie into 13 département files', async () => {
    const out = await tmp();
    const report = await importEvents({
      file: 'examples/festivals/data/panorama-des-festivals.csv',
      mapping: 'examples/festivals/mapping.yaml',
      filters: [],
      outDir: out,
    });
    expect(report).toMatchObject({ read: 3313, filteredOut: 2918, imported: 395, skipped: [] });
    expect(report.departements.map((d) => d.code)).toEqual(['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82']);
    const files = (await readdir(join(out, 'events'))).sort();
    expect(files).toHaveLength(13);
    expect(files).toContain('34-herault.yaml');
    expect(files).toContain('66-pyrenees-orientales.yaml');

    const ids = new Set<string>();
    let events = 0;
    let urls = 0;
    for (const f of files) {
      const file = EventFileSchema.parse(parse(await readFile(join(out, 'events', f), 'utf8')));
      for (const e of file.events) {
        events++;
        ids.add(e.id);
        expect(f.startsWith(`${e.departement}-`)).toBe(true);
        if (e.url !== undefined) {
          urls++;
          expect(() => new URL(e.url as string)).not.toThrow();
        }
      }
    }
    expect(events).toBe(395);
    expect(ids.size).toBe(395);
    // 368 rows have a website; one of them, "www.printempsdescom" (line 1361), looks cut
    // short: it is kept as written (the organiser gave it) and flagged in the report.
    expect(urls).toBe(368);
    expect(report.warnings.find((w) => w.line === 1361)?.message).toMatch(/"www.printempsdescom" looks cut short/);
    CampaignSchema.parse(parse(await readFile(join(out, 'campaign.yaml'), 'utf8')));
  });
});
