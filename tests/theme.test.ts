import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { build } from '../src/build.js';
import { readTheme } from '../src/load/theme.js';
import { motifEdge } from '../layouts/components/Triangles.js';
import { departement, DEPARTEMENT_CODES } from '../src/model/departements.js';
import { ROOT, EPOCH, rawEvents } from './helpers/sample.js';
import { openPdf, pageTexts, textLines } from './helpers/pdf.js';
import { titleProblems, descriptionProblems } from './helpers/typeset.js';
import { sharedBuild } from './helpers/shared.js';

const DOCS = ['programme.pdf', 'affiche.pdf', 'flyer.pdf', 'dossier-de-presse.pdf'];

async function streams(file: string): Promise<string> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const parts: string[] = [];
  doc.context.enumerateIndirectObjects().forEach(([, obj]) => {
    if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Subtype')) || obj.dict.get(PDFName.of('N'))) return;
    try {
      parts.push(Buffer.from(decodePDFRawStream(obj).decode()).toString('latin1'));
    } catch {
      /* not a content stream */
    }
  });
  return parts.join('\n');
}

/**
 * The lines of text on page 1 that come within 2 mm of the motif's slanted edges as drawn in
 * this file (top triangle: tightest at a glyph's head; lower one: at its foot); the layouts
 * keep a 4 mm gutter. `motifHeight` gives the motif's height from the trim's height (mm).
 */
async function onMotif(bytes: Buffer, motifHeight: (h: number) => number, bleed: number): Promise<string[]> {
  const trim = (await PDFDocument.load(bytes, { updateMetadata: false })).getPage(0).getTrimBox();
  const page = openPdf(bytes).loadPage(0);
  const height = page.getBounds()[3];
  const left = trim.x;
  const top = height - trim.y - trim.height;
  const w = (trim.width * 25.4) / 72;
  const mh = motifHeight((trim.height * 25.4) / 72);
  const lines: string[] = [];
  let line = '';
  page.toStructuredText('preserve-whitespace').walk({
    onChar(c, _origin, _font, _size, quad) {
      const right = (Math.max(quad[0], quad[2], quad[4], quad[6]) - left) * (25.4 / 72);
      const head = (Math.min(quad[1], quad[3], quad[5], quad[7]) - top) * (25.4 / 72);
      const foot = (Math.max(quad[1], quad[3], quad[5], quad[7]) - top) * (25.4 / 72);
      if (foot < 0 || head > mh || c.trim() === '') return;
      const edge = Math.min(motifEdge(w, mh, bleed, Math.max(0, head)), motifEdge(w, mh, bleed, Math.min(mh, foot)));
      if (right > edge - 2) line += c;
    },
    endLine() {
      if (line) lines.push(line);
      line = '';
    },
  });
  return lines;
}

describe('themes and formats', () => {
  it('restyle all four documents: the theme’s brand colour is in each print file, the other theme’s is not', async () => {
    const out = await sharedBuild('midi-pyrenees');
    const blue = (await readTheme(ROOT, 'midi-pyrenees')).theme.colours.brand.cmyk.map((v) => v / 100).join(' ');
    const orange = (await readTheme(ROOT, 'languedoc-roussillon')).theme.colours.brand.cmyk.map((v) => v / 100).join(' ');
    expect(blue).toBe('0.9 0.4 0 0');
    for (const file of DOCS) {
      const content = await streams(path.join(out, file));
      expect(content, file).toContain(`${blue} k`);
      expect(content, file).not.toContain(`${orange} k`);
    }
  });

  it('build the second campaign (Midi-Pyrénées, 120 events) with its own theme', async () => {
    const out = await sharedBuild('midi-pyrenees');
    expect(openPdf(readFileSync(path.join(out, 'programme.pdf'))).countPages() % 4).toBe(0);
    const text = pageTexts(openPdf(readFileSync(path.join(out, 'screen/affiche.pdf')))).join(' ');
    expect(text).toContain('Midi-Pyrénées');
    expect(text).toContain('120 événements');
    expect(await streams(path.join(out, 'affiche.pdf'))).toContain('0.9 0.4 0 0 k');
  });

  it('set Midi-Pyrénées’ event titles with no hyphenation and no title with one word on its last line, its descriptions whole and never ending on one word', async () => {
    const doc = openPdf(readFileSync(path.join(await sharedBuild('midi-pyrenees'), 'screen/programme.pdf')));
    const lines = Array.from({ length: doc.countPages() }, (_, i) => textLines(doc, i));
    const events = rawEvents('examples/midi-pyrenees/content');
    expect(events).toHaveLength(120);
    expect([...titleProblems(lines, events), ...descriptionProblems(lines, events)]).toEqual([]);
  });

  it('keeps the covers’ text off the motif, in print and on screen, whatever the campaign name’s and tagline’s length', async () => {
    const long = mkdtempSync(path.join(os.tmpdir(), 'encre-tagline-'));
    cpSync(path.join(ROOT, 'content'), long, { recursive: true });
    // The covers do not depend on the events: Lozère's seven are enough (a booklet of a few pages).
    for (const f of readdirSync(path.join(long, 'events'))) if (!f.startsWith('48')) rmSync(path.join(long, 'events', f));
    const campaign = path.join(long, 'campaign.yaml');
    const tagline = 'Une économie sociale et solidaire au cœur des territoires, des emplois et des projets';
    writeFileSync(
      campaign,
      readFileSync(campaign, 'utf8')
        // The tract's highlights: Lozère's own.
        .replace(/^highlights:\n(?: {2}- .*\n)+/m, 'highlights:\n  - lozere-02\n')
        .replace(/^tagline: .*$/m, `tagline: "${tagline}, près de chez vous, partout en région, avec les coopératives de la région"`)
        // A word too wide for the display size of every cover, in a name that would take five
        // lines on the affiche: set smaller, in three lines at most, never hyphenated.
        .replace(/^name: .*$/m, 'name: "Mois de l’Intercommunalité sociale et solidaire en Occitanie"'),
    );
    /** Height of the motif on each cover, mm from the trim's top (the affiche's stops above its 72 mm band). */
    const motifHeight: Record<string, (h: number) => number> = { programme: (h) => h, flyer: (h) => h, 'dossier-de-presse': (h) => h, affiche: (h) => h - 72 };
    for (const [content, themeName] of [['examples/midi-pyrenees/content', 'midi-pyrenees'], [long, 'languedoc-roussillon']] as const) {
      let out = '';
      if (content === long) {
        out = mkdtempSync(path.join(os.tmpdir(), 'encre-cover-'));
        // Before: « l’Intercommunalité » overflowed three covers, and the affiche's title ran
        // into its count: the build failed.
        await build({ root: ROOT, content, out, documents: [], theme: themeName, sourceDateEpoch: EPOCH });
      } else out = await sharedBuild('midi-pyrenees');
      const lines: string[] = [];
      for (const doc of Object.keys(motifHeight)) {
        for (const [file, bleed] of [[`${doc}.pdf`, 3], [`screen/${doc}.pdf`, 0]] as const) {
          lines.push(...(await onMotif(readFileSync(path.join(out, file)), motifHeight[doc]!, bleed)).map((l) => `${themeName} ${file}: "${l}"`));
        }
      }
      expect(lines).toEqual([]);
      const text = pageTexts(openPdf(readFileSync(path.join(out, 'screen/programme.pdf'))))[0]!.replace(/\s+/g, ' ');
      if (content === long) expect(text).toContain('des emplois et des projets');
      if (content === long) expect(text).toContain('Mois de l’Intercommunalité sociale et solidaire en Occitanie');
    }
  });

  it('lists up to 24 départements on the affiche, each name on one line, and gives a national campaign’s number of départements (its dossier de presse too)', async () => {
    // Before: 20 départements made the affiche fail (« Pyrénées-Atlantiques » overflowed its
    // cell), and « 10 000 » was wider than the count's room.
    const codes = DEPARTEMENT_CODES;
    for (const [count, perDepartement] of [[24, 3], [20, 500], [40, 1]] as const) {
      const dir = mkdtempSync(path.join(ROOT, 'tests/.output-affiche-'));
      const out = mkdtempSync(path.join(os.tmpdir(), 'encre-affiche-'));
      try {
        writeFileSync(path.join(dir, 'campaign.yaml'), ['name: "Quinzaine Transfrontalière de l’Économie Solidaire"', 'edition: 10', 'region: "Auvergne-Rhône-Alpes et Bourgogne-Franche-Comté"', 'period:', '  start: 2016-11-01', '  end: 2016-11-30', 'tagline: "Entreprendre autrement, près de chez vous, avec les coopératives, les associations et les mutuelles de nos territoires"', 'organiser:', '  name: "Cress"', ''].join('\n'));
        const lines = ['events:'];
        codes.slice(0, count).forEach((code, i) => {
          for (let j = 0; j < perDepartement; j++) lines.push(`  - id: e-${i}-${j}`, `    title: "Atelier ${j}"`, '    start: 2016-11-03 10:00', '    commune: "Ville"', `    departement: "${code}"`);
        });
        mkdirSync(path.join(dir, 'events'));
        writeFileSync(path.join(dir, 'events/all.yaml'), lines.join('\n') + '\n');
        await build({ root: ROOT, content: path.relative(ROOT, dir), out, documents: ['affiche', 'dossier-de-presse'], sourceDateEpoch: EPOCH });
        // The same campaign.yaml gives no objectives and no organisation: the dossier de
        // presse prints no empty « Objectifs » heading and names the organiser instead.
        const press = pageTexts(openPdf(readFileSync(path.join(out, 'screen/dossier-de-presse.pdf'))));
        expect(press.join(' ')).not.toContain('Objectifs');
        // Chapters are composed to the pages (src/documents/dossier.tsx): found in the dossier, not on a fixed page.
        expect(press.join(' ')).toMatch(/Qui fait .*Cress/);
        expect(press.join(' ')).toMatch(/\b1 commune\b/i);
        // No event is the chamber's: no « 0 % » share, no « Parmi eux, 0 ».
        expect(press.join(' ')).not.toMatch(/\b0 %|Parmi eux/);
        // 40 départements: the 20 most active charted, the others summed (40 bars overflowed the page).
        // 24, 20 and 40 départements: more than a region has.
        expect(press.join(' ')).toContain('Une mobilisation sur tout le territoire');
        if (count > 24) {
          expect(press.join(' ')).toContain('Les 20 départements qui comptent le plus d’événements');
          expect(press.join(' ')).toContain(`et 20 autres départements : ${count * perDepartement - 20 * perDepartement} événements`);
        }
        for (const [file, bleed] of [['affiche.pdf', 3], ['screen/affiche.pdf', 0]] as const) {
          const bytes = readFileSync(path.join(out, file));
          // No QR code and no partners: no paper band at the foot, the motif runs to the trim.
          expect(await onMotif(bytes, (h) => h, bleed), `${count} départements, ${file}`).toEqual([]);
          const text = pageTexts(openPdf(bytes))[0]!.replace(/\s+/g, ' ');
          expect(text).toContain(`${(count * perDepartement).toLocaleString('fr-FR').replace(/\s/g, ' ')} événements`);
          if (count <= 24) for (const code of codes.slice(0, count)) expect(text).toContain(`${departement(code).name} ${perDepartement}`);
          else {
            expect(text).toContain(`dans ${count} départements`);
            expect(text).not.toContain(departement(codes[0]!).name);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
      }
    }
  });

  it('balances a campaign name over its lines, no lone word on the last, on every cover, and gives it its article', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-balance-'));
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-balance-'));
    try {
      writeFileSync(path.join(dir, 'campaign.yaml'), ['name: "Semaine du vélo"', 'article: la', 'edition: 3', 'region: "Bretagne"', 'period:', '  start: 2016-11-01', '  end: 2016-11-30', 'organiser:', '  name: "Cress"', ''].join('\n'));
      mkdirSync(path.join(dir, 'events'));
      writeFileSync(path.join(dir, 'events/all.yaml'), ['events:', '  - id: e-1', '    title: "Atelier"', '    start: 2016-11-03 10:00', '    commune: "Rennes"', '    departement: "35"', ''].join('\n'));
      await build({ root: ROOT, content: path.relative(ROOT, dir), out, documents: [], outputs: ['screen'], sourceDateEpoch: EPOCH });
      // « Semaine du / vélo » before: the frame is narrowed until the lines are even.
      for (const file of ['affiche', 'programme', 'flyer', 'dossier-de-presse']) {
        const lines = openPdf(readFileSync(path.join(out, `screen/${file}.pdf`))).loadPage(0).toStructuredText('preserve-whitespace').asText().split('\n').map((l) => l.trim());
        expect(lines, file).toContain('Semaine');
        expect(lines, file).toContain('du vélo');
      }
      // Its article (campaign.yaml `article: la`) in the dossier de presse's sentences: « le » was assumed.
      const press = pageTexts(openPdf(readFileSync(path.join(out, 'screen/dossier-de-presse.pdf'))));
      expect(press[1]).toContain('la 3ᵉ édition de la Semaine du vélo réunit');
      expect(press.join(' ')).toContain('Qui fait la Semaine du vélo');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('make the affiche A2 (420 × 594 mm) and 40 × 60 cm from the same component, the other documents unchanged', async () => {
    const a3 = mkdtempSync(path.join(os.tmpdir(), 'encre-format-'));
    await build({ root: ROOT, content: 'content', out: a3, documents: ['dossier'], outputs: ['print'], sourceDateEpoch: EPOCH });
    for (const [format, w, h] of [['A2', 420, 594], ['40x60', 400, 600]] as const) {
      const out = mkdtempSync(path.join(os.tmpdir(), 'encre-format-'));
      await build({ root: ROOT, content: 'content', out, documents: ['affiche', 'dossier'], outputs: ['print'], format, sourceDateEpoch: EPOCH });
      const doc = await PDFDocument.load(readFileSync(path.join(out, 'affiche.pdf')), { updateMetadata: false });
      const trim = doc.getPage(0).getTrimBox();
      expect((trim.width * 25.4) / 72).toBeCloseTo(w, 1);
      expect((trim.height * 25.4) / 72).toBeCloseTo(h, 1);
      // Logos are prepared larger for a larger affiche only: the dossier is the A3 build's, byte for byte.
      expect(readFileSync(path.join(out, 'dossier-de-presse.pdf')).equals(readFileSync(path.join(a3, 'dossier-de-presse.pdf')))).toBe(true);
    }
  });

  it('refuses an unknown theme or format, naming the known ones', async () => {
    await expect(build({ root: ROOT, content: 'content', out: os.tmpdir(), documents: [], theme: 'nope' })).rejects.toThrow('unknown theme "nope"; expected one of: languedoc-roussillon, midi-pyrenees (files in themes/)');
    await expect(build({ root: ROOT, content: 'content', out: os.tmpdir(), documents: [], format: 'A1' })).rejects.toThrow('unknown affiche format "A1"; expected one of: A3, A2, 40x60');
  });
});

describe('programme grouping', () => {
  it('groups by day when campaign.yaml asks (programme.groupBy: day), sections in date order', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-groupby-'));
    try {
      cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'campaign.yaml'), `${readFileSync(path.join(dir, 'campaign.yaml'), 'utf8')}programme: { groupBy: day }\n`);
      const out = mkdtempSync(path.join(os.tmpdir(), 'encre-groupby-'));
      await build({ root: ROOT, content: path.relative(ROOT, dir), out, documents: ['programme'], sourceDateEpoch: EPOCH });
      const pages = pageTexts(openPdf(readFileSync(path.join(out, 'screen/programme.pdf'))));
      const sommaire = pages[2]!;
      const first = /2 mercredi 2 novembre 2016 (\d+)/.exec(sommaire);
      expect(first, sommaire.slice(0, 200)).not.toBeNull();
      expect(pages[Number(first![1]) - 1]).toContain('mercredi 2 novembre 2016');
      expect(sommaire.indexOf('mercredi 2 novembre')).toBeLessThan(sommaire.indexOf('jeudi 3 novembre'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
