import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { importEvents } from '../src/import/index.js';
import { build } from '../src/build.js';
import { frenchText } from '../src/derive/typography.js';
import { escapeHtml } from '../src/site/html.js';
import { departement } from '../src/model/departements.js';
import { openPdf, pageTexts, decodeQrCodes, collapse, textLines, findQrCodes } from './helpers/pdf.js';
import { titleProblems } from './helpers/typeset.js';
import { tieShortWords } from '../layouts/hyphenation.js';
import { ROOT, EPOCH } from './helpers/sample.js';
// The pdf-lib build encre's modules use (namedDestinations checks its classes).
import { PDFDocument } from '../src/post/pdf-lib.js';
import { loadContent } from '../src/load/content.js';
import { fileEnv } from '../src/load/env.js';
import { deriveModel } from '../src/derive/model.js';
import { fittedPlan as planProgramme } from '../src/documents/programme.js';
import { namedDestinations } from '../src/post/inspect.js';

/** The real-data example: the festivals of Occitanie from the Panorama des festivals. */
const work = mkdtempSync(path.join(os.tmpdir(), 'encre-festivals-'));
const content = path.join(work, 'content');
let events: { id: string; title: string; url?: string; departement: string }[] = [];
let pdf: ReturnType<typeof openPdf>;
let bytes: Buffer;
const out = path.join(work, 'out');
/** The site's address (examples/festivals/mapping.yaml, campaign.site.baseUrl). */
const SITE = 'https://festivals-occitanie.example.org/';

beforeAll(async () => {
  await importEvents({
    file: path.join(ROOT, 'examples/festivals/data/panorama-des-festivals.csv'),
    mapping: path.join(ROOT, 'examples/festivals/mapping.yaml'),
    filters: [],
    outDir: content,
  });
  for (const f of readdirSync(path.join(content, 'events'))) {
    events.push(...(parse(readFileSync(path.join(content, 'events', f), 'utf8')) as { events: typeof events }).events);
  }
  await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme'], sourceDateEpoch: EPOCH });
  bytes = readFileSync(path.join(out, 'programme.pdf'));
  pdf = openPdf(bytes);
});

describe('the festivals of Occitanie (real open data)', () => {
  it('imports the 382 festivals of Région = Occitanie (13 listed twice, merged), 356 with a website, each printed once', () => {
    expect(events).toHaveLength(382);
    expect(events.filter((e) => e.url)).toHaveLength(356);
    // « Surrealizm » and « Tout Simplement Hip Hop » (among 13) are each two identical rows of the source: one event each.
    expect(events.filter((e) => /^(Surrealizm|Tout Simplement Hip Hop)$/i.test(e.title)).map((e) => e.id).sort()).toEqual(['kb029', 'kd253']);
  });

  it('prints every festival name and the 13 départements as headings', () => {
    const pages = pageTexts(pdf);
    const text = pages.join(' ');
    // Compared without hyphens: a compound may break after its own hyphen (« Argelès-sur-⏎Mer »),
    // which the extraction cannot tell from a hyphenation.
    const plain = text.replace(/-/g, '');
    for (const e of events) expect(plain, e.id).toContain(collapse(tieShortWords(frenchText(e.title))).replace(/-/g, ''));
    const codes = [...new Set(events.map((e) => e.departement))];
    expect(codes).toHaveLength(13);
    for (const code of codes) expect(text).toContain(`${code} ${departement(code).name}`);
    expect(pdf.countPages() % 4).toBe(0);
    // The running heads name the campaign once (its name already says Occitanie).
    expect(text).toContain('Festivals en Occitanie 2019');
    expect(text).not.toContain('Occitanie 2019 · Occitanie');
  });

  it('never hyphenates a festival\'s name, and leaves none with one word on its last line', () => {
    const lines = Array.from({ length: pdf.countPages() }, (_, i) => textLines(pdf, i));
    // A last pair too long to share a line of the column (about 37 mm beside the QR code) is
    // left untied: the pair counted with the words tied to it (« du cinéma d’animation »).
    expect(titleProblems(lines, events, (title) => title.trim().split(' ').slice(-2).join(' ').length > 18)).toEqual([]);
  });

  it('sets the cards of two columns as a designer would: one title size a page, no line ending on a short word nor starting with a dash, codes beside the text at a scannable size', () => {
    const texts = pageTexts(pdf);
    const index = texts.findIndex((t, i) => i > 2 && /Communes/.test(t));
    const problems: string[] = [];
    for (let i = 3; i < index; i++) {
      const lines = textLines(pdf, i);
      // Titles: the event title's step (10.5 pt, copyfit keeps it from 9.5 pt).
      const sizes = new Set(lines.filter((l) => l.size >= 9 && l.size <= 11).map((l) => l.size.toFixed(1)));
      if (sizes.size > 1) problems.push(`page ${i + 1}: title sizes ${[...sizes].join(', ')}`);
      for (const l of lines) {
        const t = l.text.trim();
        if (/(?:^|[\s\u00a0])(le|la|les|un|une|des|du|de|à|au|aux|en|et)$/iu.test(t)) problems.push(`page ${i + 1}: « ${t} » ends on a short word`);
        if (/^[-–—]\s/u.test(t)) problems.push(`page ${i + 1}: « ${t} » starts with a dash`);
      }
    }
    expect(problems).toEqual([]);
    // A page of cards: each code at least its modules × the printer's 0.33 mm, beside its text (the text column is most of the card's).
    const codes = findQrCodes(pdf, 9, 150);
    expect(codes.length).toBeGreaterThan(0);
    for (const { box, modules } of codes) expect(((box[2] - box[0]) * 25.4) / 72).toBeGreaterThanOrEqual(modules * 0.33 - 0.2);
  });

  it('indexes a commune name several départements share once per département, with its colour, and never breaks a compound name', () => {
    const texts = pageTexts(pdf);
    const index = texts.map((t, i) => ({ t, i })).filter(({ t, i }) => i > 2 && /Communes|Organisateurs/.test(t));
    const all = index.map(({ t }) => t).join(' ');
    expect(all).toMatch(/Gignac \(34\)/);
    expect(all).toMatch(/Gignac \(46\)/);
    for (const { i } of index) for (const l of textLines(pdf, i)) expect(l.text.trim(), `index page ${i + 1}`).not.toMatch(/\p{L}-$/u);
  });

  it('prints a QR code for every festival, website or not, leading to its page on the campaign\'s site, a file of out/site/ naming it', () => {
    const decoded: string[] = [];
    // At 250 dpi: a two-column card's 15 mm code of 29 modules has 2.5 px modules at 150 dpi, where jsQR misses some.
    for (let i = 0; i < pdf.countPages(); i++) decoded.push(...decodeQrCodes(pdf, i, 250));
    const pages = decoded.filter((d) => d !== SITE);
    expect(pages.sort()).toEqual(events.map((e) => `${SITE}e/${e.id}/`).sort());
    for (const e of events) {
      const html = readFileSync(path.join(out, 'site/e', e.id, 'index.html'), 'utf8');
      expect(html, e.id).toContain(`<h1>${escapeHtml(frenchText(e.title))}</h1>`);
      // The festival's own website, when it has one, is on its page.
      if (e.url) expect(html, e.id).toContain(`href="${escapeHtml(new URL(e.url).href)}" rel="nofollow noopener"`);
    }
  });

  it('draws every festival on the page its plan gives it, the front pages first, though they are drawn last', async () => {
    // The programme is drawn while it is planned, a run of pages at a time (its cards measured
    // 200 at a time: 382 festivals make two runs), and its front pages once the sections'
    // pages are known: the file must still be the plan, page for page.
    const model = deriveModel(await loadContent(fileEnv(ROOT, EPOCH), path.relative(ROOT, content)), new Date(Number(EPOCH) * 1000));
    const plan = await planProgramme(model);
    expect(pdf.countPages()).toBe(plan.pages.length);
    const dests = namedDestinations(await PDFDocument.load(bytes));
    let placed = 0;
    plan.pages.forEach((page, i) => {
      if (page.kind !== 'events') return;
      for (const seg of page.segments) for (const row of seg.rows) for (const e of row) {
        expect(dests.get(`event-${e.id}`), e.id).toBe(i + 1);
        placed++;
      }
    });
    expect(placed).toBe(382);
    const pages = pageTexts(pdf);
    expect(pages[0]).toContain('Programme');
    expect(pages[2]).toContain('Sommaire');
    // The contents gives each département's first page, where its heading is.
    for (const [code, n] of plan.sectionPages) expect(pages[n - 1], code).toContain(`${code} ${departement(code).name}`);
    expect(pages[plan.pages.length - 1]).not.toContain('Sommaire');
    // The index's later pages, which open in the middle of the communes, say so.
    const index = plan.pages.flatMap((p, i) => (p.kind === 'index' ? [i] : []));
    expect(index.length).toBeGreaterThan(1);
    expect(pages[index[0]!]).not.toContain('Communes (suite)');
    for (const i of index.slice(1)) expect(pages[i], `page ${i + 1}`).toContain('Communes (suite)');
  });
});
