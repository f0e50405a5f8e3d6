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

  it('@react-pdf/layout asks the font store for each font once per pass over the assets of a document, not once per node', async () => {
    const { Font, Text, View } = await import('@react-pdf/renderer');
    const { createElement: h } = await import('react');
    const { registerFonts } = await import('../src/render/fonts.js');
    const { measureBlocks } = await import('../src/paginate/measure.js');
    const { text } = await import('../layouts/styles.js');
    const { ROOT } = await import('./helpers/sample.js');
    registerFonts(ROOT);
    const store = Font as unknown as { load(d: { fontFamily: string; fontStyle?: string; fontWeight?: number }): Promise<void> };
    const load = store.load;
    const asked: string[] = [];
    store.load = (d) => {
      asked.push(`${d.fontFamily} ${d.fontStyle} ${d.fontWeight}`);
      return load(d);
    };
    try {
      // 40 texts inheriting one style, 40 in bold: each family of the fallback chain once per style.
      const block = h(View, { style: text.body }, ...Array.from({ length: 40 }, (_, i) => h(Text, { key: `r${i}` }, `Atelier ${i}`)), ...Array.from({ length: 40 }, (_, i) => h(Text, { key: `b${i}`, style: text.strong }, `Forum ${i}`)));
      const [measured] = await measureBlocks([block], 300);
      expect(measured!.height).toBeGreaterThan(0);
    } finally {
      store.load = load;
    }
    // react-pdf's layout resolves the assets twice (before and after the styles'
    // inheritance): each font at most once per pass, not once per text (81 nodes).
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThanOrEqual(2 * new Set(asked).size);
    // Every family of the style's fallback chain, in both weights.
    const families = (text.body.fontFamily as string[]);
    for (const family of families) {
      expect(asked.filter((a) => a.startsWith(`${family} `)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('@react-pdf/render: glyph ids as four hex digits and colours parsed once, the same text; glyphs copied only where an attachment replaces some', () => {
    const source = readFileSync(require.resolve('@react-pdf/render').replace(/[^/]+$/, 'index.js'), 'utf8');
    const unpatched = 'patches/@react-pdf+render+4.7.0.patch is not applied: install with `npm ci` (its postinstall runs patch-package)';
    const line = /^const hex4 = \(gid\) => HEX4\[gid\] \?\? \(HEX4\[gid\] = `0000\$\{gid\.toString\(16\)\}`\.slice\(-4\)\);$/m;
    expect(line.test(source), unpatched).toBe(true);
    expect(source).toContain('res.push(hex4(gid));');
    expect(source).toContain('const glyphs = run.attributes.attachment ? [...run.glyphs] : run.glyphs;');
    // Colours parsed once per text: the shipped parser (renamed) answers what is not yet kept.
    expect(source).toContain('const parseColorOnce = (hex) => {');
    expect(source).toContain('PARSED_COLORS.set(hex, (parsed = parseColorOnce(hex)));');
    // renderAttachments, which the glyphs are given, replaces a glyph only when the run has an attachment.
    expect(source).toContain('if (glyph.id === objectReplacement.id && run.attributes.attachment) {');
    // The memo gives the shipped expression's text for every glyph id a subset can have.
    const HEX4: string[] = [];
    const hex4 = (gid: number) => HEX4[gid] ?? (HEX4[gid] = `0000${gid.toString(16)}`.slice(-4));
    const ids = Array.from({ length: 65536 }, (_, gid) => gid);
    const shipped = ids.map((gid) => `0000${gid.toString(16)}`.slice(-4)).join(' ');
    expect(ids.map(hex4).join(' ')).toBe(shipped);
    expect(ids.map(hex4).join(' ')).toBe(shipped); // from the memo
  });

  it('fontkit loads brotli (WOFF2) when first needed, and can still load it', () => {
    const module = require.resolve('fontkit').replace(/main\.cjs$/, 'module.mjs');
    const text = readFileSync(module, 'utf8');
    const unpatched = 'patches/fontkit+2.0.4.patch is not applied: install with `npm ci` (its postinstall runs patch-package)';
    expect(/^import .* from "brotli\/decompress\.js";$/m.test(text), unpatched).toBe(false);
    expect(text.includes('$encre$createRequire(import.meta.url)("brotli/decompress.js")'), unpatched).toBe(true);
    expect(typeof createRequire(module)('brotli/decompress.js')).toBe('function');
  });
  it('qrcode chooses the mask the shipped scoring chooses, and draws the same modules', () => {
    type Matrix = { size: number; data: Uint8Array; reservedBit: Uint8Array };
    const masks = require('qrcode/lib/core/mask-pattern.js') as Record<string, (m: Matrix) => number> & { getBestMaskAsShipped?: unknown };
    const { create } = require('qrcode/lib/core/qrcode.js') as { create(text: string, o: { errorCorrectionLevel: string; maskPattern?: number }): { modules: Matrix; maskPattern: number } };
    expect(typeof masks.getBestMaskAsShipped, 'patches/qrcode+1.5.4.patch is not applied: install with `npm ci` (its postinstall runs patch-package)').toBe('function');
    // The reference: each of the 8 patterns applied by qrcode itself (maskPattern given: no
    // choice made), scored with the package's own penalty functions (not patched), the
    // lowest first (ISO/IEC 18004 §7.8.3). getBestMask is the patched one.
    const score = (m: Matrix) => masks.getPenaltyN1!(m) + masks.getPenaltyN2!(m) + masks.getPenaltyN3!(m) + masks.getPenaltyN4!(m);
    const texts = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.stringMatching(/^[0-9A-Z $%*+./:-]{1,200}$/),
    );
    const chosen = new Set<number>();
    fc.assert(fc.property(texts, fc.constantFrom('L', 'M', 'Q', 'H'), (text, level) => {
      fc.pre(text.length > 0);
      const each = Array.from({ length: 8 }, (_, p) => create(text, { errorCorrectionLevel: level, maskPattern: p }));
      const scores = each.map((qr) => score(qr.modules));
      const best = scores.indexOf(Math.min(...scores));
      const qr = create(text, { errorCorrectionLevel: level });
      expect(qr.maskPattern).toBe(best);
      expect(Buffer.from(qr.modules.data).equals(Buffer.from(each[best]!.modules.data))).toBe(true);
      chosen.add(best);
    }), { numRuns: 400 });
    expect(chosen.size).toBeGreaterThan(4); // the draws met most patterns
  });
});
