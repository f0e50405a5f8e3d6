import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { theme } from '../layouts/theme.js';
import { ROOT, EPOCH } from './helpers/sample.js';
import { openPdf, pageFill } from './helpers/pdf.js';
import { sharedBuild } from './helpers/shared.js';

/** Text areas (margins inside the trim, mm) of the two documents, from the default theme. */
const DOSSIER = { top: theme.margins.dossier.top, bottom: theme.margins.dossier.bottom, left: theme.margins.dossier.inside, right: theme.margins.dossier.outside };
const FLYER = { top: theme.margins.flyer.top, bottom: theme.margins.flyer.bottom, left: theme.margins.flyer.outside, right: theme.margins.flyer.inside };

/** The fill of each page of a print file (see pageFill: text lines, shapes and images inside the trim, over the text area's height). */
function fills(file: string, area: typeof DOSSIER): number[] {
  const doc = openPdf(readFileSync(file));
  return Array.from({ length: doc.countPages() }, (_, i) => pageFill(doc, i, area));
}

describe('the dossier de presse and the tract are composed to their pages', () => {
  // Midi-Pyrénées (120 events, no prize): on main its pages 2 and 4 were 46 % and 47 % full, and the sample's dossier had 5 pages.
  for (const [name, shared] of [['the sample', 'sample'], ['Midi-Pyrénées', 'midi-pyrenees']] as const) {
    it(`${name}: an even page count, no page more than half empty`, async () => {
      const out = await sharedBuild(shared);
      const dossier = fills(path.join(out, 'dossier-de-presse.pdf'), DOSSIER);
      expect(dossier.length % 2, `${dossier.length} pages`).toBe(0);
      expect(dossier.length).toBeGreaterThanOrEqual(4);
      // The cover is a design of colour and motif (decoration, not counted): the pages after it.
      for (const [i, f] of dossier.entries()) if (i > 0) expect(f, `dossier page ${i + 1}`).toBeGreaterThanOrEqual(0.5);
      const flyer = fills(path.join(out, 'flyer.pdf'), FLYER);
      expect(flyer[0], 'recto').toBeGreaterThanOrEqual(0.5);
      expect(flyer[1], 'verso').toBeGreaterThanOrEqual(0.5);
    });
  }
});

/** The lines MuPDF extracts from a PDF, each trimmed. */
function lines(file: string): string[] {
  const doc = openPdf(readFileSync(file));
  const out: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    let line = '';
    doc.loadPage(i).toStructuredText('preserve-whitespace,preserve-ligatures').walk({
      onChar: (c) => void (line += c),
      endLine: () => {
        out.push(line.replace(/[\s\u00a0\u202f]+/g, ' ').trim());
        line = '';
      },
    });
  }
  return out;
}

describe('display typography on the tract and the dossier', () => {
  // A tagline of long common nouns in the tract's narrow frame: on main, « intergénéra-tionnelle » and a lone last word.
  const TAGLINE = 'Une économie intergénérationnelle, coopérative, profondément solidaire et résolument territoriale, du Lot aux Pyrénées';
  it('sets titles and taglines whole (no hyphenation), with no one-word last line, and letter-spaced text without ligatures', async () => {
    const content = mkdtempSync(path.join(ROOT, 'tests/.tmp-typo-'));
    try {
      cpSync(path.join(ROOT, 'content'), content, { recursive: true });
      const yaml = readFileSync(path.join(content, 'campaign.yaml'), 'utf8').replace(/^tagline: .*$/m, `tagline: "${TAGLINE}"`);
      writeFileSync(path.join(content, 'campaign.yaml'), yaml);
      const out = mkdtempSync(path.join(os.tmpdir(), 'encre-typo-'));
      await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['flyer'], outputs: ['screen'], sourceDateEpoch: EPOCH });
      const all = lines(path.join(out, 'screen/flyer.pdf'));
      const words = TAGLINE.split(' ');
      // The tagline's lines, in order: each is a run of its words, whole.
      const start = all.findIndex((l) => l.startsWith('Une économie'));
      expect(start).toBeGreaterThanOrEqual(0);
      const tagline: string[] = [];
      for (let i = start, n = 0; n < words.length && i < all.length; i++) {
        tagline.push(all[i]!);
        n += all[i]!.split(' ').length;
      }
      expect(tagline.length, tagline.join(' / ')).toBeGreaterThan(1);
      expect(tagline.join(' ')).toBe(TAGLINE);
      for (const l of tagline) expect(l, 'a hyphenated word').not.toMatch(/\p{L}-$/u);
      expect(tagline[tagline.length - 1]!.split(' ').length, 'one-word last line').toBeGreaterThan(1);
      // No ligature glyph anywhere (U+FB00–FB06 with preserve-ligatures).
      expect(all.join('\n')).not.toMatch(/[\uFB00-\uFB06]/);
    } finally {
      (await import('node:fs')).rmSync(content, { recursive: true, force: true });
    }
  });
});
