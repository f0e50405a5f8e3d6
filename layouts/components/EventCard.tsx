import { View, Text, Link } from '@react-pdf/renderer';
import { Fragment, type ReactNode } from 'react';
import type { EventView } from '../../src/derive/model.js';
import { safeHref, type RichBlock, type RichRun } from '../../src/derive/rich.js';
import { mm } from '../../src/units.js';
import { theme, type CardField, type FieldStyle } from '../theme.js';
import { ink, sectionInk, sectionTextInk } from '../ink.js';
import { type } from '../styles.js';
import { hyphenatorFor, keepTitleWords, tieLastWords, tieShortWords } from '../hyphenation.js';
import { advanceWidth } from '../../src/render/fonts.js';
import { withFallbacks } from '../../src/render/fallback.js';
import { QrCode, qrOuterSize } from './QrCode.js';
import { LaidOutSlot } from './LaidOutSlot.js';
import { useLaidOut } from '../laid-out.js';

/** How the card's date line reads: the full date, or the time only (under a day heading). */
export type CardDate = 'full' | 'time';

/**
 * One event of the programme, as the theme's `card` block sets it: its fields in the theme's
 * order and styles (category, date or time, title, place, description, tags, organiser with
 * price and notes), and the QR code of its online page beside the text (right or left, its
 * quiet zone at least `card.qr.gap` mm from the text) or under it. Never split across pages
 * (the paginator places whole cards); the hairline between cards is the page's
 * (layouts/programme/EventsPage.tsx). `width`: the card's column, in pt. `first`: the first
 * card of a page or under a heading (the theme's `padding.first` above it). `stacked`: the
 * QR code under the text, for narrow columns. `columns`: the columns of cards on the page (with
 * two, the QR code goes where the theme's `card.qr.columns` puts it: under the text, or beside
 * it at `qr.columnSize`, so that the text keeps most of the column). `date`: the date line in full or the time only.
 * Titles are never hyphenated nor set smaller than the theme's size (one size for every title
 * of a page): they wrap at spaces (compounds kept whole too), their short words tied to the
 * next and their last two words tied when the pair fits a line (no one-word last line).
 * Short words, dates, the category and each item of the organiser's line are tied as
 * {@link tieShortWords} and {@link keepWhole} tie them.
 * When the paginator kept the card's text as it laid it out (layouts/laid-out.ts, same width
 * and `stacked`), the text is an empty slot of its height, filled before drawing.
 */
export function EventCard({ event, colour, width, first = false, stacked = false, columns, date = 'full' }: {
  event: EventView; colour: number; width: number; first?: boolean; stacked?: boolean; columns?: number; date?: CardDate;
}) {
  const card = theme.card;
  const two = (columns ?? 1) > 1;
  const under = stacked || card.qr.place === 'under' || (two && card.qr.columns === 'under');
  // Beside the text in two columns, the code at the theme's column size (raised by the copyfit to its scannable size).
  const size = two && !under ? Math.min(theme.qr.eventSize, theme.qr.columnSize) : theme.qr.eventSize;
  // Beside the text, the QR's white quiet zone plus the theme's gap separate it from the text;
  // under it, the text takes the whole width and the QR code follows it, its dark modules
  // aligned on the text (the quiet zone hangs into the margin).
  const quiet = event.qr ? (size * event.qr.quietZone) / event.qr.modules : 0;
  const textWidth = event.qr && !under ? width - mm(qrOuterSize(event.qr, size) + card.qr.gap) : width;
  const laidOut = useLaidOut().height(event.id);
  return (
    <View
      id={`event-${event.id}`}
      wrap={false}
      style={{ width, flexDirection: under ? 'column' : card.qr.place === 'left' ? 'row-reverse' : 'row', justifyContent: 'space-between', paddingTop: mm(first ? card.padding.first : card.padding.top), paddingBottom: mm(card.padding.bottom) }}
    >
      {laidOut !== undefined ? <LaidOutSlot slot={event.id} width={textWidth} height={laidOut} /> : <CardText event={event} colour={colour} width={textWidth} date={date} />}
      {event.qr ? (
        <View style={under ? { marginTop: mm(theme.space.xs), marginLeft: -mm(quiet), marginBottom: -mm(quiet) } : { marginTop: -mm(card.qr.raise) }}>
          <QrCode qr={event.qr} size={size} />
        </View>
      ) : null}
    </View>
  );
}

/** A card field's style as react-pdf takes it, from the theme's `card.style` (sizes in pt). */
function fieldStyle(s: FieldStyle, colour: number) {
  return {
    fontFamily: withFallbacks(theme.fonts.family),
    ...type(s.step),
    fontWeight: s.weight,
    fontStyle: s.italic ? ('italic' as const) : ('normal' as const),
    color: s.colour === 'section' ? sectionTextInk(colour) : ink(s.colour),
    ...(s.uppercase ? { textTransform: 'uppercase' as const } : {}),
    ...(s.letterSpacing ? { letterSpacing: s.letterSpacing } : {}),
  };
}

/**
 * The longest pair of last words tied together (no one-word last line) in a frame `width` pt
 * wide at `fontSize` pt, in characters: about half the line (an average character is
 * about half the size wide), so that the tied pair still leaves a fair line above it.
 */
function tieChars(width: number, fontSize: number): number {
  return Math.floor(width / (fontSize * CHAR_WIDTH) / 2);
}

/** An average character's width, as a share of the type size (an estimate, for {@link tieChars}). */
const CHAR_WIDTH = 0.5;

/**
 * A title with its short words tied to the next ({@link tieShortWords}) and its last two
 * words (the last two runs of words between ordinary spaces: « narbonnais ? » is one word
 * with its « ? ») tied, when the pair fits the frame at the title's size (measured with
 * fontkit on its face; size and width in pt); a wider pair is left untied: the title is never
 * set smaller than the others.
 */
function tieTitle(title: string, face: { family: string | readonly string[]; weight: number }, fontSize: number, width: number): string {
  const tied = tieShortWords(title.trim());
  const words = tied.split(' ');
  if (words.length < 2) return tied;
  const pair = words.slice(-2).join('\u00a0');
  return advanceWidth(pair, face, fontSize) <= width * TIE_ROOM ? tieLastWords(tied, pair.length) : tied;
}

/** The share of the frame's width the tied pair may take: 5 % to spare for textkit's rounding and the glyphs' overhang. */
const TIE_ROOM = 0.95;

/**
 * A label or an item of a list (a category, a date, an organiser, a price) kept whole on one
 * line when it fits `width` pt in its style (every space tied; measured with fontkit, with
 * {@link TIE_ROOM} and its letter spacing, in capitals when it is set so); a longer one gets
 * only {@link tieShortWords}'s ties.
 */
function keepWhole(text: string, s: ReturnType<typeof fieldStyle>, width: number): string {
  const shown = s.textTransform === 'uppercase' ? text.toLocaleUpperCase('fr') : text;
  const face = { family: s.fontFamily, weight: s.fontWeight, style: s.fontStyle };
  const natural = advanceWidth(shown.replace(/ /g, '\u00a0'), face, s.fontSize) + (s.letterSpacing ?? 0) * [...shown].length;
  return natural <= width * TIE_ROOM ? text.replace(/ /g, '\u00a0') : tieShortWords(text);
}

/**
 * A description: one paragraph of plain text as one text; otherwise each paragraph and list
 * item in turn (the theme's `space.xs` between paragraphs, none between list items; a bullet
 * hangs one em, a number 1.5 em), each line break its own line (react-pdf 4.9 fails
 * on a line feed inside a text run), bold and italic runs in their faces, links as their text
 * (with a link annotation: clickable in the screen file).
 */
function Description({ blocks, plain, style, tie, lang }: { blocks: RichBlock[]; plain: string; style: ReturnType<typeof fieldStyle> & { marginTop?: number }; tie: number; lang: string }) {
  // Hyphenated by the rules of its language (French, English, German, Spanish, Italian, Catalan).
  const hyphenate = hyphenatorFor(lang);
  const simple = blocks.length === 1 && blocks[0]!.kind === 'paragraph' && blocks[0]!.lines.length === 1 && blocks[0]!.lines[0]!.every((r) => !r.bold && !r.italic && safeHref(r.href) === undefined);
  if (blocks.length === 0 || simple) return <Text hyphenationCallback={hyphenate} style={style}>{tieLastWords(tieShortWords(plain), tie)}</Text>;
  const { marginTop, ...face } = style;
  const runs = (line: RichRun[], last: boolean) =>
    line.map((r, k) => {
      const text = last && k === line.length - 1 ? tieLastWords(tieShortWords(r.text), tie) : tieShortWords(r.text);
      const runStyle = { ...(r.bold ? { fontWeight: 700 } : {}), ...(r.italic ? { fontStyle: 'italic' as const } : {}) };
      // A link (http, https, mailto) is its text in the text's colour, and a link annotation
      // over it: clickable in the screen file; the print file's annotations are removed
      // (src/post/finalise.ts), so the same laid-out card serves both.
      const href = safeHref(r.href);
      return href !== undefined ? (
        <Link key={k} src={href} style={{ ...runStyle, color: face.color, textDecoration: 'none' }}>
          {text}
        </Link>
      ) : (
        <Text key={k} style={runStyle}>
          {text}
        </Text>
      );
    });
  return (
    <View style={{ marginTop }}>
      {blocks.map((b, i) => (
        <View key={i} style={{ flexDirection: 'row', marginTop: i > 0 && !(b.kind === 'item' && blocks[i - 1]!.kind === 'item') ? mm(theme.space.xs) : 0 }}>
          {b.bullet ? <Text style={{ ...face, width: face.fontSize * (b.bullet.length > 1 ? 1.5 : 1) }}>{b.bullet}</Text> : null}
          <View style={{ flexGrow: 1, flexShrink: 1 }}>
            {b.lines.map((line, j) => (
              <Text key={j} hyphenationCallback={hyphenate} style={face}>{runs(line, j === b.lines.length - 1)}</Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * The text of a card: the theme's fields in order, each with its gap above when another
 * precedes it. `width` in pt. Its own component: the paginator keeps it as laid out.
 */
function CardText({ event, colour, width, date }: { event: EventView; colour: number; width: number; date: CardDate }) {
  const { card } = theme;
  const field = (f: CardField, top: { marginTop?: number }): ReactNode => {
    const style = (k: keyof typeof card.style) => ({ ...fieldStyle(card.style[k], colour), ...top });
    switch (f) {
      case 'category':
        return event.category ? <Text style={style('category')}>{keepWhole(event.category, style('category'), width)}</Text> : null;
      case 'when': {
        const line = date === 'time' ? event.time : event.when;
        return line ? <Text style={style('when')}>{keepWhole(line, style('when'), width)}</Text> : null;
      }
      case 'title': {
        const s = style('title');
        const face = { family: s.fontFamily, weight: s.fontWeight };
        const tied = tieTitle(event.title, face, s.fontSize, width);
        // A talk's subtitle: its own line under the title, in the description's italic.
        const subtitle = event.subtitle ? <Text style={{ ...fieldStyle(card.style.description, colour), fontStyle: 'italic' }}>{event.subtitle}</Text> : null;
        const title = <Text hyphenationCallback={keepTitleWords} style={s}>{tied}</Text>;
        // A cancelled, postponed or full event: its mark in capitals above the title.
        if (!event.statusMark && !subtitle) return title;
        return (
          <View style={top}>
            {event.statusMark ? <Text style={{ ...fieldStyle(card.style.category, colour), fontWeight: 700, textTransform: 'uppercase' }}>{event.statusMark}</Text> : null}
            <Text hyphenationCallback={keepTitleWords} style={{ ...s, marginTop: 0 }}>{tied}</Text>
            {subtitle}
          </View>
        );
      }
      case 'place':
        return <Text style={style('place')}>{tieShortWords(event.place)}</Text>;
      case 'description': {
        if (!event.description || card.variant === 'compact') return null;
        const s = style('description');
        return <Description blocks={event.descriptionBlocks ?? []} plain={event.description} style={s} tie={tieChars(width, s.fontSize)} lang={event.lang} />;
      }
      case 'tags':
        return card.variant === 'detailed' && event.tags.length > 0 ? <Text style={style('tags')}>{event.tags.join(' · ')}</Text> : null;
      case 'footer': {
        const parts: ReactNode[] = [];
        const add = (key: string, s: FieldStyle, value: string | undefined) => {
          if (!value) return;
          // The separator tied to the item before it: a line breaks after it, never inside an item.
          // One ordinary space only: textkit takes a run of two for a syllable and breaks
          // before it with a hyphen (« Gratuit ·- »).
          if (parts.length > 0) parts.push(<Text key={`${key}-sep`} style={fieldStyle(card.style.organiser, colour)}>{'\u00a0\u00a0·\u00a0 '}</Text>);
          parts.push(<Text key={key} style={fieldStyle(s, colour)}>{keepWhole(value, fieldStyle(s, colour), width)}</Text>);
        };
        add('organiser', card.style.organiser, event.byline);
        add('price', card.style.price, event.price);
        add('co', card.style.coOrganised, event.coOrganised ? 'co-organisé par la Cress' : undefined);
        return parts.length > 0 ? <Text style={style('coOrganised')}>{parts}</Text> : null;
      }
    }
  };
  const nodes: ReactNode[] = [];
  for (const f of card.fields) {
    const node = field(f, nodes.length > 0 && card.gap[f] > 0 ? { marginTop: mm(card.gap[f]) } : {});
    if (node !== null) nodes.push(<Fragment key={f}>{node}</Fragment>);
  }
  return <View style={{ width }}>{nodes}</View>;
}
