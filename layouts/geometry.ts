import { createContext, useContext } from 'react';

/**
 * How a document's pages are laid out for its output, from the printer profile: bleed and
 * slug in mm, crop marks on or off (and how they are drawn), and the slug line's text. The
 * screen output has no bleed, no slug, no marks. Provided around a document by the build; read by Sheet and by the
 * components whose colour runs to the page edge (they extend `bleed` mm past the trim).
 */
export interface Geometry {
  bleed: number;
  slug: number;
  marks: boolean;
  /** Crop marks: gap from the bleed's edge (mm) and stroke (pt), from the printer profile. */
  markOffset: number;
  markWeight: number;
  /** Slug line for page `n` of `total` (document, campaign, edition, date). */
  slugLine?: (n: number) => string;
  /** Links (QR codes, contents) are clickable: screen files only. */
  links: boolean;
}

export const GeometryContext = createContext<Geometry>({ bleed: 0, slug: 0, marks: false, markOffset: 0, markWeight: 0, links: false });

/** The geometry of the document being rendered. */
export function useGeometry(): Geometry {
  return useContext(GeometryContext);
}
