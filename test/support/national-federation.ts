import { sql } from 'drizzle-orm';
import { queryRows } from '../../runtime/db/index.ts';
import { attachProvince, grantNationalReader, linkProvince, type FederationNode } from '../../runtime/national/index.ts';
import { node, type PeerNode } from './exchange-peers.ts';
import { TEST_START } from './seeded-databases.ts';
import { createTestRuntime, postgresUrl, testClock, type TestClock } from './test-runtime.ts';

export const NATIONAL = '100000-001';
export const FUJIAN = '350000-001';
export const GUANGDONG = '440000-001';
/** The provinces' read-only role for the national node's foreign tables (one PostgreSQL server here: one role for both). */
export const NATIONAL_READER = { user: 'national_reader_test', password: 'national-reader-test' };

/** A province of the test federation: its node, and its division code. */
export interface TestProvince extends PeerNode {
  code: string;
}

async function databaseName(p: PeerNode): Promise<string> {
  const [row] = await queryRows<{ name: string }>(p.t.rt.db, sql`SELECT current_database() AS name`);
  return row!.name;
}

function federationNode(p: PeerNode, memberCode: string, name: string): FederationNode {
  return { rt: p.t.rt, memberCode, name, address: p.address() };
}

/**
 * 福建 and 广东, each a seeded runtime on a PostgreSQL database of its own claiming its nationwide
 * statuses at the national node (`nationalClaims: 'exchange'`), and the national node on a third:
 * linked on the exchange, the provinces' national views attached at the national node as foreign
 * tables. The seeded test database holds the city 350200 (厦门), so both provinces hold it here: the
 * federation keys its claims by province member, never by city code.
 */
export async function testFederation(): Promise<{ national: PeerNode; fujian: TestProvince; guangdong: TestProvince; clock: TestClock; close(): Promise<void> }> {
  const clock = testClock(TEST_START);
  const province = { clock, config: { nationalClaims: 'exchange' as const } };
  const national = node(await createTestRuntime('postgres', { clock }));
  const fujian = { ...node(await createTestRuntime('postgres', province)), code: '350000' };
  const guangdong = { ...node(await createTestRuntime('postgres', province)), code: '440000' };
  for (const n of [national, fujian, guangdong]) await n.start();
  const server = new URL(postgresUrl!);
  const nationalNode = federationNode(national, NATIONAL, '人力资源和社会保障部');
  for (const [p, member, name] of [[fujian, FUJIAN, '福建省人力资源和社会保障厅'], [guangdong, GUANGDONG, '广东省人力资源和社会保障厅']] as const) {
    await linkProvince(nationalNode, federationNode(p, member, name), ['350200']);
    await grantNationalReader(p.t.rt.db, NATIONAL_READER.user, NATIONAL_READER.password);
    await attachProvince(national.t.rt.db, {
      code: p.code,
      name,
      memberCode: member,
      nationalMemberCode: NATIONAL,
      host: server.hostname,
      port: Number(server.port || 5432),
      dbname: await databaseName(p),
      ...NATIONAL_READER,
    });
  }
  return {
    national,
    fujian,
    guangdong,
    clock,
    close: async () => {
      for (const n of [national, fujian, guangdong]) await n.stop();
      await national.t.close();
      await fujian.t.close();
      await guangdong.t.close();
    },
  };
}
