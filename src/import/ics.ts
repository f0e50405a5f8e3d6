/**
 * Reading an iCalendar file (RFC 5545) with ical.js: each VEVENT becomes an item (see
 * items.ts), each occurrence of a recurring VEVENT within the period its own item.
 *
 * - SUMMARY → title, DESCRIPTION (or X-ALT-DESC in HTML) → description (HTML → Markdown, see markup.ts), URL → url, CATEGORIES → tags (every
 *   category, in order) and category (the first), ORGANIZER's CN → organiser.
 * - LOCATION → venue, address, commune, country and (in France) département, read by
 *   parseLocation (place.ts): "…, 31000 Toulouse", "…, 20355 Hamburg, Allemagne".
 * - DTSTART/DTEND → start/end as Europe/Paris wall-clock times: a TZID is converted with
 *   Node's time-zone data (any IANA name; a name Node does not know, e.g. Outlook's
 *   "Romance Standard Time", through the file's VTIMEZONE), a UTC time ("…Z") too; a
 *   floating time (neither) is read in the mapping's `timezone`, else the calendar's
 *   X-WR-TIMEZONE, else Europe/Paris. All-day dates stay dates, and DTEND of an all-day
 *   event is exclusive: a one-day event has no end, 18–21 November (DTEND 20161121) ends the 20th.
 * - UID → id (slugified); an occurrence of a recurring event gets "<uid>-<YYYYMMDD>", the date
 *   of the occurrence as the rule gives it (its RECURRENCE-ID: an occurrence moved to another
 *   day keeps its id).
 * - RRULE/RDATE/EXDATE are expanded within the period (exceptions, VEVENTs with a
 *   RECURRENCE-ID, replace their occurrence); occurrences outside it are not imported, and
 *   counted in a warning. Without a period, a rule that never ends is skipped.
 * - STATUS:CANCELLED → status "cancelled" (imported: the campaign marks or omits it);
 *   CLASS:PRIVATE / CONFIDENTIAL events are skipped (reported).
 */
import ICAL from 'ical.js';
import { ContentError } from '../model/errors.js';
import type { SourceItem, SourceRead } from './items.js';
import { inPeriod } from './items.js';
import { parseLocation } from './place.js';
import type { Period } from './source-mapping.js';
import { eventId, slugify } from './text.js';
import { fillUrlTemplate, type ConferenceInfo } from './schedule.js';
import { PARIS, addDays, epochOf, formatDate, formatDateTime, ianaZone, wallTimeAt, type WallTime } from './zones.js';

type Component = InstanceType<typeof ICAL.Component>;
type IcalEvent = InstanceType<typeof ICAL.Event>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

/**
 * Most occurrences of one recurring event looked at, from its first: a daily rule started in
 * 1900 reaches 2016 within it; a rule every minute for years does not (reported).
 */
export const MAX_OCCURRENCES = 200_000;

/**
 * Most candidate times a recurrence rule may try in a row without finding an occurrence. A
 * rule that matches no date at all (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31) makes ical.js try
 * candidates forever (about a second per 200,000 here); this stops it. A daily rule may look
 * 540 years ahead (the rarest real one, 29 February, skips 8 years), an hourly one 22 years,
 * a rule every second 2 days.
 */
export const MAX_MISSES = 200_000;

/**
 * ical.js's recurrence iterator with a bound on its search: every candidate time it tries goes
 * through `check_contracting_rules`, counted here per iterator (patched once, on the class:
 * the iterator is created and first advanced inside ical.js, out of reach of an instance patch).
 */
const GUARDED = Symbol.for('encre.ical.guarded');
{
  const proto = ICAL.RecurIterator.prototype as unknown as { check_contracting_rules: (() => boolean) & { [GUARDED]?: true } };
  if (!proto.check_contracting_rules[GUARDED]) {
    const check = proto.check_contracting_rules;
    const misses = new WeakMap<object, number>();
    const guarded = function (this: object): boolean {
      const ok = check.call(this);
      if (ok) misses.delete(this);
      else {
        const n = (misses.get(this) ?? 0) + 1;
        if (n > MAX_MISSES) throw new Error(`no date matches it within ${MAX_MISSES.toLocaleString('en')} candidate times (parts that exclude each other, e.g. BYMONTH=2;BYMONTHDAY=31?)`);
        misses.set(this, n);
      }
      return ok;
    };
    proto.check_contracting_rules = Object.assign(guarded, { [GUARDED]: true as const });
  }
}

/** How to read a calendar. */
export interface IcsOptions {
  /** Occurrences of recurring events are expanded within it. */
  period?: Period;
  /** How to name the period in messages: "campaign period 2016-11-01 … 2016-11-30". */
  periodLabel?: string;
  /** Zone of floating times, overriding X-WR-TIMEZONE. */
  timezone?: string;
  /**
   * Zone of the start and end written to content (the campaign's `timezone`): Europe/Paris
   * without it. A calendar imported without a mapping is written in its X-WR-TIMEZONE.
   */
  outputZone?: string;
  /** A template of the events' URL, "{id}" replaced by the event's id (used when a VEVENT has no URL). */
  urlTemplate?: string;
}

/**
 * Reads the VEVENTs of an iCalendar text.
 * @param file the file, for messages.
 * @returns the items in file order (occurrences in date order), each with the line of its
 *   BEGIN:VEVENT, and notes about the file.
 * @throws ContentError when the text is not iCalendar (located at the offending line when
 *   ical.js names it) or has no VCALENDAR.
 */
export function readIcs(file: string, text: string, opts: IcsOptions = {}): SourceRead {
  const source = text.replace(/^\ufeff/, '');
  let jcal: unknown;
  try {
    jcal = ICAL.parse(source);
  } catch (e) {
    throw new ContentError([{ file, line: errorLine(source, (e as Error).message), col: 0, path: '', message: `not a valid iCalendar file: ${(e as Error).message}` }]);
  }
  const list = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[])) as unknown[];
  const calendars = list.map((j) => new ICAL.Component(j as unknown[])).filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) {
    throw new ContentError([{ file, line: 0, col: 0, path: '', message: 'not an iCalendar file: it has no BEGIN:VCALENDAR … END:VCALENDAR', hint: 'export the calendar as .ics (iCalendar)' }]);
  }

  const notes: SourceRead['notes'] = [];
  const items: SourceItem[] = [];
  const conference: ConferenceInfo = {};
  const starts = veventLines(source);
  const vevents = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  const lineOf = new Map<unknown, number>();
  if (starts.length === vevents.length) vevents.forEach((v, i) => lineOf.set(v.jCal, starts[i] ?? 0));
  else notes.push({ line: 0, message: `${starts.length} BEGIN:VEVENT lines but ${vevents.length} VEVENTs read: events are reported by UID and title, without lines` });

  for (const calendar of calendars) {
    const zones = new Map<string, IcalTimezone>();
    for (const tz of calendar.getAllSubcomponents('vtimezone')) {
      const id = valueOf(tz, 'tzid');
      const zone = typeof id === 'string' ? safe(() => new ICAL.Timezone(tz)) : undefined;
      if (typeof id === 'string' && zone !== undefined) zones.set(id, zone);
    }
    const xwr = valueOf(calendar, 'x-wr-timezone');
    let floating = opts.timezone;
    if (floating === undefined && typeof xwr === 'string') {
      floating = ianaZone(xwr);
      if (floating === undefined) notes.push({ line: 0, message: `X-WR-TIMEZONE "${xwr}" is not a time zone Node knows; times without a zone are read in ${PARIS}` });
    }
    const reader = new CalendarReader(zones, floating ?? PARIS, opts, (c) => lineOf.get(c.jCal) ?? 0);
    const calName = valueOf(calendar, 'x-wr-calname');
    if (typeof calName === 'string' && calName.trim() !== '' && conference.name === undefined) conference.name = calName.trim();
    if (floating !== undefined && conference.timezone === undefined) conference.timezone = floating;

    // Exceptions (RECURRENCE-ID) go with the VEVENT of their UID; an exception whose
    // VEVENT is not in the file is an event of its own.
    const all = calendar.getAllSubcomponents('vevent');
    const masters = new Map<string, Component>();
    for (const v of all) {
      const uid = valueOf(v, 'uid');
      if (typeof uid === 'string' && !v.hasProperty('recurrence-id') && !masters.has(uid)) masters.set(uid, v);
    }
    for (const v of all) {
      const uid = valueOf(v, 'uid');
      const isException = v.hasProperty('recurrence-id');
      if (isException && typeof uid === 'string' && masters.has(uid)) continue;
      const exceptions = !isException && typeof uid === 'string' && masters.get(uid) === v ? all.filter((x) => x !== v && x.hasProperty('recurrence-id') && valueOf(x, 'uid') === uid) : [];
      // One by one: a rule every second gives up to MAX_OCCURRENCES items, more than a spread takes.
      for (const item of reader.read(v, exceptions)) items.push(item);
    }
  }
  return { items, notes, conference };
}

/** Turns the VEVENTs of one calendar into items. */
class CalendarReader {
  constructor(
    private readonly zones: Map<string, IcalTimezone>,
    private readonly floating: string,
    private readonly opts: IcsOptions,
    private readonly lineOf: (c: Component) => number,
  ) {}

  /**
   * The items of one VEVENT and its exceptions: one, or one per occurrence in the period.
   * ical.js decodes values when they are read and throws on a bad one (e.g.
   * "SUMMARY;VALUE=DATE:x"): such a VEVENT is skipped, with its line and the reason.
   */
  read(v: Component, exceptions: Component[]): SourceItem[] {
    const line = this.lineOf(v);
    const uidValue = valueOf(v, 'uid');
    const uid = typeof uidValue === 'string' ? uidValue.trim() : '';
    const titleValue = valueOf(v, 'summary');
    const title = typeof titleValue === 'string' ? titleValue.trim() : '';
    const label = `VEVENT ${uid !== '' ? `UID ${JSON.stringify(uid)}` : 'without UID'}${title !== '' ? ` (${JSON.stringify(title)})` : ''}`;
    const fail = (reason: string): SourceItem[] => [{ line, label, id: '', skip: reason, fields: {}, warnings: [] }];
    try {
      return this.readEvent(v, exceptions, line, label, uid, title, fail);
    } catch (e) {
      const bad = unreadableProperty(v);
      return fail(`cannot be read${bad ? ` (${bad})` : ''}: ${(e as Error).message}`);
    }
  }

  private readEvent(v: Component, exceptions: Component[], line: number, label: string, uid: string, title: string, fail: (reason: string) => SourceItem[]): SourceItem[] {
    // Said once for a recurring event, not once per occurrence.
    const excluded = this.fieldsOf(v, line, label, '').skip;
    if (excluded !== undefined) return fail(excluded);

    let event: IcalEvent;
    try {
      event = new ICAL.Event(v, { strictExceptions: true, exceptions });
    } catch (e) {
      return fail(`cannot be read: ${(e as Error).message}`);
    }
    const warnings: string[] = [];
    // Room for an occurrence's « -YYYYMMDD »: a long UID (Outlook's are 100 characters and more) still makes an id.
    let base = eventId(slugify(uid), 9);
    if (uid === '') {
      // RFC 5545 requires a UID; without one, the title and the date are the most stable id there is.
      const day = safe(() => event.startDate)?.toString().slice(0, 10).replace(/-/g, '') ?? '';
      base = [eventId(slugify(title), 18), day].filter((s) => s !== '').join('-');
      warnings.push(`no UID: id "${base}" made from the title and the date`);
    }

    const recurring = v.hasProperty('rrule') || v.hasProperty('rdate');
    if (!recurring) {
      const exceptionOf = v.hasProperty('recurrence-id');
      let id = base;
      if (exceptionOf) {
        // A moved occurrence whose recurring VEVENT is not in the file: an event of its own.
        const rid = safe(() => event.recurrenceId);
        const when = rid ? this.time(rid, v.getFirstProperty('recurrence-id')?.getParameter('tzid')) : undefined;
        if (when && !('error' in when)) id = `${base}-${dayKey(when.value)}`;
      }
      const item = this.item(event, v, line, label, id);
      item.warnings.unshift(...warnings);
      return [item];
    }
    return this.expand(event, v, base, line, label, warnings, fail);
  }

  /** One item per occurrence of a recurring event within the period. */
  private expand(event: IcalEvent, v: Component, base: string, line: number, label: string, warnings: string[], fail: (reason: string) => SourceItem[]): SourceItem[] {
    const period = this.opts.period;
    const rule = v.getFirstPropertyValue('rrule') as { isFinite(): boolean } | null;
    const finite = rule === null || rule.isFinite();
    if (period === undefined && !finite) {
      return fail('repeats without end (RRULE without COUNT or UNTIL) and no period bounds it: give the campaign (campaign.period) or a period in the mapping');
    }
    // Without DTSTART ical.js counts from year 0 (and can loop there): nothing to expand from.
    const first = v.hasProperty('dtstart') ? safe(() => event.startDate) : undefined;
    if (!first) return fail(`repeats (${v.hasProperty('rrule') ? 'RRULE' : 'RDATE'}) but has no ${v.hasProperty('dtstart') ? 'readable ' : ''}DTSTART to count its occurrences from`);
    if (first.year < 1583 || first.year > 9999) return fail(`repeats from DTSTART in the year ${first.year}: expected a date of the Gregorian calendar (1583–9999)`);
    const startTzid = v.getFirstProperty('dtstart')?.getParameter('tzid');
    const exceptions = event.exceptions as unknown as Record<string, IcalEvent>;
    const items: SourceItem[] = [];
    const outside = new Outside();
    const seen = new Set<string>();
    // Occurrences two days or more from the period are told apart by their own date, without
    // converting them (converting to Paris time may change the date by one day at most).
    const early = period !== undefined ? addDays(period.start, -2) : undefined;
    const late = period !== undefined ? addDays(period.end, 2) : undefined;
    let iterator: ReturnType<IcalEvent['iterator']>;
    try {
      iterator = event.iterator();
    } catch (e) {
      return fail(`its recurrence cannot be read: ${(e as Error).message}`);
    }
    let stopped = false;
    for (let n = 0; ; n++) {
      let next: IcalTime | undefined;
      try {
        next = iterator.next() ?? undefined;
      } catch (e) {
        return fail(`its recurrence cannot be expanded: ${(e as Error).message}`);
      }
      if (next === undefined) break;
      if (n >= MAX_OCCURRENCES) {
        stopped = true;
        break;
      }
      const key = next.toString();
      const moved = key in exceptions;
      const day = formatDate(next);
      if (!moved && early !== undefined && day < early) {
        outside.add(day);
        continue;
      }
      if (!moved && late !== undefined && day > late) {
        // Past the period: a rule without end stops here (exceptions are looked at below).
        if (!finite) break;
        outside.add(day);
        continue;
      }
      const rid = this.time(next, startTzid);
      if ('error' in rid) return fail(rid.error);
      seen.add(key);
      const details = event.getOccurrenceDetails(next);
      const id = `${base}-${dayKey(rid.value)}`;
      const item =
        details.item !== event
          ? this.item(details.item, details.item.component, this.lineOf(details.item.component) || line, label, id)
          : this.occurrence(event, v, details.startDate, line, label, id);
      item.label = `${label}, occurrence of ${rid.value.slice(0, 10)}`;
      const start = item.fields.start;
      if (period !== undefined && typeof start === 'string' && !inPeriod(start, period)) {
        // After the period, a rule without end has countless more: only those before count.
        if (finite || start < period.start) outside.add(start.slice(0, 10));
        continue;
      }
      items.push(item);
    }
    // An exception that moves an occurrence from beyond the period into it.
    if (period !== undefined && !finite) {
      for (const ex of Object.values(exceptions)) {
        const rid = safe(() => ex.recurrenceId);
        if (!rid || seen.has(rid.toString())) continue;
        const when = this.time(rid, ex.component.getFirstProperty('recurrence-id')?.getParameter('tzid'));
        if ('error' in when) continue;
        const item = this.item(ex, ex.component, this.lineOf(ex.component) || line, `${label}, occurrence of ${when.value.slice(0, 10)}`, `${base}-${dayKey(when.value)}`);
        if (typeof item.fields.start === 'string' && inPeriod(item.fields.start, period)) items.push(item);
      }
    }

    const what = this.opts.periodLabel ?? 'period';
    if (items.length === 0) {
      return fail(`none of its ${stopped ? `first ${MAX_OCCURRENCES} ` : ''}occurrences falls in the ${what}${outside.count > 0 ? ` (${outside.count} outside it: ${outside.describe()})` : ''}`);
    }
    const notes = [...warnings];
    if (stopped) notes.push(`only its first ${MAX_OCCURRENCES} occurrences were looked at: later ones are not imported`);
    if (outside.count > 0) notes.push(`${outside.count} occurrence${outside.count === 1 ? '' : 's'} outside the ${what} not imported: ${outside.describe()}`);
    // Said once, on the first occurrence imported.
    items[0]?.warnings.unshift(...notes);
    return items;
  }

  /** The item of one occurrence of `event` (not an exception): its fields, at its own start. */
  private occurrence(event: IcalEvent, v: Component, start: IcalTime, line: number, label: string, id: string): SourceItem {
    const item = this.fieldsOf(v, line, label, id);
    if (item.skip !== undefined) return item;
    const startTzid = v.getFirstProperty('dtstart')?.getParameter('tzid');
    const s = this.time(start, startTzid);
    if ('error' in s) return { ...item, skip: s.error };
    const first = safe(() => event.startDate);
    const firstEnd = safe(() => event.endDate);
    if (!first || !firstEnd) return { ...item, fields: { ...item.fields, start: s.value } };
    const a = this.time(first, startTzid);
    const b = this.time(firstEnd, v.getFirstProperty('dtend')?.getParameter('tzid') ?? startTzid);
    if ('error' in a || 'error' in b) return { ...item, fields: { ...item.fields, start: s.value } };
    item.fields.start = s.value;
    const end = shiftEnd(s, a, b, this.opts.outputZone ?? PARIS);
    if (end !== undefined) item.fields.end = end;
    return item;
  }

  /** The item of a VEVENT that is not recurring (or an exception): its fields, start and end. */
  private item(event: IcalEvent, v: Component, line: number, label: string, id: string): SourceItem {
    const item = this.fieldsOf(v, line, label, id);
    if (item.skip !== undefined) return item;
    const startProp = v.getFirstProperty('dtstart');
    if (startProp === null) return item;
    const start = safe(() => event.startDate);
    if (!start) return { ...item, skip: `DTSTART ${JSON.stringify(String((startProp.jCal as unknown[])[3] ?? ''))} is not a date` };
    const s = this.time(start, startProp.getParameter('tzid'));
    if ('error' in s) return { ...item, skip: s.error };
    item.fields.start = s.value;
    let endTime: IcalTime | undefined;
    try {
      endTime = event.endDate;
    } catch {
      item.warnings.push('DTEND is not a date; end left out');
    }
    if (endTime) {
      const e = this.time(endTime, v.getFirstProperty('dtend')?.getParameter('tzid') ?? startProp.getParameter('tzid'));
      if ('error' in e) item.warnings.push(`${e.error}; end left out`);
      else {
        const end = endOf(s, e);
        if (end !== undefined) item.fields.end = end;
      }
    }
    return item;
  }

  /** Every field but start and end, and whether the VEVENT is to be skipped. */
  private fieldsOf(v: Component, line: number, label: string, id: string): SourceItem {
    const text = (name: string): string | undefined => {
      const value = v.getFirstPropertyValue(name);
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    };
    const item: SourceItem = { line, label, id, fields: {}, warnings: [] };
    // STATUS: CANCELLED → cancelled (printed with its mark or left out, as the campaign says);
    // TENTATIVE and CONFIRMED → scheduled.
    const status = text('status')?.toUpperCase();
    if (status === 'CANCELLED') item.fields.status = 'cancelled';
    const cls = text('class')?.toUpperCase();
    if (cls === 'PRIVATE' || cls === 'CONFIDENTIAL') return { ...item, skip: `CLASS:${cls}: not for a public programme` };

    const f = item.fields;
    const summary = text('summary');
    if (summary !== undefined) f.title = summary;
    // X-ALT-DESC;FMTTYPE=text/html (Outlook, Zoho…) keeps the description's markup: preferred.
    const alt = v.getFirstProperty('x-alt-desc');
    const altValue = alt && String(alt.getParameter('fmttype') ?? '').toLowerCase() === 'text/html' ? safe(() => alt.getFirstValue()) : undefined;
    // ical.js leaves an X- property's value as written: its TEXT escapes (\; \, \n \\) are undone here.
    const html = typeof altValue === 'string' ? altValue.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c)) : undefined;
    const description = html !== undefined && html.trim() !== '' ? html : text('description');
    if (description !== undefined) f.description = description;
    const url = text('url');
    if (url !== undefined) f.url = url;
    else if (this.opts.urlTemplate !== undefined) {
      const uid = text('uid');
      if (uid !== undefined) f.url = fillUrlTemplate(this.opts.urlTemplate, uid);
    }
    // LANGUAGE (a parameter of SUMMARY or DESCRIPTION, RFC 5545 3.2.10): the event's language.
    const language = v.getFirstProperty('summary')?.getParameter('language') ?? v.getFirstProperty('description')?.getParameter('language');
    if (typeof language === 'string' && language.trim() !== '') f.lang = language.trim().replace(/_/g, '-').replace(/^[A-Za-z]+/, (p) => p.toLowerCase());
    const categories = v.getAllProperties('categories').flatMap((p) => p.getValues().map(String)).map((c) => c.trim()).filter((c) => c !== '');
    if (categories.length > 0) {
      f.tags = categories;
      f.category = categories[0] as string;
    }
    const cn = v.getFirstProperty('organizer')?.getParameter('cn');
    if (typeof cn === 'string' && cn.trim() !== '') f.organiser = cn;
    const location = text('location');
    if (location !== undefined) {
      const place = parseLocation(location);
      if (place.venue !== undefined) f.venue = place.venue;
      if (place.address !== undefined) f.address = place.address;
      if (place.commune !== undefined) f.commune = place.commune;
      if (place.departement !== undefined) f.departement = place.departement;
      if (place.country !== undefined) f.country = place.country;
      if (place.problem !== undefined) item.placeNote = `LOCATION: ${place.problem}`;
    } else {
      item.placeNote = 'it has no LOCATION';
    }
    return item;
  }

  /**
   * A time of the file as content: "YYYY-MM-DD" for a date, else the Europe/Paris
   * wall-clock time, with the instant; or why it cannot be converted.
   */
  time(t: IcalTime, tzid: string | string[] | undefined | null): Converted | { error: string } {
    if (t.isDate) return { value: formatDate(t), date: true };
    const w: WallTime = { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
    const zone = t.zone as IcalTimezone | undefined;
    if (zone !== undefined && zone.tzid === 'UTC') {
      const epoch = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
      return { value: this.local(epoch), epoch, date: false };
    }
    const name = Array.isArray(tzid) ? tzid[0] : tzid ?? undefined;
    if (name !== undefined && name !== '') {
      const iana = ianaZone(name);
      let epoch: number | undefined;
      if (iana !== undefined) epoch = epochOf(w, iana);
      else {
        const vtz = this.zones.get(name);
        if (vtz !== undefined) epoch = ICAL.Time.fromData({ ...w, isDate: false }, vtz).toUnixTime() * 1000;
      }
      if (epoch === undefined) return { error: `time zone TZID=${JSON.stringify(name)} is neither a zone Node knows nor defined by a VTIMEZONE of the file` };
      return { value: this.local(epoch), epoch, date: false };
    }
    const epoch = epochOf(w, this.floating);
    return { value: this.local(epoch), epoch, date: false };
  }

  /** An instant as content writes it: "YYYY-MM-DD HH:MM" in the output zone. */
  private local(epoch: number): string {
    return formatDateTime(wallTimeAt(epoch, this.opts.outputZone ?? PARIS));
  }
}

/** Occurrences left out: how many, and their first distinct dates. */
class Outside {
  count = 0;
  private readonly days: string[] = [];

  add(day: string): void {
    this.count++;
    if (this.days.length <= 5 && !this.days.includes(day)) this.days.push(day);
  }

  /** "2016-10-27, 2016-12-01", or the first five dates and "…" when there are more. */
  describe(): string {
    if (this.days.length <= 5) return this.days.join(', ');
    return `${this.days.slice(0, 5).join(', ')}…`;
  }
}

/** A converted time: the content value, and for a date-time its instant. */
type Converted = { value: string; date: true } | { value: string; epoch: number; date: false };

/**
 * The content end of an event from its converted start and end: for dates, DTEND is the day
 * after the last (exclusive), so a one-day event has none; for times, none when it is not
 * after the start.
 */
function endOf(start: Converted, end: Converted): string | undefined {
  if (end.date) {
    const last = addDays(end.value, -1);
    return last > start.value.slice(0, 10) ? last : undefined;
  }
  if (start.date) return end.value.slice(0, 10) > start.value ? end.value.slice(0, 10) : undefined;
  return end.epoch > start.epoch ? end.value : undefined;
}

/** The end of an occurrence starting at `start`, for an event whose first occurrence runs from `first` to `firstEnd`. */
function shiftEnd(start: Converted, first: Converted, firstEnd: Converted, zone: string): string | undefined {
  if (start.date && first.date && firstEnd.date) {
    const days = Math.round((Date.parse(firstEnd.value) - Date.parse(first.value)) / 86_400_000);
    return endOf(start, { value: addDays(start.value, days), date: true });
  }
  if (!start.date && !first.date && !firstEnd.date) {
    const epoch = start.epoch + (firstEnd.epoch - first.epoch);
    return endOf(start, { value: formatDateTime(wallTimeAt(epoch, zone)), epoch, date: false });
  }
  return undefined;
}

/** "20161108" from "2016-11-08[ HH:MM]". */
function dayKey(value: string): string {
  return value.slice(0, 10).replace(/-/g, '');
}

/** The first value of a property, or undefined when there is none or ical.js cannot decode it. */
function valueOf(c: Component, name: string): unknown {
  return safe(() => c.getFirstPropertyValue(name));
}

/** The first property of a component whose value ical.js cannot decode, as written ("SUMMARY;VALUE=DATE"), or undefined. */
function unreadableProperty(c: Component): string | undefined {
  for (const p of c.getAllProperties()) {
    try {
      p.getValues();
    } catch {
      // ical.js keeps a VALUE= parameter as the property's type
      return `${p.name.toUpperCase()}${p.type !== p.getDefaultType() ? `;VALUE=${p.type.toUpperCase()}` : ''}`;
    }
  }
  return undefined;
}

/** `get()`, or undefined when it throws (ical.js reads values lazily and throws on bad ones). */
function safe<T>(get: () => T): T | undefined {
  try {
    return get() ?? undefined;
  } catch {
    return undefined;
  }
}

/** 1-based lines of the BEGIN:VEVENT lines of the text, in order. */
function veventLines(text: string): number[] {
  const out: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((l, i) => {
    if (/^BEGIN:VEVENT\s*$/i.test(l)) out.push(i + 1);
  });
  return out;
}

/**
 * The line an ical.js parse error is about: it quotes the line, unfolded ('invalid line …
 * "X"', "Invalid parameters in 'X'"), or a part of it; the 1-based line of the text where
 * that logical line starts, or 0.
 */
function errorLine(text: string, message: string): number {
  // what ical.js quotes: after "…) " (it may hold quotes itself), the last "…", or '…'
  const quotes = [/\) "(.*)"\s*$/, /"([^"]*)"\s*$/, /'(.*)'\s*$/].map((r) => r.exec(message)?.[1]).filter((q): q is string => q !== undefined && q !== '');
  if (quotes.length === 0) return 0;
  // Logical lines (RFC 5545 folding: a line break then a space or tab continues the line).
  const logical: { text: string; line: number }[] = [];
  text.split(/\r\n|\n|\r/).forEach((l, i) => {
    const last = logical[logical.length - 1];
    if (last !== undefined && /^[ \t]/.test(l)) last.text += l.slice(1);
    else logical.push({ text: l, line: i + 1 });
  });
  for (const quoted of quotes) {
    const found = logical.find((l) => l.text.startsWith(quoted)) ?? logical.find((l) => l.text.includes(quoted));
    if (found) return found.line;
  }
  return 0;
}
