/**
 * The Typst peer: typesets the programme's events from the same content folder with Typst
 * (@myriaddreamin/typst-ts-node-compiler, in process) and bench/programme.typ.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { peerModel, qrSvg } from './peer-data.js';

/** What a Typst run produced: pages and where the time went (seconds). */
export interface TypstRun {
  pages: number;
  events: number;
  sections: number;
  /** Loading and validating the YAML, deriving the model (encre's own code), writing the JSON. */
  prepareS: number;
  /** Typst: compile (layout) and PDF export, writing the PDF. */
  typesetS: number;
}

/**
 * Typesets the events of `content` (a content folder, relative to `root`) with
 * bench/programme.typ into `outPdf`: loads the content with encre's loader and model (same
 * validation, grouping, order, French date lines, QR matrices), writes them as JSON under
 * bench/.work/typst/, compiles with Typst using the fonts of assets/fonts/.
 * @throws Error with Typst's diagnostics when the compilation fails.
 */
export async function typesetWithTypst(root: string, content: string, outPdf: string, sourceDateEpoch: number): Promise<TypstRun> {
  const t0 = performance.now();
  const { loaded, model } = await peerModel(root, content, sourceDateEpoch);
  const data = {
    title: `${model.title} — ${model.campaign.region}`,
    sections: model.sections.map((s) => ({
      code: s.code,
      name: s.name,
      events: s.events.map((e) => ({ when: e.when ?? null, title: e.title, place: e.place, description: e.description ?? null, qr: e.qr ? qrSvg(e.qr) : null })),
    })),
  };
  const workspace = path.join(root, 'bench');
  const dataRel = path.join('.work', 'typst', `${path.basename(outPdf, '.pdf')}.json`);
  await mkdir(path.join(workspace, path.dirname(dataRel)), { recursive: true });
  await writeFile(path.join(workspace, dataRel), JSON.stringify(data));
  const t1 = performance.now();

  const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: [path.join(root, 'assets', 'fonts')] }] });
  const result = compiler.compile({ mainFilePath: path.join(workspace, 'programme.typ'), inputs: { data: `/${dataRel}` } });
  const doc = result.result;
  if (result.hasError() || !doc) {
    const error = result.takeError();
    const diagnostics = error ? compiler.fetchDiagnostics(error) : [];
    throw new Error(`Typst failed: ${JSON.stringify(diagnostics).slice(0, 2000)}`);
  }
  const pdf = compiler.pdf(doc, { creationTimestamp: sourceDateEpoch });
  await mkdir(path.dirname(outPdf), { recursive: true });
  await writeFile(outPdf, pdf);
  const t2 = performance.now();
  return { pages: doc.numOfPages, events: loaded.events.length, sections: model.sections.length, prepareS: (t1 - t0) / 1000, typesetS: (t2 - t1) / 1000 };
}
