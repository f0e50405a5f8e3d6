import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
