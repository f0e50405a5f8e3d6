import { FORMATS, type Format } from '../src/units.js';
import { theme } from './theme.js';

/** Page margins in mm; booklets swap inside and outside by page parity. */
export interface Margins {
  top: number;
  bottom: number;
  inside: number;
  outside: number;
}

/** A document's page: trim size and margins, in mm. */
export interface Frame {
  format: Format;
  margins: Margins;
}

/** Trim sizes the affiche is made in (`--format`), mm: one component, scaled by its width. */
export const POSTER_FORMATS: Record<string, Format> = {
  A3: FORMATS.A3,
  A2: { name: 'A2', width: 420, height: 594 },
  '40x60': { name: '40 × 60 cm', width: 400, height: 600 },
};

let posterFormat: Format = FORMATS.A3;

/** Selects the affiche's format for the next renders. @returns it, or undefined for an unknown name. */
export function selectPosterFormat(name: string): Format | undefined {
  const f = POSTER_FORMATS[name];
  if (f) posterFormat = f;
  return f;
}

/** The frame of each document, from the theme and format in force (getters). */
export const frames = {
  get programme(): Frame { return { format: FORMATS.A5, margins: theme.margins.programme }; },
  get affiche(): Frame {
    const k = posterFormat.width / FORMATS.A3.width;
    const m = theme.margins.affiche;
    return { format: posterFormat, margins: { top: m.top * k, bottom: m.bottom * k, inside: m.inside * k, outside: m.outside * k } };
  },
  get flyer(): Frame { return { format: FORMATS.A5, margins: theme.margins.flyer }; },
  get 'dossier-de-presse'(): Frame { return { format: FORMATS.A4, margins: theme.margins.dossier }; },
};

/** Width and height of the text area (trim minus margins), in mm. */
export function textArea(frame: Frame): { width: number; height: number } {
  const { format, margins } = frame;
  return { width: format.width - margins.inside - margins.outside, height: format.height - margins.top - margins.bottom };
}
