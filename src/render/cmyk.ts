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

/** The theme's colours keyed by their RGB hex (lower case), with their CMYK percentages. */
export function themePalette(): Map<string, readonly [number, number, number, number]> {
  const all: Colour[] = [...Object.values(theme.colours), ...theme.sectionColours, ...theme.sectionText];
  const palette = new Map<string, readonly [number, number, number, number]>();
  for (const c of all) {
    const key = c.rgb.toLowerCase();
    const known = palette.get(key);
    if (known && known.join() !== c.cmyk.join()) {
      throw new Error(`internal: the theme pairs the RGB ${c.rgb} with two CMYK values (${known.join('/')} and ${c.cmyk.join('/')}) (the theme loader refuses this)`);
    }
    palette.set(key, c.cmyk);
  }
  return palette;
}

type Proto = {
  _normalizeColor(color: unknown): unknown;
  _setColorCore(color: unknown, stroke: boolean): boolean;
  addContent(s: string): unknown;
};

/**
 * Runs `render` with pdfkit writing the palette's CMYK values. Not re-entrant (pdfkit's
 * prototype is shared): renders are awaited one at a time.
 * @returns what `render` returned, and the colours met that are not in the palette.
 */
export async function withCmyk<T>(palette: Map<string, readonly number[]>, render: () => Promise<T>): Promise<{ result: T; unknown: string[] }> {
  const proto = (PDFDocument as unknown as { prototype: Proto }).prototype;
  const normalize = proto._normalizeColor;
  const setCore = proto._setColorCore;
  const unknown = new Set<string>();
  proto._normalizeColor = function (this: Proto, color: unknown) {
    if (typeof color === 'string') {
      const hex = expand(color);
      const cmyk = hex ? palette.get(hex) : undefined;
      if (cmyk) return cmyk.map((v) => v / 100);
      unknown.add(color);
    } else if (Array.isArray(color) && color.length === 3) {
      unknown.add(`rgb(${color.join(', ')})`);
    }
    return normalize.call(this, color);
  };
  proto._setColorCore = function (this: Proto, color: unknown, stroke: boolean) {
    const c = proto._normalizeColor.call(this, color);
    if (Array.isArray(c) && c.length === 4) {
      this.addContent(`${c.map(num).join(' ')} ${stroke ? 'K' : 'k'}`);
      return true;
    }
    return setCore.call(this, color, stroke);
  };
  try {
    return { result: await render(), unknown: [...unknown] };
  } finally {
    proto._normalizeColor = normalize;
    proto._setColorCore = setCore;
  }
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
