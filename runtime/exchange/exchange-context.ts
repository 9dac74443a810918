import type { RuntimeContext } from '../runtime-context.ts';

/** What the exchange needs of the runtime: its database, the key ring that seals private keys, and the clock. */
export type ExchangeContext = Pick<RuntimeContext, 'db' | 'cipher' | 'clock'>;

/** How a node reaches a peer over HTTP: `fetch`, or a stand-in in a test. */
export type Transport = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ status: number; json(): Promise<unknown> }>;
