import { defineConfig } from 'vitest/config';
import SlowFirst from './test/support/slow-first.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Database suites each make their own database; two cores run two files at a time.
    maxWorkers: 2,
    // Files share their worker's loaded modules (the runtime, drizzle, the plugins) instead of importing
    // them again each: what the runtime caches is keyed by database or registry, never shared between files.
    isolate: false,
    // Seeds one database per backend for the run; each file's database is a copy of it.
    globalSetup: ['test/support/seed-once.ts'],
    // The files that start processes go first, so no worker is left running one alone at the end.
    sequence: { sequencer: SlowFirst },
    testTimeout: 30_000,
    // One line per request would bury the test report; warnings and errors still show.
    env: { LOG_LEVEL: 'warn' },
    hookTimeout: 60_000,
  },
});
