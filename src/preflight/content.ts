/**
 * A small reader of PDF content streams (ISO 32000-1 §7.8, §8): just enough to follow the
 * graphics state (q/Q, cm), the colours set (g/G, rg/RG, k/K, cs/CS with sc/scn) and where
 * images are drawn (Do), for the preflight. Text, paths and strings are skipped.
 */

/** A 2-D affine matrix [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number];

/** What a content stream does that the preflight checks. */
export interface ContentFacts {
  /** Every colour set, by colour space: "DeviceCMYK 0 0.8 1 0", "DeviceRGB 1 0 0"… */
  colours: { space: string; values: number[] }[];
  /** Each XObject drawn, with the matrix in force (its placed size is |a|×|d| for images). */
  draws: { name: string; matrix: Matrix }[];
  /** Operators that set colour spaces by name (cs/CS operands). */
  spaces: string[];
  /**
   * Overprint of what is painted (ISO 32000-1 §8.6.7; ExtGState /OP for strokes, /op for the
   * rest, set with `gs`): paints (text shown, paths filled or stroked) in 100 % K
   * (DeviceCMYK 0 0 0 1), those of them that overprint, and paints in any other colour that
   * overprint (white text overprinting would vanish).
   */
  overprint: { black: number; blackOverprinted: number; otherOverprinted: number; blackText: number; blackTextOverprinted: number };
  /**
   * Text shown in a colour of several inks (DeviceCMYK with 2 or more non-zero components):
   * its colour values and the smallest size it is set at, pt (font size × the text and
   * current matrices' scale).
   */
  inkedText: { values: number[]; sizePt: number }[];
}

/** Overprint flags of a named ExtGState: /OP (strokes; also the rest when /op is absent) and /op. */
export type GsFlags = (name: string) => { OP?: boolean; op?: boolean } | undefined;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/**
 * Reads a decoded content stream.
 * @param text the stream as Latin-1 text
 * @param ctm the matrix in force when the stream starts (a Form XObject's placement)
 */
export function readContent(text: string, ctm: Matrix = IDENTITY, gsFlags?: GsFlags): ContentFacts {
  const facts: ContentFacts = { colours: [], draws: [], spaces: [], overprint: { black: 0, blackOverprinted: 0, otherOverprinted: 0, blackText: 0, blackTextOverprinted: 0 }, inkedText: [] };
  // Text state: the font size (Tf, kept by q/Q) and the text matrix (Tm, reset by BT).
  let fontSize = 0;
  const sizes: number[] = [];
  let tm: Matrix = IDENTITY;
  let fillValues: number[] = [];
  const fills: number[][] = [];
  const inked = new Map<string, { values: number[]; sizePt: number }>();
  const showText = () => {
    if (fillSpace !== 'DeviceCMYK' || fillValues.filter((v) => v > 0).length < 2) return;
    const t = multiply(tm, m);
    const size = Math.abs(fontSize) * Math.sqrt(Math.abs(t[0] * t[3] - t[1] * t[2]));
    const key = fillValues.join(' ');
    const known = inked.get(key);
    if (!known || size < known.sizePt) inked.set(key, { values: fillValues, sizePt: size });
  };
  const stack: Matrix[] = [];
  let m = ctm;
  // Paint state, saved and restored with q/Q: 100 % K fill and stroke, overprint flags.
  // (A colour never set is the default black, DeviceGray 0: its paints are not counted.)
  type Paint = { fillBlack: boolean; strokeBlack: boolean; fillSet: boolean; strokeSet: boolean; OP: boolean; op: boolean };
  const initial: Paint = { fillBlack: false, strokeBlack: false, fillSet: false, strokeSet: false, OP: false, op: false };
  let paint: Paint = { ...initial };
  const paints: Paint[] = [];
  const isBlack = (v: number[]) => v.length === 4 && v[0] === 0 && v[1] === 0 && v[2] === 0 && v[3] === 1;
  const painted = (stroke: boolean, text = false) => {
    if (!(stroke ? paint.strokeSet : paint.fillSet)) return;
    const black = stroke ? paint.strokeBlack : paint.fillBlack;
    const over = stroke ? paint.OP : paint.op;
    const o = facts.overprint;
    if (black) {
      o.black++;
      if (over) o.blackOverprinted++;
      if (text) {
        o.blackText++;
        if (over) o.blackTextOverprinted++;
      }
    } else if (over) o.otherOverprinted++;
  };
  let fillSpace = 'DeviceGray';
  let strokeSpace = 'DeviceGray';
  // The operands before the next operator, kept as where they are in the text (read only
  // when an operator needs them: most are path coordinates, which none of those checked
  // read). Arrays reused from one operator to the next.
  const starts: number[] = [];
  const ends: number[] = [];
  const names: boolean[] = [];
  let count = 0;
  const operand = (from: number, to: number, name: boolean) => {
    starts[count] = from;
    ends[count] = to;
    names[count] = name;
    count++;
  };
  /** The numbers among the operands. */
  const numbers = (): number[] => {
    const out: number[] = [];
    for (let k = 0; k < count; k++) if (!names[k]) out.push(Number(text.slice(starts[k], ends[k])));
    return out;
  };
  /** The first operand's text without its first character (a name's "/"), or "". */
  const firstName = (): string => {
    if (count === 0) return '';
    const first = text.slice(starts[0], ends[0]);
    return (names[0] ? first : String(Number(first))).slice(1);
  };
  const n = text.length;
  let depth = 0;
  let i = 0;
  // A scanner over char codes (a long programme's streams are tens of MB of path numbers):
  // comments, strings, dictionaries and arrays are skipped; names and numbers are kept as
  // operands for the next operator.
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 0x25 /* % */) {
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
      continue;
    }
    if (c === 0x28 /* ( */) {
      // A literal string: up to the first ")" not escaped (pdfkit escapes those inside).
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 0x29) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      i = j < n ? j + 1 : i + 1;
      continue;
    }
    if (c === 0x3c /* < */ || c === 0x3e /* > */) {
      if (text.charCodeAt(i + 1) === c) {
        i += 2; // << or >>
        continue;
      }
      if (c === 0x3c) {
        let j = i + 1;
        while (j < n && (isHex(text.charCodeAt(j)) || isSpace(text.charCodeAt(j)))) j++;
        i = text.charCodeAt(j) === 0x3e ? j + 1 : i + 1; // a hex string
      } else i++;
      continue;
    }
    if (c === 0x5b /* [ */ || c === 0x5d /* ] */) {
      i++;
      // An array of numbers and hex strings (TJ, d: most of a page's text) carries no colour:
      // skipped to its end at once when no literal string or inner array could hide a "]".
      if (c === 0x5b && depth === 0) {
        const close = text.indexOf(']', i);
        const paren = text.indexOf('(', i);
        const inner = text.indexOf('[', i);
        if (close >= 0 && (paren < 0 || paren > close) && (inner < 0 || inner > close)) {
          i = close + 1;
          count = 0;
          continue;
        }
      }
      depth += c === 0x5b ? 1 : -1;
      if (depth === 0) count = 0; // arrays (TJ, d) carry no colour
      continue;
    }
    if (c === 0x2f /* / */) {
      let j = i + 1;
      while (j < n && !isDelimiter(text.charCodeAt(j))) j++;
      if (depth === 0) operand(i, j, true);
      i = j;
      continue;
    }
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e /* + - . */) {
      let j = c === 0x2b || c === 0x2d ? i + 1 : i;
      const from = j;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const whole = j - from;
      if (text.charCodeAt(j) === 0x2e && (whole > 0 || isDigit(text.charCodeAt(j + 1)))) {
        j++;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
      if (j > from && (whole > 0 || j - from > 1)) {
        if (depth === 0) operand(i, j, false);
        i = j;
      } else i++;
      continue;
    }
    if (!isOperatorChar(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isOperatorChar(text.charCodeAt(j))) j++;
    if (isDigit(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 0x2a) j++;
    const op = text.slice(i, j);
    i = j;
    if (depth > 0) continue;
    switch (op) {
      case 'q': stack.push(m); paints.push({ ...paint }); sizes.push(fontSize); fills.push(fillValues); break;
      case 'Q': m = stack.pop() ?? IDENTITY; paint = paints.pop() ?? { ...initial }; fontSize = sizes.pop() ?? 0; fillValues = fills.pop() ?? []; break;
      case 'Tf': fontSize = numbers()[0] ?? 0; break;
      case 'BT': tm = IDENTITY; break;
      case 'Tm': { const v = numbers(); if (v.length === 6) tm = v as Matrix; break; }
      case 'gs': {
        const f = gsFlags?.(firstName());
        if (f?.OP !== undefined) paint.OP = f.OP;
        if (f?.op !== undefined) paint.op = f.op;
        else if (f?.OP !== undefined) paint.op = f.OP;
        break;
      }
      case 'Tj': case 'TJ': case "'": case '"': painted(false, true); showText(); break;
      case 'f': case 'F': case 'f*': painted(false); break;
      case 'S': case 's': painted(true); break;
      case 'B': case 'B*': case 'b': case 'b*': painted(false); painted(true); break;
      case 'cm': { const v = numbers(); if (v.length === 6) m = multiply(v as Matrix, m); break; }
      case 'g': case 'rg': paint.fillBlack = false; paint.fillSet = true; fillSpace = op === 'g' ? 'DeviceGray' : 'DeviceRGB'; facts.colours.push({ space: op === 'g' ? 'DeviceGray' : 'DeviceRGB', values: numbers() }); break;
      case 'G': case 'RG': paint.strokeBlack = false; paint.strokeSet = true; facts.colours.push({ space: op === 'G' ? 'DeviceGray' : 'DeviceRGB', values: numbers() }); break;
      case 'k': case 'K': {
        const v = numbers();
        if (op === 'k') [paint.fillBlack, paint.fillSet, fillValues, fillSpace] = [isBlack(v), true, v, 'DeviceCMYK'];
        else [paint.strokeBlack, paint.strokeSet] = [isBlack(v), true];
        facts.colours.push({ space: 'DeviceCMYK', values: v });
        break;
      }
      case 'cs': fillSpace = firstName(); facts.spaces.push(fillSpace); paint.fillBlack = false; paint.fillSet = true; break;
      case 'CS': strokeSpace = firstName(); facts.spaces.push(strokeSpace); paint.strokeBlack = false; paint.strokeSet = true; break;
      case 'sc': case 'scn': { const v = numbers(); fillValues = v; paint.fillBlack = fillSpace === 'DeviceCMYK' && isBlack(v); facts.colours.push({ space: fillSpace, values: v }); break; }
      case 'SC': case 'SCN': { const v = numbers(); paint.strokeBlack = strokeSpace === 'DeviceCMYK' && isBlack(v); facts.colours.push({ space: strokeSpace, values: v }); break; }
      case 'Do': facts.draws.push({ name: firstName(), matrix: m }); break;
      case 'BI': {
        // Inline image: skip to EI.
        const end = text.indexOf('EI', i);
        i = end < 0 ? text.length : end + 2;
        break;
      }
      default: break;
    }
    count = 0;
  }
  facts.inkedText = [...inked.values()];
  return facts;
}

/** PDF white space as the former regular expression saw it (JavaScript's \s over Latin-1). */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Ends a name: white space or one of / [ ] ( ) < > { } %. */
function isDelimiter(c: number): boolean {
  return isSpace(c) || c === 0x2f || c === 0x5b || c === 0x5d || c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x7b || c === 0x7d || c === 0x25;
}

/** Letters, quotes and * (T*, ', "): what operators are made of. */
function isOperatorChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x27 || c === 0x22 || c === 0x2a;
}
