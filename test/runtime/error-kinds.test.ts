import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type ActionImplementation, type Effect } from '../../engine/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { createApiApp } from '../../runtime/http/app.ts';
import { captureLog } from '../../runtime/log/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { act, caseHistory, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const EMPLOYER = '91350100M000100Y43';

/** A database error of a transaction the database chose as a deadlock's victim, as drizzle wraps the driver's. */
const deadlock = () => new Error('Failed query: update persons …', { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) });

/** Runs `work` with the log captured: the 500 it provokes on purpose is logged. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const release = captureLog(() => undefined);
  try {
    return await work();
  } finally {
    release();
  }
}

/** An action that throws `errors` one per call, then does nothing; counts its calls. */
function throwing(...errors: Error[]): ActionImplementation & { calls: number } {
  const action = Object.assign((): Effect[] => {
    const error = errors[action.calls++];
    if (error) throw error;
    return [];
  }, { calls: 0 });
  return action;
}

/**
 * The runtime as it would be if the job-seeking process ran one more action when `event` moves a
 * case out of `active`: an action that refuses, fails, or loses a race there. It stands in the place
 * of `issueCertificate`, a built-in the process does not otherwise use.
 */
function withActionOn(rt: RuntimeContext, event: string, action: ActionImplementation): RuntimeContext {
  const compileStored: RuntimeContext['registry']['compileStored'] = (pluginId, definition) => {
    if (definition.id !== 'job-seeking') return rt.registry.compileStored(pluginId, definition);
    const changed = structuredClone(definition);
    changed.states['active']!.on[event]!.actions.push({ type: 'issueCertificate', params: { certificate: 'trial' } });
    const compiled = rt.registry.compileStored(pluginId, changed);
    return { ...compiled, actions: { ...compiled.actions, issueCertificate: action } };
  };
  return { ...rt, registry: { ...rt.registry, compileStored } };
}

describe.each(backends)('what coordination and the timer worker do by the kind of an error (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let people = 0;

  /** A new person with an active job-seeking registration valid until `validUntil`, whose expiry timer is armed. */
  async function seeking(validUntil = '2026-11-30'): Promise<{ personId: string; caseId: string; version: number }> {
    people += 1;
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19920202', String(100 + people)), `求职者${people}`);
    const { id } = await open(t, caseworker, 'job-seeking', personId);
    const active = await act(t, caseworker, id, 'register', {
      desiredOccupations: ['4-02-06-03'],
      desiredAreas: ['350203'],
      expectedPayFen: 500_000,
      education: '20',
      availableFrom: '2026-11-03',
      validUntil,
    });
    expect(active.state).toBe('active');
    return { personId, caseId: id, version: active.version };
  }

  /** Registers the hire on an open employment registration through `rt`'s API. */
  async function sendHire(rt: RuntimeContext, caseId: string, version: number) {
    const response = await createApiApp(rt).request(
      `/api/cases/${caseId}/events`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${caseworker}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'register', version, data: { employmentForm: 'contract', employerCreditCode: EMPLOYER, hireDate: '2026-11-02' } }),
      },
      { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
    );
    return { status: response.status, body: await response.json() };
  }

  /** Opens an employment registration and registers the hire through `rt`'s API. */
  async function registerEmployment(rt: RuntimeContext, personId: string) {
    const { id, version } = await open(t, caseworker, 'employment-registration', personId);
    return { hireId: id, ...(await sendHire(rt, id, version)) };
  }

  async function deliveryTo(hireId: string) {
    const rows = await queryRows<{ outcome: unknown }>(
      t.rt.db,
      sql`SELECT d.outcome FROM outbox_deliveries d JOIN outbox o ON o.city_code = d.city_code AND o.id = d.outbox_id WHERE o.case_id = ${hireId} AND d.subscriber = 'job-seeking:employmentRegistered'`,
    );
    return rows.map((r) => (typeof r.outcome === 'string' ? JSON.parse(r.outcome) : r.outcome));
  }

  /** Moves the clock, signing in again as the session would have lapsed. */
  async function clockAt(iso: string) {
    t.clock.set(iso);
    caseworker = await t.login('caseworker');
  }

  async function timerOutcome(caseId: string) {
    const [timer] = await queryRows<{ outcome: unknown }>(t.rt.db, sql`SELECT outcome FROM timers WHERE case_id = ${caseId} AND kind = 'event'`);
    return typeof timer!.outcome === 'string' ? JSON.parse(timer!.outcome) : timer!.outcome;
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    caseworker = await t.login('caseworker');
    expect((await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER, name: '福州示例科技有限公司' } })).status).toBe(201);
  });
  afterAll(() => t.close());

  describe('a subscribed case', () => {
    it('refused with any refusal (here NOT_FOUND) declines the event as it is, and the emitting step goes through', async () => {
      // Before errors had kinds, only three refusal codes declined: any other refused the employment registration itself (here 404).
      const job = await seeking();
      const refusing = throwing(new PlatformError('NOT_FOUND', { details: { vacancy: 'gone' } }));
      const hire = await registerEmployment(withActionOn(t.rt, 'employmentRegistered', refusing), job.personId);
      expect([hire.status, hire.body.state]).toEqual([200, 'employed']);
      expect(refusing.calls).toBe(1);
      expect(await getCase(t, caseworker, job.caseId)).toMatchObject({ state: 'active', version: job.version });
      expect(await deliveryTo(hire.hireId)).toEqual([{ stepped: [], started: [], declined: [{ caseId: job.caseId, code: 'NOT_FOUND' }] }]);
    });

    it('losing a race sends the whole emitting step round again, each step then recorded once', async () => {
      const job = await seeking();
      const racing = throwing(deadlock());
      const hire = await registerEmployment(withActionOn(t.rt, 'employmentRegistered', racing), job.personId);
      expect([hire.status, hire.body.state]).toEqual([200, 'employed']);
      expect(racing.calls).toBe(2);
      expect(await getCase(t, caseworker, job.caseId)).toMatchObject({ state: 'closed', version: job.version + 1 });
      expect((await caseHistory(t, caseworker, job.caseId)).map((h) => h.event)).toEqual(['create', 'register', 'employmentRegistered']);
      expect((await caseHistory(t, caseworker, hire.hireId)).map((h) => h.event)).toEqual(['create', 'register']);
      expect(await deliveryTo(hire.hireId)).toEqual([{ stepped: [job.caseId], started: [], declined: [] }]);
    });

    it('failing (a fault) ends the emitting step with 500 and writes nothing', async () => {
      const job = await seeking();
      const { id, version } = await open(t, caseworker, 'employment-registration', job.personId);
      const before = await tableCounts(t.rt);
      const hire = await quietly(() => sendHire(withActionOn(t.rt, 'employmentRegistered', throwing(new Error('plugin bug'))), id, version));
      expect([hire.status, hire.body.code]).toEqual([500, 'INTERNAL_ERROR']);
      expect(await tableCounts(t.rt)).toEqual(before);
      expect(await getCase(t, caseworker, job.caseId)).toMatchObject({ state: 'active', version: job.version });
    });
  });

  describe('a timer', () => {
    it('whose event is refused with any refusal (here NOT_FOUND) records it as refused and leaves the case as it was', async () => {
      // Before errors had kinds, a refusal outside a list of five codes was recorded as a failure.
      const job = await seeking('2026-11-05');
      await clockAt('2026-11-06T02:00:00.000Z');
      const fired = await fireDueTimers(withActionOn(t.rt, 'expire', throwing(new PlatformError('NOT_FOUND'))));
      // The employment registration left pending by the fault above is overdue too: its SLA escalates.
      expect(fired.filter((f) => f.kind === 'event')).toEqual([{ caseId: job.caseId, kind: 'event', state: 'active', outcome: { refused: { event: 'expire', code: 'NOT_FOUND' } } }]);
      expect(await timerOutcome(job.caseId)).toEqual({ refused: { event: 'expire', code: 'NOT_FOUND' } });
      expect(await getCase(t, caseworker, job.caseId)).toMatchObject({ state: 'active', version: job.version });
      expect(await fireDueTimers(t.rt)).toEqual([]);
    });

    it('whose step loses a race runs it once more and sends its event once; a second loss is recorded as CONCURRENT_UPDATE', async () => {
      // Before, a race lost was recorded as a failure (INTERNAL_ERROR) and the event never sent.
      const once = await seeking('2026-11-09');
      const twice = await seeking('2026-11-10');
      await clockAt('2026-11-11T02:00:00.000Z');
      const losingOnce = throwing(deadlock());
      expect(await fireDueTimers(withActionOn(t.rt, 'expire', losingOnce), 1)).toEqual([{ caseId: once.caseId, kind: 'event', state: 'active', outcome: { sent: 'expire' } }]);
      expect(losingOnce.calls).toBe(2);
      expect(await getCase(t, caseworker, once.caseId)).toMatchObject({ state: 'expired', version: once.version + 1 });
      expect((await caseHistory(t, caseworker, once.caseId)).map((h) => h.event)).toEqual(['create', 'register', 'expire']);

      const losingTwice = throwing(deadlock(), deadlock());
      expect(await fireDueTimers(withActionOn(t.rt, 'expire', losingTwice))).toEqual([{ caseId: twice.caseId, kind: 'event', state: 'active', outcome: { failed: 'CONCURRENT_UPDATE' } }]);
      expect(losingTwice.calls).toBe(2);
      expect(await getCase(t, caseworker, twice.caseId)).toMatchObject({ state: 'active', version: twice.version });
      expect(await fireDueTimers(t.rt)).toEqual([]);
    });
  });
});
