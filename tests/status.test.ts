import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { appendFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { build } from '../src/build.js';
import { importEvents } from '../src/import/index.js';
import { parseStatus, statusInText } from '../src/import/status.js';
import { toStatus } from '../src/import/transforms.js';
import { openPdf, pageTexts } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURE = 'tests/fixtures/status';
const EPOCH = '1476748800';
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** Imports the status fixture into a content folder inside the project (build takes a path relative to the root). */
async function imported(): Promise<{ content: string; report: Awaited<ReturnType<typeof importEvents>> }> {
  const content = mkdtempSync(join(ROOT, 'tests', '.output-status-'));
  made.push(content);
  const report = await importEvents({ file: `${FIXTURE}/events.csv`, mapping: `${FIXTURE}/mapping.yaml`, filters: [], outDir: content });
  return { content, report };
}

/** Builds the programme and the tract of `content`; their texts, the log and preflight.json. */
async function built(content: string): Promise<{ programme: string; flyer: string; log: string[]; preflight: { content: { omitted: { id: string; status: string }[] } } }> {
  const out = mkdtempSync(join(tmpdir(), 'encre-status-'));
  made.push(out);
  const log: string[] = [];
  await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme', 'flyer'], sourceDateEpoch: EPOCH, log: (l) => log.push(l), cache: false });
  const text = async (f: string) => pageTexts(openPdf(await readFile(join(out, f)))).join(' ');
  return { programme: await text('programme.pdf'), flyer: await text('flyer.pdf'), log, preflight: JSON.parse(await readFile(join(out, 'preflight.json'), 'utf8')) };
}

describe('event status', () => {
  it('reads a status from a status column, iCalendar words and a mark in a title', () => {
    expect(['Annulé', 'ANNULEE', 'cancelled', 'Canceled', 'CANCELLED'].map(parseStatus)).toEqual(Array(5).fill('cancelled'));
    expect(['Reporté', 'postponed'].map(parseStatus)).toEqual(['postponed', 'postponed']);
    expect(['Complet', 'COMPLET', 'sold out', 'full'].map(parseStatus)).toEqual(Array(4).fill('full'));
    expect(['confirmé', 'CONFIRMED', 'TENTATIVE'].map(parseStatus)).toEqual(Array(3).fill('scheduled'));
    expect(parseStatus('Salle des fêtes')).toBeUndefined();
    expect(statusInText('La Chapelle des Carmelites (Annule)')).toEqual({ status: 'cancelled', text: 'La Chapelle des Carmelites' });
    expect(statusInText('ANNULÉ : Concert du soir')).toEqual({ status: 'cancelled', text: 'Concert du soir' });
    expect(statusInText('Concert du soir – COMPLET')).toEqual({ status: 'full', text: 'Concert du soir' });
    expect(statusInText('[Reporté] Bal folk')).toEqual({ status: 'postponed', text: 'Bal folk' });
    // A word inside the text is not a mark.
    expect(statusInText('Le spectacle annulé de 1968')).toBeUndefined();
    expect(statusInText('Rencontre (entrée libre)')).toBeUndefined();
    expect(toStatus('peut-être')).toEqual({ ok: false, message: expect.stringContaining('"peut-être" names no status (expected annulé / cancelled') });
  });

  it('imports statuses from a column and a title, saying so', async () => {
    const { content, report } = await imported();
    expect(report.imported).toBe(7);
    expect(report.warnings).toEqual([
      { line: 3, message: 'status "cancelled" read from the title "La Chapelle des Carmélites (Annulé)", printed as "La Chapelle des Carmélites" with its mark' },
    ]);
    const yaml = await readFile(join(content, 'events', '30-gard.yaml'), 'utf8');
    expect(yaml).toContain('title: La Chapelle des Carmélites\n');
    expect(yaml).toContain('status: cancelled');
    expect(yaml).toContain('status: full');
  });

  it('marks cancelled, postponed and full events on their cards, never among the tract highlights', async () => {
    const { content } = await imported();
    const { programme, flyer, log } = await built(content);
    expect(programme).toContain('ANNULÉ La Chapelle des Carmélites');
    expect(programme).toContain('ANNULÉ Visite de la ressourcerie');
    expect(programme).toContain('REPORTÉ Concert solidaire');
    expect(programme).toContain('COMPLET Atelier compost');
    expect(programme).not.toMatch(/ANNULÉ (Forum|Marché|Café)/);
    expect(flyer).toContain('Forum des jeunes pousses');
    expect(flyer).toContain('Café citoyen');
    for (const title of ['Chapelle des Carmélites', 'Visite de la ressourcerie', 'Concert solidaire', 'Atelier compost']) expect(flyer).not.toContain(title);
    expect(log.filter((l) => l.startsWith('left out'))).toEqual([]);
  });

  it('leaves cancelled and postponed events out with cancelledEvents: omit, listed in the report', async () => {
    const { content } = await imported();
    await appendFile(join(content, 'campaign.yaml'), 'cancelledEvents: omit\n');
    const { programme, flyer, log, preflight } = await built(content);
    for (const title of ['Chapelle des Carmélites', 'Visite de la ressourcerie', 'Concert solidaire']) {
      expect(programme).not.toContain(title);
      expect(flyer).not.toContain(title);
    }
    expect(programme).toContain('COMPLET Atelier compost');
    expect(log.filter((l) => l.startsWith('left out'))).toEqual([
      expect.stringMatching(/^left out \(cancelled\): st-02 « La Chapelle des Carmélites » \(tests\/\.output-status-\w+\/events\/30-gard\.yaml:\d+\)$/),
      expect.stringMatching(/^left out \(postponed\): st-03 « Concert solidaire »/),
      expect.stringMatching(/^left out \(cancelled\): st-06 « Visite de la ressourcerie »/),
    ]);
    expect(preflight.content.omitted.map((o) => [o.id, o.status])).toEqual([['st-02', 'cancelled'], ['st-03', 'postponed'], ['st-06', 'cancelled']]);
  });
});
