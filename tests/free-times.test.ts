import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { build } from '../src/build.js';
import { importEvents } from '../src/import/index.js';
import { readWhen } from '../src/import/when.js';
import { toDate, toEnd } from '../src/import/transforms.js';
import { openPdf, pageTexts } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURE = 'tests/fixtures/free-times';
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

describe('times and dates from free text', () => {
  it('reads the French and English forms organisers type', () => {
    expect(readWhen('A 20h.')).toEqual({ dates: [], times: ['20:00'] });
    expect(readWhen('20 h 30')).toEqual({ dates: [], times: ['20:30'] });
    expect(readWhen('De 18h30 à 21h.')).toEqual({ dates: [], times: ['18:30', '21:00'] });
    expect(readWhen('At 10am.').times).toEqual(['10:00']);
    expect(readWhen('2 pm').times).toEqual(['14:00']);
    expect(readWhen('Salle 12, 3 rue X').times).toEqual([]);
    expect(readWhen('Le 05/05/2020 - A 14h30 Le 12/05/2020 - A 14h30')).toEqual({ dates: ['2020-05-05', '2020-05-12'], times: ['14:30', '14:30'] });
    expect(toDate('05/05/2020 De 18h30 à 21h.')).toEqual({ ok: true, value: '2020-05-05 18:30' });
    expect(toEnd('05/05/2020 De 18h30 à 21h.')).toEqual({ ok: true, value: '2020-05-05 21:00' });
    expect(toDate('05/05/2020 10am-12pm')).toEqual({ ok: true, value: '2020-05-05 10:00' });
    expect(toEnd('05/05/2020 10am-12pm')).toEqual({ ok: true, value: '2020-05-05 12:00' });
    expect(toDate('bientôt')).toEqual({ ok: false, message: expect.stringContaining('"bientôt" is not a date') });
  });

  it('imports free-text hours, reports what it cannot read with the cell, and prints the times', async () => {
    const content = mkdtempSync(join(ROOT, 'tests', '.output-times-'));
    const out = mkdtempSync(join(tmpdir(), 'encre-times-'));
    made.push(content, out);
    const report = await importEvents({ file: `${FIXTURE}/events.csv`, mapping: `${FIXTURE}/mapping.yaml`, filters: [], outDir: content });
    expect(report.imported).toBe(5);
    expect(report.warnings).toContainEqual({ line: 6, message: expect.stringContaining('names 2 dates; the event is imported at the first (2020-05-09), not at 2020-05-12') });
    await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme'], sourceDateEpoch: '1588291200', cache: false });
    const text = pageTexts(openPdf(await readFile(join(out, 'programme.pdf')))).join(' ');
    expect(text).toContain('mardi 5 mai 2020, 20 h');
    expect(text).toContain('mercredi 6 mai 2020, 18 h 30 – 21 h');
    expect(text).toContain('jeudi 7 mai 2020, 10 h');
    expect(text).toContain('vendredi 8 mai 2020, 20 h 30');
    expect(text).toContain('samedi 9 mai 2020, 14 h 30');
    expect(text).not.toContain('Dates à préciser');
  }, 60_000);
});
