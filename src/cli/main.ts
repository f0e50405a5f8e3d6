#!/usr/bin/env node
import { Command, Option } from 'commander';
import { build } from '../build.js';
import { importEvents, formatImportReport, formatImportError } from '../import/index.js';
import { ContentError, PreflightError, UsageError } from '../model/errors.js';
import { createRequire } from 'node:module';
import { documents } from '../documents/registry.js';

/** Exit codes: 1 bad input (content or command line), 2 preflight failure, 3 internal error. */
const EXIT = { content: 1, preflight: 2, internal: 3 } as const;

function fail(e: unknown): never {
  if (e instanceof ContentError) {
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

const program = new Command('encre')
  .description('From a campaign\'s event data to its print set: programme, affiche, tract, dossier de presse.')
  .version((createRequire(import.meta.url)('../../package.json') as { version: string }).version)
  .showHelpAfterError();

program
  .command('build')
  .description(`build documents into the output folder (default: all of ${documents.map((d) => d.id).join(', ')})`)
  .argument('[document...]', 'document ids to build')
  .option('--content <dir>', 'content folder (campaign.yaml, events/*.yaml)', 'content')
  .option('--out <dir>', 'output folder', 'out')
  .option('--printer <name>', 'printer profile for the print files (printers/<name>.yaml: offset, digital)', 'offset')
  .addOption(new Option('--source-date-epoch <seconds>', 'date written into the PDFs').env('SOURCE_DATE_EPOCH'))
  .action(async (ids: string[], opts: { content: string; out: string; printer: string; sourceDateEpoch?: string }) => {
    try {
      const built = await build({ root: process.cwd(), content: opts.content, out: opts.out, documents: ids, printer: opts.printer, sourceDateEpoch: opts.sourceDateEpoch, log: (l) => console.log(l) });
      for (const d of built) console.log(`wrote ${d.file} (${d.pages} page${d.pages > 1 ? "s" : ""}, ${(d.bytes / 1024).toFixed(0)} KiB)`);
    } catch (e) {
      fail(e);
    }
  });

program
  .command('import')
  .description('import a spreadsheet (CSV) into content YAML, through a column mapping')
  .argument('<file>', 'CSV file')
  .option('--mapping <file>', 'mapping file (YAML): columns → event fields, transforms, filters, campaign')
  .option('--filter <FIELD=VALUE...>', 'keep only rows whose column FIELD equals VALUE (repeatable)', [])
  .requiredOption('--out <dir>', 'content folder to write (campaign.yaml, events/*.yaml)')
  .option('--force', 'replace or delete files of the --out folder that encre import did not generate (hand-written campaign.yaml, events/*.yaml)', false)
  .action(async (file: string, opts: { mapping?: string; filter: string[]; out: string; force: boolean }) => {
    try {
      const report = await importEvents({ file, mapping: opts.mapping, filters: opts.filter, outDir: opts.out, force: opts.force });
      console.log(formatImportReport(report));
    } catch (e) {
      // A single problem on one line: "encre: data.csv: file not found".
      const single = e instanceof ContentError ? formatImportError(e) : undefined;
      if (single !== undefined) {
        console.error(`encre: ${single}`);
        process.exit(EXIT.content);
      }
      fail(e);
    }
  });

await program.parseAsync(process.argv);
