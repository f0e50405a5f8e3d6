import { z } from 'zod';

/**
 * A printer profile (printers/<name>.yaml): what one printer asks of a print file.
 * Distances in mm; inkLimit in % total area coverage; ppi thresholds for placed images.
 * Defaults and sources: docs/print.md.
 */
export const PrinterSchema = z.strictObject({
  description: z.string().min(1),
  /** The paper this profile prints on, in words, for the job sheet (« couché blanc, 115–170 g/m² »). */
  paper: z.string().min(1).optional(),
  /** Bleed on every side, mm (3 typical; 2 to 5 seen). */
  bleed: z.number().min(0).max(10),
  /** Crop marks drawn outside the bleed, in the slug. */
  cropMarks: z.boolean(),
  /** Extra paper beyond the bleed for crop marks and the slug line, mm (0 without marks). */
  slug: z.number().min(0).max(20),
  /**
   * Gap between the bleed's edge and each crop mark, mm: the marks run from there to the
   * same distance short of the slug's edge (so their length is slug − 2 × this). 1 mm keeps
   * a mark clear of a bleed trimmed a little wide.
   */
  cropMarkOffset: z.number().min(0).max(5).default(1),
  /** Stroke of the crop marks, pt: 0.25 pt, the usual hairline weight of printer's marks. */
  cropMarkWeight: z.number().positive().max(2).default(0.25),
  /** cmyk: the theme's exact CMYK values and CMYK images; rgb: the screen RGB values. */
  colour: z.enum(['cmyk', 'rgb']),
  outputIntent: z
    .strictObject({
      /** ICC profile file, relative to encre's folder. */
      profile: z.string().min(1),
      /** OutputConditionIdentifier, e.g. "FOGRA39". */
      identifier: z.string().min(1),
      condition: z.string().min(1),
      registry: z.string().min(1),
    })
    .optional(),
  /** The PDF/X flavour declared; none when the profile asks for a plain PDF. */
  pdfx: z.enum(['PDF/X-4', 'none']),
  /**
   * Text, rules and fills in 100 % K overprint (ExtGState /OP true /op true /OPM 1, ISO 32000-1
   * §8.6.7): black on a tint prints on the tint, with no knock-out to misregister. What offset
   * printers expect (on in printers/offset*.yaml); the preflight checks every 100 % K paint.
   */
  overprintBlack: z.boolean().default(false),
  /**
   * Spot colours of the theme (`{ spot: NAME, cmyk: […] }`): `keep` writes them as Separation
   * colour spaces (an extra plate, with their CMYK alternate), `convert` uses their CMYK alternate.
   */
  spots: z.enum(['keep', 'convert']).default('keep'),
  /**
   * Text below this size, pt, set in 3 or 4 inks gets a warning: the plates never register
   * exactly (a tolerance of about 0.1 mm), and small text in several inks shows colour fringes.
   * 9 pt, a common figure of printers' file guidelines.
   */
  smallTextPt: z.number().min(4).max(24).default(9),
  /** Total ink limit, % (300 usual for coated offset). */
  inkLimit: z.number().min(100).max(400),
  /** Images below this effective resolution at their placed size give a warning. */
  minPpi: z.number().positive(),
  /** Images below this effective resolution fail the build. */
  failPpi: z.number().positive(),
  /**
   * Smallest printed QR module (the side of one dark square), mm: a QR code of n modules is
   * printed at n × qrMinModule at least (src/preflight/qr.ts minQrSizeMm). 0.33 mm is a
   * common print floor; GS1 asks 0.396 mm for retail.
   */
  qrMinModule: z.number().min(0.1).max(2),
}).superRefine((p, ctx) => {
  if (p.cropMarks && p.slug < 6) ctx.addIssue({ code: 'custom', path: ['slug'], message: 'crop marks need a slug of at least 6 mm' });
  if (p.pdfx !== 'none' && p.colour !== 'cmyk') ctx.addIssue({ code: 'custom', path: ['pdfx'], message: 'PDF/X with an rgb profile is not supported: set colour: cmyk or pdfx: none' });
  if (p.pdfx !== 'none' && !p.outputIntent) ctx.addIssue({ code: 'custom', path: ['outputIntent'], message: 'PDF/X needs an output intent (an ICC profile)' });
});

export type Printer = z.infer<typeof PrinterSchema>;

/** The screen "printer": trimmed, RGB, no marks, no PDF/X. */
export const SCREEN: Printer = {
  description: 'Écran : PDF léger, RGB, au format fini',
  bleed: 0,
  cropMarks: false,
  slug: 0,
  cropMarkOffset: 1,
  cropMarkWeight: 0.25,
  colour: 'rgb',
  overprintBlack: false,
  spots: 'convert',
  smallTextPt: 9,
  pdfx: 'none',
  inkLimit: 400,
  minPpi: 96,
  failPpi: 72,
  qrMinModule: 0.33,
};
