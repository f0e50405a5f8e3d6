import path from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TOOL_ROOT } from '../paths.js';

/*
 * The command line bundled by `npm run compile`, after tsc: dist/src/cli/main.js and every
 * module it imports, encre's and its dependencies', into a few files of dist/bundle/
 * (esbuild, ES modules, one chunk per command's lazily imported part). Node 20 keeps no
 * compile cache, and resolving, reading and compiling the 700 files of the unbundled modules
 * was about 0.3 s of every build's start. The same code runs (bundling does not change it);
 * bin/encre.js runs the bundle when it is there. Left outside, loaded from node_modules as
 * before: packages with native code or data files found beside their own modules (sharp,
 * pdfkit's standard fonts, MuPDF, Chromium's driver, chokidar's watcher) and exceljs (only
 * `encre import` of a spreadsheet loads it). Worker threads and the preview's build process
 * start from the unbundled modules (src/paths.ts workerEntry).
 */

/** Where the bundle goes. */
const BUNDLE = path.join(TOOL_ROOT, 'dist/bundle');

/** Packages loaded from node_modules, not bundled (see above). */
const EXTERNAL = ['sharp', 'pdfkit', 'mupdf', 'playwright-core', 'chokidar', 'exceljs'];

/**
 * Bundles dist/src/cli/main.js into {@link BUNDLE} (made again from nothing).
 * @throws Error when esbuild fails (the compilation stops: npm ci fails loudly).
 */
export async function bundleCli(): Promise<void> {
  rmSync(BUNDLE, { recursive: true, force: true });
  const result = await build({
    entryPoints: [path.join(TOOL_ROOT, 'dist/src/cli/main.js')],
    outdir: BUNDLE,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS modules inside the bundle call require() for Node's own modules and the external packages.
    banner: { js: "import { createRequire as __encreRequire } from 'node:module'; const require = __encreRequire(import.meta.url);" },
    logLevel: 'error',
    legalComments: 'eof',
    metafile: true,
    absWorkingDir: TOOL_ROOT,
  });
  // Which modules each file of the bundle holds (esbuild's metafile): what a command loads can
  // still be told module by module (tests/startup.test.ts).
  writeFileSync(path.join(BUNDLE, 'meta.json'), JSON.stringify(result.metafile));
}

// `node dist/src/compile/bundle.js` (npm run compile).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleCli();
