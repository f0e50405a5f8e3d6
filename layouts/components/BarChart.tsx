import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { text } from '../styles.js';

/** A bar of the chart: label, value, printed value, colour (react-pdf colour string). */
export interface Bar {
  label: string;
  value: number;
  valueLabel: string;
  colour: string;
}

/**
 * A horizontal bar chart drawn as vector rectangles, one row per bar, lengths proportional
 * to the values (the longest bar fills the track: the width left by the labels' column and
 * the room for its value). `width` is the whole chart in mm; the rest is the theme's
 * `dossier.chart`.
 */
export function BarChart({ bars, width }: { bars: Bar[]; width: number }) {
  const { labelWidth, valueWidth, barHeight, valueGap } = theme.dossier.chart;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const track = width - labelWidth - valueWidth;
  return (
    <View style={{ width: mm(width) }}>
      {bars.map((b) => (
        <View key={b.label} style={{ flexDirection: 'row', alignItems: 'center', marginBottom: mm(theme.space.sm) }}>
          <Text style={{ ...text.body, ...text.semibold, width: mm(labelWidth) }}>{b.label}</Text>
          <View style={{ width: mm((track * b.value) / max), height: mm(barHeight), backgroundColor: b.colour }} />
          <Text style={{ ...text.body, ...text.strong, color: ink('text'), marginLeft: mm(valueGap) }}>{b.valueLabel}</Text>
        </View>
      ))}
    </View>
  );
}
