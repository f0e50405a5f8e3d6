import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { openPdf, pageTexts } from './helpers/pdf.js';
import { ROOT, EPOCH } from './helpers/sample.js';
import { loadContent } from '../src/load/content.js';
import { fileEnv } from '../src/load/env.js';
import { deriveModel } from '../src/derive/model.js';
import { renderProgramme } from '../src/documents/programme.js';
import { fittedPlan as planProgramme } from '../src/documents/programme.js';
import { registerFonts } from '../src/render/fonts.js';
import { PdfPages, type PageSink } from '../src/render/render.js';
import { graftLaidOut } from '../src/render/graft.js';
import type { LaidOutNode } from '../src/preflight/layout.js';
import { createElement } from 'react';
import { Text } from '@react-pdf/renderer';
import { blocksLaidOut, measureBlocks } from '../src/paginate/measure.js';
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { theme, withTheme } from '../layouts/theme.js';
import { ink } from '../layouts/ink.js';

// Each event card's text is laid out once: while the paginator measures it. The page is
// laid out around an empty slot of its size, and the text put back before drawing.

describe('cards drawn as they were measured', () => {
  it('give the same bytes as cards laid out again on their page', async () => {
    registerFonts(ROOT);
    const model = deriveModel(await loadContent(fileEnv(ROOT, EPOCH), 'content'), new Date(Number(EPOCH) * 1000));
    const grafted = new PdfPages();
    let texts = 0;
    const withTexts: PageSink = {
      add: (element, first, blocks) => {
        texts += blocks?.size ?? 0;
        return grafted.add(element, first, blocks);
      },
      restart: () => grafted.restart(),
    };
    // The same pages, every card laid out again where it is drawn (no block given).
    const again = new PdfPages();
    const without: PageSink = { add: (element, first) => again.add(element, first), restart: () => again.restart() };
    const pages = await renderProgramme(model, [], withTexts);
    expect(await renderProgramme(model, [], without)).toBe(pages);
    expect(texts).toBe(model.events.length);
    expect(grafted.slotsFilled).toBe(model.events.length);
    expect(again.slotsFilled).toBe(0);
    const a = Buffer.from(await grafted.bytes());
    const b = Buffer.from(await again.bytes());
    expect(a.length).toBeGreaterThan(100_000);
    expect(a.equals(b)).toBe(true);
  });

  it('refuse a slot with no block, or a block of another size', () => {
    const slot = (key: string, height: number): LaidOutNode => ({ type: 'VIEW', props: { 'data-laid-out': key } as LaidOutNode['props'], box: { left: 10, top: 20, width: 100, height } });
    const doc = (): LaidOutNode => ({ type: 'DOCUMENT', children: [{ type: 'PAGE', children: [slot('a', 50)] }] });
    const block: LaidOutNode = { type: 'VIEW', box: { left: 0, top: 0, width: 100, height: 50 }, children: [{ type: 'TEXT' }] };
    expect(() => graftLaidOut(doc(), new Map())).toThrow(/no laid-out block for the slot "a"/);
    const taller: LaidOutNode = { ...block, box: { left: 0, top: 0, width: 100, height: 60 } };
    expect(() => graftLaidOut(doc(), new Map([['a', taller]]))).toThrow(/is 100 × 60 pt, its slot 100 × 50 pt/);
    const filled = doc();
    expect(graftLaidOut(filled, new Map([['a', block]]))).toBe(1);
    const placed = filled.children![0]!.children![0]!;
    expect(placed.box).toEqual({ left: 10, top: 20, width: 100, height: 50 });
    expect(placed.children).toBe(block.children);
    // The block itself is left as it was: it can be placed again (the other rendition).
    expect(block.box).toEqual({ left: 0, top: 0, width: 100, height: 50 });
  });
});

/**
 * A campaign of `n` short events (no description, no address, no QR code) over the sample's
 * five départements, with a campaign.yaml of the fields required; `title(i)` is event i's
 * title, `extra(i)` YAML lines added to it. Returns the content folder, relative to the
 * repository.
 */
function shortEvents(n: number, title: (i: number) => string, extra: (i: number) => string = () => ''): string {
  const dir = mkdtempSync(path.join(ROOT, 'tests/.output-short-'));
  writeFileSync(path.join(dir, 'campaign.yaml'), ['name: "Mois de l’ESS"', 'edition: 10', 'region: "Languedoc-Roussillon"', 'period:', '  start: 2016-11-01', '  end: 2016-11-30', 'organiser:', '  name: "Cress LR"', ''].join('\n'));
  mkdirSync(path.join(dir, 'events'));
  const codes = ['11', '30', '34', '48', '66'];
  const lines = ['events:'];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`  - id: e-${i}`, `    title: "${title(i)}"`, `    start: 2016-11-${day} 10:00`, '    commune: "Montpellier"', `    departement: "${codes[i % codes.length]}"`, extra(i));
  }
  writeFileSync(path.join(dir, 'events', 'short.yaml'), lines.filter(Boolean).join('\n') + '\n');
  return path.relative(ROOT, dir);
}

describe('two columns given up for one', () => {
  it('when a card found after the sample is too narrow for them, the programme starts again in one column', async () => {
    // 900 short cards: the sample (one in three) clearly wants two columns; one description holds a
    // word too wide for a column of two (a word of 24 letters or more may break anywhere; a
    // title.s long word sets the title smaller instead, so the description it is).
    const content = shortEvents(900, (i) => `Atelier ${i}`, (i) => (i === 450 ? '    description: "Salle WWWWWWWWWWWWWWWWWWWWWWW"' : ''));
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-restart-'));
    try {
      await build({ root: ROOT, content, out, documents: ['programme'], outputs: ['screen'], threads: 0, cache: false, sourceDateEpoch: EPOCH });
      const model = deriveModel(await loadContent(fileEnv(ROOT, EPOCH), content), new Date(Number(EPOCH) * 1000));
      const plan = await planProgramme(model);
      expect(plan.columns).toBe(1);
      const doc = openPdf(readFileSync(path.join(out, 'screen/programme.pdf')));
      expect(doc.countPages()).toBe(plan.pages.length);
      expect(pageTexts(doc).join(' ')).toContain('WWWWWWWWWWWWWWWWWWWWWWW');
      // campaign.yaml has no édito nor objectives: no page with a signature alone, the contents follows the cover.
      expect(plan.pages.map((p) => p.kind).slice(0, 3)).toEqual(['cover', 'contents', 'events']);
      expect(pageTexts(doc)[1]).toContain('Sommaire');
    } finally {
      rmSync(path.join(ROOT, content), { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('when a card is too tall for a page in two columns but not in one, whether the sample chose two or both were planned', async () => {
    const sentence = 'Une après-midi d’échanges avec les habitants et les structures du territoire. ';
    const tall = (i: number) => (i === 30 ? `    venue: "${Array(10).fill('Grande salle polyvalente municipale').join(', ')}"\n    description: "${sentence.repeat(15).trim()}"` : '');
    for (const n of [900, 60]) {
      const content = shortEvents(n, (i) => `Atelier ${i}`, tall);
      const out = mkdtempSync(path.join(os.tmpdir(), 'encre-tall-'));
      try {
        await build({ root: ROOT, content, out, documents: ['programme'], outputs: ['screen'], threads: 0, cache: false, sourceDateEpoch: EPOCH });
        const model = deriveModel(await loadContent(fileEnv(ROOT, EPOCH), content), new Date(Number(EPOCH) * 1000));
        const plan = await planProgramme(model);
        expect(plan.columns, `${n} events`).toBe(1);
        expect(openPdf(readFileSync(path.join(out, 'screen/programme.pdf'))).countPages()).toBe(plan.pages.length);
      } finally {
        rmSync(path.join(ROOT, content), { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
      }
    }
  });
});

describe('laid-out blocks kept between measurements (src/paginate/measure.tsx)', () => {
  it('are given for every block a plan measured; blocks laid out to be drawn are not kept beyond', async () => {
    registerFonts(ROOT);
    const block = (word: string) => createElement(Text, { style: { fontFamily: 'Inter', fontSize: 9 } }, `Carte ${word}`);
    // A plan measures a, b, c and d: their roots are kept.
    await measureBlocks(['a', 'b', 'c', 'd'].map(block), 200, true);
    const before = blocksLaidOut();
    const given = new Map<number, LaidOutNode>();
    const heights = await measureBlocks(['a', 'b', 'e', 'f', 'g'].map(block), 200, true, (i, node) => given.set(i, node));
    // a and b as the plan laid them out; e, f and g laid out now.
    expect(blocksLaidOut() - before).toBe(3);
    expect([...given.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    for (const [i, node] of given) expect(node.box?.height, `block ${i}`).toBeCloseTo(heights[i]!.height, 3);
    // Drawn, e is not kept (a long programme's memory holds the cards of a few pages): laid out again.
    await measureBlocks([block('e')], 200, true, () => {});
    expect(blocksLaidOut() - before).toBe(4);
  });
});

/** Whether `value` is found anywhere in `node` (a laid-out tree: its styles and its text runs' attributes). */
function holds(node: unknown, value: string, seen = new Set<unknown>()): boolean {
  if (node === value) return true;
  if (!node || typeof node !== 'object' || seen.has(node)) return false;
  seen.add(node);
  return Object.values(node).some((v) => holds(v, value, seen));
}

describe('a theme colour changed in a warm process (the preview)', () => {
  it('keeps the measurements while the colours keep their pattern; the roots drawn take the new colour', async () => {
    registerFonts(ROOT);
    // A card reads its colours from the theme (layouts/ink.ts), not from its props.
    const InkText = () => createElement(Text, { style: { fontFamily: 'Inter', fontSize: 9 } }, createElement(Text, { style: { color: ink('ink') } }, 'Encre '), 'et texte');
    const block = () => createElement(InkText);
    const inkAs = (rgb: string) => ({ ...theme, colours: { ...theme.colours, ink: { ...theme.colours.ink, rgb } } });
    await withTheme(inkAs('#123456'), () => measureBlocks([block()], 180, true));
    let before = blocksLaidOut();
    // Another colour of its own: the measurement stands; drawn, the card is laid out in the new colour.
    await withTheme(inkAs('#654321'), () => measureBlocks([block()], 180, true));
    expect(blocksLaidOut() - before).toBe(0);
    const roots: LaidOutNode[] = [];
    await withTheme(inkAs('#654321'), () => measureBlocks([block()], 180, true, (_, node) => roots.push(node)));
    expect(blocksLaidOut() - before).toBe(1);
    expect(holds(roots[0], '#654321')).toBe(true);
    expect(holds(roots[0], '#123456')).toBe(false);
    // The ink made the text colour: one run where there were two, measured again.
    before = blocksLaidOut();
    await withTheme(inkAs(theme.colours.text.rgb), () => measureBlocks([block()], 180, true));
    expect(blocksLaidOut() - before).toBe(1);
  });

  it('gives the programme the bytes a fresh process gives it with the new colour', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-colour-'));
    try {
      cpSync(path.join(ROOT, 'tests/fixtures/tiny'), dir, { recursive: true });
      mkdirSync(path.join(dir, 'themes'));
      // The ink (covers, headings) and the text's black (the cards' text and QR codes), each to another value of its own.
      const setInk = (k: number) => writeFileSync(path.join(dir, 'themes/t.yaml'), `extends: languedoc-roussillon\ncolours:\n  ink: { cmyk: [70, 100, 20, ${k}] }\n  text: { cmyk: [0, 0, 0, ${k + 50}] }\n`);
      writeFileSync(path.join(dir, 'campaign.yaml'), `theme: t\n${readFileSync(path.join(dir, 'campaign.yaml'), 'utf8')}`);
      const warm = async () => (await build({ root: ROOT, content: dir, documents: ['programme'], out: '.', outputs: ['screen'], write: false, threads: 0, site: 'off', cache: false, sourceDateEpoch: EPOCH, log: () => {} }))[0]!.pdf!;
      setInk(30);
      await warm();
      setInk(45);
      const again = await warm();
      const out = path.join(dir, 'out');
      execFileSync(process.execPath, ['bin/encre.js', 'build', '--quiet', '--content', dir, '--out', out, 'programme'], { cwd: ROOT, env: { ...process.env, ENCRE_CACHE: '0', SOURCE_DATE_EPOCH: EPOCH }, stdio: 'pipe' });
      expect(Buffer.from(again).equals(readFileSync(path.join(out, 'screen/programme.pdf')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // react-pdf's Font.reset unloads the faces but keeps each family's sources, and register
  // appends: a warm process drew a family whose face changed with its old file (src/render/fonts.ts).
  it('gives the bytes of a fresh process after the theme gives a family another font file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-faces-'));
    try {
      cpSync(path.join(ROOT, 'tests/fixtures/tiny'), dir, { recursive: true });
      mkdirSync(path.join(dir, 'themes'));
      mkdirSync(path.join(dir, 'assets/fonts'), { recursive: true });
      cpSync(path.join(ROOT, 'assets/fonts/LiberationSans-Regular.ttf'), path.join(dir, 'assets/fonts/Own-Regular.ttf'));
      const faces = (regular: string) => writeFileSync(path.join(dir, 'themes/t.yaml'), `extends: languedoc-roussillon\nfonts:\n  faces:\n    Inter:\n      - { file: ${regular}, fontWeight: 400, fontStyle: normal }\n      - { file: Inter-Italic.otf, fontWeight: 400, fontStyle: italic }\n      - { file: Inter-SemiBold.otf, fontWeight: 600, fontStyle: normal }\n      - { file: Inter-Bold.otf, fontWeight: 700, fontStyle: normal }\n`);
      writeFileSync(path.join(dir, 'campaign.yaml'), `theme: t\n${readFileSync(path.join(dir, 'campaign.yaml'), 'utf8')}`);
      const warm = async () => (await build({ root: ROOT, content: dir, documents: ['affiche'], out: '.', outputs: ['screen'], write: false, threads: 0, site: 'off', cache: false, sourceDateEpoch: EPOCH, log: () => {} }))[0]!.pdf!;
      faces('Inter-Regular.otf');
      await warm();
      faces('Own-Regular.ttf');
      const again = Buffer.from(await warm());
      expect(again.toString('latin1')).toContain('LiberationSans');
      const out = path.join(dir, 'out');
      execFileSync(process.execPath, ['bin/encre.js', 'build', '--quiet', '--content', dir, '--out', out, 'affiche'], { cwd: ROOT, env: { ...process.env, ENCRE_CACHE: '0', SOURCE_DATE_EPOCH: EPOCH }, stdio: 'pipe' });
      expect(again.equals(readFileSync(path.join(out, 'screen/affiche.pdf')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
