import sharp from 'sharp';
import type { Partner } from '../model/campaign.js';
import type { PlacedPartner } from '../../layouts/components/PartnerStrip.js';

/** Resolution logos are rasterised at, for their largest placed height (print.md: 300 ppi). */
const LOGO_PPI = 300;

/**
 * Prepares partner logos for placement: SVG, PNG or JPEG bytes → a PNG at 300 ppi for
 * `maxHeightMm`, flattened on white (no transparency reaches the PDF).
 * @throws Error naming the file when sharp cannot decode it.
 */
export async function placePartners(partners: Partner[], assets: Map<string, Uint8Array>, maxHeightMm: number): Promise<PlacedPartner[]> {
  const height = Math.round((maxHeightMm / 25.4) * LOGO_PPI);
  return Promise.all(
    partners.map(async (p): Promise<PlacedPartner> => {
      const bytes = p.logo ? assets.get(p.logo) : undefined;
      if (!p.logo || !bytes) return { name: p.name };
      try {
        const meta = await sharp(bytes).metadata();
        // Vector logos are rasterised straight at the placed size (a huge SVG canvas would
        // otherwise be drawn at full size first).
        const density = meta.format === 'svg' && meta.height ? Math.min(2400, Math.max(1, (72 * height) / meta.height)) : 72;
        const { data, info } = await sharp(bytes, { density, limitInputPixels: 50_000_000 })
          .resize({ height, withoutEnlargement: false })
          .flatten({ background: '#ffffff' })
          .png()
          .toBuffer({ resolveWithObject: true });
        return { name: p.name, logo: { data, width: info.width, height: info.height } };
      } catch (e) {
        throw new Error(`${p.logo}: cannot read this image (${(e as Error).message}); use SVG, PNG or JPEG`);
      }
    }),
  );
}
