import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlatformError } from '../../engine/index.ts';
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '../../forms/index.ts';
import { createPortalApp } from '../../portal/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { caseEvents, cases, persons, publicNotices } from '../../runtime/db/schema/index.ts';
import { submitApplication } from '../../runtime/online-applications/index.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { citizenSession, formPost, multipartPost, SAMPLE_HTML as HTML, SAMPLE_PDF as PDF, sessionCookies, type SentFile } from '../support/public-accounts.ts';
import { act, endNotice, getCase } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const first17 = `91350203MA2Y7C5D${organizationCodeCheckCharacter('MA2Y7C5D')}`;
/** The applicant's own first business, on the city's employer register since June 2025 (17 months before the story's day). */
const studio = { creditCode: first17 + creditCodeCheckCharacter(first17), name: '厦门林创设计工作室', establishedOn: '2025-06-01' };
const applicantId = citizenId('350203', '19980521', '013');

/** A complete 一次性创业补贴 application as a citizen fills it in: the amount typed in yuan (5,000 yuan, the standard), a recent graduate. */
const application = { businessCreditCode: studio.creditCode, businessName: studio.name, businessStartDate: studio.establishedOn, amountFen: '5000', graduate: 'true' };

type Session = Awaited<ReturnType<typeof citizenSession>>;

/**
 * Issue 17, a subsidy applied for online: 一次性创业补贴 from the public site to the window's check
 * (a task of the subsidy window, marked online), returned to the applicant and sent again, under
 * public notice, reviewed and paid, the applicant seeing each stage; refused input writes nothing.
 */
describe.each(backends)('一次性创业补贴 applied for online (%s)', (backend) => {
  let t: TestRuntime;
  let app: ReturnType<typeof createPortalApp>;
  let citizen: Session;
  let other: Session;
  let caseworker: string;
  let reviewer: string;
  let caseId = '';

  const post = (session: Session, path: string, fields: Record<string, string>, files: SentFile[] = []) => app.request(path, multipartPost(session, fields, files));
  const get = async (session: Session, path: string) => (await app.request(path, { headers: { cookie: session.cookie } })).text();
  const inbox = async (token: string) => (await t.request('GET', '/api/tasks', { token })).body.items as { caseId: string; channel: string; stateTitle: { 'zh-CN': string } }[];

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    app = createPortalApp(t.rt);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
    citizen = await citizenSession(t.rt, { idNumber: applicantId, name: '林创业' });
    other = await citizenSession(t.rt, { idNumber: citizenId('350203', '19970304', '024'), name: '陈未登' });
    // Both live in 思明区 (as a caseworker recorded it), whose office the demo's staff work at.
    for (const session of [citizen, other]) await t.rt.db.update(persons).set({ residenceArea: '350203' }).where(eq(persons.id, session.account.personId!));
    const employer = await t.request('POST', '/api/employers', { token: caseworker, body: { ...studio, legalRepIdNumber: applicantId } });
    expect(employer.status, JSON.stringify(employer.body)).toBe(201);
  }, 180_000);
  afterAll(() => t?.close());

  it('offers the form in force at the district office: the application form, the amount in yuan, the materials to upload', async () => {
    expect(await (await app.request('/apply')).text()).toContain('<a href="/apply/start-up-subsidy">一次性创业补贴</a>');
    const form = await get(citizen, '/apply/start-up-subsidy');
    expect(form).toContain('网上申请：一次性创业补贴');
    expect(form).toContain('申请将提交至思明区公共就业服务中心');
    for (const name of ['businessCreditCode', 'businessName', 'businessStartDate', 'amountFen', 'graduate', 'incubatorCreditCode', 'file:business-licence', 'file:identity-proof']) expect(form).toContain(`name="${name}"`);
    // The period is fixed (once): not asked for.
    expect(form).not.toContain('name="period"');
    expect(form).toContain('申请金额（元）');
  });

  it('refuses a missing field (FORM_INVALID, per field) and a file that is not a PDF, JPEG or PNG (415), and writes nothing', async () => {
    const before = await tableCounts(t.rt);
    const { businessCreditCode: _code, graduate: _graduate, ...partial } = application;
    const missing = await post(citizen, '/apply/start-up-subsidy', partial, [{ material: 'business-licence', name: '营业执照.pdf', bytes: PDF }]);
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('<p class="field-error" id="f-businessCreditCode-error">必填</p>');
    expect(html).toContain('<p class="field-error" id="f-graduate-error">必填</p>');
    expect(html).toContain(`value="${studio.name}"`);
    const refused = await submitApplication(t.rt, citizen.account, 'start-up-subsidy', { data: { businessStartDate: studio.establishedOn, amountFen: 500_000, period: 'once' }, files: [] }).catch((error: unknown) => error);
    expect(isPlatformError(refused, 'FORM_INVALID')).toBe(true);
    expect(((refused as { details: { fields: { field: string }[] } }).details.fields).map((f) => f.field).sort()).toEqual(['businessCreditCode', 'graduate']);

    const wrongType = await post(citizen, '/apply/start-up-subsidy', application, [{ material: 'business-licence', name: '营业执照.pdf', bytes: HTML }]);
    expect(wrongType.status).toBe(415);
    expect(await wrongType.text()).toContain('文件“营业执照.pdf”不是 PDF、JPEG 或 PNG 文件');
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('refuses at once what the rules of the subsidy refuse, in the applicant\'s language, and writes nothing', async () => {
    const before = await tableCounts(t.rt);
    // 陈未登 is not the studio's legal representative.
    const response = await post(other, '/en/apply/start-up-subsidy', application);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("The applicant is not the business&#39;s registered legal representative (operator)");
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('lands as a case with its application number at the subsidy window\'s check, opened by the account, online on every performance record', async () => {
    const response = await post(citizen, '/apply/start-up-subsidy', application, [{ material: 'business-licence', name: '营业执照.pdf', bytes: PDF }]);
    expect(response.status, await response.clone().text()).toBe(303);
    caseId = /\/my\/applications\/([0-9a-f-]{36})/.exec(response.headers.get('location') ?? '')![1]!;
    const detail = await getCase(t, caseworker, caseId);
    expect(detail).toMatchObject({ processId: 'start-up-subsidy', state: 'received', channel: 'online', data: { amountFen: 500_000, graduate: true, period: 'once' } });
    const [row] = await t.rt.db.select({ openedByAccount: cases.openedByAccount, orgUnitId: cases.orgUnitId }).from(cases).where(eq(cases.id, caseId));
    expect(row).toEqual({ openedByAccount: citizen.account.id, orgUnitId: '350203-01' });

    const shown = await get(citizen, `/my/applications/${caseId}?submitted=1`);
    expect(shown).toContain(`<dd id="application-no">${detail.caseNo}</dd>`);
    expect(shown).toContain('审核中（当前环节：网上申请受理）');

    // The window's task, marked online; the licence on the case, uploaded by the applicant.
    expect(await inbox(caseworker)).toContainEqual(expect.objectContaining({ caseId, channel: 'online', stateTitle: expect.objectContaining({ 'zh-CN': '网上申请受理' }) }));
    const files = await t.request('GET', `/api/cases/${caseId}/attachments`, { token: caseworker });
    expect(files.body.items).toEqual([expect.objectContaining({ fileName: '营业执照.pdf', mediaType: 'application/pdf', material: 'business-licence', uploadedBy: { id: citizen.account.id, name: '林创业' } })]);
    const channels = await t.rt.db.selectDistinct({ channel: caseEvents.channel }).from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(channels).toEqual([{ channel: 'online' }]);
    // One application of the kind at a time.
    const twice = await post(citizen, '/apply/start-up-subsidy', application);
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain('您已有一件正在办理的同类申请');
  });

  it('returned by the window with the reason and what to add, the citizen corrects it and sends it again to the check', async () => {
    await act(t, caseworker, caseId, 'returnForCorrection', { returnReason: '营业执照照片不清晰', toAdd: '请重新上传清晰的营业执照和身份证明' });
    // With the applicant now: no one's task.
    expect((await inbox(caseworker)).map((task) => task.caseId)).not.toContain(caseId);
    const returned = await get(citizen, `/my/applications/${caseId}`);
    expect(returned).toContain('已退回，请补正后重新提交');
    expect(returned).toContain('营业执照照片不清晰');
    expect(returned).toContain('请重新上传清晰的营业执照和身份证明');
    expect(returned).toContain(`value="${studio.creditCode}"`);
    const version = /name="version" value="(\d+)"/.exec(returned)![1]!;

    const again = await post(citizen, `/my/applications/${caseId}`, { ...application, businessName: '厦门林创设计工作室（个体）', version }, [
      { material: 'business-licence', name: '营业执照-清晰.png', bytes: PNG, type: 'image/png' },
      { material: 'identity-proof', name: '身份证.pdf', bytes: PDF },
    ]);
    expect(again.status, await again.clone().text()).toBe(303);
    expect(await getCase(t, caseworker, caseId)).toMatchObject({ state: 'received', data: { businessName: '厦门林创设计工作室（个体）' } });
    expect((await t.request('GET', `/api/cases/${caseId}/attachments`, { token: caseworker })).body.items).toHaveLength(3);
  });

  it('checked by the window, it is under public notice; an objection sends it back without passing on the objector\'s words; sent again, reviewed by another, paid', async () => {
    // The window's form starts from what the applicant sent (the workbench keeps the form's own fields of the case data).
    const check = async () => {
      const { data } = await getCase(t, caseworker, caseId);
      const sent = Object.fromEntries(['businessCreditCode', 'businessName', 'businessStartDate', 'amountFen', 'graduate', 'period'].map((field) => [field, data[field]]));
      expect((await act(t, caseworker, caseId, 'submit', sent)).state).toBe('publicized');
    };
    await check();
    expect(await get(citizen, `/my/applications/${caseId}`)).toContain('<dd id="application-phase" data-phase="notice">公示中');
    const [notice] = await t.rt.db.select({ id: publicNotices.id }).from(publicNotices).where(eq(publicNotices.caseId, caseId));
    expect(await (await app.request('/notices')).text()).toContain('林*业');

    // An objection from the site takes it back to verification at the window; the applicant may send it again.
    const reason = '据我所知，该工作室实际由他人经营，申请人并非经营者。';
    const objected = await app.request(`/notices/${notice!.id}/objections`, formPost(sessionCookies(null), { name: '陈美玲', phone: '13805920011', reason }), { incoming: { socket: { remoteAddress: '10.0.0.1' } } });
    expect(objected.status, await objected.clone().text()).toBeLessThan(400);
    expect((await getCase(t, caseworker, caseId)).state).toBe('applied');
    const afterObjection = await get(citizen, `/my/applications/${caseId}`);
    expect(afterObjection).toContain('data-phase="returned"');
    expect(afterObjection).toContain('公示有异议，重新核实');
    expect(afterObjection).not.toContain('申请人并非经营者');
    expect(afterObjection).not.toContain('陈美玲');
    const version = /name="version" value="(\d+)"/.exec(afterObjection)![1]!;
    const resent = await post(citizen, `/my/applications/${caseId}`, { ...application, businessName: '厦门林创设计工作室（个体）', version });
    expect(resent.status, await resent.clone().text()).toBe(303);
    expect((await getCase(t, caseworker, caseId)).state).toBe('received');

    await check();
    expect((await endNotice(t, reviewer, caseId)).state).toBe('submitted');
    await act(t, reviewer, caseId, 'approve', { opinion: '材料齐全，经营正常' });
    const decided = await get(citizen, `/en/my/applications/${caseId}`);
    expect(decided).toContain('data-phase="approved"');
    expect(decided).toContain('Decided: granted');
    expect(decided).not.toContain('经营正常');
    const ledger = await queryRows<{ amount_fen: number }>(t.rt.db, sql`SELECT amount_fen FROM ledger_items WHERE case_id = ${caseId}`);
    expect(ledger.map((row) => Number(row.amount_fen))).toEqual([500_000]);
  });

  it('counts the online work apart: the subsidy\'s on-time rate drilled down by channel has an online row', async () => {
    const admin = await t.login('admin');
    const drill = await t.request('GET', '/api/indicators/start-up-subsidy-on-time-rate/drilldown?orgUnit=350200&from=2026-11-01&to=2026-11-30&by=channel', { token: admin });
    expect(drill.status).toBe(200);
    expect(drill.body.rows.map((r: { key: string }) => r.key)).toContain('online');
  });

  it('offers the form in force for the city: a field 厦门市 adds to the application in a published overlay appears online', async () => {
    const configurator = await t.login('configurator');
    const base = '/api/processes/start-up-subsidy/overlay';
    const operations = [{ op: 'addField', form: 'application', field: 'employeesHired', schema: { type: 'integer', minimum: 0, title: '带动就业人数', 'x-i18n': { en: 'People employed' } } }];
    expect((await t.request('PUT', base, { token: configurator, body: { operations } })).status).toBe(200);
    expect((await t.request('POST', `${base}/publish`, { token: configurator })).status).toBe(201);
    const html = await get(other, '/en/apply/start-up-subsidy');
    expect(html).toContain('name="employeesHired"');
    expect(html).toContain('People employed');
  });
});
