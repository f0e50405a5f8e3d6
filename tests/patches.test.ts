import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { matchPercent } from '@react-pdf/fns';

const require = createRequire(import.meta.url);

/** @react-pdf/fns 3.1.3's matchPercent as shipped (patches/@react-pdf+fns+3.1.3.patch adds a fast path before it). */
function shipped(value: unknown): { percent: number; value: number } | null {
  const match = /(-?\d+\.?\d*)%/.exec(`${value as string}`);
  return match ? { percent: parseFloat(match[1]!) / 100, value: parseFloat(match[1]!) } : null;
}

// The patches of patches/ (applied by npm ci's postinstall, patch-package) change speed, not
// results: each is checked against the code it replaces.
describe('patched dependencies', () => {
  it('@react-pdf/fns matchPercent: what the shipped one gives, for any value', () => {
    const values = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(null, undefined, '50%', '-25%', '12.5%', 'abc', '', '%', '100', 'calc(50% - 2px)'),
      fc.string(),
      fc.string().map((s) => `${s}%`),
      fc.tuple(fc.double(), fc.string()).map(([n, s]) => `${n}%${s}`),
      fc.array(fc.oneof(fc.integer(), fc.string())),
    );
    const source = readFileSync(require.resolve('@react-pdf/fns').replace(/[^/]+$/, 'index.js'), 'utf8');
    expect(source.includes('encre: a number, null or a string without'), 'patches/@react-pdf+fns+3.1.3.patch is not applied: install with `npm ci` (its postinstall runs patch-package)').toBe(true);
    fc.assert(fc.property(values, (v) => {
      expect(matchPercent(v as string)).toEqual(shipped(v));
    }), { numRuns: 2000 });
    expect(matchPercent('50%')).toEqual({ percent: 0.5, value: 50 });
  });

  it('@react-pdf/layout takes a text layout cache, and lays out as shipped without one', async () => {
    const layout = await import('@react-pdf/layout');
    const source = readFileSync(require.resolve('@react-pdf/layout').replace(/[^/]+$/, 'index.js'), 'utf8');
    expect(typeof (layout as unknown as { setTextLayoutCache?: unknown }).setTextLayoutCache, 'patches/@react-pdf+layout+5.2.0.patch is not applied: install with `npm ci` (its postinstall runs patch-package)').toBe('function');
    // Without a cache (null), layoutText calls textkit's engine and flattens its lines as the shipped code did.
    expect(source).toContain('const typeset = () => engine(attributedString, container, options).reduce((acc, line) => [...acc, ...line], []);');
    expect(source).toContain('return textLayoutCache ? textLayoutCache(attributedString, container, options, typeset) : typeset();');
    // (tests/text-layouts.test.ts draws the same page with the cache and without it: the same bytes.)
  });

  it('fontkit loads brotli (WOFF2) when first needed, and can still load it', () => {
    const module = require.resolve('fontkit').replace(/main\.cjs$/, 'module.mjs');
    const text = readFileSync(module, 'utf8');
    const unpatched = 'patches/fontkit+2.0.4.patch is not applied: install with `npm ci` (its postinstall runs patch-package)';
    expect(/^import .* from "brotli\/decompress\.js";$/m.test(text), unpatched).toBe(false);
    expect(text.includes('$encre$createRequire(import.meta.url)("brotli/decompress.js")'), unpatched).toBe(true);
    expect(typeof createRequire(module)('brotli/decompress.js')).toBe('function');
  });
});
