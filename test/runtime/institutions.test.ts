import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';

/** Valid codes (GB 32100 and GB 11714 checks) the demo seed does not register. */
const CODES = { school: '52350212MJ07091076', lapsed: '52350100MJ00000180', agency: '91350206MA8T2Q5R2E' };
/** The demo seed's skill-assessment centre (`runtime/seed/demo-institutions.ts`). */
const ASSESSMENT_CENTRE = '123502004265107100';

const school = { creditCode: CODES.school, name: '厦门市翔安区职业技能培训学校', kind: 'training', licenceNo: '教民135021370009号', validFrom: '2025-01-01', validUntil: '2027-12-31', occupations: ['4-03-02', '6-31-01-03'] };
const training = (creditCode: string, more: Record<string, unknown> = {}) => ({ classNo: 'XA2026-0901', institutionCreditCode: creditCode, occupation: '4-03-02-01', level: 4, startDate: '2026-09-01', ...more });
const claim = { subsidyKind: 'training', eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 350213-2026-0007', amountFen: 150_000, year: '2026' };

/**
 * Issue 15, institutions: a city's register of training institutions, assessment bodies, employment
 * agencies and incubators (credit code checked, validity, occupations in scope, status), audited;
 * the training subsidy names a registered institution by credit code, and its rules refuse one that
 * is not registered, lapsed on the day the class starts, suspended or revoked, or not qualified for
 * the occupation.
 */
describe.each(backends)('institutions (%s)', (backend) => {
  let t: TestRuntime;
  let admin: string;
  let caseworker: string;
  let schoolId = '';
  let traineeId = '';

  async function register(token: string, body: Record<string, unknown>) {
    return t.request('POST', '/api/institutions', { token, body });
  }

  /** Expects the request to be refused with `status` and `code`, writing nothing. */
  async function refusedUnchanged(run: () => Promise<{ status: number; body: { code: string; details?: unknown } }>, status: number, code: string) {
    const before = await tableCounts(t.rt);
    const response = await run();
    expect([response.status, response.body.code], JSON.stringify(response.body)).toEqual([status, code]);
    expect(await tableCounts(t.rt)).toEqual(before);
    return response.body;
  }

  /** Sends a step the rules must refuse; returns the rules named, having checked nothing was written. */
  async function violated(caseId: string, type: string, data: Record<string, unknown>): Promise<string[]> {
    const { version } = await getCase(t, caseworker, caseId);
    const body = await refusedUnchanged(() => t.request('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type, data, version } }), 422, 'RULE_VIOLATION');
    return (body.details as { violations: { rule: string; basis?: string }[] }).violations.map((v) => v.rule);
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    t.clock.set('2026-11-13T01:00:00.000Z');
    admin = await t.login('admin');
    caseworker = await t.login('caseworker');
    traineeId = await registerPerson(t, caseworker, citizenId('350213', '19950703', '017'), '翁志明');
  });
  afterAll(() => t.close());

  it('registers an institution as the city administrator, audited, and finds it by its filters', async () => {
    const response = await register(admin, school);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({ ...school, occupations: ['4-03-02', '6-31-01-03'], status: 'active', checkOverride: null });
    schoolId = response.body.id;
    const found = async (query: string) => (await t.request('GET', `/api/institutions?${query}`, { token: caseworker })).body.items.map((i: { id: string }) => i.id);
    expect(await found(`q=${CODES.school}`)).toEqual([schoolId]);
    expect(await found(`q=${encodeURIComponent('厦门市翔安区')}`)).toEqual([schoolId]);
    expect(await found('kind=training&occupation=4-03-02-01&validOn=2027-06-30')).toContain(schoolId);
    expect(await found('kind=training&occupation=4-10-01-03')).not.toContain(schoolId);
    expect(await found('validOn=2028-01-01&kind=training')).not.toContain(schoolId);
    expect(await found('kind=employment-agency')).not.toContain(schoolId);
    const record = await t.request('GET', `/api/institutions/${schoolId}`, { token: caseworker });
    expect(record.body.history).toMatchObject([{ action: 'institution.register', actorName: '系统管理员', details: { creditCode: CODES.school } }]);
  });

  it('refuses bad input with its code and writes nothing: a failing credit code, a validity ending before it starts, an unknown occupation, a duplicate, a caseworker', async () => {
    const wrongCheck = `${CODES.agency.slice(0, 17)}${CODES.agency[17] === '0' ? '1' : '0'}`;
    expect((await refusedUnchanged(() => register(admin, { ...school, creditCode: wrongCheck, kind: 'employment-agency', occupations: [] }), 422, 'CREDIT_CODE_INVALID')).details).toMatchObject({ field: 'creditCode' });
    expect((await refusedUnchanged(() => register(admin, { ...school, creditCode: CODES.agency, validUntil: '2024-12-31' }), 422, 'FORM_INVALID')).details).toMatchObject({ field: 'validUntil' });
    expect((await refusedUnchanged(() => register(admin, { ...school, creditCode: CODES.agency, occupations: ['4-03-02', '9-99-99-99'] }), 422, 'FORM_INVALID')).details).toMatchObject({ field: 'occupations', codes: ['9-99-99-99'] });
    await refusedUnchanged(() => register(admin, { ...school, name: '重复登记' }), 409, 'DUPLICATE_RECORD');
    await refusedUnchanged(() => register(admin, { ...school, kind: 'nursery' }), 400, 'BAD_REQUEST');
    await refusedUnchanged(() => register(caseworker, { ...school, creditCode: CODES.agency }), 403, 'ROLE_NOT_PERMITTED');
    await refusedUnchanged(() => t.request('PATCH', `/api/institutions/${schoolId}`, { token: admin, body: { name: school.name, reason: '核对名称' } }), 422, 'FORM_INVALID');
    await refusedUnchanged(() => t.request('PATCH', `/api/institutions/${schoolId}`, { token: admin, body: { validFrom: '2028-01-01', reason: '更正有效期' } }), 422, 'FORM_INVALID');
    await refusedUnchanged(() => t.request('POST', `/api/institutions/${schoolId}/status`, { token: admin, body: { status: 'active', reason: '恢复' } }), 409, 'TRANSITION_NOT_AVAILABLE');
    await refusedUnchanged(() => t.request('GET', '/api/institutions/00000000-0000-4000-8000-000000000000', { token: caseworker }), 404, 'NOT_FOUND');
  });

  it('lets a training start at a registered, active institution licensed for the occupation on the start day', async () => {
    const caseId = (await open(t, caseworker, 'training-subsidy', traineeId)).id;
    expect((await act(t, caseworker, caseId, 'startTraining', training(CODES.school))).state).toBe('inTraining');
    expect((await act(t, caseworker, caseId, 'assess', { result: 'pass', assessedOn: '2026-10-15', assessmentBodyCreditCode: ASSESSMENT_CENTRE })).state).toBe('assessed');
  });

  it('refuses a training naming an institution whose qualification lapsed before the class, one not registered, or one not licensed for the occupation', async () => {
    const lapsed = await register(admin, { ...school, creditCode: CODES.lapsed, name: '厦门市过期职业培训学校', validFrom: '2021-01-01', validUntil: '2026-06-30' });
    expect(lapsed.status).toBe(201);
    const caseId = (await open(t, caseworker, 'training-subsidy', traineeId)).id;
    expect(await violated(caseId, 'startTraining', training(CODES.lapsed))).toEqual(['institution-qualified-on-start']);
    expect(await violated(caseId, 'startTraining', training(CODES.agency))).toEqual(['institution-registered']);
    expect(await violated(caseId, 'startTraining', training(CODES.school, { occupation: '4-10-01-03' }))).toEqual(['occupation-in-institution-scope']);
    // A training institution is not an assessment body: the kind is part of the look-up.
    await act(t, caseworker, caseId, 'startTraining', training(CODES.school, { occupation: '6-31-01-03', level: 3 }));
    expect(await violated(caseId, 'assess', { result: 'pass', assessedOn: '2026-10-15', assessmentBodyCreditCode: CODES.school })).toEqual(['assessment-body-qualified']);
  });

  it('corrects an institution with a reason kept in its history, and a claim naming it once suspended is refused', async () => {
    const caseId = (await open(t, caseworker, 'training-subsidy', traineeId)).id;
    await act(t, caseworker, caseId, 'startTraining', training(CODES.school, { occupation: '4-03-02-02', level: 5 }));
    await act(t, caseworker, caseId, 'assess', { result: 'pass', assessedOn: '2026-10-15' });
    await act(t, caseworker, caseId, 'certify', { certificateNo: 'S3502130001', certificateType: 'skill-level', issuedOn: '2026-10-20' });

    const corrected = await t.request('PATCH', `/api/institutions/${schoolId}`, { token: admin, body: { validUntil: '2028-12-31', reason: '许可证延续，有效期至2028年底' } });
    expect([corrected.status, corrected.body.validUntil]).toEqual([200, '2028-12-31']);
    const suspended = await t.request('POST', `/api/institutions/${schoolId}/status`, { token: admin, body: { status: 'suspended', reason: '年检不合格，暂停办学' } });
    expect([suspended.status, suspended.body.status]).toEqual([200, 'suspended']);
    expect(await violated(caseId, 'claim', { ...claim, amountFen: 100_000 })).toEqual(['institution-in-good-standing']);

    const history = (await t.request('GET', `/api/institutions/${schoolId}`, { token: caseworker })).body.history;
    expect(history.slice(1)).toMatchObject([
      { action: 'institution.update', details: { changes: { validUntil: { from: '2027-12-31', to: '2028-12-31' } }, reason: '许可证延续，有效期至2028年底' } },
      { action: 'institution.status', details: { from: 'active', to: 'suspended', reason: '年检不合格，暂停办学' } },
    ]);
    expect((await t.request('POST', `/api/institutions/${schoolId}/status`, { token: admin, body: { status: 'active', reason: '整改完成，恢复办学' } })).status).toBe(200);
    expect((await act(t, caseworker, caseId, 'claim', { ...claim, amountFen: 100_000 })).state).toBe('claimed');
    expect((await t.request('POST', `/api/institutions/${schoolId}/status`, { token: admin, body: { status: 'revoked', reason: '吊销办学许可证' } })).status).toBe(200);
    await refusedUnchanged(() => t.request('PATCH', `/api/institutions/${schoolId}`, { token: admin, body: { name: '改名', reason: '更正名称' } }), 409, 'TRANSITION_NOT_AVAILABLE');
  });
});
