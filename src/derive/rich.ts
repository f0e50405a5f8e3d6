/**
 * A description's rich text: Markdown (as imported from HTML, or typed in content YAML) read
 * with `marked` into paragraphs, lines and runs that the event card sets — bold and italic
 * runs, list items, line breaks — with French typography on the text. Links print as their
 * text; headings print as a bold paragraph; images, code fences and raw HTML print as text.
 */
import { marked, type Token, type Tokens } from 'marked';
import { decodeHTMLStrict } from 'entities';

/** A run of text in one face. */
export interface RichRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** The link's target, when the run is a link's text. */
  href?: string;
}

/** A paragraph or a list item: its lines (hard line breaks), each a list of runs. */
export interface RichBlock {
  kind: 'paragraph' | 'item';
  /** « • » for an unordered list item, « 3. » for an ordered one. */
  bullet?: string;
  lines: RichRun[][];
}

type Style = { bold?: boolean; italic?: boolean; href?: string };

/**
 * Reads Markdown into blocks, every run's text passed through `typeset` (French typography,
 * or another language's). Single line breaks are kept as line breaks (marked's `breaks`).
 * @returns the blocks, empty ones dropped; never throws (marked reads any text).
 */
export function richText(markdown: string, typeset: (s: string) => string): RichBlock[] {
  const tokens = marked.lexer(markdown, { gfm: true, breaks: true });
  const blocks: RichBlock[] = [];
  const block = (kind: RichBlock['kind'], inline: Token[], style: Style = {}, bullet?: string) => {
    const lines: RichRun[][] = [[]];
    inlineRuns(inline, style, lines);
    const kept = lines.map((l) => mergeRuns(l, typeset)).filter((l) => l.length > 0);
    if (kept.length > 0) blocks.push(bullet !== undefined ? { kind, bullet, lines: kept } : { kind, lines: kept });
  };
  const walk = (list: Token[]) => {
    for (const t of list) {
      switch (t.type) {
        case 'paragraph':
        case 'text':
          block('paragraph', (t as Tokens.Paragraph).tokens ?? [{ type: 'text', raw: t.raw, text: (t as Tokens.Text).text } as Tokens.Text]);
          break;
        case 'heading':
          block('paragraph', (t as Tokens.Heading).tokens, { bold: true });
          break;
        case 'list': {
          const l = t as Tokens.List;
          l.items.forEach((item, i) => {
            const inline = item.tokens.flatMap((x) => ('tokens' in x && x.type !== 'list' && x.tokens ? x.tokens : x.type === 'list' ? [] : [x]));
            block('item', inline, {}, l.ordered ? `${Number(l.start || 1) + i}.` : '•');
            const nested = item.tokens.filter((x) => x.type === 'list');
            if (nested.length > 0) walk(nested);
          });
          break;
        }
        case 'blockquote':
          walk((t as Tokens.Blockquote).tokens);
          break;
        case 'code':
          block('paragraph', [{ type: 'text', raw: t.raw, text: (t as Tokens.Code).text } as Tokens.Text]);
          break;
        case 'html':
          block('paragraph', [{ type: 'text', raw: t.raw, text: (t as Tokens.HTML).text.replace(/<[^>]*>/g, '') } as Tokens.Text]);
          break;
        default:
          // space, hr, table, def: nothing printed (a table's cells are rare in a description).
          break;
      }
    }
  };
  walk(tokens);
  return blocks;
}

/** Adds the runs of inline tokens to `lines` (a `br` starts a new line). */
function inlineRuns(tokens: Token[], style: Style, lines: RichRun[][]): void {
  const push = (text: string, s: Style) => {
    const parts = text.split('\n');
    parts.forEach((p, i) => {
      if (i > 0) lines.push([]);
      if (p !== '') lines[lines.length - 1]!.push({ text: p, ...s });
    });
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'strong':
        inlineRuns((t as Tokens.Strong).tokens, { ...style, bold: true }, lines);
        break;
      case 'em':
        inlineRuns((t as Tokens.Em).tokens, { ...style, italic: true }, lines);
        break;
      case 'del':
        inlineRuns((t as Tokens.Del).tokens, style, lines);
        break;
      case 'link': {
        const l = t as Tokens.Link;
        inlineRuns(l.tokens, { ...style, href: l.href }, lines);
        break;
      }
      case 'image':
        push((t as Tokens.Image).text, style);
        break;
      case 'br':
        lines.push([]);
        break;
      case 'codespan':
        push(decodeHTMLStrict((t as Tokens.Codespan).text), style);
        break;
      case 'html':
        push((t as Tokens.Tag).text.replace(/<[^>]*>/g, ''), style);
        break;
      default: {
        const x = t as Tokens.Text;
        if (x.tokens && x.tokens.length > 0) inlineRuns(x.tokens, style, lines);
        else push(decodeHTMLStrict(x.text ?? x.raw ?? ''), style);
      }
    }
  }
}

/**
 * Joins neighbouring runs of one style and typesets each run, keeping the spaces between
 * runs; the line's own leading and trailing spaces are dropped.
 */
function mergeRuns(runs: RichRun[], typeset: (s: string) => string): RichRun[] {
  const merged: RichRun[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last.bold === r.bold && last.italic === r.italic && last.href === r.href) last.text += r.text;
    else merged.push({ ...r });
  }
  // Typography on each run; the spaces at its ends (which the typesetting trims) are kept.
  const out = merged.map((r) => {
    const t = r.text.replace(/\s+/g, ' ');
    const core = t.trim();
    if (core === '') return { ...r, text: t };
    return { ...r, text: `${t.startsWith(' ') ? ' ' : ''}${typeset(core)}${t.endsWith(' ') ? ' ' : ''}` };
  });
  // Spaces at the joins: typeset trims nothing, but a run may start or end with a space.
  if (out.length > 0) {
    out[0]!.text = out[0]!.text.replace(/^\s+/, '');
    out[out.length - 1]!.text = out[out.length - 1]!.text.replace(/\s+$/, '');
  }
  return out.filter((r) => r.text !== '');
}

/**
 * A link address a page or a PDF may carry, or undefined: only http:, https: and mailto: (no
 * javascript:, data:, vbscript:, file: …), parsed by WHATWG URL (which drops tabs and line
 * breaks, as browsers do, so "java\tscript:" is seen as what it is).
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (!URL.canParse(trimmed)) return undefined;
  const u = new URL(trimmed);
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'mailto:') return undefined;
  return u.href;
}

/** The text of blocks, one block a line: for searching, measuring and the glyph check. */
export function richPlain(blocks: RichBlock[]): string {
  return blocks.map((b) => `${b.bullet ? `${b.bullet} ` : ''}${b.lines.map((l) => l.map((r) => r.text).join('')).join(' ')}`).join(' ');
}
