import { spawn } from 'node:child_process';
import { StartupRefusal } from '../config.ts';

/** What the PostgreSQL client tools connect with: the URL without its password, which travels in `PGPASSWORD`. */
export interface ToolConnection {
  /** A libpq connection URI for `--dbname`, with no password in it. */
  dbname: string;
  env: NodeJS.ProcessEnv;
  /** user@host:port/database, for messages. */
  label: string;
}

/** Splits the password off a PostgreSQL URL, so it never appears on a command line (visible to `ps`). */
export function toolConnection(url: string): ToolConnection {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env['PGPASSWORD'] = password;
  const label = `${decodeURIComponent(parsed.username) || '(default user)'}@${parsed.hostname}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname)}`;
  return { dbname: parsed.toString(), env, label };
}

/**
 * Runs `pg_dump` or `pg_restore` with an argument array (never through a shell) and resolves with
 * its standard output; a failure rejects with what the tool said on standard error.
 */
export function runTool(command: 'pg_dump' | 'pg_restore', args: string[], options: { env?: NodeJS.ProcessEnv; stdout?: 'pipe' | 'ignore' } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new StartupRefusal(`找不到 ${command} is not on PATH: install the PostgreSQL client tools of the server's major version or newer (Debian: /usr/lib/postgresql/N/bin)`)
          : error,
      );
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${command} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}: ${Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}
