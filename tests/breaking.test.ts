import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as mupdf from 'mupdf';
import { openPdf } from './helpers/pdf.js';
import { buildInto, ROOT, EPOCH } from './helpers/sample.js';
import { hyphenateFrench, hyphenateTitle, keepWordsWhole } from '../layouts/hyphenation.js';
import { loadContent } from '../src/load/content.js';
import { fileEnv } from '../src/load/env.js';
import { deriveModel } from '../src/derive/model.js';
import { planProgramme } from '../src/paginate/programme.js';
import { registerFonts } from '../src/render/fonts.js';
import { checkLayout, overflowingLine, type LaidOutNode } from '../src/preflight/layout.js';

// Issue 7, "nothing lost": long words, URLs and e-mail addresses break inside their frame.

/** 60 letters, capitalised: no French hyphenation pattern applies to a name. */
const WORD = 'Anticonstitutionnellementissimementextraordinairementincroya';
const TITLE = `Forum ${WORD} de l’emploi`;
const EMAIL = 'contact.inscriptions.forum-emploi-solidaire@association-des-cooperatives-du-carcassonnais.example';
const VENUE = 'https://www.salle-polyvalente-du-bastion-carcassonne.example/acces_plan?etage=2&salle=B';
const URL = 'https://mois-ess.example/evenements/aude-01/forum-de-lemploi-solidaire?utm_source=programme&utm_medium=print';
const PROGRAMME_URL = 'https://www.mois-de-leconomie-sociale-et-solidaire.example/programme/languedoc-roussillon/2016_edition?lang=fr&format=complet';
/** A compound name of 39 characters: breaks after its own hyphens, nothing added. */
const COMMUNE = 'Saint-Rémy-de-Villefranche-sur-Rouergue';
/** 40 digits: printed grouped by thousands with narrow no-break spaces. */
const DIGITS = '1234567890123456789012345678901234567890';
const GROUPED = DIGITS.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202F');

let dir = '';
let out = '';

beforeAll(async () => {
  expect(WORD).toHaveLength(60);
  dir = mkdtempSync(path.join(ROOT, 'tests/.output-breaking-'));
  mkdirSync(path.join(dir, 'events'));
  writeFileSync(
    path.join(dir, 'campaign.yaml'),
    [
      'name: "Mois de l’ESS"',
      'region: "Languedoc-Roussillon"',
      'period: { start: 2016-11-01, end: 2016-11-30 }',
      'organiser: { name: "Cress LR" }',
      `programmeUrl: ${PROGRAMME_URL}`,
      'highlights: [aude-01, aude-02]',
      '',
    ].join('\n'),
  );
  const long = {
    id: 'aude-01', title: TITLE, organiser: EMAIL, venue: VENUE, commune: COMMUNE, departement: '11',
    start: '2016-11-03 09:30', url: URL, free: true, description: `Dossier n° ${DIGITS} à rappeler à l’accueil.`,
  };
  // Enough ordinary events for two columns to need fewer pages than one.
  const others = Array.from({ length: 40 }, (_, i) => ({
    id: `aude-${String(i + 2).padStart(2, '0')}`, title: `Atelier coopératif n° ${i + 1}`, venue: 'Salle des fêtes', commune: 'Narbonne',
    departement: '11', start: `2016-11-${String(4 + (i % 20)).padStart(2, '0')} 18:00`, url: `https://mois-ess.example/evenements/aude-${i + 2}`,
  }));
  writeFileSync(path.join(dir, 'events', '11-aude.yaml'), `events:\n${[long, ...others].map((e) => `  - ${JSON.stringify(e)}`).join('\n')}\n`);
  ({ out } = await buildInto(path.relative(ROOT, dir)));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (out) rmSync(out, { recursive: true, force: true });
});

const open = (file: string) => openPdf(readFileSync(path.join(out, file)));

/**
 * The text of a PDF as MuPDF extracts it, line by line: runs of spaces (incl. no-break ones)
 * as one space, and no space around a line break.
 */
function linesOf(doc: mupdf.Document): string {
  let text = '';
  for (let i = 0; i < doc.countPages(); i++) text += `${doc.loadPage(i).toStructuredText('preserve-whitespace').asText()}\n`;
  return text.normalize('NFC').replace(/[ \t\u00A0\u202F]+/g, ' ').replace(/ *\n */g, '\n');
}

/**
 * Where `expected` is printed: the matched text, allowing a line break between any two of its
 * characters, and where it had a space. With `hyphens`, a break may also carry the hyphen
 * textkit draws at a hyphenation point (words); without, no character may be added (URLs and
 * e-mail addresses: a hyphen there would be typed by the reader).
 */
function printedAs(text: string, expected: string, hyphens: boolean): string[] {
  const chars = [...expected.normalize('NFC').replace(/[\u00A0\u202F]/g, ' ')];
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  let source = '';
  chars.forEach((c, i) => {
    if (c === ' ') source += '[ \\n]';
    else {
      if (i > 0 && chars[i - 1] !== ' ') source += hyphens ? '(?:-?\\n)?' : '\\n?';
      source += esc(c);
    }
  });
  return [...text.matchAll(new RegExp(source, 'g'))].map((m) => m[0]);
}

/** How many times `expected` is printed (see printedAs). */
function printed(text: string, expected: string, hyphens: boolean): number {
  return printedAs(text, expected, hyphens).length;
}

/**
 * Every character MuPDF finds on a page whose box is not inside the page's TrimBox (0.1 pt
 * tolerance). A print file's slug line lies outside the trim by design, beyond the bleed
 * (crop marks, file name, page): characters wholly outside the BleedBox are that line.
 */
function outsideTrim(doc: mupdf.PDFDocument): string[] {
  const bad: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const page = doc.loadPage(i) as mupdf.PDFPage;
    const [x0, y0, x1, y1] = page.getBounds('TrimBox');
    const [bx0, by0, bx1, by1] = page.getBounds('BleedBox');
    let count = 0;
    page.toStructuredText('preserve-whitespace').walk({
      onChar(c, _origin, _font, _size, quad) {
        if (c.trim() === '') return;
        count++;
        const xs = [quad[0], quad[2], quad[4], quad[6]];
        const ys = [quad[1], quad[3], quad[5], quad[7]];
        const [l, t, r, b] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
        const inTrim = l >= x0 - 0.1 && r <= x1 + 0.1 && t >= y0 - 0.1 && b <= y1 + 0.1;
        const slug = r <= bx0 || l >= bx1 || b <= by0 || t >= by1;
        if (!inTrim && !slug) bad.push(`page ${i + 1}: "${c}" at x ${l.toFixed(1)}–${r.toFixed(1)}, y ${t.toFixed(1)}–${b.toFixed(1)} (trim ${x0.toFixed(1)}–${x1.toFixed(1)}, ${y0.toFixed(1)}–${y1.toFixed(1)})`);
      },
    });
    expect(count, `page ${i + 1} has text`).toBeGreaterThan(0);
  }
  return bad;
}

describe('long words, URLs and e-mail addresses break inside their frame', () => {
  it('builds: the layout preflight finds no text wider than its frame', () => {
    // beforeAll would have thrown PreflightError "text overflows its frame" otherwise.
    expect(readFileSync(path.join(out, 'programme.pdf')).length).toBeGreaterThan(0);
  });

  it('prints the title, the address and the number whole in the programme, the title once', () => {
    const text = linesOf(open('programme.pdf'));
    expect(printed(text, TITLE, true), TITLE).toBe(1);
    // The venue is printed in the card's place line; the organiser in the card and in the index.
    expect(printed(text, VENUE, false), VENUE).toBe(1);
    expect(printed(text, EMAIL, false), EMAIL).toBe(2);
    expect(printed(text, GROUPED, false), GROUPED).toBe(1);
    // The commune in the card's place line and in the index.
    expect(printed(text, COMMUNE, true), COMMUNE).toBe(2);
    // The back cover prints the programme's address without its scheme.
    expect(printed(text, PROGRAMME_URL.replace(/^https:\/\//, ''), false)).toBe(1);
    // Each of them did break (the test would prove nothing otherwise), never with an added character.
    for (const s of [WORD, VENUE, EMAIL]) expect(text.replace(/\s/g, ' ')).not.toContain(s);
    expect(text).not.toMatch(/[\u200B\uFFFD]/);
  });

  it('prints them whole in the tract and the affiche', () => {
    const flyer = linesOf(open('flyer.pdf'));
    expect(printed(flyer, TITLE, true)).toBe(1);
    expect(printed(flyer, VENUE, false)).toBe(1);
    expect(printed(flyer, COMMUNE, true)).toBe(1);
    expect(printed(flyer, PROGRAMME_URL.replace(/^https:\/\//, ''), false)).toBe(1);
    const affiche = linesOf(open('affiche.pdf'));
    expect(printed(affiche, PROGRAMME_URL.replace(/^https:\/\//, ''), false)).toBe(1);
  });

  it('breaks a URL or an e-mail address without adding a hyphen, and never after one of its own hyphens', () => {
    const text = linesOf(open('programme.pdf')) + linesOf(open('flyer.pdf')) + linesOf(open('affiche.pdf'));
    for (const address of [VENUE, EMAIL, PROGRAMME_URL.replace(/^https:\/\//, '')]) {
      const seen = printedAs(text, address, false);
      expect(seen.length, address).toBeGreaterThan(0);
      for (const s of seen) {
        expect(s, 'broken across lines').toContain('\n');
        // A line ending in "-" inside an address would read as a hyphenation hyphen.
        expect(s, 'broken after a hyphen').not.toContain('-\n');
      }
    }
  });

  it('leaves no character outside the trim', () => {
    for (const file of ['programme.pdf', 'flyer.pdf', 'affiche.pdf', 'screen/programme.pdf', 'screen/flyer.pdf', 'screen/affiche.pdf']) {
      expect(outsideTrim(open(file)), file).toEqual([]);
    }
  });

  it('keeps the card with the over-long word in two columns, its QR code beside the text', async () => {
    registerFonts(ROOT);
    const content = await loadContent(fileEnv(ROOT, EPOCH), path.relative(ROOT, dir));
    const plan = await planProgramme(deriveModel(content, new Date(Number(EPOCH) * 1000)));
    expect(plan.columns).toBe(2);
    expect([...plan.stacked]).not.toContain('aude-01');
  });
});

describe('the hyphenation callbacks', () => {
  it('split a word into parts that join back to it exactly', () => {
    const words = [WORD, TITLE, EMAIL, VENUE, URL, GROUPED, DIGITS, 'coopératives', 'Carcassonnais', ' ', '  ', 'mois-ess.example', 'Villefranche-de-Rouergue'];
    // Twice: @react-pdf/hyphenate caches the syllables it returns, which must never be altered.
    for (let round = 0; round < 2; round++) {
      for (const w of words) for (const f of [hyphenateFrench, hyphenateTitle, keepWordsWhole]) expect(f(w).join(''), w).toBe(w);
    }
  });

  it('break an address at its punctuation with empty parts (textkit adds no hyphen there)', () => {
    expect(hyphenateFrench('mois-ess.example/languedoc-roussillon')).toEqual(['mois', '', '-ess', '', '.example', '', '/languedoc', '', '-roussillon']);
    expect(hyphenateFrench('jean.dupont@cress-lr.example')).toEqual(['jean', '', '.dupont@', '', 'cress', '', '-lr', '', '.example']);
    expect(hyphenateFrench('https://x.example/a?b=c')).toEqual(['https://', '', 'x', '', '.example', '', '/a', '', '?b', '', '=', '', 'c']);
  });

  it('keep words tied by a no-break space whole (a paragraph never ends on a word’s fragment), but break a grouped number too long for a line', () => {
    // Before: the tie of a description's last two words (26 characters) was taken for an
    // over-long word and cut every 4 letters: « acco-⏎mpagnateurs. » alone on the last line.
    expect(hyphenateFrench('bénévoles\u00A0accompagnateurs.')).toEqual(['bénévoles\u00A0accompagnateurs.']);
    expect(hyphenateFrench('solidaires\u00A0montpelliéraines')).toEqual(['solidaires\u00A0montpelliéraines']);
    expect(hyphenateFrench(GROUPED).length).toBeGreaterThan(1);
  });

  it('keep French hyphenation for ordinary words, and names and short addresses whole', () => {
    expect(hyphenateFrench('coopératives')).toEqual(['co', 'opé', 'ra', 'tives']);
    expect(hyphenateFrench('Carcassonnais')).toEqual(['Carcassonnais']);
    expect(hyphenateFrench('Languedoc-Roussillon')).toEqual(['Languedoc-Roussillon']);
    expect(hyphenateFrench('cress.example')).toEqual(['cress', '', '.example']);
    expect(hyphenateFrench('x.example')).toEqual(['x.example']);
    expect(hyphenateTitle('coopérative')).toEqual(['coopérative']);
    expect(keepWordsWhole('coopératives')).toEqual(['coopératives']);
  });

  it('break an over-long word as a last resort: syllables with a hyphen, digits without', () => {
    const parts = keepWordsWhole(WORD);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts).not.toContain(''); // letters: every break gets textkit's hyphen
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(8);
    expect(hyphenateFrench(DIGITS).filter((p) => p !== '')).toEqual(['1234', '5678', '9012', '3456', '7890', '1234', '5678', '9012', '3456', '7890']);
    expect(hyphenateFrench(DIGITS).filter((p) => p === '')).toHaveLength(9);
    // A long compound breaks after its own hyphens, with nothing added there.
    expect(hyphenateFrench('Languedoc-Roussillon-Midi-Pyrénées').join('|')).toBe('Lan|gue|doc-||Rous|sillon-||Midi-||Py|ré|nées');
  });
});

describe('the layout preflight, kept as a guard', () => {
  it('still refuses a line wider than its frame, naming the page and the event', () => {
    const text: LaidOutNode = { type: 'TEXT', box: { left: 0, top: 0, width: 100, height: 12 }, lines: [{ xAdvance: 150, string: 'Supercalifragilistic' }] };
    const tree: LaidOutNode = {
      type: 'DOCUMENT',
      children: [{ type: 'PAGE', children: [{ type: 'VIEW', props: { id: 'event-t-01' }, box: { left: 50, top: 50, width: 100, height: 40 }, children: [text] }] }],
    };
    expect(overflowingLine(tree)).toBe('Supercalifragilistic');
    expect(checkLayout(tree, { trim: { left: 0, top: 0, width: 420, height: 595 }, margin: 8.5 })).toEqual([
      'page 1, event-t-01: text overflows its frame by 50.0 pt: "Supercalifragilistic" — a word or URL is wider than its column',
    ]);
  });
});
