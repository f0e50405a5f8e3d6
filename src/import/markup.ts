/**
 * Markup in imported text: HTML (iCalendar X-ALT-DESC and DESCRIPTION written by web
 * calendars, schedule abstracts, CMS exports) read with htmlparser2 and entities, turned
 * into the Markdown that content descriptions are written in (paragraphs, line breaks,
 * **bold**, *italic*, list items, links as their text), or into plain text for the other
 * fields. Entities (« &amp; », « &eacute; », « &#8217; ») are decoded in every field.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { Lexer, type Token } from 'marked';

/** A tag the text is written in: "<p>", "</b>", "<br/>", "<a href=…>". */
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

/** True when the value holds HTML tags. */
export function isHtml(value: string): boolean {
  return TAG.test(value);
}

const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'tr', 'pre', 'address', 'figure']);
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);

/**
 * Markdown from HTML: block elements (p, div, h1–h6…) become paragraphs, `br` a line break,
 * `b`/`strong` and `i`/`em` bold and italic runs, `li` list items ("- …", numbered in an
 * `ol`), a link its text (its address when it has no text), images their `alt`; scripts and
 * styles are dropped, entities decoded, and Markdown's own characters in the text escaped so
 * that they print as typed. Never throws (htmlparser2 reads any text).
 */
export function htmlToMarkdown(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const out: string[] = [''];
  const para = () => {
    if (out[out.length - 1]!.trim() !== '') out.push('');
  };
  const walk = (nodes: ChildNode[], list?: { ordered: boolean; n: number }) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        out[out.length - 1] += escapeMarkdown(node.data.replace(/[ \t\r\n]+/g, ' '));
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const name = el.name;
      if (SKIPPED.has(name)) continue;
      if (name === 'br') {
        out[out.length - 1] = `${out[out.length - 1]!.replace(/ +$/, '')}\n`;
      } else if (name === 'b' || name === 'strong' || name === 'i' || name === 'em') {
        const mark = name === 'b' || name === 'strong' ? '**' : '*';
        const start = out.length;
        const before = out[out.length - 1]!.length;
        walk(el.children);
        // Only a run on one line is marked (Markdown emphasis does not span paragraphs).
        if (out.length === start) {
          const line = out[out.length - 1]!;
          const inner = line.slice(before);
          const trimmed = inner.trim();
          if (trimmed !== '') out[out.length - 1] = `${line.slice(0, before)}${inner.match(/^\s*/)![0]}${mark}${trimmed}${mark}${inner.match(/\s*$/)![0]}`;
        }
      } else if (name === 'a') {
        const start = out[out.length - 1]!.length;
        walk(el.children);
        if (out[out.length - 1]!.slice(start).trim() === '' && el.attribs['href']) out[out.length - 1] += escapeMarkdown(el.attribs['href']);
      } else if (name === 'img') {
        if (el.attribs['alt']) out[out.length - 1] += escapeMarkdown(el.attribs['alt']);
      } else if (name === 'li') {
        para();
        const n = list ? list.n++ : 1;
        out[out.length - 1] = list?.ordered ? `${n}. ` : '- ';
        walk(el.children);
        out.push('');
      } else if (name === 'ul' || name === 'ol') {
        para();
        walk(el.children, { ordered: name === 'ol', n: Number(el.attribs['start'] ?? 1) || 1 });
        para();
      } else if (BLOCKS.has(name)) {
        para();
        walk(el.children);
        para();
      } else {
        walk(el.children, list);
      }
    }
  };
  walk(doc.children);
  // List items are one line each; paragraphs are separated by a blank line.
  const blocks = out.map((b) => b.replace(/[ \t]+\n/g, '\n').replace(/\n[ \t]+/g, '\n').trim()).filter((b) => b !== '' && b !== '-');
  let md = '';
  blocks.forEach((b, i) => {
    if (i > 0) md += /^(- |\d+\. )/.test(b) && /^(- |\d+\. )/.test(blocks[i - 1]!) ? '\n' : '\n\n';
    md += b;
  });
  return md;
}

/** Backslash-escapes the characters Markdown would read as markup, so that they print as typed. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

/**
 * The text of a value that may hold HTML or Markdown, for a field printed plain (title,
 * venue, organiser…): HTML read with htmlparser2 (tags dropped, line breaks as spaces),
 * Markdown's inline markup (`**bold**`, `[text](url)`) read with marked's inline lexer and
 * kept as its text, entities decoded. « TypeScript &amp; Angular » → « TypeScript & Angular ».
 */
export function plainOf(value: string): string {
  const text = isHtml(value) ? htmlText(value) : decodeHTML(value);
  if (!/[*_[\]`]/.test(text)) return text;
  return inlineText(new Lexer({ gfm: true }).inlineTokens(text));
}

/** The text of HTML: tags dropped, entities decoded, block ends and `br` as spaces. */
function htmlText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const parts: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push(n.data);
      else if ('children' in n && !SKIPPED.has((n as Element).name)) {
        if ((n as Element).name === 'br') parts.push(' ');
        walk((n as Element).children);
        if (BLOCKS.has((n as Element).name) || (n as Element).name === 'li') parts.push(' ');
      }
    }
  };
  walk(doc.children);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The text of marked's inline tokens: emphasis and links kept as their text. */
function inlineText(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) return inlineText(t.tokens);
      if (t.type === 'br') return ' ';
      if (t.type === 'image') return t.text;
      return decodeHTML('text' in t && typeof t.text === 'string' ? t.text : t.raw);
    })
    .join('');
}

/** Fields printed as text, whose markup is read (ids, dates, URLs, codes are only decoded). */
const PRINTED = new Set(['title', 'organiser', 'venue', 'address', 'commune', 'category', 'price', 'tags']);

/**
 * An imported text value as content stores it: a description as Markdown (HTML converted,
 * line breaks and paragraphs kept, entities decoded), any other field as plain text on one
 * line (markup dropped, entities decoded). Cleaned like a CSV cell (see cleanCell).
 */
export function importedText(key: string, value: string, clean: (s: string) => string, oneLine: (s: string) => string): string {
  if (key === 'description') return clean(isHtml(value) ? htmlToMarkdown(value) : decodeHTML(value));
  if (!PRINTED.has(key)) return oneLine(clean(decodeHTML(value)));
  return oneLine(clean(plainOf(clean(value))));
}
