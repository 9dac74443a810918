import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { citizenId } from '../support/fixtures.ts';
import { describeInBrowser } from './browser.ts';
import { phoneFaults, untranslated } from './layout.ts';

/** Calls the API with the signed-in user's token, expecting success. */
async function call(page: Page, baseUrl: string, method: string, path: string, body?: unknown) {
  const bearer = await page.evaluate(() => localStorage.getItem('pes.token'));
  const response = await fetch(`${baseUrl}/api${path}`, { method, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

/** Types a day into the date picker labelled `label` and confirms it. */
async function fillDate(page: Page, label: string, day: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/** A small PDF: what the server takes for one by its first bytes. */
const proof = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A program offered for a material is refused before it is sent (`refusal` shown); the PDF then offered is listed with its type and size. */
async function uploadAfterRefusal(page: Page, material: Locator, expected: { refusal: string; fileName: string; list: string }, pdf: Buffer) {
  const input = material.locator('input[type=file]');
  await input.setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await page.getByText(expected.refusal).waitFor();
  await input.setInputFiles({ name: expected.fileName, mimeType: 'application/pdf', buffer: pdf });
  const listed = material.getByRole('list', { name: expected.list });
  await listed.getByText(expected.fileName).waitFor();
  expect(await listed.textContent()).toMatch(/PDF · 1 KB/);
}

describeInBrowser('attachments on a case: proofs uploaded in the step form, shown beside the step', (session) => {
  it('uploads a proof in the registration form (a program refused in the browser), sends the step, and opens the proof from beside it in the history (1366 px in zh-CN, then 375 px in English)', async () => {
    const { page, baseUrl } = session();
    await page.setViewportSize({ width: 1366, height: 900 });
    await session().signIn('caseworker');
    const person = await call(page, baseUrl, 'POST', '/persons', { idNumber: citizenId('350203', '19890727', '515'), name: '附件测试', phone: '13912345678' });
    const draft = await call(page, baseUrl, 'POST', '/cases', { processId: 'unemployment-registration', subjectId: person.id });
    await page.goto(`${baseUrl}/admin/#/cases/${draft.id}`);
    await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: '提交登记' }).click();

    // One upload area per material the step declares.
    const materials = page.getByRole('region', { name: '材料' });
    await materials.getByRole('button', { name: '上传 身份证明' }).waitFor();
    await materials.getByRole('button', { name: '上传 解除劳动合同证明' }).waitFor();
    const identity = materials.locator('[data-material="identity-proof"]');
    // Not a PDF, JPEG or PNG by its name: refused before it is sent.
    await uploadAfterRefusal(page, identity, { refusal: 'setup.exe：只能上传 PDF、JPG 或 PNG 文件', fileName: '身份证扫描件.pdf', list: '身份证明' }, proof);

    const form = page.locator('.case-form form');
    await session().choose('失业人员类别', '其他');
    await fillDate(page, '失业时间', '2026-11-02');
    await session().pickCode('常住地区划代码', '350203', '思明区 (350203)');
    await session().choose('文化程度', '研究生教育');
    await session().choose('退休年龄类别', '男职工（原60周岁）');
    await form.getByRole('button', { name: '提交登记' }).click();
    await page.locator('.case-header').getByText('审核', { exact: true }).waitFor();

    // Beside the step it was sent with, with who sent it; opened, it is the file uploaded.
    const history = page.getByRole('region', { name: '办理记录' });
    const files = history.getByRole('list', { name: '附件' });
    await files.getByText('身份证扫描件.pdf').waitFor();
    expect(await files.textContent()).toContain('综合窗口经办员');
    const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe('身份证扫描件.pdf');
    expect((await readFile((await download.path())!)).equals(proof)).toBe(true);
    await session().screenshot('case-attachments-history');

    // On a phone in English: the material is named in English, and the proof downloads from beside its step.
    await page.getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 375, height: 812 });
    const englishFiles = page.getByRole('region', { name: 'History' }).getByRole('list', { name: 'Attachments' });
    await englishFiles.getByText('Proof of identity').waitFor();
    const [again] = await Promise.all([page.waitForEvent('download'), englishFiles.getByRole('button', { name: 'Download' }).click()]);
    expect(again.suggestedFilename()).toBe('身份证扫描件.pdf');
    expect(await phoneFaults(page)).toEqual([]);

    // And a proof is uploaded in another registration's form there, a program refused in English.
    const other = await call(page, baseUrl, 'POST', '/persons', { idNumber: citizenId('350203', '19890727', '535'), name: '附件手机', phone: '13912345678' });
    const otherDraft = await call(page, baseUrl, 'POST', '/cases', { processId: 'unemployment-registration', subjectId: other.id });
    await page.goto(`${baseUrl}/admin/#/cases/${otherDraft.id}`);
    await page.getByRole('group', { name: 'Actions you may take' }).getByRole('button', { name: 'Submit registration' }).click();
    const englishMaterials = page.getByRole('region', { name: 'Materials' });
    const englishIdentity = englishMaterials.locator('[data-material="identity-proof"]');
    await uploadAfterRefusal(page, englishIdentity, { refusal: 'setup.exe: only PDF, JPG or PNG files', fileName: 'id-scan.pdf', list: 'Proof of identity' }, proof);
    expect(await untranslated(englishMaterials, ['综合窗口经办员'])).toEqual([]);
    expect(await phoneFaults(page)).toEqual([]);
    // Each upload button whole within the form, the longest material's name too.
    const formBox = (await page.locator('.case-form').boundingBox())!;
    for (const button of await englishMaterials.getByRole('button', { name: /^Upload / }).all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width, await button.innerText()).toBeLessThanOrEqual(formBox.x + formBox.width);
    }
    await englishMaterials.scrollIntoViewIfNeeded();
    await session().screenshot('phone-case-attachments');
  });
});
