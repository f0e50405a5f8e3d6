import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { importEvents } from '../src/import/index.js';
import { build } from '../src/build.js';
import { frenchText } from '../src/derive/typography.js';
import { departement } from '../src/model/departements.js';
import { openPdf, pageTexts, decodeQrCodes, collapse } from './helpers/pdf.js';
import { ROOT, EPOCH } from './helpers/sample.js';

/** The real-data example: the festivals of Occitanie from the Panorama des festivals. */
const work = mkdtempSync(path.join(os.tmpdir(), 'encre-festivals-'));
const content = path.join(work, 'content');
let events: { id: string; title: string; url?: string; departement: string }[] = [];
let pdf: ReturnType<typeof openPdf>;

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
  pdf = openPdf(readFileSync(path.join(out, 'programme.pdf')));
});

describe('the festivals of Occitanie (real open data)', () => {
  it('imports the 395 festivals of Région = Occitanie, 368 with a website', () => {
    expect(events).toHaveLength(395);
    expect(events.filter((e) => e.url)).toHaveLength(368);
  });

  it('prints every festival name and the 13 départements as headings', () => {
    const pages = pageTexts(pdf);
    const text = pages.join(' ');
    for (const e of events) expect(text, e.id).toContain(collapse(frenchText(e.title)));
    const codes = [...new Set(events.map((e) => e.departement))];
    expect(codes).toHaveLength(13);
    for (const code of codes) expect(text).toContain(`${code} ${departement(code).name}`);
    expect(pdf.countPages() % 4).toBe(0);
  });

  it('prints a QR code for each festival with a website, decoding to its normalised URL, and none for the others', () => {
    const decoded: string[] = [];
    for (let i = 0; i < pdf.countPages(); i++) decoded.push(...decodeQrCodes(pdf, i));
    const urls = events.flatMap((e) => (e.url ? [e.url] : []));
    for (const url of urls) expect(decoded, url).toContain(url);
    // Every decoded code is a festival's website (none invented), one per festival with a website.
    expect(decoded.filter((d) => urls.includes(d))).toHaveLength(368);
    expect(decoded.every((d) => /^https?:\/\/[^/]+\./.test(d))).toBe(true);
  });
});
