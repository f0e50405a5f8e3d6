import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { ContentError } from '../src/model/errors.js';
import { openPdf, pageTexts, findQrCodes, textLines, collapse } from './helpers/pdf.js';
import { EPOCH, ROOT, rawEvents } from './helpers/sample.js';
import { sharedBuild } from './helpers/shared.js';
import { frenchText } from '../src/derive/typography.js';

/*
 * The page budget (issue 13): campaign.yaml's `programme.pages` copyfits the sample's
 * programme (32 pages as the theme sets it) by moving the theme's copyfit settings.
 */

/** The sample's content with `programme:` lines appended to its campaign.yaml. */
function sampleWith(programme: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-copyfit-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  appendFileSync(path.join(dir, 'campaign.yaml'), `\nprogramme:\n${programme}\n`);
  return dir;
}

/** Builds the screen programme of `content`; the log's lines and the PDF. */
async function programme(content: string) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'encre-copyfit-out-'));
  const log: string[] = [];
  await build({ root: ROOT, content, out, documents: ['programme'], outputs: ['screen'], sourceDateEpoch: EPOCH, threads: 0, log: (l) => log.push(l) });
  const report = JSON.parse(readFileSync(path.join(out, 'preflight.json'), 'utf8')) as { files: { notes?: string[] }[] };
  return { log, notes: report.files[0]!.notes ?? [], doc: openPdf(readFileSync(path.join(out, 'screen/programme.pdf'))) };
}

const events = rawEvents('content');

describe('a page budget for the programme (campaign.yaml programme.pages)', () => {
  let fewest: Awaited<ReturnType<typeof programme>>;
  beforeAll(async () => {
    fewest = await programme(sampleWith('  pages: fewest'));
  });

  it('`fewest` sets the sample in 24 pages or fewer, says what it moved, and drops nothing', () => {
    const { doc, notes, log } = fewest;
    expect(doc.countPages()).toBeLessThanOrEqual(24);
    expect(doc.countPages() % 4).toBe(0);
    expect(notes.join('\n')).toMatch(/^copyfit: .*body 8\.5 → 8 pt.*: 32 → 2[04] pages$/m);
    expect(log.join('\n')).toContain(notes[0]);
    const text = pageTexts(doc).join(' ');
    for (const e of events) expect(text, e.id).toContain(collapse(frenchText(e.title)));
  });

  it('`fewest` keeps body text at 8 pt or more and every QR code scannable (modules of 0.33 mm or more), each decoding', () => {
    const { doc } = fewest;
    const sizes = new Map<number, number>();
    const codes: string[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      for (const l of textLines(doc, i)) sizes.set(Math.round(l.size * 100) / 100, (sizes.get(Math.round(l.size * 100) / 100) ?? 0) + l.text.length);
      for (const q of findQrCodes(doc, i, 200)) {
        codes.push(q.data);
        const moduleMm = (((q.box[2] - q.box[0]) / q.modules) * 25.4) / 72;
        expect(moduleMm, q.data).toBeGreaterThanOrEqual(0.33 - 0.02);
      }
    }
    // The body: the size most characters are set in.
    const body = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(body).toBeGreaterThanOrEqual(8);
    // Each event's code leads to its page on the sample's site (content/campaign.yaml site.baseUrl).
    for (const e of events) expect(codes, e.id).toContain(`https://mois-ess.example.org/e/${e.id}/`);
  });

  it('a budget of 28 gives exactly 28 pages', async () => {
    const { doc, notes } = await programme(sampleWith('  pages: 28'));
    expect(doc.countPages()).toBe(28);
    expect(notes.join('\n')).toMatch(/: 32 → 28 pages$/m);
  });

  it('a budget out of reach (8) is refused at its line, naming the fewest pages reachable, and nothing is written', async () => {
    const content = sampleWith('  pages: 8');
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-copyfit-out-'));
    const err = await build({ root: ROOT, content, out, documents: [], sourceDateEpoch: EPOCH, threads: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    const message = (err as Error).message;
    expect(message).toMatch(/campaign\.yaml:\d+:\d+ programme\.pages: 8 pages is out of reach: the fewest this programme fits in is 24 pages/);
    expect(message).toMatch(/body 8 pt/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a budget that is not a multiple of 4, at its line and column', async () => {
    const content = sampleWith('  pages: 30');
    const err = await build({ root: ROOT, content, out: mkdtempSync(path.join(os.tmpdir(), 'encre-copyfit-out-')), documents: ['programme'], sourceDateEpoch: EPOCH }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as Error).message).toMatch(/campaign\.yaml:\d+:\d+ programme\.pages: .*multiple of 4/);
  });

  it('without a budget, sets Midi-Pyrénées in 40 full pages rather than 44 ending in Notes pages (its loosest settings cannot fill 44), and says so', async () => {
    const out = await sharedBuild('midi-pyrenees');
    const report = JSON.parse(readFileSync(path.join(out, 'preflight.json'), 'utf8')) as { files: { file: string; notes?: string[] }[] };
    const notes = report.files.find((f) => f.file === 'programme.pdf')?.notes ?? [];
    expect(notes.join('\n')).toMatch(/^copyfit: .*: 44 → 40 pages$/m);
    const texts = pageTexts(openPdf(readFileSync(path.join(out, 'programme.pdf'))));
    expect(texts).toHaveLength(40);
    // A Notes page's running head and heading: « NOTES … Notes ».
    expect(texts.filter((t) => /\bNOTES\b[\s\S]*\bNotes\b/.test(t)), 'Notes pages').toEqual([]);
  });
});
