import { createContext, useContext } from 'react';

/**
 * Blocks react-pdf already laid out while the paginator measured them (the text of each event
 * card), by key (the event's id). A component that finds its block here puts an empty box of
 * the block's height in its place ({@link LaidOutSlot}); the laid-out block is put back into
 * that box before the page is drawn (src/render/graft.ts), so a card's text is laid out once
 * per build instead of twice. The pages are byte for byte the same either way.
 */
export interface LaidOutBlocks {
  /** Height in pt of the block laid out for `key`, or undefined when there is none. */
  height(key: string): number | undefined;
}

export const LaidOutContext = createContext<LaidOutBlocks>({ height: () => undefined });

/** The laid-out blocks of the document being rendered (none unless the build provides them). */
export function useLaidOut(): LaidOutBlocks {
  return useContext(LaidOutContext);
}

/** The prop naming a slot's key on its View (read by src/render/graft.ts). */
export const SLOT = 'data-laid-out';
