import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AsciiText } from '../src/render/ascii-text.js';

// The buffer the QR codes' path data and operators are written into (src/render/ascii-text.ts).
describe('ASCII text written into a reused buffer', () => {
  it('writes integers as `${n}` does, and pieces in order', () => {
    const out = new AsciiText();
    fc.assert(fc.property(fc.array(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 })), (ns) => {
      out.start(ns.length * 12);
      for (const n of ns) out.int(n).char(0x20);
      expect(out.take()).toBe(ns.map((n) => `${n} `).join(''));
    }), { numRuns: 500 });
    expect(out.start(16).int(-0).text(' m\n').int(177).take()).toBe('0 m\n177');
  });

  it('grows to the capacity asked, and refuses a text longer than its buffer instead of cutting it', () => {
    const long = 'x'.repeat(200_000);
    expect(new AsciiText().start(long.length).text(long).take()).toBe(long);
    // A capacity given too small: what is written past the buffer's end is not lost silently.
    const out = new AsciiText().start(4).text(long);
    expect(() => out.take()).toThrow(/internal: 200000 bytes written into a text of 65536/);
  });
});
