/**
 * Theme files: themes/<name>.yaml, or any .yaml/.yml file given by path. A theme may
 * `extends:` another one (a name, or a path relative to the extending file's folder) and
 * set only what differs: maps are merged key by key, lists (sectionColours, a family's faces)
 * and colours are replaced whole. Checked against layouts/theme-schema.ts; every problem is
 * located at its file:line:col (in the file that sets the value), as a ThemeError.
 */
import path from 'node:path';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { isMap, isScalar, isSeq } from 'yaml';
import type { z } from 'zod';
import { themeSchema, REQUIRED_FACES, type Theme } from '../../layouts/theme-schema.js';
import { parseYaml, locate, locateKey, formatPath, knownKeys, nearest, describeKey, describeValue, valueAt, visibleKey, type SourceFile } from './yaml.js';
import { ThemeError, type Problem } from '../model/errors.js';
import { cmykToScreenRgb } from '../render/icc.js';
import { TOOL_ROOT } from '../paths.js';
import { hashOf } from '../cache/hash.js';
import { campaignFontFiles, fontDirs, fontPath } from '../render/font-files.js';

/** The theme used when none is named. */
export const DEFAULT_THEME = 'languedoc-roussillon';

/** The folder of named themes, under the project root (and encre's own, for its shipped themes). */
export const THEMES_DIR = 'themes';

/**
 * The ICC profile through which a CMYK-only colour gets its screen RGB: the output intent of
 * the shipped printer profiles (FOGRA39), relative to encre's folder.
 */
export const THEME_ICC = 'assets/icc/encre-FOGRA39.icc';

/** Family names that are PDF standard fonts (ISO 32000-1 §9.6.2.2), which react-pdf keeps for its built-in, non-embedded fonts. */
const STANDARD_FONTS = ['Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique', 'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique', 'Times', 'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic', 'Symbol', 'ZapfDingbats'];

/** Where a value is set: file (as shown, relative to the root when inside it), 1-based line and column. */
export interface Place {
  file: string;
  line: number;
  col: number;
}

/** A theme as loaded: plain data (it crosses to worker threads). */
export interface LoadedTheme {
  /** The tokens. */
  theme: Theme;
  /** The theme's own file, as shown in messages ("themes/midi-pyrenees.yaml"). */
  file: string;
  /** Absolute paths of every file read: the theme's own, then those it extends, in turn, then the campaign's own font files it uses. */
  files: string[];
  /** Where each token is set ("colours.brand.cmyk" → place), in the file that sets it. */
  places: Record<string, Place>;
  /** Paths of the colours whose RGB was computed from their CMYK ("colours.brand"). */
  computedRgb: string[];
}

/**
 * The folders named themes are looked up in, in order: the campaign folder's themes/ (or,
 * without a campaign folder, `<root>/themes/`), then encre's own.
 * @param campaign the campaign folder (absolute), when there is one.
 */
export function themeDirs(root: string, campaign?: string): string[] {
  return [...new Set([path.resolve(campaign ?? root, THEMES_DIR), path.join(TOOL_ROOT, THEMES_DIR)])];
}

/** The theme names found in the campaign's themes/ (see {@link themeDirs}) and encre's own themes/, sorted. */
export function themeNames(root: string, campaign?: string): string[] {
  const names = new Set<string>();
  for (const dir of themeDirs(root, campaign)) {
    let files: string[] = [];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const f of files) if (/\.ya?ml$/.test(f)) names.add(f.replace(/\.ya?ml$/, ''));
  }
  return [...names].sort();
}

/** True when `--theme` (or `extends`, or campaign.yaml's `theme:`) names a file rather than a theme of themes/. */
export function isThemePath(nameOrPath: string): boolean {
  return /[\\/]/.test(nameOrPath) || /\.ya?ml$/i.test(nameOrPath);
}

/** A file name for messages: relative to the root when inside it. */
function shown(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/**
 * The file a theme name or path stands for.
 * @param from the folder a relative path is resolved from (the root, or the extending file's).
 * @returns the absolute path, or a problem saying which themes there are.
 */
function resolveThemeFile(root: string, nameOrPath: string, from: string, at: Omit<Problem, 'message' | 'hint'>, campaign?: string): string | Problem {
  if (isThemePath(nameOrPath)) {
    const abs = path.resolve(from, nameOrPath);
    if (!/\.ya?ml$/i.test(abs)) return { ...at, message: `the theme file "${nameOrPath}" is not a .yaml or .yml file`, hint: 'give a theme name (a file of themes/) or the path of a .yaml file' };
    if (!existsSync(abs) || !statSync(abs).isFile()) return { ...at, message: `theme file "${nameOrPath}" not found (looked for ${shown(root, abs)})`, hint: `check the path; the named themes are: ${themeNames(root, campaign).join(', ')}` };
    return abs;
  }
  for (const dir of themeDirs(root, campaign)) {
    for (const ext of ['.yaml', '.yml']) {
      const abs = path.join(dir, `${nameOrPath}${ext}`);
      if (existsSync(abs)) return abs;
    }
  }
  const names = themeNames(root, campaign);
  const near = nearest(nameOrPath, names);
  return { ...at, message: `unknown theme "${nameOrPath}"; expected one of: ${names.join(', ')} (files in themes/) or the path of a .yaml file`, ...(near ? { hint: `did you mean "${near}"?` } : {}) };
}

/** A theme's files and their merged data, before the CMYK-only colours get their RGB. */
interface Prepared {
  root: string;
  /** The campaign folder (absolute), when there is one: its themes/ and assets/fonts/ are searched first. */
  campaign?: string;
  /** The theme's own file first, then each file it extends. */
  sources: SourceFile[];
  abs: string[];
  data: Record<string, unknown>;
  /** Colours that have CMYK but no RGB: their path and CMYK. */
  needRgb: { path: (string | number)[]; cmyk: number[] }[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `over` on `base`: maps merged key by key (deeply), anything else — lists, scalars, and
 * colours (maps with a `cmyk` key: a CMYK-only colour must not keep its base's RGB) — replaced whole;
 * `sectionText` dropped with the base's `sectionColours` when `over` sets only these.
 */
export function mergeTheme(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over) || 'cmyk' in over) return over;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeTheme(base[k], v) : v;
  // The text variants go with their section colours: new section colours without their own
  // variants print their text in themselves, not in the base's variants of other colours.
  if ('sectionColours' in over && !('sectionText' in over)) delete out.sectionText;
  return out;
}

/** Reads a theme file and what it extends, merged. @throws ThemeError */
function prepare(root: string, nameOrPath: string, campaign?: string): Prepared {
  const sources: SourceFile[] = [];
  const abs: string[] = [];
  const read = (file: string, chain: string[]): Json => {
    const name = shown(root, file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ThemeError([{ file: name, line: 0, col: 0, path: '', message: `cannot read the theme file (${(e as Error).message})` }]);
    }
    // Kept for the next read of the same text (the default theme is read at import, then by the build).
    const { source, problems } = parseYaml(name, text, true);
    if (problems.length > 0) throw new ThemeError(problems);
    sources.push(source);
    abs.push(file);
    const top = source.doc.contents;
    if (top === null || (isScalar(top) && (top.value === null || top.value === ''))) {
      throw new ThemeError([{ file: name, line: 0, col: 0, path: '', message: 'the theme file is empty', hint: `give the tokens (see themes/${DEFAULT_THEME}.yaml), or \`extends: ${DEFAULT_THEME}\` and the values that differ` }]);
    }
    if (!isMap(top)) {
      const pos = locate(source, []);
      throw new ThemeError([{ file: name, ...pos, path: '', message: `expected a mapping of tokens (colours:, fonts:, type: …), received ${isSeq(top) ? 'a list' : 'a single value'}`, hint: `see themes/${DEFAULT_THEME}.yaml for the shape of a theme` }]);
    }
    const data = source.doc.toJS({ maxAliasCount: 100 }) as Json;
    const ext = data.extends;
    delete data.extends;
    if (ext === undefined) return data;
    const at = { file: name, ...locate(source, ['extends']), path: 'extends' };
    if (typeof ext !== 'string' || ext.trim() === '') {
      throw new ThemeError([{ ...at, message: `expected the name of a theme or the path of a .yaml file, received ${JSON.stringify(ext)}`, hint: `e.g. extends: ${DEFAULT_THEME}` }]);
    }
    const base = resolveThemeFile(root, ext, path.dirname(file), at, campaign);
    if (typeof base !== 'string') throw new ThemeError([base]);
    if (chain.includes(base)) {
      const cycle = [...chain.slice(chain.indexOf(base)), base].map((f) => shown(root, f)).join(' → ');
      throw new ThemeError([{ ...at, message: `extends "${ext}" makes a cycle: ${cycle}`, hint: 'a theme cannot extend itself, directly or through another theme: remove one of the extends' }]);
    }
    return mergeTheme(read(base, [...chain, base]), data) as Json;
  };
  const first = resolveThemeFile(root, nameOrPath, root, { file: '--theme', line: 0, col: 0, path: '' }, campaign);
  if (typeof first !== 'string') throw new ThemeError([first]);
  const data = read(first, [first]);
  const needRgb: Prepared['needRgb'] = [];
  const visit = (c: unknown, p: (string | number)[]) => {
    if (isObject(c) && c.rgb === undefined && Array.isArray(c.cmyk) && c.cmyk.length === 4 && c.cmyk.every((v) => typeof v === 'number' && v >= 0 && v <= 100)) {
      // A spot colour's tint prints as that share of its CMYK alternate (src/render/cmyk.ts).
      const tint = typeof c.spot === 'string' && typeof c.tint === 'number' && c.tint > 0 && c.tint <= 100 ? c.tint / 100 : 1;
      needRgb.push({ path: p, cmyk: (c.cmyk as number[]).map((v) => v * tint) });
    }
  };
  if (isObject(data.colours)) for (const [k, c] of Object.entries(data.colours)) visit(c, ['colours', k]);
  if (Array.isArray(data.sectionColours)) data.sectionColours.forEach((c, i) => visit(c, ['sectionColours', i]));
  if (Array.isArray(data.sectionText)) data.sectionText.forEach((c, i) => visit(c, ['sectionText', i]));
  return { root, campaign, sources, abs, data, needRgb };
}

/** Where `p` is set: the most derived file that sets it, else the nearest parent it sets. */
function placeIn(sources: SourceFile[], p: readonly PropertyKey[]): Place {
  for (let n = p.length; n >= 0; n--) {
    for (const s of sources) {
      if (!s.doc.hasIn(p.slice(0, n))) continue;
      // A block mapping or list is located at its key ("Inter:"); a value written on one line ([0, 80, 100, 0]) where it is written.
      const last = p[n - 1];
      const node = s.doc.getIn(p.slice(0, n), true);
      if (typeof last === 'string' && (isMap(node) || isSeq(node)) && !node.flow) return { file: s.file, ...locateKey(s, p.slice(0, n - 1), last) };
      return { file: s.file, ...locate(s, p.slice(0, n)) };
    }
  }
  return { file: sources[0]!.file, line: 1, col: 1 };
}

/** A value for a message: `[0, 80, 120, 0]` (a list of plain values written out), else as content errors describe it (`"#e8542"`, `12`, `a mapping`). */
function show(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return `[${v.map((x) => (typeof x === 'string' ? JSON.stringify(x) : String(x))).join(', ')}]`;
  return describeValue(v);
}

/** Hints for a few tokens, by the last key of the path. */
function hintFor(p: readonly PropertyKey[]): string | undefined {
  const last = String(p[p.length - 1]);
  if (last === 'cmyk') return 'four numbers in percent, cyan magenta yellow black, e.g. cmyk: [0, 80, 100, 0]';
  if (last === 'rgb') return 'six hex digits in quotes, e.g. rgb: "#e8542a", or leave rgb out: encre computes it from the CMYK through the output profile';
  if (p[0] === 'type') return '[size, leading] in pt, e.g. [8.5, 11.5]';
  if (last === 'file') return 'a file of assets/fonts/ (the campaign\'s, or encre\'s), e.g. Inter-Regular.otf';
  return undefined;
}

/** The schema's issues as located problems. */
function problemsOf(prep: Prepared, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const { sources, data } = prep;
  // A colour whose CMYK is wrong has no computed RGB: report the CMYK only.
  const badCmyk = new Set(issues.filter((i) => i.path[i.path.length - 1] === 'cmyk').map((i) => formatPath(i.path.slice(0, -1))));
  return issues.flatMap((issue): Problem[] => {
    if (issue.path[issue.path.length - 1] === 'rgb' && badCmyk.has(formatPath(issue.path.slice(0, -1))) && valueAt(data, issue.path) === undefined) return [];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const src = sources.find((s) => {
          const n = s.doc.getIn(issue.path as unknown[], true);
          return isMap(n) && n.items.some((pair) => isScalar(pair.key) && pair.key.value === key);
        }) ?? sources[0]!;
        const near = nearest(visibleKey(key), knownKeys(themeSchema, issue.path));
        return { file: src.file, ...locateKey(src, issue.path, key), path: formatPath([...issue.path, key]), message: `unknown key ${describeKey(key)}`, hint: near ? `did you mean "${near}"?` : `remove it; the keys here are: ${knownKeys(themeSchema, issue.path).join(', ')}` };
      });
    }
    const received = valueAt(data, issue.path);
    const place = placeIn(sources, issue.path);
    let message: string;
    if (issue.code === 'invalid_type' && received === undefined) message = `missing (expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected === 'tuple' ? 'a list' : issue.expected})`;
    else if (issue.code === 'invalid_type') message = `received ${show(received)}, expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' || issue.expected === 'tuple' ? 'a list' : issue.expected}`;
    else if (issue.path[0] === 'type' && issue.path.length === 2) message = `received ${show(received)}, expected [size, leading] in pt`;
    else message = `received ${show(received)}, ${issue.message.replace(/^Invalid input: /, '').replace(/^Too (small|big): /, '').replace(/^./, (c) => c.toLowerCase())}`;
    const number = typeof received === 'string' ? /^\s*(-?\d+(?:[.,]\d+)?)\s*[a-zA-Z]*\s*$/.exec(received) : null;
    const unit = issue.path[0] === 'type' || issue.path[0] === 'rules' ? 'pt' : 'mm';
    const hint = number ? `write the number alone, in ${unit}: ${number[1]!.replace(',', '.')}` : hintFor(issue.path);
    return [{ ...place, path: formatPath(issue.path), message, ...(hint ? { hint } : {}) }];
  });
}

/** Every path of the data, with where it is set. */
function placesOf(sources: SourceFile[], data: unknown): Record<string, Place> {
  const places: Record<string, Place> = {};
  const walk = (v: unknown, p: (string | number)[]) => {
    if (p.length > 0) places[formatPath(p)] = placeIn(sources, p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(data, []);
  return places;
}

/** The checks the schema cannot make: fonts (files, faces used, names) and the RGB ↔ CMYK pairs. */
function checkTheme(theme: Theme, computed: Set<string>, at: (p: (string | number)[]) => Place, campaign: string | undefined): Problem[] {
  const problems: Problem[] = [];
  const add = (p: (string | number)[], message: string, hint?: string) => problems.push({ ...at(p), path: formatPath(p), message, ...(hint ? { hint } : {}) });
  const { fonts } = theme;
  for (const family of Object.keys(fonts.faces)) {
    if (family.trim() === '') {
      add(['fonts', 'faces', family], `a family without a name (received ${JSON.stringify(family)})`, 'give the family a name, e.g. "Inter", and use it in fonts.family or fonts.display');
      continue;
    }
    if (STANDARD_FONTS.some((s) => s.toLowerCase() === family.toLowerCase())) {
      add(['fonts', 'faces', family], `the family name "${family}" is a PDF standard font name: react-pdf would set the text in its built-in ${family}, not embedded (print files must embed every font)`, `name the family otherwise (e.g. "${family} Text"): the font file is embedded under its own name`);
    }
  }
  for (const key of ['family', 'display'] as const) {
    const family = fonts[key];
    if (!fonts.faces[family]) add(['fonts', key], `no faces are listed for the family "${family}" (fonts.faces has ${Object.keys(fonts.faces).map((f) => `"${f}"`).join(', ')})`, `add fonts.faces."${family}" with its files, or name one of the families listed`);
  }
  for (const need of REQUIRED_FACES) {
    const family = fonts[need.family];
    const faces = fonts.faces[family];
    if (!faces) continue;
    if (!faces.some((f) => f.fontWeight === need.fontWeight && f.fontStyle === need.fontStyle)) {
      add(['fonts', 'faces', family], `fonts.faces.${family} has no ${need.fontWeight} ${need.fontStyle} face (used by ${need.usedBy})`, `add { file: …, fontWeight: ${need.fontWeight}, fontStyle: ${need.fontStyle} } (a file of assets/fonts/; the same file may serve two weights)`);
    }
  }
  // The campaign's assets/fonts/ first, then encre's (src/render/font-files.ts).
  const dirs = fontDirs(campaign);
  for (const [family, faces] of Object.entries(fonts.faces)) {
    faces.forEach((f, i) => {
      const file = fontPath(f.file, campaign);
      let font: unknown;
      try {
        font = fontkit.create(readFileSync(file));
      } catch (e) {
        const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
        const there = [...new Set(dirs.flatMap((d) => (existsSync(d) ? readdirSync(d) : [])).filter((x) => /\.(otf|ttf)$/i.test(x)))].sort();
        const near = nearest(f.file, there);
        add(['fonts', 'faces', family, i, 'file'], missing ? `font file assets/fonts/${f.file} not found` : `assets/fonts/${f.file} is not a font encre can read (${(e as Error).message})`, missing ? (near ? `did you mean "${near}"?` : `put the file (OTF or TTF, with its licence) in ${campaign ? 'the campaign folder\'s assets/fonts/' : 'assets/fonts/'}, or correct the name; there are: ${there.join(', ')}`) : 'give an OTF or TTF file');
        return;
      }
      if (!font || typeof (font as { layout?: unknown }).layout !== 'function') add(['fonts', 'faces', family, i, 'file'], `assets/fonts/${f.file} is a font collection, not a single font`, 'give one OTF or TTF file per face');
      // fontkit also reads WOFF and WOFF2 (web fonts), whatever the file's name: encre embeds OTF and TTF.
      else if ((font as { type?: string }).type !== 'TTF') add(['fonts', 'faces', family, i, 'file'], `assets/fonts/${f.file} is a ${(font as { type?: string }).type ?? 'font of another kind'} font (a web font), not an OTF or TTF file`, 'give the OTF or TTF file of this face (web fonts are made from them)');
    });
  }
  // Print files map each RGB back to its CMYK (src/render/cmyk.ts): one RGB, one CMYK.
  const seen = new Map<string, { path: (string | number)[]; cmyk: string }>();
  const printed = (c: { cmyk: readonly number[]; spot?: string; tint?: number }) => `${c.cmyk.join('/')}${c.spot ? ` (spot ${c.spot}${c.tint !== undefined ? ` at ${c.tint} %` : ''})` : ''}`;
  const colours: [(string | number)[], { cmyk: readonly number[]; rgb: string; spot?: string; tint?: number }][] = [
    ...Object.entries(theme.colours).map(([k, c]): [(string | number)[], typeof c] => [['colours', k], c]),
    ...theme.sectionColours.map((c, i): [(string | number)[], typeof c] => [['sectionColours', i], c]),
    ...theme.sectionText.map((c, i): [(string | number)[], typeof c] => [['sectionText', i], c]),
  ];
  for (const [p, c] of colours) {
    const key = c.rgb.toLowerCase();
    const other = seen.get(key);
    if (other && other.cmyk !== printed(c)) {
      const how = computed.has(formatPath(p)) || computed.has(formatPath(other.path)) ? ' (computed from their CMYK through the output profile)' : '';
      add([...p, 'rgb'], `${formatPath(p)} and ${formatPath(other.path)} have the same screen RGB ${c.rgb}${how} but different CMYK (${printed(c)} and ${other.cmyk}): a print file could not tell them apart`, 'make the two colours differ, or give one its own rgb');
    } else if (!other) seen.set(key, { path: p, cmyk: printed(c) });
  }
  return problems;
}

/**
 * Themes validated in this process, by the names and texts of their files, where they were
 * found, the campaign folder and the computed RGBs; each with the state of the font files it
 * names (path, size, modification time: checkTheme opens them). A theme read again as it was
 * — the build's, after the default theme that layouts/theme.ts reads when it loads; the
 * preview's rebuilds — is not validated and checked again (0.1 s of every build).
 */
const validated = new Map<string, { fonts: string; loaded: LoadedTheme }>();

/** Where each font file of a theme is found, its size and modification time (or « missing »). */
function fontState(t: Theme, campaign: string | undefined): string {
  return Object.values(t.fonts.faces).flatMap((faces) => faces.map((f) => {
    const file = fontPath(f.file, campaign);
    try {
      const st = statSync(file);
      return `${file}\t${st.size}\t${st.mtimeMs}`;
    } catch {
      return `${file}\tmissing`;
    }
  })).join('\n');
}

/**
 * {@link validate}, or its result for the same files, campaign and RGBs when their fonts are
 * as they were: a copy of the theme (each read gives a theme of its own, as before).
 */
function finish(prep: Prepared, rgbs: string[]): LoadedTheme {
  const key = hashOf([prep.root, prep.campaign ?? null, prep.abs, prep.sources.map((s) => [s.file, s.text]), rgbs]);
  const known = validated.get(key);
  if (known && known.fonts === fontState(known.loaded.theme, prep.campaign)) return { ...known.loaded, theme: structuredClone(known.loaded.theme) };
  const loaded = validate(prep, rgbs);
  if (validated.size >= 16) validated.delete(validated.keys().next().value!);
  validated.set(key, { fonts: fontState(loaded.theme, prep.campaign), loaded: { ...loaded, theme: structuredClone(loaded.theme) } });
  return loaded;
}

/** Validates prepared data whose CMYK-only colours have their RGB (`rgbs`, in `needRgb`'s order). */
function validate(prep: Prepared, rgbs: string[]): LoadedTheme {
  const campaign = prep.campaign;
  const data = structuredClone(prep.data);
  prep.needRgb.forEach((n, i) => {
    (valueAt(data, n.path) as Json).rgb = rgbs[i];
  });
  const result = themeSchema.safeParse(data);
  if (!result.success) throw new ThemeError(problemsOf(prep, result.error.issues));
  const computed = new Set(prep.needRgb.map((n) => formatPath(n.path)));
  const at = (p: (string | number)[]) => placeIn(prep.sources, p);
  const problems = checkTheme(result.data, computed, at, campaign);
  if (problems.length > 0) throw new ThemeError(problems);
  // The campaign's own font files are inputs too (the build cache's fingerprint).
  const fontFiles = campaignFontFiles(Object.values(result.data.fonts.faces).flatMap((faces) => faces.map((f) => f.file)), campaign);
  return { theme: result.data, file: prep.sources[0]!.file, files: [...prep.abs, ...fontFiles], places: placesOf(prep.sources, prep.data), computedRgb: [...computed] };
}

/**
 * Reads, merges (`extends`) and checks a theme; colours given as CMYK alone get their screen
 * RGB through the output ICC profile ({@link THEME_ICC}, src/render/icc.ts).
 * @param root the folder relative paths are resolved from, and file names shown relative to.
 * @param nameOrPath a theme name ("midi-pyrenees") or a path ending in .yaml/.yml.
 * @param campaign the campaign folder (absolute): names are looked up in its themes/, then in
 *   encre's own (without it, in `<root>/themes/`).
 * @throws ThemeError with every problem located at file:line:col (unknown name, listing the
 *   themes there are; bad or unknown key, with the nearest known key; missing font file or
 *   face; `extends` cycle; two colours with one RGB and two CMYK).
 */
export async function readTheme(root: string, nameOrPath: string, campaign?: string): Promise<LoadedTheme> {
  const prep = prepare(root, nameOrPath, campaign);
  let rgbs: string[] = [];
  try {
    rgbs = await cmykToScreenRgb(prep.needRgb.map((n) => n.cmyk), path.join(TOOL_ROOT, THEME_ICC));
  } catch (e) {
    const p = prep.needRgb[0]!.path;
    throw new ThemeError([{ ...placeIn(prep.sources, p), path: formatPath(p), message: `cannot compute the screen RGB of the CMYK-only colours through ${THEME_ICC} (${(e as Error).message})`, hint: 'give each colour its rgb' }]);
  }
  return finish(prep, rgbs);
}

/**
 * {@link readTheme} without waiting: for a theme whose colours all give their RGB (the shipped
 * ones), e.g. the theme in force before any build selects one.
 * @throws ThemeError as readTheme, and when a colour gives its CMYK only (its RGB needs the
 *   asynchronous ICC conversion: use readTheme).
 */
export function readThemeSync(root: string, nameOrPath: string): LoadedTheme {
  const prep = prepare(root, nameOrPath);
  if (prep.needRgb.length > 0) {
    const p = prep.needRgb[0]!.path;
    throw new ThemeError([{ ...placeIn(prep.sources, p), path: formatPath(p), message: 'this colour has no rgb: it is computed from the CMYK when the theme is loaded with readTheme (asynchronous)', hint: 'load the theme with loadTheme()' }]);
  }
  return finish(prep, []);
}

/**
 * The files a theme is read from (its own, then those it extends), as far as they can be
 * read: for watching them (the dev server). Never throws: a theme with problems gives the
 * files found before the problem (its errors come with the build).
 * @returns absolute paths.
 */
export function themeFilesOf(root: string, nameOrPath: string, campaign?: string): string[] {
  try {
    return prepare(root, nameOrPath, campaign).abs;
  } catch {
    const first = resolveThemeFile(root, nameOrPath, root, { file: '', line: 0, col: 0, path: '' }, campaign);
    return typeof first === 'string' ? [first] : [];
  }
}

/** Where a token of a loaded theme is set (its path, or its nearest parent's). */
export function placeOf(loaded: LoadedTheme, p: readonly (string | number)[]): Place {
  for (let n = p.length; n > 0; n--) {
    const hit = loaded.places[formatPath(p.slice(0, n))];
    if (hit) return hit;
  }
  return { file: loaded.file, line: 1, col: 1 };
}
