/**
 * The benchmark's inputs, one per size: the sample (content/), the festivals of Occitanie and
 * of all France (imported from the Panorama des festivals CSV into bench/.work/), and
 * synthetic events (bench/synthetic.ts).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { importEvents } from '../src/import/index.js';
import { writeSyntheticContent } from './synthetic.js';

/** Seed of the synthetic events: the same seed, the same content. */
export const SYNTHETIC_SEED = 20161118;

const CSV = 'examples/festivals/data/panorama-des-festivals.csv';

/** A content folder ready to build. */
export interface Input {
  /** The size as asked on the command line: "75", "395", "3313", "10000"… */
  size: string;
  /** What it is, e.g. "festivals, Occitanie (CSV import)". */
  label: string;
  /** Content folder, relative to the project root. */
  content: string;
  /** Source rows read and rows the importer skipped (imports only). */
  rowsRead?: number;
  skipped?: number;
  /** The importer's skip reasons, "line: reason" (imports only). */
  skippedRows?: string[];
}

/** Imports the festivals CSV with `mapping` into bench/.work/<name> (replaced). */
async function importFestivals(root: string, size: string, label: string, name: string, mapping: string): Promise<Input> {
  const content = path.join('bench', '.work', name);
  await rm(path.join(root, content), { recursive: true, force: true });
  const report = await importEvents({ file: path.join(root, CSV), mapping: path.join(root, mapping), filters: [], outDir: path.join(root, content), force: true });
  return { size, label, content, rowsRead: report.read - report.filteredOut, skipped: report.skipped.length, skippedRows: report.skipped.map((s) => `${s.line}: ${s.reason}`) };
}

/**
 * Prepares the input of a size: "75" the sample content/ as it is; "395" the festivals of
 * Occitanie (examples/festivals/mapping.yaml); "3313" (or "all") every festival of the CSV
 * (bench/mapping-all.yaml); any other number N, N synthetic events from SYNTHETIC_SEED.
 * Generated folders live in bench/.work/ and are rewritten on each run.
 * @throws Error on an unknown size, or the importer's errors.
 */
export async function prepareInput(root: string, size: string): Promise<Input> {
  if (size === '75') return { size, label: 'sample (content/)', content: 'content' };
  if (size === '395') return importFestivals(root, size, 'festivals, Occitanie (CSV import)', 'festivals-occitanie', 'examples/festivals/mapping.yaml');
  if (size === '3313' || size === 'all') return importFestivals(root, '3313', 'festivals, all France (CSV import)', 'festivals-all', 'bench/mapping-all.yaml');
  const n = Number(size);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`unknown size "${size}": expected 75, 395, 3313 (or all) or a number of synthetic events`);
  const content = path.join('bench', '.work', `synthetic-${n}`);
  await writeSyntheticContent(path.join(root, content), n, SYNTHETIC_SEED);
  return { size, label: `synthetic (seed ${SYNTHETIC_SEED})`, content };
}
