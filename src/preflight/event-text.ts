import type { EventView } from '../derive/model.js';
import type { LaidOutNode } from './layout.js';

/*
 * Nothing lost between the content and the page: every event card's title, place, byline and
 * description read back from react-pdf's final layout (the lines it draws, after laid-out
 * blocks are grafted in), word by word. Line breaking once dropped a word of a card
 * (« novembre ») while every other check passed; this check names such a card instead.
 */

/**
 * The text drawn under each element with an id, from a laid-out document or chunk of pages:
 * the lines of every text frame in its subtree (an element's text goes to its nearest id),
 * added to `into` (several chunks add to one map).
 * @param root a laid-out document or chunk (react-pdf's tree, as checkLayout reads it).
 * @param into id → text drawn (lines joined by a line feed).
 */
export function collectItemTexts(root: LaidOutNode, into: Map<string, string>): void {
  const visit = (node: LaidOutNode, item: string | undefined) => {
    const id = node.props?.id ?? item;
    if (node.type === 'TEXT' && id !== undefined) {
      const text = (node.lines ?? []).map((l) => l.string ?? '').join('\n');
      if (text) into.set(id, into.has(id) ? `${into.get(id)}\n${text}` : text);
    }
    if (node.type === 'SVG') return;
    for (const child of node.children ?? []) visit(child, id);
  };
  visit(root, undefined);
}

/**
 * Text as it is compared: Unicode NFC, lower case, without white space of any kind (ordinary,
 * no-break, thin), soft hyphens and dashes (a line break adds a hyphen, ties change spaces,
 * « - » between words is set « – »).
 */
function comparable(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('fr').replace(/[\s\u00ad\u2010\u2011\u2012\u2013\u2014\u2015-]+/gu, '');
}

/** The texts a card must print, by the name of their field: title, place, byline and each paragraph or item of the description. */
function cardTexts(e: EventView): [string, string][] {
  const out: [string, string][] = [['title', e.title], ['place', e.place]];
  if (e.byline) out.push(['organiser', e.byline]);
  if (e.descriptionBlocks && e.descriptionBlocks.length > 0) {
    for (const b of e.descriptionBlocks) for (const line of b.lines) out.push(['description', line.map((r) => r.text).join('')]);
  } else if (e.description) out.push(['description', e.description]);
  return out;
}

/** The most words of a missing run a message quotes. */
const MISSING_WORDS = 6;

/**
 * Every text of every card is drawn whole in its card: the words of its title, place,
 * organiser and description, in order, in the lines of the card's frame (`event-<id>`).
 * @param drawn the text drawn under each id ({@link collectItemTexts}).
 * @param events the cards that must be there (a programme's: all the model's events).
 * @param withDescriptions false when the theme's card variant prints no description (`compact`).
 * @returns one problem per card that lost text, naming the field and the first word missing
 *   (empty when every card is whole). A card absent altogether is checkAllEvents's to report.
 */
export function lostEventText(drawn: ReadonlyMap<string, string>, events: readonly EventView[], withDescriptions: boolean): string[] {
  const problems: string[] = [];
  for (const e of events) {
    const printed = drawn.get(`event-${e.id}`);
    if (printed === undefined) continue;
    const have = comparable(printed);
    for (const [field, text] of cardTexts(e)) {
      if (field === 'description' && !withDescriptions) continue;
      if (have.includes(comparable(text))) continue;
      // The words not found after the words before them: the first, and those following it up to one found again.
      let from = 0;
      const missing: string[] = [];
      for (const w of text.split(/\s+/u)) {
        const c = comparable(w);
        const at = have.indexOf(c, from);
        if (at >= 0 && missing.length > 0) break;
        if (at >= 0) from = at + c.length;
        else if (missing.push(w) >= MISSING_WORDS) break;
      }
      problems.push(`event-${e.id}: its ${field} is not printed whole${missing.length > 0 ? `: « ${missing.join(' ')} » is missing` : ''} — text lost in line breaking (report it: this is encre's fault, not the content's)`);
    }
  }
  return problems;
}
