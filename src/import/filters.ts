/**
 * Row filters: "COLUMN=VALUE" options and the mapping's `filters:` block. A row is kept
 * when, for every filter, its cleaned cell equals one of the filter's values (exact,
 * case-sensitive, after trimming and collapsing whitespace).
 */
import { ContentError, type Problem } from '../model/errors.js';
import type { Filter, Mapping } from './mapping.js';
import { cleanCell, didYouMean } from './text.js';

/**
 * Parses --filter options such as "Région=Occitanie" (split at the first "=").
 * @throws ContentError when an option has no "=" or no column name.
 */
export function parseFilterOptions(options: readonly string[]): Filter[] {
  const problems: Problem[] = [];
  const filters: Filter[] = [];
  for (const option of options) {
    const eq = option.indexOf('=');
    const column = eq < 0 ? '' : cleanCell(option.slice(0, eq));
    if (eq < 0 || column === '') {
      problems.push({ file: '--filter', line: 0, col: 0, path: JSON.stringify(option), message: 'expected COLUMN=VALUE, e.g. "Région=Occitanie"' });
      continue;
    }
    filters.push({ column, values: [cleanCell(option.slice(eq + 1))], option });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return filters;
}

/** True when the row, read through `valueOf(column)` (cleaned cells), passes every filter. */
export function passesFilters(filters: readonly Filter[], valueOf: (column: string) => string): boolean {
  return filters.every((f) => f.values.includes(valueOf(f.column)));
}

/** "Région = Occitanie", "Département = 34 or 30": a filter for humans. */
export function describeFilter(f: Filter): string {
  return `${f.column} = ${f.values.join(' or ')}`;
}

/**
 * Checks that each filter can match: at least one of its values occurs in its column.
 * A filter that matches no row is almost always a typo, and importing nothing would
 * empty the output folder.
 * @throws ContentError naming each such filter, with the closest value of the column as
 *   a suggestion.
 */
export function checkFiltersMatch(filters: readonly Filter[], columnValues: (column: string) => Set<string>, mapping: Mapping, csvFile: string): void {
  const problems: Problem[] = [];
  for (const f of filters) {
    const seen = columnValues(f.column);
    if (f.values.some((v) => seen.has(v))) continue;
    const first = f.values[0] ?? '';
    const message = `no row has ${describeFilter(f)}${didYouMean(first, [...seen].filter((v) => v !== ''))}`;
    if (f.at) problems.push({ file: mapping.file ?? csvFile, ...mapping.locate(f.at), path: f.at.join('.'), message });
    else problems.push({ file: '--filter', line: 0, col: 0, path: JSON.stringify(f.option ?? describeFilter(f)), message });
  }
  if (problems.length > 0) throw new ContentError(problems);
}
