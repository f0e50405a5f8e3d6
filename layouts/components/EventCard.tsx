import { View, Text } from '@react-pdf/renderer';
import type { EventView } from '../../src/derive/model.js';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type } from '../styles.js';
import { QrCode, qrOuterSize } from './QrCode.js';

/** Titles are never hyphenated: they carry names of places and organisations. */
const keepWhole = (word: string) => [word];

/**
 * One event of the programme: date and time in the section colour, title, place, organiser,
 * description, price, and the QR code of its online page on the right. Never split across
 * pages (the paginator places whole cards). Width: the text column, in pt.
 */
export function EventCard({ event, colour, width }: { event: EventView; colour: number; width: number }) {
  const accent = sectionInk(colour);
  // The QR's own white quiet zone separates it from the text: no extra gutter needed.
  const textWidth = event.qr ? width - mm(qrOuterSize(event.qr, theme.qr.eventSize)) : width;
  return (
    <View
      id={`event-${event.id}`}
      wrap={false}
      style={{ width, flexDirection: 'row', paddingTop: mm(theme.space.md), paddingBottom: mm(theme.space.md), borderTopWidth: theme.rules.hairline, borderTopColor: ink('rule') }}
    >
      <View style={{ width: textWidth }}>
        {event.category ? (
          <Text style={{ ...text.caption, ...text.semibold, color: accent, textTransform: 'uppercase', letterSpacing: 0.4 }}>{event.category}</Text>
        ) : null}
        {event.when ? <Text style={{ ...text.body, ...text.semibold, color: accent }}>{event.when}</Text> : null}
        <Text hyphenationCallback={keepWhole} style={{ ...text.strong, ...type('eventTitle'), color: ink('text'), marginTop: mm(0.6), marginBottom: mm(0.8) }}>{event.title}</Text>
        <Text style={{ ...text.muted, ...text.semibold, color: ink('text') }}>{event.place}</Text>
        {event.organiser ? <Text style={{ ...text.muted, ...text.italic }}>{event.organiser}</Text> : null}
        {event.description ? <Text style={{ ...text.body, marginTop: mm(theme.space.sm) }}>{event.description}</Text> : null}
        {event.price || event.coOrganised ? (
          <Text style={{ ...text.caption, marginTop: mm(theme.space.sm) }}>
            {[event.price, event.coOrganised ? 'Co-organisé par la Cress' : undefined].filter(Boolean).join('  ·  ')}
          </Text>
        ) : null}
      </View>
      {event.qr ? (
        <View style={{ marginTop: -mm(2) }}>
          <QrCode qr={event.qr} size={theme.qr.eventSize} />
        </View>
      ) : null}
    </View>
  );
}
