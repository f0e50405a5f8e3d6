import { View } from '@react-pdf/renderer';
import { SLOT } from '../laid-out.js';

/**
 * The place of a block laid out beforehand (see layouts/laid-out.ts): an empty box `width` ×
 * `height` pt, marked with the block's key. src/render/graft.ts puts the laid-out block in
 * its place before the page is drawn; drawn without it, the box would stay empty, so the
 * renderer refuses a slot it has no block for.
 */
export function LaidOutSlot({ slot, width, height }: { slot: string; width: number; height: number }) {
  return <View {...{ [SLOT]: slot }} style={{ width, height }} />;
}
