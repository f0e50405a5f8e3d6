import * as QRCode from '../qr/qrcode.js';
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

/** The error correction levels of a QR code (ISO/IEC 18004 §5.1: 7, 15, 25, 30 % recoverable). */
export type QrLevel = 'L' | 'M' | 'Q' | 'H';

const limits = new Map<string, number>();

/**
 * The longest URL a QR code printed at `sizeMm` holds while its modules stay at least
 * `minModuleMm`: the largest symbol that size allows (⌊size ÷ module⌋ modules per side:
 * version ⌊(modules − 17) ÷ 4⌋), filled in byte mode — so that every URL of this length or
 * less fits (encre's URLs are ASCII: WHATWG-encoded; qrcode may pack one tighter, never looser).
 * @param level the theme's `qr.errorCorrection`.
 * @returns characters; 0 when not even a version 1 symbol (21 modules) fits.
 */
export function maxUrlLength(sizeMm: number, minModuleMm: number, level: QrLevel = 'M'): number {
  const key = `${sizeMm}\u0000${minModuleMm}\u0000${level}`;
  const known = limits.get(key);
  if (known !== undefined) return known;
  const version = Math.min(40, Math.floor((Math.floor(sizeMm / minModuleMm + 1e-9) - 17) / 4));
  const fits = (n: number) => {
    try {
      QRCode.create('a'.repeat(n), { version, errorCorrectionLevel: level });
      return true;
    } catch {
      return false;
    }
  };
  // The largest n that fits the version (a binary search: byte capacity is below 3,000).
  let lo = 0;
  let hi = version >= 1 ? 3000 : 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  limits.set(key, lo);
  return lo;
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

/** A QR code a document prints: its URL and symbol, what names it and where the content writes it. */
export interface PrintedCode {
  /** "event herault-03", "programmeUrl". */
  name: string;
  /** The problem's path: "event herault-03 url", "programmeUrl". */
  path: string;
  url: string;
  modules: number;
  file: string;
  line: number;
  col: number;
}

/**
 * Every QR code must keep modules of at least `minModuleMm` at its printed size (the
 * symbol without its quiet zone): a long URL makes a denser code with smaller modules.
 * When no code fits the size (21 modules), or several are printed and even the one with the
 * fewest modules is too small, the theme's size is the cause: one theme problem at its line,
 * with the smallest size that works for every code. Otherwise each URL too long for the size is the cause: one problem per code, at its place in the
 * content, stating the longest URL that size holds ({@link maxUrlLength}).
 * @param level the theme's error correction level (the URL limit depends on it).
 * @returns the problems of the theme (`theme`) and of the content (`codes`).
 */
export function checkCodes(codes: PrintedCode[], size: QrSizeToken, minModuleMm: number, level: QrLevel = 'M'): { theme: Problem[]; codes: Problem[] } {
  if (codes.length === 0) return { theme: [], codes: [] };
  const fewest = Math.min(...codes.map((c) => c.modules));
  const densest = codes.reduce((a, b) => (b.modules > a.modules ? b : a));
  const needAll = upToTenth(minQrSizeMm(densest.modules, minModuleMm));
  // The size is the cause when no code at all fits it (21 modules), or when even the
  // simplest of several does not; a lone code too dense (the programme URL) is its URL's.
  if (size.sizeMm < minQrSizeMm(21, minModuleMm) || (codes.length > 1 && size.sizeMm < minQrSizeMm(fewest, minModuleMm))) {
    return {
      theme: [{
        ...size.place,
        path: size.token,
        message: `QR codes set at ${size.sizeMm} mm: the simplest of this campaign's codes has ${fewest} modules, and needs ${upToTenth(minQrSizeMm(fewest, minModuleMm))} mm at the printer's ${minModuleMm} mm per module (qrMinModule); the densest (${densest.name}, ${densest.modules} modules) needs ${needAll} mm`,
        hint: `set ${size.token} to ${needAll} mm or more`,
      }],
      codes: [],
    };
  }
  const limit = maxUrlLength(size.sizeMm, minModuleMm, level);
  const problems = codes.flatMap((c): Problem[] => {
    const need = minQrSizeMm(c.modules, minModuleMm);
    if (size.sizeMm >= need) return [];
    return [{
      file: c.file,
      line: c.line,
      col: c.col,
      path: c.path,
      message: `the URL has ${c.url.length} characters: a QR code of ${size.sizeMm} mm (${size.token}) holds at most ${limit} with modules of ${minModuleMm} mm (the printer's qrMinModule); this one needs ${c.modules} modules, ${(size.sizeMm / c.modules).toFixed(2)} mm each, below what a phone reads reliably`,
      hint: `use a URL of at most ${limit} characters (a short link or a redirect to the page), or set ${size.token} to ${upToTenth(need)} mm or more in ${size.place.file}:${size.place.line}`,
    }];
  });
  return { theme: [], codes: problems };
}

/**
 * The events' QR codes (printed in the programme's cards) checked by {@link checkCodes}, each
 * problem at its event.
 * @returns the problems of the theme (`theme`) and of the events (`events`).
 */
export function checkQrDensity(model: Model, content: Content, size: QrSizeToken, minModuleMm: number, level: QrLevel = 'M'): { theme: Problem[]; events: Problem[] } {
  const located = new Map(content.events.map((e) => [e.value.id, e]));
  const codes = model.events.flatMap((e): PrintedCode[] => {
    if (!e.qr) return [];
    const at = located.get(e.id);
    return [{ name: `event ${e.id}`, path: `event ${e.id} url`, url: e.url ?? '', modules: e.qr.modules, file: at?.file ?? '', line: at?.line ?? 0, col: 1 }];
  });
  const { theme, codes: events } = checkCodes(codes, size, minModuleMm, level);
  return { theme, events };
}
