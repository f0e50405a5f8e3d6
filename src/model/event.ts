import { z } from 'zod';
import { isDepartementCode } from './departements.js';
import { quote } from './errors.js';
import { FRANCE, countryName, isCountryCode } from './countries.js';

/**
 * A local date and time as authored in content: "2016-11-15 14:30" or a date alone
 * "2016-11-15" (an all-day event, or a festival whose hours are unknown). Times are
 * Europe/Paris wall-clock times; no offset is accepted, so a file means the same thing on
 * every machine.
 */
export const LocalDateTime = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'expected a date "YYYY-MM-DD" or a date and time "YYYY-MM-DD HH:MM"' });
  } else if (!isRealDateTime(s)) {
    ctx.addIssue({ code: 'custom', message: 'expected a real calendar date and a time from 00:00 to 23:59' });
  }
});

function isRealDateTime(s: string): boolean {
  const [date, time] = s.split(' ');
  const [y, m, d] = (date ?? '').split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return false;
  if (time === undefined) return true;
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return hh <= 23 && mm <= 59;
}

/**
 * Longest URL accepted: the most a QR code holds (version 40, byte mode, error correction H).
 * The size a document prints its code at sets a lower limit, checked by the build with the
 * theme and printer profile (src/preflight/qr.ts maxUrlLength), which states it.
 */
export const MAX_URL_LENGTH = 1273;

/**
 * An absolute http(s) URL, e.g. "https://mois-ess.example/evenements/her-01". A URL with
 * spaces, accents or an internationalised domain is encoded (percent-encoded path, punycode
 * host: WHATWG URL) so that every phone's QR reader opens the same page; others are kept
 * exactly as written.
 */
export const HttpUrl = z
  .string()
  .trim()
  .refine((s) => /^https?:\/\/[^\s/]+\.[^\s/]+/i.test(s.replace(/ /g, '%20')) && URL.canParse(s), {
    message: 'expected an absolute http(s) URL, e.g. "https://example.org/page"',
  })
  .transform((s) => (/[^\x21-\x7e]/.test(s) ? new URL(s).href : s))
  .refine((s) => s.length <= MAX_URL_LENGTH, {
    message: `expected a URL of at most ${MAX_URL_LENGTH} characters, the most a QR code holds (the size it is printed at allows fewer: the build says how many); use a shorter link or a redirect`,
  });

/** Printed text: trimmed, not empty, at most `max` characters. */
export const PrintText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'expected some text, received an empty value' })
    .max(max, { message: `expected at most ${max} characters: a longer text does not fit its frame` });

/** An INSEE département code, always a quoted string: "34", "2A", "971". */
export const DepartementCode = z.string().refine(isDepartementCode, {
  message: 'expected an INSEE département code such as "34", "2A" or "971"',
});

/**
 * Whether an event takes place as announced: `scheduled` (default), `cancelled`, `postponed`
 * (to a date not yet known) or `full` (no seats left). Cancelled and postponed events are
 * printed with a mark or left out, as the campaign's `cancelledEvents` says; a full event is
 * printed with a mark. None but scheduled events are put forward (tract, dossier).
 */
export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed', 'full'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EventStatusSchema = z.enum(EVENT_STATUSES, { message: `expected one of ${EVENT_STATUSES.join(', ')}` });

/**
 * The longest event id: the site writes `e/<id>/<id>.ics`, first under a temporary name
 * `.<id>.ics.<pid>-<n>.tmp` (src/write/atomic.ts), and a file name holds at most 255 bytes
 * (ext4, APFS, NTFS): 200 leaves room for the rest. The importers cut the ids they make to it.
 */
export const EVENT_ID_MAX = 200;

/** One event of the campaign, as authored in content/events/*.yaml. */
export const EventSchema = z.strictObject({
  /** Stable unique id, used in file names, the online URL and error messages. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected lower-case letters, digits and hyphens, e.g. "herault-03"' })
    .max(EVENT_ID_MAX, { message: `expected at most ${EVENT_ID_MAX} characters: the id names the event's files on the site (<id>.ics and a temporary name while it is written), and a file name holds at most 255 bytes` }),
  title: PrintText(160),
  /** A line under the title (a conference talk's subtitle), printed as such. */
  subtitle: PrintText(200).optional(),
  organiser: PrintText(160).optional(),
  /** The people who speak or perform, one name each: each is listed in the programme's index. */
  speakers: z.array(PrintText(80)).optional(),
  /** Start, local time (Europe/Paris). Optional only for sources that do not know it. */
  start: LocalDateTime.optional(),
  end: LocalDateTime.optional(),
  /**
   * The day of the programme it belongs to, when not the date of its start: a conference's
   * talk at 00:30 after a long evening stays under the evening's day ("2016-11-08").
   */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date "YYYY-MM-DD"' }).optional(),
  venue: z.string().min(1).optional(),
  address: z.string().min(1).optional(),
  /**
   * The commune (town). Optional only for an event whose place is not given beyond its venue
   * (a conference imported from its schedule: one place, its rooms as venues); such an event
   * has no département either and is filed under « Lieu non précisé ».
   */
  commune: z.string().min(1).optional(),
  /** INSEE département code: required for an event in France with a commune, refused for one abroad. */
  departement: DepartementCode.optional(),
  /** ISO 3166-1 alpha-2 code of the country, e.g. "DE", "BE"; France ("FR") when absent. */
  country: z.string().refine(isCountryCode, { message: 'expected an ISO 3166-1 country code in capitals, such as "FR", "DE", "BE" or "CH" (the United Kingdom is "GB")' }).optional(),
  /** A category shown above the title (e.g. the festival's domain). */
  category: z.string().min(1).optional(),
  description: PrintText(1200).optional(),
  /** The event's online details page, encoded in its QR code. No QR when absent. */
  url: HttpUrl.optional(),
  tags: z.array(z.string().min(1)).default([]),
  /** True for a free event. */
  free: z.boolean().optional(),
  /** The price as it should be printed, e.g. "5 €, gratuit pour les moins de 18 ans". */
  price: z.string().min(1).optional(),
  /** True when the regional chamber (Cress) organises or co-organises it. */
  coOrganised: z.boolean().default(false),
  /**
   * The language of its texts (BCP 47: "fr", "en", "de-DE"); the campaign's `lang` when
   * absent. French spacing and hyphenation apply to French texts only.
   */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { message: 'expected a language code such as "fr", "en" or "de-DE"' }).optional(),
  /** Whether it takes place as announced (see {@link EVENT_STATUSES}); scheduled when absent. */
  status: EventStatusSchema.optional(),
}).superRefine((e, ctx) => {
  const country = e.country ?? FRANCE;
  if (country === FRANCE && e.departement === undefined && e.commune !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['departement'], message: 'an event in France needs its département, e.g. departement: "34" (for an event abroad, give its country, e.g. country: DE)' });
  }
  if (country !== FRANCE && e.departement !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['departement'], message: `a département is French, and this event is in ${countryName(country)} (country: ${country}): remove the département, or the country if the event is in France` });
  }
  if (e.commune === undefined && e.country !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['commune'], message: `an event in ${countryName(country)} (country: ${country}) needs its commune (town)` });
  }
  if (e.end !== undefined && e.start === undefined) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'an end without a start: add the start' });
  }
  if (e.free === true && e.price !== undefined && !/^0+([.,]0+)?\s*€?$/.test(e.price.trim())) {
    ctx.addIssue({ code: 'custom', path: ['price'], message: `a free event has no price, received ${quote(e.price)} with free: true` });
  }
});

/** A file under content/events/: a list of events. */
export const EventFileSchema = z.strictObject({
  events: z.array(EventSchema),
});

export type CampaignEvent = z.infer<typeof EventSchema>;
export type EventFile = z.infer<typeof EventFileSchema>;
