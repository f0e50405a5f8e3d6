/**
 * A small, strict HTML templating: every interpolated value is escaped unless it is already
 * {@link SafeHtml} (made by this module: `html` templates, {@link raw} for markup written in
 * encre's own source). Content text never reaches a page unescaped.
 */
import { safeHref } from '../derive/rich.js';

/** See src/derive/rich.ts: the card's links in the screen PDF follow the same allow-list. */
export { safeHref };

/** Markup that is safe to put in a page as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template accepts: text (escaped), safe markup, lists of either, or nothing (omitted). */
export type HtmlValue = string | number | SafeHtml | undefined | null | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an HTML text node or a quoted attribute value: & < > " ' (the five
 * characters that could end a text or an attribute, or start markup).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup from encre's own source, never from content. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(v: HtmlValue): string {
  if (v === undefined || v === null || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/**
 * A template of markup: `html\`<p class="x">${text}</p>\`` escapes `text`. Attribute values
 * must be quoted in the template (`href="${url}"`): the escaping is that of a quoted value.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** A link out of the site (an organiser's page, a link in a description): rel="nofollow noopener". Text alone when the address is refused. */
export function externalLink(url: string | undefined, text: HtmlValue): SafeHtml {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="nofollow noopener">${text}</a>` : html`${text}`;
}
