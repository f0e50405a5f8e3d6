import { html, raw, SafeHtml, externalLink, type HtmlValue } from './html.js';

/**
 * Rich text of a description, rendered through an allow-list: paragraphs (blank lines),
 * line breaks, lists (lines starting with "- " or "* "), emphasis (`*word*`, `_word_`),
 * strong (`**word**`), links (`[text](https://…)`, and bare http(s) addresses), with
 * http, https and mailto addresses only, `rel="nofollow noopener"`. Anything else — HTML
 * tags included — is text, escaped: `<img src=x onerror=…>` shows as those characters, a
 * `[link](javascript:…)` as its text.
 * @param text the description as written (plain text is rich text without marks)
 * @param typeset applied to every run of text (French typography), never to addresses
 */
export function richText(text: string, typeset: (s: string) => string = (s) => s): SafeHtml {
  const set = keepEdges(typeset);
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return html`${blocks.map((block) => {
    const lines = block.split('\n');
    if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      return html`<ul>${lines.map((l) => html`<li>${inline(l.replace(/^\s*[-*]\s+/, ''), set)}</li>`)}</ul>`;
    }
    return html`<p>${lines.map((l, i) => html`${i > 0 ? raw('<br>') : ''}${inline(l, set)}`)}</p>`;
  })}`;
}

/** `typeset` on a piece of a line, keeping the space it starts or ends with (it meets a mark there). */
function keepEdges(typeset: (s: string) => string): (s: string) => string {
  return (s) => {
    if (s.trim() === '') return s === '' ? '' : ' ';
    return `${/^\s/.test(s) ? ' ' : ''}${typeset(s.trim())}${/\s$/.test(s) ? ' ' : ''}`;
  };
}

/** Links first (their text keeps its emphasis), then bare addresses, then emphasis. */
const LINK = /\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)»])/g;

function inline(text: string, typeset: (s: string) => string): SafeHtml {
  const out: HtmlValue[] = [];
  let at = 0;
  for (const m of text.matchAll(LINK)) {
    out.push(emphasis(text.slice(at, m.index), typeset));
    if (m[3] !== undefined) out.push(externalLink(m[3], m[3]));
    else out.push(externalLink(m[2], emphasis(m[1]!, typeset)));
    at = m.index + m[0].length;
  }
  out.push(emphasis(text.slice(at), typeset));
  return html`${out}`;
}

function emphasis(text: string, typeset: (s: string) => string): SafeHtml {
  const out: HtmlValue[] = [];
  let at = 0;
  for (const m of text.matchAll(/\*\*([^*\n]+)\*\*|(?<![\p{L}\p{N}])[*_]([^*_\n]+)[*_](?![\p{L}\p{N}])/gu)) {
    out.push(typeset(text.slice(at, m.index)));
    out.push(m[1] !== undefined ? html`<strong>${typeset(m[1])}</strong>` : html`<em>${typeset(m[2]!)}</em>`);
    at = m.index + m[0].length;
  }
  out.push(typeset(text.slice(at)));
  return html`${out}`;
}

/** The description as plain text (marks removed, links as their text): JSON-LD, calendars, OpenGraph. */
export function plainText(text: string): string {
  return text
    .replace(/\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g, '$1')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(?<![\p{L}\p{N}])[*_]([^*_\n]+)[*_](?![\p{L}\p{N}])/gu, '$1')
    .replace(/^\s*[-*]\s+/gm, '• ')
    .trim();
}
