import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, EPOCH } from './helpers/sample.js';

/*
 * The build cache never changes a verdict nor a byte (issue 15, point 1): a passing and a
 * failing input that share most of their cards, built by the command line (a fresh process
 * each time, as a user runs it) in each order, with the cache cold, warm and after a failure,
 * give exactly what a cold build of the same input gives.
 *
 * The two inputs are the same twenty dated events (dates without a time):
 * - pass: grouped by day (the card prints no date line: the day's heading gives it), a
 *   budget of 8 pages, which its cards fit;
 * - fail: grouped by département (every card prints its date line), one commune a word too
 *   wide for the index column: the preflight refuses it (exit 2) once it has measured every card.
 * The theme puts 30 mm above the date line: a card with it is twice as tall. A measurement
 * of a card kept without its date mode would make the passing input's cards look too tall
 * for its 8 pages.
 */

const THEME = `extends: languedoc-roussillon
programme: { columns: 1 }
copyfit: { order: [] }
card:
  fields: [title, when, place]
  gap: { category: 0, when: 30, title: 0, place: 0.8, description: 1.5, tags: 1, footer: 1.5 }
`;

function campaign(extra: string): string {
  return `name: Mois de l'ESS
edition: 10
region: Test
period: { start: 2016-11-01, end: 2016-11-30 }
organiser: { name: Cress Test }
programmeUrl: https://mois-ess.example/test
${extra}`;
}

function events(firstCommune: string): string {
  const lines = ['events:'];
  for (let i = 1; i <= 20; i++) {
    lines.push(`  - { id: e-${i}, title: "Atelier numéro ${i}", commune: ${i === 1 ? firstCommune : 'Montpellier'}, departement: "34", start: 2016-11-15, url: "https://mois-ess.example/e/${i}" }`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the two inputs and the theme into `dir`. */
function inputs(dir: string): { pass: string; fail: string; theme: string } {
  const pass = path.join(dir, 'pass');
  const fail = path.join(dir, 'fail');
  for (const d of [pass, fail]) mkdirSync(path.join(d, 'events'), { recursive: true });
  writeFileSync(path.join(pass, 'campaign.yaml'), campaign('programme: { groupBy: day, pages: 8 }\n'));
  writeFileSync(path.join(pass, 'events/34.yaml'), events('Montpellier'));
  writeFileSync(path.join(fail, 'campaign.yaml'), campaign('programme: { groupBy: departement }\n'));
  writeFileSync(path.join(fail, 'events/34.yaml'), events('WWWWWWWWWWWWWWWWWWWWWWW'));
  const theme = path.join(dir, 'theme.yaml');
  writeFileSync(theme, THEME);
  return { pass, fail, theme };
}

/** What a build gives a user: its exit code, its messages and the sha256 of every file it wrote. */
interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, string>;
}

/** Builds the programme of `content` with the command line, its build cache in `cache`. */
function buildWith(content: string, theme: string, cache: string, scratch: string): Outcome {
  const out = mkdtempSync(path.join(scratch, 'out-'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/encre.js'), 'build', '--content', content, '--theme', theme, '--out', out, '--source-date-epoch', EPOCH, 'programme'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ENCRE_CACHE: '1', ENCRE_CACHE_DIR: cache },
  });
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(out, rel), { withFileTypes: true })) {
      const f = path.join(rel, e.name);
      if (e.isDirectory()) walk(f);
      else files[f] = createHash('sha256').update(readFileSync(path.join(out, f))).digest('hex');
    }
  };
  walk('');
  // The output folder's name, and the note that a file came from the cache, are the only differences allowed.
  const same = (s: string) => s.split(out).join('OUT').replaceAll(' (unchanged: from the build cache)', '');
  return { status: r.status, stdout: same(r.stdout), stderr: same(r.stderr), files };
}

describe('the build cache', () => {
  it('gives the verdict, messages and bytes of a cold build: failing and passing inputs in each order, cold, warm and after a failure', () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'encre-cache-verdict-'));
    try {
      const { pass, fail, theme } = inputs(scratch);
      const cacheA = path.join(scratch, 'cache-a');
      const cacheB = path.join(scratch, 'cache-b');
      // Failing first: cold, again after its own failure, then the passing input after a failure.
      const failCold = buildWith(fail, theme, cacheA, scratch);
      const failAgain = buildWith(fail, theme, cacheA, scratch);
      const passAfterFailure = buildWith(pass, theme, cacheA, scratch);
      // Passing first: cold, then the failing input after it, then the passing one warm after that failure.
      const passCold = buildWith(pass, theme, cacheB, scratch);
      const failAfterPass = buildWith(fail, theme, cacheB, scratch);
      const passWarmAfterFailure = buildWith(pass, theme, cacheB, scratch);

      expect(failCold.status, failCold.stderr).toBe(2);
      expect(failCold.stderr).toContain('text overflows its frame');
      expect(failCold.files).toEqual({});
      expect(passCold.status, passCold.stderr).toBe(0);
      expect(Object.keys(passCold.files).sort().filter((f) => !f.startsWith('imprimeur/'))).toEqual(['fiche-de-fabrication.json', 'fiche-de-fabrication.pdf', 'preflight.json', 'programme.pdf', 'screen/programme.pdf']);
      for (const [name, o] of Object.entries({ failAgain, failAfterPass })) expect(o, name).toEqual(failCold);
      for (const [name, o] of Object.entries({ passAfterFailure, passWarmAfterFailure })) expect(o, name).toEqual(passCold);
      // The warm builds did use the cache.
      expect(readdirSync(cacheB).some((f) => f.endsWith('.pdf'))).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
