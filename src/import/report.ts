/**
 * The import report: what was read, filtered out, imported, skipped and why, and a
 * human-readable summary of it.
 */
import { relative } from 'node:path';
import { formatProblem, type ContentError } from '../model/errors.js';

/** A row that was not imported, with the 1-based line it starts on in the CSV file. */
export interface SkippedRow {
  line: number;
  reason: string;
}

/** What an import did. Lines are 1-based lines of the CSV file; 0 for the file as a whole. */
export interface ImportReport {
  /** The CSV file, as given. */
  file: string;
  /** Data rows read (the header and blank rows are not counted). */
  read: number;
  /** Rows that did not pass the filters. */
  filteredOut: number;
  /** Events written. */
  imported: number;
  /** Rows that passed the filters but could not be imported, in line order. */
  skipped: SkippedRow[];
  /** Values repaired or left out, duplicates, and notes about the file, in line order. */
  warnings: { line: number; message: string }[];
  /** Files written: outDir/campaign.yaml, then outDir/events/<code>-<name>.yaml by département. */
  files: string[];
  /** Stale event files removed from outDir/events/. */
  removed: string[];
  /** The filters applied, e.g. ["Région = Occitanie"]. */
  filters: string[];
  /** Events per département, in département order. */
  departements: { code: string; name: string; events: number; file: string }[];
}

/**
 * A human summary of an import: counts, filters, files written by département, every
 * skipped row as "file:line: reason" and every warning as "file:line: message".
 */
export function formatImportReport(r: ImportReport): string {
  const where = (line: number) => (line > 0 ? `${r.file}:${line}` : r.file);
  const out: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(`Import of ${r.file}`);
  out.push(
    `  ${plural(r.read, 'row')} read, ${r.filteredOut} filtered out${r.filters.length > 0 ? ` (kept: ${r.filters.join(' and ')})` : ''}, ` +
      `${r.imported} imported, ${r.skipped.length} skipped, ${plural(r.warnings.length, 'warning')}`,
  );
  if (r.departements.length > 0) {
    out.push(`  ${plural(r.imported, 'event')} in ${plural(r.departements.length, 'département')}:`);
    const width = Math.max(...r.departements.map((d) => `${d.code} ${d.name}`.length));
    for (const d of r.departements) out.push(`    ${`${d.code} ${d.name}`.padEnd(width)}  ${String(d.events).padStart(4)}  ${display(d.file)}`);
  }
  const others = r.files.filter((f) => !r.departements.some((d) => d.file === f));
  for (const f of others) out.push(`  wrote ${display(f)}`);
  for (const f of r.removed) out.push(`  removed stale ${display(f)}`);
  if (r.skipped.length > 0) {
    out.push(`Skipped rows (${r.skipped.length}):`);
    for (const s of r.skipped) out.push(`  ${where(s.line)}: ${s.reason}`);
  }
  if (r.warnings.length > 0) {
    out.push(`Warnings (${r.warnings.length}):`);
    for (const w of r.warnings) out.push(`  ${where(w.line)}: ${w.message}`);
  }
  return out.join('\n');
}

/**
 * A ContentError that has a single problem, formatted without the "1 problem in the
 * content:" line: "data.csv: file not found", "mapping.yaml:3:5 fields.title: …" (and its
 * hint on the next line). Undefined when the error has several problems.
 */
export function formatImportError(e: ContentError): string | undefined {
  if (e.problems.length !== 1) return undefined;
  const p = e.problems[0];
  if (p === undefined) return undefined;
  if (p.line > 0 || p.path !== '') return formatProblem(p);
  return `${p.file}: ${p.message}${p.hint ? `\n  Hint: ${p.hint}` : ''}`;
}

/** A path relative to the working folder when it is inside it. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}
