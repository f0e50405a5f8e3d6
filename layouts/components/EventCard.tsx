import { View, Text } from '@react-pdf/renderer';
import type { EventView } from '../../src/derive/model.js';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type, keepWhole } from '../styles.js';
import { QrCode, qrOuterSize } from './QrCode.js';

/**
 * One event of the programme: date and time in the section colour, title, place, description,
 * organiser with price and notes, and the QR code of its online page on the right. Never split across
 * pages (the paginator places whole cards). Width: the card's column, in pt. `rule`: a hairline
 * above the card (false for the first card under a heading or at the top of a page).
 */
export function EventCard({ event, colour, width, rule = true }: { event: EventView; colour: number; width: number; rule?: boolean }) {
  const accent = sectionInk(colour);
  // The QR's white quiet zone plus a small gutter separate it from the text.
  const textWidth = event.qr ? width - mm(qrOuterSize(event.qr, theme.qr.eventSize) + theme.space.sm) : width;
  return (
    <View
      id={`event-${event.id}`}
      wrap={false}
      style={{ width, flexDirection: 'row', paddingTop: rule ? mm(3) : mm(theme.space.xs), paddingBottom: mm(3), borderTopWidth: rule ? theme.rules.hairline : 0, borderTopColor: ink('rule') }}
    >
      <View style={{ width: textWidth }}>
        {event.category ? (
          <Text style={{ ...text.caption, ...text.semibold, color: accent, textTransform: 'uppercase', letterSpacing: 0.4 }}>{event.category}</Text>
        ) : null}
        {event.when ? <Text style={{ ...text.body, ...text.semibold, color: accent }}>{event.when}</Text> : null}
        <Text hyphenationCallback={keepWhole} style={{ ...text.strong, ...type('eventTitle'), color: ink('text'), marginTop: mm(0.6), marginBottom: mm(0.8) }}>{event.title}</Text>
        <Text style={{ ...text.muted, ...text.semibold, color: ink('text') }}>{event.place}</Text>
        {event.description ? <Text style={{ ...text.body, marginTop: mm(1.5) }}>{event.description}</Text> : null}
        {event.organiser || event.notes ? (
          <Text style={{ ...text.caption, marginTop: mm(1.5) }}>
            {event.organiser ? <Text style={{ ...text.italic }}>{event.organiser}</Text> : null}
            {event.organiser && event.notes ? '  ·  ' : null}
            {event.notes ?? null}
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
