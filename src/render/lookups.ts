/*
 * fontkit's OpenType lookups (GSUB, GPOS), made faster without changing a result. For every
 * glyph of a run and every lookup of its features, fontkit 2.0.4 tries each subtable in turn,
 * and each asks « is the glyph in my coverage table » by scanning the table's glyphs or
 * ranges; a chaining context (format 3) tests its backtrack before the glyph it starts from;
 * the lookups of a feature set are listed anew (each lookup's record decoded again) for
 * every run. Profiled on the sample's programme, shaping its cards was half of the time,
 * most of it there (src/render/shaping.ts keeps the runs it shaped; this makes the first
 * shaping of each run faster: 1.9 to 2.5 times on the campaigns' texts).
 *
 * What changes, all of it exact (fontkit's tables are read-only once decoded):
 * - A lookup is not tried on a glyph that none of its subtables' first coverage tables holds
 *   (the table fontkit checks first against the current glyph, for every lookup type it
 *   supports): fontkit's own code returns false for each of them without changing anything.
 *   The loop over lookups and glyphs is fontkit's (OTProcessor.applyLookups), with that test
 *   added; membership is a bitmap per lookup, built on first use. From a glyph the lookup is
 *   not tried on, the loop goes straight to the next glyph it would be tried on (the next one
 *   the lookup's flags do not skip, with the feature, in the gate), without stepping
 *   fontkit's iterator over each glyph in between.
 * - Coverage indices and glyph classes are remembered per table and glyph.
 * - The lookups of a feature set are remembered per processor and language system (which
 *   decide the processor's feature map) and given as a fresh array, as fontkit gives them.
 * Installed once per process on fontkit's classes (OTProcessor, GSUBProcessor,
 * GPOSProcessor), found through a face's layout engine.
 */

/** A coverage table as fontkit decodes it (OpenType « Coverage Table », formats 1 and 2). */
interface Coverage {
  version: number;
  glyphs?: ArrayLike<number>;
  rangeRecords?: ArrayLike<{ start: number; end: number }>;
}

/** A lookup subtable as fontkit decodes it: only the fields that name its first coverage. */
interface Subtable {
  version?: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}

/** A lookup as fontkit decodes it (OpenType « Lookup Table »). */
interface Lookup {
  lookupType: number;
  flags: unknown;
  subTables: Subtable[];
}

/** fontkit's GlyphIterator (module.mjs), as applyLookups uses it. */
interface GlyphIterator {
  index: number;
  cur: { id: number; features: Record<string, unknown> };
  reset(flags: unknown): void;
  next(): unknown;
  /** True for a glyph the lookup's flags skip (marks, ligatures, bases, other mark classes). */
  shouldIgnore(glyph: unknown): boolean;
}

/** What of fontkit's OTProcessor and its subclasses this module touches (module.mjs). */
interface Processor {
  applyLookup(this: Processor, lookupType: number, table: Subtable): boolean;
  applyLookups(this: Processor, lookups: { feature: string; lookup: Lookup }[], glyphs: unknown[], positions?: unknown[]): void;
  coverageIndex(this: Processor, coverage: object, glyph?: number): number;
  getClassID(this: Processor, glyph: number, classDef: object): number;
  lookupsForFeatures(this: Processor, userFeatures?: string[], exclude?: number[]): unknown[];
  glyphIterator: GlyphIterator;
  glyphs: unknown[];
  positions?: unknown[];
  currentFeature: string | null;
  /** The language system selected (fontkit's selectScript): it decides the processor's features. */
  language: object | null;
}

/**
 * The coverage table a subtable checks the current glyph against before anything else, for
 * the lookup types fontkit supports (GSUB 1–7, GPOS 1–9); undefined when there is none to
 * gate on (an unsupported type: fontkit's own error stands). An extension (GSUB 7, GPOS 9)
 * is gated by the subtable it extends.
 */
function firstCoverage(table: 'GSUB' | 'GPOS', type: number, sub: Subtable): Coverage | undefined {
  const extension = table === 'GSUB' ? 7 : 9;
  if (type === extension) return sub.extension && sub.lookupType !== undefined ? firstCoverage(table, sub.lookupType, sub.extension) : undefined;
  const context = table === 'GSUB' ? 5 : 7;
  const chaining = table === 'GSUB' ? 6 : 8;
  if (type === context) return sub.version === 3 ? sub.coverages?.[0] : sub.version === 1 || sub.version === 2 ? sub.coverage : undefined;
  if (type === chaining) return sub.version === 3 ? sub.inputCoverage?.[0] : sub.version === 1 || sub.version === 2 ? sub.coverage : undefined;
  if (table === 'GSUB') return type >= 1 && type <= 4 ? sub.coverage : undefined;
  if (type >= 1 && type <= 3) return sub.coverage;
  if (type === 4 || type === 5) return sub.markCoverage;
  if (type === 6) return sub.mark1Coverage;
  return undefined;
}

/** The glyphs of a coverage table as a bitmap (index: glyph id); undefined for a format fontkit does not read. */
function coverageBitmap(c: Coverage): Uint8Array | undefined {
  if (c.version === 1 && c.glyphs) {
    let max = -1;
    for (let i = 0; i < c.glyphs.length; i++) max = Math.max(max, c.glyphs[i]!);
    const bits = new Uint8Array(max + 1);
    for (let i = 0; i < c.glyphs.length; i++) bits[c.glyphs[i]!] = 1;
    return bits;
  }
  if (c.version === 2 && c.rangeRecords) {
    let max = -1;
    for (let i = 0; i < c.rangeRecords.length; i++) max = Math.max(max, c.rangeRecords[i]!.end);
    const bits = new Uint8Array(max + 1);
    for (let i = 0; i < c.rangeRecords.length; i++) bits.fill(1, c.rangeRecords[i]!.start, c.rangeRecords[i]!.end + 1);
    return bits;
  }
  return undefined;
}

const patched = new WeakSet<object>();

/**
 * Installs the faster lookups on fontkit's classes, found from `face`'s layout engine (once
 * per class: call it with each face; a face without GSUB or GPOS tables adds nothing).
 * @param face a fontkit face.
 * @throws Error (internal) when fontkit's classes do not have the methods fontkit 2.0.4 has.
 */
export function installFastLookups(face: { layout(text: string): unknown }): void {
  face.layout('a');
  const engine = (face as { _layoutEngine?: { engine?: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null } } })._layoutEngine?.engine;
  for (const [table, processor] of [['GSUB', engine?.GSUBProcessor], ['GPOS', engine?.GPOSProcessor]] as const) {
    if (!processor) continue;
    const own = Object.getPrototypeOf(processor) as Processor;
    if (!patched.has(own)) gateLookups(own, table, processor.glyphIterator.constructor as new (glyphs: unknown[]) => GlyphIterator);
    const base = Object.getPrototypeOf(own) as Processor;
    if (!patched.has(base)) rememberAnswers(base);
  }
}

/**
 * A GSUB or GPOS processor's applyLookups: fontkit's loop (OTProcessor.applyLookups, fontkit
 * 2.0.4), which does not try a lookup on a glyph outside its subtables' first coverages.
 */
function gateLookups(proto: Processor, table: 'GSUB' | 'GPOS', Iterator: new (glyphs: unknown[]) => GlyphIterator): void {
  if (typeof proto.applyLookups !== 'function' || typeof proto.applyLookup !== 'function') throw new Error(`internal: fontkit has changed (${table}Processor.applyLookups): check src/render/lookups.ts`);
  const gates = new WeakMap<Lookup, Uint8Array | null>();
  const gateOf = (lookup: Lookup): Uint8Array | null => {
    let gate = gates.get(lookup);
    if (gate === undefined) {
      const bitmaps = lookup.subTables.map((sub) => {
        const coverage = firstCoverage(table, lookup.lookupType, sub);
        return coverage && coverageBitmap(coverage);
      });
      if (bitmaps.every((b): b is Uint8Array => b !== undefined)) {
        gate = new Uint8Array(Math.max(0, ...bitmaps.map((b) => b.length)));
        for (const b of bitmaps) for (let g = 0; g < b.length; g++) gate[g] = gate[g]! | b[g]!;
      } else gate = null;
      gates.set(lookup, gate);
    }
    return gate;
  };
  proto.applyLookups = function (lookups, glyphs, positions) {
    this.glyphs = glyphs;
    this.positions = positions;
    const it = (this.glyphIterator = new Iterator(glyphs));
    for (const { feature, lookup } of lookups) {
      this.currentFeature = feature;
      it.reset(lookup.flags);
      const gate = gateOf(lookup);
      while (it.index < glyphs.length) {
        const cur = it.cur;
        if (!(feature in cur.features) || (gate !== null && gate[cur.id] !== 1)) {
          if (gate === null) {
            it.next();
            continue;
          }
          // Where fontkit's next() calls would stop to apply the lookup: the next glyph the
          // lookup's flags do not skip, that has the feature and is in the gate (the glyphs
          // between are those next() passes over or the loop skips).
          let k = it.index + 1;
          for (; k < glyphs.length; k++) {
            const g = glyphs[k] as GlyphIterator['cur'];
            if (gate[g.id] === 1 && !it.shouldIgnore(g) && feature in g.features) break;
          }
          it.index = k;
          continue;
        }
        for (const sub of lookup.subTables) if (this.applyLookup(lookup.lookupType, sub)) break;
        it.next();
      }
    }
  };
  patched.add(proto);
}

/** OTProcessor's coverage indices, glyph classes and feature lookups, remembered. */
function rememberAnswers(proto: Processor): void {
  for (const m of ['coverageIndex', 'getClassID', 'lookupsForFeatures'] as const) {
    if (typeof proto[m] !== 'function') throw new Error(`internal: fontkit has changed (OTProcessor.${m}): check src/render/lookups.ts`);
  }
  // fontkit's own methods use `this` only for the current glyph, which is always given here.
  const coverageIndex = proto.coverageIndex;
  const coverage = perTableAndGlyph((table, glyph) => coverageIndex.call(proto, table, glyph));
  proto.coverageIndex = function (table, glyph) {
    return coverage(table, glyph ?? this.glyphIterator.cur.id);
  };
  // Also called on the prototype by fontkit's GlyphInfo (GDEF classes): the same answers.
  const getClassID = proto.getClassID;
  const classOf = perTableAndGlyph((table, glyph) => getClassID.call(proto, glyph, table));
  proto.getClassID = (glyph, classDef) => classOf(classDef, glyph);
  // The features a processor holds follow from its language system (fontkit's selectScript
  // builds the same map anew for every run), and the processor's table and variations.
  const lookupsForFeatures = proto.lookupsForFeatures;
  const byLanguage = new WeakMap<object, WeakMap<object, Map<string, unknown[]>>>();
  proto.lookupsForFeatures = function (userFeatures = [], exclude) {
    if (!this.language) return lookupsForFeatures.call(this, userFeatures, exclude);
    let mine = byLanguage.get(this);
    if (!mine) byLanguage.set(this, (mine = new WeakMap()));
    let known = mine.get(this.language);
    if (!known) mine.set(this.language, (known = new Map()));
    const key = `${userFeatures.join(',')}|${exclude ? exclude.join(',') : '-'}`;
    let lookups = known.get(key);
    if (!lookups) known.set(key, (lookups = lookupsForFeatures.call(this, userFeatures, exclude)));
    // A fresh array each time, as fontkit's (its callers only read it).
    return lookups.slice();
  };
  patched.add(proto);
}

/** `answer(table, glyph)` remembered per table object and glyph id (fontkit's tables are read-only once decoded). */
function perTableAndGlyph(answer: (table: object, glyph: number) => number): (table: object, glyph: number) => number {
  const byTable = new WeakMap<object, Map<number, number>>();
  return (table, glyph) => {
    let known = byTable.get(table);
    if (!known) byTable.set(table, (known = new Map()));
    let a = known.get(glyph);
    if (a === undefined) known.set(glyph, (a = answer(table, glyph)));
    return a;
  };
}
