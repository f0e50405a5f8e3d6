import { collapse, type TextLine } from './pdf.js';
import { tieShortWords } from '../../layouts/hyphenation.js';
import { frenchText } from '../../src/derive/typography.js';

/** How a text was set over consecutive lines of a page: its lines, and where a word was hyphenated. */
export interface SetText {
  lines: string[];
  /** Indices of the lines that end in a hyphen the text does not have (a word broken by hyphenation). */
  hyphenated: number[];
}

/**
 * Finds `text` (a title, a tagline…) among a page's extracted lines: consecutive lines that
 * read it once joined — with a space, or with nothing after a hyphen (a compound broken after
 * its own hyphen), or with the hyphen removed (a word broken by hyphenation, noted).
 * @returns how it was set, or undefined when the page does not have it on consecutive lines.
 */
export function findSet(lines: TextLine[], text: string): SetText | undefined {
  const target = collapse(text);
  for (let i = 0; i < lines.length; i++) {
    const found = extend(lines, i, collapse(lines[i]!.text), target, [], [collapse(lines[i]!.text)]);
    if (found) return found;
  }
  return undefined;
}

function extend(lines: TextLine[], j: number, acc: string, target: string, hyphenated: number[], set: string[]): SetText | undefined {
  if (acc === target) return { lines: set, hyphenated };
  if (!target.startsWith(acc.replace(/-$/, '')) || j + 1 >= lines.length) return undefined;
  const next = collapse(lines[j + 1]!.text);
  if (!next) return undefined;
  const tries: [string, boolean][] = [[`${acc} ${next}`, false]];
  if (/\p{L}-$/u.test(acc)) tries.push([`${acc}${next}`, false], [`${acc.slice(0, -1)}${next}`, true]);
  for (const [joined, broke] of tries) {
    // A line that ends in a hyphen is compared without it (the next line may complete a word broken there).
    const head = joined.replace(/-$/, '');
    if (!target.startsWith(head) || head.length > target.length) continue;
    const r = extend(lines, j + 1, joined, target, broke ? [...hyphenated, set.length - 1] : hyphenated, [...set, next]);
    if (r) return r;
  }
  return undefined;
}

/** A text as the event card sets it: French typography, short words tied to the next (layouts/hyphenation.ts). */
export function asCardSetsIt(text: string): string {
  return tieShortWords(frenchText(text));
}

/**
 * Where each event's title is set in a PDF (its lines, as {@link findSet} finds them):
 * problems for a title not found on consecutive lines, hyphenated, or ending on a line of a
 * single word, unless `mayEndAlone(title as set)` allows it (a last pair too wide to share a line).
 */
export function titleProblems(pages: TextLine[][], events: { id: string; title: string }[], mayEndAlone: (title: string) => boolean = () => false): string[] {
  const problems: string[] = [];
  for (const e of events) {
    const title = asCardSetsIt(e.title);
    const set = pages.map((l) => findSet(l, title)).find(Boolean);
    if (!set) problems.push(`${e.id}: title not found on consecutive lines`);
    else if (set.hyphenated.length > 0) problems.push(`${e.id}: hyphenated ${JSON.stringify(set.lines)}`);
    else if (oneWordLastLine(set) && !mayEndAlone(title)) problems.push(`${e.id}: one word on the last line ${JSON.stringify(set.lines)}`);
  }
  return problems;
}

/**
 * Where each event's description is set in a PDF (its lines, as {@link findSet} finds them):
 * problems for a description not found whole on consecutive lines (text lost or out of
 * order), and one ending on a line of a single word or a word's fragment.
 */
export function descriptionProblems(pages: TextLine[][], events: { id: string; description?: string }[]): string[] {
  const problems: string[] = [];
  for (const e of events) {
    if (!e.description) continue;
    const set = pages.map((l) => findSet(l, asCardSetsIt(e.description!))).find(Boolean);
    if (!set) problems.push(`${e.id}: description not found whole on consecutive lines`);
    else if (oneWordLastLine(set)) problems.push(`${e.id}: one word on the last line ${JSON.stringify(set.lines.slice(-2))}`);
  }
  return problems;
}

/** True when the last line of a text set over several lines holds a single word. */
export function oneWordLastLine(set: SetText): boolean {
  return set.lines.length > 1 && set.lines[set.lines.length - 1]!.trim().split(/\s+/).length === 1;
}
