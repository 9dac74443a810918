/** A field a log line may carry: what happened and where, never personal data or a query's parameters. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Where log lines go: stdout for information, stderr for errors; tests capture them. */
export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

/** The least severe level written: `info` by default, `warn` in the test suite (its requests are many). */
export const LOG_LEVELS = ['info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

let sink: LogSink = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
let threshold: LogLevel = (LOG_LEVELS as readonly string[]).includes(process.env['LOG_LEVEL'] ?? '') ? (process.env['LOG_LEVEL'] as LogLevel) : 'info';

/** Sets the least severe level written (the server sets `LOG_LEVEL` from its settings). */
export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

/** Sends every log line, whatever the level, to `capture` (a test's) until the returned function is called. */
export function captureLog(capture: (line: string) => void): () => void {
  const previous = { sink, threshold };
  sink = { out: capture, err: capture };
  threshold = 'info';
  return () => {
    ({ sink, threshold } = previous);
  };
}

/**
 * What may be said of an error in a log: its kind, the database's SQLSTATE and constraint, and
 * where in the code it arose. Never its message: a database error's message carries the failing
 * SQL with its parameters (ID numbers, names), and a driver's may quote the input it refused.
 */
export function describeError(error: unknown): LogFields {
  // The class's name: many drivers leave `name` as plain 'Error'.
  const fields: LogFields = { error: error instanceof Error ? (error.constructor?.name ?? error.name) : typeof error };
  let cause: unknown = error;
  for (let depth = 0; cause && depth < 4; depth++) {
    const { code, constraint_name: constraint } = cause as { code?: unknown; constraint_name?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) fields['sqlState'] = code;
    if (typeof constraint === 'string') fields['constraint'] = constraint;
    cause = (cause as { cause?: unknown }).cause;
  }
  const frame = error instanceof Error ? error.stack?.split('\n').find((line) => line.includes('/runtime/') || line.includes('/engine/')) : undefined;
  if (frame) fields['at'] = frame.trim().replace(/^at /, '').replace(/^.*\((.*)\)$/, '$1').replace(/^.*\/(runtime|engine)\//, '$1/');
  return fields;
}

function write(level: Exclude<LogLevel, 'silent'>, message: string, fields: LogFields): void {
  if (LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(threshold)) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields });
  if (level === 'info') sink.out(line);
  else sink.err(line);
}

/** Structured log lines, one JSON object each, with a request id where there is a request. */
export const log = {
  info: (message: string, fields: LogFields = {}) => write('info', message, fields),
  warn: (message: string, fields: LogFields = {}) => write('warn', message, fields),
  error: (message: string, fields: LogFields = {}) => write('error', message, fields),
};
