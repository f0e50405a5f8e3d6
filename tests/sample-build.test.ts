import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openPdf, pageTexts, pageSizesMm, decodeQrCodes, collapse, findQrCodes, textLines } from './helpers/pdf.js';
import { theme } from '../layouts/theme.js';
import { titleProblems, descriptionProblems } from './helpers/typeset.js';
import { rawEvents } from './helpers/sample.js';
import { sharedBuild } from './helpers/shared.js';
import { frenchText } from '../src/derive/typography.js';
import { escapeHtml } from '../src/site/html.js';

const events = rawEvents('content');
let out = '';

beforeAll(async () => {
  out = await sharedBuild('sample');
});

const open = (file: string) => openPdf(readFileSync(path.join(out, file)));
/** The sample's site address (content/campaign.yaml site.baseUrl). */
const BASE_URL = 'https://mois-ess.example.org/';
/** The file of out/site/ a URL under BASE_URL leads to, as a static host serves it (a folder: its index.html). */
const siteFile = (url: string) => readFileSync(path.join(out, 'site', url.slice(BASE_URL.length), url.endsWith('/') ? 'index.html' : ''), 'utf8');

describe('the sample campaign builds its four documents', () => {
  it('has the 75 events of the 2016 Languedoc-Roussillon campaign', () => {
    expect(events).toHaveLength(75);
  });

  it('prints every event title in the programme text, each exactly once', () => {
    const text = pageTexts(open('programme.pdf')).join(' ');
    for (const e of events) {
      const title = collapse(frenchText(e.title));
      expect(text, e.id).toContain(title);
      expect(text.split(title).length - 1, `${e.id} printed once`).toBe(1);
    }
  });

  it('names in the table of contents and the index the pages where each département and commune actually is', () => {
    const pages = pageTexts(open('programme.pdf'));
    const sommaire = pages[2]!;
    const departements: Record<string, string> = { '11': 'Aude', '30': 'Gard', '34': 'Hérault', '48': 'Lozère', '66': 'Pyrénées-Orientales' };
    for (const [code, name] of Object.entries(departements)) {
      const page = Number(new RegExp(`${code} ${name} \\d+ événements (\\d+)`).exec(sommaire)?.[1]);
      expect(page, name).toBeGreaterThan(3);
      expect(pages[page - 1], `${name} on page ${page}`).toContain(`${code} ${name}`);
    }
    const indexStart = Number(/Index des communes et des organisateurs (\d+)/.exec(sommaire)?.[1]);
    const index = pages.slice(indexStart - 1).join(' ');
    const communes = [...new Set(events.map((e) => e.commune))];
    expect(communes.length).toBeGreaterThan(20);
    for (const commune of communes) {
      const listed = new RegExp(`${commune.replace(/[-']/g, '.')} (\\d+(?:, \\d+)*)`).exec(index);
      expect(listed, commune).not.toBeNull();
      for (const n of listed![1]!.split(', ').map(Number)) expect(pages[n - 1], `${commune} on page ${n}`).toContain(commune);
    }
  });

  it('links each line of the contents, the index’s too, to its page in the screen file', () => {
    const doc = open('screen/programme.pdf');
    const pages = pageTexts(doc);
    const links = doc.loadPage(2).getLinks().map((l) => ({ uri: l.getURI(), page: doc.resolveLink(l) }));
    expect(links.map((l) => l.uri)).toEqual(['11', '30', '34', '48', '66'].map((c) => `#nameddest=section-${c}`).concat('#nameddest=index'));
    const names: Record<string, string> = { '11': 'Aude', '30': 'Gard', '34': 'Hérault', '48': 'Lozère', '66': 'Pyrénées-Orientales' };
    for (const { uri, page } of links) {
      const code = /section-(\d+)/.exec(uri)?.[1];
      if (code) expect(pages[page], uri).toContain(`${code} ${names[code]}`);
      else expect(pages[page]!.startsWith('Index') || pages[page]!.includes('Index Communes'), uri).toBe(true);
    }
  });

  it('never hyphenates a name in the index: each organiser reads whole, a long one wrapped at a space', () => {
    const doc = open('programme.pdf');
    const indexStart = Number(/Index des communes et des organisateurs (\d+)/.exec(pageTexts(doc)[2]!)?.[1]);
    // The text as set, lines joined by a space (pageTexts would join « em-⏎ployeurs »); a
    // compound's own hyphen at a line's end is kept with the next part.
    let raw = '';
    for (let i = indexStart - 1; i < doc.countPages(); i++) raw += ` ${doc.loadPage(i).toStructuredText('preserve-whitespace').asText()}`;
    const index = collapse(raw).replace(/(\p{L})- /gu, '$1-');
    const organisers = [...new Set(events.flatMap((e) => (e.organiser ? [collapse(frenchText(e.organiser))] : [])))];
    expect(organisers.length).toBeGreaterThan(40);
    for (const name of organisers) expect(index, name).toContain(name);
  });

  it('sets French punctuation: a narrow or plain no-break space after « and before » ! ? ;', () => {
    const doc = open('programme.pdf');
    let text = '';
    for (let i = 0; i < doc.countPages(); i++) text += `${doc.loadPage(i).toStructuredText('preserve-whitespace').asText()}\n`;
    expect(text).toContain('«');
    const bad: string[] = [];
    for (const m of text.matchAll(/«(.)/gs)) if (!/[\u202F\u00A0]/.test(m[1]!)) bad.push(text.slice(m.index - 10, m.index + 10));
    for (const m of text.matchAll(/(.)([»!?;])/gs)) if (!/[\u202F\u00A0]/.test(m[1]!)) bad.push(text.slice(m.index - 15, m.index + 5));
    expect(bad).toEqual([]);
  });

  it('gives each event a French date and time', () => {
    const text = pageTexts(open('programme.pdf')).join(' ');
    // herault-01 starts 2016-11-02 at 18:30 in the sample content
    expect(text).toMatch(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} novembre 2016, \d{1,2} h( \d{2})?/);
    expect(text).not.toMatch(/\d{1,2}:\d{2}/);
  });

  it('has pages of the right size (±0.1 mm): A5, A3, A5, A4', () => {
    const expected: Record<string, [number, number]> = {
      'programme.pdf': [148, 210],
      'affiche.pdf': [297, 420],
      'flyer.pdf': [148, 210],
      'dossier-de-presse.pdf': [210, 297],
    };
    for (const [file, [w, h]] of Object.entries(expected)) {
      const sizes = pageSizesMm(open(file));
      expect(sizes.length, file).toBeGreaterThan(0);
      for (const [pw, ph] of sizes) {
        expect(Math.abs(pw - w), file).toBeLessThan(0.1);
        expect(Math.abs(ph - h), file).toBeLessThan(0.1);
      }
    }
  });

  it('has a programme whose page count is a multiple of 4, an affiche of 1 page, a tract of 2', () => {
    expect(open('programme.pdf').countPages() % 4).toBe(0);
    expect(open('affiche.pdf').countPages()).toBe(1);
    expect(open('flyer.pdf').countPages()).toBe(2);
    expect(open('dossier-de-presse.pdf').countPages()).toBeGreaterThanOrEqual(3);
  });

  it('prints a QR code per event that decodes, from the pixels, to its page on the site, a file of out/site/ naming it', () => {
    const doc = open('programme.pdf');
    const decoded: string[] = [];
    for (let i = 0; i < doc.countPages(); i++) decoded.push(...decodeQrCodes(doc, i));
    const onSite = decoded.filter((u) => u.startsWith(BASE_URL));
    // Every code of the programme leads into the site: the events' pages, and the home page on the back cover.
    expect(onSite).toEqual(decoded);
    expect(onSite.filter((u) => u !== BASE_URL).sort()).toEqual(events.map((e) => `${BASE_URL}e/${e.id}/`).sort());
    for (const e of events) {
      const html = siteFile(`${BASE_URL}e/${e.id}/`);
      expect(html, e.id).toContain(`<h1>${escapeHtml(frenchText(e.title))}</h1>`);
      expect(html, e.id).toContain(`"@id":"${BASE_URL}e/${e.id}/#evenement"`);
    }
  });

  it('puts the site’s QR code on the affiche and the tract: its home page', () => {
    expect(decodeQrCodes(open('affiche.pdf'), 0)).toEqual([BASE_URL]);
    expect(decodeQrCodes(open('flyer.pdf'), 1)).toEqual([BASE_URL]);
    expect(siteFile(BASE_URL)).toContain('<h1>Mois de l’ESS');
  });

  it('writes the press kit figures computed from the content', () => {
    const text = pageTexts(open('dossier-de-presse.pdf')).join(' ');
    expect(text).toContain('75 événements');
    expect(text).toContain('23 %'); // 17 of 75 co-organised
    expect(text).toContain('4 000');
    expect(text).toContain('10 000 €');
    expect(text).toContain('Agir Ensemble');
  });

  it('embeds every font (no standard 14 font)', () => {
    for (const file of ['programme.pdf', 'affiche.pdf', 'flyer.pdf', 'dossier-de-presse.pdf']) {
      const bytes = readFileSync(path.join(out, file)).toString('latin1');
      expect(bytes, file).not.toMatch(/\/BaseFont\s*\/(Helvetica|Times|Courier)/);
      expect(bytes, file).toMatch(/\/FontFile3?/);
    }
  });

});

/** Millimetres from pt. */
const toMm = (pt: number) => (pt * 25.4) / 72;

describe('the programme a designer signs off (issue 13), on the sample', () => {
  /** The events pages (1-based), from the first section to the index, as the contents give them. */
  const eventsPages = (pages: string[]) => {
    const first = Number(/Aude \d+ événements (\d+)/.exec(pages[2]!)![1]);
    const index = Number(/Index des communes et des organisateurs (\d+)/.exec(pages[2]!)![1]);
    return Array.from({ length: index - first }, (_, i) => first + i);
  };

  it('leaves no blank foot over 10 mm on an events page but the last, spacing the cards of a page evenly, at most copyfit.maxGap more than their padding (text and QR codes measured)', () => {
    const doc = open('screen/programme.pdf');
    const pages = eventsPages(pageTexts(doc));
    expect(pages.length).toBeGreaterThan(10);
    // The text area: 15 mm from the top, 16 mm from the foot of the A5 page (the theme's margins).
    const top = (15 * 72) / 25.4;
    const bottom = ((210 - 16) * 72) / 25.4;
    // Between two cards: their paddings (the theme's), plus at most maxGap when the page is spread.
    const unspread = theme.card.padding.top + theme.card.padding.bottom;
    const most = unspread + theme.copyfit.maxGap;
    const pageGaps = pages.slice(0, -1).map((n) => {
      const inArea = (b: number[]) => b[1]! >= top - 1 && b[1]! < bottom;
      const lines = textLines(doc, n - 1);
      const boxes = [...lines.map((l) => l.box), ...findQrCodes(doc, n - 1, 100).map((q) => q.box)].filter(inArea);
      // A section's header ends in its count (« 12 événements »): the white around it is not between cards.
      const headers = lines.filter((l) => /^[\d\s\u202f]+\sévénements?$/iu.test(l.text.trim())).map((l) => l.box[3]);
      const spans = boxes.map((b) => [b[1]!, b[3]!]).sort((a, b) => a[0]! - b[0]!);
      const merged: number[][] = [];
      for (const v of spans) {
        const last = merged[merged.length - 1];
        if (last && v[0]! <= last[1]! + 0.5) last[1] = Math.max(last[1]!, v[1]!);
        else merged.push([...v]);
      }
      const holdsHeader = (m: number[]) => headers.some((y) => y! >= m[0]! - 0.5 && y! <= m[1]! + 0.5);
      // White between two blocks wider than the paddings less 1 mm: between cards, unless a header is on either side.
      const gaps = merged.slice(1).flatMap((m, k) => {
        const above = merged[k]!;
        if (holdsHeader(above) || holdsHeader(m)) return [];
        const g = toMm(m[0]! - above[1]!);
        return g > unspread - 1 ? [g] : [];
      });
      return { page: n, foot: toMm(bottom - Math.max(...boxes.map((b) => b[3]!))), gaps };
    });
    const report = JSON.stringify(pageGaps.map((p) => `${p.page}: foot ${p.foot.toFixed(1)}, gaps ${p.gaps.map((g) => g.toFixed(1)).join(' ')}`));
    expect(pageGaps.filter((p) => p.foot > 10), report).toEqual([]);
    expect(pageGaps.filter((p) => p.gaps.length > 1 && Math.max(...p.gaps) - Math.min(...p.gaps) > 1), `cards spaced unevenly: ${report}`).toEqual([]);
    expect(pageGaps.filter((p) => p.gaps.some((g) => g > most + 1)), `a gap over the most: ${report}`).toEqual([]);
  });

  it('ends no line of a card on a short word nor on a stray hyphen, nor starts one with a dash, and keeps the organiser line\'s items whole (« co-organisé par la Cress »)', () => {
    const doc = open('screen/programme.pdf');
    const problems: string[] = [];
    for (const n of eventsPages(pageTexts(doc))) {
      for (const l of textLines(doc, n - 1)) {
        const t = l.text.trim();
        if (/(?:^|[\s\u00a0])(le|la|les|un|une|des|du|de|à|au|aux|en|et)$/iu.test(t)) problems.push(`page ${n}: « ${t} »`);
        if (/^[-–—]\s/u.test(t)) problems.push(`page ${n}: « ${t} » starts with a dash`);
        // A hyphen is put only where a word breaks: never after a separator (« Gratuit ·- »).
        if (/[^\p{L}]-$/u.test(t)) problems.push(`page ${n}: « ${t} » ends with a hyphen after no letter`);
        if (/^(?:la Cress|Cress|par la Cress|organisé par la Cress)$/.test(t)) problems.push(`page ${n}: « ${t} » alone`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no index page with fewer than 12 entries', () => {
    const doc = open('screen/programme.pdf');
    const texts = pageTexts(doc);
    const index = Number(/Index des communes et des organisateurs (\d+)/.exec(texts[2]!)![1]);
    for (let n = index; n <= texts.length && !/Tout le programme/.test(texts[n - 1]!); n++) {
      // An entry ends in its page numbers.
      const entries = textLines(doc, n - 1).filter((l) => /^\d+(?:[–,\s]+\d+)*$/.test(l.text.trim())).length;
      expect(entries, `index page ${n}`).toBeGreaterThanOrEqual(12);
    }
  });

  it('never hyphenates a title, and leaves no title with one word on its last line', () => {
    const doc = open('screen/programme.pdf');
    const lines = Array.from({ length: doc.countPages() }, (_, i) => textLines(doc, i));
    expect(titleProblems(lines, events)).toEqual([]);
  });

  it('sets every description whole, never ending on one word or a word’s fragment', () => {
    const doc = open('screen/programme.pdf');
    const lines = Array.from({ length: doc.countPages() }, (_, i) => textLines(doc, i));
    expect(events.filter((e) => e.description).length).toBe(75);
    expect(descriptionProblems(lines, events)).toEqual([]);
  });

  it('names the section in the running head of facing pages alike: « (suite) » on rectos and versos when it continues', () => {
    const texts = pageTexts(open('screen/programme.pdf'));
    const pages = eventsPages(texts);
    const heads = pages.map((n) => /^(?:.*?Languedoc-Roussillon )?([A-ZÉÈ’'\- ]+?(?: \(SUITE\))?) /.exec(texts[n - 1]!)?.[1] ?? '');
    const continued = pages.filter((_, i) => heads[i]!.endsWith('(SUITE)'));
    expect(continued.some((n) => n % 2 === 0)).toBe(true);
    expect(continued.some((n) => n % 2 === 1)).toBe(true);
  });

  it('keeps every line of text 1.5 mm or more clear of a QR code’s quiet zone', () => {
    const doc = open('screen/programme.pdf');
    const clearance = (1.5 * 72) / 25.4;
    const problems: string[] = [];
    for (const n of eventsPages(pageTexts(doc))) {
      const codes = findQrCodes(doc, n - 1, 150);
      expect(codes.length, `page ${n}`).toBeGreaterThan(0);
      for (const { box, modules } of codes) {
        // The quiet zone: 4 modules around the dark ones.
        const module = (box[2] - box[0]) / modules;
        const [x0, y0, x1, y1] = [box[0] - 4 * module - clearance, box[1] - 4 * module - clearance, box[2] + 4 * module + clearance, box[3] + 4 * module + clearance];
        for (const l of textLines(doc, n - 1)) {
          const [a, b, c, d] = l.box;
          if (a < x1 && c > x0 && b < y1 && d > y0 && l.text.trim()) problems.push(`page ${n}: « ${l.text.trim()} » ${toMm(Math.min(c - x0, x1 - a)).toFixed(1)} mm into the QR code's clear area`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
