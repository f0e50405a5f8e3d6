import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { installFastStructs } from './structs.js';

/** Faces opened in this thread, by file. */
const opened = new Map<string, fontkit.Font>();

/**
 * The font in `file` opened with fontkit (fontkit.openSync's reading: the file's bytes),
 * one instance per file in this thread, with restructure's faster struct set-up installed
 * first (src/render/structs.ts). react-pdf draws with it (registerFonts hands it to
 * react-pdf's font store, which would open the file again), encre measures with it
 * (advanceWidth), and the glyph checks ask it for glyphs (preflight/glyphs.ts, fallback.ts),
 * so its tables (GSUB, GPOS: thousands of structs) are decoded and its shaping remembered
 * once. Profiled on the sample: each face's GSUB was decoded twice, Inter Regular's three
 * times. A file changed on disk is not read again in this thread (the preview restarts its
 * build process when fonts change).
 * @throws Error when the file cannot be read.
 */
export function openFace(file: string): fontkit.Font {
  let face = opened.get(file);
  if (!face) {
    installFastStructs();
    opened.set(file, (face = fontkit.create(readFileSync(file)) as fontkit.Font));
  }
  return face;
}
