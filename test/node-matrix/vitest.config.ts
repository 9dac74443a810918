import { defineConfig } from 'vitest/config';

/**
 * The Node matrix (`test/node-matrix/run.sh`): the engine tests and the API smoke test, run by vitest on
 * another Node (22, 24) than the machine's, which runs the whole suite. No database set-up: the engine
 * tests need none, and the smoke test's server makes its own PGlite, as a first start does.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/engine/**/*.test.ts', 'test/node-matrix/**/*.matrix.ts'],
    // run.sh runs the Nodes side by side: one worker each keeps the two cores at two processes.
    maxWorkers: 1,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: 'warn' },
  },
});
