import * as reactPdfLayout from '@react-pdf/layout';
import { KeptMap } from '../cache/kept.js';

/*
 * Text laid out once per process (patches/@react-pdf+layout+5.2.0.patch gives react-pdf's
 * layout the hook). react-pdf lays out the same texts in several documents of a build: the
 * programme's probes (measurement, copyfit, pagination) and its pages; its headings, dates and
 * communes in each; a text's lines are what textkit makes of its attributed string, its frame
 * and the options, nothing else. Counted on the festivals' programme (382 events, print and
 * screen): 7,066 texts laid out, 2,726 different; the repeats took 0.47 s of textkit's 1.31 s.
 */

/** textkit's attributed string as react-pdf's layout gives it. */
interface AttributedString {
  string: string;
  runs: { start: number; end: number; attributes: Record<string, unknown> }[];
}
/** textkit's container: the frame a text is laid out in. */
interface Container {
  width: number;
  height: number;
  maxLines?: number;
  truncateMode?: string;
  exclusions?: unknown[];
}
/** textkit's layout options, as react-pdf's layout gives them. */
interface Options {
  hyphenationPenalty?: number;
  shrinkWhitespaceFactor?: { before: number; after: number };
  hyphenationCallback?: ((word: string) => string[]) | null;
}
/** textkit's lines (AttributedStrings): their characters are all that is read here. */
type Lines = { string?: string }[];
type Cache = (attributedString: AttributedString, container: Container, options: Options, typeset: () => Lines) => Lines;

/**
 * Bytes of lines kept (weighed as their key's characters and {@link BYTES_PER_CHARACTER} per
 * character laid out): past this, the kept lines are forgotten and laid out again when asked
 * (never a different answer). The festivals' programme keeps 7 MB; a larger campaign keeps
 * its latest texts. The 10,000-event programme (screen file, one run each): 39.2 s and 1.20 GB
 * peak resident with 32 MB, 40.0 s and 1.29 GB with 64 MB.
 */
const BYTES_KEPT = 32 << 20;
/** Heap a kept text's lines hold per character (measured: 6.8 MB for the festivals' 65,576 characters). */
const BYTES_PER_CHARACTER = 100;

/** An identity number per object or function a key names by identity (faces, hyphenation callbacks, images). */
const ids = new WeakMap<object, number>();
let nextId = 1;
function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/**
 * One value of a key, self-delimiting: strings by their length and characters, numbers (NaN
 * and Infinity included), booleans and null as their text, plain objects and arrays by their
 * entries, other objects (font faces, image data) and functions by identity.
 */
function part(v: unknown): string {
  switch (typeof v) {
    case 'string': return `"${v.length}:${v}`;
    case 'number': case 'boolean': return `${v}`;
    case 'undefined': return 'u';
    case 'function': return `f${idOf(v)}`;
    case 'object': {
      if (v === null) return 'null';
      let out: string;
      if (Array.isArray(v)) {
        out = '[';
        for (const x of v) out += `${part(x)},`;
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return `o${idOf(v)}`;
      out = '{';
      for (const k in v) out += `${k.length}:${k}=${part((v as Record<string, unknown>)[k])},`;
      return `${out}}`;
    }
    default: return `?${String(v)}`;
  }
}

/**
 * Everything a text's lines depend on, as one string: its frame (width and height in pt,
 * line limit, truncation), the layout options (hyphenation callback by identity), each run's
 * range and attributes, and its characters. undefined for a text laid out around exclusions
 * (floats), which is not kept.
 */
export function textLayoutKey(a: AttributedString, c: Container, o: Options): string | undefined {
  if ((c.exclusions?.length ?? 0) > 0) return undefined;
  let key = `${c.width} ${c.height} ${part(c.maxLines)} ${part(c.truncateMode)} ${part(o.hyphenationPenalty)} ${part(o.shrinkWhitespaceFactor)} ${part(o.hyphenationCallback)}|`;
  for (const r of a.runs) key += `${r.start}-${r.end}#${styleId(part(r.attributes))};`;
  return `${key}|${a.string}`;
}

/**
 * A number per run style (its attributes' text, a few hundred characters: a text's key names
 * it by this number). A build has a few dozen styles; past {@link STYLES_KEPT} they are
 * forgotten with the lines kept, and new numbers given (a number is never given twice).
 */
const styles = new Map<string, number>();
let nextStyle = 0;
function styleId(attributes: string): number {
  let id = styles.get(attributes);
  if (id === undefined) {
    if (styles.size >= STYLES_KEPT) forgetTextLayouts();
    styles.set(attributes, (id = nextStyle++));
  }
  return id;
}
const STYLES_KEPT = 10_000;

/** The lines kept, by {@link textLayoutKey}. */
const kept = new KeptMap<string, Lines>(BYTES_KEPT, (key, lines) => key.length + BYTES_PER_CHARACTER * lines.reduce((n, l) => n + (l.string?.length ?? 0), 0));

let installed = false;
/** Texts laid out by textkit, and texts given lines kept, since the cache was installed. */
const counts = { laidOut: 0, reused: 0 };

/** Forgets the lines kept (the fonts were registered again: their faces are new objects, the old keys would never be asked again). */
export function forgetTextLayouts(): void {
  kept.clear();
  styles.clear();
}

/** How many texts textkit laid out, and how many were given lines kept, since the cache was installed in this process. */
export function textLayoutCounts(): { laidOut: number; reused: number } {
  return { ...counts };
}

/**
 * From now on in this process, a text react-pdf lays out again (same attributed string:
 * characters, faces by identity, sizes, colours, links…; same frame and options) gets the
 * lines it was given the first time, in a new array: the same lines, positions and glyphs
 * textkit would make again (react-pdf's layout and render read them and never change them).
 * At most about {@link BYTES_KEPT} bytes of lines are kept. Installed by registerFonts
 * (src/render/fonts.ts), before anything is laid out.
 * @throws Error (internal) when @react-pdf/layout has no `setTextLayoutCache` (its patch is not applied: `npm ci`).
 */
export function installTextLayoutCache(): void {
  if (installed) return;
  setCache((attributedString, container, options, typeset) => {
    const key = textLayoutKey(attributedString, container, options);
    if (key === undefined) {
      counts.laidOut++;
      return typeset();
    }
    let lines = kept.get(key);
    if (lines) counts.reused++;
    else {
      counts.laidOut++;
      kept.set(key, (lines = typeset()));
    }
    return lines.slice();
  });
  installed = true;
}

/**
 * Takes the cache away: every text is laid out by textkit, as react-pdf ships (the tests
 * compare both); {@link installTextLayoutCache} puts it back, with the lines it kept.
 */
export function removeTextLayoutCache(): void {
  setCache(null);
  installed = false;
}

/** @react-pdf/layout's hook (patches/@react-pdf+layout+5.2.0.patch). */
function setCache(cache: Cache | null): void {
  const set = (reactPdfLayout as unknown as { setTextLayoutCache?: (cache: Cache | null) => void }).setTextLayoutCache;
  if (typeof set !== 'function') throw new Error('internal: @react-pdf/layout has no setTextLayoutCache: patches/@react-pdf+layout+5.2.0.patch is not applied (install with `npm ci`)');
  set(cache);
}
