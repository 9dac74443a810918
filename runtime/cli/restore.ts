import { restore } from '../backup/index.ts';
import { readConfig, StartupRefusal } from '../config.ts';

/**
 * `npm run restore -- FILE [--force]`: a backup made by `npm run backup` into the database of this
 * configuration, servers stopped. A non-empty database is replaced only with `--force`; a restored
 * access log whose hash chain does not hold makes it exit non-zero.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((arg) => arg !== '--force');
  const file = files[0];
  if (files.length !== 1 || !file || file.startsWith('--')) throw new StartupRefusal('npm run restore -- FILE [--force]');
  await restore(readConfig(), file, { force }, (message) => console.log(message));
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupRefusal ? error.message : error);
  process.exit(1);
});
