import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that start real processes (servers, command-line tools, lock contenders) take a minute
 * or more each. Started first, the other files fill the second worker around them; started last, as
 * the default order of a clean checkout (largest file first, no timings cached yet) may leave them,
 * one of them runs alone at the end.
 */
const SPAWNING = ['reliability', 'backup-restore', 'production-start', 'data-dir-lock'].map((name) => `/test/runtime/${name}.test.ts`);

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const spawning = (file: TestSpecification) => SPAWNING.some((suffix) => file.moduleId.endsWith(suffix));
    return [...sorted.filter(spawning), ...sorted.filter((file) => !spawning(file))];
  }
}
