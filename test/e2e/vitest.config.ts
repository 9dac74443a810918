import { defineConfig } from 'vitest/config';

/**
 * Browser tests: two files at a time, each worker against a server (PGlite, demo data) of its own for the run.
 * A browser test mostly waits on the page and the server, so a second worker fills that wait. `npm test` runs
 * this stage after the unit and database stage: beside it (three workers), the suite took 9 minutes instead of
 * 14, but antd's pickers and confirmations on two shared cores left clicks unanswered in three runs of four.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/server-setup.ts'],
    maxWorkers: 2,
    // A worker runs its files one after another in one process, with one chromium (browser.ts): each file
    // still gets new browser contexts, and its own server state is its own (files never share a worker's
    // server at the same time). A process and a browser launched per file cost seconds of processor time each.
    isolate: false,
    testTimeout: 60_000,
    // expect.poll waits as long as a locator's waitFor does (30 s), not vitest's default second: a screen that
    // takes longer than a second to settle on two busy cores is slow, not wrong (a publish button was seen
    // still disabled after 1 s with the unit stage beside).
    expect: { poll: { timeout: 30_000 } },
    hookTimeout: 120_000,
  },
});
