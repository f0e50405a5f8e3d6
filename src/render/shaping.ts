import { installFastLookups } from './lookups.js';

/** A fontkit glyph run, as far as encre touches it. */
interface GlyphRun {
  glyphs: unknown[];
  positions: Position[];
  [key: string]: unknown;
}
/** fontkit's GlyphPosition: advances and offsets in font units. */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
type Layout = (this: object, text: string, features?: unknown, script?: string, language?: string, direction?: string) => GlyphRun;

/** A shaped run as kept: the run's other fields, its glyphs, and its positions packed 4 by 4. */
interface Shaped {
  run: GlyphRun;
  glyphs: unknown[];
  positions: Float64Array;
  /** fontkit's GlyphRun and GlyphPosition prototypes (their getters stay available). */
  runProto: object;
  positionProto: object;
}

/** Glyphs kept per font face (about 40 bytes each); past this, the face's cache starts again empty. */
const GLYPHS_PER_FACE = 2_000_000;

let installed = false;

/**
 * Makes fontkit's text shaping (`font.layout`, OpenType GSUB/GPOS in JavaScript: most of a
 * build's time) remember its results per font face, string and features. react-pdf shapes
 * each paragraph when the paginator measures a block, again when the page is laid out for
 * rendering, and again for each column width tried: the same strings, the same glyphs.
 * Each call returns fresh arrays and position objects (textkit scales and justifies
 * positions in place), sharing fontkit's own glyph objects as fontkit does. Positions are
 * kept packed in a Float64Array (memory stays near 40 bytes a glyph).
 * Installed once per process, on the class of the face given (every face fontkit
 * opens has that class); the glyphs and advances are exactly those fontkit computes.
 * @param face any face of the theme (src/render/faces.ts openFace: its class is fontkit's).
 */
export function installShapingCache(face: { layout(text: string): unknown }): void {
  if (installed) return;
  installFastLookups(face);
  const proto = Object.getPrototypeOf(face) as { layout: Layout };
  const shape = proto.layout;
  const caches = new WeakMap<object, { runs: Map<string, Shaped>; glyphs: number }>();
  proto.layout = function cachedLayout(this: object, text, features, script, language, direction) {
    let cache = caches.get(this);
    if (!cache || cache.glyphs >= GLYPHS_PER_FACE) caches.set(this, (cache = { runs: new Map(), glyphs: 0 }));
    const key = `${direction ?? ''}\u0000${script ?? ''}\u0000${language ?? ''}\u0000${features === undefined ? '' : JSON.stringify(features)}\u0000${text}`;
    let shaped = cache.runs.get(key);
    if (!shaped) {
      const run = shape.call(this, text, features, script, language, direction);
      const positions = new Float64Array(run.positions.length * 4);
      run.positions.forEach((p, i) => positions.set([p.xAdvance, p.yAdvance, p.xOffset, p.yOffset], i * 4));
      const positionProto = run.positions[0] ? (Object.getPrototypeOf(run.positions[0]) as object) : Object.prototype;
      shaped = { run: { ...run, glyphs: [], positions: [] }, glyphs: run.glyphs, positions, runProto: Object.getPrototypeOf(run) as object, positionProto };
      cache.runs.set(key, shaped);
      cache.glyphs += run.glyphs.length;
    }
    const p = shaped.positions;
    const positions: Position[] = new Array(p.length / 4);
    for (let i = 0; i < positions.length; i++) {
      const position = Object.create(shaped.positionProto) as Position;
      position.xAdvance = p[i * 4]!;
      position.yAdvance = p[i * 4 + 1]!;
      position.xOffset = p[i * 4 + 2]!;
      position.yOffset = p[i * 4 + 3]!;
      positions[i] = position;
    }
    return Object.assign(Object.create(shaped.runProto) as GlyphRun, shaped.run, { glyphs: shaped.glyphs.slice(), positions });
  };
  rememberPerFace(proto as unknown as Record<string, unknown>);
  installed = true;
}

/**
 * Two questions textkit asks fontkit for every character of every text, answered once per
 * face: the face's units per em (fontkit reads its head table each time) and whether it has
 * a glyph for a code point (a cmap lookup, for font substitution).
 */
function rememberPerFace(proto: Record<string, unknown>): void {
  const units = Object.getOwnPropertyDescriptor(proto, 'unitsPerEm')?.get;
  const hasGlyph = proto.hasGlyphForCodePoint as (this: object, codePoint: number) => boolean;
  if (!units || typeof hasGlyph !== 'function') throw new Error('internal: fontkit has changed (unitsPerEm, hasGlyphForCodePoint): check src/render/shaping.ts');
  const unitsOf = new WeakMap<object, number>();
  Object.defineProperty(proto, 'unitsPerEm', {
    configurable: true,
    get(this: object) {
      let u = unitsOf.get(this);
      if (u === undefined) unitsOf.set(this, (u = units.call(this) as number));
      return u;
    },
  });
  const glyphsOf = new WeakMap<object, Map<number, boolean>>();
  proto.hasGlyphForCodePoint = function (this: object, codePoint: number): boolean {
    let known = glyphsOf.get(this);
    if (!known) glyphsOf.set(this, (known = new Map()));
    let has = known.get(codePoint);
    if (has === undefined) known.set(codePoint, (has = hasGlyph.call(this, codePoint)));
    return has;
  };
}
