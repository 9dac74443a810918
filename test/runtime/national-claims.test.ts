import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { nationalReleaseHandler, takeClaim } from '../../runtime/national/index.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import type { Envelope } from '../../runtime/exchange/index.ts';

/** The national claim's own rules, and a city with no national node working as before (issue 18, item 4). */
describe.each(backends)('national claims (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(backend);
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await queryRows<{ n: number }>(t.rt.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n);

  it('registers the unemployed in a city with no national node configured as before: no claim asked, nothing sent on the exchange', async () => {
    expect(t.rt.config.nationalClaims).toBe('none');
    const [caseworker, reviewer] = [await t.login('caseworker'), await t.login('reviewer')];
    const person = await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350203', '19920202', '611'), name: '陈晓' } });
    const opened = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'unemployment-registration', subjectId: person.body.id } });
    await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: caseworker, body: { type: 'submit', data: registrationForm(), version: 1 } });
    const approved = await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: reviewer, body: { type: 'approve', data: { opinion: '同意' }, version: 2 } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const [held] = await queryRows<{ n: number }>(t.rt.db, sql`SELECT count(*)::int AS n FROM nationwide_statuses WHERE case_id = ${opened.body.id}`);
    expect(held!.n).toBe(1);
    expect([await count('exchange_log'), await count('exchange_outbox'), await count('national_claims')]).toEqual([0, 0, 0]);
  });

  it('grants a claim to its first province, again to the same province for a new case, never to another; a release gives up only the case named', async () => {
    const index = t.rt.cipher.index(citizenId('440106', '19930303', '711'));
    const [first, second, other] = [randomUUID(), randomUUID(), randomUUID()];
    const at = t.rt.clock();
    const claim = (holder: string, caseId: string) => takeClaim(t.rt.db, holder, { idNumberIndex: index, statusKey: 'unemploymentStatus', caseId }, at);
    expect(await claim('350000-001', first)).toEqual({ granted: true, holder: '350000-001' });
    expect(await claim('440000-001', other)).toEqual({ granted: false, holder: '350000-001' });
    expect(await claim('350000-001', second)).toEqual({ granted: true, holder: '350000-001' });
    const [, release] = nationalReleaseHandler();
    const releasing = (sender: string, caseId: string) =>
      t.rt.db.transaction((tx) => release(tx, { sender, payload: { idNumberIndex: index, statusKey: 'unemploymentStatus', caseId } } as unknown as Envelope));
    // A late release of the first case, or one from another province, leaves the claim as it is.
    await releasing('350000-001', first);
    await releasing('440000-001', second);
    const holders = () => queryRows<{ holder: string; case_id: string }>(t.rt.db, sql`SELECT holder, case_id FROM national_claims WHERE id_number_index = ${index}`);
    expect(await holders()).toEqual([{ holder: '350000-001', case_id: second }]);
    await releasing('350000-001', second);
    expect(await holders()).toEqual([]);
    expect(await claim('440000-001', other)).toEqual({ granted: true, holder: '440000-001' });
  });
});
