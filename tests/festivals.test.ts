import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { importEvents } from '../src/import/index.js';
import { build } from '../src/build.js';
import { frenchText } from '../src/derive/typography.js';
import { departement } from '../src/model/departements.js';
import { openPdf, pageTexts, decodeQrCodes, collapse, textLines } from './helpers/pdf.js';
import { findSet, oneWordLastLine } from './helpers/typeset.js';
import { ROOT, EPOCH } from './helpers/sample.js';
import { PDFDocument } from 'pdf-lib';
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
  const out = path.join(work, 'out');
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
    for (const e of events) expect(plain, e.id).toContain(collapse(frenchText(e.title)).replace(/-/g, ''));
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
    const problems: string[] = [];
    for (const e of events) {
      const set = lines.map((l) => findSet(l, frenchText(e.title))).find(Boolean);
      if (!set) problems.push(`${e.id}: not found on consecutive lines`);
      else if (set.hyphenated.length > 0) problems.push(`${e.id}: hyphenated ${JSON.stringify(set.lines)}`);
      // Two columns with the QR code beside leave a title about 30 mm: a last pair of words
      // longer than 20 characters cannot share a line even at 70 % of the title's size
      // (EventCard's TITLE_SHRINK), and is left untied.
      else if (oneWordLastLine(set) && frenchText(e.title).trim().split(/\s+/).slice(-2).join(' ').length <= 20) problems.push(`${e.id}: one word on the last line ${JSON.stringify(set.lines)}`);
    }
    expect(problems).toEqual([]);
  });

  it('prints a QR code for each festival with a website, decoding to its normalised URL, and none for the others', () => {
    const decoded: string[] = [];
    for (let i = 0; i < pdf.countPages(); i++) decoded.push(...decodeQrCodes(pdf, i));
    const urls = events.flatMap((e) => (e.url ? [e.url] : []));
    for (const url of urls) expect(decoded, url).toContain(url);
    // Every decoded code is a festival's website (none invented), one per festival with a website.
    expect(decoded.filter((d) => urls.includes(d))).toHaveLength(356);
    expect(decoded.every((d) => /^https?:\/\/[^/]+\./.test(d))).toBe(true);
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
