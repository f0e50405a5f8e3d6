import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { TOOL_ROOT } from '../paths.js';

/** What makes encre's output besides the content: its code, layouts, themes, fonts, profiles, locked dependencies. */
const PARTS = ['src', 'layouts', 'themes', 'assets', 'printers', 'package-lock.json', 'patches', 'dist/icc'];

let memo: string | undefined;
const withFiles = new Map<string, string>();

/**
 * A SHA-256 (hex) of encre itself: every file under src/, layouts/, themes/, assets/ and
 * printers/, package-lock.json (the exact versions of react-pdf, pdfkit, fontkit…), the
 * patches applied to them (patches/) and the ICC profiles deflated by the compilation
 * (dist/icc/, src/post/profile-streams.ts), and
 * the `extra` files (the theme files a build reads: its own, given by path even outside
 * the project, and those it extends). Any change to the code, a theme, a font or a profile
 * changes it, and with it every cache key. Computed once per process (and set of files).
 * @param extra absolute paths of files that are inputs too (read whole; a missing one counts as empty).
 */
export function toolFingerprint(extra: readonly string[] = []): string {
  if (extra.length > 0) {
    const key = extra.join('\u0000');
    const known = withFiles.get(key);
    if (known) return known;
    const h = createHash('sha256').update(toolFingerprint());
    for (const file of extra) {
      let bytes: Buffer = Buffer.alloc(0);
      try {
        bytes = readFileSync(file);
      } catch {
        /* gone: the build that reads it reports it */
      }
      h.update(`\u0000${file}\u0000${bytes.length}\u0000`).update(bytes);
    }
    const digest = h.digest('hex');
    withFiles.set(key, digest);
    return digest;
  }
  if (memo) return memo;
  const h = createHash('sha256');
  const walk = (rel: string) => {
    const abs = path.join(TOOL_ROOT, rel);
    let st;
    try {
      st = statSync(abs);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(path.join(rel, name));
    } else if (st.isFile()) {
      h.update(`${rel}\u0000${st.size}\u0000`).update(readFileSync(abs));
    }
  };
  for (const part of PARTS) walk(part);
  return (memo = h.digest('hex'));
}
