/**
 * The designer's tokens: every colour, font, size and distance the four documents use.
 * Change the look here, not in the components.
 *
 * Units: type sizes and leading in pt; distances in mm (converted by the components
 * through `mm()`); colours as pairs — exact CMYK percentages for print and an sRGB hex
 * for screen (the RGB is the designer's screen proof, not a conversion).
 */
import type { CardField, Colour, FieldStyle, FitSetting, FontFace } from '../theme.js';

/** The 2016 Languedoc-Roussillon campaign: the orange of the Mois de l'ESS. The default theme. */
export const languedocRoussillon = {
  colours: {
    /** Campaign brand colour: the orange of the Mois de l'ESS. */
    brand: { cmyk: [0, 80, 100, 0], rgb: '#e8542a' },
    /** Deep plum for covers and headings on light paper. */
    ink: { cmyk: [70, 100, 20, 30], rgb: '#4a1f4f' },
    /** Text black: 100 % K only. */
    text: { cmyk: [0, 0, 0, 100], rgb: '#1d1d1b' },
    /** Secondary text (venue, organiser): 70 % K. */
    muted: { cmyk: [0, 0, 0, 70], rgb: '#575756' },
    /** Hairlines and rules: 25 % K. */
    rule: { cmyk: [0, 0, 0, 25], rgb: '#c6c6c5' },
    /** Paper. */
    paper: { cmyk: [0, 0, 0, 0], rgb: '#ffffff' },
    /** Tinted panels: 8 % of the brand. */
    tint: { cmyk: [0, 8, 10, 0], rgb: '#fcefe8' },
    /**
     * The period on the brand colour (affiche, tract, dossier cover): the deep plum, 3.6 : 1
     * against the orange (WCAG 2's 3 : 1 for large type).
     */
    onBrand: { cmyk: [70, 100, 20, 30], rgb: '#4a1f4f' },
    /** Registration (all four inks): crop marks and the slug line only, outside the trim. */
    registration: { cmyk: [100, 100, 100, 100], rgb: '#0a0a0a' },
    /** The motif's bright triangles (covers, affiche): sun yellow and magenta. Not for text. */
    sun: { cmyk: [0, 35, 100, 0], rgb: '#f7aa00' },
    magenta: { cmyk: [0, 100, 40, 10], rgb: '#c8004f' },
  } satisfies Record<string, Colour>,
  /** One colour per section (département), used in turn; all dark enough for 8 pt text on white. */
  sectionColours: [
    { cmyk: [0, 80, 100, 0], rgb: '#e8542a' },
    { cmyk: [85, 10, 45, 0], rgb: '#009a94' },
    { cmyk: [70, 100, 20, 30], rgb: '#4a1f4f' },
    { cmyk: [0, 60, 100, 25], rgb: '#b8620b' },
    { cmyk: [100, 60, 0, 10], rgb: '#005b9f' },
    { cmyk: [70, 10, 100, 25], rgb: '#3e7d2a' },
    { cmyk: [0, 100, 40, 10], rgb: '#c8004f' },
  ] as readonly Colour[],
  fonts: {
    family: 'Inter',
    display: 'Inter Display',
    faces: {
      Inter: [
        { file: 'Inter-Regular.otf', fontWeight: 400, fontStyle: 'normal' },
        { file: 'Inter-Italic.otf', fontWeight: 400, fontStyle: 'italic' },
        { file: 'Inter-SemiBold.otf', fontWeight: 600, fontStyle: 'normal' },
        { file: 'Inter-Bold.otf', fontWeight: 700, fontStyle: 'normal' },
      ],
      'Inter Display': [
        { file: 'InterDisplay-Bold.otf', fontWeight: 700, fontStyle: 'normal' },
        { file: 'InterDisplay-Black.otf', fontWeight: 900, fontStyle: 'normal' },
      ],
    } as Record<string, readonly FontFace[]>,
  },
  /** Type scale in pt: [size, leading]. */
  type: {
    folio: [7.5, 9],
    caption: [7.5, 9.5],
    small: [8, 10.5],
    body: [8.5, 11.5],
    lead: [10.5, 14],
    eventTitle: [10.5, 12.5],
    h3: [12, 14.5],
    h2: [16, 19],
    h1: [24, 26],
    display: [44, 42],
    poster: [96, 88],
    posterRegion: [40, 42],
    posterLabel: [34, 36],
    posterCount: [150, 128],
    slug: [6, 7.6],
    pressCover: [64, 64],
    pressHeading: [28, 30.8],
    pressList: [10, 13.333],
  } satisfies Record<string, [number, number]>,
  /** Distances in mm. */
  space: {
    xs: 1,
    sm: 2,
    md: 4,
    lg: 6,
    xl: 10,
  },
  /** Page margins per document, in mm. Booklet inside/outside swap by page parity. */
  margins: {
    programme: { top: 15, bottom: 16, inside: 15, outside: 12 },
    affiche: { top: 20, bottom: 20, inside: 20, outside: 20 },
    flyer: { top: 12, bottom: 12, inside: 12, outside: 12 },
    dossier: { top: 22, bottom: 20, inside: 22, outside: 20 },
  },
  /**
   * Programme grid: `columns` 1, 2 or 'auto' (whichever needs fewer pages); `gutter` between
   * columns and `sectionGap` above a département that opens mid-page, in mm;
   * `sectionStartsPage` true to open each département on a new page.
   */
  programme: { columns: 'auto' as 1 | 2 | 'auto', gutter: 5, sectionGap: 8, sectionStartsPage: false },
  /** Safe area: text, logos and QR codes stay this far inside the trim, in mm (print.md: 3–5 mm). */
  safeArea: 3,
  /** Rule weights in pt. */
  rules: { hairline: 0.5, regular: 1, bold: 3 },
  /** QR codes: printed size of the symbol without its 4-module quiet zone, in mm (print.md). */
  qr: { eventSize: 20, posterSize: 30, flyerSize: 28, errorCorrection: 'M' as const },
  /**
   * The programme's event card. Distances in mm, type steps from `type`.
   * - `variant`: standard (every field), compact (no description: large campaigns), detailed
   *   (the tags too, under the description).
   * - `padding`: above and below a card's text, inside the hairlines between cards; `first`
   *   above the first card of a page or under a section heading.
   * - `fields`: what the card shows, in order; `gap`: the space above each field when another
   *   comes before it.
   * - `style`: each field's type step, weight, style, colour (a theme colour, or `section` for
   *   the section's), capitals and letter spacing in pt.
   * - `date`: the date line under each grouping: full (« mardi 15 novembre 2016, 14 h 30 »),
   *   or time (« 14 h 30 », under a day heading that gives the date).
   * - `qr`: where the QR code goes (right, left, under the text), the gap between the text and
   *   its quiet zone (print.md: text at least 1.5 mm clear of it), and how far it rises above
   *   the text's first line.
   */
  card: {
    variant: 'standard' as 'compact' | 'standard' | 'detailed',
    padding: { top: 3, bottom: 3, first: 1 },
    fields: ['category', 'when', 'title', 'place', 'description', 'tags', 'footer'] as readonly CardField[],
    gap: { category: 0, when: 0, title: 0.6, place: 0.8, description: 1.5, tags: 1, footer: 1.5 } as Record<CardField, number>,
    style: {
      category: { step: 'caption', weight: 600, colour: 'section', uppercase: true, letterSpacing: 0.2 },
      when: { step: 'body', weight: 600, colour: 'section' },
      title: { step: 'eventTitle', weight: 700, colour: 'text' },
      place: { step: 'small', weight: 600, colour: 'text' },
      description: { step: 'body', weight: 400, colour: 'text' },
      tags: { step: 'caption', weight: 400, colour: 'muted' },
      organiser: { step: 'caption', weight: 400, italic: true, colour: 'muted' },
      price: { step: 'caption', weight: 400, colour: 'muted' },
      coOrganised: { step: 'caption', weight: 400, colour: 'muted' },
    } as Record<CardField | 'organiser' | 'price' | 'coOrganised', FieldStyle>,
    date: { departement: 'full', day: 'time', venue: 'full', category: 'full' } as Record<'departement' | 'day' | 'venue' | 'category', 'full' | 'time'>,
    qr: { place: 'right' as 'right' | 'left' | 'under', gap: 2.5, raise: 2 },
  },
  /**
   * Copyfitting the programme to its page budget (`programme.pages` in campaign.yaml, or the
   * natural multiple of 4): the settings encre may move, uniformly across the booklet, in this
   * order, each from the theme's value towards its bound in steps (below the value to save
   * pages, above it to fill them). `cardPadding` (mm): the card's padding above and below;
   * `cardGaps`: the gaps between its fields, as a share of `card.gap`; `leading` (pt): added to
   * the leading of the card's type steps; `bodySize` and `titleSize` (pt): the body and
   * eventTitle steps (their leading in proportion); `qrSize` (mm): the events' QR codes, never
   * below their scannable size (modules × the smallest module); `columns`: 1, then 2 when
   * they take fewer pages. `maxGap`: the most space added between two cards to fill a page
   * (vertical justification), mm.
   */
  copyfit: {
    order: ['cardPadding', 'cardGaps', 'leading', 'bodySize', 'titleSize', 'qrSize', 'columns'] as readonly FitSetting[],
    cardPadding: { min: 1.5, max: 3.5, step: 0.5 },
    cardGaps: { min: 0.5, max: 1, step: 0.25 },
    leading: { min: -1, max: 0.5, step: 0.5 },
    bodySize: { min: 8, max: 8.5, step: 0.25 },
    titleSize: { min: 9.5, max: 10.5, step: 0.5 },
    qrSize: { min: 14, max: 20, step: 1 },
    maxGap: 20,
  },
};

