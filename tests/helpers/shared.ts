import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { build } from '../../src/build.js';
import { ROOT, EPOCH } from './sample.js';

/**
 * The builds several test files read, made once per test run (vitest runs test files in
 * separate processes: the first to ask builds, under a lock folder, the others wait for its
 * `.done` marker, beside the output folder). Each build is made exactly as the test files made it themselves before.
 */
const BUILDS = {
  /** The sample campaign (content/), its four documents, print and screen, default theme and printer, made in this thread. */
  sample: { content: 'content', documents: [] as string[], threads: 0, theme: undefined },
  /** The second campaign (examples/midi-pyrenees, 120 events), its four documents with its own theme. */
  'midi-pyrenees': { content: 'examples/midi-pyrenees/content', documents: [] as string[], threads: 0, theme: 'midi-pyrenees' },
} as const;

/** The name of a shared build. */
export type SharedBuild = keyof typeof BUILDS;

/**
 * Builds `name` once per test run and returns its output folder (absolute). Test files must
 * only read it: a test that changes files copies the folder first.
 * @throws the build's error, in every test file that asked for it, when the build failed
 */
export async function sharedBuild(name: SharedBuild): Promise<string> {
  const out = path.join(inject('sharedDir'), name);
  const done = `${out}.done`;
  const failed = `${out}.failed`;
  try {
    mkdirSync(`${out}.lock`);
  } catch {
    // Another test file is building it: wait for its marker.
    for (;;) {
      if (existsSync(done)) return out;
      if (existsSync(failed)) throw new Error(`the shared build "${name}" failed in another test file:\n${readFileSync(failed, 'utf8')}`);
      await sleep(100);
    }
  }
  const { content, documents, threads, theme } = BUILDS[name];
  try {
    await build({ root: ROOT, content, out, documents, threads, theme, sourceDateEpoch: EPOCH });
  } catch (e) {
    writeFileSync(failed, e instanceof Error ? (e.stack ?? e.message) : String(e));
    throw e;
  }
  writeFileSync(done, '');
  return out;
}
