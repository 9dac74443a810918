import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../engine/index.ts';
import { SOCIAL_INSURANCE_ENROLMENT, SOCIAL_INSURANCE_STOP } from '../../runtime/connectors/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { addPeerKey, createKey, registerMember, registerService, verifyMessageLog, type PublicKeyEntry } from '../../runtime/exchange/index.ts';
import { exchangeCounts, node, type PeerNode } from '../support/exchange-peers.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { TEST_START } from '../support/seeded-databases.ts';
import { SOCIAL_INSURANCE_AGENCY, socialInsuranceEventsPeer, type SocialInsuranceEventsPeer } from '../support/social-insurance-events-peer.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestClock, type TestRuntime } from '../support/test-runtime.ts';

/** 厦门's employment service on the exchange, and its city. */
const CITY_MEMBER = '350200-001';
const CITY = '350200';
/** Two employers of the city: where the persons are enrolled. */
const SOFTWARE = '91350203MA2Y4K1B4L';
const LOGISTICS = '91350100M000100Y43';

const huang = { idNumber: citizenId('350203', '19880315', '057'), name: '黄志明' };
const lin = { idNumber: citizenId('350206', '19910612', '071'), name: '林晓燕' };
/** A person the city has never registered. */
const stranger = citizenId('350211', '19900203', '091');

/** Every row a message could write: the counted tables, the exchange's, the events' own. */
async function everything(t: TestRuntime) {
  const [events] = await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM agency_events`);
  return { ...(await tableCounts(t.rt)), ...(await exchangeCounts(t)), agency_events: Number(events!.n) };
}

/** The agency event row of a message. */
async function eventOf(t: TestRuntime, messageId: string) {
  const [row] = await queryRows<{ outcome: string; person_id: string | null; employer_id: string | null; results: { process: string; result: string; caseId?: string; code?: string }[] }>(
    t.rt.db,
    sql`SELECT outcome, person_id, employer_id, results FROM agency_events WHERE message_id = ${messageId}`,
  );
  return row;
}

/** The person's employment registration cases: state, status and the message that opened one. */
async function registrations(t: TestRuntime, personId: string) {
  return queryRows<{ id: string; state: string; status: string; exchange_sender: string | null; exchange_message_id: string | null; data: Record<string, unknown> }>(
    t.rt.db,
    sql`SELECT id, state, status, exchange_sender, exchange_message_id, data FROM cases WHERE subject_id = ${personId} AND process_id = 'employment-registration' ORDER BY created_at`,
  );
}

/**
 * The social insurance agency's enrolment and stop events (issue 18 item 2): the agency, a member of
 * the exchange with its own key, pushes signed event messages to the city's inbox on a loopback
 * port; what each prompts is declared by the employment-registration package (`exchangeEvents`), and
 * applied in the transaction that takes the message in.
 */
describe.each(backends)('social insurance enrolment and stop events (%s)', (backend) => {
  let clock: TestClock;
  let t: TestRuntime;
  let city: PeerNode;
  let agency: SocialInsuranceEventsPeer;
  let cityKey: PublicKeyEntry;
  let caseworker: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    clock = testClock(TEST_START);
    t = await createTestRuntime(backend, { clock });
    city = node(t);
    await city.start();
    await registerMember(t.rt, { code: CITY_MEMBER, name: '厦门市人力资源和社会保障局' });
    cityKey = await createKey(t.rt, CITY_MEMBER);
    agency = socialInsuranceEventsPeer({ clock: clock.now, city: { member: CITY_MEMBER, inbox: () => `${city.address()}/inbox`, keys: () => [cityKey] } });
    // The agency pushes, and has no inbox of its own for the city to reach.
    await registerMember(t.rt, { code: SOCIAL_INSURANCE_AGENCY, name: '厦门市社会保险中心' });
    await addPeerKey(t.rt, agency.publicKey);
    for (const service of [SOCIAL_INSURANCE_ENROLMENT, SOCIAL_INSURANCE_STOP]) await registerService(t.rt, { cityCode: CITY, service, client: CITY_MEMBER, provider: SOCIAL_INSURANCE_AGENCY });
    caseworker = await t.login('caseworker');
    ids['huang'] = await registerPerson(t, caseworker, huang.idNumber, huang.name, { phone: '13905921234', residenceArea: '350203' });
    ids['lin'] = await registerPerson(t, caseworker, lin.idNumber, lin.name, { phone: '13905925678', residenceArea: '350203' });
    for (const [key, creditCode, name] of [
      ['software', SOFTWARE, '厦门思明示例软件有限公司'],
      ['logistics', LOGISTICS, '厦门示例物流有限公司'],
    ] as const) {
      const created = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode, name } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids[key] = created.body.id;
    }
  });
  afterAll(async () => {
    await city?.stop();
    await t?.close();
  });

  it('opens a pending employment registration for an enrolment, on channel exchange with the message on its record, for a caseworker to confirm', async () => {
    const answer = await agency.send(SOCIAL_INSURANCE_ENROLMENT, { idNumber: huang.idNumber, creditCode: SOFTWARE, enrolledOn: '2026-10-26' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.acknowledged).toBe(true);

    const [opened, ...more] = await registrations(t, ids['huang']!);
    expect(more).toEqual([]);
    expect(opened).toMatchObject({ state: 'pending', status: 'active', exchange_sender: SOCIAL_INSURANCE_AGENCY, exchange_message_id: answer.envelope.messageId });
    // Prefilled for the caseworker's hire form: the employer and the day contributions started.
    expect(opened!.data).toEqual({ employmentForm: 'contract', employerCreditCode: SOFTWARE, hireDate: '2026-10-26' });
    const detail = await getCase(t, caseworker, opened!.id);
    expect(detail.channel).toBe('exchange');
    const records = await queryRows<{ channel: string; actor_role: string }>(t.rt.db, sql`SELECT channel, actor_role FROM case_events WHERE case_id = ${opened!.id}`);
    expect(records).toEqual([{ channel: 'exchange', actor_role: 'system' }]);
    // A task waits at the employment window, and the caseworkers' search finds the case by its channel.
    const [task] = await queryRows<{ post: string | null; status: string }>(t.rt.db, sql`SELECT post, status FROM tasks WHERE case_id = ${opened!.id}`);
    expect(task).toMatchObject({ post: 'employment-window', status: 'open' });
    const found = await t.request('GET', '/api/cases?channel=exchange', { token: caseworker });
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([opened!.id]);

    expect(await eventOf(t, answer.envelope.messageId)).toEqual({ outcome: 'opened', person_id: ids['huang'], employer_id: ids['software'], results: [{ process: 'employment-registration', result: 'opened', caseId: opened!.id, caseNo: detail.caseNo }] });
    const listed = await t.request('GET', '/api/agency-events', { token: caseworker });
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toMatchObject({ messageId: answer.envelope.messageId, service: SOCIAL_INSURANCE_ENROLMENT, outcome: 'opened', person: { id: ids['huang'], name: huang.name }, creditCode: SOFTWARE });
    expect(listed.body.items[0].idNumberMasked).not.toContain(huang.idNumber.slice(6, 14));

    // The caseworker confirms it as any hire: the registration is made.
    const registered = await act(t, caseworker, opened!.id, 'register', { employmentForm: 'contract', employerCreditCode: SOFTWARE, hireDate: '2026-10-26' });
    expect(registered.state).toBe('employed');
  });

  it('changes nothing when the same message comes again, and opens no second case for a new enrolment with the same employer', async () => {
    const [first] = await queryRows<{ message_id: string }>(t.rt.db, sql`SELECT message_id FROM agency_events ORDER BY received_at LIMIT 1`);
    const before = await everything(t);
    const again = await agency.send(SOCIAL_INSURANCE_ENROLMENT, {}, { messageId: first!.message_id });
    expect(again.status).toBe(200);
    expect(again.acknowledged).toBe(true);
    expect(await everything(t)).toEqual(before);

    // The agency reports the enrolment again under a new message: taken in and kept, no case opened.
    const repeat = await agency.send(SOCIAL_INSURANCE_ENROLMENT, { idNumber: huang.idNumber, creditCode: SOFTWARE, enrolledOn: '2026-10-26' });
    expect(repeat.status).toBe(200);
    expect((await registrations(t, ids['huang']!)).length).toBe(1);
    expect(await eventOf(t, repeat.envelope.messageId)).toMatchObject({ outcome: 'already-open', results: [{ result: 'already-open' }] });
    const counts: Record<string, number> = before;
    expect(await everything(t)).toEqual({ ...before, exchange_inbox: counts['exchange_inbox']! + 1, exchange_log: counts['exchange_log']! + 1, agency_events: before.agency_events + 1 });
  });

  it('opens no second registration for an enrolment with another employer while the person is registered employed', async () => {
    const [held] = await registrations(t, ids['huang']!);
    const other = await agency.send(SOCIAL_INSURANCE_ENROLMENT, { idNumber: huang.idNumber, creditCode: LOGISTICS, enrolledOn: '2026-11-02' });
    expect(other.status).toBe(200);
    expect((await registrations(t, ids['huang']!)).map((row) => row.id)).toEqual([held!.id]);
    expect(await eventOf(t, other.envelope.messageId)).toMatchObject({ outcome: 'active-case-exists', results: [{ process: 'employment-registration', result: 'active-case-exists', caseId: held!.id }] });
  });

  it('puts the active registration with the employer before a caseworker when contributions stop, who registers the termination', async () => {
    const hired = await open(t, caseworker, 'employment-registration', ids['lin']!);
    const hireDate = chinaDate(new Date(clock.now().getTime() - 10 * 86_400_000));
    await act(t, caseworker, hired.id, 'register', { employmentForm: 'contract', employerCreditCode: LOGISTICS, hireDate });

    // Contributions stopping with another employer is about no registration of the person.
    const elsewhere = await agency.send(SOCIAL_INSURANCE_STOP, { idNumber: lin.idNumber, creditCode: SOFTWARE, stoppedOn: '2026-10-31', reason: 'employment-ended' });
    expect(elsewhere.status).toBe(200);
    expect(await eventOf(t, elsewhere.envelope.messageId)).toMatchObject({ outcome: 'no-active-case' });
    expect((await getCase(t, caseworker, hired.id)).state).toBe('employed');

    const stopped = await agency.send(SOCIAL_INSURANCE_STOP, { idNumber: lin.idNumber, creditCode: LOGISTICS, stoppedOn: '2026-10-31', reason: 'employment-ended' });
    expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
    const prompted = await getCase(t, caseworker, hired.id);
    expect(prompted.state).toBe('stopReported');
    expect(prompted.data).toMatchObject({ employerCreditCode: LOGISTICS, contributionsStoppedOn: '2026-10-31', contributionsStopReason: 'employment-ended' });
    expect(await eventOf(t, stopped.envelope.messageId)).toMatchObject({ outcome: 'stepped', results: [{ process: 'employment-registration', result: 'stepped', caseId: hired.id }] });
    const [task] = await queryRows<{ state: string; status: string }>(t.rt.db, sql`SELECT state, status FROM tasks WHERE case_id = ${hired.id} AND status = 'open'`);
    expect(task).toMatchObject({ state: 'stopReported' });

    // The same stop again opens no second prompt.
    const before = await everything(t);
    expect((await agency.send(SOCIAL_INSURANCE_STOP, {}, { messageId: stopped.envelope.messageId })).status).toBe(200);
    expect(await everything(t)).toEqual(before);

    const terminated = await act(t, caseworker, hired.id, 'terminate', { terminationDate: '2026-10-31', terminationReason: 'dismissed', involuntary: true });
    expect(terminated.state).toBe('terminated');
  });

  it('writes no case for an ID number or a credit code the city does not know, and keeps the event with its outcome', async () => {
    const cases = async () => Number((await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM cases`))[0]!.n);
    const before = { cases: await cases(), tasks: (await tableCounts(t.rt))['tasks'] };
    const unknown = await agency.send(SOCIAL_INSURANCE_ENROLMENT, { idNumber: stranger, creditCode: SOFTWARE, enrolledOn: '2026-10-28' });
    expect(unknown.status).toBe(200);
    expect(unknown.acknowledged).toBe(true);
    expect(await eventOf(t, unknown.envelope.messageId)).toEqual({ outcome: 'person-unknown', person_id: null, employer_id: ids['software'], results: [] });

    const noEmployer = await agency.send(SOCIAL_INSURANCE_ENROLMENT, { idNumber: lin.idNumber, creditCode: '91350211MA8U2J7KXM', enrolledOn: '2026-10-28' });
    expect(noEmployer.status).toBe(200);
    expect(await eventOf(t, noEmployer.envelope.messageId)).toMatchObject({ outcome: 'employer-unknown', person_id: ids['lin'], employer_id: null, results: [] });
    expect({ cases: await cases(), tasks: (await tableCounts(t.rt))['tasks'] }).toEqual(before);

    // A caseworker sees it, the person by the masked number only.
    const listed = (await t.request('GET', '/api/agency-events', { token: caseworker })).body.items as { messageId: string; outcome: string; person: unknown; idNumberMasked: string }[];
    const shown = listed.find((item) => item.messageId === unknown.envelope.messageId);
    expect(shown).toMatchObject({ outcome: 'person-unknown', person: null });
    expect(shown!.idNumberMasked.startsWith(stranger.slice(0, 6))).toBe(true);
    expect(shown!.idNumberMasked).not.toBe(stranger);
  });

  it('refuses an event from a member the city knows, with a valid key, that it does not take the service from, and writes nothing', async () => {
    const impostor = socialInsuranceEventsPeer({ clock: clock.now, member: '350200-950', city: { member: CITY_MEMBER, inbox: () => `${city.address()}/inbox`, keys: () => [cityKey] } });
    await registerMember(t.rt, { code: impostor.member, name: '厦门市某服务中心' });
    await addPeerKey(t.rt, impostor.publicKey);
    const before = await everything(t);
    const refused = await impostor.send(SOCIAL_INSURANCE_ENROLMENT, { idNumber: lin.idNumber, creditCode: SOFTWARE, enrolledOn: '2026-10-28' });
    expect([refused.status, refused.body['code']]).toEqual([421, 'EXCHANGE_RECEIVER_NOT_HERE']);
    expect(refused.acknowledged).toBe(false);
    expect(await everything(t)).toEqual(before);
  });

  it('refuses a message with a bad signature, or a payload not of the documented shape, and writes nothing', async () => {
    const before = await everything(t);
    const forged = await agency.send(SOCIAL_INSURANCE_ENROLMENT, { idNumber: lin.idNumber, creditCode: SOFTWARE, enrolledOn: '2026-10-28' }, { foreignKey: true });
    expect([forged.status, forged.body['code']]).toEqual([401, 'EXCHANGE_SIGNATURE_INVALID']);
    const malformed = await agency.send(SOCIAL_INSURANCE_STOP, { idNumber: lin.idNumber, creditCode: SOFTWARE, stoppedOn: '31/10/2026', reason: 'fired' });
    expect([malformed.status, malformed.body['code']]).toEqual([422, 'AGENCY_EVENT_INVALID']);
    expect((malformed.body['details'] as { fields: string[] }).fields.sort()).toEqual(['reason', 'stoppedOn']);
    expect(await everything(t)).toEqual(before);
    // The log of what was taken in still verifies.
    expect((await verifyMessageLog(t.rt.db, CITY_MEMBER)).ok).toBe(true);
  });
});
