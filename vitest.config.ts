import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Three test files at a time on two cores: test files spend much of their time waiting (a
    // shared build made by another file, Chromium, child processes), and a third keeps the cores busy.
    maxWorkers: 3,
    // One folder per run for the builds several test files read (tests/helpers/shared.ts).
    globalSetup: ['tests/setup/shared.ts'],
    // No build cache: tests that build twice must really build twice (tests/parallel.test.ts
    // turns it on for itself, in a folder of its own).
    env: { ENCRE_CACHE: '0' },
  },
});
