import type { Context } from 'hono';
import { verifyDocument, type DocumentStatus, type Verification } from '../documents/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const VERDICT: Record<DocumentStatus | 'unknown', { 'zh-CN': string; en: string; tone: string }> = {
  valid: { 'zh-CN': '真实有效', en: 'Genuine and current', tone: 'ok' },
  superseded: { 'zh-CN': '真实，但已被新出具的文书替代', en: 'Genuine, but superseded by a later copy', tone: 'warn' },
  revoked: { 'zh-CN': '真实，但已作废', en: 'Genuine, but revoked', tone: 'bad' },
  unknown: { 'zh-CN': '无法核实：本系统未出具过该文书', en: 'Not genuine: this platform issued no such document', tone: 'bad' },
};

const chinaDay = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

function rows(found: Verification): string {
  if (!found.genuine) return '';
  const row = (zh: string, en: string, value: string | null) => `<tr><th scope="row">${zh}<br><span lang="en">${en}</span></th><td>${escape(value ?? '—')}</td></tr>`;
  return `<table>
${row('文书', 'Document', found.title ? `${found.title['zh-CN']} / ${found.title.en}` : null)}
${row('文书编号', 'Number', found.number)}
${row('出具机构', 'Issued by', found.office)}
${row('出具日期', 'Issued on', found.issuedAt && chinaDay(found.issuedAt))}
${row('当事人', 'Holder', found.maskedName)}
${found.revokedAt ? row('作废日期', 'Revoked on', chinaDay(found.revokedAt)) : ''}
</table>`;
}

/** The page for a verification: the verdict first, then only the document's kind, number, office, date and masked holder. */
function verificationPage(found: Verification, nonce: string): string {
  const verdict = VERDICT[found.status ?? 'unknown'];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>文书核验 · Document verification</title>
<style nonce="${escape(nonce)}">
body{font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;margin:0;background:#f5f5f5;color:#1f1f1f}
main{max-width:560px;margin:0 auto;padding:24px 16px}
h1{font-size:20px;margin:0 0 16px}
.verdict{padding:16px;border-radius:8px;font-size:18px;font-weight:600;margin-bottom:16px}
.verdict span{display:block;font-size:14px;font-weight:400}
.ok{background:#f6ffed;border:1px solid #95de64}.warn{background:#fffbe6;border:1px solid #ffd666}.bad{background:#fff1f0;border:1px solid #ff7875}
table{width:100%;border-collapse:collapse;background:#fff}th,td{border:1px solid #d9d9d9;padding:8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{width:38%;font-weight:400;color:#595959}th span{font-size:12px}
p.note{font-size:13px;color:#595959}
</style></head>
<body><main>
<h1>公共就业服务文书核验 <span lang="en">Public employment service: document verification</span></h1>
<div class="verdict ${verdict.tone}" role="status" data-status="${found.status ?? 'unknown'}">${verdict['zh-CN']}<span lang="en">${verdict.en}</span></div>
${rows(found)}
<p class="note">本页仅显示核验所需的最少信息。如对文书有疑问，请联系出具机构。<br><span lang="en">This page shows only what verification needs. Ask the issuing office about anything else.</span></p>
</main></body></html>`;
}

/** `GET /verify/:token`: the public page a printed document's QR code opens; no sign-in, never cached. */
export function verifyPageHandler(rt: RuntimeContext) {
  return async (c: Context<{ Variables: { secureHeadersNonce?: string } }>) => {
    const found = await verifyDocument(rt, c.req.param('token') ?? '');
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(verificationPage(found, c.get('secureHeadersNonce') ?? ''));
  };
}
