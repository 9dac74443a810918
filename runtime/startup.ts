import { mkdirSync } from 'node:fs';
import { plugins } from '../plugins/index.ts';
import type { RuntimeConfig } from './config.ts';
import { FieldCipher, loadKeyRing } from './crypto/index.ts';
import { openDatabase, type DatabaseHandle } from './db/index.ts';
import { fillMissingInitials } from './persons/index.ts';
import { loadPlugins } from './plugins/index.ts';
import type { RuntimeContext } from './runtime-context.ts';
import { refuseDemoAccounts, seed, type Progress } from './seed/index.ts';

/**
 * Opens the platform's database as `main` and every command do: the key ring first (production
 * refuses to start without one), the database (PGlite's directory private to its owner), the
 * migrations, the production check (no demo accounts), then what a first start seeds (the org
 * tree, the calendar, the ministry's processes; demo accounts in demo mode only).
 */
export async function openRuntime(config: RuntimeConfig, progress: Progress): Promise<{ rt: RuntimeContext; handle: DatabaseHandle }> {
  const keys = loadKeyRing(config);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  progress(`打开数据库 opening ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}…`);
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    progress('迁移数据库 running migrations…');
    await handle.migrate();
    if (config.mode === 'production') await refuseDemoAccounts(handle.db);
    const filled = await fillMissingInitials(handle.db);
    if (filled > 0) progress(`补全拼音首字母 filled the pinyin initials of ${filled} persons`);
    const rt: RuntimeContext = { db: handle.db, backend: handle.backend, registry: loadPlugins(plugins), config, cipher: new FieldCipher(keys.ring), clock: () => new Date() };
    const report = await seed(rt, { cityCode: process.env['DEMO_CITY'] ?? '3502' }, progress);
    if (report.orgUnits === 0 && report.users === 0 && report.publishedProcesses.length === 0) progress('复用已有数据 reusing existing data: nothing to seed');
    else progress(`已初始化 seeded ${report.orgUnits} org units, ${report.users} accounts, published ${report.publishedProcesses.join(', ') || 'no'} processes`);
    return { rt, handle };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
