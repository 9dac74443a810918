import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/**
 * A peer of the exchange served on a loopback port: a free port at first and the same one after a
 * restart, so that its peers' registry still reaches it.
 */
export interface LoopbackServer {
  /** The base address of its exchange API. */
  address(): string;
  /** Starts it; a running one stays as it is. */
  start(): Promise<void>;
  /** Stops it, its open connections closed. */
  stop(): Promise<void>;
}

export function loopbackServer(fetch: (request: Request) => Response | Promise<Response>): LoopbackServer {
  let server: ServerType | undefined;
  let port = 0;
  return {
    address: () => `http://127.0.0.1:${port}/api/exchange`,
    start: () =>
      new Promise((resolve) => {
        if (server) return resolve();
        server = serve({ fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
          port = info.port;
          resolve();
        });
      }),
    stop: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        const closing = server;
        server = undefined;
        (closing as { closeAllConnections?: () => void }).closeAllConnections?.();
        closing.close(() => resolve());
      }),
  };
}
