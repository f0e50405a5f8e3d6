/**
 * The mapping file of the CSV importer: which CSV column (or template, or constant) gives
 * each field of an event, how its value is transformed, which rows are kept, and the
 * campaign block copied to campaign.yaml.
 *
 * ```yaml
 * delimiter: ";"                       # optional, detected from the header otherwise
 * sheet: "Programme"                   # .xlsx only: the sheet to read (default: the first one)
 * filters: { Région: Occitanie }       # keep rows whose column equals the value (AND-ed)
 * fields:
 *   id: { column: "N° Identification", transform: slug, fallback: { template: "{Nom}" } }
 *   title: { column: "Nom", transform: title }
 *   description: { template: "{Domaine}, {Complément domaine}" }
 *   free: { value: true }
 *   category: Domaine                  # shorthand for { column: Domaine }
 *   start: { column: Dates, transform: date, several: events }   # a cell naming several dates: one event per date (or range)
 * campaign: { name: …, region: …, … }  # validated with CampaignSchema, written to campaign.yaml
 * ```
 */
import { readInput } from './files.js';
import { LineCounter, isMap, isPair, isScalar, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import { CampaignSchema } from '../model/campaign.js';
import { EventSchema } from '../model/event.js';
import { ContentError, type Problem } from '../model/errors.js';
import { TRANSFORM_NAMES, type FieldValue, type TransformName } from './transforms.js';
import { cleanCell, didYouMean } from './text.js';

/** A field of an event (a key of EventSchema). */
export type EventKey = keyof typeof EventSchema.shape;
/** Every field of an event, in EventSchema order (the order fields are written in). */
export const EVENT_KEYS = Object.keys(EventSchema.shape) as EventKey[];

/** What a field of an event holds, read from EventSchema. */
export type FieldKind = 'text' | 'boolean' | 'list';

/** The kind of value `key` holds: a boolean (free), a list (tags) or text (everything else). */
export function fieldKind(key: EventKey): FieldKind {
  const schema = EventSchema.shape[key];
  if (schema.safeParse(true).success) return 'boolean';
  if (schema.safeParse(['x']).success) return 'list';
  return 'text';
}

/** True when an event must have `key` (id, title, commune, departement). */
export function isRequiredField(key: EventKey): boolean {
  // A table's rows always say where: the commune is optional only for schedules (one place).
  return key === 'commune' || !EventSchema.shape[key].safeParse(undefined).success;
}

/** The transform used when a field names none. */
export function defaultTransform(key: EventKey): TransformName {
  const byKey: Partial<Record<EventKey, TransformName>> = { id: 'slug', departement: 'departement', start: 'date', end: 'date', url: 'url', status: 'status', country: 'country' };
  const kind = fieldKind(key);
  return byKey[key] ?? (kind === 'text' ? 'text' : kind);
}

/** A YAML path inside the mapping file, e.g. ["fields", "title", "column"]. */
export type YamlPath = (string | number)[];

/** Where a value comes from: one column, a template with {Column} placeholders, or a constant. */
export interface FieldSource {
  column?: string;
  template?: string;
  value?: FieldValue;
  transform: TransformName;
  /** Where this source is written in the mapping file. */
  at: YamlPath;
}

/**
 * What a `start` cell naming several dates makes (« Le 05/05/2020 - A 14h30 Le 12/05/2020 -
 * A 14h30 », « 05/05/2020, 12/05/2020 »): `events`, one event per date (ids `<id>-<date>`);
 * `range`, one event from the first date to the last; `first`, one event at the first date.
 */
export const SEVERAL_DATES = ['events', 'range', 'first'] as const;
export type SeveralDates = (typeof SEVERAL_DATES)[number];

/** How one field of the events is made. */
export interface FieldRule extends FieldSource {
  key: EventKey;
  /** Used when the main source gives nothing (an empty cell), with a warning. */
  fallback?: FieldSource;
  /** `start` only: what a cell naming several dates makes; undefined: the first date, with a warning. */
  several?: SeveralDates;
}

/** A row filter: keep rows whose `column`, cleaned, equals one of `values`. */
export interface Filter {
  column: string;
  values: string[];
  /** Where it was given: a mapping path, or undefined for a --filter option. */
  at?: YamlPath;
  /** The --filter option as typed, when it came from the command line. */
  option?: string;
}

/** A loaded, checked mapping. */
export interface Mapping {
  /** The mapping file as given; undefined for the default mapping (no file). */
  file?: string;
  delimiter?: string;
  /** The sheet of an .xlsx workbook to read; undefined for the first one. */
  sheet?: string;
  filters: Filter[];
  fields: FieldRule[];
  /** The campaign block as written (validated with CampaignSchema), or undefined. */
  campaign?: Record<string, unknown>;
  /** Line and column (1-based) of a path in the mapping file; {0, 0} without a file. */
  locate(path: YamlPath): { line: number; col: number };
  /** Line and column of the key of a path (e.g. the "Région" of filters.Région). */
  locateKey(path: YamlPath): { line: number; col: number };
  /** Line and column of the character at `index` of the string value at `path`. */
  locateChar(path: YamlPath, index: number): { line: number; col: number };
}

const NOWHERE = () => ({ line: 0, col: 0 });

// ---------------------------------------------------------------------------------------
// schema

const Transform = z.enum(TRANSFORM_NAMES, { message: `unknown transform; expected one of ${TRANSFORM_NAMES.join(', ')}` });
const Constant = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

const sourceShape = {
  column: z.string().min(1).optional(),
  template: z.string().min(1).optional(),
  value: Constant.optional(),
  transform: Transform.optional(),
};

function exactlyOneSource(v: { column?: unknown; template?: unknown; value?: unknown }, ctx: z.RefinementCtx): void {
  const n = [v.column, v.template, v.value].filter((x) => x !== undefined).length;
  if (n !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: n === 0 ? 'missing source: give one of column, template or value' : 'give only one of column, template or value',
    });
  }
}

const shorthand = (v: unknown) => (typeof v === 'string' ? { column: v } : v);
const SourceSchema = z.preprocess(shorthand, z.strictObject(sourceShape).superRefine(exactlyOneSource));
const FieldSchema = z.preprocess(
  shorthand,
  z
    .strictObject({
      ...sourceShape,
      fallback: SourceSchema.optional(),
      several: z.enum(SEVERAL_DATES, { message: `expected one of ${SEVERAL_DATES.join(', ')} (one event per date, one event from the first date to the last, or the first date only)` }).optional(),
    })
    .superRefine(exactlyOneSource),
);
type RawSource = { column?: string; template?: string; value?: FieldValue | number; transform?: TransformName };
type RawField = RawSource & { fallback?: RawSource; several?: SeveralDates };

const FilterValue = z.union([z.string(), z.number()]);

/** The mapping file, as written. */
export const MappingSchema = z.strictObject({
  delimiter: z.enum([';', ',', '\t', '|'], { message: 'expected one of ";", ",", "\\t", "|"' }).optional(),
  sheet: z.string().trim().min(1, { message: 'expected the name of a sheet of the workbook' }).optional(),
  filters: z.record(z.string(), z.union([FilterValue, z.array(FilterValue).min(1)])).optional(),
  fields: z.strictObject(Object.fromEntries(EVENT_KEYS.map((k) => [k, FieldSchema.optional()]))),
  campaign: z.record(z.string(), z.unknown()).optional(),
});

// ---------------------------------------------------------------------------------------
// loading

/**
 * Reads and checks a mapping file (YAML 1.2, core schema).
 * @returns the mapping, with a `locate` function giving the line and column of any path.
 * @throws ContentError listing every problem, each located as file:line:col: YAML syntax,
 *   unknown keys or transforms, a field with no or several sources, a required event field
 *   (id, title, commune, departement) not mapped, a constant of the wrong type, a transform
 *   that does not suit the field, a template with unbalanced braces, an invalid campaign block,
 *   aliases that expand too much (a "billion laughs" file).
 */
export async function loadMapping(file: string): Promise<Mapping> {
  const text = (await readInput(file, 'mapping file')).toString('utf8');
  return parseMapping(file, text);
}

/**
 * Parses and checks mapping text (see `loadMapping`); `file` is only used in messages.
 * @throws ContentError with every problem found.
 */
export function parseMapping(file: string, text: string): Mapping {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\ufeff/, ''), { lineCounter, version: '1.2', schema: 'core', prettyErrors: false, uniqueKeys: true });
  const locate = (path: YamlPath) => locateIn(doc, lineCounter, path);
  const locateKey = (path: YamlPath) => locateKeyIn(doc, lineCounter, path.slice(0, -1), String(path[path.length - 1]));
  const locateChar = (path: YamlPath, index: number) => {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || !node.range) return locate(path);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    // Exact for plain scalars and for quoted ones without escapes, which templates are in practice.
    return lineCounter.linePos(node.range[0] + (quoted ? 1 : 0) + index);
  };
  const problem = (path: YamlPath, message: string, hint?: string): Problem => {
    const { line, col } = locate(path);
    return { file, line, col, path: formatPath(path), message, ...(hint ? { hint } : {}) };
  };

  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { file, line, col, path: '', message: `YAML syntax: ${e.message.split('\n')[0] ?? ''}` };
      }),
    );
  }

  const raw: unknown = toJS(doc, lineCounter, file) ?? {};
  const parsed = MappingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(parsed.error.issues.flatMap((issue) => issueProblems(issue, [], doc, lineCounter, file)));
  }
  const m = parsed.data;
  const problems: Problem[] = [];

  const fields: FieldRule[] = [];
  for (const key of EVENT_KEYS) {
    const spec = m.fields[key] as RawField | undefined;
    if (spec === undefined) {
      if (isRequiredField(key)) {
        problems.push(problem(['fields'], `no rule for "${key}"; every event needs a ${key}`, `add e.g. ${key}: { column: "…" }`));
      }
      continue;
    }
    const at = ['fields', key];
    const main = checkSource(key, spec, at, problem, problems);
    const rule: FieldRule = { key, ...main };
    if (spec.fallback !== undefined) rule.fallback = checkSource(key, spec.fallback, [...at, 'fallback'], problem, problems);
    if (spec.several !== undefined) {
      if (key !== 'start') {
        problems.push(problem([...at, 'several'], `"several" belongs to the start field only, not to ${key}`, 'move it to fields.start, e.g. start: { column: Dates, transform: date, several: events }'));
      } else if (main.transform !== 'date' || main.value !== undefined) {
        problems.push(problem([...at, 'several'], `"several" reads the dates of a cell: it needs a column or template with transform: date (this start has ${main.value !== undefined ? 'a constant value' : `transform: ${main.transform}`})`, 'write start: { column: Dates, transform: date, several: events }'));
      } else {
        rule.several = spec.several;
      }
    }
    fields.push(rule);
  }
  // Keep the order the fields are written in the mapping file: the report reads better.
  const order = new Map(Object.keys(m.fields).map((k, i) => [k, i]));
  fields.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));

  let campaign: Record<string, unknown> | undefined;
  if (m.campaign !== undefined) {
    const c = CampaignSchema.safeParse(m.campaign);
    if (c.success) campaign = m.campaign;
    else problems.push(...c.error.issues.flatMap((issue) => issueProblems(issue, ['campaign'], doc, lineCounter, file)));
  }

  const filters: Filter[] = Object.entries(m.filters ?? {}).map(([column, v]) => ({
    column: cleanCell(column),
    values: (Array.isArray(v) ? v : [v]).map((x) => cleanCell(String(x))),
    at: ['filters', column],
  }));

  if (problems.length > 0) throw new ContentError(problems);
  return {
    file,
    ...(m.delimiter !== undefined ? { delimiter: m.delimiter } : {}),
    ...(m.sheet !== undefined ? { sheet: m.sheet } : {}),
    filters,
    fields,
    ...(campaign !== undefined ? { campaign } : {}),
    locate,
    locateKey,
    locateChar,
  };
}

/**
 * The document as plain data. The yaml library refuses aliases (*name) that would expand
 * to too many nodes ("Excessive alias count…", a resource exhaustion attack such as
 * "billion laughs") and throws.
 * @throws ContentError for any exception thrown while converting, located at the first
 *   alias of the document when it has one, else at its start.
 */
function toJS(doc: Document, lc: LineCounter, file: string): unknown {
  try {
    return doc.toJS();
  } catch (e) {
    let alias: [number, number, number] | undefined;
    visit(doc, {
      Alias(_key, node) {
        alias = node.range ?? undefined;
        return visit.BREAK;
      },
    });
    const excessive = e instanceof ReferenceError && /alias/i.test(e.message);
    const { line, col } = alias ? lc.linePos(alias[0]) : locateIn(doc, lc, []);
    const message = excessive
      ? 'YAML aliases (*name) expand to too many copies of their anchors; such a file (a "billion laughs") is refused'
      : `cannot read the YAML: ${(e as Error).message ?? String(e)}`;
    const hint = alias
      ? 'a mapping file does not need anchors (&name) and aliases (*name): write the values out in full'
      : 'check the YAML syntax of the mapping file';
    throw new ContentError([{ file, line, col, path: '', message, hint }]);
  }
}

type MakeProblem = (path: YamlPath, message: string, hint?: string) => Problem;

/** Checks one source against the field it feeds; pushes problems, returns the source. */
function checkSource(key: EventKey, spec: RawSource, at: YamlPath, problem: MakeProblem, problems: Problem[]): FieldSource {
  const kind = fieldKind(key);
  const transform = spec.transform ?? defaultTransform(key);
  const source: FieldSource = { transform, at };
  if (spec.column !== undefined) source.column = cleanCell(spec.column);
  if (spec.template !== undefined) {
    source.template = spec.template;
    const bad = templateSyntaxError(spec.template);
    if (bad) problems.push(problem([...at, 'template'], bad));
  }
  if (spec.value !== undefined) {
    const value = typeof spec.value === 'number' && kind === 'text' ? String(spec.value) : spec.value;
    const check = EventSchema.shape[key].safeParse(value);
    if (!check.success || typeof value === 'number') {
      const expected = kind === 'boolean' ? 'true or false' : kind === 'list' ? 'a list of strings' : 'a string';
      problems.push(problem([...at, 'value'], `expected ${expected} for ${key}: ${check.error?.issues[0]?.message ?? 'wrong type'}`));
    } else {
      source.value = value;
    }
    return source;
  }
  const fits: Record<FieldKind, (t: TransformName) => boolean> = {
    boolean: (t) => t === 'boolean',
    list: (t) => t === 'list',
    text: (t) => t !== 'boolean' && t !== 'list',
  };
  if (!fits[kind](transform)) {
    const want = kind === 'text' ? 'a text transform (text, title, slug, departement, date, number, url)' : `transform: ${kind}`;
    problems.push(problem(spec.transform !== undefined ? [...at, 'transform'] : at, `transform "${transform}" does not suit ${key}, which holds ${kind === 'text' ? 'text' : `a ${kind}`}`, `use ${want}`));
  }
  return source;
}

/** A message when `template` has an unbalanced brace or an empty placeholder, else undefined. */
function templateSyntaxError(template: string): string | undefined {
  const rest = template.replace(/\{\{|\}\}/g, '').replace(/\{[^{}]+\}/g, '');
  if (/[{}]/.test(rest)) return 'unbalanced brace in template (write {{ and }} for literal braces)';
  return undefined;
}

/**
 * The column names a template refers to, with their offsets in the template:
 * "{Commune} ({Département})" → [{ name: "Commune", index: 0 }, { name: "Département", index: 11 }].
 */
export function templateColumns(template: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (const m of template.matchAll(/\{\{|\}\}|\{([^{}]+)\}/g)) {
    if (m[1] !== undefined) out.push({ name: cleanCell(m[1]), index: m.index ?? 0 });
  }
  return out;
}

/**
 * Fills a template with values: `valueOf(column)` for each {Column}; "{{" and "}}" give braces.
 * Returns "" when every placeholder is empty.
 */
export function fillTemplate(template: string, valueOf: (column: string) => string): string {
  let filled = 0;
  let empty = 0;
  const text = template.replace(/\{\{|\}\}|\{([^{}]+)\}/g, (m, name: string | undefined) => {
    if (name === undefined) return m[0] ?? '';
    const v = valueOf(cleanCell(name));
    if (v !== '') filled++;
    else empty++;
    // A mark where the empty part was: its separators are tidied below, never the template's own text.
    return v !== '' ? v : EMPTY_PART;
  });
  if (filled === 0 && templateColumns(template).length > 0) return '';
  return cleanCell(empty > 0 ? withoutEmptyParts(text) : text);
}

/** Stands for an empty placeholder while its separators are tidied (a private-use character). */
const EMPTY_PART = '\uE000';

/**
 * A filled template without what its empty parts leave: « 12 rue des Arts, , 31000 » →
 * « 12 rue des Arts, 31000 »; a separator (, ; · | or a spaced dash) left at the start or the
 * end, or doubled around an empty part, goes with it; « () » around an empty part too.
 */
export function withoutEmptyParts(text: string): string {
  const SEP = '(?:\\s*[,;·|]\\s*|\\s+[-–—]\\s+)';
  return text
    .replace(/\(\s*\uE000\s*\)/g, '\uE000')
    // Between two parts, one separator stays; at an edge, none.
    .replace(new RegExp(`${SEP}?\\uE000(?:${SEP})?`, 'g'), (m) => {
      const [before = '', after = ''] = m.split('\uE000');
      return before !== '' && after !== '' ? after : '';
    })
    .replace(new RegExp(`^${SEP}|${SEP}$`, 'g'), '')
    .replace(/\uE000/g, '');
}

/**
 * Checks that every column named in the mapping (fields, templates, filters) exists in the
 * CSV header; `extraFilters` are --filter options, checked too.
 * @throws ContentError listing each unknown column, located in the mapping file (or naming
 *   the --filter option), with the closest column name as a suggestion.
 */
export function checkColumns(mapping: Mapping, header: readonly string[], csvFile: string): void {
  const known = new Set(header);
  const names = header.filter((h) => h !== '');
  const problems: Problem[] = [];
  const file = mapping.file ?? csvFile;
  const unknown = (name: string) => `unknown column ${JSON.stringify(name)}${didYouMean(name, names)}`;
  const check = (s: FieldSource) => {
    if (s.column !== undefined && !known.has(s.column)) {
      problems.push({ file, ...mapping.locate([...s.at, 'column']), path: formatPath(s.at), message: unknown(s.column) });
    }
    if (s.template !== undefined) {
      for (const c of templateColumns(s.template)) {
        // "{id}" in the url's template is the event's id when no column is named "id".
        if (!known.has(c.name) && !(c.name === 'id' && s.at[1] === 'url')) {
          problems.push({ file, ...mapping.locateChar([...s.at, 'template'], c.index), path: formatPath(s.at), message: unknown(c.name) });
        }
      }
    }
  };
  for (const f of mapping.fields) {
    check(f);
    if (f.fallback) check(f.fallback);
  }
  for (const f of mapping.filters) {
    if (known.has(f.column)) continue;
    if (f.at) problems.push({ file, ...mapping.locateKey(f.at), path: formatPath(f.at), message: unknown(f.column) });
    else problems.push({ file: '--filter', line: 0, col: 0, path: JSON.stringify(f.option ?? f.column), message: unknown(f.column) });
  }
  if (problems.length > 0) throw new ContentError(problems);
}

/** Names of a postal code column, any case: « Code postal », « code_postal », « CP », « postcode », « zip ». */
const POSTAL_CODE_COLUMN = /^(code[ _-]?postal|cp|postal[ _-]?code|post[ _-]?code|zip([ _-]?code)?)$/i;

/**
 * The mapping used when none is given: every column named like an event field ("id",
 * "title", "start", "departement"…, any case) feeds that field, with the field's default
 * transform; without a "departement" column, a postal code column (« Code postal », « CP »,
 * « zip »…) gives the département.
 * @throws ContentError when a required field (id, title, commune, departement) has no column.
 */
export function defaultMapping(header: readonly string[], csvFile: string): Mapping {
  const fields: FieldRule[] = [];
  const missing: EventKey[] = [];
  for (const key of EVENT_KEYS) {
    let column = header.find((h) => h.toLowerCase() === key.toLowerCase());
    // Without a département column, a postal code column gives it (« 31000 » → 31).
    if (column === undefined && key === 'departement') column = header.find((h) => POSTAL_CODE_COLUMN.test(h.trim()));
    if (column !== undefined) fields.push({ key, column, transform: defaultTransform(key), at: [] });
    else if (isRequiredField(key)) missing.push(key);
  }
  if (missing.length > 0) {
    throw new ContentError([
      {
        file: csvFile,
        line: 1,
        col: 0,
        path: '',
        message: `no mapping file given, and the header has no column ${missing.map((k) => `"${k}"`).join(', ')}`,
        hint: 'write a mapping file (see examples/festivals/mapping.yaml) and pass it with --mapping',
      },
    ]);
  }
  return { filters: [], fields, locate: NOWHERE, locateKey: NOWHERE, locateChar: NOWHERE };
}

// ---------------------------------------------------------------------------------------
// locating

/** "fields.title.column", "campaign.introduction[0]". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? String(k) : `${s}.${String(k)}`), '');
}

/** Line and column of the node at `path`, or of its nearest existing ancestor. */
function locateIn(doc: Document, lc: LineCounter, path: YamlPath): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lc.linePos(range[0]);
  }
  return { line: 1, col: 1 };
}

/** Line and column of the key `key` in the map at `path` (for an unknown key). */
function locateKeyIn(doc: Document, lc: LineCounter, path: YamlPath, key: string): { line: number; col: number } {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return lc.linePos(pair.key.range[0]);
    }
  }
  return locateIn(doc, lc, path);
}

/** Problems for one zod issue, located in the mapping file; `prefix` is prepended to its path. */
function issueProblems(issue: z.core.$ZodIssue, prefix: YamlPath, doc: Document, lc: LineCounter, file: string): Problem[] {
  const path = [...prefix, ...(issue.path as YamlPath)];
  if (issue.code === 'unrecognized_keys') {
    const parent = doc.getIn(path, true);
    const expected = isMap(parent) ? expectedKeys(path) : [];
    return issue.keys.map((key) => {
      const { line, col } = locateKeyIn(doc, lc, path, key);
      const what = path.length === 1 && path[0] === 'fields' ? 'event field' : 'key';
      return { file, line, col, path: formatPath([...path, key]), message: `unknown ${what} ${JSON.stringify(key)}${didYouMean(key, expected)}` };
    });
  }
  const { line, col } = locateIn(doc, lc, path);
  const message = issue.message.replace(/^Invalid input: expected (\w+), received undefined$/, 'missing (expected $1)');
  return [{ file, line, col, path: formatPath(path), message }];
}

/** The keys allowed at a path of the mapping file, for suggestions. */
function expectedKeys(path: YamlPath): string[] {
  if (path.length === 0) return Object.keys(MappingSchema.shape);
  if (path.length === 1 && path[0] === 'fields') return EVENT_KEYS;
  if (path[0] === 'fields') return [...Object.keys(sourceShape), 'fallback', 'several'];
  if (path.length === 1 && path[0] === 'campaign') return Object.keys(CampaignSchema.shape);
  return [];
}
