import { describe, expect, it, vi } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { PreflightError } from '../src/model/errors.js';
import { collectItemTexts, lostEventText } from '../src/preflight/event-text.js';
import type { LaidOutNode } from '../src/preflight/layout.js';
import type { EventView } from '../src/derive/model.js';
import { EPOCH, ROOT } from './helpers/sample.js';

/*
 * Nothing lost between the content and the page (issue 13): a word dropped by line breaking
 * is a build error naming the card and the word, never a file that passed its checks.
 */

// Line breaking that loses a word, as react-pdf does when a hyphenation callback's parts do
// not join back to the word (textkit keeps the parts, not the word): « novembre » is dropped.
vi.mock('../layouts/hyphenation.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../layouts/hyphenation.js')>();
  return {
    ...m,
    hyphenatorFor: (lang: string | undefined) => {
      const h = m.hyphenatorFor(lang);
      return (word: string) => (word.includes('novembre') ? [] : h(word));
    },
  };
});

describe('a card that lost text in line breaking', () => {
  it('fails the build, naming the card, the field and the word lost; nothing is written', async () => {
    const content = mkdtempSync(path.join(os.tmpdir(), 'encre-lost-'));
    cpSync(path.join(ROOT, 'tests/fixtures/tiny'), content, { recursive: true });
    writeFileSync(path.join(content, 'events/34.yaml'), [
      'events:',
      '  - id: t-01',
      "    title: Forum de l'emploi solidaire",
      '    commune: Montpellier',
      '    departement: "34"',
      '    start: 2016-11-15 14:30',
      '    description: Les associations se retrouvent le 15 novembre pour un forum ouvert à tous.',
      '',
    ].join('\n'));
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-lost-out-'));
    const err = await build({ root: ROOT, content, out, documents: ['programme'], outputs: ['screen'], sourceDateEpoch: EPOCH, threads: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreflightError);
    expect((err as Error).message).toMatch(/event-t-01: its description is not printed whole: « le 15 novembre » is missing/);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });
});

describe('lostEventText on a laid-out tree', () => {
  const event = { id: 'a', title: 'Marché solidaire', place: 'Halle du quai, Sète', byline: 'Association Thau', description: 'Huîtres et moules de l’étang.' } as EventView;
  const tree = (lines: string[]): LaidOutNode => ({
    type: 'DOCUMENT',
    children: [{ type: 'PAGE', children: [{ type: 'VIEW', props: { id: 'event-a' }, children: lines.map((l) => ({ type: 'TEXT', lines: [{ string: l }] })) }] }],
  });

  it('finds a card whole through line breaks, hyphens, ties and capitals', () => {
    const drawn = new Map<string, string>();
    collectItemTexts(tree(['MARCHÉ', 'solidaire', 'Halle du\u00a0quai, Sète', 'Association Thau', 'Huîtres et mou-', 'les de l’étang.']), drawn);
    expect(lostEventText(drawn, [event], true)).toEqual([]);
  });

  it('names the field and the first word missing', () => {
    const drawn = new Map<string, string>();
    collectItemTexts(tree(['Marché solidaire', 'Halle du quai, Sète', 'Association Thau', 'Huîtres et de l’étang.']), drawn);
    expect(lostEventText(drawn, [event], true)).toEqual([expect.stringMatching(/^event-a: its description is not printed whole: « moules » is missing/)]);
    // A compact card prints no description.
    expect(lostEventText(drawn, [event], false)).toEqual([]);
  });
});
