import { LineCounter, parseDocument, isNode, isMap, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { quote, type Problem } from '../model/errors.js';

/** A parsed YAML file that can tell where each value came from. */
export interface SourceFile {
  file: string;
  /** The text parsed (after UTF-8 decoding and line-ending normalisation). */
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Files parsed before, by name (the last text of each): every file with {@link rememberParsedFiles}, else those parsed with `remember`. */
const parsed = new Map<string, { source: SourceFile; problems: Problem[] }>();
/** Whether every file parsed is remembered: see {@link rememberParsedFiles}. */
let rememberAll = false;

/**
 * Keeps each parsed file for the next parse of the same file with the same text: the
 * preview's build process, after an edit, parses again only the file that changed (a
 * parsed file is only read, never changed). Off in a build, which parses each content file
 * once. Memory: the parsed files of the last build (a file whose text changed replaces its entry).
 */
export function rememberParsedFiles(): void {
  rememberAll = true;
}

/**
 * Parses YAML 1.2 (core schema: `no` stays a string, `2016-11-15` stays a string).
 * @param remember keep this file for the next parse of the same text, as
 *   {@link rememberParsedFiles} keeps every file (a theme, read at import and again by the build).
 * @returns the parsed file, or the syntax problems located by line and column.
 */
export function parseYaml(file: string, text: string, remember = rememberAll): { source: SourceFile; problems: Problem[] } {
  if (!remember) return parseAnew(file, text);
  const known = parsed.get(file);
  if (known?.source.text === text) return { source: known.source, problems: [...known.problems] };
  const fresh = parseAnew(file, text);
  parsed.set(file, fresh);
  return { source: fresh.source, problems: [...fresh.problems] };
}

function parseAnew(file: string, text: string): { source: SourceFile; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', schema: 'core', lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lines.linePos(e.pos[0]);
    let message = e.message.split('\n')[0] ?? e.message;
    let hint = 'check the indentation and quoting around this line';
    if (e.code === 'MULTIPLE_DOCS') {
      message = 'the file holds more than one YAML document (a line "---" or "..." starts another)';
      hint = 'keep one document per file: remove the "---" line and merge what follows, or move it to a file of its own';
    } else if (e.code === 'DUPLICATE_KEY') {
      const key = /^\s*(?:- )?([^:#]+?)\s*:/.exec(text.split('\n')[pos.line - 1] ?? '')?.[1];
      message = `the key "${key ?? '?'}" appears twice in the same mapping`;
      hint = 'keep one of them';
    } else if (e.code === 'TAB_AS_INDENT' || /tab/i.test(message)) {
      hint = 'indent with spaces: YAML does not allow tabs for indentation';
    }
    // One report per kind of mistake and file (a file indented with tabs is one problem, not 300).
    const count = (seen.get(e.code) ?? 0) + 1;
    seen.set(e.code, count);
    if (count === 1) problems.push({ file, line: pos.line, col: pos.col, path: '', message, hint });
  }
  return { source: { file, text, doc, lines }, problems };
}

/** Line and column (1-based) of the value at `path` in the file, or of its nearest parent. */
export function locate(source: SourceFile, path: readonly PropertyKey[]): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = source.doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = source.lines.linePos(node.range[0]);
      return { line: pos.line, col: pos.col };
    }
  }
  return { line: 1, col: 1 };
}

/** The characters of the source between two offsets (a scalar as written: "09", not 9). */
function sourceText(source: SourceFile, range: [number, number, number]): string {
  return source.text.slice(range[0], range[1]);
}

/** Line and column of the key `key` in the mapping at `path` (for unknown fields). */
export function locateKey(source: SourceFile, path: readonly PropertyKey[], key: string): { line: number; col: number } {
  const node = source.doc.getIn(path as unknown[], true);
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) {
      const pos = source.lines.linePos(pair.key.range[0]);
      return { line: pos.line, col: pos.col };
    }
  }
  return locate(source, path);
}

/** "events[3].start" from ["events", 3, "start"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Characters a reader cannot see: format controls (BOM, zero-width spaces, bidi marks), other controls, and spaces other than U+0020. */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;

/**
 * A key (field name) for a message: quoted, with any invisible character shown by its code
 * point and its place — `U+FEFF before "title"`, `"title" followed by U+200B`, `"ti" U+200B
 * "tle"` — where a terminal would print `"﻿title"`, indistinguishable from `"title"`.
 */
export function describeKey(key: string): string {
  if (!INVISIBLE.test(key)) return quote(key);
  const parts: string[] = [];
  let run = '';
  for (const ch of key) {
    if (INVISIBLE.test(ch)) {
      if (run) parts.push(quote(run));
      run = '';
      parts.push(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    } else run += ch;
  }
  if (run) parts.push(quote(run));
  const visible = parts.filter((p) => !p.startsWith('U+'));
  // One invisible character at one end: « U+FEFF before "title" », « "title" followed by U+00A0 ».
  if (parts.length === 2 && visible.length === 1) return parts[0]!.startsWith('U+') ? `${parts[0]} before ${parts[1]}` : `${parts[0]} followed by ${parts[1]}`;
  return parts.join(' ');
}

/** `key` without its invisible characters (to suggest the field it was meant to be). */
export function visibleKey(key: string): string {
  return [...key].filter((ch) => !INVISIBLE.test(ch)).join('');
}

/** Describes a received value for an error message: `"7pm"`, `42`, `true`, `a list`; a long text cut ({@link quote}). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/**
 * Validates the file's data against a zod schema.
 * @returns the parsed value, or every schema issue as a located Problem (never only the first).
 */
export function validate<S extends z.ZodType>(source: SourceFile, schema: S): { value?: z.infer<S>; problems: Problem[] } {
  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      problems: [{ file: source.file, line: 1, col: 1, path: '', message: `the file cannot be read as data: ${(e as Error).message}`, hint: 'YAML aliases (*name) may be used at most 100 times in a file' }],
    };
  }
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue): Problem[] => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const { line, col } = key === undefined ? locate(source, path) : locateKey(source, issue.path, key);
      const received = valueAt(data, issue.path);
      const node = source.doc.getIn(issue.path as unknown[], true);
      const written = isScalar(node) && node.range ? sourceText(source, node.range) : undefined;
      return {
        file: source.file,
        line,
        col,
        path: formatPath(path),
        ...explain(issue, received, key, knownKeys(schema, issue.path), written || undefined),
      };
    });
  });
  return { problems };
}

/** The value at `path` in parsed YAML data (maps and lists), undefined where the path leads nowhere. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[k];
  return v;
}

function explain(issue: z.core.$ZodIssue, received: unknown, key: string | undefined, known: readonly string[], written?: string): { message: string; hint?: string } {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const hidden = key !== undefined && INVISIBLE.test(key);
      const near = key ? nearest(visibleKey(key), known) : undefined;
      if (hidden) {
        return {
          message: `unknown field ${describeKey(key)}: the name has an invisible character`,
          hint: `delete the invisible character (pasted with the text: retype the name)${near ? `: "${near}"` : ''}`,
        };
      }
      return {
        message: `unknown field ${describeKey(key ?? '')}`,
        hint: near ? `did you mean "${near}"?` : 'remove it, or check its spelling against the content format in README.md',
      };
    }
    case 'invalid_type':
      if (received === undefined) return { message: `required field is missing (expected ${issue.expected})` };
      if (issue.expected === 'boolean' && typeof received === 'string') {
        return { message: `expected true or false, received ${describeValue(received)}`, hint: 'write true or false (YAML 1.2: yes/no/oui/non are text)' };
      }
      if (issue.expected === 'string' && typeof received === 'number') {
        return { message: `expected text, received the number ${written ?? received}`, hint: `put it in quotes: "${written ?? received}"` };
      }
      return { message: `expected ${issue.expected}, received ${describeValue(received)}` };
    default: {
      // A web address without its scheme: say what it should be.
      const fix = typeof received === 'string' && /absolute http\(s\) URL/.test(issue.message) && /^(www\.|[a-z0-9-]+\.[a-z]{2,}\/?)/i.test(received.trim()) ? `https://${received.trim().replace(/^\/\//, '')}` : undefined;
      // A time without its date ("20:30", "20h30").
      const time = typeof received === 'string' && /expected a date "YYYY-MM-DD"/.test(issue.message) ? /^(\d{1,2})\s*[:h]\s*(\d{2})$/.exec(received.trim()) : null;
      const hint = fix ? `did you mean "${fix}"?` : time ? `give the date and the time, e.g. "2016-11-15 ${time[1]!.padStart(2, '0')}:${time[2]}"` : undefined;
      return { message: `${issue.message}, received ${describeValue(received)}`, ...(hint ? { hint } : {}) };
    }
  }
}

/** The field names a strict object schema accepts at `path` (through arrays and objects). */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  const unwrap = (x: unknown): unknown => {
    let cur = x as { def?: { type?: string; innerType?: unknown; in?: unknown; element?: unknown } };
    for (let i = 0; i < 10 && cur?.def; i++) {
      const t = cur.def.type;
      if (t === 'optional' || t === 'default' || t === 'nullable' || t === 'readonly') cur = cur.def.innerType as typeof cur;
      else if (t === 'pipe') cur = cur.def.in as typeof cur;
      else break;
    }
    return cur;
  };
  for (const k of path) {
    const node = unwrap(s) as { def?: { type?: string; element?: unknown }; shape?: Record<string, unknown> };
    if (typeof k === 'number' && node.def?.type === 'array') s = node.def.element;
    else if (typeof k === 'string' && node.shape) s = node.shape[k];
    else return [];
  }
  const node = unwrap(s) as { shape?: Record<string, unknown> };
  return node.shape ? Object.keys(node.shape) : [];
}

/** The known name closest to `word` (edit distance ≤ 2, or differing only in case), if any. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = name.toLowerCase() === word.toLowerCase() ? 0 : distance(word.toLowerCase(), name.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
