import { lockDataDir } from '../../runtime/db/pglite/data-dir-lock.ts';

/**
 * A process that tries to lock the PGlite data directory `argv[2]`: it reads a moment (epoch
 * milliseconds) on stdin, spins until then (so several processes try at the same instant), tries,
 * prints `held` or `refused`, and holds what it got until stdin closes or it is killed.
 */
const dataDir = process.argv[2]!;
process.stdout.write('ready\n');
process.stdin.once('data', (chunk: Buffer) => {
  const at = Number(chunk.toString().trim());
  while (Date.now() < at); // Spinning, not sleeping: a timer would start each process late by a different amount.
  Promise.resolve()
    .then(() => lockDataDir(dataDir))
    .then(
      () => process.stdout.write('held\n'),
      (error: Error) => process.stdout.write(/in use by process/.test(error.message) ? 'refused\n' : `error ${error.message}\n`),
    );
});
process.stdin.once('end', () => process.exit(0));
