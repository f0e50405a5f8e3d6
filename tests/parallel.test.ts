import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { blocksLaidOut } from '../src/paginate/measure.js';
import { PreflightError } from '../src/model/errors.js';
import { ROOT, EPOCH } from './helpers/sample.js';
import { openPdf, pageTexts } from './helpers/pdf.js';
import { sharedBuild } from './helpers/shared.js';

/** Every PDF of an output folder (the site's copy of the programme aside), by its path in it. */
function pdfsIn(out: string): Map<string, Buffer> {
  return new Map(readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf') && !f.startsWith('site/')).sort().map((f) => [f, readFileSync(path.join(out, f))]));
}

/** Every file of the site of an output folder (out/site/), by its path in it. */
function siteIn(out: string): Map<string, Buffer> {
  const dir = path.join(out, 'site');
  return new Map(readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(path.join(dir, f)).isFile()).sort().map((f) => [f, readFileSync(path.join(dir, f))]));
}

describe('worker threads', () => {
  it('make the same bytes as one thread, for every file of the sample (and a second build the same bytes as the first)', async () => {
    // The run's shared build of the sample is made in one thread (75 events: below WORKERS_FROM_EVENTS).
    const one = await sharedBuild('sample');
    const two = mkdtempSync(path.join(os.tmpdir(), 'encre-threads2-'));
    const lines: string[] = [];
    const b = await build({ root: ROOT, content: 'content', out: two, documents: [], sourceDateEpoch: EPOCH, threads: 2, log: (l) => lines.push(l) });
    // The files built, besides the job sheet and the print files' copies under the printer's names.
    const made = (f: string) => !f.startsWith('imprimeur/') && !f.startsWith('fiche-de-fabrication');
    expect(b.map((x) => path.relative(two, path.resolve(ROOT, x.file))).sort()).toEqual([...pdfsIn(one).keys()].filter(made));
    const pa = pdfsIn(one);
    const pb = pdfsIn(two);
    expect([...pb.keys()].sort()).toEqual([...pa.keys()].sort());
    expect([...pa.keys()].filter(made)).toHaveLength(8);
    for (const [file, bytes] of pa) expect(pb.get(file)!.equals(bytes), file).toBe(true);
    for (const f of ['preflight.json', 'fiche-de-fabrication.json']) expect(readFileSync(path.join(two, f), 'utf8'), f).toBe(readFileSync(path.join(one, f), 'utf8'));
    // The campaign's site too (content/campaign.yaml has a site: block), file for file.
    const sa = siteIn(one);
    const sb = siteIn(two);
    expect([...sb.keys()]).toEqual([...sa.keys()]);
    for (const [file, bytes] of sa) expect(sb.get(file)!.equals(bytes), `site/${file}`).toBe(true);
    // Each file is reported once, in a fixed order.
    expect(lines.filter((l) => l.includes('programme.pdf')).length).toBe(2);
  });

  it('bring failed checks back with their class, all of them, and write nothing', async () => {
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-threads-'));
    try {
      cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
      const campaign = path.join(dir, 'campaign.yaml');
      // A 72 ppi partner logo, on the affiche and in the dossier de presse: both refused.
      const logo = path.join(dir, 'low.png');
      writeFileSync(logo, await sharp({ create: { width: 34, height: 34, channels: 3, background: '#336699' } }).png().toBuffer());
      writeFileSync(
        campaign,
        readFileSync(campaign, 'utf8')
          .replace(/^partners:\n/m, `partners:\n  - { name: Basse résolution, logo: ${path.basename(logo)} }\n`),
      );
      const out = mkdtempSync(path.join(os.tmpdir(), 'encre-threads-fail-'));
      const error = await build({ root: ROOT, content: path.relative(ROOT, dir), out, documents: ['affiche', 'dossier'], outputs: ['print'], sourceDateEpoch: EPOCH, threads: 2 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PreflightError);
      // Every file's problems in one report, in build order, whichever thread finished first.
      expect((error as Error).message).toMatch(/^affiche\.pdf:\n  page 1: image [^\n]+72 ppi/);
      expect((error as Error).message).toMatch(/\ndossier-de-presse\.pdf:\n  [^\n]*72 ppi/);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('build cache', () => {
  it('gives back unchanged files as they were, and renders again only what an edit changed', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'encre-cache-'));
    const dir = mkdtempSync(path.join(ROOT, 'tests/.output-cache-'));
    const saved = { ENCRE_CACHE: process.env.ENCRE_CACHE, ENCRE_CACHE_DIR: process.env.ENCRE_CACHE_DIR };
    process.env.ENCRE_CACHE = '1';
    process.env.ENCRE_CACHE_DIR = cacheDir;
    try {
      cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
      const content = path.relative(ROOT, dir);
      const run = async () => {
        const out = mkdtempSync(path.join(os.tmpdir(), 'encre-cached-'));
        const lines: string[] = [];
        await build({ root: ROOT, content, out, documents: ['programme', 'affiche'], outputs: ['print'], sourceDateEpoch: EPOCH, threads: 0, log: (l) => lines.push(l) });
        const cached = lines.filter((l) => l.includes('from the build cache')).map((l) => l.split(' ')[0]);
        return { out, pdfs: pdfsIn(out), cached };
      };
      const first = await run();
      expect(first.cached).toEqual([]);
      const second = await run();
      expect(second.cached.sort()).toEqual(['affiche.pdf', 'programme.pdf']);
      for (const [file, bytes] of first.pdfs) expect(second.pdfs.get(file)!.equals(bytes), file).toBe(true);

      // One event's title edited: the programme is made again (and shows it), the affiche
      // (which names no event) comes from the cache. Choosing its columns and copyfitting (a
      // plan per setting tried, src/paginate/copyfit.ts) measure again only the edited card:
      // once per plan; the others' measurements, and their texts as laid out (kept in this
      // process), come from the cache, so drawing lays out no card again.
      const events = path.join(dir, 'events');
      const file = path.join(events, readdirSync(events).sort()[0]!);
      const yaml = readFileSync(file, 'utf8');
      const title = /^\s*title: (.+)$/m.exec(yaml)![1]!;
      writeFileSync(file, yaml.replace(`title: ${title}`, 'title: Ciné-débat sur les monnaies locales'));
      const before = blocksLaidOut();
      const third = await run();
      expect(third.cached).toEqual(['affiche.pdf']);
      const cards = readdirSync(events).reduce((n, f) => n + (readFileSync(path.join(events, f), 'utf8').match(/^\s*- id:/gm)?.length ?? 0), 0);
      expect(cards).toBe(75);
      expect(blocksLaidOut() - before).toBeGreaterThanOrEqual(1);
      // At most: 4 (one and two columns, QR beside or under) and one per copyfit plan (≤ 8 on
      // the sample's ladder); the 75 cards are not laid out again to be drawn.
      expect(blocksLaidOut() - before).toBeLessThanOrEqual(12);
      const text = pageTexts(openPdf(third.pdfs.get('programme.pdf')!)).join('\n');
      expect(text).toContain('monnaies locales');
      expect(third.pdfs.get('affiche.pdf')!.equals(first.pdfs.get('affiche.pdf')!)).toBe(true);
    } finally {
      process.env.ENCRE_CACHE = saved.ENCRE_CACHE;
      if (saved.ENCRE_CACHE_DIR === undefined) delete process.env.ENCRE_CACHE_DIR;
      else process.env.ENCRE_CACHE_DIR = saved.ENCRE_CACHE_DIR;
      rmSync(dir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
