import { purgeAccessLog, RETENTION_DAYS } from '../audit/index.ts';
import { readConfig, StartupRefusal } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { argument } from './prompt.ts';

/**
 * `npm run audit:purge -- --before YYYY-MM-DD`: deletes the access log's entries older than the
 * date, which must be at least 180 days ago (网络安全法 art. 21), keeping the chain verifiable.
 * On PostgreSQL it connects as the owner (`DATABASE_OWNER_URL`), since the application's role may
 * not delete from the log.
 */
async function main(): Promise<void> {
  const before = argument('before');
  if (!before || !/^\d{4}-\d{2}-\d{2}$/.test(before)) throw new StartupRefusal('npm run audit:purge -- --before YYYY-MM-DD');
  const config = readConfig();
  const handle = await openDatabase({ url: config.databaseOwnerUrl ?? config.databaseUrl, dataDir: config.dataDir });
  try {
    const cutoff = new Date(`${before}T00:00:00+08:00`);
    if (cutoff.getTime() > Date.now() - RETENTION_DAYS * 86_400_000) throw new StartupRefusal(`访问日志至少保存 ${RETENTION_DAYS} 天 the access log is kept at least ${RETENTION_DAYS} days`);
    const { deleted } = await purgeAccessLog(handle.db, cutoff, new Date());
    console.log(`已清理 purged ${deleted} entries older than ${before}; the chain now starts after them`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
