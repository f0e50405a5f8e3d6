/**
 * Issue 14, point 4: each text in its language. French spacing for French text only; English,
 * German, Spanish, Italian and Catalan hyphenation patterns (the `hyphen` package through
 * @react-pdf/hyphenate). Fixture: tests/fixtures/languages (a French campaign, an English event).
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { build } from '../src/build.js';
import { hyphenateFrench, hyphenatorFor, loadHyphenation } from '../layouts/hyphenation.js';
import { frenchText, plainText, typographyFor } from '../src/derive/typography.js';
import { openPdf, pageTexts, textLines } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('languages', () => {
  it('hyphenates each language by its own patterns, read only when a campaign has the language', async () => {
    // Patterns are read before layout, for the languages the campaign has (src/build/job.ts).
    expect(() => hyphenatorFor('it')).toThrow(/not loaded/);
    await loadHyphenation(['en-GB', 'de', 'es', 'it', 'ca', 'nl']);
    expect(hyphenatorFor('en')('published')).toEqual(['pub', 'lished']);
    expect(hyphenatorFor('en-GB')('government')).toEqual(['gov', 'ern', 'ment']);
    expect(hyphenateFrench('published')).toEqual(['pu', 'bli', 'shed']);
    expect(hyphenatorFor('fr')).toBe(hyphenateFrench);
    expect(hyphenatorFor(undefined)).toBe(hyphenateFrench);
    // German nouns start with a capital: they are hyphenated all the same.
    expect(hyphenatorFor('de')('Netzpolitik')).toEqual(['Netz', 'po', 'li', 'tik']);
    expect(hyphenatorFor('en')('Netzpolitik')).toEqual(['Netzpolitik']);
    for (const [lang, word] of [['es', 'información'], ['it', 'biblioteca'], ['ca', 'biblioteca']] as const) expect(hyphenatorFor(lang)(word).length, lang).toBeGreaterThan(2);
    // Another language: words kept whole.
    expect(hyphenatorFor('nl')('bibliotheek')).toEqual(['bibliotheek']);
  });

  it('sets French spacing on French text only', () => {
    expect(typographyFor('en')).toBe(plainText);
    expect(typographyFor('fr-CA')).toBe(frenchText);
    expect(plainText('What are they good for?  Hidden:\u200Bservices')).toBe('What are they good for? Hidden:services');
    expect(frenchText('À quoi servent-ils?')).toBe('À quoi servent-ils\u202F?');
  });

  it('prints an English title without a space before « ? », its description hyphenated by English rules', async () => {
    const out = mkdtempSync(join(tmpdir(), 'encre-lang-'));
    try {
      await build({ root: ROOT, content: 'tests/fixtures/languages', out, documents: ['programme'], sourceDateEpoch: '1476748800', cache: false });
      const pdf = openPdf(await readFile(join(out, 'programme.pdf')));
      const text = pageTexts(pdf).join(' ');
      expect(text).toContain('Hidden services: what are they good for?');
      expect(text).toContain('Les services cachés : à quoi servent-ils ?');
      // Every word broken at a line end in the English description is broken where the English patterns allow.
      const english = hyphenatorFor('en');
      let breaks = 0;
      for (let p = 0; p < pdf.countPages(); p++) {
        const lines = textLines(pdf, p).map((l) => l.text.trim());
        lines.forEach((line, i) => {
          const m = /(\p{L}+)-$/u.exec(line);
          const next = /^(\p{L}+)/u.exec(lines[i + 1] ?? '');
          if (!m || !next || !/^(Unquestionably|governmental|accountability|published|comprehensively|establishes|extraordinary|responsibilities|internationalisation|notwithstanding|bureaucratic|administrations|systematically|misunderstand|cryptographic|infrastructures|independently|maintained|communities|demonstrate|remarkable|sustainability|throughout|unprecedented|technological|transformations|everywhere)/.test(m[1]! + next[1]!)) return;
          breaks++;
          const word = m[1]! + next[1]!.replace(/[^\p{L}]+$/u, '');
          const parts = english(word);
          const cuts = parts.slice(0, -1).map((_, k) => parts.slice(0, k + 1).join('').length);
          expect(cuts, `${m[1]}-/${next[1]}`).toContain(m[1]!.length);
        });
      }
      expect(breaks).toBeGreaterThan(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
