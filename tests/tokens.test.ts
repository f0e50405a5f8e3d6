import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/sample.js';

/** Every .tsx component under layouts/ (themes excluded: they hold the tokens). */
function components(dir = path.join(ROOT, 'layouts')): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === 'themes' ? [] : components(p);
    return p.endsWith('.tsx') ? [p] : [];
  });
}

describe('the look lives in the theme', () => {
  it('components hold no raw colour and no numeric font size', () => {
    const offenders: string[] = [];
    for (const file of components()) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/['"]#[0-9a-f]{3,8}['"]|rgb\(|cmyk\(/i.test(line) || /fontSize:\s*\d/.test(line)) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(components().length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
  it('components hold no raw distance: every padding, margin, gap, offset, width and letter spacing is a theme token', () => {
    const offenders: string[] = [];
    for (const file of components()) {
      const name = path.relative(ROOT, file).split(path.sep).join('/');
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const code = codeOf(line);
        const constant = /\bconst\s+(\w+)\s*=\s*-?\d/.exec(code)?.[1];
        const allowed = constant !== undefined && GEOMETRY[name]?.includes(constant);
        if (!allowed && RAW_DISTANCE.some((re) => re.test(code))) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
  it('the allow-list names constants that exist', () => {
    for (const [file, names] of Object.entries(GEOMETRY)) {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      for (const n of names) expect(source, `${file}: ${n}`).toMatch(new RegExp(`\\bconst ${n} = `));
    }
  });
});

/**
 * What a raw distance looks like in a component (on a line without its comments, page numbers
 * and React keys): a number given to mm() or to the affiche's scale s() (a multiple of a
 * token, 2 × padding, aside); a non-zero number for a style's padding,
 * margin, gap, position, size, letter spacing or line height, or for a JSX prop (font
 * weights aside); a number added or subtracted (an offset; ± 1 counts pages, rows and
 * columns, and a number times something is a multiple, e.g. 2 × padding); a ratio
 * (× 0.62, a share of a width); a letter spacing given to spaced(); a numeric constant or
 * default parameter (a named distance: in the theme instead, or in GEOMETRY below).
 */
const RAW_DISTANCE: RegExp[] = [
  /\b(?:mm|s|spaced)\(\s*-?\d+(?:\.\d+)?(?![\d.]|\s*\*)/,
  /\b(?:padding|margin|gap|width|height|top|left|right|bottom|inset|maxWidth|maxHeight|minWidth|minHeight|letterSpacing|lineHeight|border\w*Width)\w*\s*:\s*-?(?:[1-9]|0\.\d)/,
  /\b(?!(?:font)?[wW]eight\b)\w+=\{\s*-?(?:[1-9]|0\.\d)/,
  /(?<=[\w)\].]\s*)[-+]\s*(?!1(?![\d.]))\d+(?:\.\d+)?(?![\d.]|\s*\*)/,
  /(?<![\w.]|[*/]\s*)(?!1(?![\d.]))\d+(?:\.\d+)?\s*[-+]\s*[\w(]/,
  /\*\s*0?\.\d/,
  /\b(?!(?:font)?[wW]eight\b)\w+\s*=\s*-?(?:[1-9]|0\.\d)[\d.]*\s*[,;})]/,
];

/**
 * The only numeric constants a component may declare: geometry, not design, each explained
 * where it is declared. By file (from the project root): the constants' names.
 */
const GEOMETRY: Record<string, string[]> = {
  // Not distances but shares of a type size or a frame, for tying a title's last two words:
  // an average character's width (an estimate), the room the pair may take (5 % spare for
  // rounding).
  'layouts/components/EventCard.tsx': ['CHAR_WIDTH', 'TIE_ROOM'],
  // How much wider than its room an index name may be and still be set on one line by
  // textkit squeezing its spaces (a share of the room): such a name wraps instead.
  'layouts/components/IndexLine.tsx': ['SQUEEZE', 'REGULAR'],
  // The donut's drawing in its own 100-unit SVG box (centre, ring radius and thickness),
  // scaled to the diameter the theme gives (dossier.share.donut); a share of 1 drawn as
  // 99.99 % because an SVG arc that ends where it starts draws nothing.
  'layouts/components/ShareDonut.tsx': ['VIEW', 'RADIUS', 'RING', 'FULL'],
  // The motif's SVG box width in its own units (its triangles are fractions of the page).
  'layouts/components/Triangles.tsx': ['VIEW'],
};

/**
 * A line of code without its comments (a doc comment's line, a trailing // or a JSX comment)
 * and without page numbers and React keys (`number={1}`, `folio={i + 2}`: not distances).
 */
function codeOf(line: string): string {
  if (/^\s*(?:\/\*\*?|\*)/.test(line)) return '';
  return line
    .replace(/\{?\/\*.*?\*\/\}?/g, '')
    .replace(/(^|\s)\/\/.*$/, '$1')
    .replace(/\b(?:number|folio|key)=\{[^}]*\}/g, '');
}
