import * as QRCode from './qrcode.js';
import { sealed } from '../cache/hash.js';
import { KeptMap } from '../cache/kept.js';
import { AsciiText } from '../render/ascii-text.js';

/**
 * The quiet zone (the light margin around a QR symbol), in modules on each side: 4, as
 * ISO/IEC 18004 (§7.3.8) requires for QR Code (print.md: « quiet zone of 4 modules »).
 * Geometry of the symbol, not a design choice: not a theme token.
 */
export const QUIET_ZONE = 4;

/** A QR symbol as vector geometry, in module units. */
export interface QrMatrix {
  /** The encoded text, exactly. */
  text: string;
  /** Modules per side, without the quiet zone. */
  modules: number;
  /** Quiet zone on each side, in modules ({@link QUIET_ZONE}). */
  quietZone: number;
  /**
   * The dark modules, row by row from the symbol's top-left corner (inside the quiet zone),
   * one bit each, the most significant bit first, in base64: about 300 characters for an
   * event's code, where its SVG path ({@link qrPath}) takes about 3,000. A model holds one per
   * event, in each thread that builds (10,000 events: 3 MB instead of 30).
   */
  dark: string;
}

/** Matrices by level and text, bounded (oldest dropped first): a long dev session stays small. */
const cache = new Map<string, QrMatrix>();
const CACHE_LIMIT = 50_000;

/**
 * Computes the QR matrix of `text` with the `qrcode` package (byte mode, error correction M
 * by default: 15 % of the symbol recoverable), its dark modules packed one bit each (drawn
 * with {@link qrPath}). Results are cached per text and level.
 * @throws Error when the text is too long for a QR code.
 */
export function qrMatrix(text: string, errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): QrMatrix {
  const key = `${errorCorrectionLevel}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const qr = QRCode.create(text, { errorCorrectionLevel });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const bits = Buffer.alloc(Math.ceil((n * n) / 8));
  for (let i = 0; i < n * n; i++) if (data[i]) bits[i >> 3]! |= 0x80 >> (i & 7);
  // Read-only (shared by every build of the process): its digest is computed once (src/cache/hash.ts).
  const matrix = sealed({ text, modules: n, quietZone: QUIET_ZONE, dark: bits.toString('base64') });
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, matrix);
  return matrix;
}

/** Paths of the codes drawn last, by matrix (a card is measured and drawn several times): at most {@link PATHS_KEPT}. */
const PATHS_KEPT = 1_000;
const paths = new KeptMap<QrMatrix, string>(PATHS_KEPT);

/**
 * The SVG path of a symbol's dark modules, in module units, origin at the symbol's top-left
 * corner (inside the quiet zone): one rectangle per horizontal run of dark modules, row by
 * row (`M<x> <y>h<w>v1h<-w>z`). Made when a code is drawn, from {@link QrMatrix.dark}; up to
 * {@link PATHS_KEPT} are kept (about 3 MB; then forgotten all at once, src/cache/kept.ts).
 */
export function qrPath(qr: QrMatrix): string {
  let path = paths.get(qr);
  if (path === undefined) paths.set(qr, (path = pathOf(qr)));
  return path;
}

/** Where qrPath writes (one text at a time). */
const pathText = new AsciiText();

function pathOf(qr: QrMatrix): string {
  const n = qr.modules;
  const bits = Buffer.from(qr.dark, 'base64');
  const dark = (i: number) => (bits[i >> 3]! & (0x80 >> (i & 7))) !== 0;
  // At most ⌈n/2⌉ runs a row, each `M<x> <y>h<w>v1h-<w>z` with numbers of n's digits at most.
  const digits = String(n).length;
  const out = pathText.start(n * Math.ceil(n / 2) * (8 + 4 * digits));
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!dark(y * n + x)) {
        x++;
        continue;
      }
      const from = x;
      while (x < n && dark(y * n + x)) x++;
      out.char(0x4d /* M */).int(from).char(0x20).int(y).char(0x68 /* h */).int(x - from).text('v1h').int(from - x).char(0x7a /* z */);
    }
  }
  return out.take();
}
