import type { RichBlock, RichRun } from '../derive/rich.js';
import { html, externalLink, type SafeHtml } from './html.js';

/**
 * A description's rich text as HTML, from the blocks the print model reads out of its
 * Markdown (src/derive/rich.ts: the card prints the same blocks), through an allow-list:
 * paragraphs, line breaks, lists (`ul`, or `ol` for numbered items), `strong`, `em`, and
 * links with http, https and mailto addresses only, `rel="nofollow noopener"` (any other
 * scheme — javascript:, data:… — leaves the link's text alone). Every text is escaped; raw
 * HTML never reaches the page (the model keeps its text, not its tags).
 */
export function descriptionHtml(blocks: RichBlock[]): SafeHtml {
  const out: SafeHtml[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph') {
      out.push(html`<p>${lines(b.lines)}</p>`);
      continue;
    }
    // A run of list items of one kind makes one list.
    const ordered = b.bullet !== undefined && b.bullet !== '•';
    const items: RichBlock[] = [];
    while (i < blocks.length && blocks[i]!.kind === 'item' && (blocks[i]!.bullet !== undefined && blocks[i]!.bullet !== '•') === ordered) items.push(blocks[i++]!);
    i--;
    const lis = items.map((it) => html`<li>${lines(it.lines)}</li>`);
    out.push(ordered ? html`<ol>${lis}</ol>` : html`<ul>${lis}</ul>`);
  }
  return html`${out}`;
}

function lines(ls: RichRun[][]): SafeHtml {
  return html`${ls.map((l, i) => html`${i > 0 ? html`<br>` : ''}${l.map(run)}`)}`;
}

function run(r: RichRun): SafeHtml {
  let inner: SafeHtml = html`${r.text}`;
  if (r.italic) inner = html`<em>${inner}</em>`;
  if (r.bold) inner = html`<strong>${inner}</strong>`;
  return r.href !== undefined ? externalLink(r.href, inner) : inner;
}
