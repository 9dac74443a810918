import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';
import { citizenId, registrationForm, tableCounts, TRAINING_INSTITUTION } from '../support/fixtures.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';

const EMPLOYER = '91350100M000100Y43';

interface Entry {
  field: string;
  kind: string;
  oldValue: string | null;
  newValue: string | null;
  personal: boolean;
  masked: boolean;
  reason: string;
  actor: { id: string; name: string };
}

/**
 * Issue 15, part 3: master data with history. Finding: a person's record could not be corrected
 * with a reason (a wrong phone number stayed wrong, or was overwritten without trace), and an
 * employer was only a credit code and a name. Now every change is kept (who, when, field, before,
 * after, reason), personal values sealed there as on the record; duplicates of one person merge.
 */
describe.each(backends)('master data with history (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    t.clock.set('2026-11-13T01:00:00.000Z');
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const history = async (path: string, token: string): Promise<{ items: Entry[]; masked: boolean }> => {
    const response = await t.request('GET', `/api/${path}/history`, { token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  it('corrects a phone with a reason: the history names who, why, the old value masked and the new, sealed at rest', async () => {
    const id = await registerPerson(t, caseworker, citizenId('350203', '19850312', '017'), '陈明', { phone: '13912345678' });
    const edited = await t.request('PATCH', `/api/persons/${id}`, { token: caseworker, body: { changes: { phone: '13800001111' }, reason: '本人来电更正手机号码' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.phone).toBe('138****1111');

    // Someone who does not handle the person: masked values, with who and why.
    const byAdmin = await history(`persons/${id}`, admin);
    expect(byAdmin.masked).toBe(true);
    expect(byAdmin.items).toEqual([
      expect.objectContaining({ kind: 'edit', field: 'phone', oldValue: '139****5678', newValue: '138****1111', personal: true, masked: true, reason: '本人来电更正手机号码', actor: expect.objectContaining({ name: '综合窗口经办员' }) }),
    ]);
    // Who handles the person reads them in the clear, and that reading is in the access log.
    const byCaseworker = await history(`persons/${id}`, caseworker);
    expect(byCaseworker.items[0]).toMatchObject({ oldValue: '13912345678', newValue: '13800001111', masked: false });
    const [read] = await queryRows<{ action: string; details: unknown }>(t.rt.db, sql`SELECT action, details FROM access_log WHERE target_id = ${id} ORDER BY id DESC LIMIT 1`);
    expect(read).toMatchObject({ action: 'person.history.read' });
    // At rest the history holds the phone numbers encrypted only.
    const stored = await queryRows<{ old_value: string; new_value: string }>(t.rt.db, sql`SELECT old_value, new_value FROM master_data_history WHERE subject_id = ${id}`);
    expect(JSON.stringify(stored)).not.toMatch(/13912345678|13800001111/);
    expect(t.rt.cipher.decrypt(stored[0]!.old_value)).toBe('13912345678');

    // The same value again changes nothing and adds nothing to the history.
    const before = await tableCounts(t.rt);
    expect((await t.request('PATCH', `/api/persons/${id}`, { token: caseworker, body: { changes: { phone: '13800001111' }, reason: '再次核对' } })).status).toBe(200);
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('keeps the new person fields: 户口性质, social security card (sealed, masked), skills with a 大典 occupation, contacts', async () => {
    const id = await registerPerson(t, caseworker, citizenId('350206', '19920105', '024'), '黄丽');
    const changes = {
      hukouType: '3',
      socialSecurityCardNo: 'b00000019',
      email: 'huangli@example.cn',
      emergencyContactName: '黄强',
      emergencyContactPhone: '13700002222',
      skills: [{ kind: 'skill-level', name: '中式烹调师', occupation: '4-03-02-01', level: 4, number: 'S350200001', issuedOn: '2025-06-30' }],
    };
    const edited = await t.request('PATCH', `/api/persons/${id}`, { token: caseworker, body: { changes, reason: '补录技能证书和社保卡信息' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ hukouType: '3', socialSecurityCardNo: 'B******19', emergencyContactPhone: '137****2222', skills: changes.skills });
    const full = await t.request('GET', `/api/persons/${id}`, { token: caseworker });
    expect(full.body).toMatchObject({ socialSecurityCardNo: 'B00000019', emergencyContactPhone: '13700002222', email: 'huangli@example.cn' });
    const [row] = await queryRows<{ social_security_card_no: string }>(t.rt.db, sql`SELECT social_security_card_no FROM persons WHERE id = ${id}`);
    expect(row!.social_security_card_no).not.toContain('B00000019');
    const fields = (await history(`persons/${id}`, admin)).items.map((item) => item.field).sort();
    expect(fields).toEqual(['email', 'emergencyContactName', 'emergencyContactPhone', 'hukouType', 'skills', 'socialSecurityCardNo']);
  });

  it('refuses bad input with its code and writes nothing: no reason, a bad card number, an unknown code, an ID number change', async () => {
    const id = await registerPerson(t, caseworker, citizenId('350211', '19790921', '035'), '吴刚', { phone: '13612345678' });
    const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: EMPLOYER, name: '厦门示例科技有限公司' } });
    expect(employer.status).toBe(201);
    const before = await tableCounts(t.rt);
    const refused = async (path: string, body: unknown, status: number, code: string) => {
      const response = await t.request('PATCH', path, { token: caseworker, body });
      expect([response.status, response.body.code], JSON.stringify(response.body)).toEqual([status, code]);
      return response.body;
    };
    await refused(`/api/persons/${id}`, { changes: { phone: '13800002222' } }, 400, 'BAD_REQUEST');
    await refused(`/api/persons/${id}`, { changes: { phone: '13800002222' }, reason: ' ' }, 400, 'BAD_REQUEST');
    const card = await refused(`/api/persons/${id}`, { changes: { socialSecurityCardNo: 'AB1234567' }, reason: '补录社保卡' }, 400, 'BAD_REQUEST');
    expect(card.details.issues[0].path).toBe('changes.socialSecurityCardNo');
    expect((await refused(`/api/persons/${id}`, { changes: { hukouType: '9' }, reason: '更正户口性质' }, 422, 'CODE_UNKNOWN')).details).toEqual({ field: 'hukouType', table: 'hukou-type', code: '9' });
    const skill = { kind: 'skill-level', name: '不存在的职业', occupation: '9-99-99-99' };
    expect((await refused(`/api/persons/${id}`, { changes: { skills: [skill] }, reason: '补录证书' }, 422, 'CODE_UNKNOWN')).details.field).toBe('skills.0.occupation');
    await refused(`/api/persons/${id}`, { changes: { idNumber: citizenId('350211', '19790921', '053') }, reason: '证件号码录错' }, 400, 'BAD_REQUEST');
    const employerPath = `/api/employers/${employer.body.id}`;
    expect((await refused(employerPath, { changes: { industry: '9999' }, reason: '补录行业' }, 422, 'CODE_UNKNOWN')).details).toEqual({ field: 'industry', table: 'industry-gb4754-2017', code: '9999' });
    await refused(employerPath, { changes: { ownershipType: '100' }, reason: '补录登记注册类型' }, 422, 'CODE_UNKNOWN');
    await refused(employerPath, { changes: { legalRepIdNumber: '350203198503120018' }, reason: '补录法定代表人' }, 422, 'ID_NUMBER_INVALID');
    await refused(employerPath, { changes: { creditCode: '91350100M000100Y43' }, reason: '更正代码' }, 400, 'BAD_REQUEST');
    expect(await tableCounts(t.rt)).toEqual(before);
    expect((await t.request('GET', `/api/persons/${id}`, { token: caseworker })).body.phone).toBe('13612345678');
  });

  it('corrects an employer: address, GB/T 4754 class, ownership type, size, legal representative, contact; kept in its history', async () => {
    const list = await t.request('GET', `/api/employers?q=${EMPLOYER}`, { token: caseworker });
    const id = list.body.items[0].id as string;
    const changes = { address: '厦门市思明区软件园二期望海路1号', industry: '6513', ownershipType: '173', size: 'small', legalRepName: '郑海', legalRepIdNumber: citizenId('350203', '19750101', '013'), contactName: '林芳', contactPhone: '0592-5551234' };
    const edited = await t.request('PATCH', `/api/employers/${id}`, { token: caseworker, body: { changes, reason: '依营业执照补录单位信息' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ industry: '6513', ownershipType: '173', size: 'small', legalRepName: '郑海', legalRepIdNumber: expect.stringMatching(/^350203\*+/), contactPhone: '059*****1234' });
    expect((await t.request('GET', `/api/employers/${id}`, { token: caseworker })).body.contactPhone).toBe('0592-5551234');
    const byCaseworker = await history(`employers/${id}`, caseworker);
    expect(byCaseworker.items.map((item) => item.field).sort()).toEqual(['address', 'contactName', 'contactPhone', 'industry', 'legalRepIdNumber', 'legalRepName', 'ownershipType', 'size']);
    expect(byCaseworker.items.find((item) => item.field === 'contactPhone')).toMatchObject({ newValue: '0592-5551234', masked: false });
    // The legal representative's ID number is never shown in full, in the history neither.
    expect(byCaseworker.items.find((item) => item.field === 'legalRepIdNumber')).toMatchObject({ oldValue: null, newValue: expect.stringMatching(/^350203\*+[\dX]$/), masked: true });
  });

  it('merges a duplicate registered under a mistyped ID number: its cases and nationwide status move to the kept record, it stays marked merged and takes no new case, both histories and the audit log say so', async () => {
    const kept = await registerPerson(t, caseworker, citizenId('350203', '19880808', '051'), '李娜');
    const duplicate = await registerPerson(t, caseworker, citizenId('350203', '19880808', '015'), '李娜');
    // The duplicate is registered unemployed: a status held nationwide by its (mistyped) ID number.
    const registration = await open(t, caseworker, 'unemployment-registration', duplicate);
    await act(t, caseworker, registration.id, 'submit', registrationForm());
    expect((await act(t, reviewer, registration.id, 'approve', { opinion: '同意' })).state).toBe('registered');

    const body = { duplicateId: duplicate, reason: '同一人重复登记，证件号码录入错误' };
    const byCaseworker = await t.request('POST', `/api/persons/${kept}/merge`, { token: caseworker, body });
    expect([byCaseworker.status, byCaseworker.body.code]).toEqual([403, 'ROLE_NOT_PERMITTED']);

    const merged = await t.request('POST', `/api/persons/${kept}/merge`, { token: reviewer, body });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.moved.cases).toEqual([registration.id]);
    expect(merged.body.duplicate).toMatchObject({ id: duplicate, mergedInto: kept });
    expect((await getCase(t, caseworker, registration.id)).subject.id).toBe(kept);
    expect(merged.body.moved.nationwideStatuses).toEqual(['unemploymentStatus']);
    // The status follows: held by the kept ID number, nationwide and on the kept record; the duplicate holds none.
    const holders = await queryRows<{ id: string }>(t.rt.db, sql`SELECT p.id FROM nationwide_statuses n JOIN persons p ON p.city_code = n.city_code AND p.id_number_index = n.id_number_index WHERE n.status_key = 'unemploymentStatus' AND p.id IN (${kept}, ${duplicate})`);
    expect(holders.map((row) => row.id)).toEqual([kept]);
    expect(merged.body.kept.statuses.unemploymentStatus).toBe('registered');
    expect(merged.body.duplicate.statuses.unemploymentStatus).toBe('none');
    // The duplicate is still there, pointing to the kept record; both histories say what happened and why.
    expect((await t.request('GET', `/api/persons/${duplicate}`, { token: caseworker })).body.mergedInto).toBe(kept);
    expect((await history(`persons/${kept}`, caseworker)).items).toContainEqual(expect.objectContaining({ kind: 'merge', field: 'mergedFrom', newValue: duplicate, reason: body.reason }));
    expect((await history(`persons/${duplicate}`, caseworker)).items).toContainEqual(expect.objectContaining({ kind: 'merge', field: 'mergedInto', newValue: kept }));
    const audit = await queryRows<{ action: string }>(t.rt.db, sql`SELECT action FROM audit_log WHERE action = 'person.merge' AND target = ${kept}`);
    expect(audit).toHaveLength(1);

    // A merged record takes no more edits or merges.
    const before = await tableCounts(t.rt);
    const edit = await t.request('PATCH', `/api/persons/${duplicate}`, { token: caseworker, body: { changes: { phone: '13800003333' }, reason: '更正' } });
    expect([edit.status, edit.body.code]).toEqual([422, 'RECORD_MERGED']);
    const again = await t.request('POST', `/api/persons/${kept}/merge`, { token: reviewer, body });
    expect([again.status, again.body.code]).toEqual([422, 'RECORD_MERGED']);
    const newCase = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'job-seeking', subjectId: duplicate } });
    expect([newCase.status, newCase.body.code]).toEqual([422, 'RECORD_MERGED']);
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('refuses to merge a record into itself, or two records each with an active case of one process, and writes nothing', async () => {
    const kept = await registerPerson(t, caseworker, citizenId('350206', '19920404', '038'), '吴芳');
    const duplicate = await registerPerson(t, caseworker, citizenId('350206', '19920404', '011'), '吴芳');
    await open(t, caseworker, 'job-seeking', kept);
    await open(t, caseworker, 'job-seeking', duplicate);
    const before = await tableCounts(t.rt);
    const itself = await t.request('POST', `/api/persons/${kept}/merge`, { token: reviewer, body: { duplicateId: kept, reason: '同一人重复登记' } });
    expect([itself.status, itself.body.code, itself.body.details]).toEqual([422, 'MERGE_REFUSED', { problem: 'same-record' }]);
    const both = await t.request('POST', `/api/persons/${kept}/merge`, { token: reviewer, body: { duplicateId: duplicate, reason: '同一人重复登记' } });
    expect([both.status, both.body.code, both.body.details]).toEqual([422, 'MERGE_REFUSED', { problem: 'active-cases', processes: ['job-seeking'] }]);
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('refuses a merge that would let the same item of the same period be paid twice, and writes nothing', async () => {
    const paidTraining = async (personId: string) => {
      const caseId = (await open(t, caseworker, 'training-subsidy', personId)).id;
      await act(t, caseworker, caseId, 'startTraining', { classNo: 'XM-4-03-02-01', institutionCreditCode: TRAINING_INSTITUTION, occupation: '4-03-02-01', level: 4, startDate: '2026-09-01' });
      await act(t, caseworker, caseId, 'assess', { result: 'pass', assessedOn: '2026-10-15' });
      await act(t, caseworker, caseId, 'certify', { certificateNo: `S3502-${personId.slice(0, 8)}`, certificateType: 'skill-level', issuedOn: '2026-10-20' });
      await act(t, caseworker, caseId, 'claim', { subsidyKind: 'training', eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 350206-2026-0009', amountFen: 150_000, year: '2026' });
      expect((await act(t, reviewer, caseId, 'approveClaim', { opinion: '证书真实有效' })).state).toBe('paid');
    };
    const kept = await registerPerson(t, caseworker, citizenId('350205', '19900303', '077'), '周杰');
    const duplicate = await registerPerson(t, caseworker, citizenId('350205', '19900303', '071'), '周杰');
    await paidTraining(kept);
    await paidTraining(duplicate);

    const before = await tableCounts(t.rt);
    const refused = await t.request('POST', `/api/persons/${kept}/merge`, { token: reviewer, body: { duplicateId: duplicate, reason: '同一人重复登记' } });
    expect([refused.status, refused.body.code], JSON.stringify(refused.body)).toEqual([422, 'MERGE_DOUBLE_PAYMENT']);
    expect(refused.body.details.items).toHaveLength(1);
    expect(await tableCounts(t.rt)).toEqual(before);
    expect((await t.request('GET', `/api/persons/${duplicate}`, { token: caseworker })).body.mergedInto).toBeNull();
  });
});
