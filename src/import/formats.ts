/**
 * The kinds of file `encre import` reads, told apart by their extension.
 */
import { extname } from 'node:path';
import { UsageError } from '../model/errors.js';

/** What an imported file is: a spreadsheet (CSV or Excel), a calendar, a conference schedule (XML or JSON). */
export type ImportFormat = 'csv' | 'xlsx' | 'ics' | 'xml' | 'json';

/** The formats read as a table of named columns, through a mapping's `fields:` (see rows.ts). */
export type TableFormat = Extract<ImportFormat, 'csv' | 'xlsx'>;

/** True for the formats read as a table (CSV, Excel workbook). */
export function isTableFormat(format: ImportFormat): format is TableFormat {
  return format === 'csv' || format === 'xlsx';
}

/** Each format for humans, by its extension. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  csv: 'a CSV spreadsheet',
  xlsx: 'an Excel workbook',
  ics: 'an iCalendar file',
  xml: 'a frab / pretalx schedule.xml',
  json: 'a pretalx schedule.json',
};

/**
 * The format of `file`, from its extension (any case): .csv (or .tsv), .xlsx, .ics (or .ical), .xml, .json.
 * @throws UsageError for any other extension, naming those read.
 */
export function detectFormat(file: string): ImportFormat {
  const ext = extname(file).toLowerCase();
  switch (ext) {
    case '.csv':
    case '.tsv':
      return 'csv';
    case '.xlsx':
      return 'xlsx';
    case '.ics':
    case '.ical':
      return 'ics';
    case '.xml':
      return 'xml';
    case '.json':
      return 'json';
    default:
      throw new UsageError(
        `${file}: cannot import ${ext === '' ? 'a file without an extension' : `a "${ext}" file`}. encre import reads ` +
          '.csv (a spreadsheet, with --mapping for its columns), .xlsx (an Excel workbook, the same way), .ics (an iCalendar export), ' +
          '.xml (a frab / pretalx schedule.xml) and .json (a pretalx schedule.json); rename the file if it is one of these' +
          (ext === '.xls' || ext === '.ods' ? `, or save it as .xlsx from the spreadsheet program (${ext} is not read)` : '') +
          '.',
      );
  }
}
