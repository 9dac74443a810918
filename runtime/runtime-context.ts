import type { Backend, Database } from './db/index.ts';
import type { PluginRegistry } from './plugins/index.ts';
import type { RuntimeConfig } from './config.ts';

/** Everything a request handler or worker needs, passed explicitly instead of imported globals. */
export interface RuntimeContext {
  db: Database;
  backend: Backend;
  registry: PluginRegistry;
  config: RuntimeConfig;
  /** The time source; tests inject a fixed or stepping clock. */
  clock: () => Date;
}
