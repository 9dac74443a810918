import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { citizenId } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

describe.each(backends)('a timer whose step fails unexpectedly (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(backend);
  });
  afterAll(() => t.close());

  it('is recorded as failed and fired once, leaving the case as it was and the queue moving', async () => {
    const caseworker = await t.login('caseworker');
    const person = await registerPerson(t, caseworker, citizenId('350203', '19920202', '017'), '许明');
    const seeking = await open(t, caseworker, 'job-seeking', person);
    const active = await act(t, caseworker, seeking.id, 'register', {
      desiredOccupations: ['4-02-06-03'],
      desiredAreas: ['350203'],
      expectedPayFen: 500_000,
      education: '20',
      availableFrom: '2026-11-03',
      validUntil: '2026-11-20',
    });
    expect(active.state).toBe('active');

    // After the end of validUntil the expiry is due; a runtime whose definitions cannot be loaded fails on it.
    t.clock.set('2026-11-21T02:00:00.000Z');
    const broken: RuntimeContext = { ...t.rt, registry: { ...t.rt.registry, compileStored: () => { throw new Error('definition store unavailable'); } } };
    const fired = await fireDueTimers(broken);
    expect(fired).toEqual([{ caseId: seeking.id, kind: 'event', state: 'active', outcome: { failed: 'INTERNAL_ERROR' } }]);
    const [timer] = await queryRows<{ fired_at: unknown; outcome: unknown }>(t.rt.db, sql`SELECT fired_at, outcome FROM timers WHERE case_id = ${seeking.id} AND kind = 'event'`);
    expect(timer!.fired_at).not.toBeNull();
    expect(timer!.outcome).toEqual({ failed: 'INTERNAL_ERROR' });
    expect(await getCase(t, await t.login('caseworker'), seeking.id)).toMatchObject({ state: 'active', version: active.version });
    // Not retried forever: a healthy worker finds nothing due.
    expect(await fireDueTimers(t.rt)).toEqual([]);
  });
});
