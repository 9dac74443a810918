import autocannon, { type Instance, type Request } from 'autocannon';

/** What one autocannon run measured; latencies over every response, whatever its status. */
export interface LoadFigures {
  seconds: number;
  connections: number;
  responses: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  /** Socket errors and timeouts (no response at all). */
  errors: number;
  timeouts: number;
}

/** A running load: its figures when it ends, and a way to end it early. */
export interface Load {
  done: Promise<LoadFigures>;
  stop(): void;
}

/** The value at percentile `p` of sorted `values` (nearest rank), rounded to 0.01 ms. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return Math.round(value * 100) / 100;
}

/**
 * Drives `requests` (each connection walks the list in order, over and over) against `url` for
 * `seconds` on `connections` keep-alive connections. Latencies are taken from every response in
 * full precision (autocannon's own histogram keeps whole milliseconds of 2xx responses only).
 */
export function startLoad(options: { url: string; connections: number; seconds: number; requests: Request[] }): Load {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let instance: Instance | undefined;
  const done = new Promise<LoadFigures>((resolve, reject) => {
    instance = autocannon({ url: options.url, connections: options.connections, duration: options.seconds, requests: options.requests }, (error, result) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      const sorted = latencies.sort((a, b) => a - b);
      const non2xx = Object.entries(statuses).reduce((sum, [status, n]) => (status.startsWith('2') ? sum : sum + n), 0);
      resolve({
        seconds: result.duration,
        connections: options.connections,
        responses: sorted.length,
        requestsPerSec: Math.round((sorted.length / result.duration) * 10) / 10,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        non2xx,
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  return { done, stop: () => instance?.stop() };
}

/** One line of figures: requests/s, p50/p99, non-2xx by status. */
export function describeLoad(figures: LoadFigures): string {
  const failed = Object.entries(figures.statuses).filter(([status]) => !status.startsWith('2'));
  const non2xx = failed.length === 0 ? 'non-2xx 0' : `non-2xx ${figures.non2xx} (${failed.map(([status, n]) => `${status}×${n}`).join(', ')})`;
  const broken = figures.errors + figures.timeouts > 0 ? `, socket errors ${figures.errors}, timeouts ${figures.timeouts}` : '';
  return `${figures.requestsPerSec} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ${non2xx}${broken}`;
}
