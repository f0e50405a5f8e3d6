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
export const colourSchema = z.strictObject({
  /** Cyan, magenta, yellow, black in percent (0–100), e.g. [0, 80, 100, 0]. */
  cmyk: cmykSchema,
  /** sRGB for screen, "#rrggbb". */
  rgb: rgbSchema,
});

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
  }),
  /** One colour per section (département), used in turn. */
  sectionColours: z.array(colourSchema).min(1),
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
  /** Programme grid. */
  programme: z.strictObject({
    /** 1, 2 or "auto" (whichever needs fewer pages). */
    columns: z.union([z.literal(1), z.literal(2), z.literal('auto')]),
    /** Between columns, mm. */
    gutter: z.number().min(0).max(50),
    /** Above a département that opens mid-page, mm. */
    sectionGap: z.number().min(0).max(100),
    /** true: each département opens a new page. */
    sectionStartsPage: z.boolean(),
  }),
  /** Safe area: text, logos and QR codes stay this far inside the trim, in mm. */
  safeArea: z.number().min(0).max(30),
  /** Rule weights in pt. */
  rules: z.strictObject({ hairline: z.number().positive(), regular: z.number().positive(), bold: z.number().positive() }),
  /** QR codes: printed size of the symbol (without its quiet zone), in mm; error correction level. */
  qr: z.strictObject({ eventSize: qrSize, posterSize: qrSize, flyerSize: qrSize, errorCorrection: z.enum(['L', 'M', 'Q', 'H']) }),
  /** The programme's event card (see themes/languedoc-roussillon.yaml). Distances in mm. */
  card: z.strictObject({
    variant: z.enum(['compact', 'standard', 'detailed']),
    padding: z.strictObject({ top: gapMm, bottom: gapMm, first: gapMm }),
    fields: z.array(cardField).min(1).refine((f) => f.includes('title'), { message: 'expected the title among the fields: a card without it cannot be found in the programme' }),
    gap: z.strictObject({ category: gapMm, when: gapMm, title: gapMm, place: gapMm, description: gapMm, tags: gapMm, footer: gapMm }),
    style: z.strictObject({ category: fieldStyle, when: fieldStyle, title: fieldStyle, place: fieldStyle, description: fieldStyle, tags: fieldStyle, organiser: fieldStyle, price: fieldStyle, coOrganised: fieldStyle }),
    date: z.strictObject({ departement: z.enum(['full', 'time']), day: z.enum(['full', 'time']), venue: z.enum(['full', 'time']), category: z.enum(['full', 'time']) }),
    qr: z.strictObject({ place: z.enum(['right', 'left', 'under']), gap: z.number().min(1.5).max(30), raise: z.number().min(0).max(10) }),
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
