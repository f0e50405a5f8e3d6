import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { inspectPdf } from '../src/preflight/pdf.js';
import { loadPrinter } from '../src/load/printer.js';
import { sharedBuild } from './helpers/shared.js';
import { separations } from './helpers/ghostscript.js';

// What the printer's RIP makes of the print files' inks: Ghostscript's separations (tiffsep).

let out = '';
beforeAll(async () => {
  out = await sharedBuild('sample');
});

describe('black overprint (printer profile offset: overprintBlack: true)', () => {
  it('sets 100 % K text and rules to overprint with an ExtGState /OP true /op true /OPM 1, and the preflight finds every one overprinting', async () => {
    const bytes = readFileSync(path.join(out, 'programme.pdf'));
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const overprinting = new Set<string>();
    for (const page of doc.getPages()) {
      const states = page.node.Resources()?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
      for (const [name, ref] of states?.entries() ?? []) {
        const gs = doc.context.lookup(ref, PDFDict);
        const flag = (k: string) => (gs.get(PDFName.of(k)) as PDFBool | undefined)?.asBoolean();
        if (flag('OP') && flag('op') && gs.lookupMaybe(PDFName.of('OPM'), PDFNumber)?.asNumber() === 1) overprinting.add(name.decodeText());
      }
    }
    // /OP true /op true: the text's fill (op) and strokes (OP; black where no other stroke colour is set).
    expect(overprinting.size).toBeGreaterThan(0);
    const report = await inspectPdf('programme.pdf', bytes, { printer: await loadPrinter('offset') });
    expect(report.errors).toEqual([]);
    expect(report.overprint?.black).toBe(true);
    expect(report.overprint?.blackFills).toBeGreaterThan(100);
    expect(report.overprint?.overprinted).toBe(report.overprint?.blackFills);
    // The screen file has no overprint.
    const screen = await inspectPdf('screen/programme.pdf', readFileSync(path.join(out, 'screen/programme.pdf')), {});
    expect(screen.overprint?.overprinted).toBe(0);
  });

  it('leaves no hole in a tint plate under black text (tiffsep; control: the same file rendered with overprint disabled has them)', async () => {
    const bytes = readFileSync(path.join(out, 'programme.pdf'));
    const [printed, control] = await Promise.all([separations(bytes, 50), separations(bytes, 50, { overprint: false })]);
    let holes = 0;
    let filled = 0;
    for (const [i, ko] of control.entries()) {
      const k = ko.get('Black')!;
      const w = k.width;
      for (const tint of ['Cyan', 'Magenta', 'Yellow']) {
        const t = ko.get(tint)!.ink;
        const real = printed[i]!.get(tint)!.ink;
        for (let p = 4 * w; p < t.length - 4 * w; p++) {
          // A hole of the control: full black, no tint ink, in a tint (inked 4 px away on both sides, both ways).
          if (k.ink[p]! < 200 || t[p] !== 0 || !(t[p - 4]! > 0 && t[p + 4]! > 0 && t[p - 4 * w]! > 0 && t[p + 4 * w]! > 0)) continue;
          holes++;
          if (real[p]! > 0) filled++;
        }
      }
    }
    expect(holes, 'black text on a tint in the booklet').toBeGreaterThan(20);
    expect(filled).toBe(holes);
  });
});
