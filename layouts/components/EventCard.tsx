import { View, Text } from '@react-pdf/renderer';
import { Fragment, type ReactNode } from 'react';
import type { EventView } from '../../src/derive/model.js';
import type { RichBlock, RichRun } from '../../src/derive/rich.js';
import { mm } from '../../src/units.js';
import { theme, type CardField, type FieldStyle } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { type } from '../styles.js';
import { hyphenatorFor, keepTitleWords, tieLastWords } from '../hyphenation.js';
import { fitted } from '../fit.js';
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
 * QR code under the text, for narrow columns. `date`: the date line in full or the time only.
 * Titles are never hyphenated: they wrap at spaces (compounds kept whole too), a word too long for the line sets the
 * title smaller, and the last two words are tied (no one-word last line).
 * When the paginator kept the card's text as it laid it out (layouts/laid-out.ts, same width
 * and `stacked`), the text is an empty slot of its height, filled before drawing.
 */
export function EventCard({ event, colour, width, first = false, stacked = false, date = 'full' }: {
  event: EventView; colour: number; width: number; first?: boolean; stacked?: boolean; date?: CardDate;
}) {
  const card = theme.card;
  const under = stacked || card.qr.place === 'under';
  const size = theme.qr.eventSize;
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
    color: s.colour === 'section' ? sectionInk(colour) : ink(s.colour),
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
 * A title with its last two words tied, so that no line holds one word alone: at its size
 * when the two fit a line together, else set smaller, down to {@link TITLE_SHRINK} of its
 * size, until they do (measured with fontkit on its face; sizes and width in pt). A pair
 * wider than that is left untied.
 */
function tieTitle(title: string, face: { family: string | readonly string[]; weight: number }, fontSize: number, width: number): { text: string; fontSize: number } {
  const words = title.trim().split(/\s+/);
  if (words.length < 2) return { text: title, fontSize };
  const pair = words.slice(-2).join(' ');
  const room = width * TIE_ROOM;
  const wide = advanceWidth(pair, face, fontSize);
  if (wide <= room) return { text: tieLastWords(title, pair.length), fontSize };
  const smaller = (fontSize * room) / wide;
  return smaller >= fontSize * TITLE_SHRINK ? { text: tieLastWords(title, pair.length), fontSize: smaller } : { text: title, fontSize };
}

/** The smallest share of its size a title is set at to keep its last two words together. */
const TITLE_SHRINK = 0.7;

/** The share of the frame's width the tied pair may take: 5 % to spare for textkit's rounding and the glyphs' overhang. */
const TIE_ROOM = 0.95;

/** Words of 12 letters or more may be too wide for a narrow column: only then is the title's size fitted. */
const LONG_WORD = /\S{12,}/;

/**
 * A description: one paragraph of plain text as one text; otherwise each paragraph and list
 * item in turn (the theme's `space.xs` between paragraphs, none between list items; a bullet
 * hangs one em, a number 1.5 em), each line break its own line (react-pdf 4.9 fails
 * on a line feed inside a text run), bold and italic runs in their faces, links as their text.
 */
function Description({ blocks, plain, style, tie, lang }: { blocks: RichBlock[]; plain: string; style: ReturnType<typeof fieldStyle> & { marginTop?: number }; tie: number; lang: string }) {
  // Hyphenated by the rules of its language (French, English, German, Spanish, Italian, Catalan).
  const hyphenate = hyphenatorFor(lang);
  const simple = blocks.length === 1 && blocks[0]!.kind === 'paragraph' && blocks[0]!.lines.length === 1 && blocks[0]!.lines[0]!.every((r) => !r.bold && !r.italic);
  if (blocks.length === 0 || simple) return <Text hyphenationCallback={hyphenate} style={style}>{tieLastWords(plain, tie)}</Text>;
  const { marginTop, ...face } = style;
  const runs = (line: RichRun[], last: boolean) =>
    line.map((r, k) => (
      <Text key={k} style={{ ...(r.bold ? { fontWeight: 700 } : {}), ...(r.italic ? { fontStyle: 'italic' as const } : {}) }}>
        {last && k === line.length - 1 ? tieLastWords(r.text, tie) : r.text}
      </Text>
    ));
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
        return event.category ? <Text style={style('category')}>{event.category}</Text> : null;
      case 'when': {
        const line = date === 'time' ? event.time : event.when;
        return line ? <Text style={style('when')}>{line}</Text> : null;
      }
      case 'title': {
        const s = style('title');
        const face = { family: s.fontFamily, weight: s.fontWeight };
        const size = LONG_WORD.test(event.title) ? fitted(event.title, s, face, width, Infinity, false) : s;
        const tied = tieTitle(event.title, face, size.fontSize, width);
        // A talk's subtitle: its own line under the title, in the description's italic.
        const subtitle = event.subtitle ? <Text style={{ ...fieldStyle(card.style.description, colour), fontStyle: 'italic' }}>{event.subtitle}</Text> : null;
        const title = <Text hyphenationCallback={keepTitleWords} style={{ ...size, fontSize: tied.fontSize }}>{tied.text}</Text>;
        // A cancelled, postponed or full event: its mark in capitals above the title.
        if (!event.statusMark && !subtitle) return title;
        return (
          <View style={top}>
            {event.statusMark ? <Text style={{ ...fieldStyle(card.style.category, colour), fontWeight: 700, textTransform: 'uppercase' }}>{event.statusMark}</Text> : null}
            <Text hyphenationCallback={keepTitleWords} style={{ ...size, marginTop: 0, fontSize: tied.fontSize }}>{tied.text}</Text>
            {subtitle}
          </View>
        );
      }
      case 'place':
        return <Text style={style('place')}>{event.place}</Text>;
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
          if (parts.length > 0) parts.push(<Text key={`${key}-sep`} style={fieldStyle(card.style.organiser, colour)}>{'  ·  '}</Text>);
          parts.push(<Text key={key} style={fieldStyle(s, colour)}>{value}</Text>);
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
