import type { Model } from '../derive/model.js';
import type { Content } from '../load/content.js';
import type { Problem } from '../model/errors.js';

/**
 * Smallest printed QR module, in mm. Below about a third of a millimetre phone cameras
 * struggle at arm's length (ISO/IEC 18004 leaves the X-dimension to the application; GS1
 * recommends at least 0.396 mm for general retail, 0.33 mm is a common print floor).
 */
export const MIN_MODULE_MM = 0.33;

/** Smallest printed QR code, without its quiet zone, in mm (print.md: at least 2 × 2 cm). */
export const MIN_QR_MM = 20;

/**
 * Every QR code must keep modules of at least MIN_MODULE_MM at its printed size (`sizeMm`,
 * the symbol without its quiet zone): a long URL makes a denser code with smaller modules.
 * @returns one Problem per event whose URL is too long for its QR code, located at the event.
 */
export function checkQrDensity(model: Model, content: Content, sizeMm: number): Problem[] {
  if (sizeMm < MIN_QR_MM) {
    return [{ file: 'layouts/theme.ts', line: 0, col: 0, path: 'qr.eventSize', message: `QR codes set at ${sizeMm} mm, below the ${MIN_QR_MM} mm a printed QR code needs`, hint: `set theme.qr sizes to ${MIN_QR_MM} mm or more` }];
  }
  const located = new Map(content.events.map((e) => [e.value.id, e]));
  return model.events.flatMap((e): Problem[] => {
    if (!e.qr || sizeMm / e.qr.modules >= MIN_MODULE_MM) return [];
    const at = located.get(e.id);
    return [{
      file: at?.file ?? '',
      line: at?.line ?? 0,
      col: 1,
      path: `event ${e.id} url`,
      message: `the URL (${e.url?.length} characters) needs a QR code of ${e.qr.modules} modules: ${(sizeMm / e.qr.modules).toFixed(2)} mm each at ${sizeMm} mm, below the ${MIN_MODULE_MM} mm a phone reads reliably`,
      hint: 'use a shorter URL (a short link or redirect to the page)',
    }];
  });
}
