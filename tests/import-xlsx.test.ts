import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { build } from '../src/build.js';
import { frenchText } from '../src/derive/typography.js';
import { ContentError, formatProblem } from '../src/model/errors.js';
import { EventFileSchema, type CampaignEvent } from '../src/model/event.js';
import { formatImportError, formatImportReport, importEvents, type ImportReport } from '../src/import/index.js';
import { detectFormat } from '../src/import/formats.js';
import { diffEvents, formatReimport } from '../src/import/reimport.js';
import { cellText, dateText, numberText } from '../src/import/xlsx.js';
import { collapse, openPdf, pageTexts } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = 'tests/fixtures/import-xlsx';
const MAPPING = `${FIXTURES}/mapping.yaml`;
/** 2016-10-18T00:00:00Z, as in the other build tests. */
const EPOCH = '1476748800';

const made: string[] = [];
async function tmp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'encre-import-xlsx-'));
  made.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** The problems of a ContentError thrown by `run`, formatted (a single one as the command line does). */
async function problemsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ContentError) return e.problems.length === 1 ? [formatImportError(e) ?? ''] : e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected a ContentError');
}

/** The events written under `out`, in file order. */
async function writtenEvents(out: string): Promise<CampaignEvent[]> {
  const events: CampaignEvent[] = [];
  for (const f of (await readdir(join(out, 'events'))).sort()) {
    events.push(...EventFileSchema.parse(parse(await readFile(join(out, 'events', f), 'utf8'))).events);
  }
  return events;
}

const HEADER = ['Code', 'Nom', 'Commune', 'Département', 'Domaine', 'Description', 'Début', 'Fin', 'Tarif', 'Site web'];
const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

/**
 * Writes the test workbook with exceljs: a first sheet "Notes" that is not the data, then
 * "Programme": the header row, then (by row number)
 *   2 an upper-case name, a département as the number 9, a multi-line cell, a real date
 *     cell, a text date, the number 75, a website;
 *   3 a département as text, rich text, a date cell with a time, an hyperlink cell, 12.5;
 *   4 entirely empty (skipped silently);
 *   5 a bad département "99" (skipped, reported at row 5);
 *   6 a name with spaces around it, a text start date, a formula (its cached result);
 *   7 nothing but a note beyond the header's columns (reported, not silently dropped);
 *   8 an error value (#N/A) as start date, 0.1 + 0.2 as price.
 */
async function writeWorkbook(file: string, opts: { dataSheet?: string; notesFirst?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (opts.notesFirst ?? true) {
    const notes = wb.addWorksheet('Notes');
    notes.addRow(['Ce classeur sert aux tests']);
    notes.addRow(["Les festivals sont dans l'onglet Programme"]);
  }
  const ws = wb.addWorksheet(opts.dataSheet ?? 'Programme');
  ws.addRow(HEADER);
  ws.addRow([' XL001 ', 'FESTIVAL DE JAZZ A FOIX', 'FOIX', 9, 'Musiques actuelles', 'Jazz, blues\r\net swing', utc(2019, 7, 24), '28/07/2019', 75, 'www.jazzafoix.com']);
  ws.getCell('G2').numFmt = 'dd/mm/yyyy';
  ws.addRow([
    'XL002',
    'Les Nuits du Chat',
    'Montpellier',
    '34',
    { richText: [{ text: 'Théâtre ' }, { font: { bold: true }, text: 'de rue' }] },
    null,
    utc(2019, 8, 2, 21, 30),
    utc(2019, 8, 4),
    12.5,
    { text: 'nuitsduchat.fr', hyperlink: 'https://nuitsduchat.fr/' },
  ]);
  ws.getCell('G3').numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('H3').numFmt = 'dd/mm/yyyy';
  // Row 4 stays empty.
  ws.getRow(5).values = ['XL003', 'FESTIVAL FANTÔME', 'NULLE PART', '99', 'Cirque', null, '01/06/2019'];
  ws.getRow(6).values = ['XL004', '   Printemps des Poètes  ', 'Toulouse', 31, 'Livre', null, '15/03/2019', null, { formula: 'I2/3', result: 25 }];
  ws.getCell('K7').value = "voir l'onglet Notes";
  ws.getRow(8).values = ['XL005', 'LA NUIT DES ÉTOILES', 'FLEURANCE', 32, 'Sciences', null, { error: '#N/A' }, null, 0.1 + 0.2];
  await wb.xlsx.writeFile(file);
}

describe('XLSX import', () => {
  it('reads .xlsx files', () => {
    expect(detectFormat('programme.xlsx')).toBe('xlsx');
    expect(detectFormat('PROGRAMME.XLSX')).toBe('xlsx');
    expect(() => detectFormat('old.xls')).toThrow(/or save it as \.xlsx from the spreadsheet program \(\.xls is not read\)\.$/);
  });

  it('imports the sheet named by the mapping through the CSV pipeline: the expected YAML, each row at its sheet row number', async () => {
    const dir = await tmp();
    const file = join(dir, 'programme.xlsx');
    await writeWorkbook(file);
    const out = join(dir, 'content');
    const report = await importEvents({ file, mapping: MAPPING, filters: [], outDir: out });

    const expected = (await readdir(`${FIXTURES}/expected/events`)).sort();
    expect(expected).toEqual(['09-ariege.yaml', '31-haute-garonne.yaml', '32-gers.yaml', '34-herault.yaml']);
    expect((await readdir(join(out, 'events'))).sort()).toEqual(expected);
    for (const f of ['campaign.yaml', ...expected.map((e) => `events/${e}`)]) {
      expect(await readFile(join(out, f), 'utf8'), f).toBe(await readFile(`${FIXTURES}/expected/${f}`, 'utf8'));
    }

    // Row 4 (empty) is not counted; row 7 (a note beyond the header) is, and reported.
    expect(report).toMatchObject({ read: 6, filteredOut: 0, imported: 4 });
    expect(report.reimport).toBeUndefined();
    expect(report.skipped).toEqual([
      { line: 5, reason: 'departement: "99" is not an INSEE département code such as "34", "09", "2A" or "971"' },
      {
        line: 7,
        reason:
          'id: no value (column "Code" is empty); title: no value (column "Nom" is empty); commune: no value (column "Commune" is empty); departement: no value (column "Département" is empty)',
      },
    ]);
    expect(report.warnings).toEqual([
      { line: 8, message: 'cell G8: the error value #N/A is taken as empty' },
    ]);
    const text = formatImportReport(report);
    expect(text).toContain('6 rows read, 0 filtered out, 4 imported, 2 skipped, 1 warning');
    expect(text).toContain(`${file}:5: departement: "99" is not an INSEE département code`);
    expect(text).not.toContain('Re-import');

    // Importing the same workbook again changes nothing, and says so.
    const again = await importEvents({ file, mapping: MAPPING, filters: [], outDir: out });
    expect(again.reimport).toEqual({ added: [], changed: [], removed: [] });
    expect(formatImportReport(again)).toContain('  Re-import: 0 added, 0 changed, 0 removed');
  });

  it('builds: every imported title is in the programme text', async () => {
    const dir = await tmp();
    const file = join(dir, 'programme.xlsx');
    await writeWorkbook(file);
    const content = mkdtempSync(join(ROOT, 'tests', '.output-xlsx-'));
    const out = await tmp();
    try {
      const report = await importEvents({ file, mapping: MAPPING, filters: [], outDir: content });
      expect(report.imported).toBe(4);
      const events = await writtenEvents(content);
      await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme'], sourceDateEpoch: EPOCH });
      const text = pageTexts(openPdf(await readFile(join(out, 'programme.pdf')))).join(' ');
      expect(events.map((e) => e.title)).toEqual(['Festival de jazz à Foix', 'Printemps des Poètes', 'La nuit des étoiles', 'Les Nuits du Chat']);
      for (const e of events) expect(text, e.id).toContain(collapse(frenchText(e.title)));
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });

  it('reads the first sheet without `sheet:`, and locates a sheet the workbook does not have', async () => {
    const dir = await tmp();
    const file = join(dir, 'data.xlsx');
    await writeWorkbook(file, { dataSheet: 'Festivals', notesFirst: false });
    const mapping = join(dir, 'mapping.yaml');
    const text = (await readFile(MAPPING, 'utf8')).replace(/^sheet: Programme\n/m, '');
    await writeFile(mapping, text);
    const report = await importEvents({ file, mapping, filters: [], outDir: join(dir, 'first') });
    expect(report.imported).toBe(4);

    await writeFile(mapping, `sheet: Programe\n${text}`);
    expect(await problemsOf(() => importEvents({ file, mapping, filters: [], outDir: join(dir, 'never') }))).toEqual([
      `${mapping}:1:8 sheet: ${file} has no sheet "Programe"\n  Hint: its sheets are "Festivals"; leave \`sheet:\` out to read the first one`,
    ]);
    // The same name in another case is the sheet meant.
    await writeFile(mapping, `sheet: festivals\n${text}`);
    expect((await importEvents({ file, mapping, filters: [], outDir: join(dir, 'case') })).imported).toBe(4);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('skips a hidden first sheet, gives a cell merged down its value on every row, and ignores `sheet:` for a CSV', async () => {
    const dir = await tmp();
    const file = join(dir, 'merged.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Brouillon', { state: 'hidden' }).addRow(['pas les données']);
    const ws = wb.addWorksheet('Données');
    ws.addRow(['id', 'title', 'commune', 'departement']);
    ws.addRow(['A1', 'Jazz', 'Foix', 9]);
    ws.addRow(['A2', 'Blues', 'Pamiers', null]);
    ws.mergeCells('D2:D3');
    // B4:C4 merged across: the value stays in B, C is empty (the row is skipped for its commune).
    ws.addRow(['A3', 'Rock', null, 9]);
    ws.mergeCells('B4:C4');
    await wb.xlsx.writeFile(file);
    const report = await importEvents({ file, filters: [], outDir: join(dir, 'content') });
    expect(report).toMatchObject({ read: 3, imported: 2, skipped: [{ line: 4, reason: 'commune: no value (column "commune" is empty)' }] });
    expect((await writtenEvents(join(dir, 'content'))).map((e) => [e.id, e.commune, e.departement])).toEqual([
      ['a1', 'Foix', '09'],
      ['a2', 'Pamiers', '09'],
    ]);

    const mapping = join(dir, 'reimport-mapping.yaml');
    await writeFile(mapping, `sheet: Programme\n${await readFile(`${FIXTURES}/reimport-mapping.yaml`, 'utf8')}`);
    const csv = await importEvents({ file: `${FIXTURES}/reimport.csv`, mapping, filters: [], outDir: join(dir, 'csv') });
    expect(csv.warnings[0]).toEqual({ line: 0, message: 'the mapping\'s sheet "Programme" is ignored: a CSV file has a single table' });
  });

  it('turns cell values into the text a person sees', () => {
    expect(numberText(75)).toBe('75');
    expect(numberText(75.0)).toBe('75');
    expect(numberText(12.5)).toBe('12.5');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(-4)).toBe('-4');
    expect(numberText(1234567890123)).toBe('1234567890123');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(dateText(utc(2019, 7, 14))).toBe('14/07/2019');
    expect(dateText(utc(2019, 7, 14, 20, 30))).toBe('14/07/2019 20:30');
    // A serial with float noise (20:29:59.999) rounds to the minute.
    expect(dateText(new Date(Date.UTC(2019, 6, 14, 20, 30) - 1))).toBe('14/07/2019 20:30');
    expect(dateText(new Date(Date.UTC(1899, 11, 30, 9, 15)))).toBe('09:15');
    expect(cellText('  Jazz  ')).toBe('Jazz');
    expect(cellText(true)).toBe('true');
    expect(cellText({ richText: [{ text: 'Jazz ' }, { text: 'à Foix' }] })).toBe('Jazz à Foix');
    expect(cellText({ text: '', hyperlink: 'mailto:a@b.fr' })).toBe('a@b.fr');
    expect(cellText({ formula: 'A1', result: utc(2019, 7, 14) })).toBe('14/07/2019');
    const warnings: string[] = [];
    expect(cellText({ formula: 'A1' } as ExcelJS.CellFormulaValue, (m) => warnings.push(m))).toBe('');
    expect(warnings).toEqual(['a formula without a computed value is taken as empty (open the file in a spreadsheet program and save it again to compute it)']);
  });

  it('refuses a file that is not a workbook, and an empty sheet, writing nothing', async () => {
    const dir = await tmp();
    const fake = join(dir, 'fake.xlsx');
    await writeFile(fake, 'Nom;Commune\nJazz;Foix\n');
    const [problem] = await problemsOf(() => importEvents({ file: fake, mapping: MAPPING, filters: [], outDir: join(dir, 'never') }));
    expect(problem?.startsWith(`${fake}: not a readable .xlsx workbook (`)).toBe(true);
    expect(problem).toContain('Hint: open it in a spreadsheet program and save it as "Excel Workbook (.xlsx)"');

    const empty = join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Programme');
    await wb.xlsx.writeFile(empty);
    expect(await problemsOf(() => importEvents({ file: empty, mapping: MAPPING, filters: [], outDir: join(dir, 'never') }))).toEqual([
      `${empty}: the sheet "Programme" is empty (no header row)\n  Hint: name the sheet to read with \`sheet:\` in the mapping`,
    ]);
    expect(await problemsOf(() => importEvents({ file: join(dir, 'absent.xlsx'), mapping: MAPPING, filters: [], outDir: join(dir, 'never') }))).toEqual([
      `${join(dir, 'absent.xlsx')}: file not found`,
    ]);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('imports an .xlsx on the command line', async () => {
    const dir = await tmp();
    const file = join(dir, 'programme.xlsx');
    await writeWorkbook(file);
    const r = spawnSync(process.execPath, ['bin/encre.js', 'import', file, '--mapping', MAPPING, '--out', join(dir, 'content')], { encoding: 'utf8' });
    expect({ code: r.status, err: r.stderr }).toEqual({ code: 0, err: '' });
    expect(r.stdout).toContain('6 rows read, 0 filtered out, 4 imported, 2 skipped, 1 warning');
    expect(r.stdout).toContain(`${file}:5: departement: "99"`);
  });
});

describe('re-import report', () => {
  const CSV = `${FIXTURES}/reimport.csv`;
  const CSV_MAPPING = `${FIXTURES}/reimport-mapping.yaml`;

  it('reports nothing added, changed or removed when the Panorama des festivals is imported twice', async () => {
    const out = await tmp();
    const opts = { file: 'examples/festivals/data/panorama-des-festivals.csv', mapping: 'examples/festivals/mapping.yaml', filters: [], outDir: out };
    const first = await importEvents(opts);
    expect(first.imported).toBe(382);
    expect(first.reimport).toBeUndefined();
    const second = await importEvents(opts);
    expect(second.imported).toBe(382);
    expect(second.reimport).toEqual({ added: [], changed: [], removed: [] });
    expect(formatImportReport(second)).toContain('\n  Re-import: 0 added, 0 changed, 0 removed\n');
  });

  it('reports, by id, the events added, changed (with their fields) and removed', async () => {
    const dir = await tmp();
    const out = join(dir, 'content');
    const csv = join(dir, 'reimport.csv');
    const original = await readFile(CSV, 'utf8');
    await writeFile(csv, original);
    expect((await importEvents({ file: csv, mapping: CSV_MAPPING, filters: [], outDir: out })).reimport).toBeUndefined();

    // KD181 renamed and moved to another date, KD054 removed, KD500 added at the top (every
    // other row moves down one line: ids do not depend on it).
    const lines = original.split('\n');
    const edited = [
      lines[0],
      'KD500;FESTIVAL DES ARTS DE LA RUE;AURILLAC;15;21/08/2019;',
      ...lines
        .slice(1)
        .filter((l) => !l.startsWith('KD054;'))
        .map((l) => (l.startsWith('KD181;') ? 'KD181;FESTIVAL DE THAU - 30E EDITION;MEZE;34;12/07/2019;www.festivaldethau.com' : l)),
    ].join('\n');
    await writeFile(csv, edited);
    const report = await importEvents({ file: csv, mapping: CSV_MAPPING, filters: [], outDir: out });
    expect(report.reimport).toEqual({ added: ['kd500'], changed: [{ id: 'kd181', fields: ['title', 'start'] }], removed: ['kd054'] });
    expect(formatImportReport(report).split('\n').slice(0, 3)).toEqual([
      `Import of ${csv}`,
      '  5 rows read, 0 filtered out, 5 imported, 0 skipped, 1 warning',
      '  Re-import: 1 added, 1 changed (kd181: title, start), 1 removed (kd054)',
    ]);
    // The Ariège file is gone with KD054; the Cantal file is new.
    expect(report.removed.map((f) => path.basename(f))).toEqual(['09-ariege.yaml']);
    expect((await readdir(join(out, 'events'))).sort()).toEqual(['15-cantal.yaml', '31-haute-garonne.yaml', '34-herault.yaml', '81-tarn.yaml']);

    // A field added or removed counts as changed; the same file again changes nothing.
    await writeFile(csv, edited.replace('KD180;LES NUITS DU CHAT;MONTPELLIER;34;02/08/2019;', 'KD180;LES NUITS DU CHAT;SETE;34;02/08/2019;www.nuitsduchat.fr').replace('www.rio-loco.org', ''));
    const third = await importEvents({ file: csv, mapping: CSV_MAPPING, filters: [], outDir: out });
    expect(third.reimport).toEqual({
      added: [],
      changed: [
        { id: 'kd180', fields: ['commune', 'url'] },
        { id: 'kd300', fields: ['url'] },
      ],
      removed: [],
    });
    expect(formatImportReport(third)).toContain('  Re-import: 0 added, 2 changed (kd180: commune, url; kd300: url), 0 removed');
    expect((await importEvents({ file: csv, mapping: CSV_MAPPING, filters: [], outDir: out })).reimport).toEqual({ added: [], changed: [], removed: [] });
  });

  it('formats the summary, naming at most 10 events of each kind', () => {
    const previous = new Map([
      ['kd181', { id: 'kd181', title: 'Thau', start: '2019-07-10', commune: 'Mèze', departement: '34' }],
      ['kd054', { id: 'kd054', title: 'Jazz', commune: 'Foix', departement: '09' }],
    ]);
    const diff = diffEvents(previous, [
      { id: 'kd181', title: 'Thau 30', start: '2019-07-12', commune: 'Mèze', departement: '34' },
      { id: 'kd054', title: 'Jazz', commune: 'Foix', departement: '09' },
      { id: 'kd500', title: 'Rue', commune: 'Aurillac', departement: '15' },
      { id: 'kd501', title: 'Rue 2', commune: 'Aurillac', departement: '15' },
    ]);
    expect(formatReimport(diff)).toBe('Re-import: 2 added, 1 changed (kd181: title, start), 0 removed');
    const many = Array.from({ length: 12 }, (_, i) => `id${i + 1}`);
    expect(formatReimport({ added: many, changed: [], removed: many })).toBe(
      'Re-import: 12 added, 0 changed, 12 removed (id1, id2, id3, id4, id5, id6, id7, id8, id9, id10, +2 more)',
    );
  });

  it('is not a re-import when the folder holds only hand-written event files (replaced with force)', async () => {
    const out = await tmp();
    await mkdir(join(out, 'events'));
    await writeFile(join(out, 'events', '34-herault.yaml'), 'events: []\n');
    const report: ImportReport = await importEvents({ file: CSV, mapping: CSV_MAPPING, filters: [], outDir: out, force: true });
    expect(report.reimport).toBeUndefined();
  });
});
