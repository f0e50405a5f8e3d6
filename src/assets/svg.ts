import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import sharp from 'sharp';
// culori's one-file build: its ES modules are 151 files, 50 ms of every start-up to load.
import culori from 'culori/require';

const { parse: parseColour, formatHex } = culori;

/**
 * SVG logos kept as vectors in print files: the SVG is read into a small tree of the shapes
 * react-pdf's <Svg> draws (layouts/components/VectorLogo.tsx), with every colour as a hex
 * RGB; the print render writes each colour as the CMYK it gives through the printer's ICC
 * profile (src/render/cmyk.ts, {@link logoInks}). An SVG using anything else (text, images,
 * gradients, patterns, masks, clip paths, CSS, <use>) is placed as a raster image, as bitmap
 * logos are.
 */

/** One element of a vector logo: a react-pdf Svg element name, its props, its children. */
export interface SvgNode {
  tag: 'G' | 'Path' | 'Rect' | 'Circle' | 'Ellipse' | 'Line' | 'Polyline' | 'Polygon';
  props: Record<string, string | number>;
  children: SvgNode[];
}

/** A vector logo: its viewBox (user units), the root's inherited props and its shapes. */
export interface VectorLogo {
  viewBox: [number, number, number, number];
  props: Record<string, string | number>;
  children: SvgNode[];
}

const SHAPES: Record<string, SvgNode['tag']> = { g: 'G', path: 'Path', rect: 'Rect', circle: 'Circle', ellipse: 'Ellipse', line: 'Line', polyline: 'Polyline', polygon: 'Polygon' };
/** Elements that draw nothing and are skipped. */
const SKIPPED = new Set(['title', 'desc', 'metadata']);
/** Attributes kept, SVG name → react-pdf prop; numbers where react-pdf wants numbers. */
const ATTRIBUTES: Record<string, { prop: string; number?: boolean; colour?: boolean }> = {
  d: { prop: 'd' },
  x: { prop: 'x', number: true }, y: { prop: 'y', number: true },
  width: { prop: 'width', number: true }, height: { prop: 'height', number: true },
  rx: { prop: 'rx', number: true }, ry: { prop: 'ry', number: true },
  cx: { prop: 'cx', number: true }, cy: { prop: 'cy', number: true }, r: { prop: 'r', number: true },
  x1: { prop: 'x1', number: true }, y1: { prop: 'y1', number: true }, x2: { prop: 'x2', number: true }, y2: { prop: 'y2', number: true },
  points: { prop: 'points' },
  transform: { prop: 'transform' },
  fill: { prop: 'fill', colour: true },
  stroke: { prop: 'stroke', colour: true },
  'stroke-width': { prop: 'strokeWidth', number: true },
  'stroke-linecap': { prop: 'strokeLinecap' },
  'stroke-linejoin': { prop: 'strokeLinejoin' },
  'stroke-miterlimit': { prop: 'strokeMiterlimit', number: true },
  'stroke-dasharray': { prop: 'strokeDasharray' },
  'fill-rule': { prop: 'fillRule' },
  opacity: { prop: 'opacity', number: true },
  'fill-opacity': { prop: 'fillOpacity', number: true },
  'stroke-opacity': { prop: 'strokeOpacity', number: true },
};
/** Attributes that change nothing drawn, or only text (no text is kept): ignored. */
const IGNORED = new Set(['id', 'class', 'xmlns', 'xmlns:xlink', 'version', 'font-family', 'font-size', 'font-weight', 'viewbox', 'data-name', 'xml:space']);

/**
 * Reads an SVG logo as vector shapes.
 * @returns the logo, or the reason it is placed as a raster image instead (an element or
 *   attribute react-pdf's SVG cannot draw exactly, a colour it cannot read, no viewBox nor size).
 */
export function readVectorLogo(bytes: Uint8Array): VectorLogo | { raster: string } {
  const doc = parseDocument(Buffer.from(bytes).toString('utf8'), { xmlMode: true });
  const root = doc.children.find((n): n is Element => n.type === 'tag' && n.name === 'svg');
  if (!root) return { raster: 'no <svg> element' };
  const box = (root.attribs.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  const w = parseFloat(root.attribs.width ?? '');
  const h = parseFloat(root.attribs.height ?? '');
  const viewBox: [number, number, number, number] | undefined = box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0 ? (box as [number, number, number, number]) : w > 0 && h > 0 ? [0, 0, w, h] : undefined;
  if (!viewBox) return { raster: 'no viewBox nor width and height' };
  try {
    const props = propsOf(root, new Set(['width', 'height', 'x', 'y']));
    return { viewBox, props, children: childrenOf(root.children, 'fill' in props) };
  } catch (e) {
    return { raster: (e as Error).message };
  }
}

/** @param filled whether an ancestor sets a fill (else a shape gets SVG's initial black fill). */
function childrenOf(nodes: ChildNode[], filled: boolean): SvgNode[] {
  const out: SvgNode[] = [];
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'comment' || n.type === 'directive' || n.type === 'cdata') {
      if (n.type === 'text' && n.data.trim() !== '') throw new Error('text outside an element');
      continue;
    }
    if (n.type !== 'tag') continue;
    const name = n.name.toLowerCase();
    if (SKIPPED.has(name)) continue;
    const tag = SHAPES[name];
    if (!tag) throw new Error(`<${n.name}> is not drawn as a vector`);
    const props = propsOf(n);
    // SVG's initial fill is black (SVG 1.1 §11.2); react-pdf fills nothing without a fill.
    if (tag !== 'G' && !filled && !('fill' in props)) props.fill = '#000000';
    out.push({ tag, props, children: tag === 'G' ? childrenOf(n.children, filled || 'fill' in props) : [] });
  }
  return out;
}

function propsOf(el: Element, skip: Set<string> = new Set()): Record<string, string | number> {
  const props: Record<string, string | number> = {};
  for (const [name, raw] of Object.entries(el.attribs)) {
    const key = name.toLowerCase();
    if (skip.has(key) || IGNORED.has(key) || key.startsWith('xmlns') || key.startsWith('aria-')) continue;
    const a = ATTRIBUTES[name];
    if (!a) throw new Error(`the attribute ${name} is not drawn as a vector`);
    const value = raw.trim();
    if (a.colour) props[a.prop] = colourOf(value);
    else if (a.number) {
      const v = Number(value.replace(/px$/, ''));
      if (!Number.isFinite(v)) throw new Error(`${name}="${raw}" is not a number in user units`);
      props[a.prop] = v;
    } else props[a.prop] = value;
  }
  return props;
}

/** An SVG paint as "#rrggbb" or "none". @throws Error for url(), currentColor and what culori cannot read. */
function colourOf(value: string): string {
  if (value === 'none') return 'none';
  const c = value.startsWith('url(') || value === 'currentColor' ? undefined : parseColour(value);
  if (!c) throw new Error(`the paint "${value}" is not a plain colour`);
  return formatHex(c);
}

/** Every colour a logo paints with, "#rrggbb" lower case. */
export function logoColours(logo: VectorLogo): string[] {
  const found = new Set<string>();
  const visit = (props: Record<string, string | number>, children: SvgNode[]) => {
    for (const k of ['fill', 'stroke']) if (typeof props[k] === 'string' && props[k] !== 'none') found.add(props[k].toLowerCase());
    for (const c of children) visit(c.props, c.children);
  };
  visit(logo.props, logo.children);
  return [...found].sort();
}

/**
 * The CMYK of logo colours (sRGB) through the printer's output ICC profile, as the raster
 * logos are converted (sharp, libvips and littleCMS: sRGB → the profile, its default intent),
 * so a vector logo prints as its bitmap would. Same colours and profile, same values.
 * @param colours "#rrggbb" each. @param iccFile absolute path of the CMYK output profile.
 * @returns CMYK percentages (0–100, one decimal) by colour.
 */
export async function logoInks(colours: readonly string[], iccFile: string): Promise<Map<string, [number, number, number, number]>> {
  const inks = new Map<string, [number, number, number, number]>();
  if (colours.length === 0) return inks;
  const rgb = Buffer.from(colours.flatMap((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))));
  const { data, info } = await sharp(rgb, { raw: { width: colours.length, height: 1, channels: 3 } }).toColourspace('cmyk').withIccProfile(iccFile, { attach: false }).raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`internal: sharp gave ${info.channels} channels for CMYK`);
  colours.forEach((c, i) => inks.set(c.toLowerCase(), [0, 1, 2, 3].map((j) => Math.round((data[i * 4 + j]! / 255) * 1000) / 10) as [number, number, number, number]));
  return inks;
}
