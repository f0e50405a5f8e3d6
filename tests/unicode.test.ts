import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { build } from '../src/build.js';
import { ContentError, formatProblem } from '../src/model/errors.js';
import { frenchText } from '../src/derive/typography.js';
import { ROOT, EPOCH } from './helpers/sample.js';
import { openPdf, pageTexts, collapse } from './helpers/pdf.js';

/**
 * What a reader sees of a text: NFC, invisible characters (soft hyphen, zero-width) gone,
 * ligature characters as their letters (ﬁ → fi: the font ligates), spaces collapsed.
 */
function visible(s: string): string {
  return collapse(
    s
      .replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'))
      .normalize('NFC')
      .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''),
  ).replace(/['’]/g, '’');
}

/** A content folder in the project: the sample's campaign, and the given events in the Aude. */
function contentWith(titles: string[]): string {
  const dir = mkdtempSync(path.join(ROOT, 'tests/.output-unicode-'));
  // The sample's campaign without its highlights (they name the sample's events).
  const campaign = parse(readFileSync(path.join(ROOT, 'content/campaign.yaml'), 'utf8')) as Record<string, unknown>;
  delete campaign.highlights;
  // Refused rather than left out (the default, tests/characters.test.ts): the refusal is what this checks.
  campaign.unprintable = 'refuse';
  writeFileSync(path.join(dir, 'campaign.yaml'), stringify(campaign));
  // The partners' logos, in the campaign folder as the sample's (paths are relative to it).
  cpSync(path.join(ROOT, 'content/assets'), path.join(dir, 'assets'), { recursive: true });
  const events = titles.map((title, i) => ({
    id: `unicode-${i + 1}`,
    title,
    organiser: 'Collectif des caractères',
    start: `2016-11-${String(3 + i).padStart(2, '0')} 18:00`,
    venue: 'Salle des fêtes',
    commune: 'Carcassonne',
    departement: '11',
  }));
  mkdirSync(path.join(dir, 'events'));
  writeFileSync(path.join(dir, 'events', '11-aude.yaml'), stringify({ events }));
  return path.relative(ROOT, dir);
}

/** The programme (screen) of a content folder, as MuPDF reads its text. */
async function programmeText(content: string): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'encre-unicode-'));
  const [doc] = await build({ root: ROOT, content, out, documents: ['programme'], outputs: ['screen'], sourceDateEpoch: EPOCH, threads: 0, write: false });
  return pageTexts(openPdf(doc!.pdf!)).join(' ');
}

describe('nothing lost: every character of a title reaches the PDF', () => {
  it('whatever its normalisation: NFD accents, soft hyphens, zero-width characters, no-break spaces, ligatures', async () => {
    // As typed (NFD, soft hyphens, zero-width, no-break spaces, ligature characters) → as read.
    const cases: [string, string][] = [
      ['Cine\u0301-de\u0301bat a\u0300 l’e\u0301cole de la coope\u0301ration', 'Ciné-débat à l’école de la coopération'],
      ['Éco\u00ADnomie so\u00ADciale et so\u00ADli\u00ADdaire en fête', 'Économie sociale et solidaire en fête'],
      ['Atelier\u200B répa\u200Dration\u2060 vélos\uFEFF partagés', 'Atelier réparation vélos partagés'],
      ['Marché\u00A0de\u00A0Noël\u202Fsolidaire de 10\u00A0h à 18\u00A0h', 'Marché de Noël solidaire de 10 h à 18 h'],
      ['Le ﬁl rouge de l’économie ﬂorissante : ﬁnance solidaire', 'Le fil rouge de l’économie florissante : finance solidaire'],
    ];
    const content = contentWith(cases.map(([typed]) => typed));
    try {
      const text = await programmeText(content);
      // Each title exactly once (its card), whatever form it was typed in.
      for (const [, read] of cases) expect(text.split(read).length - 1, read).toBe(1);
    } finally {
      rmSync(path.join(ROOT, content), { recursive: true, force: true });
    }
  });

  it('arbitrary Unicode titles give a programme containing them, or a located refusal', async () => {
    // Letters, marks, punctuation and spaces of the scripts a French campaign meets, plus the
    // invisible and no-break characters above; any other code point too, now and then.
    const char = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâäîïôöûüçœæÉÈÀÇŒ0123456789'.split('')) },
      { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '-', '’', '\'', ',', '.', ':', '!', '?', '«', '»', '(', ')', '&', '/', '\u00A0', '\u202F', '\u00AD', '\u200B', '\u0301', '\u0300', 'ﬁ', 'ﬂ') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    );
    const title = fc.array(char, { minLength: 3, maxLength: 80 }).map((cs) => cs.join('')).filter((t) => visible(t).length >= 3);
    await fc.assert(
      fc.asyncProperty(fc.array(title, { minLength: 1, maxLength: 3 }), async (titles) => {
        const content = contentWith(titles);
        try {
          const text = await programmeText(content);
          // As typeset: French spaces added (« a ? »), then compared as a reader sees it.
          for (const t of titles) expect(text).toContain(visible(frenchText(t)));
        } catch (e) {
          // A refusal must name the file and line of the event and what is wrong with it.
          if (!(e instanceof ContentError)) throw e;
          for (const p of e.problems) {
            expect(p.file).toMatch(/11-aude\.yaml$/);
            expect(p.line).toBeGreaterThan(0);
            expect(formatProblem(p).length).toBeGreaterThan(20);
          }
        } finally {
          rmSync(path.join(ROOT, content), { recursive: true, force: true });
        }
      }),
      { numRuns: 12, seed: 20161118 },
    );
  });
});
