/**
 * Issue 14 (standard formats, no geography required): a conference imported from its frab
 * schedule with rooms only has no place; its documents say nothing of places rather than
 * « Lieu non précisé », « 0 département » or an index « des communes ».
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { build } from '../src/build.js';
import { importEvents } from '../src/import/index.js';
import { indexTitle } from '../src/paginate/programme.js';
import { openPdf, pageTexts } from './helpers/pdf.js';
import { ROOT, EPOCH } from './helpers/sample.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

describe('a conference with no place', () => {
  it('names the index by the lists it holds', () => {
    expect(indexTitle(['Communes', 'Organisateurs'])).toBe('Index des communes et des organisateurs');
    expect(indexTitle(['Intervenants'])).toBe('Index des intervenants');
    expect(indexTitle(['Communes', 'Organisateurs', 'Intervenants'])).toBe('Index des communes, des organisateurs et des intervenants');
  });

  it('prints no placeholder place on the affiche, the tract, the dossier and the back cover; the contents names the index of speakers', async () => {
    const content = mkdtempSync(join(ROOT, 'tests', '.output-noplace-'));
    const out = mkdtempSync(join(tmpdir(), 'encre-noplace-'));
    made.push(content, out);
    const report = await importEvents({ file: 'tests/fixtures/standard/schedule.xml', filters: [], outDir: content });
    expect(report.imported).toBe(4);
    await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme', 'affiche', 'flyer', 'dossier-de-presse'], sourceDateEpoch: EPOCH, cache: false });
    const text = async (file: string) => pageTexts(openPdf(await readFile(join(out, file))));

    const affiche = (await text('affiche.pdf')).join(' ');
    expect(affiche).toContain('4 événements');
    const tract = (await text('flyer.pdf')).join(' ');
    expect(tract).toContain('Hidden Services');
    const dossier = (await text('dossier-de-presse.pdf')).join(' ');
    expect(dossier).toContain('réunissent 4 événements.');
    const programme = await text('programme.pdf');
    const back = programme[programme.length - 1]!;
    expect(back).toContain('4 événements');
    for (const [name, t] of Object.entries({ affiche, tract, dossier, back })) {
      expect(t, name).not.toContain('Lieu non précisé');
      expect(t, name).not.toMatch(/\b0 (département|commune)/i);
      expect(t, name).not.toMatch(/par département/);
    }

    // The contents names the index by what it lists: the speakers, and no communes.
    const contents = programme.find((p) => p.includes('Sommaire'))!;
    expect(contents).toMatch(/Index des intervenants \d+/);
    expect(contents).not.toContain('communes');
    expect(programme.find((p) => /^INDEX /.test(p))).toContain('Intervenants Ada Lovelace');
  }, 90_000);
});
