import { View, Text, Image } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { text } from '../styles.js';

/** A partner as placed: its name and, when it has one, its logo (PNG for screen, CMYK JPEG for print) with its pixel size. */
export interface PlacedPartner {
  name: string;
  logo?: { data: Buffer; width: number; height: number; format: 'png' | 'jpg' };
}

/**
 * Partners in a wrapping row: each logo mark at `logoHeight` mm with the partner's name set
 * beside it in the theme font (names are never left to an image's own font). `width` in pt;
 * `nameWidth` in mm; `colour` for the names (react-pdf colour string).
 */
export function PartnerStrip({ partners, logoHeight, width, title, nameWidth, colour }: {
  partners: PlacedPartner[]; logoHeight: number; width: number; title?: string; nameWidth: number; colour?: string;
}) {
  return (
    <View style={{ width }}>
      {title ? <Text style={{ ...text.caption, ...text.semibold, color: colour ?? text.caption.color, textTransform: 'uppercase', letterSpacing: theme.tracking.label, marginBottom: mm(theme.space.sm) }}>{title}</Text> : null}
      <View style={{ flexDirection: 'row', flexWrap: 'wrap' }}>
        {partners.map((p) => (
          <View key={p.name} style={{ flexDirection: 'row', alignItems: 'center', marginRight: mm(theme.space.md), marginBottom: mm(theme.space.sm) }}>
            {p.logo ? (
              <Image src={{ data: p.logo.data, format: p.logo.format }} style={{ height: mm(logoHeight), width: mm((logoHeight * p.logo.width) / p.logo.height), marginRight: mm(theme.space.sm) }} />
            ) : null}
            <Text style={{ ...text.caption, ...text.semibold, color: colour ?? text.body.color, width: mm(nameWidth) }}>{p.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
