import PDFDocument from 'pdfkit';
import { theme, type Colour } from '../../layouts/theme.js';

/**
 * Exact CMYK for print files. react-pdf turns every style colour into an RGB hex string
 * before it reaches pdfkit; pdfkit writes DeviceCMYK when given four components. While a
 * print file renders, pdfkit's colour normalisation is replaced: each RGB value of the theme
 * becomes the designer's CMYK pair of it (never a conversion), and is written with the
 * device-CMYK operators `c m y k k` (fill) and `K` (stroke). A colour outside the theme is
 * recorded and fails the build. Relies on pdfkit 0.20.1 internals (`_normalizeColor`,
 * `_setColorCore`): pinned in package.json, covered by tests/print.test.ts.
 */

/**
 * The theme's colours keyed by their RGB hex (lower case), as print files write them: CMYK
 * percentages, or for a spot colour its ink (name, CMYK alternate, tint) with the CMYK its
 * tint prints as (the alternate × tint: what `spots: convert` writes).
 */
export function themePalette(): Map<string, PrintInk> {
  const all: Colour[] = [...Object.values(theme.colours), ...theme.sectionColours, ...theme.sectionText];
  const palette = new Map<string, PrintInk>();
  for (const c of all) {
    const key = c.rgb.toLowerCase();
    const ink = printInk(c);
    const known = palette.get(key);
    if (known && JSON.stringify(known) !== JSON.stringify(ink)) {
      throw new Error(`internal: the theme pairs the RGB ${c.rgb} with two print colours (${JSON.stringify(known)} and ${JSON.stringify(ink)}) (the theme loader refuses this)`);
    }
    palette.set(key, ink);
  }
  return palette;
}

/** How a print file writes a theme colour: its CMYK, or its spot ink at its tint (with the CMYK that tint prints as). */
export function printInk(c: Colour): PrintInk {
  if (!c.spot) return { cmyk: c.cmyk };
  const tint = (c.tint ?? 100) / 100;
  return { cmyk: c.cmyk.map((v) => Math.round(v * tint * 100) / 100), spot: { name: c.spot, alternate: c.cmyk, tint } };
}

/** How a print file writes one theme colour. */
export interface PrintInk {
  /** CMYK, 0–100 each: the process values, or a spot colour's CMYK alternate at its tint. */
  cmyk: readonly number[];
  /** A spot ink: its name, its CMYK alternate at 100 % (0–100 each) and the tint used (0–1). */
  spot?: { name: string; alternate: readonly number[]; tint: number };
}

/** What a print render writes besides the colours. */
export interface PrintOptions {
  /**
   * 100 % K fills and strokes (text, rules) overprint: ExtGState /OP true /op true /OPM 1
   * (ISO 32000-1 §8.6.7, overprint mode 1: zero components leave the inks below them), every
   * other colour knocks out. The printer profile's `overprintBlack`.
   */
  overprintBlack?: boolean;
  /** Spot colours of the theme: `keep` as Separation colour spaces, `convert` to their CMYK alternate. */
  spots?: 'keep' | 'convert';
}

type Proto = {
  _normalizeColor(color: unknown): unknown;
  _setColorCore(color: unknown, stroke: boolean): boolean;
  addContent(s: string): unknown;
  save(): unknown;
  restore(): unknown;
  addPage(...args: unknown[]): unknown;
  ref(data: unknown): { end(): void };
  page: { ext_gstates: Record<string, unknown>; colorSpaces: Record<string, unknown> };
};

/** The overprint in force and the kind of colour set, per graphics state. */
interface GState {
  fillBlack: boolean;
  strokeBlack: boolean;
  /** The overprint flags last written: [OP (stroke), op (fill)]. */
  written: [boolean, boolean];
}

/** Per pdfkit document: the ExtGStates and Separation spaces made, and the graphics state stack. */
interface DocInks {
  gstates: Map<string, unknown>;
  spots: Map<string, { id: string; ref: unknown }>;
  state: GState;
  stack: GState[];
}

/**
 * A page's graphics state as it starts: both colours black (ISO 32000-1 §8.4.1, Table 52:
 * DeviceGray 0, which prints as K only), no overprint. A black text on a page where no
 * stroke colour was set thus gets /OP true /op true.
 */
const fresh = (): GState => ({ fillBlack: true, strokeBlack: true, written: [false, false] });

/**
 * Runs `render` with pdfkit writing the palette's CMYK values (and spot colours, and black
 * overprint, as `options` say). Not re-entrant (pdfkit's prototype is shared): renders are
 * awaited one at a time.
 * @param palette theme colours by RGB hex: CMYK percentages, or a {@link PrintInk}.
 * @returns what `render` returned, and the colours met that are not in the palette.
 */
export async function withCmyk<T>(palette: Map<string, readonly number[] | PrintInk>, render: () => Promise<T>, options: PrintOptions = {}): Promise<{ result: T; unknown: string[] }> {
  const proto = (PDFDocument as unknown as { prototype: Proto }).prototype;
  const saved = { normalize: proto._normalizeColor, setCore: proto._setColorCore, save: proto.save, restore: proto.restore, addPage: proto.addPage };
  const unknown = new Set<string>();
  const docs = new WeakMap<Proto, DocInks>();
  const inksOf = (doc: Proto): DocInks => {
    let d = docs.get(doc);
    if (!d) docs.set(doc, (d = { gstates: new Map(), spots: new Map(), state: fresh(), stack: [] }));
    return d;
  };
  const inkOf = (color: unknown): PrintInk | undefined => {
    if (typeof color !== 'string') return undefined;
    const hex = expand(color);
    const v = hex ? palette.get(hex) : undefined;
    if (!v) return undefined;
    return isInk(v) ? v : { cmyk: v };
  };
  proto._normalizeColor = function (this: Proto, color: unknown) {
    const ink = inkOf(color);
    if (ink) return ink.cmyk.map((v) => v / 100);
    if (typeof color === 'string') unknown.add(color);
    else if (Array.isArray(color) && color.length === 3) unknown.add(`rgb(${color.join(', ')})`);
    return saved.normalize.call(this, color);
  };
  proto._setColorCore = function (this: Proto, color: unknown, stroke: boolean) {
    const ink = inkOf(color);
    const c = ink ? ink.cmyk.map((v) => v / 100) : proto._normalizeColor.call(this, color);
    let black = false;
    if (ink?.spot && options.spots === 'keep') {
      const d = inksOf(this);
      let space = d.spots.get(ink.spot.name);
      if (!space) {
        const ref = this.ref(['Separation', pdfName(ink.spot.name), 'DeviceCMYK', { FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: ink.spot.alternate.map((v) => Number(num(v / 100))), N: 1 }]);
        ref.end();
        space = { id: `EncreSpot${d.spots.size + 1}`, ref };
        d.spots.set(ink.spot.name, space);
      }
      this.page.colorSpaces[space.id] = space.ref;
      this.addContent(`/${space.id} ${stroke ? 'CS' : 'cs'} ${num(ink.spot.tint)} ${stroke ? 'SCN' : 'scn'}`);
    } else if (Array.isArray(c) && c.length === 4) {
      this.addContent(`${c.map(num).join(' ')} ${stroke ? 'K' : 'k'}`);
      black = c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] === 1;
    } else {
      return saved.setCore.call(this, color, stroke);
    }
    if (options.overprintBlack) {
      const d = inksOf(this);
      if (stroke) d.state.strokeBlack = black;
      else d.state.fillBlack = black;
      const want: [boolean, boolean] = [d.state.strokeBlack, d.state.fillBlack];
      if (want[0] !== d.state.written[0] || want[1] !== d.state.written[1]) {
        const name = `EncreOP${Number(want[0])}${Number(want[1])}`;
        let gs = d.gstates.get(name);
        if (!gs) {
          const ref = this.ref({ Type: 'ExtGState', OP: want[0], op: want[1], OPM: 1 });
          ref.end();
          d.gstates.set(name, (gs = ref));
        }
        this.page.ext_gstates[name] = gs;
        this.addContent(`/${name} gs`);
        d.state.written = want;
      }
    }
    return true;
  };
  if (options.overprintBlack) {
    // q/Q save and restore the overprint with the colours; a new page starts from the default state.
    proto.save = function (this: Proto) {
      const d = inksOf(this);
      d.stack.push({ ...d.state, written: [...d.state.written] });
      return saved.save.call(this);
    };
    proto.restore = function (this: Proto) {
      const d = inksOf(this);
      d.state = d.stack.pop() ?? fresh();
      return saved.restore.call(this);
    };
    proto.addPage = function (this: Proto, ...args: unknown[]) {
      const d = inksOf(this);
      d.state = fresh();
      d.stack = [];
      return saved.addPage.apply(this, args);
    };
  }
  try {
    return { result: await render(), unknown: [...unknown] };
  } finally {
    proto._normalizeColor = saved.normalize;
    proto._setColorCore = saved.setCore;
    proto.save = saved.save;
    proto.restore = saved.restore;
    proto.addPage = saved.addPage;
  }
}

function isInk(v: readonly number[] | PrintInk): v is PrintInk {
  return !Array.isArray(v);
}

/** A PDF name's text for pdfkit (which adds the slash): bytes outside ! … ~ and delimiters as #xx (ISO 32000-1 §7.3.5). */
function pdfName(name: string): string {
  return [...Buffer.from(name, 'utf8')].map((b) => (b > 0x20 && b < 0x7f && !'#()<>[]{}/%'.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** "#abc" → "#aabbcc"; lower case; undefined when not a hex colour. */
function expand(color: string): string | undefined {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  return undefined;
}

/** A PDF number: at most 4 decimals, no trailing zeros ("0.8", "1", "0.0784"). */
function num(v: number): string {
  return String(Math.round(v * 10000) / 10000);
}
