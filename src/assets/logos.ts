import { createHash } from 'node:crypto';
import sharp, { type OutputInfo } from 'sharp';
import type { Partner } from '../model/campaign.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';
import { readVectorLogo } from './svg.js';

/** Resolution logos are prepared at for their largest placed height: 300 ppi (docs/print.md) with a margin for rounding. */
const LOGO_PPI = 310;

/** Longest a remote logo may take to download (`--allow-network`), in milliseconds. */
export const REMOTE_TIMEOUT_MS = 20_000;

/** Largest remote logo downloaded (`--allow-network`), in bytes: 20 MB. */
export const MAX_REMOTE_BYTES = 20 * 1024 * 1024;

/** True when a logo is given as a URL ("https://…", "ftp://…", "file://…") rather than a path in the project. */
export function isRemote(logo: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(logo);
}

/** Why a download failed, for a located problem: what happened, and how to fix it. */
export interface DownloadFailure {
  reason: string;
  hint: string;
}

/**
 * Downloads a remote logo (only with `--allow-network`: builds are offline otherwise) with
 * Node's fetch, following redirects: the whole download within `timeoutMs`, at most
 * `maxBytes` (announced by Content-Length or counted while reading), an HTTP status of 2xx.
 * The bytes are then checked and placed exactly like a local file's (sharp, pixel limits).
 * Only http and https URLs are downloaded.
 * @returns the bytes, or why they could not be had (never throws).
 */
export async function downloadImage(
  url: string,
  limits: { timeoutMs?: number; maxBytes?: number } = {},
): Promise<{ bytes: Uint8Array } | DownloadFailure> {
  const timeoutMs = limits.timeoutMs ?? REMOTE_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? MAX_REMOTE_BYTES;
  const keep = 'or save the file in the campaign folder (e.g. assets/logos/) and give its path from there';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    return { reason: `a ${scheme ?? 'non-http'}: URL: only http:// and https:// URLs can be downloaded`, hint: `use an https:// address, ${keep}` };
  }
  const mb = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 1)} MB`;
  const tooLarge = (size: string): DownloadFailure => ({
    reason: `${size}, more than the ${mb(maxBytes)} a remote logo may be`,
    hint: `a logo needs about 1,000 pixels across: use a smaller file, ${keep}`,
  });
  const seconds = `${timeoutMs / 1000} s`;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'image/*' } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return { reason: `cannot download it: the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, hint: `check the address in a browser, ${keep}` };
    }
    const announced = Number(res.headers.get('content-length'));
    if (Number.isFinite(announced) && announced > maxBytes) {
      await res.body?.cancel().catch(() => {});
      return tooLarge(`the server announces ${mb(announced)}`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          return tooLarge('the download goes on past that size');
        }
        chunks.push(value);
      }
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { bytes };
  } catch (e) {
    if (signal.aborted) return { reason: `cannot download it: no complete answer within ${seconds}`, hint: `check the address and the network, ${keep}` };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code === 'ENOTFOUND' ? 'unknown host' : cause?.code === 'ECONNREFUSED' ? 'connection refused' : (cause?.code ?? cause?.message ?? (e as Error).message);
    return { reason: `cannot download it: ${why}`, hint: `check the address and the network, ${keep}` };
  }
}

/** How images are prepared: RGB PNG for screen, or CMYK JPEG through an ICC profile for print. */
export type ImageMode = { colour: 'rgb' } | { colour: 'cmyk'; iccProfile: string };

/** A prepared logo's effective resolution at its largest placed size. */
export interface ImageReport {
  file: string;
  pixels: { width: number; height: number };
  /** Effective resolution at the placed height, pixels per inch. */
  ppi: number;
  colour: 'rgb' | 'cmyk';
}

/** Logos already prepared, by their bytes, placed height and colour mode (a few per campaign). */
const preparedLogos = new Map<string, Promise<{ data: Buffer; info: OutputInfo }>>();
const PREPARED_LIMIT = 200;

/**
 * A logo resized by sharp to `target` px high (SVG rasterised at that size, bitmaps never
 * enlarged), on white, as a CMYK JPEG through the output ICC profile or an RGB PNG. Each
 * image is prepared once per placed size and mode in a process (the print and screen files,
 * and the rebuilds of the preview server, reuse it).
 */
function prepared(bytes: Uint8Array, target: number, mode: ImageMode): Promise<{ data: Buffer; info: OutputInfo }> {
  const key = `${createHash('sha256').update(bytes).digest('hex')}:${target}:${mode.colour}:${mode.colour === 'cmyk' ? mode.iccProfile : ''}`;
  let done = preparedLogos.get(key);
  if (!done) {
    done = (async () => {
      const meta = await sharp(bytes).metadata();
      const vector = meta.format === 'svg';
      // Vector logos are rasterised straight at the placed size (a huge SVG canvas would
      // otherwise be drawn at full size first).
      const density = vector && meta.height ? Math.min(2400, Math.max(1, (72 * target) / meta.height)) : 72;
      let pipeline = sharp(bytes, { density, limitInputPixels: 50_000_000 })
        .rotate()
        .resize({ height: target, withoutEnlargement: !vector })
        .flatten({ background: '#ffffff' });
      pipeline = mode.colour === 'cmyk' ? pipeline.toColourspace('cmyk').withIccProfile(mode.iccProfile, { attach: false }).jpeg({ quality: 95, chromaSubsampling: '4:4:4' }) : pipeline.png();
      return pipeline.toBuffer({ resolveWithObject: true });
    })();
    // A failure is not remembered: the next build tries again (and reports it again).
    done.catch(() => preparedLogos.delete(key));
    if (preparedLogos.size >= PREPARED_LIMIT) preparedLogos.delete(preparedLogos.keys().next().value!);
    preparedLogos.set(key, done);
  }
  return done;
}

/**
 * Prepares partner logos for placement at up to `maxHeightMm` (mm): for print (CMYK) files,
 * SVG logos kept as vectors (src/assets/svg.ts) when react-pdf can draw them, otherwise
 * rasterised at 300 ppi for that height (as for screen files); PNG, JPEG or WebP logos reduced to it if larger, never enlarged
 * (enlarging would hide a low resolution instead of reporting it). Flattened on white: no
 * transparency reaches the PDF. For print, converted to CMYK through the output ICC profile
 * and stored as JPEG (quality 95, no chroma subsampling).
 * @returns the placed partners and, per logo, its effective ppi (for the preflight).
 * @throws Error naming the file when sharp cannot decode it (the loader checked it before).
 */
export async function placePartners(
  partners: Partner[],
  assets: Map<string, Uint8Array>,
  maxHeightMm: number,
  mode: ImageMode,
): Promise<{ partners: PlacedPartner[]; images: ImageReport[] }> {
  const target = Math.round((maxHeightMm / 25.4) * LOGO_PPI);
  const images: ImageReport[] = [];
  const placed = await Promise.all(
    partners.map(async (p): Promise<PlacedPartner> => {
      const bytes = p.logo ? assets.get(p.logo) : undefined;
      if (!p.logo || !bytes) return { name: p.name };
      // Print files keep SVG logos as vectors (their colours converted to CMYK when drawn);
      // an SVG with what react-pdf cannot draw exactly is rasterised as before.
      if (mode.colour === 'cmyk' && /\.svg$/i.test(p.logo)) {
        const vector = readVectorLogo(bytes);
        if (!('raster' in vector)) return { name: p.name, logo: { vector, width: vector.viewBox[2], height: vector.viewBox[3], format: 'svg' } };
      }
      try {
        const { data, info } = await prepared(bytes, target, mode);
        images.push({ file: p.logo, pixels: { width: info.width, height: info.height }, ppi: Math.round(info.height / (maxHeightMm / 25.4)), colour: mode.colour });
        return { name: p.name, logo: { data, width: info.width, height: info.height, format: mode.colour === 'cmyk' ? 'jpg' : 'png' } };
      } catch (e) {
        throw new Error(`${p.logo}: cannot prepare this image (${(e as Error).message})`);
      }
    }),
  );
  return { partners: placed, images };
}
