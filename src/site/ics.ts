import ICAL from 'ical.js';
import type { Model } from '../derive/model.js';
import { TIME_ZONE } from './time.js';
import type { SiteEvent } from './event.js';

/** Europe/Paris as a VTIMEZONE (EU rules since 1996: last Sunday of March and of October, 01:00 UTC). */
const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const ICS_STATUS = { scheduled: 'CONFIRMED', full: 'CONFIRMED', cancelled: 'CANCELLED', postponed: 'TENTATIVE' } as const;

/** "2016-11-15 14:30" → an ICAL.Time in Paris (TZID), "2016-11-15" → a date. */
function icalTime(local: string, zone: InstanceType<typeof ICAL.Timezone>): InstanceType<typeof ICAL.Time> {
  const [d, t] = local.split(' ');
  const [year, month, day] = d!.split('-').map(Number) as [number, number, number];
  if (!t) return ICAL.Time.fromData({ year, month, day, isDate: true });
  const [hour, minute] = t.split(':').map(Number) as [number, number];
  return ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false }, zone);
}

/**
 * An iCalendar file (RFC 5545, written with ical.js) of `events`: each with a start (events
 * whose date is unknown are left out), times in Europe/Paris (TZID, with its VTIMEZONE),
 * all-day events as dates (DTEND the day after the last), UID `<id>@<site host>`, DTSTAMP the
 * build date (the same bytes on every build), SUMMARY, DESCRIPTION, LOCATION, URL (its page),
 * STATUS, CATEGORIES.
 */
export function calendarIcs(events: SiteEvent[], model: Model, name: string): string {
  const zoneComp = new ICAL.Component(ICAL.parse(PARIS_VTIMEZONE) as unknown[]);
  const zone = new ICAL.Timezone(zoneComp);
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', '-//encre//site//FR');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('x-wr-calname', name);
  cal.addPropertyWithValue('x-wr-timezone', TIME_ZONE);
  cal.addSubcomponent(zoneComp);
  const host = new URL(model.campaign.site?.baseUrl ?? 'https://encre.invalid/').hostname;
  const stamp = ICAL.Time.fromJSDate(model.buildDate, true);
  for (const e of events) {
    const s = e.source;
    if (!s.start) continue;
    const v = new ICAL.Component('vevent');
    v.addPropertyWithValue('uid', `${s.id}@${host}`);
    v.addPropertyWithValue('dtstamp', stamp);
    const start = icalTime(s.start, zone);
    const dtstart = v.addPropertyWithValue('dtstart', start);
    if (!start.isDate) dtstart.setParameter('tzid', TIME_ZONE);
    const lastDay = s.end ?? (start.isDate ? s.start : undefined);
    if (lastDay) {
      const end = icalTime(start.isDate ? lastDay.slice(0, 10) : lastDay.includes(' ') ? lastDay : `${lastDay} 23:59`, zone);
      if (end.isDate) end.adjust(1, 0, 0, 0);
      const dtend = v.addPropertyWithValue('dtend', end);
      if (!end.isDate) dtend.setParameter('tzid', TIME_ZONE);
    }
    v.addPropertyWithValue('summary', e.view.title);
    if (e.view.description) v.addPropertyWithValue('description', e.view.description);
    v.addPropertyWithValue('location', e.view.place);
    v.addPropertyWithValue('url', e.url);
    v.addPropertyWithValue('status', ICS_STATUS[e.status]);
    const categories = [e.view.category, ...e.view.tags].filter((x): x is string => Boolean(x));
    if (categories.length) {
      const p = new ICAL.Property('categories');
      p.setValues(categories);
      v.addProperty(p);
    }
    cal.addSubcomponent(v);
  }
  return `${cal.toString()}\r\n`;
}
