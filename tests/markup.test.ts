import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { parse } from 'yaml';
import * as mupdf from 'mupdf';
import { build } from '../src/build.js';
import { importEvents } from '../src/import/index.js';
import { htmlToMarkdown, plainOf } from '../src/import/markup.js';
import { richText } from '../src/derive/rich.js';
import { openPdf, pageTexts } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURE = 'tests/fixtures/markup';
const EPOCH = '1476748800';
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** Each character of a page with the name of its font, as MuPDF reads them. */
function charsWithFonts(doc: mupdf.Document, page: number): { c: string; font: string }[] {
  const out: { c: string; font: string }[] = [];
  doc.loadPage(page).toStructuredText('preserve-whitespace').walk({ onChar: (c, _o, font) => void out.push({ c, font: font.getName() }) });
  return out;
}

/** The font names the characters of `word` are set in, where it is first found on the page. */
function fontsOf(chars: { c: string; font: string }[], word: string): string[] {
  const text = chars.map((x) => x.c).join('');
  const i = text.indexOf(word);
  if (i < 0) throw new Error(`"${word}" not on the page`);
  return [...new Set(chars.slice(i, i + word.length).map((x) => x.font))];
}

describe('markup', () => {
  it('turns HTML into Markdown with a parser, and markup into text for plain fields', () => {
    expect(htmlToMarkdown('<p>Un <b>concert</b> &amp; un <i>bal</i>&nbsp;!</p><ul><li>Trio</li><li>Duo</li></ul><p>A<br>B</p>')).toBe('Un **concert** & un *bal*\u00a0!\n\n- Trio\n- Duo\n\nA\nB');
    expect(htmlToMarkdown('<div>5 * 3 = 15 <a href="https://x.example">le site</a></div><script>alert(1)</script>')).toBe('5 \\* 3 = 15 le site');
    expect(plainOf('TypeScript &amp; Angular')).toBe('TypeScript & Angular');
    expect(plainOf('**Concert** [au parc](https://x.example)')).toBe('Concert au parc');
    expect(plainOf('<b>Bal</b> &eacute;t&eacute;')).toBe('Bal été');
  });

  it('reads Markdown into paragraphs, lines, items and runs', () => {
    const blocks = richText('Un **gras** et *italique*\nligne 2\n\n1. un\n2. deux', (s) => s);
    expect(blocks).toEqual([
      { kind: 'paragraph', lines: [[{ text: 'Un ' }, { text: 'gras', bold: true }, { text: ' et ' }, { text: 'italique', italic: true }], [{ text: 'ligne 2' }]] },
      { kind: 'item', bullet: '1.', lines: [[{ text: 'un' }]] },
      { kind: 'item', bullet: '2.', lines: [[{ text: 'deux' }]] },
    ]);
  });

  it('prints markup as rich text: no entity, no Markdown mark, bold runs in bold faces, lines and items kept', async () => {
    const content = mkdtempSync(join(ROOT, 'tests', '.output-markup-'));
    const out = mkdtempSync(join(tmpdir(), 'encre-markup-'));
    made.push(content, out);
    const report = await importEvents({ file: `${FIXTURE}/markup.ics`, mapping: `${FIXTURE}/mapping.yaml`, filters: [], outDir: content });
    expect(report.imported).toBe(2);
    const events = (parse(await readFile(join(content, 'events', '34-herault.yaml'), 'utf8')) as { events: { title: string; description: string }[] }).events;
    expect(events[0]!.title).toBe('Concert & bal');
    expect(events[0]!.description).toBe('Un **concert** & un *bal* pour tous !\n\n- Trio Lune\n- Duo Soleil\n\nOuverture 19 h\nFin 23 h');

    await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme'], sourceDateEpoch: EPOCH, cache: false });
    const doc = openPdf(await readFile(join(out, 'programme.pdf')));
    const pages = pageTexts(doc);
    const text = pages.join(' ');
    for (const mark of ['&amp', '**', '](', '<b>', '<p>']) expect(text).not.toContain(mark);
    expect(text).toContain('TypeScript & Angular');
    expect(text).toContain('Concert & bal');
    expect(text).toContain('Inscription sur https://encre.example/ts.');
    expect(text).toMatch(/• Alice Martin • Bruno Petit/);
    expect(text).toMatch(/• Trio Lune • Duo Soleil Ouverture 19 h Fin 23 h/);
    const page = pages.findIndex((p) => p.includes('Trio Lune'));
    const chars = charsWithFonts(doc, page);
    expect(fontsOf(chars, 'concert').every((f) => /Bold/i.test(f))).toBe(true);
    expect(fontsOf(chars, 'bal pour').some((f) => /Italic/i.test(f))).toBe(true);
    expect(fontsOf(chars, 'Un ').every((f) => !/Bold|Italic/i.test(f))).toBe(true);
    const atelier = charsWithFonts(doc, pages.findIndex((p) => p.includes('Atelier')));
    expect(fontsOf(atelier, 'Atelier').every((f) => /Bold/i.test(f))).toBe(true);
    // Line breaks kept: each performer and each time on its own line.
    const lines = doc.loadPage(page).toStructuredText('preserve-whitespace').asText().split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    expect(lines).toContain('• Trio Lune');
    expect(lines).toContain('• Duo Soleil');
    expect(lines).toContain('Ouverture 19 h');
    expect(lines).toContain('Fin 23 h');
  }, 60_000);
});
