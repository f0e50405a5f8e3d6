import { View, Text, Image } from '@react-pdf/renderer';
import { mm, toMm } from '../../src/units.js';
import { theme } from '../theme.js';
import { text } from '../styles.js';
import { VectorLogo } from './VectorLogo.js';
import type { VectorLogo as Vector } from '../../src/assets/svg.js';

/**
 * A partner as placed: its name and, when it has one, its logo: an image (PNG for screen,
 * CMYK JPEG for print) with its pixel size, or in print files an SVG logo kept as vectors
 * (format "svg", its viewBox's size as width and height).
 */
export interface PlacedPartner {
  name: string;
  logo?: { data: Buffer; width: number; height: number; format: 'png' | 'jpg' } | { vector: Vector; width: number; height: number; format: 'svg' };
}

/**
 * Partners in a grid: each logo mark at `logoHeight` mm with the partner's name set beside
 * it in the theme font (names are never left to an image's own font). As many columns as
 * fit cells of the widest logo and `nameWidth` mm of name, then balanced over the rows (four
 * partners that fit three to a row make two rows of two, not a lone fourth); each name takes
 * the room its cell leaves. `width` in pt; `colour` for the names (react-pdf colour string).
 */
export function PartnerStrip({ partners, logoHeight, width, title, nameWidth, colour }: {
  partners: PlacedPartner[]; logoHeight: number; width: number; title?: string; nameWidth: number; colour?: string;
}) {
  const gap = theme.space.md;
  const logoWidth = (p: PlacedPartner) => (p.logo ? (logoHeight * p.logo.width) / p.logo.height + theme.space.sm : 0);
  const widest = Math.max(0, ...partners.map(logoWidth));
  const fit = Math.max(1, Math.floor((toMm(width) + gap) / (widest + nameWidth + gap)));
  const rows = Math.ceil(partners.length / fit);
  const columns = Math.max(1, Math.ceil(partners.length / Math.max(rows, 1)));
  const cell = (toMm(width) - (columns - 1) * gap) / columns;
  const grid = Array.from({ length: rows }, (_, r) => partners.slice(r * columns, (r + 1) * columns));
  return (
    <View style={{ width }}>
      {title ? <Text style={{ ...text.caption, ...text.semibold, color: colour ?? text.caption.color, textTransform: 'uppercase', letterSpacing: theme.tracking.label, marginBottom: mm(theme.space.sm) }}>{title}</Text> : null}
      {grid.map((row, r) => (
        <View key={r} style={{ flexDirection: 'row' }}>
          {row.map((p, i) => (
            <View key={p.name} style={{ width: mm(cell), flexDirection: 'row', alignItems: 'center', marginLeft: i === 0 ? 0 : mm(gap), marginBottom: mm(theme.space.sm) }}>
              {p.logo?.format === 'svg' ? (
                <VectorLogo logo={p.logo.vector} height={mm(logoHeight)} width={mm((logoHeight * p.logo.width) / p.logo.height)} style={{ marginRight: mm(theme.space.sm) }} />
              ) : p.logo ? (
                <Image src={{ data: p.logo.data, format: p.logo.format }} style={{ height: mm(logoHeight), width: mm((logoHeight * p.logo.width) / p.logo.height), marginRight: mm(theme.space.sm) }} />
              ) : null}
              <Text style={{ ...text.caption, ...text.semibold, color: colour ?? text.body.color, width: mm(cell - logoWidth(p)) }}>{p.name}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
