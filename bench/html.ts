/**
 * The HTML/CSS peers of encre's programme: the same events as bench/programme.typ, written as
 * one HTML page (A5, two columns, a heading per département; per event its date line, bold
 * title, place, description and QR code as an inline SVG; Inter from assets/fonts/), printed
 * to PDF by Chromium (its print to PDF, driven by playwright-core with Debian's Chromium, tests/helpers/chromium.ts), by
 * Paged.js in Chromium (the pagedjs polyfill, then the print to PDF) or by WeasyPrint
 * (Debian's `weasyprint`). What a user would pick instead of encre to make a programme from
 * data. Only the engine's work is timed after the page is written: loading the YAML and
 * deriving the model use encre's own code, as for Typst.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeHtml } from '../src/site/html.js';
import { peerModel, qrSvg } from './peer-data.js';
import { CHROMIUM } from '../tests/helpers/chromium.js';

/** The HTML engines measured. */
export type HtmlEngine = 'chromium' | 'pagedjs' | 'weasyprint';

/** What an HTML engine produced: pages (when known) and where the time went (seconds). */
export interface HtmlRun {
  pages?: number;
  events: number;
  sections: number;
  /** Loading and validating the YAML, deriving the model (encre's own code), writing the HTML. */
  prepareS: number;
  /** The engine: from the HTML file to the PDF on disk (browser start included). */
  typesetS: number;
}

/** The programme's page: the same measures as bench/programme.typ (mm and pt). */
function page(title: string, fonts: string, sections: { code: string; name: string; events: string[] }[]): string {
  const face = (file: string, weight: number, family = 'Inter', style = 'normal') => `@font-face { font-family: "${family}"; src: url("${fonts}/${file}"); font-weight: ${weight}; font-style: ${style}; }`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${face('Inter-Regular.otf', 400)}
${face('Inter-SemiBold.otf', 600)}
${face('Inter-Bold.otf', 700)}
${face('Inter-Italic.otf', 400, 'Inter', 'italic')}
${face('InterDisplay-Bold.otf', 700, 'Inter Display')}
@page { size: A5; margin: 15mm 12mm 16mm 15mm; @bottom-center { content: counter(page); font: 7.5pt Inter; } }
html { font: 8.5pt/1.42 Inter; hyphens: auto; color: #1d1d1b; }
body { margin: 0; }
main { display: grid; grid-template-columns: 1fr 1fr; column-gap: 5mm; align-items: start; }
h1 { grid-column: 1 / -1; }
h1 { font: 700 16pt "Inter Display"; color: #e8542a; margin: 8mm 0 3mm; break-after: avoid; }
.event { break-inside: avoid; border-top: 0.5pt solid #b4b4b4; padding: 3mm 0; display: flex; gap: 2mm; }
.event .text { flex: 1; min-width: 0; }
.when { font-weight: 600; color: #e8542a; }
.title { font-weight: 700; font-size: 10.5pt; margin: 1.6mm 0; }
.place { font-size: 7.5pt; font-weight: 600; }
.description { margin: 1.5mm 0 0; }
.qr { width: 20mm; height: 20mm; flex: none; }
</style></head><body><main>
${sections.map((s) => `<h1>${escapeHtml(s.code)} ${escapeHtml(s.name)}</h1>\n${s.events.join('\n')}`).join('\n')}
</main></body></html>
`;
}

/**
 * Writes the programme of `content` (a content folder, relative to `root`) as HTML beside
 * `outPdf` and prints it to `outPdf` with `engine`.
 * @throws Error when the engine fails (its message or its standard error).
 */
export async function typesetWithHtml(engine: HtmlEngine, root: string, content: string, outPdf: string, sourceDateEpoch: number): Promise<HtmlRun> {
  const t0 = performance.now();
  const { loaded, model } = await peerModel(root, content, sourceDateEpoch);
  const sections = model.sections.map((s) => ({
    code: s.code,
    name: s.name,
    events: s.events.map(
      (e) =>
        `<div class="event"><div class="text">${e.when ? `<div class="when">${escapeHtml(e.when)}</div>` : ''}<div class="title">${escapeHtml(e.title)}</div><div class="place">${escapeHtml(e.place)}</div>${e.description ? `<p class="description">${escapeHtml(e.description)}</p>` : ''}</div>${e.qr ? qrSvg(e.qr, ' class="qr"') : ''}</div>`,
    ),
  }));
  await mkdir(path.dirname(outPdf), { recursive: true });
  const html = path.join(path.dirname(outPdf), `${path.basename(outPdf, '.pdf')}.html`);
  await writeFile(html, page(`${model.title} — ${model.campaign.region}`, pathToFileURL(path.join(root, 'assets', 'fonts')).href, sections));
  const t1 = performance.now();
  if (engine === 'weasyprint') await run('weasyprint', [html, outPdf]);
  else await printInChromium(html, outPdf, engine === 'pagedjs');
  const t2 = performance.now();
  return { events: loaded.events.length, sections: model.sections.length, prepareS: (t1 - t0) / 1000, typesetS: (t2 - t1) / 1000 };
}

/** Opens `html` in headless Chromium, paginates it with Paged.js when asked, and prints it to `outPdf`. */
async function printInChromium(html: string, outPdf: string, paged: boolean): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--allow-file-access-from-files'] });
  try {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    if (paged) {
      // The polyfill paginates the page as the CSS Paged Media spec says, then the browser prints its pages.
      // (The package exports no subpath: its file, from the package's folder.)
      const polyfill = path.join(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
      await tab.evaluate(() => {
        (window as unknown as { PagedConfig: unknown }).PagedConfig = { auto: false };
      });
      await tab.addScriptTag({ path: polyfill });
      await tab.evaluate(() => (window as unknown as { PagedPolyfill: { preview: () => Promise<unknown> } }).PagedPolyfill.preview());
    }
    await tab.pdf({ path: outPdf, preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

/** Runs a command; rejects with its standard error when it exits non-zero. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`))));
  });
}
