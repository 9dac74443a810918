import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../engine/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { cases, exchangeLog, persons } from '../../runtime/db/schema/index.ts';
import { verifyMessageLog } from '../../runtime/exchange/index.ts';
import { caseRecordedSteps } from '../../runtime/localisation/index.ts';
import { publishedDefinition } from '../../runtime/plugins/index.ts';
import { exchangeCounts } from '../support/exchange-peers.ts';
import { recordedFacts, refusedWritingNothing } from '../support/agency-peer.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { plugins } from '../support/packages.ts';
import { CITY_CLIENT, connectCity, SOCIAL_INSURANCE_AGENCY, socialInsurancePeer, type SocialInsurancePeer } from '../support/social-insurance-peer.ts';
import { act, caseHistory, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestClock, type TestRuntime } from '../support/test-runtime.ts';

const TODAY = '2026-11-13T01:00:00.000Z';
/** The agency's records stood so at the end of the day before. */
const AS_OF = '2026-11-12T16:00:00.000Z';
const medicalAgency = { medicalAgencyCode: '123502004850012387', medicalAgencyName: '厦门市医疗保障事务中心', medicalAgencyAccount: '35150198010000012345', medicalAgencyBank: '建设银行厦门分行' };

/** The application as the caseworker sends it: without insured months, which the agency gives, unless `more` types them. */
const application = (more: Record<string, unknown> = {}) => ({
  separationReason: 'dismissed-by-employer',
  separationDate: '2026-10-20',
  registrationDate: '2026-11-13',
  carriedOverMonths: 0,
  bankAccount: '6222020200112233445',
  ...more,
});

let sequence = 1;
const nextId = () => citizenId('350203', '19850612', String(501 + sequence++ * 2).padStart(3, '0'));

/** A city node's staff, and a new person registered unemployed there today; returns the person's id and city. */
async function registered(t: TestRuntime, staff: { caseworker: string; reviewer: string }, idNumber: string, name: string): Promise<{ personId: string; cityCode: string }> {
  const personId = await registerPerson(t, staff.caseworker, idNumber, name);
  const registration = (await open(t, staff.caseworker, 'unemployment-registration', personId)).id;
  await act(t, staff.caseworker, registration, 'submit', registrationForm({ unemployedSince: '2026-10-20' }));
  expect((await act(t, staff.reviewer, registration, 'approve', { opinion: '同意' })).state).toBe('registered');
  const [person] = await t.rt.db.select({ cityCode: persons.cityCode }).from(persons).where(eq(persons.id, personId));
  return { personId, cityCode: person!.cityCode };
}

/** A member's entries in a node's message log, oldest first. */
async function logOf(t: TestRuntime, member: string) {
  return t.rt.db.select().from(exchangeLog).where(eq(exchangeLog.memberCode, member)).orderBy(asc(exchangeLog.seq));
}

/**
 * Issue 18 item 2, social insurance: the benefit claim's rules read the insured months from the
 * social insurance agency over the exchange (a signed query and a signed answer, in the message
 * logs at both ends), kept on the step's record with their source and as-of time, so a replay never
 * asks again; when the agency is down, the definition decides: the caseworker's typed months,
 * marked as such, or a retryable refusal with nothing written.
 */
describe.each(backends)('social insurance connector (%s)', (backend) => {
  let clock: TestClock;
  let t: TestRuntime;
  let peer: SocialInsurancePeer;
  let staff: { caseworker: string; reviewer: string };
  let cityCode: string;
  let claimId: string;

  beforeAll(async () => {
    clock = testClock(TODAY);
    t = await createTestRuntime(backend, { clock });
    peer = await socialInsurancePeer(backend, clock, new Map());
    staff = { caseworker: await t.login('caseworker'), reviewer: await t.login('reviewer') };
  });
  afterAll(async () => {
    await peer.close();
    await t.close();
  });

  it('reads the insured months from the agency for the claim, with their source and as-of time on the record and in the history', async () => {
    const idNumber = nextId();
    peer.records.set(idNumber, { contributionMonths: 62, contributionsPaidFen: 1_860_000, asOf: AS_OF });
    const person = await registered(t, staff, idNumber, '社保甲');
    cityCode = person.cityCode;
    await connectCity(t, peer, cityCode);
    claimId = (await open(t, staff.caseworker, 'unemployment-benefit', person.personId)).id;

    expect((await act(t, staff.caseworker, claimId, 'check', application())).state).toBe('checked');
    const insurance = (await recordedFacts(t, claimId, 'check'))['insurance'] as Record<string, any>;
    expect(insurance).toEqual({ found: true, contributionMonths: 62, contributionsPaidFen: 1_860_000, asOf: AS_OF, source: { member: SOCIAL_INSURANCE_AGENCY, messageId: expect.any(String) }, caseworkerEntered: false });
    const check = (await caseHistory(t, staff.caseworker, claimId)).find((item) => item.event === 'check') as any;
    expect(check.exchangeFacts).toEqual([{ name: 'insurance', provider: 'socialInsurance', value: insurance }]);

    // Both envelopes in the message log at each end: the request the city sent, the agency's answer.
    const cityLog = await logOf(t, CITY_CLIENT);
    const agencyLog = await logOf(peer.t, SOCIAL_INSURANCE_AGENCY);
    expect(cityLog.map((e) => e.direction)).toEqual(['sent', 'received']);
    expect(agencyLog.map((e) => e.direction)).toEqual(['received', 'sent']);
    expect(cityLog.map((e) => [e.messageId, e.envelopeHash])).toEqual(agencyLog.map((e) => [e.messageId, e.envelopeHash]));
    expect(cityLog[1]!.messageId).toBe(insurance.source.messageId);
    expect(await verifyMessageLog(t.rt.db, CITY_CLIENT)).toEqual({ ok: true, entries: 2, brokenAt: null });
    expect(await verifyMessageLog(peer.t.rt.db, SOCIAL_INSURANCE_AGENCY)).toEqual({ ok: true, entries: 2, brokenAt: null });
    // The ID number went only in the signed payload: the city's exchange tables hold none of it.
    const stored = await queryRows<{ text: string }>(t.rt.db, sql`SELECT coalesce(string_agg(row_to_json(l)::text, ''), '') AS text FROM exchange_log l`);
    expect(stored[0]!.text).not.toContain(idNumber);

    // The approval reads the agency's 62 months too: 18 months of benefit, not 12.
    const months = await refusedWritingNothing(t, staff.reviewer, claimId, 'approve', { months: 12, monthlyAmountFen: 196_000, ...medicalAgency });
    expect(months.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['months-as-entitled']);
    expect((await act(t, staff.reviewer, claimId, 'approve', { months: 18, monthlyAmountFen: 196_000, ...medicalAgency })).state).toBe('receiving');
    expect(((await recordedFacts(t, claimId, 'approve'))['insurance'] as { asOf: string }).asOf).toBe(AS_OF);
    expect(peer.answered()).toBe(3);
  });

  it('replays the claim from its records with the agency stopped: the recorded facts, never a new query', async () => {
    await peer.stop();
    const answered = peer.answered();
    const [row] = await t.rt.db.select().from(cases).where(eq(cases.id, claimId));
    const { compiled } = await publishedDefinition(t.rt.db, t.rt.registry, row!.definitionId);
    const steps = await caseRecordedSteps(t.rt, claimId);
    expect(steps.map((s) => s.event)).toEqual(['create', 'check', 'approve']);
    const result = replay(compiled, steps, (instant) => t.rt.registry.parameters('unemployment-benefit', instant.slice(0, 10)));
    expect(result).toEqual({ factsMissing: [], deadlinesDiffer: [], result: 'same', finalState: 'receiving' });
    // Another agency answer would have changed the outcome: the recorded one decides.
    const fewer = steps.map((s) => (s.event === 'approve' ? { ...s, facts: { ...s.facts, insurance: { ...(s.facts!['insurance'] as object), contributionMonths: 130 } } } : s));
    expect(replay(compiled, fewer, (instant) => t.rt.registry.parameters('unemployment-benefit', instant.slice(0, 10))).result).toBe('refused');
    expect(peer.answered()).toBe(answered);
    await peer.start();
  });

  it('takes the caseworker typed months when the agency is down, marked as caseworker-entered, and refuses without them', async () => {
    const idNumber = nextId();
    peer.records.set(idNumber, { contributionMonths: 200, contributionsPaidFen: 6_000_000, asOf: AS_OF });
    const person = await registered(t, staff, idNumber, '社保乙');
    const caseId = (await open(t, staff.caseworker, 'unemployment-benefit', person.personId)).id;
    await peer.stop();
    try {
      const before = await exchangeCounts(t);
      const down = await refusedWritingNothing(t, staff.caseworker, caseId, 'check', application());
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('30');
      // A kept-alive connection to the stopped agency fails as a socket error, a new one as refused: either is said by its code.
      expect(down.body).toMatchObject({ code: 'EXCHANGE_PEER_UNAVAILABLE', details: { provider: SOCIAL_INSURANCE_AGENCY, service: 'social-insurance.contributions', reason: expect.stringMatching(/^(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)$/) } });

      expect((await act(t, staff.caseworker, caseId, 'check', application({ contributionMonths: 30 }))).state).toBe('checked');
      const insurance = { found: null, contributionMonths: 30, contributionsPaidFen: null, asOf: null, source: null, caseworkerEntered: true };
      expect((await recordedFacts(t, caseId, 'check'))['insurance']).toEqual(insurance);
      const check = (await caseHistory(t, staff.caseworker, caseId)).find((item) => item.event === 'check') as any;
      expect(check.exchangeFacts).toEqual([{ name: 'insurance', provider: 'socialInsurance', value: insurance }]);
      expect(await exchangeCounts(t)).toEqual(before);
    } finally {
      await peer.start();
    }
  });

  it("refuses the step with the retryable error when the definition says 'refuse', writing nothing, and takes it once the agency answers", async () => {
    // The same package, its fact declared to refuse when the agency does not answer.
    const refusing = plugins.map((p) =>
      p.id !== 'unemployment-benefit'
        ? p
        : { ...p, version: '1.1.1', definitions: p.definitions.map((d) => { const copy = structuredClone(d) as any; copy.version = '1.1.1'; copy.facts.insurance = { provider: 'socialInsurance', onUnavailable: 'refuse' }; return copy; }) },
    );
    const other = await createTestRuntime(backend, { clock, packages: refusing });
    try {
      const otherStaff = { caseworker: await other.login('caseworker'), reviewer: await other.login('reviewer') };
      const idNumber = nextId();
      peer.records.set(idNumber, { contributionMonths: 40, contributionsPaidFen: 1_200_000, asOf: AS_OF });
      const person = await registered(other, otherStaff, idNumber, '社保丙');
      await connectCity(other, peer, person.cityCode);
      const caseId = (await open(other, otherStaff.caseworker, 'unemployment-benefit', person.personId)).id;
      await peer.stop();
      const down = await refusedWritingNothing(other, otherStaff.caseworker, caseId, 'check', application({ contributionMonths: 40 }));
      expect(down.status).toBe(503);
      expect(down.body.code).toBe('EXCHANGE_PEER_UNAVAILABLE');
      await peer.start();
      expect((await act(other, otherStaff.caseworker, caseId, 'check', application())).state).toBe('checked');
      expect((await recordedFacts(other, caseId, 'check'))['insurance']).toMatchObject({ contributionMonths: 40, asOf: AS_OF, caseworkerEntered: false });
    } finally {
      await peer.start();
      await other.close();
    }
  });
});
