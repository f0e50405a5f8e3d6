import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { TOOL_ROOT } from '../paths.js';

/** What makes encre's output besides the content: its code, layouts, fonts, profiles, locked dependencies. */
const PARTS = ['src', 'layouts', 'assets', 'printers', 'package-lock.json'];

let memo: string | undefined;

/**
 * A SHA-256 (hex) of encre itself: every file under src/, layouts/, assets/ and printers/,
 * and package-lock.json (the exact versions of react-pdf, pdfkit, fontkit…). Any change to
 * the code, a theme, a font or a profile changes it, and with it every cache key.
 * Computed once per process.
 */
export function toolFingerprint(): string {
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
