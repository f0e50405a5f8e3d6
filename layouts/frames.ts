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

/** The frame of each document, from the theme. */
export const frames = {
  programme: { format: FORMATS.A5, margins: theme.margins.programme },
  affiche: { format: FORMATS.A3, margins: theme.margins.affiche },
  flyer: { format: FORMATS.A5, margins: theme.margins.flyer },
  'dossier-de-presse': { format: FORMATS.A4, margins: theme.margins.dossier },
} satisfies Record<string, Frame>;

/** Width and height of the text area (trim minus margins), in mm. */
export function textArea(frame: Frame): { width: number; height: number } {
  const { format, margins } = frame;
  return { width: format.width - margins.inside - margins.outside, height: format.height - margins.top - margins.bottom };
}
