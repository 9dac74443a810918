import { backup } from '../backup/index.ts';
import { readConfig, StartupRefusal } from '../config.ts';

/**
 * `npm run backup -- FILE`: the database (PGlite's `DATA_DIR`, or PostgreSQL by `pg_dump` as the
 * owner) into FILE, written whole or not at all, mode 600. PGlite's server must be stopped first.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args[0];
  if (args.length !== 1 || !file || file.startsWith('--')) throw new StartupRefusal('npm run backup -- FILE');
  await backup(readConfig(), file, (message) => console.log(message));
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupRefusal ? error.message : error);
  process.exit(1);
});
