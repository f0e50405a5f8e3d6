import { describe, expect, it } from 'vitest';
import { readContent } from '../src/preflight/content.js';

/*
 * The preflight's reader of content streams (src/preflight/content.ts) keeps the operands
 * before each operator as places in the text and reads them only for the operators it checks:
 * each operator must still see its own operands, never those of a path, an array or a string
 * before it.
 */
describe('content stream reader', () => {
  it('reads each checked operator with its own operands', () => {
    const stream = [
      '10 10 m 20 20 l 0.75 G 30 30 40 40 50 50 c S',
      'q 2 0 0 2 10 20 cm /GS1 gs',
      '0 0 0 1 k 0.1 0.2 0.3 rg',
      'BT /F1 9 Tf 1 0 0 1 5 5 Tm [(Ate) -20 (lier)] TJ ET',
      '[3 2] 0 d (a ] b) Tj 1 0 0 1 0 0 cm',
      '0.2 0.9 0.4 0 k BT /F2 12 Tf (x) Tj ET',
      'Q /Im1 Do /CS0 cs 0.5 scn /CS1 CS 0.25 0.5 SCN',
      'q 0.5 0 0 0.5 0 0 cm /Im2 Do Q 7 8 9 re f',
    ].join('\n');
    const gs = (name: string) => (name === 'GS1' ? { op: true } : undefined);
    const facts = readContent(stream, undefined, gs);
    expect(facts.colours).toEqual([
      { space: 'DeviceGray', values: [0.75] },
      { space: 'DeviceCMYK', values: [0, 0, 0, 1] },
      { space: 'DeviceRGB', values: [0.1, 0.2, 0.3] },
      { space: 'DeviceCMYK', values: [0.2, 0.9, 0.4, 0] },
      { space: 'CS0', values: [0.5] },
      { space: 'CS1', values: [0.25, 0.5] },
    ]);
    expect(facts.spaces).toEqual(['CS0', 'CS1']);
    expect(facts.draws).toEqual([
      { name: 'Im1', matrix: [1, 0, 0, 1, 0, 0] },
      { name: 'Im2', matrix: [0.5, 0, 0, 0.5, 0, 0] },
    ]);
    // The text in several inks, at 12 pt × the page's scale of 2 (cm inside q…Q).
    expect(facts.inkedText).toEqual([{ values: [0.2, 0.9, 0.4, 0], sizePt: 24 }]);
    // The path stroked in grey counts for nothing; the text in 100 % K overprints (/GS1: op),
    // then is painted in RGB, then in 3 inks.
    expect(facts.overprint).toEqual({ black: 0, blackOverprinted: 0, otherOverprinted: 3, blackText: 0, blackTextOverprinted: 0 });
  });
});
