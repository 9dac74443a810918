import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginManifest } from '../../engine/index.ts';
import { contentDisposition, sniffMediaType } from '../../runtime/attachments/index.ts';
import { FieldCipher, type KeyRing } from '../../runtime/crypto/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import { accessLog, caseAttachments } from '../../runtime/db/schema/index.ts';
import { reencryptAll } from '../../runtime/privacy/index.ts';
import { insertDemoUsers, officeId } from '../../runtime/seed/index.ts';
import { citizenId, registrationForm, tableCounts } from '../support/fixtures.ts';
import { plugins } from '../support/packages.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

type Json = Record<string, any>;

/** The shipped packages, with the registration's two proofs required (the shipped flow asks for them without requiring them). */
function withRequiredProofs(): PluginManifest[] {
  return plugins.map((plugin) => {
    if (plugin.id !== 'unemployment-registration') return plugin;
    const flow = structuredClone(plugin.definitions[0]) as Json;
    for (const material of flow['states'].draft.on.submit.materials) material.required = true;
    return { ...plugin, definitions: [flow, ...plugin.definitions.slice(1)] };
  });
}

const LIMIT = 200_000;
const pdf = (size = 3_000) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size), Buffer.from('\n%%EOF\n')]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);

describe('media types by content, and the download name', () => {
  it('knows PDF, JPEG and PNG by their first bytes and nothing else, whatever the name', () => {
    expect(sniffMediaType(pdf())).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffMediaType(png())).toBe('image/png');
    expect(sniffMediaType(Buffer.from('MZ\x90\x00 program'))).toBeNull();
    expect(sniffMediaType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(sniffMediaType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });

  it('names the file in ASCII and, in full, as UTF-8 (RFC 6266, 5987)', () => {
    expect(contentDisposition('attachment', '身份证 (正面).pdf')).toBe(`attachment; filename="___ (__).pdf"; filename*=UTF-8''%E8%BA%AB%E4%BB%BD%E8%AF%81%20%28%E6%AD%A3%E9%9D%A2%29.pdf`);
    expect(contentDisposition('inline', 'a"b\\c.png')).toBe(`inline; filename="a_b_c.png"; filename*=UTF-8''a%22b%5Cc.png`);
  });
});

/**
 * Issue 16, build 6: scans of proofs attached to a case, for the step that needs them, typed by
 * their content, size-checked, encrypted at rest, read back as uploaded with the read recorded;
 * a step whose required proofs are missing is refused.
 */
describe.each(backends)('case attachments (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let huli: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend, { packages: withRequiredProofs(), config: { attachmentLimitBytes: LIMIT } });
    await insertDemoUsers(t.rt.db, [{ username: 'huli-caseworker', displayName: '湖里经办员', role: 'caseworker', orgUnitId: officeId('350206'), post: 'unemployment-window' }]);
    caseworker = await t.login('caseworker');
    huli = await t.login('huli-caseworker');
  });
  afterAll(async () => t?.close());

  async function draftCase(sequence: string) {
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19880412', sequence), '林晓燕');
    return (await open(t, caseworker, 'unemployment-registration', personId)).id as string;
  }

  async function upload(caseId: string, file: { bytes: Uint8Array; name: string; type?: string }, fields: { step?: string; material?: string } = {}, token = caseworker) {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? 'application/pdf' }));
    form.set('step', fields.step ?? 'submit');
    form.set('material', fields.material ?? 'identity-proof');
    const response = await t.app.request(`/api/cases/${caseId}/attachments`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async function download(caseId: string, attachmentId: string, token = caseworker) {
    const response = await t.app.request(`/api/cases/${caseId}/attachments/${attachmentId}?download=1`, { headers: { Authorization: `Bearer ${token}` } }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  it('stores a PDF encrypted and gives it back identical, named as uploaded, the read recorded in the access log', async () => {
    const caseId = await draftCase('021');
    const file = pdf();
    const uploaded = await upload(caseId, { bytes: file, name: '身份证 扫描件.pdf' });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toMatchObject({
      caseId,
      step: { state: 'draft', event: 'submit', eventTitle: { 'zh-CN': '提交登记' }, seq: null },
      material: 'identity-proof',
      materialTitle: { 'zh-CN': '身份证明', en: 'Proof of identity' },
      fileName: '身份证 扫描件.pdf',
      mediaType: 'application/pdf',
      sizeBytes: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      uploadedBy: { name: '综合窗口经办员' },
      withdrawn: null,
    });
    expect(uploaded.body.step.taskId).toMatch(/^[0-9a-f-]{36}$/);

    // At rest the content is ciphertext: the plain file is nowhere in it.
    const [stored] = await t.rt.db.select({ content: caseAttachments.content }).from(caseAttachments).where(eq(caseAttachments.id, uploaded.body.id));
    expect(stored!.content.equals(file)).toBe(false);
    expect(stored!.content.includes(file.subarray(0, 64))).toBe(false);
    expect(t.rt.cipher.decryptBytes(stored!.content).equals(file)).toBe(true);

    const listed = await t.request('GET', `/api/cases/${caseId}/attachments`, { token: caseworker });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('content');

    const read = await download(caseId, uploaded.body.id);
    expect(read.status).toBe(200);
    expect(read.bytes.equals(file)).toBe(true);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
    expect(read.headers.get('content-disposition')).toBe(`attachment; filename="___ ___.pdf"; filename*=UTF-8''${encodeURIComponent('身份证 扫描件.pdf')}`);

    // A key rotation re-encrypts the file: read back under the new key alone, it is the same file.
    const rotated: KeyRing = { ...t.rt.cipher.ring, primary: 'k9', keys: { ...t.rt.cipher.ring.keys, k9: randomBytes(32).toString('hex') } };
    t.rt.cipher = new FieldCipher(rotated);
    expect((await reencryptAll(t.rt.db, t.rt.cipher, { reindex: false })).attachments).toBeGreaterThanOrEqual(1);
    const [again] = await t.rt.db.select({ content: caseAttachments.content }).from(caseAttachments).where(eq(caseAttachments.id, uploaded.body.id));
    expect(new FieldCipher({ ...rotated, keys: { k9: rotated.keys['k9']! } }).decryptBytes(again!.content).equals(file)).toBe(true);

    const reads = await t.rt.db.select().from(accessLog).where(and(eq(accessLog.action, 'case.attachment.read'), eq(accessLog.targetId, caseId)));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorName: '综合窗口经办员', targetType: 'case', details: { attachment: uploaded.body.id, material: 'identity-proof' } });
  });

  it('types a file by its content: a PNG named .pdf is a PNG; a program or a page named .pdf, or a file over the limit, is refused with nothing written', async () => {
    const caseId = await draftCase('048');
    const renamed = await upload(caseId, { bytes: png(), name: 'scan.pdf', type: 'application/pdf' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(201);
    expect(renamed.body.mediaType).toBe('image/png');
    expect((await download(caseId, renamed.body.id)).headers.get('content-type')).toBe('image/png');

    const before = await tableCounts(t.rt);
    for (const bytes of [Buffer.from('MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode'), Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')]) {
      const refused = await upload(caseId, { bytes, name: '解除劳动合同证明.pdf', type: 'application/pdf' }, { material: 'separation-proof' });
      expect(refused.status).toBe(415);
      expect(refused.body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    }
    const tooLarge = await upload(caseId, { bytes: pdf(LIMIT), name: 'large.pdf' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', details: { maxBytes: LIMIT } });
    const undeclared = await upload(caseId, { bytes: pdf(), name: 'x.pdf' }, { material: 'household-register' });
    expect(undeclared.status).toBe(422);
    expect(undeclared.body.code).toBe('MATERIAL_NOT_DECLARED');
    const otherStep = await upload(caseId, { bytes: pdf(), name: 'x.pdf' }, { step: 'approve' });
    expect(otherStep.body.code).toBe('TRANSITION_NOT_AVAILABLE');
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('answers a user outside the case\u2019s jurisdiction 404 on every route, writing nothing', async () => {
    const caseId = await draftCase('056');
    const mine = await upload(caseId, { bytes: pdf(), name: 'id.pdf' });
    const before = await tableCounts(t.rt);
    const refused = await upload(caseId, { bytes: pdf(), name: 'id.pdf' }, {}, huli);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('NOT_FOUND');
    expect((await t.request('GET', `/api/cases/${caseId}/attachments`, { token: huli })).status).toBe(404);
    expect((await download(caseId, mine.body.id, huli)).status).toBe(404);
    expect((await t.request('POST', `/api/cases/${caseId}/attachments/${mine.body.id}/withdraw`, { token: huli, body: { reason: '误传' } })).status).toBe(404);
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('refuses a step whose required proofs are missing, withdrawn ones not counting; once attached, the step takes them as its own', async () => {
    const caseId = await draftCase('065');
    const identity = await upload(caseId, { bytes: pdf(), name: '身份证.pdf' });
    const withdrawn = await t.request('POST', `/api/cases/${caseId}/attachments/${identity.body.id}/withdraw`, { token: caseworker, body: { reason: '上传错了人' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawn).toMatchObject({ by: { name: '综合窗口经办员' }, reason: '上传错了人' });
    const again = await t.request('POST', `/api/cases/${caseId}/attachments/${identity.body.id}/withdraw`, { token: caseworker, body: { reason: '再撤' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ATTACHMENT_WITHDRAWN');
    await upload(caseId, { bytes: pdf(), name: '解除劳动合同证明.pdf' }, { material: 'separation-proof' });

    const before = await tableCounts(t.rt);
    const refused = await t.request('POST', `/api/cases/${caseId}/events`, { token: caseworker, body: { type: 'submit', data: registrationForm(), version: 1 } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'MATERIALS_MISSING', details: { event: 'submit', missing: [{ code: 'identity-proof', title: { 'zh-CN': '身份证明' } }] } });
    expect(await tableCounts(t.rt)).toEqual(before);

    await upload(caseId, { bytes: png(), name: '身份证.png', type: 'image/png' });
    expect((await act(t, caseworker, caseId, 'submit', registrationForm())).state).toBe('submitted');
    const history = (await t.request('GET', `/api/cases/${caseId}/history`, { token: caseworker })).body.items as Json[];
    const submit = history.find((item) => item.event === 'submit')!;
    const items = (await t.request('GET', `/api/cases/${caseId}/attachments`, { token: caseworker })).body.items as Json[];
    // The test clock stands still: all three were uploaded at one instant.
    expect(items.map((a) => [a.fileName, a.step.seq, a.withdrawn === null]).sort()).toEqual([
      ['解除劳动合同证明.pdf', submit.seq, true],
      ['身份证.pdf', submit.seq, false],
      ['身份证.png', submit.seq, true],
    ].sort());
  });

  it('refuses new files and withdrawals on a closed case, writing nothing', async () => {
    const caseId = await draftCase('072');
    const kept = await upload(caseId, { bytes: pdf(), name: 'case.pdf' }, { step: 'case', material: 'other' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(kept.body.step).toBeNull();
    expect((await act(t, caseworker, caseId, 'abandon', { cancellationReason: 'other' })).state).toBe('cancelled');
    const before = await tableCounts(t.rt);
    const refused = await upload(caseId, { bytes: pdf(), name: 'late.pdf' }, { step: 'case', material: 'other' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CASE_CLOSED');
    const withdraw = await t.request('POST', `/api/cases/${caseId}/attachments/${kept.body.id}/withdraw`, { token: caseworker, body: { reason: '办结后撤回' } });
    expect(withdraw.body.code).toBe('CASE_CLOSED');
    expect(await tableCounts(t.rt)).toEqual(before);
    const [row] = await queryRows<{ n: string | number }>(t.rt.db, sql`SELECT count(*) AS n FROM case_attachments WHERE case_id = ${caseId} AND withdrawn_at IS NULL`);
    expect(Number(row!.n)).toBe(1);
  });
});
