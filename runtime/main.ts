import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { ADMIN_BASE } from './http/admin-base.ts';
import { ensureUiBuilt } from './admin-ui-build.ts';
import { readConfig, StartupRefusal } from './config.ts';
import { createServerApp } from './http/server-app.ts';
import { demoProfiles, seedDemoCases } from './seed/index.ts';
import { describeError, log, setLogLevel } from './log/index.ts';
import { openRuntime } from './startup.ts';
import { startTimerWorker } from './timers/index.ts';

/** The built admin UI; `UI_DIR` points elsewhere (the browser tests build into their own directory). */
const uiDir = process.env['UI_DIR'] || fileURLToPath(new URL('../admin-ui/dist', import.meta.url));
const started = Date.now();
const progress = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

async function main(): Promise<void> {
  const config = readConfig();
  setLogLevel(config.logLevel);
  const { rt, handle } = await openRuntime(config, progress);
  if (config.mode === 'demo') {
    const demo = await handle.exclusively(() => seedDemoCases(rt, progress));
    if (demo.cases > 0) progress(`演示业务 demo cases: ${demo.cases} cases of ${demo.persons} persons and ${demo.employers} employers`);
  }
  await ensureUiBuilt(uiDir, progress);
  const stopTimers = config.timerPollMs > 0 ? startTimerWorker(rt, config.timerPollMs, (error) => log.error('timer worker error', describeError(error))) : async () => undefined;

  const server = serve({ fetch: createServerApp(rt, uiDir).fetch, port: config.port, hostname: config.host }, (info) => {
    const origin = `http://${config.host === '0.0.0.0' ? 'localhost' : info.address}:${info.port}`;
    progress(`就绪 ready: ${origin}${ADMIN_BASE}  (工作人员工作台 staff workbench; 公共网站 public site: ${origin}/; API: /api, OpenAPI: /api/openapi.json)`);
    if (config.mode === 'demo') {
      console.log('演示账号 demo accounts (password 密码: demo):');
      for (const account of demoProfiles) console.log(`  ${account.username.padEnd(19)} ${account.role.padEnd(13)} ${account.displayName}`);
    }
  });
  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `端口已被占用 port ${config.port} is already in use (set PORT)` : error.message;
    console.error(`启动失败 start-up failed: ${reason}`);
    void handle.close().then(() => process.exit(1));
  });
  const stop = () => {
    server.close();
    void stopTimers()
      .then(() => handle.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // A setting or a database the platform will not run with is said in one line; anything else with its stack.
  if (error instanceof StartupRefusal) console.error(`启动失败 start-up refused: ${error.message}`);
  else console.error('启动失败 start-up failed:', error);
  process.exit(1);
});
