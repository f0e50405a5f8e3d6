/**
 * Reading a CSV file into a header and rows, each row with the line of the file it starts
 * on. Uses csv-parse with the BOM removed, quoted fields (multi-line included), rows with
 * more or fewer fields than the header accepted, and the delimiter detected from the
 * header line unless given.
 */
import { parse, CsvError } from 'csv-parse/sync';
import { ContentError } from '../model/errors.js';
import { cleanCell } from './text.js';
import { readInput } from './files.js';

/** Delimiters recognised when detecting, in order of preference on a tie. */
export const DELIMITERS = [';', ',', '\t', '|'] as const;

/** One data row: its cells as in the file (not cleaned) and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * A table of named columns, read from a CSV file (`readCsv`) or a sheet of a workbook
 * (`readXlsx` in xlsx.ts, whose lines are row numbers): what the mapping applies to.
 */
export interface DataTable {
  /** The file as given to the reader, used in messages. */
  file: string;
  /** Column names, cleaned (trimmed, inner whitespace collapsed). */
  header: string[];
  /** The 1-based line of the header. */
  headerLine: number;
  /** Data rows in file order; blank rows (every cell empty) are left out. */
  rows: CsvRow[];
  /**
   * Notes about the file as a whole (encoding, duplicate column names), line 0 or the
   * header's line; for a sheet, also about unusable cells (an error value), at their row.
   */
  notes: { line: number; message: string }[];
}

/** A CSV file read by `readCsv`. */
export interface CsvTable extends DataTable {
  delimiter: string;
}

/**
 * Reads and parses a CSV file.
 * @param file path of the CSV file (UTF-8; a file that is not valid UTF-8 is read as
 *   Windows-1252, with a note).
 * @param delimiter the field delimiter; detected from the header line when undefined.
 * @throws ContentError when the file cannot be read, is empty or is malformed (e.g. a quote
 *   never closed), located at the line concerned.
 */
export async function readCsv(file: string, delimiter?: string): Promise<CsvTable> {
  return parseCsv(file, await readInput(file), delimiter);
}

/**
 * Parses CSV bytes (see `readCsv`); `file` is only used in messages.
 * @throws ContentError when the data is empty or malformed.
 */
export function parseCsv(file: string, input: Buffer, delimiter?: string): CsvTable {
  const notes: CsvTable['notes'] = [];
  let bytes = input;
  if (!isUtf8(bytes)) {
    bytes = Buffer.from(decodeWindows1252(file, bytes), 'utf8');
    notes.push({ line: 0, message: 'the file is not valid UTF-8; it was read as Windows-1252' });
  }
  const lines = lineStarts(bytes);
  const lineAt = (offset: number) => lineOf(lines, offset);
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const sep = delimiter ?? detectDelimiter(text);

  const records: CsvRow[] = [];
  let lastEnd = 0;
  try {
    parse(bytes, {
      delimiter: sep,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], info) => {
        // csv-parse's info.lines is the line a record *ends* on, and counts a CRLF inside a
        // quoted field twice; the record's byte span gives its first line exactly.
        records.push({ line: lineAt(skipLineBreaks(bytes, lastEnd)), cells: record });
        lastEnd = info.bytes;
        return null;
      },
    });
  } catch (e) {
    if (e instanceof CsvError) {
      const line = e.code === 'CSV_QUOTE_NOT_CLOSED' ? lineAt(skipLineBreaks(bytes, lastEnd)) : lineAt(lastEnd);
      const message =
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted field is never closed (a " is missing): the rest of the file would be one field'
          : `malformed CSV: ${e.message}`;
      throw new ContentError([{ file, line, col: 0, path: '', message }]);
    }
    throw e;
  }

  const [head, ...data] = records;
  if (head === undefined) throw new ContentError([{ file, line: 0, col: 0, path: '', message: 'the file is empty (no header line)' }]);
  const header = headerNames(head, notes);
  const rows = data.filter((r) => r.cells.some((c) => cleanCell(c) !== ''));
  return { file, delimiter: sep, header, headerLine: head.line, rows, notes };
}

/**
 * The delimiter among `; , \t |` that occurs most often, outside quotes, in the first line
 * of `text` (the header). ";" when none occurs.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Characters of bytes 0x80–0x9F in Windows-1252 (WHATWG Encoding Standard,
 * index-windows-1252); "" for the five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90,
 * 0x9D). Node's TextDecoder('windows-1252') maps these bytes to the C1 controls
 * U+0080–U+009F (ISO-8859-1) instead, which turns ’ into U+0092 and € into U+0080.
 */
const WINDOWS_1252_80_9F = [
  '€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
  '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ',
] as const;

/**
 * Decodes Windows-1252 bytes: 0x00–0x7F and 0xA0–0xFF are the same code points (Latin-1),
 * 0x80–0x9F are read from WINDOWS_1252_80_9F.
 * @throws ContentError, located at the line and column of the first byte that
 *   Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): the file is then in
 *   some other encoding and would be read wrongly.
 */
export function decodeWindows1252(file: string, bytes: Uint8Array): string {
  let out = '';
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
    if (b < 0x80 || b > 0x9f) {
      out += String.fromCharCode(b);
      continue;
    }
    const ch = WINDOWS_1252_80_9F[b - 0x80] ?? '';
    if (ch === '') {
      const hex = `0x${b.toString(16).toUpperCase()}`;
      throw new ContentError([
        {
          file,
          line,
          col: i - lineStart + 1,
          path: '',
          message: `the file is neither UTF-8 nor Windows-1252: byte ${hex} is undefined in Windows-1252`,
          hint: 'save the file as "CSV UTF-8" (in Excel: Save As, then "CSV UTF-8 (comma delimited)") and import it again',
        },
      ]);
    }
    out += ch;
  }
  return out;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Byte offsets where each line starts; CRLF, LF and a lone CR each end a line. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0d) {
      if (bytes[i + 1] === 0x0a) i++;
      starts.push(i + 1);
    } else if (b === 0x0a) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line of an offset, given the offsets where lines start (ascending). */
export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The first offset at or after `offset` that is not a CR or LF (skips empty lines). */
function skipLineBreaks(bytes: Buffer, offset: number): number {
  let i = offset;
  while (i < bytes.length && (bytes[i] === 0x0d || bytes[i] === 0x0a)) i++;
  return i;
}

/**
 * The column names of a header row (cells cleaned, line breaks as spaces); a name given twice
 * is noted at the header's line (the first column of that name is used).
 */
export function headerNames(head: { line: number; cells: string[] }, notes: { line: number; message: string }[]): string[] {
  const header = head.cells.map((c) => cleanCell(c).replace(/\n/g, ' '));
  const seen = new Set<string>();
  for (const name of header) {
    if (name !== '' && seen.has(name)) {
      notes.push({ line: head.line, message: `column ${JSON.stringify(name)} appears twice in the header; the first one is used` });
    }
    seen.add(name);
  }
  return header;
}
