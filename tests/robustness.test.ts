import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { build } from '../src/build.js';
import { ContentError, formatProblem } from '../src/model/errors.js';
import { frenchText } from '../src/derive/typography.js';
import { parseYaml, validate } from '../src/load/yaml.js';
import { EventFileSchema } from '../src/model/event.js';
import { ROOT, EPOCH } from './helpers/sample.js';
import { sharedBuild } from './helpers/shared.js';

/** A copy of the sample content inside the project (content paths are relative to it). */
function sampleCopy(): string {
  const dir = mkdtempSync(path.join(ROOT, 'tests/.output-robust-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

describe('contained and hermetic', () => {
  it('refuses logos outside the campaign folder, absolute, remote, or through a symlink leading out', async () => {
    const dir = sampleCopy();
    try {
      symlinkSync('/etc/hostname', path.join(dir, 'escape.svg'));
      const rel = path.relative(ROOT, dir);
      const campaign = readFileSync(path.join(dir, 'campaign.yaml'), 'utf8').replace(
        /^partners:\n/m,
        `partners:\n  - { name: A, logo: ../../etc/passwd }\n  - { name: B, logo: /etc/passwd }\n  - { name: C, logo: https://example.org/logo.png }\n  - { name: D, logo: escape.svg }\n`,
      );
      writeFileSync(path.join(dir, 'campaign.yaml'), campaign);
      const error = await build({ root: ROOT, content: rel, out: os.tmpdir(), documents: ['affiche'] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      const messages = (error as ContentError).problems.map(formatProblem).join('\n');
      expect(messages).toContain('partners[0].logo: "../../etc/passwd": a path leading out of the campaign folder');
      expect(messages).toContain('partners[1].logo: "/etc/passwd": an absolute path');
      expect(messages).toContain('partners[2].logo: "https://example.org/logo.png": a remote file, refused: builds are offline (no network access)\n  Hint: pass --allow-network');
      expect(messages).toContain('partners[3].logo: ');
      expect(messages).toContain('a symbolic link leading out of the campaign folder');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('nothing half-written', () => {
  it('leaves out/ as it was, with no temporary file, when a build is interrupted (SIGINT, SIGTERM)', async () => {
    // The sample's files, as a previous build left them (a copy of the run's shared build).
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-sigint-'));
    cpSync(await sharedBuild('sample'), out, { recursive: true });
    const hashes = () => Object.fromEntries(readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf')).map((f) => [f, createHash('sha256').update(readFileSync(path.join(out, f))).digest('hex')]));
    const before = hashes();
    for (const [delay, signal] of [[600, 'SIGINT'], [1500, 'SIGTERM'], [3000, 'SIGINT'], [2200, 'SIGTERM']] as const) {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/encre.js'), 'build', '--out', out, '--source-date-epoch', '1500000000'], { cwd: ROOT, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill(signal);
      await new Promise((r) => child.on('exit', r));
      const left = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));
      expect(left, `temporary files after ${signal} at ${delay} ms`).toEqual([]);
      const now = hashes();
      // Every file is either the previous one or a complete new one (different date), never half.
      for (const [f, h] of Object.entries(now)) if (h !== before[f]) expect(readFileSync(path.join(out, f)).subarray(-6).toString('latin1')).toContain('%%EOF');
      expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
    }
  });

  it('two builds of the same project at once give two valid, identical PDFs', async () => {
    const a = mkdtempSync(path.join(os.tmpdir(), 'encre-conc-'));
    const run = () =>
      new Promise<number>((resolve) => {
        const c = spawn(process.execPath, [path.join(ROOT, 'bin/encre.js'), 'build', 'affiche', 'flyer', '--out', a, '--source-date-epoch', EPOCH], { cwd: ROOT, stdio: 'ignore' });
        c.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(readdirSync(a).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const once = mkdtempSync(path.join(os.tmpdir(), 'encre-conc-ref-'));
    await build({ root: ROOT, content: 'content', out: once, documents: ['affiche', 'flyer'], sourceDateEpoch: EPOCH });
    for (const f of ['affiche.pdf', 'flyer.pdf']) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(once, f))), f).toBe(true);
  });
});

describe('arbitrary input (property-based, fast-check)', () => {
  it('French typography never loses a visible character and is idempotent', () => {
    // Ligature characters (ﬁ ﬀ…) are written as their letters: the same visible text.
    const visible = (t: string) =>
      t
        .replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'))
        .normalize('NFC')
        .replace(/[\s\u00A0\u202F\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
        .replace(/['’]/g, '’');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const once = frenchText(s);
        expect(frenchText(once)).toBe(once);
        expect(visible(once)).toBe(visible(s));
      }),
      { numRuns: 400 },
    );
    // The same over the characters the rules act on, densely: punctuation runs, guillemets,
    // no-break spaces, ligature characters, combining accents ("a::", "a:»", "ﬃ́" were found so).
    const dense = fc.string({ unit: fc.constantFrom(...'aé ﬀﬁﬃ\u0301\u00A0\u202F:;!?«»\'’,.-'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(dense, (s) => {
        const once = frenchText(s);
        expect(frenchText(once)).toBe(once);
        expect(visible(once)).toBe(visible(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('any YAML text gives events or located problems, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const { source, problems } = parseYaml('x.yaml', s);
        if (problems.length > 0) {
          for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(1);
          return;
        }
        const result = validate(source, EventFileSchema);
        expect(result.value !== undefined || result.problems.length > 0).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
