import type { FieldCipher } from './crypto/index.ts';
import type { Backend, Database } from './db/index.ts';
import type { PluginRegistry } from './plugins/plugin-registry.ts';
import type { RuntimeConfig } from './config.ts';

/** Everything a request handler or worker needs, passed explicitly instead of imported globals. */
export interface RuntimeContext {
  db: Database;
  backend: Backend;
  registry: PluginRegistry;
  config: RuntimeConfig;
  /** Encrypts personal data at rest and indexes it blindly. */
  cipher: FieldCipher;
  /** The time source; tests inject a fixed or stepping clock. */
  clock: () => Date;
}
