import type { LaidOutNode } from '../preflight/layout.js';
import { SLOT } from '../../layouts/laid-out.js';

/**
 * Tolerance on a slot's size against its block's, in pt. yoga computes in 32-bit floats: a
 * card's text stretched to its row differs from the measured one in the last bits (1e-5 pt).
 */
const EPSILON = 0.01;

/**
 * Puts blocks laid out beforehand (layouts/laid-out.ts) into their slots in a laid-out
 * document: each node marked with a slot key is replaced by the block of that key, placed
 * where the slot is. react-pdf's boxes are relative to their parent, so the block's own tree
 * is drawn as it was laid out; the block itself is not changed (a copy of its root takes the
 * slot's box), so it can be placed again in the other rendition.
 * @param doc a laid-out document or chunk of pages (changed in place).
 * @returns how many slots were filled.
 * @throws Error (internal) for a slot with no block, or a block of another size than its slot.
 */
export function graftLaidOut(doc: LaidOutNode, blocks: ReadonlyMap<string, LaidOutNode>): number {
  let filled = 0;
  const visit = (node: LaidOutNode): void => {
    const children = node.children;
    if (!children) return;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const key = (child.props as Record<string, unknown> | undefined)?.[SLOT];
      if (typeof key !== 'string') {
        visit(child);
        continue;
      }
      const block = blocks.get(key);
      const slot = child.box;
      if (!block?.box || !slot) throw new Error(`internal: no laid-out block for the slot "${key}"`);
      if (Math.abs(block.box.width - slot.width) > EPSILON || Math.abs(block.box.height - slot.height) > EPSILON) {
        throw new Error(`internal: the laid-out block "${key}" is ${block.box.width} × ${block.box.height} pt, its slot ${slot.width} × ${slot.height} pt`);
      }
      // The slot's box is the one the page's layout gives this text (the block's own would
      // differ in the last bits); the block's contents keep their places inside it.
      children[i] = { ...block, box: { ...block.box, left: slot.left, top: slot.top, width: slot.width, height: slot.height } };
      filled++;
    }
  };
  visit(doc);
  return filled;
}
