/**
 * Reading an Excel workbook (.xlsx) into the same table as a CSV file (see csv.ts), so that
 * it goes through the same mapping, filters and rows: the first row that has a value is the
 * header (the column names), every later row with a value is a data row, and each row keeps
 * its row number in the sheet as its line, for the report.
 *
 * Cell values become the text a person sees in the cell:
 * - text: trimmed (line breaks inside the cell kept; rich text joined);
 * - numbers: their shortest text, without float noise or useless decimals (75 → "75",
 *   12.5 → "12.5", 0.1 + 0.2 → "0.3");
 * - dates (number cells with a date format): "DD/MM/YYYY", with " HH:MM" when the cell has a
 *   time of day, which the `date` transform reads; a time alone gives "HH:MM";
 * - booleans: "true" / "false" (the `boolean` transform reads them);
 * - hyperlinks: the text shown (the link itself when the cell shows none);
 * - formulas: their computed value, as saved in the file; a formula without one, and an
 *   error value (#N/A, #REF!…), are taken as empty, with a warning at their row.
 * A cell merged with the cell above takes its value (a département written once for
 * several rows); one merged with a cell on its left is empty (the value stays in one column).
 */
import { readInput } from './files.js';
import { headerNames } from './csv.js';
import ExcelJS from 'exceljs';
import { ContentError, type Problem } from '../model/errors.js';
import type { CsvRow, DataTable } from './csv.js';
import type { Mapping } from './mapping.js';
import { cleanCell, didYouMean } from './text.js';

/** A sheet read by `readXlsx`: a CSV table whose lines are row numbers, with the sheet's name. */
export interface SheetTable extends DataTable {
  /** The name of the sheet read. */
  sheet: string;
}

/**
 * Reads a sheet of an .xlsx workbook: the one the mapping names (`sheet:`), else the first
 * visible one.
 * @param file path of the .xlsx file.
 * @param mapping the mapping, for its `sheet:` and to locate a problem with it.
 * @throws ContentError when the file cannot be read, is not an .xlsx workbook, has no sheet,
 *   has no sheet of the name the mapping gives (located in the mapping, naming the sheets
 *   there are), or when the sheet is empty.
 */
export async function readXlsx(file: string, mapping?: Pick<Mapping, 'file' | 'sheet' | 'locate'>): Promise<SheetTable> {
  const bytes = await readInput(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ContentError([
      {
        file,
        line: 0,
        col: 0,
        path: '',
        message: `not a readable .xlsx workbook (${firstLine(e)})`,
        hint: 'open it in a spreadsheet program and save it as "Excel Workbook (.xlsx)" or as "CSV UTF-8"; .xls, .ods and password-protected files are not read',
      },
    ]);
  }
  const sheet = pickSheet(file, workbook, mapping);
  return readSheet(file, sheet);
}

/**
 * The sheet to read: the mapping's `sheet:` (exact name, else the same name in another case
 * or with other spaces), else the first visible sheet, else the first sheet.
 */
function pickSheet(file: string, workbook: ExcelJS.Workbook, mapping?: Pick<Mapping, 'file' | 'sheet' | 'locate'>): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const first = sheets.find((s) => s.state === 'visible') ?? sheets[0];
  if (first === undefined) throw new ContentError([{ file, line: 0, col: 0, path: '', message: 'the workbook has no sheet' }]);
  const wanted = mapping?.sheet;
  if (wanted === undefined) return first;
  const loose = (s: string) => cleanCell(s).toLocaleLowerCase('fr');
  const found = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => loose(s.name) === loose(wanted));
  if (found !== undefined) return found;
  const names = sheets.map((s) => s.name);
  const problem: Problem = {
    file: mapping?.file ?? file,
    ...(mapping?.file !== undefined ? mapping.locate(['sheet']) : { line: 0, col: 0 }),
    path: 'sheet',
    message: `${file} has no sheet ${JSON.stringify(wanted)}${didYouMean(wanted, names)}`,
    hint: `its sheets are ${names.map((n) => JSON.stringify(n)).join(', ')}; leave \`sheet:\` out to read the first one`,
  };
  throw new ContentError([problem]);
}

/** The header and data rows of a sheet, with notes about unusable cells. */
function readSheet(file: string, sheet: ExcelJS.Worksheet): SheetTable {
  const notes: DataTable['notes'] = [];
  const read: CsvRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const value = cell.isMerged && cell.master !== cell ? (cell.master.col === cell.col ? cell.master.value : null) : cell.value;
      cells.push(cellText(value, (message) => notes.push({ line: rowNumber, message: `cell ${cell.address}: ${message}` })));
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    // Rows with no value at all (formatting only, blank text) are left out silently, as
    // blank CSV lines are; any other row goes on to the mapping, which reports it if unusable.
    if (cells.length > 0) read.push({ line: rowNumber, cells });
  });

  const [head, ...data] = read;
  if (head === undefined) {
    throw new ContentError([
      { file, line: 0, col: 0, path: '', message: `the sheet ${JSON.stringify(sheet.name)} is empty (no header row)`, hint: 'name the sheet to read with `sheet:` in the mapping' },
    ]);
  }
  const header = headerNames(head, notes);
  // Empty cells at the end of a row are not stored in a sheet: they are empty, not missing.
  const rows = data.map((r) => ({ line: r.line, cells: r.cells.length < header.length ? [...r.cells, ...Array<string>(header.length - r.cells.length).fill('')] : r.cells }));
  return { file, sheet: sheet.name, header, headerLine: head.line, rows, notes };
}

/**
 * The text of a cell value (see the module comment); `warn` is called for a value taken as
 * empty (an error, a formula never computed).
 */
export function cellText(value: ExcelJS.CellValue, warn: (message: string) => void = () => {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('error' in value) {
    warn(`the error value ${String(value.error)} is taken as empty`);
    return '';
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('hyperlink' in value) {
    const text = cellText(value.text as ExcelJS.CellValue);
    return text !== '' ? text : value.hyperlink.replace(/^mailto:/i, '').trim();
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) {
      warn('a formula without a computed value is taken as empty (open the file in a spreadsheet program and save it again to compute it)');
      return '';
    }
    return cellText(result as ExcelJS.CellValue, warn);
  }
  return '';
}

/** "75", "12.5", "0.3" (not "0.30000000000000004"), "-4", "1200000". */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  // Excel keeps 15 significant digits; beyond them is binary noise.
  const rounded = Number(n.toPrecision(15));
  if (Number.isInteger(rounded) && Math.abs(rounded) < 1e21) return BigInt(rounded).toString();
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  return rounded.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * "14/07/2019", "14/07/2019 20:30", or "20:30" for a time alone (a day 0 date, 30/12/1899 or
 * 31/12/1899 in Excel's calendar). A sheet's date has no time zone: it is read as UTC, which
 * is how the workbook reader gives it, rounded to the minute.
 */
export function dateText(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return '';
  const t = new Date(Math.round(ms / 60_000) * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
  if (t.getTime() < Date.UTC(1900, 0, 1) && t.getTime() >= Date.UTC(1899, 11, 30)) return time;
  const date = `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${String(t.getUTCFullYear()).padStart(4, '0')}`;
  return time === '00:00' ? date : `${date} ${time}`;
}

function firstLine(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0] ?? '';
}
