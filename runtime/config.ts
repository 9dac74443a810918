import { LOG_LEVELS, type LogLevel } from './log/index.ts';

/** Runtime settings, read once from the environment with sensible defaults. */
export interface RuntimeConfig {
  port: number;
  /** The address the server listens on: loopback unless told otherwise (`HOST=0.0.0.0` behind a proxy on another host). */
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  /**
   * The database owner's URL (PostgreSQL): migrations run as the owner, who then grants the role
   * of `databaseUrl` only what the server needs (no UPDATE, DELETE or TRUNCATE of history).
   * Absent: one role does both, as in development.
   */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  /** `demo` seeds demo accounts and data; `production` never does, and refuses a database that holds them. */
  mode: 'demo' | 'production';
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Largest bulk import file accepted (CSV or XLSX), in bytes; the one route that takes a file has this limit instead. */
  importLimitBytes: number;
  /** Largest file attached to a case (PDF, JPEG or PNG), in bytes; the upload route's body may be this much plus its multipart framing. */
  attachmentLimitBytes: number;
  /** How long a session lasts at most from sign-in. */
  sessionHours: number;
  /** A session unused this long ends. */
  sessionIdleMinutes: number;
  /** A password older than this must be changed at the next sign-in; 0: never. */
  passwordMaxAgeDays: number;
  /** Wrong passwords in a row that lock an account, and for how long. */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Wrong sign-ins from one address, whatever the account, after which the address waits `loginLockMinutes`. */
  addressMaxFailures: number;
  /** Behind a reverse proxy: take the client's address from `X-Forwarded-For`. */
  trustProxy: boolean;
  /** The key file of the personal-data cipher; a demo installation makes one beside its data. */
  piiKeyFile: string | undefined;
  /** The least severe log line written: info, warn, error or silent. */
  logLevel: LogLevel;
  /** How often the timer worker looks for due timers; 0 turns it off (another process fires them). */
  timerPollMs: number;
  /**
   * `exchange`: a province under a national node, which asks it (exchange service `national.claim`)
   * before committing a nationwide status; `none` (the default): a city or province on its own, whose
   * database alone keeps the rule.
   */
  nationalClaims: 'none' | 'exchange';
  /** The most cases one export holds (1 to {@link CASE_EXPORT_MAX}, that by default): a city may lower it, never raise it. */
  caseExportLimit: number;
}

/** The ministry's ceiling on the cases one export holds: a larger result is refused, to be narrowed by filters. */
export const CASE_EXPORT_MAX = 5000;

/** A setting the platform refuses to start with, said in one line. */
export class StartupRefusal extends Error {
  override readonly name = 'StartupRefusal';
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new StartupRefusal(`${name} 须为非负数 must be a non-negative number, not ${JSON.stringify(raw)}`);
  return value;
}

/** A whole number from 1 to `max` (the fallback when unset): a bound a city may tighten but never loosen. */
function boundedCount(env: NodeJS.ProcessEnv, name: string, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return max;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new StartupRefusal(`${name} 须为 1 至 ${max} 的整数 must be a whole number from 1 to ${max}, not ${JSON.stringify(raw)}`);
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new StartupRefusal(`${name} 须为 must be one of ${allowed.join(', ')}, not ${JSON.stringify(raw)}`);
  return raw as T;
}

/**
 * Reads {@link RuntimeConfig} from `env` (defaults to `process.env`). Fails closed: `APP_MODE`
 * is exactly `demo` (the default) or `production`, and a number that is not one is refused.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const mode = env['APP_MODE'] ?? 'demo';
  if (mode !== 'demo' && mode !== 'production') {
    throw new StartupRefusal(`APP_MODE 只能是 demo 或 production must be exactly "demo" or "production", not ${JSON.stringify(mode)}`);
  }
  return {
    port: positiveNumber(env, 'PORT', 3000),
    host: env['HOST'] || '127.0.0.1',
    databaseUrl: env['DATABASE_URL'] || undefined,
    databaseOwnerUrl: env['DATABASE_OWNER_URL'] || undefined,
    dataDir: env['DATA_DIR'] || './data/pglite',
    mode,
    bodyLimitBytes: positiveNumber(env, 'BODY_LIMIT_BYTES', 256 * 1024),
    importLimitBytes: positiveNumber(env, 'IMPORT_LIMIT_BYTES', 20 * 1024 * 1024),
    attachmentLimitBytes: positiveNumber(env, 'ATTACHMENT_LIMIT_BYTES', 10 * 1024 * 1024),
    sessionHours: positiveNumber(env, 'SESSION_HOURS', 12),
    sessionIdleMinutes: positiveNumber(env, 'SESSION_IDLE_MINUTES', 30),
    passwordMaxAgeDays: positiveNumber(env, 'PASSWORD_MAX_AGE_DAYS', 90),
    loginMaxFailures: positiveNumber(env, 'LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: positiveNumber(env, 'LOGIN_LOCK_MINUTES', 15),
    addressMaxFailures: positiveNumber(env, 'ADDRESS_MAX_FAILURES', 20),
    trustProxy: env['TRUST_PROXY'] === '1',
    piiKeyFile: env['PII_KEY_FILE'] || undefined,
    timerPollMs: positiveNumber(env, 'TIMER_POLL_MS', 5000),
    caseExportLimit: boundedCount(env, 'CASE_EXPORT_LIMIT', CASE_EXPORT_MAX),
    nationalClaims: oneOf(env, 'NATIONAL_CLAIMS', ['none', 'exchange'] as const, 'none'),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
  };
}
