#!/usr/bin/env node
// `npx encre …`: runs encre compiled (dist/, made by `npm run compile`, which `npm ci` runs as
// its `prepare` script): no TypeScript is compiled on a user's path. When a source file is
// newer than that compilation (someone edited a layout or src/), the TypeScript sources run
// instead, through tsx's loader with encre's own tsconfig: an edit never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// React's production build: the development one checks every element and costs a build
// about a tenth of its time. Set before React is first imported (the imports below).
process.env.NODE_ENV ??= 'production';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = path.join(root, 'dist', '.compiled');

/** The newest modification time (ms) of a file under `dir`, or 0. */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const compiled = existsSync(stamp) && Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'layouts'))) <= statSync(stamp).mtimeMs;
if (compiled) {
  // The command line bundled by the compilation (src/compile/bundle.ts: the same code in a few
  // files, 0.3 s less to start), else its modules one by one.
  await import(existsSync(path.join(root, 'dist', 'bundle', 'main.js')) ? '../dist/bundle/main.js' : '../dist/src/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: path.join(root, 'tsconfig.json') });
  await import('../src/cli/main.ts');
}
