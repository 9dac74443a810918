import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../engine/index.ts';
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '../../forms/index.ts';
import { civilAffairsConnector, disabledPersonsConnector, marketRegulationConnector, type CertificateResult, type EmployerRegistrationResult, type MinimumLivingResult } from '../../runtime/connectors/index.ts';
import { cases, persons } from '../../runtime/db/schema/index.ts';
import { openVerificationOfAccount } from '../../runtime/employer-accounts/index.ts';
import { caseRecordedSteps } from '../../runtime/localisation/index.ts';
import { publishedDefinition } from '../../runtime/plugins/index.ts';
import { demoSmsSender, sendVerificationCode, signUpEmployer } from '../../runtime/public-accounts/index.ts';
import { agencyPeer, connectAgency, recordedFacts, refusedWritingNothing, type AgencyPeer } from '../support/agency-peer.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { PUBLIC_TEST_PASSWORD } from '../support/public-accounts.ts';
import { act, caseHistory, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestClock, type TestRuntime } from '../support/test-runtime.ts';

const TODAY = '2026-11-13T01:00:00.000Z';
/** The agencies' records stood so at the end of the day before. */
const AS_OF = '2026-11-12T16:00:00.000Z';
const MARKET = { member: '350200-901', name: '厦门市市场监督管理局' };
const CIVIL = { member: '350200-902', name: '厦门市民政局' };
const DISABLED = { member: '350200-903', name: '厦门市残疾人联合会' };

/** A unified social credit code of a 思明 company, its organisation code's and its own check characters computed. */
function creditCode(serial: string): string {
  const organization = `MA${serial}`;
  const first17 = `91350203${organization}${organizationCodeCheckCharacter(organization)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

let sequence = 1;
const nextId = () => citizenId('350203', '19850612', String(601 + sequence++ * 2).padStart(3, '0'));

/** The exchange facts the case history shows beside a step. */
async function shownFacts(t: TestRuntime, token: string, caseId: string, event: string) {
  return ((await caseHistory(t, token, caseId)).find((item) => item.event === event) as any).exchangeFacts;
}

/** Replays a case of `pluginId`'s from its records with `peers` stopped: the recorded facts decide, no agency is asked again. */
async function replaysExactly(t: TestRuntime, caseId: string, pluginId: string, peers: AgencyPeer<any>[]) {
  const answered = peers.map((peer) => peer.answered());
  for (const peer of peers) await peer.stop();
  try {
    const [row] = await t.rt.db.select().from(cases).where(eq(cases.id, caseId));
    const { compiled } = await publishedDefinition(t.rt.db, t.rt.registry, row!.definitionId);
    const steps = await caseRecordedSteps(t.rt, caseId);
    const result = replay(compiled, steps, (instant) => t.rt.registry.parameters(pluginId, instant.slice(0, 10)));
    expect(result).toMatchObject({ factsMissing: [], deadlinesDiffer: [], result: 'same', finalState: row!.state });
    expect(peers.map((peer) => peer.answered())).toEqual(answered);
    return { compiled, steps };
  } finally {
    for (const peer of peers) await peer.start();
  }
}

/**
 * Issue 18 item 2, the other agencies: employer verification reads the employer's registration from
 * market regulation (市场监管), the employment-difficulty recognition reads 低保 from civil affairs
 * (民政) and the disability certificate from the disabled persons' federation (残联), each over the
 * exchange from a small server of its own, kept on the step's record with its source and as-of time.
 */
describe.each(backends)('market regulation, civil affairs and disabled persons connectors (%s)', (backend) => {
  let clock: TestClock;
  let t: TestRuntime;
  let staff: { caseworker: string; reviewer: string };
  let market: AgencyPeer<{ creditCode: string }>;
  let civil: AgencyPeer<{ idNumber: string }>;
  let disabled: AgencyPeer<{ idNumber: string }>;
  const registrations = new Map<string, Omit<EmployerRegistrationResult, 'found' | 'asOf'>>();
  const recipients = new Map<string, string>();
  const certificates = new Map<string, Omit<CertificateResult, 'found' | 'holds' | 'asOf'>>();

  beforeAll(async () => {
    clock = testClock(TODAY);
    t = await createTestRuntime(backend, { clock });
    staff = { caseworker: await t.login('caseworker'), reviewer: await t.login('reviewer') };
    market = await agencyPeer(backend, clock, MARKET, marketRegulationConnector, ({ creditCode }): EmployerRegistrationResult => {
      const found = registrations.get(creditCode);
      return found ? { found: true, ...found, asOf: AS_OF } : { found: false, name: null, legalRepresentative: null, status: null, establishedOn: null, asOf: AS_OF };
    });
    civil = await agencyPeer(backend, clock, CIVIL, civilAffairsConnector, ({ idNumber }): MinimumLivingResult => {
      const since = recipients.get(idNumber);
      return { found: since !== undefined, receiving: since !== undefined, since: since ?? null, asOf: AS_OF };
    });
    disabled = await agencyPeer(backend, clock, DISABLED, disabledPersonsConnector, ({ idNumber }): CertificateResult => {
      const certificate = certificates.get(idNumber);
      return certificate ? { found: true, holds: true, ...certificate, asOf: AS_OF } : { found: false, holds: false, category: null, grade: null, validUntil: null, asOf: AS_OF };
    });
    for (const peer of [market, civil, disabled]) await connectAgency(t, peer, '350200');
  }, 180_000);
  afterAll(async () => {
    for (const peer of [market, civil, disabled]) await peer?.close();
    await t?.close();
  });

  /** An employer signed up on the public site: its verification case, opened in the sign-up. */
  async function verificationOf(code: string, name: string, mobile: string): Promise<string> {
    const { shownCode } = await sendVerificationCode(t.rt, demoSmsSender, mobile, 'signup');
    const account = await signUpEmployer(t.rt, { cityCode: '350200', creditCode: code, employerName: name, agentName: '陈经办', mobile, code: shownCode!, password: PUBLIC_TEST_PASSWORD }, openVerificationOfAccount);
    const [row] = await t.rt.db.select({ id: cases.id }).from(cases).where(eq(cases.openedByAccount, account.id));
    return row!.id;
  }

  /** A person registered unemployed today, and an employment-difficulty case opened for them. */
  async function difficultyCase(idNumber: string, name: string): Promise<string> {
    const personId = await registerPerson(t, staff.caseworker, idNumber, name);
    const registration = (await open(t, staff.caseworker, 'unemployment-registration', personId)).id;
    await act(t, staff.caseworker, registration, 'submit', registrationForm({ unemployedSince: '2026-10-20' }));
    expect((await act(t, staff.reviewer, registration, 'approve', { opinion: '同意' })).state).toBe('registered');
    const [person] = await t.rt.db.select({ cityCode: persons.cityCode }).from(persons).where(eq(persons.id, personId));
    expect(person!.cityCode).toBe('350200');
    return (await open(t, staff.caseworker, 'employment-difficulty', personId)).id;
  }
  const verification = (category: string, more: Record<string, unknown> = {}) => ({ category, evidence: '身份证、失业登记证明', retirementCategory: 'male-60', ...more });

  it('verifies an employer account on the registration market regulation gives, with its source and as-of time, and refuses one revoked or unknown', async () => {
    const operating = creditCode('2Y4K1B');
    registrations.set(operating, { name: '厦门思明示例软件有限公司', legalRepresentative: '陈建国', status: 'operating', establishedOn: '2019-04-08' });
    const caseId = await verificationOf(operating, '厦门思明示例软件有限公司', '13960000201');
    expect((await act(t, staff.caseworker, caseId, 'verify', { verificationNote: '营业执照与经办人已核实' })).state).toBe('verified');
    const registration = (await recordedFacts(t, caseId, 'verify'))['registration'] as { source: { messageId: string } };
    expect(registration).toEqual({ found: true, name: '厦门思明示例软件有限公司', legalRepresentative: '陈建国', status: 'operating', establishedOn: '2019-04-08', asOf: AS_OF, source: { member: MARKET.member, messageId: expect.any(String) }, caseworkerEntered: false });
    expect(await shownFacts(t, staff.caseworker, caseId, 'verify')).toEqual([{ name: 'registration', provider: 'marketRegulation', value: registration }]);
    await replaysExactly(t, caseId, 'job-matching', [market]);

    const revoked = creditCode('2Y4K2C');
    registrations.set(revoked, { name: '厦门思明示例贸易有限公司', legalRepresentative: '林海', status: 'revoked', establishedOn: '2015-09-01' });
    const revokedCase = await verificationOf(revoked, '厦门思明示例贸易有限公司', '13960000202');
    const refusal = await refusedWritingNothing(t, staff.caseworker, revokedCase, 'verify', {});
    expect(refusal.status).toBe(422);
    expect(refusal.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['not-revoked-or-deregistered']);
    const unknownCase = await verificationOf(creditCode('2Y4K3D'), '厦门思明示例咨询有限公司', '13960000203');
    expect((await refusedWritingNothing(t, staff.caseworker, unknownCase, 'verify', {})).body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['registered-with-market-regulation']);

    // Market regulation down: the status the caseworker found in the national system stands in, marked so; without one, the retryable refusal.
    await market.stop();
    try {
      const down = await refusedWritingNothing(t, staff.caseworker, unknownCase, 'verify', {});
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ code: 'EXCHANGE_PEER_UNAVAILABLE', details: { provider: MARKET.member, service: 'market-regulation.employer' } });
      expect((await act(t, staff.caseworker, unknownCase, 'verify', { marketStatus: 'existing' })).state).toBe('verified');
      expect((await recordedFacts(t, unknownCase, 'verify'))['registration']).toEqual({ found: null, name: null, legalRepresentative: null, status: 'existing', establishedOn: null, asOf: null, source: null, caseworkerEntered: true });
    } finally {
      await market.start();
    }
  });

  it('recognises a 低保 recipient on civil affairs\' answer, refuses one it does not know, and refuses the step while it is down', async () => {
    const receiving = nextId();
    recipients.set(receiving, '2025-03-01');
    const caseId = await difficultyCase(receiving, '低保甲');
    const askedDisabled = disabled.answered();
    expect((await act(t, staff.caseworker, caseId, 'verify', verification('subsistence-allowance'))).state).toBe('publicized');
    const facts = await recordedFacts(t, caseId, 'verify');
    expect(facts['minimumLiving']).toEqual({ found: true, receiving: true, since: '2025-03-01', asOf: AS_OF, source: { member: CIVIL.member, messageId: expect.any(String) }, caseworkerEntered: false });
    // The federation is not asked about a person who claims no disability: nothing of theirs is sent.
    expect(facts['disability']).toBeNull();
    expect(disabled.answered()).toBe(askedDisabled);
    expect(await shownFacts(t, staff.caseworker, caseId, 'verify')).toEqual([{ name: 'minimumLiving', provider: 'minimumLiving', value: facts['minimumLiving'] }]);
    await replaysExactly(t, caseId, 'employment-difficulty', [civil, disabled]);

    const other = await difficultyCase(nextId(), '低保乙');
    expect((await refusedWritingNothing(t, staff.caseworker, other, 'verify', verification('subsistence-allowance'))).body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['receives-minimum-living']);
    await civil.stop();
    try {
      // The definition says refuse: no typed value stands in for civil affairs.
      const down = await refusedWritingNothing(t, staff.caseworker, other, 'verify', verification('subsistence-allowance', { holdsDisabilityCertificate: true }));
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('30');
      expect(down.body).toMatchObject({ code: 'EXCHANGE_PEER_UNAVAILABLE', details: { provider: CIVIL.member, service: 'civil-affairs.minimum-living' } });
      // Another category does not ask civil affairs, so goes on while it is down.
      expect((await act(t, staff.caseworker, other, 'verify', verification('long-term-unemployed'))).state).toBe('publicized');
    } finally {
      await civil.start();
    }
  });

  it('recognises a person with disabilities on the federation\'s certificate, or the caseworker\'s tick when it is down', async () => {
    const holder = nextId();
    certificates.set(holder, { category: 'physical', grade: 3, validUntil: '2030-12-31' });
    const caseId = await difficultyCase(holder, '残联甲');
    expect((await act(t, staff.caseworker, caseId, 'verify', verification('disability'))).state).toBe('publicized');
    const disability = (await recordedFacts(t, caseId, 'verify'))['disability'];
    expect(disability).toEqual({ found: true, holds: true, category: 'physical', grade: 3, validUntil: '2030-12-31', asOf: AS_OF, source: { member: DISABLED.member, messageId: expect.any(String) }, caseworkerEntered: false });
    expect(await shownFacts(t, staff.caseworker, caseId, 'verify')).toEqual([{ name: 'disability', provider: 'disabilityCertificate', value: disability }]);
    await replaysExactly(t, caseId, 'employment-difficulty', [disabled]);

    const other = await difficultyCase(nextId(), '残联乙');
    expect((await refusedWritingNothing(t, staff.caseworker, other, 'verify', verification('disability'))).body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['holds-disability-certificate']);
    await disabled.stop();
    try {
      expect((await refusedWritingNothing(t, staff.caseworker, other, 'verify', verification('disability'))).body.code).toBe('EXCHANGE_PEER_UNAVAILABLE');
      expect((await act(t, staff.caseworker, other, 'verify', verification('disability', { holdsDisabilityCertificate: true }))).state).toBe('publicized');
      const typed = { found: null, holds: true, category: null, grade: null, validUntil: null, asOf: null, source: null, caseworkerEntered: true };
      expect((await recordedFacts(t, other, 'verify'))['disability']).toEqual(typed);
      expect(await shownFacts(t, staff.caseworker, other, 'verify')).toEqual([{ name: 'disability', provider: 'disabilityCertificate', value: typed }]);
    } finally {
      await disabled.start();
    }
  });

  it('refuses an answer of another shape as EXCHANGE_RESPONSE_INVALID, writing nothing: a full certificate number, an unknown status', async () => {
    const holder = nextId();
    certificates.set(holder, { category: 'visual', grade: 2, validUntil: '2029-06-30' });
    const caseId = await difficultyCase(holder, '残联丙');
    const answer = disabled.answer;
    disabled.answer = (request) => ({ ...(answer(request) as object), certificateNo: `${holder.slice(0, 17)}42` });
    try {
      const invalid = await refusedWritingNothing(t, staff.caseworker, caseId, 'verify', verification('disability', { holdsDisabilityCertificate: true }));
      expect(invalid.status).toBe(502);
      expect(invalid.body).toMatchObject({ code: 'EXCHANGE_RESPONSE_INVALID', details: { provider: DISABLED.member, service: 'disabled-persons.certificate', reason: 'result' } });
    } finally {
      disabled.answer = answer;
    }

    const code = creditCode('2Y4K4E');
    const verificationCase = await verificationOf(code, '厦门思明示例物业有限公司', '13960000204');
    const registration = market.answer;
    market.answer = () => ({ found: true, name: '厦门思明示例物业有限公司', legalRepresentative: '王强', status: '停业', establishedOn: '2020-01-01', asOf: AS_OF });
    try {
      expect((await refusedWritingNothing(t, staff.caseworker, verificationCase, 'verify', { marketStatus: 'existing' })).body.code).toBe('EXCHANGE_RESPONSE_INVALID');
    } finally {
      market.answer = registration;
    }
  });
});
