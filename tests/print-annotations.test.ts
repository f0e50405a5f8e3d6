import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { inspectPdf } from '../src/preflight/pdf.js';
import { loadPrinter } from '../src/load/printer.js';
import { buildInto } from './helpers/sample.js';

/*
 * Print files hold no annotation objects at all (issue 15, point 6): not on a page, and not
 * left over in the file either (the programme's contents links, with their jump actions).
 */

/** The annotation objects of a PDF (on a page or not), and the actions (jumps) it holds. */
function annotations(doc: PDFDocument): { annots: number; actions: number } {
  let annots = 0;
  let actions = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    if (obj.get(PDFName.of('Type')) === PDFName.of('Annot') || obj.get(PDFName.of('Subtype')) === PDFName.of('Link')) annots++;
    if (obj.get(PDFName.of('S')) === PDFName.of('GoTo') || obj.get(PDFName.of('S')) === PDFName.of('URI')) actions++;
  }
  return { annots, actions };
}

describe('annotations', () => {
  it('the programme print file holds no annotation object nor action; the screen file keeps its links', async () => {
    const { out } = await buildInto('tests/fixtures/tiny', ['programme']);
    const print = await PDFDocument.load(readFileSync(path.join(out, 'programme.pdf')));
    const screen = await PDFDocument.load(readFileSync(path.join(out, 'screen/programme.pdf')));
    expect(annotations(print)).toEqual({ annots: 0, actions: 0 });
    expect(annotations(screen).annots).toBeGreaterThan(0);
  });

  it('the preflight refuses a print file with an annotation object on no page', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10] }));
    const report = await inspectPdf('x.pdf', await doc.save(), { printer: await loadPrinter('offset') });
    expect(report.errors).toContain('1 annotation object(s) (links) in the file, on no page: PDF/X print files have none');
  });
});
