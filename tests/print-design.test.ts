import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPdf, textLines, type TextLine } from './helpers/pdf.js';
import { sharedBuild } from './helpers/shared.js';
import { theme } from '../layouts/theme.js';
import { mm } from '../src/units.js';
import { momentRows } from '../layouts/dossier/DossierDePresse.js';
import { nameArticle } from '../src/derive/french.js';
import { compoundPieces, keepWordsWhole, hyphenateFrench } from '../layouts/hyphenation.js';
import { frenchText } from '../src/derive/typography.js';
import { readTheme } from '../src/load/theme.js';
import { checkContrast, contrastRatio } from '../src/preflight/theme.js';
import { ROOT, EPOCH } from './helpers/sample.js';
import { build } from '../src/build.js';

/** Every page's text lines of a PDF of a shared build. */
function pages(out: string, file: string): TextLine[][] {
  const doc = openPdf(readFileSync(path.join(out, file)));
  return Array.from({ length: doc.countPages() }, (_, i) => textLines(doc, i));
}

/** A line that ends inside a compound proper name: « Languedoc- », « (Pyrénées- », « Tarn- ». */
const BROKEN_NAME = /(?:^|[\s(«])\p{Lu}[\p{L}’-]*-$/u;

describe('place names and display lines', () => {
  it('keeps compound proper names whole, common compounds breakable', () => {
    for (const w of ['Languedoc-Roussillon', '(Pyrénées-Orientales)', 'Tarn-et-Garonne', 'en\u00a0Hautes-Pyrénées']) {
      expect(compoundPieces(w), w).toEqual([w]);
      expect(keepWordsWhole(w), w).toEqual([w]);
      expect(hyphenateFrench(w), w).toEqual([w]);
    }
    expect(keepWordsWhole('arts-plastiques')).toEqual(['arts-', '', 'plastiques']);
  });

  it('ties a weekday to its date and a count to its noun', () => {
    expect(frenchText('mardi 18 octobre 2016')).toBe('mardi\u00a018\u00a0octobre 2016');
    expect(frenchText('Plus de 120 rendez-vous en 2016')).toBe('Plus de 120\u00a0rendez-vous en 2016');
  });

  it('derives the campaign name’s article', () => {
    expect(nameArticle('Festivals en Occitanie')).toBe('les');
    expect(nameArticle('Mois de l’ESS')).toBe('le');
    expect(nameArticle('Été solidaire')).toBe('l’');
    expect(nameArticle('Prix de l’ESS')).toBe('le');
  });

  for (const shared of ['sample', 'midi-pyrenees'] as const) {
    it(`${shared}: no place name broken at its hyphen on the dossier, tract, affiche and the programme's covers and édito`, async () => {
      const out = await sharedBuild(shared);
      const programme = pages(out, 'programme.pdf');
      const checked: [string, TextLine[][]][] = [
        ['dossier', pages(out, 'dossier-de-presse.pdf')],
        ['tract', pages(out, 'flyer.pdf')],
        ['affiche', pages(out, 'affiche.pdf')],
        ['programme covers', [programme[0]!, programme[1]!, programme[2]!, programme[programme.length - 1]!]],
      ];
      for (const [what, doc] of checked) {
        doc.forEach((lines, p) => {
          for (const l of lines) expect(l.text.trim(), `${what} p${p + 1}`).not.toMatch(BROKEN_NAME);
          // A weekday never ends a line (« mardi / 18 octobre »), nor a bare count (« 120 / rendez-vous »).
          for (const l of lines) expect(l.text.trim(), `${what} p${p + 1}`).not.toMatch(/(?:^|\s)(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/);
          // A département's count stays with its name (« Gers / (20) »).
          for (const l of lines) expect(l.text.trim(), `${what} p${p + 1}`).not.toMatch(/^\(\d+\)/);
        });
      }
    });
  }
});

describe('the dossier’s key figures and « À ne pas manquer »', () => {
  it('sets the key figures in equal columns across the text area', async () => {
    const out = await sharedBuild('sample');
    const dossier = pages(out, 'dossier-de-presse.pdf');
    const page = dossier.find((lines) => lines.some((l) => l.text.trim() === 'COMMUNES'))!;
    expect(page).toBeDefined();
    const x = (label: string) => page.find((l) => l.text.trim() === label)!.box[0];
    // Three figures: each column a third of the text area and one gutter (A4, 210 mm wide).
    const column = mm(210 - theme.margins.dossier.inside - theme.margins.dossier.outside + theme.keyFigure.gapRight) / 3;
    // Within 1 pt (MuPDF's boxes start at the glyphs' ink).
    expect(Math.abs(x('DÉPARTEMENTS') - x('ÉVÉNEMENTS') - column)).toBeLessThan(1);
    expect(Math.abs(x('COMMUNES') - x('DÉPARTEMENTS') - column)).toBeLessThan(1);
  });

  it('reads the moments down each column, page by page', async () => {
    expect(momentRows([1, 2, 3, 4, 5, 6, 7], [2, 2])).toEqual([[1, 3], [2, 4], [5, 7], [6, undefined]]);
    const out = await sharedBuild('sample');
    const dossier = pages(out, 'dossier-de-presse.pdf');
    const middle = mm(210) / 2;
    let pagesChecked = 0;
    for (const lines of dossier.slice(1)) {
      // The moments' dates (all in November 2016), left column then right, each top to bottom.
      const dates = lines
        .map((l) => ({ l, m: /^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (\d+)(?:er|ᵉʳ)? novembre/.exec(l.text.replace(/[\u00a0\u202f]/g, ' ').trim()) }))
        .filter((d) => d.m)
        .sort((a, b) => Number(a.l.box[0] > middle) - Number(b.l.box[0] > middle) || a.l.box[1] - b.l.box[1])
        .map((d) => Number(d.m![1]));
      if (dates.length < 4) continue;
      pagesChecked++;
      expect(dates, 'down the columns in date order').toEqual([...dates].sort((a, b) => a - b));
    }
    expect(pagesChecked).toBeGreaterThan(0);
  });
});

describe('contrast of small text', () => {
  for (const name of ['languedoc-roussillon', 'midi-pyrenees']) {
    it(`${name}: the brand's and sections' text variants and the link on ink reach 4.5 : 1`, async () => {
      const { theme: t } = await readTheme(ROOT, name);
      const paper = t.colours.paper.rgb;
      expect(contrastRatio(t.colours.brandText.rgb, paper)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.colours.brandText.rgb, t.colours.tint.rgb)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.colours.onInk.rgb, t.colours.ink.rgb)).toBeGreaterThanOrEqual(4.5);
      expect(t.sectionText.length).toBe(t.sectionColours.length);
      for (const c of t.sectionText) expect(contrastRatio(c.rgb, paper), c.rgb).toBeGreaterThanOrEqual(4.5);
      const warnings = checkContrast(t, t.sectionColours.length, name).map((w) => w.message);
      expect(warnings.filter((m) => /brandText|onInk|sectionText|dates/.test(m))).toEqual([]);
    });
  }
});

describe('no unfinished areas', () => {
  it('anchors the back cover’s organiser and credits to the foot of the page', async () => {
    const out = await sharedBuild('sample');
    const doc = openPdf(readFileSync(path.join(out, 'programme.pdf')));
    const last = doc.countPages() - 1;
    const lines = textLines(doc, last);
    const [, , , height] = doc.loadPage(last).getBounds();
    const foot = Math.max(...lines.map((l) => l.box[3]));
    // The trim box of a print file sits inside the bleed: the last line within the bottom margin and bleed of the page's foot.
    expect(height - foot).toBeLessThan(mm(theme.margins.programme.bottom + 3 + theme.space.md));
  });

  // No online programme: neither a programmeUrl nor a site (whose home page is the programme online).
  it('without an online programme: no « Tout le programme » panel on the tract, no empty band on the affiche', async () => {
    const content = mkdtempSync(path.join(ROOT, 'tests/.tmp-nourl-'));
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-nourl-'));
    try {
      cpSync(path.join(ROOT, 'content'), content, { recursive: true });
      const yaml = readFileSync(path.join(content, 'campaign.yaml'), 'utf8').replace(/^programmeUrl: .*$/m, '').replace(/^site:\n(?:  .*\n)*/m, '').replace(/^partners:\n(?:  .*\n|    .*\n)*/m, '');
      writeFileSync(path.join(content, 'campaign.yaml'), yaml);
      await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['flyer', 'affiche'], outputs: ['screen'], sourceDateEpoch: EPOCH });
      const flyer = pages(out, 'screen/flyer.pdf');
      expect(flyer[1]!.map((l) => l.text).join(' ')).not.toContain('Tout le programme');
      expect(flyer[1]!.map((l) => l.text).join(' ')).toContain('Chambre régionale');
      const affiche = openPdf(readFileSync(path.join(out, 'screen/affiche.pdf')));
      const lines = textLines(affiche, 0);
      expect(lines.map((l) => l.text).join(' ')).not.toContain('Tout le programme');
      // The organiser sits at the foot on the brand colour: the page's foot is not paper.
      const [, , w, h] = affiche.loadPage(0).getBounds();
      const pixmap = affiche.loadPage(0).toPixmap([0.5, 0, 0, 0.5, 0, 0], (await import('mupdf')).ColorSpace.DeviceRGB, false);
      const px = pixmap.getPixels();
      const y = Math.floor(pixmap.getHeight() - 3);
      const x = Math.floor(pixmap.getWidth() * 0.05);
      const at = (y * pixmap.getWidth() + x) * 3;
      expect([px[at], px[at + 1], px[at + 2]], `foot of a ${w} × ${h} pt affiche`).not.toEqual([255, 255, 255]);
    } finally {
      rmSync(content, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
