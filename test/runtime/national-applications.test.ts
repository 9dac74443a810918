import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sqlState } from '../../runtime/db/index.ts';
import { addPeerKey, createKey, deliverDue, registerMember, registerService, verifyMessageLog, type Envelope, type PublicKeyEntry } from '../../runtime/exchange/index.ts';
import { NATIONAL_APPLICATIONS, type NationalDecision } from '../../runtime/national-applications/index.ts';
import { periodicJobs } from '../../runtime/timers/index.ts';
import { advanceSeconds } from '../support/exchange-peers.ts';
import { citizenId } from '../support/fixtures.ts';
import { NATIONAL, startNationalPlatformPeer, type NationalPlatformPeer } from '../support/national-platform-peer.ts';
import { TEST_START } from '../support/seeded-databases.ts';
import { act } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestClock, type TestRuntime } from '../support/test-runtime.ts';

/** 厦门's employment service on the exchange, and its city. */
const CITY_MEMBER = '350200-001';
const CITY = '350200';

/** A complete 失业登记 as the national platform's form carries it, for an applicant living in 思明区. */
const registration = {
  category: 'school-leaver',
  unemployedSince: '2026-10-01',
  retirementCategory: 'male-60',
  education: '20',
  phone: '13905921234',
  residenceArea: '350203',
  address: '思明区湖滨南路1号',
};

function application(applicationNo: string, applicant: { idNumber: string; name: string }, data: Record<string, unknown> = registration) {
  return { applicationNo, processId: 'unemployment-registration', submittedAt: '2026-11-02T09:00:00+08:00', applicant: { ...applicant, mobile: '13905921234' }, data };
}

const huang = { idNumber: citizenId('350203', '19800315', '057'), name: '黄志明' };
const lin = { idNumber: citizenId('350206', '19850612', '071'), name: '林晓明' };
const chen = { idNumber: citizenId('350211', '19900203', '091'), name: '陈建华' };

/** Rows in every table of the database: what a refusal must leave as it was (`except` the exchange's own). */
async function tableCounts(t: TestRuntime, except = /^$/): Promise<Record<string, number>> {
  const tables = await queryRows<{ table_name: string }>(t.rt.db, sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const counts: Record<string, number> = {};
  for (const { table_name: name } of tables.filter((row) => !except.test(row.table_name))) {
    const [row] = await queryRows<{ n: string | number }>(t.rt.db, sql.raw(`SELECT count(*) AS n FROM "${name}"`));
    counts[name] = Number(row!.n);
  }
  return counts;
}

async function caseOf(t: TestRuntime, applicationNo: string) {
  const [row] = await queryRows<{ id: string; case_no: string; state: string }>(t.rt.db, sql`SELECT id, case_no, state FROM cases WHERE national_application_no = ${applicationNo}`);
  return row;
}

/** The decisions uploaded to the platform, in the outbox: status, attempts, last error and the payload as the platform reads it. */
async function uploads(t: TestRuntime) {
  return queryRows<{ business_key: string; status: string; attempts: number; last_error: string | null; envelope: Envelope; acknowledgement: { payloadHash: string } | null }>(
    t.rt.db,
    sql`SELECT business_key, status, attempts, last_error, envelope, acknowledgement FROM exchange_outbox WHERE service = 'national.decisions' ORDER BY seq`,
  );
}

/**
 * The ministry's online-application pattern (issue 18 item 3): applications made on the
 * 全国人社政务服务平台 are downloaded by the city from the platform's pull feed (申请信息下载) and
 * opened as online applications are, on channel `national`; the city's answers (refused on
 * arrival, or the office's decision) go back signed through the outbox (审核结果上传). The platform
 * is a small server of its own on loopback, with its own member and key.
 */
describe.each(backends)('national platform applications (%s)', (backend) => {
  let clock: TestClock;
  let t: TestRuntime;
  let platform: NationalPlatformPeer;
  let cityKey: PublicKeyEntry;
  let admin: string;
  let reviewer: string;

  async function download() {
    const response = await t.request('POST', '/api/national-applications/download', { token: admin });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { opened: number; refused: number; error: { code: string } | null };
  }

  beforeAll(async () => {
    clock = testClock(TEST_START);
    t = await createTestRuntime(backend, { clock });
    await registerMember(t.rt, { code: CITY_MEMBER, name: '厦门市人力资源和社会保障局' });
    cityKey = await createKey(t.rt, CITY_MEMBER);
    platform = await startNationalPlatformPeer({ clock: clock.now, city: { member: CITY_MEMBER, keys: () => [cityKey] } });
    await registerMember(t.rt, { code: NATIONAL, name: '全国人社政务服务平台', address: platform.address() });
    await addPeerKey(t.rt, platform.publicKey);
    await registerService(t.rt, { cityCode: CITY, service: NATIONAL_APPLICATIONS, client: CITY_MEMBER, provider: NATIONAL });
    admin = await t.login('admin');
    reviewer = await t.login('reviewer');
  });
  afterAll(async () => {
    await platform.stop();
    await t.close();
  });

  it('downloads the applications and opens a case for each, with its 申请编号, on channel national', async () => {
    const first = platform.publish(application('QG2026110200000001', huang));
    const second = platform.publish(application('QG2026110200000002', lin));
    expect(await download()).toMatchObject({ opened: 2, refused: 0, error: null });
    for (const applicationNo of ['QG2026110200000001', 'QG2026110200000002']) {
      const row = await caseOf(t, applicationNo);
      // Sent on as the applicant: the case waits for the office's review.
      expect(row?.state).toBe('submitted');
      const channels = await queryRows<{ channel: string; actor_role: string }>(t.rt.db, sql`SELECT channel, actor_role FROM case_events WHERE case_id = ${row!.id} ORDER BY seq`);
      expect(channels.map((r) => r.channel)).toEqual(channels.map(() => 'national'));
      expect(channels.at(-1)?.actor_role).toBe('applicant');
    }
    // The caseworkers' search finds them by channel; the platform holds the city's signed acknowledgements.
    const found = await t.request('GET', '/api/cases?channel=national', { token: reviewer });
    expect(found.body.items.map((item: { channel: string }) => item.channel)).toEqual(['national', 'national']);
    expect([...platform.acknowledged].sort()).toEqual([first.messageId, second.messageId].sort());
    // Refused nothing, so nothing was uploaded yet.
    expect(await uploads(t)).toEqual([]);
  });

  it('opens nothing the second time: the cursor has moved, and the same 申请编号 sent again is one case by the database key', async () => {
    const before = await tableCounts(t, /^exchange_/);
    expect(await download()).toMatchObject({ opened: 0, refused: 0, error: null });
    // The platform sends the same application again under a new message id: taken in, nothing opened.
    platform.publish(application('QG2026110200000001', huang));
    expect(await download()).toMatchObject({ opened: 0, refused: 0, error: null });
    expect(await tableCounts(t, /^exchange_/)).toEqual(before);
    const [{ n }] = (await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM exchange_inbox WHERE business_key = 'QG2026110200000001'`)) as [{ n: string | number }];
    expect(Number(n)).toBe(2);
    // The database itself refuses a second case with the number.
    const other = await caseOf(t, 'QG2026110200000002');
    const error = await t.rt.db.execute(sql`UPDATE cases SET national_application_no = 'QG2026110200000001' WHERE id = ${other!.id}`).catch((e: unknown) => e);
    expect(sqlState(error)).toBe('23505');
  });

  it('answers an application the form in force or the payload refuses as refused, with the typed reason, and writes nothing else', async () => {
    const before = await tableCounts(t, /^exchange_/);
    const { education: _left, ...incomplete } = registration;
    platform.publish(application('QG2026110200000003', chen, incomplete));
    platform.publish({ applicationNo: 'QG2026110200000004', processId: 'unemployment-registration' });
    // A twelve-year-old: the process's working-age rule refuses the registration.
    platform.publish(application('QG2026110200000008', { idNumber: citizenId('350203', '20140601', '035'), name: '黄小明' }));
    expect(await download()).toMatchObject({ opened: 0, refused: 3, error: null });
    expect(await tableCounts(t, /^exchange_/)).toEqual(before);
    expect(await caseOf(t, 'QG2026110200000003')).toBeUndefined();
    const pending = await uploads(t);
    expect(pending.map((u) => [u.business_key, u.status])).toEqual([
      ['QG2026110200000003', 'pending'],
      ['QG2026110200000004', 'pending'],
      ['QG2026110200000008', 'pending'],
    ]);
    const delivered = await deliverDue(t.rt);
    expect(delivered.map((d) => d.delivered)).toEqual([true, true, true]);
    const answers = platform.decisions.map((d) => d.payload as NationalDecision);
    expect(answers.map((a) => [a.applicationNo, a.result, a.reason?.code, a.caseNo])).toEqual([
      ['QG2026110200000003', 'refused', 'FORM_INVALID', null],
      ['QG2026110200000004', 'refused', 'NATIONAL_APPLICATION_INVALID', null],
      ['QG2026110200000008', 'refused', 'RULE_VIOLATION', null],
    ]);
    expect(JSON.stringify(answers[0]!.reason?.details)).toContain('education');
    expect(JSON.stringify(answers[2]!.reason?.details)).toContain('working-age');
    expect((await verifyMessageLog(t.rt.db, CITY_MEMBER)).ok).toBe(true);
  });

  it("uploads the office's decisions signed, in the step's transaction, until the platform acknowledges them", async () => {
    const refused = platform.decisions.length;
    const first = await caseOf(t, 'QG2026110200000001');
    const second = await caseOf(t, 'QG2026110200000002');
    await act(t, reviewer, first!.id, 'reject', { rejectionReason: '经核查已在外省就业' });
    await act(t, reviewer, second!.id, 'approve', { opinion: '材料齐全' });
    // Written with the steps, due at once.
    expect((await uploads(t)).slice(refused).map((u) => [u.business_key, u.status])).toEqual([
      ['QG2026110200000001', 'pending'],
      ['QG2026110200000002', 'pending'],
    ]);
    await deliverDue(t.rt);
    const answers = platform.decisions.slice(refused).map((d) => d.payload as NationalDecision);
    expect(answers.map((a) => [a.applicationNo, a.result, a.caseNo, a.office?.name !== ''])).toEqual([
      ['QG2026110200000001', 'rejected', first!.case_no, true],
      ['QG2026110200000002', 'approved', second!.case_no, true],
    ]);
    expect(answers[0]!.reason).toMatchObject({ code: 'reject', details: { fields: { rejectionReason: '经核查已在外省就业' } } });
    expect(answers[1]!.reason).toBeNull();
    // The office's work on these cases is counted apart: the indicator drilled down by channel has a national row.
    const period = 'orgUnit=350200&from=2026-11-01&to=2026-11-30';
    const drill = await t.request('GET', `/api/indicators/unemployment-registration-on-time-rate/drilldown?${period}&by=channel`, { token: admin });
    const national = drill.body.rows.find((r: { key: string }) => r.key === 'national');
    expect(national?.denominator).toBeGreaterThan(0);
    const filtered = await t.request('GET', `/api/indicators/unemployment-registration-on-time-rate?${period}&channel=national`, { token: admin });
    expect(filtered.body.denominator).toBe(national.denominator);
    // Each acknowledgement echoes the hash of what was signed.
    for (const upload of (await uploads(t)).slice(refused)) {
      expect(upload.status).toBe('delivered');
      expect(upload.acknowledgement?.payloadHash).toBe(upload.envelope.payloadHash);
    }
  });

  it('keeps a decision in the outbox while the platform is down, and delivers it once when it is back', async () => {
    platform.publish(application('QG2026110200000005', { ...chen }));
    expect(await download()).toMatchObject({ opened: 1, refused: 0, error: null });
    const row = await caseOf(t, 'QG2026110200000005');
    await platform.stop();
    // A download meanwhile stops with the typed, retryable error.
    expect((await download()).error?.code).toBe('EXCHANGE_PEER_UNAVAILABLE');
    await act(t, reviewer, row!.id, 'returnForCorrection', { returnReason: '解除劳动合同证明不清晰', toAdd: '请重新上传解除劳动合同证明' });
    const tries = await deliverDue(t.rt);
    expect(tries).toMatchObject([{ delivered: false, attempts: 1, error: 'ECONNREFUSED' }]);
    await platform.start();
    expect(await deliverDue(t.rt)).toEqual([]);
    advanceSeconds(clock, 31);
    expect(await deliverDue(t.rt)).toMatchObject([{ delivered: true, attempts: 2 }]);
    const answers = platform.decisions.filter((d) => d.businessKey === 'QG2026110200000005').map((d) => d.payload as NationalDecision);
    expect(answers.map((a) => [a.result, a.reason?.code])).toEqual([['returned', 'returnForCorrection']]);
    expect(await deliverDue(t.rt)).toEqual([]);
  });

  it('downloads on the timer at most every five minutes, and only to the city admin on demand', async () => {
    platform.publish(application('QG2026110200000006', { idNumber: citizenId('350203', '19920101', '013'), name: '郑海峰' }));
    const round = periodicJobs(t.rt).downloadNational;
    expect(await round()).toMatchObject([{ cityCode: CITY, opened: 1, error: null }]);
    expect(await round()).toEqual([]);
    advanceSeconds(clock, 300);
    expect(await round()).toMatchObject([{ cityCode: CITY, opened: 0, error: null }]);
    const refused = await t.request('POST', '/api/national-applications/download', { token: reviewer });
    expect([refused.status, refused.body.code, refused.body.details.permission]).toEqual([403, 'ROLE_NOT_PERMITTED', 'national.download']);
  });

  it('refuses a decision it cannot upload (the city unwired meanwhile): the step and its message commit together or not at all', async () => {
    const row = await caseOf(t, 'QG2026110200000006');
    await t.rt.db.execute(sql`DELETE FROM exchange_services WHERE service = ${NATIONAL_APPLICATIONS}`);
    const { version } = (await t.request('GET', `/api/cases/${row!.id}`, { token: reviewer })).body as { version: number };
    const before = await tableCounts(t);
    const refused = await t.request('POST', `/api/cases/${row!.id}/events`, { token: reviewer, body: { type: 'approve', data: { opinion: '材料齐全' }, version } });
    expect([refused.status, refused.body.code]).toEqual([503, 'EXCHANGE_PEER_UNAVAILABLE']);
    expect(await tableCounts(t)).toEqual(before);
    await registerService(t.rt, { cityCode: CITY, service: NATIONAL_APPLICATIONS, client: CITY_MEMBER, provider: NATIONAL });
    await act(t, reviewer, row!.id, 'approve', { opinion: '材料齐全' });
    expect((await uploads(t)).filter((u) => u.business_key === 'QG2026110200000006').map((u) => u.status)).toEqual(['pending']);
  });

  it('refuses an application whose signature does not verify, with the typed error, and writes nothing at all', async () => {
    const before = await tableCounts(t);
    const forged = platform.publish(application('QG2026110200000007', { idNumber: citizenId('350203', '19930202', '024'), name: '许文静' }), { foreignKey: true });
    const outcome = await download();
    expect(outcome).toMatchObject({ opened: 0, refused: 0, error: { code: 'EXCHANGE_SIGNATURE_INVALID' } });
    expect(await tableCounts(t)).toEqual(before);
    expect(platform.acknowledged.has(forged.messageId)).toBe(false);
  });
});
