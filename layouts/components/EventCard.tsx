import { View, Text } from '@react-pdf/renderer';
import type { EventView } from '../../src/derive/model.js';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink, sectionInk } from '../ink.js';
import { text, type } from '../styles.js';
import { hyphenateTitle } from '../hyphenation.js';
import { QrCode, qrOuterSize } from './QrCode.js';
import { LaidOutSlot } from './LaidOutSlot.js';
import { useLaidOut } from '../laid-out.js';

/**
 * One event of the programme: date and time in the section colour, title, place, description,
 * organiser with price and notes, and the QR code of its online page on the right. Never split across
 * pages (the paginator places whole cards). Width: the card's column, in pt. `rule`: a hairline
 * above the card (false for the first card under a heading or at the top of a page).
 * `stacked`: the QR code under the text instead of beside it, for narrow columns.
 * When the paginator kept the card's text as it laid it out (layouts/laid-out.ts, same width
 * and `stacked`), the text is an empty slot of its height, filled before drawing.
 */
export function EventCard({ event, colour, width, rule = true, stacked = false }: {
  event: EventView; colour: number; width: number; rule?: boolean; stacked?: boolean;
}) {
  const accent = sectionInk(colour);
  // Side by side, the QR's white quiet zone plus a small gutter separate it from the text;
  // stacked (narrow columns), the text takes the whole width and the QR code follows it,
  // its dark modules aligned on the text (the quiet zone hangs into the margin).
  const quiet = event.qr ? (theme.qr.eventSize * event.qr.quietZone) / event.qr.modules : 0;
  const textWidth = event.qr && !stacked ? width - mm(qrOuterSize(event.qr, theme.qr.eventSize) + theme.space.sm) : width;
  const laidOut = useLaidOut().height(event.id);
  return (
    <View
      id={`event-${event.id}`}
      wrap={false}
      style={{ width, flexDirection: stacked ? 'column' : 'row', paddingTop: rule ? mm(3) : mm(theme.space.xs), paddingBottom: mm(3), borderTopWidth: rule ? theme.rules.hairline : 0, borderTopColor: ink('rule') }}
    >
      {laidOut !== undefined ? <LaidOutSlot slot={event.id} width={textWidth} height={laidOut} /> : <View style={{ width: textWidth }}>
        {event.category ? (
          <Text style={{ ...text.caption, ...text.semibold, color: accent, textTransform: 'uppercase', letterSpacing: 0.2 }}>{event.category}</Text>
        ) : null}
        {event.when ? <Text style={{ ...text.body, ...text.semibold, color: accent }}>{event.when}</Text> : null}
        <Text hyphenationCallback={hyphenateTitle} style={{ ...text.strong, ...type('eventTitle'), color: ink('text'), marginTop: mm(0.6), marginBottom: mm(0.8) }}>{event.title}</Text>
        <Text style={{ ...text.muted, ...text.semibold, color: ink('text') }}>{event.place}</Text>
        {event.description ? <Text style={{ ...text.body, marginTop: mm(1.5) }}>{event.description}</Text> : null}
        {event.organiser || event.notes ? (
          <Text style={{ ...text.caption, marginTop: mm(1.5) }}>
            {event.organiser ? <Text style={{ ...text.italic }}>{event.organiser}</Text> : null}
            {event.organiser && event.notes ? '  ·  ' : null}
            {event.notes ?? null}
          </Text>
        ) : null}
      </View>}
      {event.qr ? (
        <View style={stacked ? { marginTop: mm(theme.space.xs), marginLeft: -mm(quiet), marginBottom: -mm(quiet) } : { marginTop: -mm(2) }}>
          <QrCode qr={event.qr} size={theme.qr.eventSize} />
        </View>
      ) : null}
    </View>
  );
}
