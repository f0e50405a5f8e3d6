import { z } from 'zod';
import { HttpUrl } from './event.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date "YYYY-MM-DD"' });
/** Whether a text has something to print once spaces and invisible characters are set aside. */
const visible = (s: string) => s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').trim().length > 0;
const EMPTY = { message: 'expected some text, received an empty value (or only spaces and invisible characters)' };
/** Printed text: trimmed, with something to print. */
const Text = z.string().trim().refine(visible, EMPTY);
/**
 * A cover line (the campaign's name, region, tagline): as Text, at most `max` characters. The
 * covers set the name and region smaller when a word is too wide, but a longer text pushes
 * the lines below it into the rest of the cover.
 */
const CoverText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `expected at most ${max} characters: a longer text does not fit the covers (affiche, tract, programme, dossier de presse)` })
    .refine(visible, EMPTY);

/** A partner shown on the back cover, the affiche and the dossier de presse. */
export const PartnerSchema = z.strictObject({
  name: Text,
  /** Logo file, relative to the campaign folder (the one holding campaign.yaml), e.g. "assets/logos/banque.svg" (SVG, PNG or JPEG). */
  logo: Text.optional(),
});

/** A company entered for the prize. */
export const EntrantSchema = z.strictObject({
  name: Text,
  /** Its legal form or status, e.g. "Entreprise d'insertion". */
  kind: Text.optional(),
  commune: Text.optional(),
});

/** The prize run alongside the campaign (Prix de l'ESS). */
export const PrizeSchema = z.strictObject({
  name: Text,
  /** Which year the prize runs, e.g. 2 for its 2nd edition. */
  edition: z.number().int().positive().optional(),
  objectives: z.array(Text).default([]),
  categories: z.array(z.strictObject({ name: Text, amount: z.number().nonnegative() })).min(1),
  benefits: z.array(Text).default([]),
  applications: z
    .strictObject({ national: z.number().int().nonnegative(), regional: z.number().int().nonnegative(), deadline: IsoDate.optional() })
    .optional(),
  preselected: z.array(EntrantSchema).default([]),
  laureates: z.array(EntrantSchema).default([]),
  /** One sentence on the region's result. */
  outcome: Text.optional(),
});

/**
 * Where the campaign's website (out/site/) is published: an absolute http(s) address of a
 * folder, e.g. "https://mois-ess.example.org/" (a trailing "/" is added when missing). No
 * query, fragment, user or password: event pages are at `<baseUrl>e/<id>/`.
 */
export const SiteBaseUrl = z
  .string()
  .trim()
  .refine(
    (s) => {
      if (!URL.canParse(s)) return false;
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.') && !u.search && !u.hash && !u.username && !u.password && !/\s/.test(s);
    },
    { message: 'expected the absolute http(s) address where out/site/ is published, with no query (?) nor fragment (#), e.g. "https://mois-ess.example.org/"' },
  )
  .transform((s) => new URL(s.endsWith('/') ? s : `${s}/`).href)
  .refine((s) => s.length <= 200, { message: 'expected an address of at most 200 characters: every event\'s QR code holds it' });

/** What each event's QR code points to: its page on the campaign's site, or its own `url`. */
export const QR_TARGETS = ['site', 'event-url'] as const;
export type QrTarget = (typeof QR_TARGETS)[number];

/** content/campaign.yaml: everything about the campaign that is not an event. */
export const CampaignSchema = z.strictObject({
  /** e.g. "Mois de l'ESS". */
  name: CoverText(60),
  /**
   * The article the name takes in a sentence: « le Mois de l’ESS », « la Semaine du vélo »,
   * « les Festivals en Occitanie », « l’Été solidaire ». Left out, it is derived from the
   * name (src/derive/french.ts nameArticle: « l’ » before a vowel, « les » before a plural
   * first word, else « le »).
   */
  article: z.preprocess((v) => (v === "l'" ? 'l’' : v), z.enum(['le', 'la', 'les', 'l’']).optional()),
  /** Edition number, e.g. 10. */
  edition: z.number().int().positive().optional(),
  region: CoverText(60),
  /** Inclusive period, e.g. 2016-11-01 … 2016-11-30. */
  period: z.strictObject({ start: IsoDate, end: IsoDate }),
  tagline: CoverText(160).optional(),
  /**
   * The language of the campaign's texts and, unless an event says otherwise (its `lang`),
   * of its events (BCP 47: "fr", "en", "de"…). French spacing and hyphenation apply to
   * French text only; other languages get their own hyphenation patterns (en, de, es, it, ca).
   */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { message: 'expected a language code such as "fr", "en" or "de-DE"' }).default('fr'),
  /**
   * The IANA time zone of the events' times (« America/Montreal »): the times in content are
   * wall-clock times there. Europe/Paris when absent. An import converts the source's times to it.
   */
  timezone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, { message: 'expected an IANA time zone such as "Europe/Paris" or "America/Montreal"' })
    .optional(),
  organiser: z.strictObject({ name: Text, address: Text.optional(), website: HttpUrl.optional() }),
  /** The online programme, encoded in the QR code of the affiche and the tract. */
  programmeUrl: HttpUrl.optional(),
  /** Paragraphs of the programme's introduction. */
  introduction: z.array(Text).default([]),
  objectives: z.array(Text).default([]),
  organisation: z
    .strictObject({
      regionalCommittee: z.strictObject({ name: Text, description: Text }),
      territorialCommittees: z.strictObject({ count: z.number().int().nonnegative(), description: Text }),
    })
    .optional(),
  communication: z
    .strictObject({
      pressConference: z.strictObject({ date: IsoDate, commune: Text, venue: Text.optional() }),
      actions: z.array(Text).default([]),
    })
    .optional(),
  /** Copies printed per document. */
  printRun: z
    .strictObject({
      affiche: z.number().int().nonnegative(),
      programme: z.number().int().nonnegative(),
      tract: z.number().int().nonnegative(),
      dossierDePresse: z.number().int().nonnegative(),
    })
    .optional(),
  /**
   * The campaign's theme: a name of the campaign folder's themes/ (then encre's own), or the
   * path of a .yaml theme file relative to the campaign folder. `--theme` overrides it;
   * "languedoc-roussillon" when neither says.
   */
  theme: z.string().trim().min(1, { message: 'expected a theme name (a file of themes/) or the path of a .yaml file' }).optional(),
  partners: z.array(PartnerSchema).default([]),
  prize: PrizeSchema.optional(),
  pressContact: z
    .strictObject({ name: Text, email: z.email().optional(), phone: Text.optional(), address: Text.optional() })
    .optional(),
  /**
   * Cancelled and postponed events: `mark` (default) prints them with a visible mark
   * (« Annulé », « Reporté »), `omit` leaves them out of every document and lists them in the
   * build log and out/preflight.json (`omitted`). Never among the tract's highlights.
   */
  cancelledEvents: z.enum(['mark', 'omit'], { message: 'expected mark (printed with a mark) or omit (left out and listed in the build report)' }).default('mark'),
  /**
   * Characters that no font prints (neither the theme's nor the fallbacks: Noto Emoji,
   * Liberation Sans): `drop` (default) leaves them out, with a warning naming each and where
   * it is (import report, build log, out/preflight.json); `refuse` stops the import and the
   * build with a located error.
   */
  unprintable: z.enum(['drop', 'refuse'], { message: 'expected drop (left out with a warning) or refuse (an error)' }).default('drop'),
  /** Event ids shown on the tract, in order. */
  highlights: z.array(Text).default([]),
  /**
   * The printer profile of the print files (printers/<name>.yaml: offset, offset-uncoated,
   * offset-recycled, digital), the campaign's paper; `--printer` on the command line wins.
   */
  printer: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected the name of a printer profile of printers/, e.g. offset-recycled' }).optional(),
  /** How the programme is organised: sections per département (default), day, venue or category. */
  programme: z
    .strictObject({
      groupBy: z.enum(['departement', 'day', 'venue', 'category']).default('departement'),
      /**
       * The page budget (the printer's quote): a multiple of 4, or `fewest`. encre copyfits
       * the booklet to it (theme.copyfit); without it, to the natural multiple of 4.
       */
      pages: z
        .union([
          z.literal('fewest'),
          z.number({ message: 'expected a number of pages (a multiple of 4) or fewest' }).int({ message: 'expected a whole number of pages' }).min(8, { message: 'expected at least 8 pages (cover, contents, events, back cover)' }).multipleOf(4, { message: 'expected a multiple of 4: a saddle-stitched booklet is made of sheets of 4 pages (e.g. 24, 28, 32)' }),
        ], { message: 'expected a number of pages (a multiple of 4, e.g. 24) or fewest' })
        .optional(),
    })
    .default({ groupBy: 'departement' }),
  /** Who published the data, printed on the back cover (open data attribution). */
  credits: Text.optional(),
  /**
   * The campaign's static website (`encre site`, and `encre build` with the programme):
   * `baseUrl` is where out/site/ is published; every event's page is `<baseUrl>e/<id>/`.
   */
  site: z.strictObject({ baseUrl: SiteBaseUrl }).optional(),
  /**
   * The QR codes: `target: site` (the default when `site` is declared) points every event's
   * code to its page on the site, events without a `url` included; `event-url` to the
   * event's own `url` (no code without one).
   */
  qr: z.strictObject({ target: z.enum(QR_TARGETS, { message: `expected one of ${QR_TARGETS.join(', ')}` }) }).optional(),
}).superRefine((c, ctx) => {
  if (c.qr?.target === 'site' && !c.site) {
    ctx.addIssue({ code: 'custom', path: ['qr', 'target'], message: 'qr.target is site, but the campaign declares no site' });
  }
});

/**
 * What the events' QR codes point to: `qr.target`, or `site` when the campaign has a site,
 * `event-url` otherwise.
 */
export function qrTarget(c: Pick<Campaign, 'qr' | 'site'>): QrTarget {
  return c.qr?.target ?? (c.site ? 'site' : 'event-url');
}

/** The address of an event's page on the campaign's site: `<baseUrl>e/<id>/`. */
export function siteEventUrl(baseUrl: string, id: string): string {
  return `${baseUrl}e/${id}/`;
}

export type Campaign = z.infer<typeof CampaignSchema>;
export type Partner = z.infer<typeof PartnerSchema>;
export type Prize = z.infer<typeof PrizeSchema>;
