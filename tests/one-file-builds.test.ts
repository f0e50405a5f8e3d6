import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/sample.js';

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
