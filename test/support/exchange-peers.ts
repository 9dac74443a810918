import { sql } from 'drizzle-orm';
import type { Backend } from '../../runtime/db/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { addPeerKey, createKey, publicKeys, registerMember } from '../../runtime/exchange/index.ts';
import { TEST_START } from './seeded-databases.ts';
import { createTestRuntime, testClock, type TestClock, type TestRuntime } from './test-runtime.ts';
import { loopbackServer } from './loopback-server.ts';

/** 厦门 and 福州's employment services: two members, each on a node (database and server) of its own. */
export const XIAMEN = '350200-001';
export const FUZHOU = '350100-001';
/** A member served at 福州's node that has no inbox address: it pulls from the feed. */
export const FUZHOU_PULL = '350100-002';

/** A node: its runtime on a database of its own, listening on a loopback port (0: a free one). */
export interface PeerNode {
  t: TestRuntime;
  address: () => string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Serves a runtime on a loopback port (0 at first: a free one), as a node of the exchange. */
export function node(t: TestRuntime): PeerNode {
  return { t, ...loopbackServer(t.app.fetch) };
}

/** Two nodes on one clock, each registering the other's members and public keys, both listening. */
export async function twoNodes(backend: Backend): Promise<{ xiamen: PeerNode; fuzhou: PeerNode; clock: TestClock; close(): Promise<void> }> {
  const clock = testClock(TEST_START);
  const xiamen = node(await createTestRuntime(backend, { clock }));
  const fuzhou = node(await createTestRuntime(backend, { clock }));
  await xiamen.start();
  await fuzhou.start();
  await registerMember(xiamen.t.rt, { code: XIAMEN, name: '厦门市人力资源和社会保障局' });
  await createKey(xiamen.t.rt, XIAMEN);
  await registerMember(fuzhou.t.rt, { code: FUZHOU, name: '福州市人力资源和社会保障局' });
  await createKey(fuzhou.t.rt, FUZHOU);
  await registerMember(fuzhou.t.rt, { code: FUZHOU_PULL, name: '福州市鼓楼区就业服务中心' });
  await createKey(fuzhou.t.rt, FUZHOU_PULL);
  await registerMember(fuzhou.t.rt, { code: XIAMEN, name: '厦门市人力资源和社会保障局', address: xiamen.address() });
  await registerMember(xiamen.t.rt, { code: FUZHOU, name: '福州市人力资源和社会保障局', address: fuzhou.address() });
  await registerMember(xiamen.t.rt, { code: FUZHOU_PULL, name: '福州市鼓楼区就业服务中心' });
  await exchangeKeys(xiamen, fuzhou, XIAMEN);
  await exchangeKeys(fuzhou, xiamen, FUZHOU);
  await exchangeKeys(fuzhou, xiamen, FUZHOU_PULL);
  return {
    xiamen,
    fuzhou,
    clock,
    close: async () => {
      await xiamen.stop();
      await fuzhou.stop();
      await xiamen.t.close();
      await fuzhou.t.close();
    },
  };
}

/** Registers at `to` every public key `from` holds for a member (after a rotation too: the old key's end is taken). */
export async function exchangeKeys(from: PeerNode, to: PeerNode, member: string): Promise<void> {
  for (const key of await publicKeys(from.t.rt.db, member)) await addPeerKey(to.t.rt, key);
}

/** Rows of the exchange's tables, to prove a refusal wrote nothing. */
export async function exchangeCounts(t: TestRuntime): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['exchange_outbox', 'exchange_inbox', 'exchange_log', 'exchange_log_heads', 'exchange_cursors']) {
    const [row] = await queryRows<{ n: string | number }>(t.rt.db, sql.raw(`SELECT count(*) AS n FROM ${table}`));
    counts[table] = Number(row!.n);
  }
  return counts;
}

/** Moves the shared clock on by seconds. */
export function advanceSeconds(clock: TestClock, seconds: number): void {
  clock.set(new Date(clock.now().getTime() + seconds * 1000).toISOString());
}
