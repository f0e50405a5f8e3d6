import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { create } from '../src/qr/qrcode.js';
import { qrMatrix, qrPath } from '../src/qr/matrix.js';

/*
 * A QR matrix keeps its dark modules packed one bit each (a model holds one per event, in
 * every thread that builds); its SVG path is made when the code is drawn. The path must
 * cover exactly the modules the qrcode package set dark, for codes of every size.
 */

/** The modules a path of `M<x> <y>h<w>v1h<-w>z` rectangles covers, as "x,y" keys; throws on anything else. */
function covered(path: string): Set<string> {
  const cells = new Set<string>();
  const rect = /M(\d+) (\d+)h(\d+)v1h(-\d+)z/y;
  let m: RegExpExecArray | null;
  while (rect.lastIndex < path.length && (m = rect.exec(path))) {
    const [x, y, w, back] = m.slice(1).map(Number) as [number, number, number, number];
    expect(back).toBe(-w);
    for (let i = 0; i < w; i++) {
      const key = `${x + i},${y}`;
      expect(cells.has(key), `module ${key} drawn twice`).toBe(false);
      cells.add(key);
    }
  }
  expect(rect.lastIndex, `path not made of module rows: ${path.slice(0, 60)}`).toBe(path.length);
  return cells;
}

/** The dark modules qrcode itself computes for `text`. */
function darkModules(text: string, level: 'L' | 'M' | 'Q' | 'H'): Set<string> {
  const { modules } = create(text, { errorCorrectionLevel: level });
  const cells = new Set<string>();
  for (let y = 0; y < modules.size; y++) for (let x = 0; x < modules.size; x++) if (modules.data[y * modules.size + x]) cells.add(`${x},${y}`);
  return cells;
}

describe('QR matrices', () => {
  it('draw exactly the dark modules qrcode computes, from 21 to 177 modules a side', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 1200 }), fc.constantFrom('L' as const, 'M' as const, 'Q' as const, 'H' as const), (text, level) => {
        const url = `https://mois-ess.example/${text}`.slice(0, level === 'H' ? 1200 : 2000);
        const matrix = qrMatrix(url, level);
        expect(covered(qrPath(matrix))).toEqual(darkModules(url, level));
      }),
      { numRuns: 60 },
    );
  });

  it('keep an event’s code in about a tenth of its path’s size', () => {
    const matrix = qrMatrix('https://mois-ess.example/evenements/atelier-cooperatives-toulouse-2016-11-15');
    expect(matrix.modules).toBeGreaterThanOrEqual(33);
    expect(matrix.dark.length).toBe(Math.ceil(Math.ceil((matrix.modules * matrix.modules) / 8) / 3) * 4);
    expect(matrix.dark.length * 5).toBeLessThan(qrPath(matrix).length);
  });
});
