import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../runtime/http/server-app.ts';
import { act, open, registerPerson } from '../support/steps.ts';
import { citizenId, registrationForm, tableCounts } from '../support/fixtures.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

/**
 * Printed documents (issue 16, build 1): a case prints the documents its package declares once it
 * has reached them, each with a QR token that a public page verifies without sign-in, showing
 * nothing personal beyond a masked name; printing again supersedes, revoking says so.
 */
describe.each(backends)('printed documents and their verification (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;
  let reviewer: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    caseworker = await t.login('caseworker');
    reviewer = await t.login('reviewer');
  });
  afterAll(async () => t?.close());

  async function submittedCase(sequence: string, name = '欧阳明轩') {
    const idNumber = citizenId('350203', '19900315', sequence);
    const personId = await registerPerson(t, caseworker, idNumber, name);
    const opened = await open(t, caseworker, 'unemployment-registration', personId);
    await act(t, caseworker, opened.id, 'submit', registrationForm());
    return { caseId: opened.id as string, caseNo: opened.caseNo as string, idNumber };
  }

  const print = (caseId: string, kind: string, token = caseworker) => t.request('POST', `/api/cases/${caseId}/documents`, { token, body: { kind } });
  const verify = (token: string) => t.request('GET', `/api/verify/${encodeURIComponent(token)}`);
  const tokenOf = (verifyPath: string) => verifyPath.slice('/verify/'.length);

  it('prints the acceptance receipt with the application number and the time limit, and its QR token verifies as genuine and current without sign-in', async () => {
    const { caseId, caseNo, idNumber } = await submittedCase('013');
    const listed = await t.request('GET', `/api/cases/${caseId}/documents`, { token: caseworker });
    expect(listed.status).toBe(200);
    expect(listed.body.available.map((d: { kind: string }) => d.kind)).toEqual(['acceptance-receipt', 'case-summary']);

    const receipt = await print(caseId, 'acceptance-receipt');
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    expect(receipt.body).toMatchObject({ kind: 'acceptance-receipt', number: caseNo, status: 'valid', title: { 'zh-CN': '失业登记受理回执' } });
    const field = (zh: string) => receipt.body.fields.find((f: { title: { 'zh-CN': string } }) => f.title['zh-CN'] === zh)?.value['zh-CN'];
    expect(field('申请编号')).toBe(caseNo);
    expect(field('申请人')).toBe('欧阳明轩');
    // The review's deadline: three working days after submission.
    expect(field('办结时限')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(receipt.body.paragraphs[0]['zh-CN']).toContain(`申请编号 ${caseNo}`);
    expect(receipt.body.paragraphs[0]['zh-CN']).toContain(field('办结时限'));
    expect(receipt.body.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const checked = await verify(tokenOf(receipt.body.verifyPath));
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ genuine: true, status: 'valid', kind: 'acceptance-receipt', number: caseNo, maskedName: '欧***' });
    expect(checked.body.office).toBeTruthy();
    // Nothing personal beyond the masked name: no ID number (full or masked), no full name, no case data.
    const text = JSON.stringify(checked.body);
    expect(text).not.toContain('欧阳明轩');
    expect(text).not.toContain(idNumber.slice(-4));
    expect(text).not.toContain(caseId);
  });

  it('says an altered or unknown token is not genuine, and shows nothing', async () => {
    const { caseId } = await submittedCase('021');
    const receipt = await print(caseId, 'acceptance-receipt');
    const token = tokenOf(receipt.body.verifyPath);
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const candidate of [altered, '350200-' + 'x'.repeat(32), 'not-a-token', `${token}x`]) {
      const checked = await verify(candidate);
      expect(checked.status, candidate).toBe(200);
      expect(checked.body).toEqual({ genuine: false, status: null, title: null, kind: null, number: null, office: null, maskedName: null, issuedAt: null, revokedAt: null });
    }
  });

  it('marks a copy superseded once the same document is printed again, and revoked once a reviewer revokes it', async () => {
    const { caseId } = await submittedCase('039');
    const first = await print(caseId, 'acceptance-receipt');
    const second = await print(caseId, 'acceptance-receipt');
    expect(second.status).toBe(201);
    expect((await verify(tokenOf(first.body.verifyPath))).body).toMatchObject({ genuine: true, status: 'superseded' });
    expect((await verify(tokenOf(second.body.verifyPath))).body).toMatchObject({ genuine: true, status: 'valid' });

    const revoked = await t.request('POST', `/api/cases/${caseId}/documents/${second.body.id}/revoke`, { token: reviewer, body: { reason: '回执信息有误' } });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const checked = await verify(tokenOf(second.body.verifyPath));
    expect(checked.body).toMatchObject({ genuine: true, status: 'revoked' });
    expect(checked.body.revokedAt).toBeTruthy();
    expect(JSON.stringify(checked.body)).not.toContain('回执信息有误');

    const listed = await t.request('GET', `/api/cases/${caseId}/documents`, { token: caseworker });
    expect(listed.body.issued.map((d: { status: string }) => d.status)).toEqual(['revoked', 'superseded']);
  });

  it('prints the 就业创业证 page with its number after approval, and the decision notice with the reason and the right to appeal after a rejection', async () => {
    const approved = await submittedCase('047', '陈静');
    await act(t, reviewer, approved.caseId, 'approve', { opinion: '同意' });
    const person = await t.request('GET', `/api/cases/${approved.caseId}/documents`, { token: caseworker });
    expect(person.body.available.map((d: { kind: string }) => d.kind)).toEqual(['acceptance-receipt', 'employment-entrepreneurship-certificate', 'case-summary']);
    const certificate = await print(approved.caseId, 'employment-entrepreneurship-certificate');
    expect(certificate.status, JSON.stringify(certificate.body)).toBe(201);
    expect(certificate.body.number).toMatch(/^\d{6}2026\d{6}$/);
    expect(certificate.body.fields[0]).toMatchObject({ title: { 'zh-CN': '证书编号' }, value: { 'zh-CN': certificate.body.number } });

    const rejected = await submittedCase('055', '王芳');
    await act(t, reviewer, rejected.caseId, 'reject', { rejectionReason: '申请人已在其他单位就业' });
    const notice = await print(rejected.caseId, 'rejection-notice');
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    const body = notice.body.paragraphs.map((p: { 'zh-CN': string }) => p['zh-CN']).join('\n');
    expect(body).toContain('理由：申请人已在其他单位就业');
    expect(body).toContain('六十日内');
    expect(body).toContain('行政复议');
    expect(body).toContain('六个月内');
    expect(body).toContain('行政诉讼');
    expect(notice.body.paragraphs[1].en).toContain('60 days');
  });

  it('refuses a document the case has not reached, or that its process does not declare, and writes nothing', async () => {
    const { caseId } = await submittedCase('063');
    for (const kind of ['employment-entrepreneurship-certificate', 'rejection-notice', 'no-such-document']) {
      const before = await tableCounts(t.rt);
      const refused = await print(caseId, kind);
      expect(refused.status, kind).toBe(422);
      expect(refused.body.code).toBe('DOCUMENT_NOT_ISSUABLE');
      expect(await tableCounts(t.rt)).toEqual(before);
    }
  });

  it('lets only a reviewer revoke, refuses revoking twice, and refuses an empty reason, writing nothing', async () => {
    const { caseId } = await submittedCase('071');
    const receipt = await print(caseId, 'acceptance-receipt');
    const revoke = (token: string, reason: string) => t.request('POST', `/api/cases/${caseId}/documents/${receipt.body.id}/revoke`, { token, body: { reason } });
    let before = await tableCounts(t.rt);
    const byCaseworker = await revoke(caseworker, '错误');
    expect(byCaseworker.status).toBe(403);
    expect(byCaseworker.body.code).toBe('ROLE_NOT_PERMITTED');
    const empty = await revoke(reviewer, '  ');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('BAD_REQUEST');
    expect(await tableCounts(t.rt)).toEqual(before);
    expect((await verify(tokenOf(receipt.body.verifyPath))).body.status).toBe('valid');

    expect((await revoke(reviewer, '错误')).status).toBe(200);
    before = await tableCounts(t.rt);
    const again = await revoke(reviewer, '再次');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DOCUMENT_REVOKED');
    expect(await tableCounts(t.rt)).toEqual(before);
  });

  it('prints the case summary of any case, and answers 404 for a case out of reach', async () => {
    const { caseId, caseNo } = await submittedCase('089');
    const summary = await print(caseId, 'case-summary');
    expect(summary.status).toBe(201);
    expect(summary.body).toMatchObject({ kind: 'case-summary', number: caseNo });
    const missing = await print('00000000-0000-4000-8000-000000000000', 'case-summary');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('serves the public verification page at /verify/<token> without sign-in: the verdict, the number and a masked name only, styled under the page nonce', async () => {
    const { caseId, caseNo, idNumber } = await submittedCase('097', '司马相如');
    const receipt = await print(caseId, 'acceptance-receipt');
    const uiDir = mkdtempSync(join(tmpdir(), 'pes-ui-'));
    writeFileSync(join(uiDir, 'index.html'), '<html><head></head><body>admin ui</body></html>');
    const server = createServerApp(t.rt, uiDir);

    const page = await server.request(receipt.body.verifyPath);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('data-status="valid"');
    expect(html).toContain('真实有效');
    expect(html).toContain('Genuine and current');
    expect(html).toContain(caseNo);
    expect(html).toContain('司***');
    expect(html).not.toContain('司马相如');
    expect(html).not.toContain(idNumber.slice(-6));
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy')!)![1]!;
    expect(html).toContain(`<style nonce="${nonce}">`);

    const forged = await server.request(`/verify/350200-${'A'.repeat(32)}`);
    const forgedHtml = await forged.text();
    expect(forgedHtml).toContain('data-status="unknown"');
    expect(forgedHtml).toContain('无法核实');
    expect(forgedHtml).not.toContain('<table>');
    // Markup in a token is never echoed into the page.
    expect(await (await server.request('/verify/%3Cscript%3Ealert(1)%3C%2Fscript%3E')).text()).not.toContain('<script>');
  });
});
