#!/usr/bin/env node
import { Command, Option } from 'commander';
import { ContentError, PreflightError, ThemeError, UsageError } from '../model/errors.js';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TOOL_ROOT } from '../paths.js';
import { removePendingTemps } from '../write/atomic.js';
import { DOCUMENT_IDS, documentId } from '../documents/names.js';
import { campaignFolder } from '../campaign/folder.js';

// Each command loads what it needs when it runs (React-PDF and the layouts: 1.6 s; the
// importers: 1 s): `--help`, `import` and `check` start without the others.

/** Exit codes: 1 bad input (content, theme or command line), 2 preflight failure, 3 internal error. */
const EXIT = { content: 1, preflight: 2, internal: 3 } as const;

function fail(e: unknown): never {
  if (e instanceof ContentError) {
    console.error(`encre: ${e.message}`);
    process.exit(EXIT.content);
  }
  if (e instanceof ThemeError) {
    console.error(`encre: ${e.message}`);
    process.exit(EXIT.content);
  }
  if (e instanceof UsageError) {
    console.error(`encre: ${e.message}`);
    process.exit(EXIT.content);
  }
  if (e instanceof PreflightError) {
    console.error(`encre: preflight failed, nothing written.\n${e.message}`);
    process.exit(EXIT.preflight);
  }
  console.error(`encre: internal error: ${(e as Error).stack ?? String(e)}`);
  process.exit(EXIT.internal);
}

const CONTENT_HELP = 'campaign folder (campaign.yaml, events/*.yaml; default: the current folder when it holds a campaign.yaml, else content/)';
const THEME_HELP = 'theme: a name of the campaign\'s themes/ or encre\'s (languedoc-roussillon, midi-pyrenees), or the path of a .yaml theme file (default: campaign.yaml\'s theme:, else languedoc-roussillon)';

const program = new Command('encre')
  .description('From a campaign\'s event data to its print set: programme, affiche, tract, dossier de presse.')
  .version((JSON.parse(readFileSync(path.join(TOOL_ROOT, 'package.json'), 'utf8')) as { version: string }).version)
  .showHelpAfterError();

program
  .command('new')
  .description('write a new campaign folder that builds at once: campaign.yaml (each field commented), events/, themes/, assets/logos/, README.md')
  .argument('<folder>', 'the folder to create (new, or empty)')
  .action(async (folder: string) => {
    try {
      const { newCampaign } = await import('../campaign/new.js');
      const files = newCampaign(folder);
      for (const f of files) console.log(`wrote ${path.join(folder, f)}`);
      console.log(`\nA campaign in ${folder}/: edit campaign.yaml and events/, then\n  cd ${folder} && encre build      (the PDFs in ${folder}/out/)\n  cd ${folder} && encre dev        (the preview in the browser)\n(encre: the command \`npm link\` puts on the PATH from encre's checkout; else node ${path.join(TOOL_ROOT, 'bin', 'encre.js')})`);
    } catch (e) {
      fail(e);
    }
  });

program
  .command('build')
  .description(`build documents into the output folder (default: all of ${DOCUMENT_IDS.join(', ')})`)
  .argument('[document...]', 'document ids to build')
  .option('--content <dir>', CONTENT_HELP)
  .option('--out <dir>', 'output folder (default: out/, or out/<part>/ with --filter: out/34-herault/)')
  .option('--filter <KEY=VALUE>', 'build part of the campaign: departement=34, day=2016-11-15, category=Visite (repeatable: OR within a key, AND between keys)', (v: string, prev: string[]) => [...prev, v], [] as string[])
  .option('--printer <name>', 'printer profile for the print files (printers/<name>.yaml: offset, offset-uncoated, offset-recycled, digital; default: campaign.yaml\'s printer:, else offset)')
  .option('--theme <name|file>', THEME_HELP)
  .option('--format <name>', 'affiche format: A3, A2 or 40x60', 'A3')
  .addOption(new Option('--impose <kind>', 'also write programme-imposition.pdf for an office printer').choices(['saddle']))
  .option('--creep <length>', 'with --impose saddle: shift the pages of each inner sheet outward by this much per sheet (e.g. 0.1mm, the paper\'s thickness; negative: inward)')
  .addOption(new Option('--source-date-epoch <seconds>', 'date written into the PDFs').env('SOURCE_DATE_EPOCH'))
  .option('--allow-network', 'download partner logos given as http(s) URLs (builds are offline otherwise)')
  .option('--quiet', 'print only warnings and errors (no progress, no summaries)')
  .option('--json', 'print the build\'s report as JSON (what out/preflight.json holds, and the files written) and nothing else on standard output')
  .action(async (ids: string[], opts: { content?: string; out?: string; filter: string[]; printer?: string; theme?: string; format: string; impose?: 'saddle'; creep?: string; sourceDateEpoch?: string; allowNetwork?: boolean; quiet?: boolean; json?: boolean }) => {
    try {
      ids.forEach(documentId); // an unknown document is refused before anything loads
      let creep: number | undefined;
      if (opts.creep !== undefined) {
        const { parseCreep } = await import('../post/impose.js');
        try {
          creep = parseCreep(opts.creep);
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
      }
      const { build } = await import('../build.js');
      // Progress on a terminal only; summaries unless --quiet or --json (warnings always, on standard error then).
      const talk = !opts.quiet && !opts.json;
      const log = (l: string) => (talk ? console.log(l) : l.startsWith('warning:') ? console.error(l) : undefined);
      const onProgress = talk && process.stdout.isTTY ? (await import('./progress.js')).progressLines((l) => console.log(l)) : undefined;
      let report: Record<string, unknown> | undefined;
      const built = await build({ root: process.cwd(), content: campaignFolder(opts.content, process.cwd()), out: opts.out ?? 'out', filters: opts.filter, partFolder: opts.out === undefined, documents: ids, printer: opts.printer, theme: opts.theme, format: opts.format, impose: opts.impose, creep, sourceDateEpoch: opts.sourceDateEpoch, allowNetwork: opts.allowNetwork, log, onProgress, onReport: (r) => (report = r) });
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else if (talk) for (const d of built) console.log(`wrote ${d.file} (${d.pages} page${d.pages > 1 ? "s" : ""}, ${(d.bytes / 1024).toFixed(0)} KiB)`);
    } catch (e) {
      fail(e);
    }
  });

program
  .command('list')
  .description('name the documents, themes (the campaign\'s and encre\'s), printer profiles, affiche formats and import formats there are')
  .option('--content <dir>', CONTENT_HELP)
  .option('--json', 'print the list as JSON')
  .action(async (opts: { content?: string; json?: boolean }) => {
    try {
      const [{ listing, formatListing }, { POSTER_FORMATS }, { isCampaign }] = await Promise.all([import('./list.js'), import('../../layouts/frames.js'), import('../campaign/folder.js')]);
      const dir = opts.content ?? (isCampaign(process.cwd()) ? '.' : undefined);
      const l = await listing(process.cwd(), dir === undefined ? undefined : path.resolve(dir), POSTER_FORMATS);
      console.log(opts.json ? JSON.stringify(l, null, 2) : formatListing(l));
    } catch (e) {
      fail(e);
    }
  });

program
  .command('site')
  .description('write the campaign\'s static website into <out>/site/ (campaign.yaml needs site: { baseUrl }); encre build writes it too, with the programme')
  .option('--content <dir>', CONTENT_HELP)
  .option('--out <dir>', 'output folder (the site goes to <out>/site/)', 'out')
  .option('--theme <name|file>', THEME_HELP)
  .addOption(new Option('--source-date-epoch <seconds>', 'date written into the programme PDF and the calendars').env('SOURCE_DATE_EPOCH'))
  .option('--allow-network', 'download partner logos given as http(s) URLs (builds are offline otherwise)')
  .action(async (opts: { content?: string; out: string; theme?: string; sourceDateEpoch?: string; allowNetwork?: boolean }) => {
    try {
      const { build } = await import('../build.js');
      const built = await build({ root: process.cwd(), content: campaignFolder(opts.content, process.cwd()), out: opts.out, documents: [], theme: opts.theme, sourceDateEpoch: opts.sourceDateEpoch, allowNetwork: opts.allowNetwork, site: 'only', log: (l) => console.log(l) });
      for (const d of built) console.log(`wrote ${d.file}/ (${d.pages} pages, ${(d.bytes / 1024).toFixed(0)} KiB)`);
    } catch (e) {
      fail(e);
    }
  });

program
  .command('preview')
  .description('build, then write PNG pages and a contact sheet per document into <out>/preview/')
  .argument('[document...]', 'document ids (default: all)')
  .option('--content <dir>', CONTENT_HELP)
  .option('--out <dir>', 'output folder', 'out')
  .option('--theme <name|file>', THEME_HELP)
  .option('--format <name>', 'affiche format: A3, A2 or 40x60', 'A3')
  .option('--dpi <n>', 'resolution of the page images', '72')
  .option('--printer <name>', 'printer profile of the print files (default: campaign.yaml\'s printer:, else offset)')
  .option('--proof', 'also proofs of the print files on the printer profile\'s paper, through its ICC profile (<doc>-proof-NN.png)')
  .option('--allow-network', 'download partner logos given as http(s) URLs (builds are offline otherwise)')
  .action(async (ids: string[], opts: { content?: string; out: string; theme?: string; format: string; dpi: string; printer?: string; proof?: boolean; allowNetwork?: boolean }) => {
    try {
      const dpi = Number(opts.dpi);
      if (!(dpi >= 10 && dpi <= 600)) throw new UsageError(`--dpi must be between 10 and 600, received "${opts.dpi}"`);
      const [{ build }, { writePreviews, writeProofs }] = await Promise.all([import('../build.js'), import('../preview/preview.js')]);
      const built = await build({ root: process.cwd(), content: campaignFolder(opts.content, process.cwd()), out: opts.out, documents: ids, printer: opts.printer, theme: opts.theme, format: opts.format, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH, allowNetwork: opts.allowNetwork, log: () => {} });
      const docs = [...new Set(built.map((b) => b.id))];
      const files = await writePreviews(opts.out, docs, dpi);
      if (opts.proof) {
        const [{ loadPrinter }, { TOOL_ROOT }, path] = await Promise.all([import('../load/printer.js'), import('../paths.js'), import('node:path')]);
        // The profile the build used (--printer, campaign.yaml's printer: or offset), as its job sheet names it.
        const sheet = JSON.parse(await readFile(path.join(opts.out, 'fiche-de-fabrication.json'), 'utf8')) as { printer: { name: string } };
        const printer = sheet.printer.name;
        const profile = await loadPrinter(printer);
        if (!profile.outputIntent) throw new UsageError(`--proof: the printer profile "${printer}" has no output ICC profile to proof with`);
        files.push(...(await writeProofs(opts.out, docs, dpi, path.resolve(TOOL_ROOT, profile.outputIntent.profile))));
      }
      for (const f of files.filter((x) => !/-\d+\.png$/.test(x))) console.log(`contact sheet ${f}`);
      console.log(`${files.length} images in ${opts.out}/preview/`);
    } catch (e) {
      fail(e);
    }
  });

program
  .command('dev')
  .description('preview server: every page of every document in the browser, rebuilt and refreshed as you save')
  .option('--content <dir>', CONTENT_HELP)
  .option('--theme <name|file>', THEME_HELP)
  .option('--format <name>', 'affiche format: A3, A2 or 40x60', 'A3')
  .option('--port <n>', 'port', '4321')
  .option('--host <address>', 'interface to listen on (127.0.0.1; another one makes the preview reachable from other machines, with a warning)', '127.0.0.1')
  .option('--allow-network', 'download partner logos given as http(s) URLs (builds are offline otherwise)')
  .action(async (opts: { content?: string; theme?: string; format: string; port: string; host: string; allowNetwork?: boolean }) => {
    try {
      const port = Number(opts.port);
      if (!/^\d{1,5}$/.test(opts.port) || port > 65535) throw new UsageError(`--port expects a port number between 0 and 65535, received "${opts.port}"`);
      const { startDevServer } = await import('../dev/server.js');
      const starting = startDevServer({ root: process.cwd(), content: campaignFolder(opts.content, process.cwd()), theme: opts.theme, format: opts.format, port, host: opts.host, allowNetwork: opts.allowNetwork, log: (l) => console.log(l) });
      // Ctrl-C or SIGTERM (even while starting): close the server and stop the build process, exit 0.
      onSignal = async () => {
        const server = await starting.catch(() => undefined);
        await server?.close();
      };
      const server = await starting;
      console.log(`encre dev: ${server.url} (Ctrl-C to stop)`);
    } catch (e) {
      fail(e);
    }
  });

program
  .command('check')
  .description('preflight PDF files as a printer would: boxes, fonts, colours, image resolution, ink, PDF/X')
  .argument('<pdf...>', 'PDF files')
  .option('--printer <name>', 'printer profile to check against (printers/<name>.yaml)', 'offset')
  .option('--screen', 'check as screen files (RGB allowed, no bleed)')
  .option('--json', 'print the report as JSON')
  .action(async (files: string[], opts: { printer: string; screen?: boolean; json?: boolean }) => {
    try {
      const [{ loadPrinter }, { inspectPdf, summarise }] = await Promise.all([import('../load/printer.js'), import('../preflight/pdf.js')]);
      const printer = opts.screen ? undefined : await loadPrinter(opts.printer);
      const reports = [];
      for (const file of files) {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(file));
        } catch {
          throw new UsageError(`${file}: file not found or unreadable`);
        }
        const report = await inspectPdf(file, bytes, { printer }).catch((e: unknown) => {
          throw new UsageError(`${file}: not a PDF encre can read (${(e as Error).message})`);
        });
        reports.push(report);
        if (!opts.json) console.log(summarise(report));
        // A screen file checked as a print file: every error says so; the option that checks it as what it is.
        if (!opts.json && printer && report.errors.length > 0 && report.colourSpaces.length > 0 && report.colourSpaces.every((c) => /RGB|ICCBased-3/.test(c))) {
          console.log(`  Hint: ${file} is in RGB, as a screen file is: check it as one with --screen (encre check --screen ${file})`);
        }
      }
      if (opts.json) console.log(JSON.stringify(reports, null, 2));
      if (reports.some((r) => r.errors.length > 0)) process.exit(EXIT.preflight);
    } catch (e) {
      fail(e);
    }
  });

program
  .command('import')
  .description('import a spreadsheet (CSV or .xlsx), a calendar (.ics) or a conference schedule (frab/pretalx .xml, .json) into content YAML')
  .argument('<file>', 'CSV, .xlsx, .ics, schedule.xml or schedule.json file')
  .option('--mapping <file>', 'mapping file (YAML): columns → event fields, transforms, filters, campaign')
  .option('--filter <FIELD=VALUE...>', 'keep only rows whose column FIELD equals VALUE (repeatable)', [])
  .requiredOption('--out <dir>', 'content folder to write (campaign.yaml, events/*.yaml)')
  .option('--force', 'replace or delete files of the --out folder that encre import did not generate (hand-written campaign.yaml, events/*.yaml)', false)
  .option('--period <START..END>', 'calendars and schedules: import the events between these dates (YYYY-MM-DD..YYYY-MM-DD); default: the mapping\'s period or campaign period')
  .option('--quiet', 'no progress lines (they show only on a terminal)')
  .action(async (file: string, opts: { mapping?: string; filter: string[]; out: string; force: boolean; period?: string; quiet?: boolean }) => {
    try {
      let period: { start: string; end: string } | undefined;
      if (opts.period !== undefined) {
        const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(opts.period);
        if (!m || m[1]! > m[2]!) throw new UsageError(`--period expects START..END, e.g. 2016-11-01..2016-11-30, received "${opts.period}"`);
        period = { start: m[1]!, end: m[2]! };
      }
      const { importEvents, formatImportReport } = await import('../import/index.js');
      const progress = !opts.quiet && process.stdout.isTTY ? (l: string) => console.log(l) : undefined;
      const report = await importEvents({ file, mapping: opts.mapping, filters: opts.filter, outDir: opts.out, force: opts.force, period, progress });
      console.log(formatImportReport(report));
    } catch (e) {
      // A single problem on one line: "encre: data.csv: file not found".
      const single = e instanceof ContentError ? (await import('../import/index.js')).formatImportError(e) : undefined;
      if (single !== undefined) {
        console.error(`encre: ${single}`);
        process.exit(EXIT.content);
      }
      fail(e);
    }
  });

/** Set by `encre dev`: a clean shutdown on SIGINT/SIGTERM (the server closed, its build process stopped). */
let onSignal: (() => Promise<void>) | undefined;
let stopping = false;

// An interrupted build (Ctrl-C, a stopped CI job) leaves the previous outputs as they were
// and no temporary file: completed files are only ever renamed into place. The preview
// server closes cleanly and exits 0; a second signal while it closes exits at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (onSignal && !stopping) {
      stopping = true;
      const force = setTimeout(() => {
        console.error('encre: the preview did not stop within 10 s; exiting');
        process.exit(code);
      }, 10_000);
      force.unref();
      onSignal().then(
        () => {
          console.error(`encre: preview stopped (${signal})`);
          process.exit(0);
        },
        (e: unknown) => {
          console.error(`encre: preview stopped (${signal}) with an error: ${(e as Error).message}`);
          process.exit(code);
        },
      );
      return;
    }
    removePendingTemps();
    console.error(`encre: interrupted (${signal}); ${stopping ? 'preview stopped' : 'no file was left half-written'}`);
    process.exit(code);
  });
}

await program.parseAsync(process.argv);
