import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, EPOCH, rawEvents } from './helpers/sample.js';
import { collapse, openPdf, pageTexts } from './helpers/pdf.js';

/** Runs the encre command line as a user would (bin/encre.js), from the folder `cwd`. */
function encre(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/encre.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Text compared as printed: spaces collapsed, apostrophes typographic, no space before French punctuation. */
const norm = (s: string) => collapse(s).replace(/'/g, '’').replace(/\s+([:;!?»])/g, '$1').replace(/«\s+/g, '«');

describe('encre build --filter: part of the campaign', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'encre-filter-'));
  const content = path.join(ROOT, 'content');

  it('departement=34 gives a programme of Hérault\'s events only and an affiche counting them, in out/34-herault/', () => {
    // Another campaign's file left in the printer's folder by an earlier build: the build removes it.
    const stale = path.join(cwd, 'out/34-herault/imprimeur/beispielkongress-2026-programme-A5-8p.pdf');
    mkdirSync(path.dirname(stale), { recursive: true });
    writeFileSync(stale, '%PDF-1.7 another campaign');
    const r = encre(cwd, 'build', 'programme', 'affiche', '--content', content, '--filter', 'departement=34');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = path.join(cwd, 'out/34-herault');
    const events = rawEvents('content');
    const herault = events.filter((e) => e.departement === '34');
    const others = events.filter((e) => e.departement !== '34');
    expect(herault.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);

    const programme = norm(pageTexts(openPdf(new Uint8Array(readFileSync(path.join(out, 'programme.pdf'))))).join(' '));
    const missing = herault.filter((e) => !programme.includes(norm(e.title)));
    expect(missing.map((e) => e.id)).toEqual([]);
    const strays = others.filter((e) => programme.includes(norm(e.title)));
    expect(strays.map((e) => e.id)).toEqual([]);
    expect(programme).toContain(`${herault.length} événements dans 1 département`);

    const affiche = norm(pageTexts(openPdf(new Uint8Array(readFileSync(path.join(out, 'affiche.pdf')))))[0]!);
    expect(affiche).toContain(`${herault.length} événements`);
    expect(affiche).not.toContain(`${events.length} événements`);
    expect(affiche).toContain('Hérault');
    // The whole campaign's region no longer heads the part.
    expect(affiche).not.toMatch(/Mois de l’ESS Languedoc-Roussillon/);
    expect(existsSync(path.join(cwd, 'out/programme.pdf'))).toBe(false);
    // The printer's folder: the part's files, named with the part (the whole campaign's have the same document and format), and nothing else.
    expect(readdirSync(path.join(out, 'imprimeur')).sort()).toEqual(['mois-de-l-ess-2016-34-herault-affiche-A3-1p.pdf', expect.stringMatching(/^mois-de-l-ess-2016-34-herault-programme-A5-\d+p\.pdf$/)]);
  });

  it('refuses an unknown key and a value matching nothing: a clear message, exit 1, nothing written', () => {
    const unknown = encre(cwd, 'build', 'affiche', '--content', content, '--filter', 'dept=34');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('encre: --filter: unknown key "dept" in "dept=34"; expected one of: departement, day, category');
    const departements = [...new Set(rawEvents('content').map((e) => e.departement))];
    const absent = ['35', '31', '13'].find((d) => !departements.includes(d))!;
    const nothing = encre(cwd, 'build', 'affiche', '--content', content, '--filter', `departement=${absent}`);
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain(`--filter departement=${absent}: no event of the campaign`);
    for (const d of departements) expect(nothing.err).toContain(d);
    const day = encre(cwd, 'build', 'affiche', '--content', content, '--filter', 'day=15/11/2016');
    expect(day.code).toBe(1);
    expect(day.err).toContain('expected YYYY-MM-DD');
  });
});
