import { readFileSync } from 'node:fs';
import { readConfig, type RuntimeConfig } from '../../runtime/config.ts';
import { FieldCipher, type KeyRing } from '../../runtime/crypto/index.ts';
import { openPglite, type Backend, type Database, type DatabaseHandle } from '../../runtime/db/index.ts';
import type { PluginManifest } from '../../engine/index.ts';
import { loadPlugins } from '../../runtime/plugins/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { seed } from '../../runtime/seed/index.ts';
import { createRuntimeContext } from '../../runtime/startup.ts';
import { plugins } from './packages.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file holding a migrated, seeded PGlite's dump (`dumpDataDir`), made once for the run. */
    seededPglite: string;
    /** The file holding the dump of a new PGlite cluster (before any migration), made once for the run. */
    emptyPglite: string;
    /** A migrated, seeded PostgreSQL database that test databases are copies of; '' without PostgreSQL. */
    seededPostgres: string;
  }
}

/**
 * One key ring for the whole run, the same in every file: what the seeded databases hold was
 * encrypted with it, and a second runtime process on a test database reads what the first wrote.
 */
export const testKeyRing: KeyRing = {
  primary: 'k1',
  keys: { k1: 'a7c3e1f0b2d4968857fa0e1c3b5d7f9102468ace13579bdf0f1e2d3c4b5a6978' },
  index: '5e4d3c2b1a0f9e8d7c6b5a49382716051f2e3d4c5b6a79880796a5b4c3d2e1f0',
};

/** When every test database starts: the seeded calendar says it was entered then. */
export const TEST_START = '2026-11-02T01:00:00.000Z';

/** The settings of a test runtime: demo mode, a small body limit, sessions that idle as long as they last. */
export function testConfig(overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  const base = readConfig({});
  // Test clocks jump by days: a session idles as long as it lasts, unless a test says otherwise.
  return { ...base, mode: 'demo', bodyLimitBytes: 64 * 1024, sessionIdleMinutes: base.sessionHours * 60, ...overrides };
}

/** A runtime context on `db` as every test builds it. */
export function testContext(db: Database, backend: Backend, config: RuntimeConfig, clock: () => Date, packages: readonly PluginManifest[] = plugins): RuntimeContext {
  return createRuntimeContext({ db, backend, registry: loadPlugins(packages), config, cipher: new FieldCipher(testKeyRing), clock });
}

/** What a first start seeds (the org tree of 厦门, the calendar, the demo accounts and processes), on a migrated database. */
export async function seedTestDatabase(rt: RuntimeContext): Promise<void> {
  await seed(rt, { cityCode: '3502' }, () => undefined);
}

/** The dumps this process has read, by file: the global set-up writes each once, and no load changes its bytes. */
const dumpBytes = new Map<string, ArrayBuffer>();

/**
 * A dump for one PGlite to load, read from its file once per worker process. PGlite reads a dump with
 * `arrayBuffer()` and copies every file out of it into its own file system, so the bytes are handed to
 * each load as they are. The Blob itself holds no part: filling it (`new Blob([bytes])`) would copy the
 * seeded dump's 45 MB again at every load, and Node 20's own `arrayBuffer()` reads them back chunk by chunk.
 */
class DumpFile extends Blob {
  readonly #file: string;

  constructor(file: string) {
    super([]);
    this.#file = file;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    let bytes = dumpBytes.get(this.#file);
    if (!bytes) {
      const read = readFileSync(this.#file);
      bytes = read.buffer.slice(read.byteOffset, read.byteOffset + read.byteLength) as ArrayBuffer;
      dumpBytes.set(this.#file, bytes);
    }
    return Promise.resolve(bytes);
  }
}

/**
 * PostgreSQL's shared_buffers in a test's PGlite: its database is small, and PGlite's 128MB cost
 * about 0.4 s of processor time at each start, in every test file.
 */
const TEST_SHARED_BUFFERS = '16MB';

/**
 * A test's PGlite, in memory or in the new directory `dataDir`, loaded from the dump in `dumpFile`
 * (one the run's global set-up made); a new cluster (initdb, seconds of processor time) without one.
 */
export function openTestPglite(dumpFile: string | undefined, dataDir?: string): Promise<DatabaseHandle> {
  return openPglite(dataDir, { ...(dumpFile ? { loadDataDir: new DumpFile(dumpFile) } : {}), sharedBuffers: TEST_SHARED_BUFFERS });
}
