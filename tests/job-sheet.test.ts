import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { openPdf, pageTexts, textLines } from './helpers/pdf.js';
import { sharedBuild } from './helpers/shared.js';
import { deliveryName } from '../src/post/job-sheet.js';
import type { JobSheet } from '../src/post/job-sheet.js';

let out = '';
let sheet: JobSheet;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(path.join(out, file))).digest('hex');

/** Every PDF under the output folder (site excluded), relative to it. */
function pdfs(dir = out): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.pdf') && !f.startsWith('site') && statSync(path.join(dir, f)).isFile());
}

beforeAll(async () => {
  out = await sharedBuild('sample');
  sheet = JSON.parse(readFileSync(path.join(out, 'fiche-de-fabrication.json'), 'utf8')) as JobSheet;
});

describe('the job sheet (fiche de fabrication)', () => {
  it('lists every file the build wrote, with the page count and sha256 read from the file itself', () => {
    const listed = sheet.files.map((f) => f.file).sort();
    const written = pdfs().filter((f) => !f.startsWith('imprimeur/') && !f.startsWith('fiche-de-fabrication')).sort();
    expect(listed).toEqual(written);
    for (const f of sheet.files) {
      const doc = openPdf(readFileSync(path.join(out, f.file)));
      expect(f.pages, f.file).toBe(doc.countPages());
      expect(f.sha256, f.file).toBe(sha256(f.file));
      expect(f.bytes, f.file).toBe(statSync(path.join(out, f.file)).size);
    }
  });

  it('gives each print file its format, binding, quantity from printRun, profile, ink limit, bleed and marks', () => {
    const print = Object.fromEntries(sheet.files.filter((f) => f.use === 'print').map((f) => [f.document, f]));
    expect(Object.keys(print).sort()).toEqual(['affiche', 'dossier-de-presse', 'flyer', 'programme']);
    const programme = print.programme!;
    expect(programme.format).toEqual({ name: 'A5', widthMm: 148, heightMm: 210 });
    expect(programme.binding).toContain('piqûre à cheval');
    expect(programme.binding).toContain(`${programme.pages / 4} feuilles`);
    // content/campaign.yaml: printRun { affiche: 500, programme: 4000, tract: 2000, dossierDePresse: 70 }
    expect([print.programme!.quantity, print.affiche!.quantity, print.flyer!.quantity, print['dossier-de-presse']!.quantity]).toEqual([4000, 500, 2000, 70]);
    for (const f of Object.values(print)) {
      expect(f.profile?.outputIntent).toBe('FOGRA39');
      expect(f.inkLimitPercent).toBe(300);
      expect(f.maxInkPercent).toBeLessThanOrEqual(300);
      expect(f.bleedMm).toBe(3);
      expect(f.cropMarks).toBe(true);
      expect(f.colours.process).toMatch(/CMYK/);
    }
    for (const f of sheet.files.filter((x) => x.use === 'screen')) {
      expect(f.file.startsWith('screen/')).toBe(true);
      expect(f.colours.process).toMatch(/RGB/);
      expect(f.delivery).toBeUndefined();
    }
  });

  it('copies each print file, byte for byte, to imprimeur/ under a name with the campaign, document, format and pages', () => {
    const delivered = readdirSync(path.join(out, 'imprimeur')).sort();
    const print = sheet.files.filter((f) => f.use === 'print');
    expect(delivered).toEqual(print.map((f) => path.basename(f.delivery!)).sort());
    for (const f of print) {
      expect(sha256(f.delivery!), f.delivery).toBe(f.sha256);
      expect(f.delivery).toBe(`imprimeur/${deliveryName('Mois de l’ESS', 2016, f.document, { name: f.format.name, width: f.format.widthMm, height: f.format.heightMm }, f.pages)}`);
    }
    expect(print.find((f) => f.document === 'programme')!.delivery).toMatch(/^imprimeur\/mois-de-l-ess-2016-programme-A5-\d+p\.pdf$/);
    // No delivered name is a screen file's name: the two cannot be confused.
    const screenNames = sheet.files.filter((f) => f.use === 'screen').map((f) => path.basename(f.file));
    expect(delivered.filter((d) => screenNames.includes(d))).toEqual([]);
  });

  it('prints the same facts in its PDF: every file, its pages and its sha256', () => {
    const doc = openPdf(readFileSync(path.join(out, 'fiche-de-fabrication.pdf')));
    const text = pageTexts(doc).join(' ');
    for (const f of sheet.files) {
      expect(text, f.file).toContain(f.sha256);
      expect(text, f.file).toContain(f.file);
      if (f.delivery) expect(text).toContain(f.delivery);
    }
    expect(text).toContain('4 000 exemplaires');
    // The grammage whole on its line (« g/ ⏎ m² » before).
    const lines = Array.from({ length: doc.countPages() }, (_, i) => textLines(doc, i).map((l) => l.text.trim())).flat();
    expect(lines.filter((l) => /g[/∕]$|^m²/.test(l))).toEqual([]);
    expect(lines.filter((l) => /115–170\s*g∕m²/u.test(l)), JSON.stringify(lines.filter((l) => /m²/.test(l)))).not.toEqual([]);
  });
});
