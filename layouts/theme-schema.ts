/**
 * The theme's schema: every token a theme file (themes/<name>.yaml) may set, with its unit
 * and bounds. The single source of the `Theme` type the components read (layouts/theme.ts).
 *
 * To add a block (e.g. the programme's event card), add a key to `themeSchema` below: its
 * type follows, theme files are checked against it (unknown keys refused, with the nearest
 * known one as a hint), and the shipped themes must then set it (or `.default()` it).
 *
 * Units: type sizes and leading in pt; distances in mm; rule weights in pt; colours as CMYK
 * percentages for print, with the screen sRGB either given (`rgb: "#rrggbb"`, the designer's
 * screen proof) or computed through the output ICC profile when the theme is loaded
 * (src/load/theme.ts). After loading, every colour has both.
 */
import { z } from 'zod';

/** CMYK percentages, each 0–100: [cyan, magenta, yellow, black]. */
export const cmykSchema = z.custom<[number, number, number, number]>(
  (v) => Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 100),
  { message: 'expected 4 percentages 0–100' },
);

/** An sRGB hex colour, "#rrggbb". */
export const rgbSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected an sRGB hex colour "#rrggbb"' });

/**
 * A colour: exact CMYK for print, and the sRGB for screen. In a theme file `rgb` may be left
 * out: the loader computes it from the CMYK through the output ICC profile before this schema
 * checks the theme, so that a loaded theme always has both.
 */
export const colourSchema = z
  .strictObject({
    /**
     * Cyan, magenta, yellow, black in percent (0–100), e.g. [0, 80, 100, 0]; for a spot
     * colour, the CMYK alternate of the ink at full strength (the printer's swatch book gives it).
     */
    cmyk: cmykSchema,
    /** sRGB for screen, "#rrggbb". */
    rgb: rgbSchema,
    /**
     * A spot ink's name, e.g. "PANTONE 1665 C": print files write the colour as a Separation
     * colour space (its own plate) with `cmyk` as its alternate, unless the printer profile
     * converts spots (`spots: convert`); screen files use the RGB.
     */
    spot: z.string().trim().min(1, { message: 'expected the spot ink\'s name, e.g. "PANTONE 1665 C"' }).max(127, { message: 'expected a spot ink name of at most 127 characters (a PDF name)' }).optional(),
    /** A tint of the spot ink, % (1–100; 100 when absent): printed as that share of the ink. */
    tint: z.number({ message: 'expected a percentage 1–100' }).min(1, { message: 'expected a percentage 1–100' }).max(100, { message: 'expected a percentage 1–100' }).optional(),
  })
  .refine((c) => c.tint === undefined || c.spot !== undefined, { message: 'tint is a share of a spot ink: give its spot name too, or write the tint as CMYK', path: ['tint'] });

/** A font file of the theme. */
export const fontFaceSchema = z.strictObject({
  /** File name under assets/fonts/ (OTF or TTF), e.g. "Inter-Regular.otf". */
  file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(otf|ttf|OTF|TTF)$/, { message: 'expected a font file name under assets/fonts/ ending in .otf or .ttf, e.g. "Inter-Regular.otf"' }),
  fontWeight: z.union([z.literal(100), z.literal(200), z.literal(300), z.literal(400), z.literal(500), z.literal(600), z.literal(700), z.literal(800), z.literal(900)], { message: 'expected a font weight: 100, 200 … 900' }),
  fontStyle: z.enum(['normal', 'italic']),
});

/** A font family's name: any text but a blank one (names of PDF standard fonts are refused by src/load/theme.ts). */
const familyName = z.string().refine((s) => s.trim().length > 0, { message: 'expected the name of a family of fonts.faces, e.g. "Inter"' });

/** A step of the type scale: [size, leading], both in pt. */
const step = z.tuple([z.number().positive().max(400), z.number().positive().max(400)]);

/** Page margins of one document, in mm. Booklet inside/outside swap by page parity. */
const margins = z.strictObject({ top: z.number().min(0).max(100), bottom: z.number().min(0).max(100), inside: z.number().min(0).max(100), outside: z.number().min(0).max(100) });

/** A QR code's printed size (the symbol without its quiet zone), in mm. */
const qrSize = z.number().positive().max(200);

/** Every token of a theme. */
/** A field of the programme's event card (theme.card.fields). */
const cardField = z.enum(['category', 'when', 'title', 'place', 'description', 'tags', 'footer']);

/** How a card field is set: a step of the type scale, weight, italic, colour (or `section`), capitals, letter spacing in pt. */
const fieldStyle = z.strictObject({
  step: z.enum(['caption', 'small', 'body', 'lead', 'eventTitle', 'h3']),
  weight: z.union([z.literal(400), z.literal(600), z.literal(700)]),
  italic: z.boolean().optional(),
  colour: z.enum(['section', 'text', 'muted', 'ink', 'brand']),
  uppercase: z.boolean().optional(),
  letterSpacing: z.number().min(0).max(5).optional(),
});

/** A copyfit range: from `min` to `max` in steps of `step` (units of the setting). */
const fitRange = z.strictObject({ min: z.number(), max: z.number(), step: z.number().positive() }).refine((r) => r.min <= r.max, { message: 'expected min ≤ max' });

/** A setting copyfitting may move. */
const fitSetting = z.enum(['cardPadding', 'cardGaps', 'leading', 'bodySize', 'titleSize', 'qrSize', 'columns']);

const gapMm = z.number().min(0).max(30);

/** A distance in mm. */
const mm = z.number().min(0).max(500);
/** A share of a width, 0–1. */
const share = z.number().min(0).max(1);
/** Letter spacing, pt. */
const tracking = z.number().min(0).max(10);
/** A line of the table of contents: padding above and below; the section's badge (width, height) and its gap from the name; the page number's column, mm. */
const contentsLine = z.strictObject({ padding: mm, badge: z.strictObject({ width: mm, height: mm }), badgeGap: mm, pageWidth: mm });

export const themeSchema = z.strictObject({
  colours: z.strictObject({
    /** Campaign brand colour. */
    brand: colourSchema,
    /** Covers and headings on light paper. */
    ink: colourSchema,
    /** Text. */
    text: colourSchema,
    /** Secondary text (venue, organiser). */
    muted: colourSchema,
    /** Hairlines and rules. */
    rule: colourSchema,
    /** Paper. */
    paper: colourSchema,
    /** Tinted panels. */
    tint: colourSchema,
    /** The period on the brand colour (affiche, tract, dossier cover). */
    onBrand: colourSchema,
    /** Registration (all four inks): crop marks and the slug line only, outside the trim. */
    registration: colourSchema,
    /** The motif's bright triangles (covers, affiche). Not for text. */
    sun: colourSchema,
    magenta: colourSchema,
    /**
     * The brand colour darkened for small text on paper and tints (dates, links, kickers
     * under 14 pt bold): at least 4.5 : 1 on paper (WCAG 2.1 SC 1.4.3).
     */
    brandText: colourSchema,
    /** Links and accents on the ink colour (the programme's back cover band): at least 4.5 : 1 on ink. */
    onInk: colourSchema,
  }),
  /** One colour per section (département), used in turn. */
  sectionColours: z.array(colourSchema).min(1),
  /**
   * The darker text variant of each section colour, in the same order: for section colours
   * set small on paper (cards' dates and categories, contents' page numbers), at least
   * 4.5 : 1 on paper. A section without one prints its text in its section colour.
   */
  sectionText: z.array(colourSchema).default([]),
  fonts: z.strictObject({
    /** Text family: faces 400 normal, 400 italic, 600 and 700 normal are used. */
    family: familyName,
    /** Display family (titles, figures): faces 700 and 900 normal are used. */
    display: familyName,
    /** The font files of each family (a blank family name is refused by src/load/theme.ts, at its key). */
    faces: z.record(z.string(), z.array(fontFaceSchema).min(1)),
  }),
  /** Type scale in pt: [size, leading]. */
  type: z.strictObject({
    folio: step,
    caption: step,
    small: step,
    body: step,
    lead: step,
    eventTitle: step,
    h3: step,
    h2: step,
    h1: step,
    display: step,
    poster: step,
    posterRegion: step,
    posterLabel: step,
    posterCount: step,
    slug: step,
    pressCover: step,
    pressHeading: step,
    pressList: step,
  }),
  /** Distances in mm. */
  space: z.strictObject({ xs: z.number().min(0), sm: z.number().min(0), md: z.number().min(0), lg: z.number().min(0), xl: z.number().min(0) }),
  /** Page margins per document, in mm. */
  margins: z.strictObject({ programme: margins, affiche: margins, flyer: margins, dossier: margins }),
  /** Letter spacing in pt of the text set in capitals or spaced out (its ligatures off). */
  tracking: z.strictObject({
    /** Small capitals labels: running heads' sections, key figures' labels, partners' title, press contact. */
    label: tracking,
    /** The event count under a section header's name. */
    sectionCount: tracking,
    /** The edition line of the programme's cover, the tract's and the dossier's. */
    edition: tracking,
    /** The affiche's edition line (at A3; scaled with the poster). */
    posterEdition: tracking,
    /** The dossier's chapter kickers (« Communiqué »). */
    kicker: tracking,
    /** « Dossier de presse » on the dossier's cover. */
    pressCover: tracking,
  }),
  /** The slug line (print files with crop marks): outside the trim, set in `type.slug`. */
  slugLine: z.strictObject({
    /** From the trim's left (and right) edge, clear of the crop marks, mm. */
    indent: mm,
    /** Its foot below the middle of the slug, pt. */
    drop: z.number().min(-20).max(20),
  }),
  /** The programme booklet: its grid, its running heads and folios, and its other pages. Distances in mm. */
  programme: z.strictObject({
    /** 1, 2 or "auto" (whichever needs fewer pages). */
    columns: z.union([z.literal(1), z.literal(2), z.literal('auto')]),
    /** Between columns, mm. */
    gutter: z.number().min(0).max(50),
    /** Above a département that opens mid-page, mm. */
    sectionGap: z.number().min(0).max(100),
    /** true: each département opens a new page. */
    sectionStartsPage: z.boolean(),
    runningHead: z.strictObject({
      /** Its top above the text area's top (in the top margin), mm. */
      offset: mm,
      /** Between its text and its hairline, mm. */
      ruleGap: mm,
      /** The section's share of the measure (the campaign's name takes the rest), 0–1. */
      sectionShare: share,
    }),
    folio: z.strictObject({
      /** The page number's foot below the text area's foot (in the bottom margin), mm. */
      offset: mm,
    }),
    cover: z.strictObject({
      /** The title block below the top margin, mm. */
      top: mm,
      /** Both blocks inside the outside margin, mm. */
      side: mm,
      /** The foot block (« Programme », the count, the tagline) above the bottom margin, mm. */
      foot: mm,
    }),
    /** A département's opening: the badge with its code, its name and count. */
    sectionHeader: z.strictObject({
      /** Width of the badge (room for « 971 » in `type.h1`), mm. */
      badgeWidth: mm,
      /** Above and below the code in its badge, mm. */
      badgePadding: z.strictObject({ top: mm, bottom: mm }),
      /** The name and count above the badge's foot, mm. */
      textRaise: mm,
    }),
    /** The table of contents: a roomy line each up to 10 sections, two compact columns for more. */
    contents: z.strictObject({ roomy: contentsLine, compact: contentsLine }),
    index: z.strictObject({
      /** The band at the top of each index page for its title (« Index », « Communes (suite) »), mm. */
      titleBand: mm,
      /** Above and below each line, mm. */
      linePadding: mm,
      /** The square in the département's colour: its side, its drop from the line's top, the gap after it, mm. */
      marker: z.strictObject({ size: mm, drop: mm, gap: mm }),
      /** Entries kept under a heading in its column (« Organisateurs » never at a column's foot with fewer). */
      keepWithHeading: z.number().int().min(1).max(10),
      /** The widest the page numbers may be (a longer list wraps), and their gap from the name, mm. */
      pagesWidth: mm,
      pagesGap: mm,
    }),
    introduction: z.strictObject({
      /** The column of the objectives' bullets (›), mm. */
      bulletWidth: mm,
    }),
    /** The « Notes » pages that pad the booklet to a multiple of 4. */
    notes: z.strictObject({
      /** Number of ruled lines. */
      lines: z.number().int().min(0).max(60),
      /** Between two rules, mm. */
      ruleSpacing: mm,
    }),
    backCover: z.strictObject({
      /** The dark band (title, URL, QR code) below the top margin, mm. */
      band: mm,
      /** Partners' logos: height, and the width of the name beside each, mm. */
      logoHeight: mm,
      partnerNameWidth: mm,
    }),
  }),
  /** The affiche, at A3: every distance scales with the poster's width (A2, 40 × 60 cm). Distances in mm. */
  affiche: z.strictObject({
    /** The paper band at the foot (QR code, partners), and the gap each side of its top edge (the list above, the QR code below), mm. */
    band: z.strictObject({ height: mm, gap: mm }),
    /** The event count: the gap between figure and label, and how far the label's foot rises off the figure's, mm (both scale with the figure). */
    count: z.strictObject({ gap: mm, raise: mm }),
    /** The list of départements. */
    departements: z.strictObject({
      /** Listed one by one up to this many (more: their number only, too small to read from a distance). */
      listed: z.number().int().min(0).max(200),
      /** In one column up to this many, then two. */
      oneColumn: z.number().int().min(1).max(200),
      /** Width of a one-column list, as a share of the text area's, 0–1. */
      width: share,
      /** Between two columns, mm. */
      columnGap: mm,
      /** Above and below each name, mm. */
      rowPadding: mm,
      /** Room kept for the count right of each name, and its gap from the name, mm. */
      countWidth: mm,
      countGap: mm,
    }),
    /** The QR code's block (code and address) in the band: its width and the gap between code and text, mm. */
    qr: z.strictObject({ block: mm, gap: mm }),
    /** The partners right of the QR block: their gap from it, logos' height, names' width, mm. */
    partners: z.strictObject({ gap: mm, logoHeight: mm, nameWidth: mm }),
    /** The organiser line's foot below the text area's foot, mm. */
    organiserOffset: mm,
  }),
  /** The tract (recto and verso, A5). Distances in mm. */
  flyer: z.strictObject({
    /** The recto's title block below the top margin, mm. */
    top: mm,
    /** The verso's brand band at the head, mm (the bleed added). */
    band: mm,
    /** The verso's foot panel: its padding, the gap between QR code and text, the organiser's space above, mm. */
    foot: z.strictObject({ padding: mm, qrGap: mm, organiserGap: mm }),
  }),
  /** The dossier de presse (A4). Distances in mm. */
  dossier: z.strictObject({
    cover: z.strictObject({
      /** The title block below the top margin, the contact panel above the bottom margin, mm. */
      top: mm,
      bottom: mm,
      /** The press contact panel: width, padding, space under the press conference line, mm. */
      contact: z.strictObject({ width: mm, padding: mm, gap: mm }),
    }),
    page: z.strictObject({
      /** The brand tab at the head of each page (height without the bleed), mm. */
      tab: z.strictObject({ width: mm, height: mm }),
      /** The foot line (campaign, folio): its rule below the text area's foot, and its text below the rule, mm. */
      footer: z.strictObject({ offset: mm, ruleGap: mm }),
    }),
    /** Bulleted lists and the prize's list of companies: the bullet's column and the space after each item, mm. */
    list: z.strictObject({ bulletWidth: mm, gap: mm }),
    /** The bar chart: its labels' column, the room for the value after the longest bar, a bar's height, the value's gap from its bar, mm. */
    chart: z.strictObject({ labelWidth: mm, valueWidth: mm, barHeight: mm, valueGap: mm }),
    /** The chamber's share: the donut's diameter and its gap from the figure, mm. */
    share: z.strictObject({ donut: mm, gap: mm }),
    /** The prize: the category panels' gap and padding; the companies' name column; the outcome's space above, mm. */
    prize: z.strictObject({ gap: mm, padding: mm, nameWidth: mm, outcomeGap: mm }),
    /** Partners: logos' height and the width of each name, mm. */
    partners: z.strictObject({ logoHeight: mm, nameWidth: mm }),
  }),
  /** A key figure (tract, dossier): a big number over its label. */
  keyFigure: z.strictObject({
    /** The space right of and below each figure, mm. */
    gapRight: mm,
    gapBelow: mm,
    /** The number's line height, as a multiple of its size (tighter than the type scale's). */
    leading: z.number().positive().max(3),
    /** The most figures to a row of equal columns (the dossier's key figures, print run); more wrap. */
    perRow: z.number().int().min(1).max(8),
  }),
  /** Safe area: text, logos and QR codes stay this far inside the trim, in mm. */
  safeArea: z.number().min(0).max(30),
  /** Rule weights in pt. */
  rules: z.strictObject({ hairline: z.number().positive(), regular: z.number().positive(), bold: z.number().positive() }),
  /** QR codes: printed size of the symbol (without its quiet zone), in mm; error correction level. */
  qr: z.strictObject({ eventSize: qrSize, columnSize: qrSize, posterSize: qrSize, flyerSize: qrSize, errorCorrection: z.enum(['L', 'M', 'Q', 'H']) }),
  /** The programme's event card (see themes/languedoc-roussillon.yaml). Distances in mm. */
  card: z.strictObject({
    variant: z.enum(['compact', 'standard', 'detailed']),
    padding: z.strictObject({ top: gapMm, bottom: gapMm, first: gapMm }),
    fields: z.array(cardField).min(1).refine((f) => f.includes('title'), { message: 'expected the title among the fields: a card without it cannot be found in the programme' }),
    gap: z.strictObject({ category: gapMm, when: gapMm, title: gapMm, place: gapMm, description: gapMm, tags: gapMm, footer: gapMm }),
    style: z.strictObject({ category: fieldStyle, when: fieldStyle, title: fieldStyle, place: fieldStyle, description: fieldStyle, tags: fieldStyle, organiser: fieldStyle, price: fieldStyle, coOrganised: fieldStyle }),
    date: z.strictObject({ departement: z.enum(['full', 'time']), day: z.enum(['full', 'time']), venue: z.enum(['full', 'time']), category: z.enum(['full', 'time']) }),
    qr: z.strictObject({ place: z.enum(['right', 'left', 'under']), columns: z.enum(['under', 'beside']), gap: z.number().min(1.5).max(30), raise: z.number().min(0).max(10) }),
  }),
  /** Copyfitting the programme to its page budget: the settings that may move, their order and bounds. */
  copyfit: z.strictObject({
    order: z.array(fitSetting),
    cardPadding: fitRange,
    cardGaps: fitRange,
    leading: fitRange,
    bodySize: fitRange,
    titleSize: fitRange,
    qrSize: fitRange,
    /** The most space added between two cards to fill a page, mm. */
    maxGap: z.number().min(0).max(100),
  }),
});

/** Every token of a loaded theme. */
export type Theme = z.infer<typeof themeSchema>;
/** A colour of a loaded theme: CMYK and sRGB. */
export type Colour = z.infer<typeof colourSchema>;
/** A font file of a theme. */
export type FontFace = z.infer<typeof fontFaceSchema>;
/** A field of the programme's event card. */
export type CardField = z.infer<typeof cardField>;
/** How a card field is set. */
export type FieldStyle = z.infer<typeof fieldStyle>;
/** A setting copyfitting may move. */
export type FitSetting = z.infer<typeof fitSetting>;
/** The name of a theme colour (`ink(name)`). */
export type ColourName = keyof Theme['colours'];

/**
 * The faces the components ask of each family (layouts/styles.ts, layouts/fit.ts), with what
 * uses them: a theme must list a file for each.
 */
export const REQUIRED_FACES: { family: 'family' | 'display'; fontWeight: number; fontStyle: 'normal' | 'italic'; usedBy: string }[] = [
  { family: 'family', fontWeight: 400, fontStyle: 'normal', usedBy: 'body text' },
  { family: 'family', fontWeight: 400, fontStyle: 'italic', usedBy: 'organisers, taglines' },
  { family: 'family', fontWeight: 600, fontStyle: 'normal', usedBy: 'the cards’ dates and places, periods, running heads' },
  { family: 'family', fontWeight: 700, fontStyle: 'normal', usedBy: 'event titles, page numbers' },
  { family: 'display', fontWeight: 700, fontStyle: 'normal', usedBy: 'regions, headings' },
  { family: 'display', fontWeight: 900, fontStyle: 'normal', usedBy: 'campaign names, section headers, figures' },
];
