import { languedocRoussillon } from './languedoc-roussillon.js';

/**
 * The 2016 Midi-Pyrénées campaign: the blue triangles of its page in the 2016 report.
 * Everything but the colours is the default theme's. CMYK values are the designer's; each
 * RGB is its screen proof.
 */
export const midiPyrenees: typeof languedocRoussillon = {
  ...languedocRoussillon,
  colours: {
    ...languedocRoussillon.colours,
    /** Campaign blue. */
    brand: { cmyk: [90, 40, 0, 0], rgb: '#0a7bc4' },
    /** Night blue for covers and headings. */
    ink: { cmyk: [100, 80, 25, 25], rgb: '#1b3a6b' },
    /** Tinted panels: 8 % of the brand. */
    tint: { cmyk: [8, 3, 0, 0], rgb: '#eaf3fb' },
    /** The period on the brand blue: paper, 4.6 : 1 (the night blue gave 2.5 : 1). */
    onBrand: { cmyk: [0, 0, 0, 0], rgb: '#ffffff' },
    /** The motif's triangles: light blue and bright blue. */
    sun: { cmyk: [45, 5, 0, 0], rgb: '#8dc9ee' },
    magenta: { cmyk: [100, 20, 0, 0], rgb: '#0090d4' },
  },
  sectionColours: [
    { cmyk: [90, 40, 0, 0], rgb: '#0a7bc4' },
    { cmyk: [100, 80, 25, 25], rgb: '#1b3a6b' },
    { cmyk: [80, 0, 40, 10], rgb: '#00958a' },
    { cmyk: [0, 60, 100, 25], rgb: '#b8620b' },
    { cmyk: [60, 90, 0, 10], rgb: '#6b2c8c' },
    { cmyk: [70, 10, 100, 25], rgb: '#3e7d2a' },
    { cmyk: [0, 100, 40, 10], rgb: '#c8004f' },
    { cmyk: [100, 20, 0, 0], rgb: '#0090d4' },
  ],
};
