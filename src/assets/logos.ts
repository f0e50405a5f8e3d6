import sharp from 'sharp';
import type { Partner } from '../model/campaign.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';

/** Resolution logos are prepared at for their largest placed height: 300 ppi (print.md) with a margin for rounding. */
const LOGO_PPI = 310;

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

/**
 * Prepares partner logos for placement at up to `maxHeightMm` (mm): SVG logos rasterised at
 * 300 ppi for that height; PNG, JPEG or WebP logos reduced to it if larger, never enlarged
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
      try {
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
        const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
        images.push({ file: p.logo, pixels: { width: info.width, height: info.height }, ppi: Math.round(info.height / (maxHeightMm / 25.4)), colour: mode.colour });
        return { name: p.name, logo: { data, width: info.width, height: info.height, format: mode.colour === 'cmyk' ? 'jpg' : 'png' } };
      } catch (e) {
        throw new Error(`${p.logo}: cannot prepare this image (${(e as Error).message})`);
      }
    }),
  );
  return { partners: placed, images };
}
