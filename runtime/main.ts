import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { plugins } from '../plugins/index.ts';
import { ensureUiBuilt } from './admin-ui-build.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/index.ts';
import { createServerApp } from './http/server-app.ts';
import { fillMissingInitials } from './persons/index.ts';
import { loadPlugins } from './plugins/index.ts';
import type { RuntimeContext } from './runtime-context.ts';
import { demoProfiles, seed, seedDemoCases } from './seed/index.ts';
import { startTimerWorker } from './timers/index.ts';

/** The built admin UI; `UI_DIR` points elsewhere (the browser tests build into their own directory). */
const uiDir = process.env['UI_DIR'] || fileURLToPath(new URL('../admin-ui/dist', import.meta.url));
const started = Date.now();
const progress = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  progress(`打开数据库 opening ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}…`);
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  progress('迁移数据库 running migrations…');
  await handle.migrate();
  const filled = await fillMissingInitials(handle.db);
  if (filled > 0) progress(`补全拼音首字母 filled the pinyin initials of ${filled} persons`);
  const rt: RuntimeContext = { db: handle.db, backend: handle.backend, registry: loadPlugins(plugins), config, clock: () => new Date() };
  const report = await seed(rt, { cityCode: process.env['DEMO_CITY'] ?? '3502' }, progress);
  if (report.orgUnits === 0 && report.users === 0 && report.publishedProcesses.length === 0) progress('复用已有数据 reusing existing data: nothing to seed');
  else progress(`已初始化 seeded ${report.orgUnits} org units, ${report.users} accounts, published ${report.publishedProcesses.join(', ') || 'no'} processes`);
  if (config.mode === 'demo') {
    const demo = await seedDemoCases(rt, progress);
    if (demo.cases > 0) progress(`演示业务 demo cases: ${demo.cases} cases of ${demo.persons} persons and ${demo.employers} employers`);
  }
  await ensureUiBuilt(uiDir, progress);
  const stopTimers = config.timerPollMs > 0 ? startTimerWorker(rt, config.timerPollMs, (error) => console.error('定时任务出错 timer worker error:', error)) : () => undefined;

  const server = serve({ fetch: createServerApp(rt, uiDir).fetch, port: config.port }, (info) => {
    progress(`就绪 ready: http://localhost:${info.port}/  (API: /api, OpenAPI: /api/openapi.json)`);
    if (config.mode === 'demo') {
      console.log('演示账号 demo accounts (password 密码: demo):');
      for (const account of demoProfiles) console.log(`  ${account.username.padEnd(17)} ${account.role.padEnd(13)} ${account.displayName}`);
    }
  });
  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `端口已被占用 port ${config.port} is already in use (set PORT)` : error.message;
    console.error(`启动失败 start-up failed: ${reason}`);
    void handle.close().then(() => process.exit(1));
  });
  const stop = () => {
    stopTimers();
    server.close();
    void handle.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('启动失败 start-up failed:', error);
  process.exit(1);
});
