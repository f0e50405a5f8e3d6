import type { Model } from '../derive/model.js';
import type { Content } from '../load/content.js';
import type { Problem } from '../model/errors.js';

/**
 * The smallest printed size of a QR code, in mm: `modules` × `minModuleMm`. Below about a
 * third of a millimetre per module phone cameras struggle at arm's length (ISO/IEC 18004
 * leaves the X-dimension to the application; GS1 recommends at least 0.396 mm for general
 * retail, 0.33 mm is a common print floor: the printer profile's `qrMinModule`).
 * @param modules modules per side of the symbol, without its quiet zone (21 for version 1,
 *   +4 per version: QrMatrix.modules).
 * @param minModuleMm the smallest module the printer reproduces and a phone reads, mm.
 * @returns the side of the symbol without its quiet zone, mm (the quiet zone adds 4 modules
 *   on each side: layouts/components/QrCode.tsx qrOuterSize).
 */
export function minQrSizeMm(modules: number, minModuleMm: number): number {
  return modules * minModuleMm;
}

/** `mm` rounded up to the tenth of a millimetre (a size that works, as a designer writes it). */
function upToTenth(mm: number): number {
  return Math.ceil(mm * 10 - 1e-9) / 10;
}

/** The QR size checked: the theme token that sets it, its value and where the theme sets it. */
export interface QrSizeToken {
  /** "qr.eventSize", "qr.flyerSize" or "qr.posterSize". */
  token: string;
  /** Printed size of the symbol without its quiet zone, mm. */
  sizeMm: number;
  /** Where the theme sets it. */
  place: { file: string; line: number; col: number };
}

/**
 * Every QR code must keep modules of at least `minModuleMm` at its printed size (the
 * symbol without its quiet zone): a long URL makes a denser code with smaller modules.
 * When even the codes with the fewest modules are too small, the theme's size is the cause:
 * one theme problem at its line, with the smallest size that works for every code. Otherwise
 * each URL too dense for the size is the cause: one problem per event, at the event.
 * @returns the problems of the theme (`theme`) and of the content (`events`).
 */
export function checkQrDensity(model: Model, content: Content, size: QrSizeToken, minModuleMm: number): { theme: Problem[]; events: Problem[] } {
  const coded = model.events.filter((e) => e.qr);
  if (coded.length === 0) return { theme: [], events: [] };
  const fewest = Math.min(...coded.map((e) => e.qr!.modules));
  const densest = coded.reduce((a, b) => (b.qr!.modules > a.qr!.modules ? b : a));
  const needAll = upToTenth(minQrSizeMm(densest.qr!.modules, minModuleMm));
  if (size.sizeMm < minQrSizeMm(fewest, minModuleMm)) {
    return {
      theme: [{
        ...size.place,
        path: size.token,
        message: `QR codes set at ${size.sizeMm} mm: the simplest of this campaign's codes has ${fewest} modules, and needs ${upToTenth(minQrSizeMm(fewest, minModuleMm))} mm at the printer's ${minModuleMm} mm per module (qrMinModule); the densest (event ${densest.id}, ${densest.qr!.modules} modules) needs ${needAll} mm`,
        hint: `set ${size.token} to ${needAll} mm or more`,
      }],
      events: [],
    };
  }
  const located = new Map(content.events.map((e) => [e.value.id, e]));
  const events = coded.flatMap((e): Problem[] => {
    const need = minQrSizeMm(e.qr!.modules, minModuleMm);
    if (size.sizeMm >= need) return [];
    const at = located.get(e.id);
    return [{
      file: at?.file ?? '',
      line: at?.line ?? 0,
      col: 1,
      path: `event ${e.id} url`,
      message: `the URL (${e.url?.length} characters) needs a QR code of ${e.qr!.modules} modules: ${(size.sizeMm / e.qr!.modules).toFixed(2)} mm each at ${size.sizeMm} mm, below the ${minModuleMm} mm a phone reads reliably; it needs ${upToTenth(need)} mm`,
      hint: `use a shorter URL (a short link or redirect to the page), or set ${size.token} to ${upToTenth(need)} mm or more in ${size.place.file}:${size.place.line}`,
    }];
  });
  return { theme: [], events };
}
