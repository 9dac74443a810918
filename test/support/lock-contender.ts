import { createInterface } from 'node:readline';
import { lockDataDir } from '../../runtime/db/pglite/data-dir-lock.ts';

/**
 * A process that tries to lock PGlite data directories, one try per line read on stdin
 * (`{"dir": ..., "at": epoch milliseconds}`): it spins until `at` (so several processes try at the
 * same instant), tries, prints `held` or `refused`, and holds what it got until stdin closes or it
 * is killed. One process serves many tries, since starting one costs seconds of module loading.
 */
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const { dir, at } = JSON.parse(line) as { dir: string; at: number };
  while (Date.now() < at); // Spinning, not sleeping: a timer would start each process late by a different amount.
  Promise.resolve()
    .then(() => lockDataDir(dir))
    .then(
      () => process.stdout.write('held\n'),
      (error: Error) => process.stdout.write(/in use by process/.test(error.message) ? 'refused\n' : `error ${error.message}\n`),
    );
});
lines.on('close', () => process.exit(0));
