import { statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { StartupRefusal } from '../config.ts';
import { grantApplicationRole, openPostgres, queryRows, type DatabaseHandle } from '../db/index.ts';
import type { Progress } from '../seed/index.ts';
import { checkChain, reportCounts } from './contents.ts';
import { describeFile, formatSize, requireFile, writeAtomically } from './files.ts';
import { runTool, toolConnection } from './pg-tools.ts';

/** The connections of a PostgreSQL installation: the owner's (migrations, backups) and the application's. */
export interface PostgresUrls {
  owner: string;
  app: string;
}

async function withDatabase<T>(url: string, use: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openPostgres(url, { max: 1 });
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

/**
 * Backs up a PostgreSQL database with `pg_dump --format=custom`, as the owner: one consistent
 * snapshot, so the servers may keep running.
 */
export async function backupPostgres(url: string, file: string, progress: Progress): Promise<void> {
  const connection = toolConnection(url);
  await writeAtomically(file, async (partial) => {
    progress(`备份 backing up PostgreSQL ${connection.label} to ${file} (${(await runTool('pg_dump', ['--version'])).trim()}, --format=custom)…`);
    await withDatabase(url, (handle) => reportCounts(handle.db, progress));
    await runTool('pg_dump', ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${connection.dbname}`], { env: connection.env });
  });
  progress(`已备份 written ${file}: ${await describeFile(file)}, mode 600`);
}

/** Refuses a file that `pg_restore` cannot read whole, or that is not a dump of this platform's database, before the database is touched. */
async function checkDump(file: string): Promise<void> {
  const refuse = (why: string) => new StartupRefusal(`不是完整的 PostgreSQL 备份 ${file} is not a whole PostgreSQL backup of this platform: ${why}; nothing was written`);
  const listing = await runTool('pg_restore', ['--list', file]).catch((error: unknown) => {
    throw refuse(error instanceof Error ? error.message : String(error));
  });
  if (!/ TABLE public access_log /.test(listing) || !/ TABLE drizzle __drizzle_migrations /.test(listing)) throw refuse('it holds no access_log or migration journal');
  // Reads every table's data (to nowhere): a truncated dump fails here rather than half-way into the database.
  await runTool('pg_restore', ['--file=-', file], { stdout: 'ignore' }).catch((error: unknown) => {
    throw refuse(`it is damaged or truncated (${error instanceof Error ? error.message : String(error)})`);
  });
}

/**
 * Restores a `pg_dump` backup into the database of `DATABASE_URL`, as the owner, in one
 * transaction (`pg_restore --single-transaction`): a failure leaves the database as it was. A
 * database that holds tables is replaced only with `force`, and none is restored while other
 * sessions use it. The dump's owners and grants are not restored (`--no-owner --no-privileges`):
 * the owner restoring owns everything, and the application's role is granted again what the server
 * needs, since the roles may have other names here than where the backup was made.
 */
export async function restorePostgres(urls: PostgresUrls, file: string, options: { force: boolean }, progress: Progress): Promise<void> {
  requireFile(file);
  const owner = new URL(urls.owner);
  const app = new URL(urls.app);
  if (owner.host !== app.host || owner.pathname !== app.pathname) throw new StartupRefusal('DATABASE_OWNER_URL 与 DATABASE_URL 须指向同一数据库 must name the same database');
  const connection = toolConnection(urls.owner);
  await withDatabase(urls.owner, async (handle) => {
    const [state] = await queryRows<{ tables: string | number; others: string | number }>(
      handle.db,
      sql`SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')) AS tables,
                 (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()) AS others`,
    );
    if (Number(state!.tables) > 0 && !options.force) {
      throw new StartupRefusal(`数据库非空 the database ${connection.label} holds ${state!.tables} tables: restore replaces it only with --force (npm run restore -- ${file} --force); nothing was changed`);
    }
    if (Number(state!.others) > 0) throw new StartupRefusal(`数据库正在使用 ${state!.others} other sessions use ${connection.label}: 请先停止服务 stop the servers first; nothing was changed`);
  });
  await checkDump(file);
  progress(`恢复 restoring ${file} into PostgreSQL ${connection.label} as the owner, in one transaction: ${formatSize(statSync(file).size)}…`);
  const restoreArgs = ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--no-password', `--dbname=${connection.dbname}`, file];
  await runTool('pg_restore', restoreArgs, { env: connection.env }).catch((error: unknown) => {
    throw new StartupRefusal(`恢复失败，已回滚 restore failed and was rolled back, the database is as it was: ${error instanceof Error ? error.message : String(error)}`);
  });
  await withDatabase(urls.owner, async (handle) => {
    const role = decodeURIComponent(app.username);
    if (role && role !== decodeURIComponent(owner.username)) {
      await grantApplicationRole(handle.db, role);
      progress(`授权 granted the application role ${role} what the server needs (no UPDATE, DELETE or TRUNCATE of history)`);
    }
    await reportCounts(handle.db, progress);
    const chain = await checkChain(handle.db, progress);
    if (!chain.ok) throw new StartupRefusal(`恢复的数据未通过校验 restored into ${connection.label}, but its access log does not verify: keep the backup as evidence and investigate before starting the servers`);
  });
  progress(`已恢复 restored into ${connection.label}`);
}
