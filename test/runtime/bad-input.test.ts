import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm, tableCounts, withWrongCheck } from '../support/fixtures.ts';

describe.each(backends)('bad input is refused with its code and writes nothing (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let caseId: string;
  let personId: string;

  /** Runs a request and checks that it changed no table. */
  async function refused(method: string, path: string, init: Parameters<TestRuntime['request']>[2]) {
    const before = await tableCounts(t.rt);
    const response = await t.request(method, path, init);
    expect(await tableCounts(t.rt)).toEqual(before);
    expect(response.body.message.zh).toBeTruthy();
    expect(response.body.message.en).toBeTruthy();
    return response;
  }

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    const person = await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350206', '19950101', '042'), name: '林小红' } });
    personId = person.body.id;
    const opened = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'unemployment-registration', subjectId: personId } });
    caseId = opened.body.id;
  });
  afterAll(() => t.close());

  it('invalid check digit: 422 ID_NUMBER_INVALID (checksum)', async () => {
    const response = await refused('POST', '/api/persons', { token: caseworker, body: { idNumber: withWrongCheck(citizenId('350203', '19900101', '011')), name: '甲' } });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'ID_NUMBER_INVALID', details: { field: 'idNumber', problem: 'checksum' } });
  });

  it('impossible birth date: 422 ID_NUMBER_INVALID (birthDate)', async () => {
    const response = await refused('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350203', '19900230', '011'), name: '乙' } });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'ID_NUMBER_INVALID', details: { problem: 'birthDate' } });
  });

  it('duplicate ID number: 409 DUPLICATE_RECORD', async () => {
    const response = await refused('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350206', '19950101', '042'), name: '林小红' } });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('DUPLICATE_RECORD');
  });

  it('invalid credit code: 422 CREDIT_CODE_INVALID; a caseworker cannot override the check', async () => {
    const response = await refused('POST', '/api/employers', { token: caseworker, body: { creditCode: '91350100M000100Y44', name: '某公司', checkOverride: { reason: '早期试点代码' } } });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'CREDIT_CODE_INVALID', details: { problem: 'checksum' } });
  });

  it('lets a reviewer accept a legal early pilot code that fails its check, with an audit entry', async () => {
    const before = await tableCounts(t.rt);
    const response = await t.request('POST', '/api/employers', { token: reviewer, body: { creditCode: '91350100M000100Y44', name: '试点单位', checkOverride: { reason: '2015年试点赋码，工商档案可查' } } });
    expect(response.status).toBe(201);
    expect(response.body.checkOverride).toMatchObject({ problem: 'checksum', reason: '2015年试点赋码，工商档案可查' });
    const after = await tableCounts(t.rt);
    expect([after['employers']! - before['employers']!, after['audit_log']! - before['audit_log']!]).toEqual([1, 1]);
    const again = await refused('POST', '/api/employers', { token: caseworker, body: { creditCode: '91350100M000100Y44', name: '试点单位' } });
    expect(again.status).toBe(422);
    const duplicate = await refused('POST', '/api/employers', { token: reviewer, body: { creditCode: '91350100M000100Y44', name: '试点单位', checkOverride: { reason: '重复提交同一单位' } } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'DUPLICATE_RECORD', details: { field: 'creditCode' } });
  });

  it('a contract hire at an employer nobody registered: 422 RULE_VIOLATION employer-registered', async () => {
    const hire = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'employment-registration', subjectId: personId } });
    const response = await refused('POST', `/api/cases/${hire.body.id}/events`, {
      token: caseworker,
      body: { type: 'register', data: { employmentForm: 'contract', employerCreditCode: '91350100M000100Y43', hireDate: '2026-10-30' }, version: 1 },
    });
    expect(response.status).toBe(422);
    expect(response.body.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['employer-registered']);
  });

  it('unknown event for the current state: 409 TRANSITION_NOT_AVAILABLE', async () => {
    const response = await refused('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type: 'approve', data: { opinion: 'x' }, version: 1 } });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'TRANSITION_NOT_AVAILABLE', details: { state: 'draft', available: ['submit', 'abandon'] } });
  });

  it('event from a role that may not send it: 403 ROLE_NOT_PERMITTED', async () => {
    const response = await refused('POST', `/api/cases/${caseId}/events`, { token: reviewer, body: { type: 'submit', data: registrationForm(), version: 1 } });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('ROLE_NOT_PERMITTED');
  });

  it('form data failing its schema: 422 FORM_INVALID with the failing fields, each once and said in zh-CN and English', async () => {
    const response = await refused('POST', `/api/cases/${caseId}/events`, {
      token: caseworker,
      body: { type: 'submit', data: registrationForm({ phone: '123', unemployedSince: 'yesterday', separationProof: undefined, education: '99' }), version: 1 },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('FORM_INVALID');
    const fields = response.body.details.fields as { field: string; text: { 'zh-CN': string; en: string } }[];
    expect(fields.map((f) => [f.field, f.text['zh-CN']]).sort()).toEqual([
      ['education', '请从列表中选择'],
      ['phone', '请输入有效的11位手机号码'],
      ['separationProof', '必填'],
      ['unemployedSince', '请输入有效日期（年-月-日）'],
    ]);
    expect(fields.every((f) => f.text.en.length > 0)).toBe(true);
  });

  it('a business rule not met: 422 RULE_VIOLATION naming the rule', async () => {
    // A woman of the 50 category born 1970 passed her statutory retirement age in 2020.
    const older = await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350203', '19700315', '022'), name: '王秀英' } });
    const opened = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'unemployment-registration', subjectId: older.body.id } });
    const response = await refused('POST', `/api/cases/${opened.body.id}/events`, {
      token: caseworker,
      body: { type: 'submit', data: registrationForm({ retirementCategory: 'female-50' }), version: 1 },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'RULE_VIOLATION', details: { violations: [{ rule: 'working-age' }] } });
  });

  it('malformed JSON: 400 BAD_REQUEST', async () => {
    const response = await refused('POST', `/api/cases/${caseId}/events`, { token: caseworker, rawBody: '{"type": "submit", ' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_REQUEST');
  });

  it('a body of the wrong shape: 400 BAD_REQUEST with each issue', async () => {
    const response = await refused('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type: 'submit', version: 'one' } });
    expect(response.status).toBe(400);
    expect(response.body.details.issues.map((i: { path: string }) => i.path)).toEqual(['version']);
  });

  it('oversized body: 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await refused('POST', `/api/cases/${caseId}/events`, {
      token: caseworker,
      body: { type: 'submit', data: registrationForm({ address: 'x'.repeat(100_000) }), version: 1 },
    });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('stale version: 409 CASE_VERSION_CONFLICT', async () => {
    const response = await refused('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type: 'submit', data: registrationForm(), version: 7 } });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'CASE_VERSION_CONFLICT', details: { version: 1 } });
  });

  it('unknown process id: 404 PROCESS_NOT_FOUND', async () => {
    const response = await refused('POST', '/api/cases', { token: caseworker, body: { processId: 'no-such-process', subjectId: personId } });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('PROCESS_NOT_FOUND');
  });

  it('a second active case of one process for one person: 409 DUPLICATE_RECORD', async () => {
    const response = await refused('POST', '/api/cases', { token: caseworker, body: { processId: 'unemployment-registration', subjectId: personId } });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('DUPLICATE_RECORD');
  });

  it('no token or a wrong password: 401', async () => {
    expect((await refused('GET', '/api/cases', {})).status).toBe(401);
    const wrong = await refused('POST', '/api/auth/login', { body: { username: 'caseworker', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('an action sent without its required form field: 422 FORM_INVALID naming the field', async () => {
    const response = await refused('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type: 'abandon', data: {}, version: 1 } });
    expect(response.status).toBe(422);
    expect(response.body.details.fields[0].field).toBe('cancellationReason');
  });
});
