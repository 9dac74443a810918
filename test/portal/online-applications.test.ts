import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckCharacter } from '../../forms/index.ts';
import { createPortalApp } from '../../portal/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { caseAttachments, caseEvents, cases } from '../../runtime/db/schema/index.ts';
import { citizenSession, multipartPost, SAMPLE_HTML as HTML, SAMPLE_PDF as PDF, type SentFile } from '../support/public-accounts.ts';
import { act, getCase } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const idNumber = (first17: string) => `${first17}${citizenIdCheckCharacter(first17)}`;
const LIMIT = 16 * 1024;

/** A complete 失业登记 as a citizen fills it in, in 思明区 (whose office the demo's staff work at). */
const registration = {
  category: 'school-leaver',
  unemployedSince: '2026-10-01',
  retirementCategory: 'male-60',
  education: '20',
  phone: '13905921234',
  residenceArea: '350203',
  address: '思明区湖滨南路1号',
};

type Session = Awaited<ReturnType<typeof citizenSession>>;

describe.each(backends)('online applications (网上经办) on the public site (%s)', (backend) => {
  let t: TestRuntime;
  let app: ReturnType<typeof createPortalApp>;
  let citizen: Session;
  let other: Session;
  let reviewer: string;

  const post = (session: Session, path: string, fields: Record<string, string>, files: SentFile[] = []) => app.request(path, multipartPost(session, fields, files));
  const get = (session: Session, path: string) => app.request(path, { headers: { cookie: session.cookie } });
  const written = async () => {
    const [c] = await t.rt.db.select({ n: count() }).from(cases);
    const [a] = await t.rt.db.select({ n: count() }).from(caseAttachments);
    return { cases: c!.n, attachments: a!.n };
  };
  const caseIdOf = (response: Response) => /\/my\/applications\/([0-9a-f-]{36})/.exec(response.headers.get('location') ?? '')?.[1];

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z'), config: { attachmentLimitBytes: LIMIT } });
    app = createPortalApp(t.rt);
    citizen = await citizenSession(t.rt, { idNumber: idNumber('35020319950301001'), name: '林网申' });
    other = await citizenSession(t.rt, { idNumber: idNumber('35020319960412002'), name: '陈旁人' });
    reviewer = await t.login('reviewer');
  }, 180_000);
  afterAll(() => t?.close());

  it('a citizen applies for 失业登记 with a PDF: one case at the district office, in the reviewer\'s inbox, from the online channel, its number shown', async () => {
    const form = await (await get(citizen, '/apply/unemployment-registration')).text();
    expect(form).toContain('enctype="multipart/form-data"');
    expect(form).toContain('name="category"');
    expect(form).toContain('name="file:identity-proof"');

    const response = await post(citizen, '/apply/unemployment-registration', registration, [{ material: 'identity-proof', name: '身份证.pdf', bytes: PDF }]);
    expect(response.status, await response.clone().text()).toBe(303);
    const caseId = caseIdOf(response)!;
    const shown = await (await get(citizen, `/my/applications/${caseId}?submitted=1`)).text();
    const detail = await getCase(t, reviewer, caseId);
    expect(detail).toMatchObject({ processId: 'unemployment-registration', state: 'submitted', channel: 'online' });
    expect(shown).toContain(`<dd id="application-no">${detail.caseNo}</dd>`);
    expect(shown).toContain('审核中');

    // In the reviewer's inbox at 思明区's office, with the file on the case, uploaded by the applicant.
    const inbox = await t.request('GET', '/api/tasks', { token: reviewer });
    expect(inbox.body.items.map((task: { caseId: string }) => task.caseId)).toContain(caseId);
    const files = await t.request('GET', `/api/cases/${caseId}/attachments`, { token: reviewer });
    expect(files.body.items).toEqual([expect.objectContaining({ fileName: '身份证.pdf', mediaType: 'application/pdf', material: 'identity-proof', uploadedBy: { id: citizen.account.id, name: '林网申' } })]);
    const online = await t.request('GET', '/api/cases?channel=online', { token: reviewer });
    expect(online.body.items.map((c: { id: string }) => c.id)).toContain(caseId);

    // Every performance record of the case carries the channel; the indicators split by it.
    const channels = await t.rt.db.selectDistinct({ channel: caseEvents.channel }).from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(channels).toEqual([{ channel: 'online' }]);
  });

  it('refuses a field the schema refuses, with a message beside it, the values kept, and writes nothing', async () => {
    const before = await written();
    const response = await post(other, '/en/apply/unemployment-registration', { ...registration, phone: '12345', category: '' }, [{ material: 'identity-proof', name: 'id.pdf', bytes: PDF }]);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<p class="field-error" id="f-phone-error">Enter a valid 11-digit mobile number</p>');
    expect(html).toContain('<p class="field-error" id="f-category-error">Required</p>');
    // Summed up above the form, each field's message linked to its input.
    expect(html).toContain('<li><a href="#f-phone">Mobile phone</a>: Enter a valid 11-digit mobile number</li>');
    expect(html).toMatch(/<input id="f-phone" name="phone" aria-required="true" aria-invalid="true" aria-describedby="f-phone-hint f-phone-error"/);
    expect(html).toContain('value="12345"');
    expect(html).toContain('思明区湖滨南路1号');
    expect(await written()).toEqual(before);
  });

  it('shows a rule of the process that refuses the application in the citizen\'s language, and writes nothing', async () => {
    const before = await written();
    // 陈旁人 was born in 1996: unemployed since 2005 is before they turned 16.
    const response = await post(other, '/apply/unemployment-registration', { ...registration, unemployedSince: '2005-01-01' }, [{ material: 'identity-proof', name: 'id.pdf', bytes: PDF }]);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('失业时间不能早于本人年满16周岁之日');
    expect(await written()).toEqual(before);
  });

  it('refuses a file that is not a PDF, JPEG or PNG by its content, whatever its name, and one over the limit: nothing stored', async () => {
    const before = await written();
    const html = await post(other, '/apply/unemployment-registration', registration, [{ material: 'identity-proof', name: '身份证.pdf', bytes: HTML }]);
    // The status the API gives the same refusal.
    expect(html.status).toBe(415);
    expect(await html.text()).toContain('文件“身份证.pdf”不是 PDF、JPEG 或 PNG 文件');
    const big = new Uint8Array(LIMIT + 1);
    big.set(PDF);
    const large = await post(other, '/en/apply/unemployment-registration', registration, [{ material: 'identity-proof', name: 'scan.pdf', bytes: big }]);
    expect(large.status).toBe(413);
    expect(await large.text()).toContain('The file “scan.pdf” is larger than the limit of 16 KB and was not kept.');
    expect(await written()).toEqual(before);
  });

  it('shows an application to its applicant only: another citizen gets 404 and an empty list', async () => {
    const [mine] = await t.rt.db.select({ id: cases.id }).from(cases).where(eq(cases.openedByAccount, citizen.account.id));
    expect((await get(citizen, `/my/applications/${mine!.id}`)).status).toBe(200);
    expect((await get(other, `/my/applications/${mine!.id}`)).status).toBe(404);
    // An address that cannot be a case is not there either, read or sent to: a 404, not a database error.
    expect((await get(citizen, '/my/applications/not-a-case')).status).toBe(404);
    expect((await post(citizen, '/my/applications/not-a-case', registration)).status).toBe(404);
    expect(await (await get(other, '/my/applications')).text()).not.toContain(mine!.id);
    expect(await (await get(citizen, '/my/applications')).text()).toContain(mine!.id);
  });

  it('a return for correction shows the reason and what to add; the citizen corrects and submits again; the decision is shown', async () => {
    const [mine] = await t.rt.db.select({ id: cases.id }).from(cases).where(eq(cases.openedByAccount, citizen.account.id));
    const caseId = mine!.id;
    await act(t, reviewer, caseId, 'returnForCorrection', { returnReason: '联系地址不完整', toAdd: '请补充门牌号并上传解除劳动合同证明' });

    const returned = await (await get(citizen, `/my/applications/${caseId}`)).text();
    expect(returned).toContain('已退回，请补正后重新提交');
    expect(returned).toContain('联系地址不完整');
    expect(returned).toContain('请补充门牌号并上传解除劳动合同证明');
    expect(returned).toContain('value="13905921234"');
    const version = /name="version" value="(\d+)"/.exec(returned)![1]!;

    const again = await post(citizen, `/my/applications/${caseId}`, { ...registration, address: '思明区湖滨南路1号201室', version }, [{ material: 'separation-proof', name: '证明.pdf', bytes: PDF }]);
    expect(again.status, await again.clone().text()).toBe(303);
    expect(await getCase(t, reviewer, caseId)).toMatchObject({ state: 'submitted', data: { address: '思明区湖滨南路1号201室' } });

    await act(t, reviewer, caseId, 'approve', { opinion: '材料齐全，予以登记' });
    const decided = await (await get(citizen, `/en/my/applications/${caseId}`)).text();
    expect(decided).toContain('data-phase="approved"');
    expect(decided).toContain('Decided: granted');
    // The reviewer's opinion on a grant is the office's own note, not shown.
    expect(decided).not.toContain('材料齐全');
  });

  it('shows a rejection with its reason', async () => {
    // 陈旁人 is a woman (the ID number's 17th digit is even).
    const response = await post(other, '/apply/unemployment-registration', { ...registration, retirementCategory: 'female-55' });
    expect(response.status, await response.clone().text()).toBe(303);
    const caseId = caseIdOf(response)!;
    await act(t, reviewer, caseId, 'reject', { rejectionReason: '经核查已在外省就业' });
    const html = await (await get(other, `/my/applications/${caseId}`)).text();
    expect(html).toContain('已办结：不予办理');
    expect(html).toContain('经核查已在外省就业');
  });

  it('offers the form in force for the city: a field 厦门市 adds in a published overlay appears online', async () => {
    const configurator = await t.login('configurator');
    const base = '/api/processes/unemployment-registration/overlay';
    const operations = [{ op: 'addField', form: 'registration', field: 'wechat', schema: { type: 'string', maxLength: 50, title: '微信号', 'x-i18n': { en: 'WeChat ID' } } }];
    expect((await t.request('PUT', base, { token: configurator, body: { operations } })).status).toBe(200);
    expect((await t.request('POST', `${base}/publish`, { token: configurator })).status).toBe(201);
    const html = await (await get(citizen, '/en/apply/unemployment-registration')).text();
    expect(html).toContain('name="wechat"');
    expect(html).toContain('WeChat ID');
  });

  it('counts the online work apart: the indicator drilled down by channel has an online row', async () => {
    const rows = await queryRows<{ channel: string; n: number }>(t.rt.db, sql`SELECT channel, count(*)::int AS n FROM case_events WHERE process_id = 'unemployment-registration' GROUP BY channel`);
    expect(rows.map((r) => r.channel)).toContain('online');
    const admin = await t.login('admin');
    const drill = await t.request('GET', '/api/indicators/unemployment-registration-on-time-rate/drilldown?orgUnit=350200&from=2026-11-01&to=2026-11-30&by=channel', { token: admin });
    expect(drill.status).toBe(200);
    expect(drill.body.rows.map((r: { key: string }) => r.key)).toContain('online');
    const window = await t.request('GET', '/api/indicators/unemployment-registration-on-time-rate?orgUnit=350200&from=2026-11-01&to=2026-11-30&channel=window', { token: admin });
    const all = await t.request('GET', '/api/indicators/unemployment-registration-on-time-rate?orgUnit=350200&from=2026-11-01&to=2026-11-30', { token: admin });
    const onlineRow = drill.body.rows.find((r: { key: string }) => r.key === 'online');
    expect(window.body.denominator).toBe(all.body.denominator - onlineRow.denominator);
  });
});
