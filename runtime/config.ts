/** Runtime settings, read once from the environment with sensible defaults. */
export interface RuntimeConfig {
  port: number;
  /** PostgreSQL URL; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** `demo` seeds demo accounts and data; `production` never does and refuses demo sign-ins. */
  mode: 'demo' | 'production';
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** How long a sign-in lasts. */
  sessionHours: number;
  /** How often the timer worker looks for due timers; 0 turns it off (another process fires them). */
  timerPollMs: number;
}

/** Reads {@link RuntimeConfig} from `env` (defaults to `process.env`). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const mode = env['APP_MODE'] === 'production' ? 'production' : 'demo';
  return {
    port: Number(env['PORT'] ?? 3000),
    databaseUrl: env['DATABASE_URL'] || undefined,
    dataDir: env['DATA_DIR'] ?? './data/pglite',
    mode,
    bodyLimitBytes: Number(env['BODY_LIMIT_BYTES'] ?? 256 * 1024),
    sessionHours: Number(env['SESSION_HOURS'] ?? 12),
    timerPollMs: Number(env['TIMER_POLL_MS'] ?? 5000),
  };
}
