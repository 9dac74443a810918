import { count, eq } from 'drizzle-orm';
import { StartupRefusal } from '../config.ts';
import type { Executor } from '../db/index.ts';
import { users } from '../db/schema/index.ts';

/**
 * Production refuses a database that holds demo accounts: their password is public, and the
 * demo cases beside them are not real. Such a database was started in demo mode; production
 * needs one that never was.
 */
export async function refuseDemoAccounts(db: Executor): Promise<void> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.demo, true));
  const n = Number(row?.n ?? 0);
  if (n > 0) {
    throw new StartupRefusal(`数据库中有 ${n} 个演示账号，生产模式不在其上启动 the database holds ${n} demo accounts (password "demo"): production starts only on a database never started in demo mode`);
  }
}
