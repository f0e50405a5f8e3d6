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
}

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
export function readContent(text: string, ctm: Matrix = IDENTITY): ContentFacts {
  const facts: ContentFacts = { colours: [], draws: [], spaces: [] };
  const stack: Matrix[] = [];
  let m = ctm;
  let fillSpace = 'DeviceGray';
  let strokeSpace = 'DeviceGray';
  const operands: (number | string)[] = [];
  const re = /\s*(?:(%[^\r\n]*)|(\((?:\\.|[^\\)])*\))|(<<|>>)|(<[0-9A-Fa-f\s]*>)|(\[|\])|(\/[^\s/\[\]()<>{}%]*)|([+-]?(?:\d+\.?\d*|\.\d+))|([A-Za-z'"*]+\d?\*?))/y;
  let depth = 0;
  while (re.lastIndex < text.length) {
    const start = re.lastIndex;
    const t = re.exec(text);
    if (!t) {
      re.lastIndex = start + 1;
      continue;
    }
    if (t[1] || t[2] || t[3] || t[4]) continue;
    if (t[5]) {
      // An array of numbers and hex strings (TJ, d: most of a page's text) carries no colour:
      // skipped to its end at once when no literal string or inner array could hide a "]".
      if (t[5] === '[' && depth === 0) {
        const from = re.lastIndex;
        const close = text.indexOf(']', from);
        const paren = text.indexOf('(', from);
        const inner = text.indexOf('[', from);
        if (close >= 0 && (paren < 0 || paren > close) && (inner < 0 || inner > close)) {
          re.lastIndex = close + 1;
          operands.length = 0;
          continue;
        }
      }
      depth += t[5] === '[' ? 1 : -1;
      if (depth === 0) operands.length = 0; // arrays (TJ, d) carry no colour
      continue;
    }
    if (depth > 0) continue;
    if (t[6]) {
      operands.push(t[6]);
      continue;
    }
    if (t[7]) {
      operands.push(Number(t[7]));
      continue;
    }
    const op = t[8]!;
    const nums = operands.filter((o): o is number => typeof o === 'number');
    switch (op) {
      case 'q': stack.push(m); break;
      case 'Q': m = stack.pop() ?? IDENTITY; break;
      case 'cm': if (nums.length === 6) m = multiply(nums as Matrix, m); break;
      case 'g': case 'G': facts.colours.push({ space: 'DeviceGray', values: nums }); break;
      case 'rg': case 'RG': facts.colours.push({ space: 'DeviceRGB', values: nums }); break;
      case 'k': case 'K': facts.colours.push({ space: 'DeviceCMYK', values: nums }); break;
      case 'cs': fillSpace = String(operands[0] ?? '').slice(1); facts.spaces.push(fillSpace); break;
      case 'CS': strokeSpace = String(operands[0] ?? '').slice(1); facts.spaces.push(strokeSpace); break;
      case 'sc': case 'scn': facts.colours.push({ space: fillSpace, values: nums }); break;
      case 'SC': case 'SCN': facts.colours.push({ space: strokeSpace, values: nums }); break;
      case 'Do': facts.draws.push({ name: String(operands[0] ?? '').slice(1), matrix: m }); break;
      case 'BI': {
        // Inline image: skip to EI.
        const end = text.indexOf('EI', re.lastIndex);
        re.lastIndex = end < 0 ? text.length : end + 2;
        break;
      }
      default: break;
    }
    operands.length = 0;
  }
  return facts;
}
