/**
 * Units. Geometry is authored in millimetres and computed in PostScript points.
 * 1 in = 25.4 mm = 72 pt (ISO 216 page sizes are defined in mm; PDF user space is in pt).
 */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres → points. */
export function mm(value: number): number {
  return value * PT_PER_MM;
}

/** Points → millimetres. */
export function toMm(points: number): number {
  return points / PT_PER_MM;
}

/** A trim size in millimetres (width × height, portrait). */
export interface Format {
  name: string;
  width: number;
  height: number;
}

/** Page formats used by the documents, in mm (ISO 216 A sizes; 40 × 60 cm poster). */
export const FORMATS = {
  A3: { name: 'A3', width: 297, height: 420 },
  A4: { name: 'A4', width: 210, height: 297 },
  A5: { name: 'A5', width: 148, height: 210 },
} as const satisfies Record<string, Format>;
