import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './helpers/sample.js';
import { sharedBuild } from './helpers/shared.js';
import { compiledIsFresh } from '../src/paths.js';

/*
 * Start-up (issue 16): encre runs compiled (dist/, made by `npm run compile` on `npm ci` and
 * before `npm test`), so no TypeScript is compiled on a user's path; `--help`, `check` and
 * `import` load neither React nor react-pdf. When a source is newer than the compilation,
 * the sources run instead (through tsx): an edit never runs stale code.
 */

// Whether bin/encre.js runs dist/ (its own copy of this decision runs before anything loads).
const fresh = compiledIsFresh();

/** Runs the CLI with `args`; its exit status and the URLs of the modules it loaded. */
function modulesOf(args: string[], env: Record<string, string> = {}): { status: number | null; modules: string[] } {
  const trace = path.join(mkdtempSync(path.join(os.tmpdir(), 'encre-trace-')), 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'tests/helpers/trace-modules.mjs'), path.join(ROOT, 'bin/encre.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ENCRE_TRACE_MODULES: trace, ...env },
  });
  return { status: r.status, modules: existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter(Boolean) : [] };
}

/**
 * The modules loaded, a file of the bundle (dist/bundle/, src/compile/bundle.ts) standing for
 * the modules it holds (esbuild's metafile): as paths under the project, then as URLs.
 */
function unbundled(modules: string[]): string[] {
  const meta = path.join(ROOT, 'dist/bundle/meta.json');
  if (!existsSync(meta)) return modules;
  const outputs = (JSON.parse(readFileSync(meta, 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> }).outputs;
  return modules.flatMap((u) => {
    const file = u.startsWith('file:') ? path.relative(ROOT, fileURLToPath(u)).split(path.sep).join('/') : undefined;
    const held = file ? outputs[file] : undefined;
    return held ? Object.keys(held.inputs).map((input) => `/${input}`) : [u];
  });
}

const typescript = (modules: string[]) => modules.filter((u) => /\.tsx?$/.test(u) || u.includes('/node_modules/tsx/'));
const react = (modules: string[]) => unbundled(modules).filter((u) => /\/node_modules\/(?:react|react-dom|@react-pdf)\//.test(u));

describe('start-up', () => {
  it(fresh ? 'runs the compiled JavaScript: no TypeScript, no tsx on the user’s path' : 'runs the sources through tsx, since a source is newer than dist/ (npm run compile)', () => {
    const { status, modules } = modulesOf(['--help']);
    expect(status).toBe(0);
    if (fresh) {
      expect(typescript(modules)).toEqual([]);
      // The bundle of the command line (npm run compile), which holds dist/src/cli/main.js.
      expect(modules.some((u) => u.includes('/dist/bundle/main.js'))).toBe(true);
      expect(unbundled(modules).some((u) => u.endsWith('/dist/src/cli/main.js'))).toBe(true);
    } else {
      expect(modules.some((u) => u.endsWith('/src/cli/main.ts'))).toBe(true);
    }
  });

  it('loads neither React nor react-pdf for --help, check and import', async () => {
    const out = await sharedBuild('sample');
    const imported = mkdtempSync(path.join(os.tmpdir(), 'encre-import-'));
    for (const args of [
      ['--help'],
      ['check', path.join(out, 'flyer.pdf')],
      ['import', 'tests/fixtures/import/messy.csv', '--mapping', 'tests/fixtures/import/mapping.yaml', '--out', path.join(imported, 'content')],
    ]) {
      const { status, modules } = modulesOf(args);
      expect(status, args.join(' ')).toBe(0);
      expect(unbundled(modules).length, args.join(' ')).toBeGreaterThan(5);
      expect(react(modules), args.join(' ')).toEqual([]);
    }
  });
});
