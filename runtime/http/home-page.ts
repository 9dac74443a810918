import type { Context } from 'hono';
import { ADMIN_BASE } from './admin-base.ts';
import { ADMIN_LINKS_PATH } from './admin-links.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A small bilingual page outside the public site's and the workbench's paths: a heading, a line, and the way to the workbench. */
function publicPage(nonce: string, title: string, heading: string, line: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script src="${ADMIN_LINKS_PATH}"></script>
<style nonce="${escape(nonce)}">
body{font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;margin:0;background:#f5f5f5;color:#1f1f1f}
main{max-width:560px;margin:0 auto;padding:48px 16px}
h1{font-size:22px;margin:0 0 16px}p{font-size:16px;line-height:1.6}a{color:#0050b3}
</style></head>
<body><main>
<h1>${heading}</h1>
<p>${line}</p>
<p><a href="${ADMIN_BASE}">工作人员登录 <span lang="en">Staff sign-in</span></a></p>
</main></body></html>`;
}

/** Any other path outside `/api` and `/admin/`: a page saying so (404), with the ways back. */
export function notFoundPageHandler(c: Context<{ Variables: { secureHeadersNonce?: string } }>) {
  c.header('Cache-Control', 'no-cache');
  return c.html(publicPage(c.get('secureHeadersNonce') ?? '', '页面不存在 · Page not found', '页面不存在 <span lang="en">Page not found</span>', '<a href="/">返回首页 <span lang="en">Back to the home page</span></a>'), 404);
}
