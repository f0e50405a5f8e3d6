import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../src/build.js';
import { ContentError, formatProblem } from '../src/model/errors.js';
import { maxUrlLength } from '../src/preflight/qr.js';
import { qrMatrix } from '../src/qr/matrix.js';
import { ROOT, EPOCH } from './helpers/sample.js';

/*
 * One URL limit, derived from the QR code's size and the printer's smallest module for the
 * document where it is printed, and stated in the message (issue 15, point 4): a URL the
 * content accepts is never refused later without the limit it broke.
 */

/** A URL of exactly `n` characters (lower-case: byte mode, the densest case). */
function urlOf(n: number): string {
  const head = 'https://mois-ess.example/';
  return head + 'a'.repeat(n - head.length);
}

/** The tiny content in a temporary folder, with `edit` applied to its files. */
function tinyWith(edit: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(ROOT, 'tests/.output-qr-limit-'));
  cpSync(path.join(ROOT, 'tests/fixtures/tiny'), dir, { recursive: true });
  edit(dir);
  return dir;
}

/** The content problems of a build, as the command line prints them. */
async function problems(content: string, documents: string[]): Promise<string[]> {
  const e = await build({ root: ROOT, content: path.relative(ROOT, content), out: mkdtempSync(path.join(os.tmpdir(), 'encre-qr-limit-')), documents, sourceDateEpoch: EPOCH }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ContentError);
  return (e as ContentError).problems.map(formatProblem);
}

describe('the URL limit', () => {
  it('is the longest URL whose code keeps its modules at the size printed: one more character needs a larger code', () => {
    // 20 mm at 0.33 mm: 60 modules, version 10 (57 modules), error correction M.
    const limit = maxUrlLength(20, 0.33, 'M');
    expect(limit).toBe(213);
    expect(qrMatrix(urlOf(limit), 'M').modules).toBeLessThanOrEqual(60);
    expect(qrMatrix(urlOf(limit + 1), 'M').modules).toBeGreaterThan(60);
    // A higher error correction holds less; a larger code or a smaller module more; nothing under 21 modules.
    expect(maxUrlLength(20, 0.33, 'H')).toBeLessThan(limit);
    expect(maxUrlLength(30, 0.33, 'M')).toBeGreaterThan(limit);
    expect(maxUrlLength(6, 0.33, 'M')).toBe(0);
  });

  it('is stated, with the size and module it comes from, for an event URL the content accepts but the programme cannot print', async () => {
    const dir = tinyWith((d) => {
      const file = path.join(d, 'events/34.yaml');
      // A second event with a short URL: the long one is the cause, not the theme's size.
      const short = '  - { id: t-02, title: Visite, commune: Sète, departement: "34", url: "https://mois-ess.example/t-02" }\n';
      writeFileSync(file, readFileSync(file, 'utf8').replace(/url: .*/, `url: ${urlOf(220)}`) + short);
    });
    try {
      const rel = path.relative(ROOT, dir);
      expect(await problems(dir, ['programme'])).toEqual([
        `${rel}/events/34.yaml:2:1 event t-01 url: the URL has 220 characters: a QR code of 20 mm (qr.eventSize) holds at most 213 with modules of 0.33 mm (the printer's qrMinModule); this one needs 61 modules, 0.33 mm each, below what a phone reads reliably\n  Hint: use a URL of at most 213 characters (a short link or a redirect to the page), or set qr.eventSize to 20.2 mm or more in themes/languedoc-roussillon.yaml:${themeLine('qr:')}`,
      ]);
      // The affiche does not print the events' codes.
      await expect(build({ root: ROOT, content: rel, out: mkdtempSync(path.join(os.tmpdir(), 'encre-qr-limit-')), documents: ['affiche'], sourceDateEpoch: EPOCH })).resolves.toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('of the programme URL is that of the smallest size it is printed at, located in campaign.yaml', async () => {
    const dir = tinyWith((d) => {
      const file = path.join(d, 'campaign.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/programmeUrl: .*/, `programmeUrl: ${urlOf(600)}`));
    });
    try {
      const rel = path.relative(ROOT, dir);
      const limit = maxUrlLength(30, 0.33, 'M');
      expect(await problems(dir, ['affiche'])).toEqual([
        expect.stringMatching(new RegExp(`^${rel}/campaign\\.yaml:6:15 programmeUrl: the URL has 600 characters: a QR code of 30 mm \\(qr\\.posterSize\\) holds at most ${limit} with modules of 0\\.33 mm`)),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The line of the default theme that starts with `prefix`. */
function themeLine(prefix: string): number {
  return readFileSync(path.join(ROOT, 'themes/languedoc-roussillon.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}
