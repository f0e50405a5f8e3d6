import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder of this test run where builds shared between test files are made once (tests/helpers/shared.ts). */
    sharedDir: string;
  }
}

/**
 * Vitest global setup: gives the run one empty folder for shared builds, removed at the end.
 * Nothing is built here, so a run of one test file that needs no shared build costs nothing;
 * the first test file that asks for a shared build makes it (tests/helpers/shared.ts).
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'encre-shared-'));
  project.provide('sharedDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
