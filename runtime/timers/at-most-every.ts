/**
 * `work` run at most once every `everyMs` of `clock` (the runtime clock, so a test moves it by hand): the
 * timer worker's periodic jobs, which its every tick would otherwise run. A call inside the interval runs
 * nothing and answers an empty list.
 */
export function atMostEvery<T>(clock: () => Date, everyMs: number, work: () => Promise<T[]>): () => Promise<T[]> {
  let next = 0;
  return async () => {
    const now = clock().getTime();
    if (now < next) return [];
    next = now + everyMs;
    return work();
  };
}
