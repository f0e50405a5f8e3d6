/**
 * Issue 14, point 2: every character the import lets through, the build prints. Emoji from the
 * vendored monochrome Noto Emoji, « ∕ » from the Liberation Sans fallback, Tibetan from Noto
 * Serif Tibetan, variation selectors removed; what no font prints is left out with a located
 * warning (unprintable: drop, the default) at import and at build, or refused (unprintable:
 * refuse).
 */
import { describe, it, expect, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { parse } from 'yaml';
import { build } from '../src/build.js';
import { importEvents } from '../src/import/index.js';
import { EventFileSchema } from '../src/model/event.js';
import * as mupdf from 'mupdf';
import { openPdf, pageTexts } from './helpers/pdf.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const EPOCH = '1476748800';
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

/** An emoji glyph as a page draws it: its character, how (filled or stroked outline), its font, colour space and colour. */
interface DrawnGlyph {
  char: string;
  how: 'fill' | 'stroke';
  font: string;
  colorspace: string;
  color: number[];
}

/**
 * Every glyph of the Unicode emoji ranges (U+1F000 and above, U+2600–U+27BF) the pages of
 * `doc` draw, read by running each page's content stream through a MuPDF device.
 */
function emojiGlyphs(doc: mupdf.Document): DrawnGlyph[] {
  const out: DrawnGlyph[] = [];
  const isEmoji = (cp: number) => cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf);
  const visit = (how: DrawnGlyph['how'], text: mupdf.Text, cs: mupdf.ColorSpace, color: number[]) =>
    text.walk({
      showGlyph: (font, _trm, _gid, uni) => {
        if (isEmoji(uni)) out.push({ char: String.fromCodePoint(uni), how, font: font.getName(), colorspace: cs.getName(), color: [...color].map((c) => Math.round(c * 1000) / 1000) });
      },
    });
  for (let i = 0; i < doc.countPages(); i++) {
    const device = new mupdf.Device({
      fillText: (text, _ctm, cs, color) => visit('fill', text, cs, color),
      strokeText: (text, _stroke, _ctm, cs, color) => visit('stroke', text, cs, color),
    });
    doc.loadPage(i).run(device, mupdf.Matrix.identity);
    device.close();
  }
  return out;
}

describe('characters', () => {
  it('imports and prints emoji, « ∕ » and Tibetan as glyphs; an unprintable character is left out with its line', async () => {
    const content = mkdtempSync(join(ROOT, 'tests', '.output-chars-'));
    const out = mkdtempSync(join(tmpdir(), 'encre-chars-'));
    made.push(content, out);
    const file = 'tests/fixtures/standard/characters.ics';
    const report = await importEvents({ file, filters: [], outDir: content });
    // The Chinese ideograph: no font encre ships has it; left out, with the event's line and where in the description.
    expect(report.warnings).toContainEqual({ line: 14, message: 'event "conf-2-encre-example" description: no font prints "中" (U+4E2D) at character 21: left out' });
    // The Tibetan letter is printed by the Noto Serif Tibetan fallback: kept, and not reported.
    expect(report.warnings.filter((w) => w.message.includes('ཀ'))).toEqual([]);
    const events = (await readdir(join(content, 'events'))).flatMap((f) => EventFileSchema.parse(parse(readFileSync(join(content, 'events', f), 'utf8'))).events);
    expect(events.map((e) => e.title)).toEqual(['Apéro 🍻 et fusées 🚀', 'Conférence de Tenzin ཀ Dorje']);
    // Left out with the space it leaves before the full stop.
    expect(events[1]!.description).toBe('Traduite du chinois.');

    const logs: string[] = [];
    await build({ root: ROOT, content: path.relative(ROOT, content), out, documents: ['programme'], sourceDateEpoch: EPOCH, cache: false, log: (l: string) => logs.push(l) });
    const text = pageTexts(openPdf(await readFile(join(out, 'programme.pdf')))).join(' ');
    for (const ch of ['🍻', '🚀', '📍', '∕', '❤']) expect(text, ch).toContain(ch);
    // Tibetan, from the Noto Serif Tibetan fallback (MuPDF reads it back from its ToUnicode map).
    expect(text).toContain('Conférence de Tenzin ཀ Dorje');
    expect(text).not.toContain('中');
    // The variation selector is not printed (nor reported).
    expect(text).not.toContain('\uFE0F');
    expect(text).toContain('Apéro 🍻 et fusées 🚀');
    // The print file embeds the emoji font.
    const fonts = new Set<string>();
    const pdf = openPdf(await readFile(join(out, 'programme.pdf')));
    for (let i = 0; i < pdf.countPages(); i++) {
      const res = pdf.findPage(i).get('Resources').get('Font');
      if (res.isDictionary()) res.forEach((f: { get(k: string): { asName(): string } }) => fonts.add(f.get('BaseFont').asName()));
    }
    expect([...fonts].some((f) => /NotoEmoji/i.test(f))).toBe(true);
    expect([...fonts].some((f) => /NotoSerifTibetan/i.test(f))).toBe(true);

    // K only: every emoji glyph of the print file is drawn as a glyph of an embedded font (its
    // outline filled, never stroked) in DeviceCMYK 0 0 0 1, as MuPDF runs the content streams.
    const emoji = emojiGlyphs(pdf);
    expect(emoji.map((g) => g.char).sort()).toEqual(['❤', '📍', '🚀', '🍻'].sort());
    for (const g of emoji) expect(g, g.char).toEqual({ char: g.char, how: 'fill', font: expect.any(String), colorspace: 'DeviceCMYK', color: [0, 0, 0, 1] });
    // The pictographs from the emoji font (« ❤ » is in Inter).
    expect(emoji.filter((g) => /NotoEmoji/.test(g.font)).map((g) => g.char).sort()).toEqual(['📍', '🚀', '🍻'].sort());
    // The screen file draws them too, in RGB (the text's screen colour).
    const screen = emojiGlyphs(openPdf(await readFile(join(out, 'screen/programme.pdf'))));
    expect(screen.map((g) => g.colorspace)).toEqual(emoji.map(() => 'DeviceRGB'));
  });

  it('leaves out, by default, what the build cannot print in hand-written YAML, with file:line:column; refuses it with unprintable: refuse', async () => {
    const dir = mkdtempSync(join(ROOT, 'tests', '.output-chars-'));
    made.push(dir);
    cpSync(join(ROOT, 'tests/fixtures/bad-glyphs'), dir, { recursive: true });
    const campaign = join(dir, 'campaign.yaml');
    writeFileSync(campaign, readFileSync(campaign, 'utf8').replace('unprintable: refuse\n', ''));
    const logs: string[] = [];
    const rel = path.relative(ROOT, dir);
    await build({ root: ROOT, content: rel, out: mkdtempSync(join(tmpdir(), 'encre-chars-')), documents: ['programme'], sourceDateEpoch: EPOCH, cache: false, log: (l: string) => logs.push(l) });
    expect(logs).toContain(`warning: ${rel}/events/34.yaml:2:1 event t-01 title: "中" (U+4E2D), "文" (U+6587) printed by no font: left out (unprintable: drop)`);
    expect(logs).toContain(`warning: ${rel}/campaign.yaml:5:20 organiser.name: "中" (U+4E2D) printed by no font: left out (unprintable: drop)`);
  });
});

describe('a field with nothing printable left (found by tests/fuzz-import.test.ts)', () => {
  const MAP = 'delimiter: ";"\nfields:\n  id: id\n  title: title\n  commune: commune\n  departement: dep\n  start: { column: start, transform: date }\n';
  const imported = async (title: string, commune: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'encre-emptied-'));
    writeFileSync(join(dir, 'm.yaml'), MAP);
    writeFileSync(join(dir, 'a.csv'), `id;title;commune;dep;start\ne-1;${title};${commune};34;15/11/2016\n`);
    return importEvents({ file: join(dir, 'a.csv'), mapping: join(dir, 'm.yaml'), filters: [], outDir: join(dir, 'out') }).then(
      async () => parse(await readFile(join(dir, 'out/events', (await readdir(join(dir, 'out/events')))[0]!), 'utf8')) as { events: Record<string, unknown>[] },
      (e: unknown) => e as Error,
    );
  };
  it('refuses at import, at its line, a title made only of characters no font prints', async () => {
    const r = await imported('\u0514', 'Montpellier');
    expect(r).toBeInstanceOf(Error);
    expect(String((r as Error).message)).toMatch(/a\.csv:2:1 .*title: only characters no font prints \("\u0514" \(U\+0514\)/);
  });
  it('leaves out an optional field that nothing printable is left of, never writing an empty value the build would refuse', async () => {
    const r = (await imported('Forum', '\u0514')) as { events: Record<string, unknown>[] };
    expect(r.events[0]!.title).toBe('Forum');
    expect(r.events[0]).not.toHaveProperty('commune');
  });
});
