import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The folder encre itself is installed in (its package root: the nearest folder above this
 * file holding package.json, whether encre runs from its sources in src/ or compiled in
 * dist/src/): its fonts and ICC profiles are read from here, whichever folder a user runs it
 * from. Content and logos are read from the project (the current folder).
 */
export const TOOL_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`internal: no package.json above ${from}`);
  }
}

/**
 * True when this code runs compiled (dist/, made by `npm run compile` on `npm ci`), false when
 * it runs from its TypeScript sources through tsx (tests, or sources newer than dist/): the
 * worker threads and the dev server's build process start the same way.
 */
export const COMPILED = import.meta.url.endsWith('.js');

/**
 * The URL of a module of encre's that a worker thread starts from: compiled, its JavaScript
 * in dist/src/ (found from the package root: the code asking may run from the bundle of
 * dist/bundle/, `npm run compile`); from the sources, its `.mjs` entry beside the sources,
 * which registers tsx first.
 * @param rel the module's path under src/ without extension: "build/worker", "dev/raster-worker".
 */
export function workerEntry(rel: string): URL {
  return pathToFileURL(COMPILED ? path.join(TOOL_ROOT, 'dist/src', `${rel}.js`) : path.join(TOOL_ROOT, 'src', `${rel}.mjs`));
}

/** The newest modification time (ms) of a file under `dir`, or 0. */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * True when dist/ holds a compilation of the sources as they are now: its stamp
 * (dist/.compiled, written by `npm run compile`) is newer than every file of src/ and
 * layouts/. bin/encre.js decides the same way (its own copy: it runs before any of this is
 * loaded); the dev server asks again each time it starts a build process, so that a layout
 * edited while it runs is built from its source, never from a stale compilation.
 */
export function compiledIsFresh(): boolean {
  const stamp = path.join(TOOL_ROOT, 'dist', '.compiled');
  if (!existsSync(stamp)) return false;
  return Math.max(newest(path.join(TOOL_ROOT, 'src')), newest(path.join(TOOL_ROOT, 'layouts'))) <= statSync(stamp).mtimeMs;
}
