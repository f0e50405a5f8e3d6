import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../model/errors.js';

/** A parsed YAML file that can tell where each value came from. */
export interface SourceFile {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/**
 * Parses YAML 1.2 (core schema: `no` stays a string, `2016-11-15` stays a string).
 * @returns the parsed file, or the syntax problems located by line and column.
 */
export function parseYaml(file: string, text: string): { source: SourceFile; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', schema: 'core', lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return { file, line: pos.line, col: pos.col, path: '', message: e.message.split('\n')[0] ?? e.message, hint: 'check the indentation and quoting around this line' };
  });
  return { source: { file, doc, lines }, problems };
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

/** "events[3].start" from ["events", 3, "start"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Describes a received value for an error message: `"7pm"`, `42`, `true`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/**
 * Validates the file's data against a zod schema.
 * @returns the parsed value, or every schema issue as a located Problem (never only the first).
 */
export function validate<S extends z.ZodType>(source: SourceFile, schema: S): { value?: z.infer<S>; problems: Problem[] } {
  const data = source.doc.toJS();
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue): Problem[] => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const { line, col } = locate(source, key === undefined ? path : issue.path);
      const received = valueAt(data, issue.path);
      return {
        file: source.file,
        line,
        col,
        path: formatPath(path),
        ...explain(issue, received, key),
      };
    });
  });
  return { problems };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[k];
  return v;
}

function explain(issue: z.core.$ZodIssue, received: unknown, key?: string): { message: string; hint?: string } {
  switch (issue.code) {
    case 'unrecognized_keys':
      return { message: `unknown field "${key}"`, hint: 'remove it, or check its spelling against the content format in README.md' };
    case 'invalid_type':
      if (received === undefined) return { message: `required field is missing (expected ${issue.expected})` };
      if (issue.expected === 'string' && typeof received === 'number') {
        return { message: `expected text, received the number ${received}`, hint: `put it in quotes: "${received}"` };
      }
      return { message: `expected ${issue.expected}, received ${describeValue(received)}` };
    default:
      return { message: `${issue.message}, received ${describeValue(received)}` };
  }
}
