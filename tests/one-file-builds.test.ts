import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { EPOCH, ROOT } from './helpers/sample.js';

/** Every TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

describe('dependencies loaded from their one-file builds (start-up time)', () => {
  // A module importing pdf-lib's main entry would load a second set of its classes: a
  // document opened there fails encre's `instanceof PDFDict` checks (src/post/pdf-lib.ts).
  it('imports pdf-lib, culori and qrcode only through their one-file builds', () => {
    const offenders = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'layouts'))].flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/(?:from|import\()\s*'(pdf-lib|culori|qrcode)'/g)].map((m) => `${path.relative(ROOT, file)}: '${m[1]}'`);
    });
    expect(offenders).toEqual([]);
  });
});

// npm run compile bundles the command line (src/compile/bundle.ts) and bin/encre.js runs the
// bundle: the same code, so the same files as the compiled modules one by one.
describe('the bundled command line', () => {
  it('is made by the compilation and writes the bytes the unbundled modules write', () => {
    expect(existsSync(path.join(ROOT, 'dist/bundle/main.js')), 'dist/bundle/main.js (npm run compile)').toBe(true);
    const out = mkdtempSync(path.join(os.tmpdir(), 'encre-bundle-'));
    try {
      const env = { ...process.env, ENCRE_CACHE: '0', SOURCE_DATE_EPOCH: EPOCH, NODE_ENV: 'production' };
      const make = (entry: string, dir: string) => execFileSync(process.execPath, [entry, 'build', '--quiet', '--out', path.join(out, dir), 'flyer'], { cwd: ROOT, env, stdio: 'pipe' });
      make('dist/bundle/main.js', 'bundle');
      make('dist/src/cli/main.js', 'modules');
      for (const file of ['flyer.pdf', 'screen/flyer.pdf']) {
        expect(readFileSync(path.join(out, 'bundle', file)).equals(readFileSync(path.join(out, 'modules', file))), file).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
