/**
 * Reading a conference schedule: the frab / pretalx / Pentabarf `schedule.xml` (with
 * fast-xml-parser) and its JSON form, pretalx's `schedule.json`. Each <event> (each object
 * of `schedule.conference.days[].rooms[name]`) becomes an item (see items.ts):
 *
 * - title → title; subtitle, when there is one, starts the description;
 * - abstract → description (description when there is no abstract);
 * - start: <date> (ISO 8601 with its offset, as pretalx writes it) converted to Europe/Paris;
 *   without <date>, the day's date and <start> (HH:MM) in the conference's
 *   time_zone_name (the mapping's `timezone` overrides it; Europe/Paris without either),
 *   the next day when <start> is before the day's own start (a talk at 00:30 after a long
 *   evening);
 * - end = start + <duration> (HH:MM, or HH:MM:SS); no end for a zero duration;
 * - room → venue, track → category, type (Talk, Workshop…) → tags, persons → organiser
 *   ("Ada Lovelace, Alan Turing"), url → url;
 * - id: the guid slugified (the numeric id when there is no guid).
 *
 * A schedule says nothing of the commune and département of the conference: they come from
 * the mapping's `defaults:` (and so can the address, or the venue of events without a room).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineOf } from './csv.js';
import { LineCounter, parseDocument } from 'yaml';
import { ContentError } from '../model/errors.js';
import type { SourceItem, SourceRead } from './items.js';
import { eventId, slugify } from './text.js';
import { PARIS, addDays, epochOf, formatDateTime, ianaZone, parseIsoDateTime, wallTimeAt } from './zones.js';

/** How to read a schedule. */
export interface ScheduleOptions {
  /** Zone of times without an offset, overriding the conference's time_zone_name. */
  timezone?: string;
  /**
   * Zone of the start and end written to content (the campaign's `timezone`); without it,
   * the conference's own zone (its time_zone_name, the mapping's `timezone`), else Europe/Paris.
   */
  outputZone?: string;
  /** A template of the talks' URL, "{id}" replaced by the talk's id (used when a talk has no <url>). */
  urlTemplate?: string;
}

/** What a schedule says of the conference itself: the campaign's name, period and time zone. */
export interface ConferenceInfo {
  name?: string;
  /** First and last day, "YYYY-MM-DD". */
  start?: string;
  end?: string;
  /** IANA zone of its times. */
  timezone?: string;
}

/** One talk as either form gives it, text values as strings. */
interface Talk {
  line: number;
  /** Where it is, for a file without lines: "day 1, room "Amphi A", event 2". */
  where: string;
  guid: string;
  id: string;
  date: string;
  start: string;
  duration: string;
  room: string;
  title: string;
  subtitle: string;
  track: string;
  type: string;
  abstract: string;
  description: string;
  url: string;
  persons: string[];
  /** Its <language> ("en", "de-DE"), as written. */
  language: string;
  /** The date of its <day>, and the day's start (ISO date-time) when given. */
  dayDate: string;
  dayStart: string;
}

/** Where a schedule is, for the message when it is not one. */
const NOT_A_SCHEDULE_HINT = 'export the schedule from pretalx or frab ("schedule.xml" or "schedule.json"), or import a .csv or .ics';

/**
 * Reads a frab / pretalx schedule.xml.
 * @throws ContentError when the XML is malformed (at its line and column) or is not a
 *   schedule (no <schedule> root with <day> elements).
 */
export function readScheduleXml(file: string, text: string, opts: ScheduleOptions = {}): SourceRead {
  const xml = text.replace(/^\ufeff/, '');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ContentError([{ file, line: valid.err.line, col: valid.err.col, path: '', message: `malformed XML: ${valid.err.msg}` }]);
  }
  const arrays = new Set(['schedule.day', 'schedule.day.room', 'schedule.day.room.event', 'schedule.day.room.event.persons.person']);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    captureMetaData: true,
    isArray: (_name, jpath) => typeof jpath === 'string' && arrays.has(jpath),
  });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const schedule = doc['schedule'];
  if (!isObject(schedule)) {
    const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
    throw new ContentError([
      { file, line: 0, col: 0, path: '', message: `not a conference schedule: the root element is <${root ?? '?'}>, not <schedule>`, hint: NOT_A_SCHEDULE_HINT },
    ]);
  }
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  const lines = lineStarts(xml);
  const lineAt = (node: unknown) => {
    const index = isObject(node) ? (node[meta] as { startIndex?: number } | undefined)?.startIndex : undefined;
    return index === undefined ? 0 : lineOf(lines, index);
  };
  const conference = isObject(schedule['conference']) ? schedule['conference'] : {};
  const days = asArray(schedule['day']);
  if (days.length === 0) {
    throw new ContentError([{ file, line: lineAt(schedule), col: 0, path: '', message: 'the schedule has no <day>: nothing to import', hint: NOT_A_SCHEDULE_HINT }]);
  }
  const talks: Talk[] = [];
  days.forEach((day, d) => {
    if (!isObject(day)) return;
    asArray(day['room']).forEach((room) => {
      if (!isObject(room)) return;
      const roomName = textOf(room['@_name']);
      asArray(room['event']).forEach((ev, e) => {
        if (!isObject(ev)) return;
        const persons = isObject(ev['persons']) ? asArray(ev['persons']['person']).map(textOf).filter((p) => p !== '') : [];
        talks.push({
          line: lineAt(ev),
          where: `day ${textOf(day['@_index']) || d + 1}, room ${JSON.stringify(roomName)}, event ${e + 1}`,
          guid: textOf(ev['@_guid']),
          id: textOf(ev['@_id']),
          ...talkFields(ev, roomName),
          persons,
          language: textOf(ev['language']),
          dayDate: textOf(day['@_date']),
          dayStart: textOf(day['@_start']),
        });
      });
    });
  });
  return talksToItems(talks, zoneOf(textOf(conference['time_zone_name']), opts), opts, conferenceInfo(conference, days.map((d) => (isObject(d) ? textOf(d['@_date']) : ''))));
}

/** The conference's name, first and last day and zone, from its <conference> (or JSON object). */
function conferenceInfo(conference: Record<string, unknown>, dayDates: string[]): ConferenceInfo {
  const dates = dayDates.map((d) => d.slice(0, 10)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const date = (v: unknown) => {
    const t = textOf(v).slice(0, 10);
    return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
  };
  const zone = ianaZone(textOf(conference['time_zone_name']));
  const name = textOf(conference['title']);
  return {
    ...(name !== '' ? { name } : {}),
    ...(date(conference['start']) ?? dates[0] ? { start: date(conference['start']) ?? dates[0] } : {}),
    ...(date(conference['end']) ?? dates[dates.length - 1] ? { end: date(conference['end']) ?? dates[dates.length - 1] } : {}),
    ...(zone !== undefined ? { timezone: zone } : {}),
  };
}

/**
 * Reads a pretalx schedule.json: `{ schedule: { conference: { time_zone_name, days: [{ date,
 * day_start, rooms: { "Amphi A": [event, …] } }] } } }`.
 * @throws ContentError when the JSON is malformed (at its line) or is not a schedule.
 */
export function readScheduleJson(file: string, text: string, opts: ScheduleOptions = {}): SourceRead {
  const json = text.replace(/^\ufeff/, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    // Node 20's messages do not always give the position: the yaml parser (JSON is YAML)
    // locates the first syntax error; line 0 when it finds none.
    const message = (e as Error).message.split('\n')[0] ?? '';
    const lc = new LineCounter();
    const pos = parseDocument(json, { lineCounter: lc, prettyErrors: false }).errors[0]?.pos[0];
    const { line, col } = pos !== undefined ? lc.linePos(pos) : { line: 0, col: 0 };
    throw new ContentError([{ file, line, col, path: '', message: `malformed JSON: ${message}` }]);
  }
  const conference = isObject(data) && isObject(data['schedule']) && isObject(data['schedule']['conference']) ? data['schedule']['conference'] : undefined;
  if (conference === undefined && isObject(data) && Array.isArray(data['talks'])) return readWidgetJson(file, json, data, opts);
  if (conference === undefined || !Array.isArray(conference['days'])) {
    throw new ContentError([
      {
        file,
        line: 0,
        col: 0,
        path: '',
        message: 'not a schedule.json: it has neither schedule.conference.days (frab / pretalx export) nor talks (pretalx widget / API)',
        hint: NOT_A_SCHEDULE_HINT,
      },
    ]);
  }
  const lineAt = jsonLines(json);

  const talks: Talk[] = [];
  (conference['days'] as unknown[]).forEach((day, d) => {
    if (!isObject(day) || !isObject(day['rooms'])) return;
    for (const [roomName, events] of Object.entries(day['rooms'])) {
      asArray(events).forEach((ev, e) => {
        if (!isObject(ev)) return;
        const persons = asArray(ev['persons']).map((p) => (isObject(p) ? textOf(p['public_name']) || textOf(p['name']) : textOf(p)));
        talks.push({
          line: lineAt(['schedule', 'conference', 'days', d, 'rooms', roomName, e]),
          where: `schedule.conference.days[${d}].rooms[${JSON.stringify(roomName)}][${e}]`,
          guid: textOf(ev['guid']),
          id: textOf(ev['id']),
          ...talkFields(ev, roomName),
          persons: persons.filter((p) => p !== ''),
          language: textOf(ev['language']),
          dayDate: textOf(day['date']),
          dayStart: textOf(day['day_start']),
        });
      });
    }
  });
  const dayDates = (conference['days'] as unknown[]).map((d) => (isObject(d) ? textOf(d['date']) : ''));
  return talksToItems(talks, zoneOf(textOf(conference['time_zone_name']), opts), opts, conferenceInfo(conference, dayDates));
}

/**
 * Reads the pretalx widget / API shape: `{ talks: [{ code, title, abstract, speakers:
 * ["CODE"], room: 1, track: 2, start, end }], rooms: [{ id, name }], tracks: [{ id, name }],
 * speakers: [{ code, name }], timezone, event_start, event_end }`. Names may be given per
 * language (`{ "en": "Main hall" }`): the first is taken. Each talk's day is the date of its
 * start in the conference's zone.
 */
function readWidgetJson(file: string, json: string, data: Record<string, unknown>, opts: ScheduleOptions): SourceRead {
  const lineAt = jsonLines(json);
  const byId = (key: string, id: string) => {
    const m = new Map<string, string>();
    for (const x of asArray(data[key])) if (isObject(x)) m.set(textOf(x[id]), textOf(x['name']));
    return m;
  };
  const rooms = byId('rooms', 'id');
  const tracks = byId('tracks', 'id');
  const speakers = byId('speakers', 'code');
  const zone = zoneOf(textOf(data['timezone']), opts);
  const talks: Talk[] = [];
  asArray(data['talks']).forEach((ev, i) => {
    if (!isObject(ev)) return;
    const startText = textOf(ev['start']);
    const startEpoch = startText !== '' ? parseIsoDateTime(startText, zone.zone) : undefined;
    const endEpoch = textOf(ev['end']) !== '' ? parseIsoDateTime(textOf(ev['end']), zone.zone) : undefined;
    const minutes = startEpoch !== undefined && endEpoch !== undefined && endEpoch > startEpoch ? Math.round((endEpoch - startEpoch) / 60_000) : undefined;
    const room = textOf(ev['room']);
    const track = textOf(ev['track']);
    talks.push({
      line: lineAt(['talks', i]),
      where: `talks[${i}]`,
      guid: '',
      id: textOf(ev['code']) || textOf(ev['id']),
      date: startText,
      start: '',
      duration: minutes !== undefined ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}` : '',
      room: rooms.get(room) ?? room,
      title: textOf(ev['title']),
      subtitle: textOf(ev['subtitle']),
      track: tracks.get(track) ?? track,
      type: textOf(ev['submission_type']),
      abstract: textOf(ev['abstract']),
      description: textOf(ev['description']),
      url: textOf(ev['url']),
      persons: asArray(ev['speakers'])
        .map((s) => (isObject(s) ? textOf(s['name']) : speakers.get(textOf(s)) ?? ''))
        .filter((p) => p !== ''),
      language: textOf(ev['content_locale']) || textOf(ev['language']),
      dayDate: startEpoch !== undefined ? formatDateTime(wallTimeAt(startEpoch, zone.zone)).slice(0, 10) : '',
      dayStart: '',
    });
  });
  const dates = talks.map((t) => t.dayDate).filter((d) => d !== '');
  const info: ConferenceInfo = {
    ...conferenceInfo({ start: data['event_start'], end: data['event_end'], time_zone_name: data['timezone'] }, dates),
  };
  return talksToItems(talks, zone, opts, info);
}

/** The zone of times without an offset: the mapping's, the conference's, or Europe/Paris. */
function zoneOf(conferenceZone: string, opts: ScheduleOptions): { zone: string; note?: string } {
  if (opts.timezone !== undefined) return { zone: opts.timezone };
  if (conferenceZone === '') return { zone: PARIS };
  const zone = ianaZone(conferenceZone);
  if (zone !== undefined) return { zone };
  return { zone: PARIS, note: `time_zone_name "${conferenceZone}" is not a time zone Node knows; times without an offset are read in ${PARIS}` };
}

function talksToItems(talks: Talk[], zone: { zone: string; note?: string }, opts: ScheduleOptions, conference: ConferenceInfo): SourceRead {
  const notes: SourceRead['notes'] = zone.note ? [{ line: 0, message: zone.note }] : [];
  const out = opts.outputZone ?? zone.zone;
  const local = (epoch: number) => formatDateTime(wallTimeAt(epoch, out));
  const items = talks.map((t): SourceItem => {
    const key = t.guid !== '' ? `guid ${JSON.stringify(t.guid)}` : t.id !== '' ? `id ${JSON.stringify(t.id)}` : `without guid or id (${t.where})`;
    const label = `event ${key}${t.title !== '' ? ` (${JSON.stringify(t.title)})` : ''}`;
    const id = eventId(slugify(t.guid) || slugify(t.id), 6);
    const item: SourceItem = {
      line: t.line,
      label: t.line > 0 ? label : `${label} at ${t.where}`,
      id,
      fields: {},
      placeNote: 'a conference schedule does not say where the conference is',
      warnings: [],
    };
    const f = item.fields;
    if (t.title !== '') f.title = t.title;
    if (t.subtitle !== '') f.subtitle = t.subtitle;
    const description = t.abstract || t.description;
    if (description !== '') f.description = description;
    if (t.room !== '') f.venue = t.room;
    if (t.track !== '') f.category = t.track;
    if (t.type !== '') f.tags = [t.type];
    if (t.persons.length > 0) f.speakers = t.persons;
    if (t.url !== '') f.url = t.url;
    else if (opts.urlTemplate !== undefined && (t.id || t.guid) !== '') f.url = fillUrlTemplate(opts.urlTemplate, t.id || t.guid);
    if (t.language !== '') f.lang = t.language.replace(/_/g, '-').replace(/^[A-Za-z]+/, (p) => p.toLowerCase());

    const start = startOf(t, zone.zone);
    if ('error' in start) {
      item.skip = start.error;
      return item;
    }
    if (start.epoch === undefined) return item;
    f.start = local(start.epoch);
    // The conference day it belongs to, when not the date it starts (after midnight).
    const day = /^\d{4}-\d{2}-\d{2}$/.test(t.dayDate.slice(0, 10)) ? t.dayDate.slice(0, 10) : undefined;
    if (day !== undefined && day !== f.start.slice(0, 10)) f.day = day;
    if (t.duration !== '') {
      const minutes = durationMinutes(t.duration);
      if (minutes === undefined) item.warnings.push(`duration ${JSON.stringify(t.duration)} is not HH:MM; end left out`);
      else if (minutes > 0) f.end = local(start.epoch + minutes * 60_000);
    }
    return item;
  });
  return { items, notes, conference: { ...conference, ...(opts.timezone !== undefined ? { timezone: opts.timezone } : {}) } };
}

/**
 * The URL of an event from a template: "{id}" replaced by the id, percent-encoded
 * ("https://pretalx.example/conf/talk/{id}" → "…/talk/ABC123").
 */
export function fillUrlTemplate(template: string, id: string): string {
  return template.replaceAll('{id}', encodeURIComponent(id));
}

/** The start instant of a talk, undefined when it has none, or why it cannot be read. */
function startOf(t: Talk, zone: string): { epoch?: number } | { error: string } {
  if (t.date !== '' && /[T ]\d{2}:\d{2}/.test(t.date)) {
    const epoch = parseIsoDateTime(t.date, zone);
    if (epoch === undefined) return { error: `date ${JSON.stringify(t.date)} is not an ISO 8601 date and time` };
    return { epoch };
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(t.date) ? t.date : t.dayDate.slice(0, 10);
  if (t.start === '') return day === '' ? {} : { error: 'no start time (<start> is empty)' };
  const hm = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(t.start);
  if (!hm || Number(hm[1]) > 23 || Number(hm[2]) > 59) return { error: `start ${JSON.stringify(t.start)} is not a time HH:MM` };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { error: `start ${t.start} without a date (neither <date> nor the day's date)` };
  let date = day;
  // A talk after midnight belongs to the day that started the evening before.
  const dayStart = t.dayStart !== '' ? parseIsoDateTime(t.dayStart, zone) : undefined;
  if (dayStart !== undefined) {
    const ds = wallTimeAt(dayStart, zone);
    if (Number(hm[1]) * 60 + Number(hm[2]) < ds.hour * 60 + ds.minute) date = addDays(day, 1);
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const epoch = epochOf({ year: y, month: m, day: d, hour: Number(hm[1]), minute: Number(hm[2]), second: 0 }, zone);
  return { epoch };
}

/** Minutes of a duration "HH:MM" (hours may pass 24) or "HH:MM:SS"; undefined otherwise. */
export function durationMinutes(text: string): number | undefined {
  const m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return undefined;
  return Number(m[1]) * 60 + Number(m[2]) + Math.round(Number(m[3] ?? 0) / 60);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** The text of a value: a string or number as is, an element with attributes by its #text. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObject(v)) {
    if ('#text' in v) return textOf(v['#text']);
    // A name given per language (pretalx: { "en": "Main hall", "de": "Großer Saal" }): the first.
    const first = Object.entries(v).find(([k, x]) => !k.startsWith('@_') && typeof x === 'string' && x.trim() !== '');
    return first ? textOf(first[1]) : '';
  }
  return '';
}

/** Offsets where each line starts; CRLF, LF and a lone CR each end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}


/** The fields an event of schedule.xml and of schedule.json share, by the same names. */
function talkFields(ev: Record<string, unknown>, roomName: string) {
  return {
    date: textOf(ev['date']),
    start: textOf(ev['start']),
    duration: textOf(ev['duration']),
    room: textOf(ev['room']) || roomName,
    title: textOf(ev['title']),
    subtitle: textOf(ev['subtitle']),
    track: textOf(ev['track']),
    type: textOf(ev['type']),
    abstract: textOf(ev['abstract']),
    description: textOf(ev['description']),
    url: textOf(ev['url']),
  };
}

/**
 * The line of a path in a JSON file (1-based; 0 when unknown), for the import's report: JSON
 * is YAML 1.2, and the yaml library locates any node. Files of 20 MB or more are not located.
 */
function jsonLines(json: string): (path: (string | number)[]) => number {
  const lc = new LineCounter();
  const located = json.length < 20_000_000 ? parseDocument(json, { lineCounter: lc, version: '1.2', uniqueKeys: false, prettyErrors: false }) : undefined;
  return (path) => {
    if (located === undefined || located.errors.length > 0) return 0;
    const node = located.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lc.linePos(node.range[0]).line : 0;
  };
}
