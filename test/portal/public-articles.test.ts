import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../portal/index.ts';
import { renderMarkdown } from '../../runtime/articles/index.ts';
import { caseEvents, publicArticles } from '../../runtime/db/schema/index.ts';
import { act, caseHistory, getCase, open } from '../support/steps.ts';
import { backends, createTestRuntime, testClock, type TestRuntime } from '../support/test-runtime.ts';

const CENTRE = { creditCode: '12350200426510200J', name: '厦门市公共就业服务中心' };

/** The office the demo editor sits at: the case's office, which the public page names as the publisher. */
const OFFICE = '思明区公共就业服务中心';

/** Markup an editor might paste that must never reach a public page as markup. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '[点此领取](javascript:alert(2))',
  '<img src=x onerror=alert(3)>',
  '<a href="https://evil.example" onclick="steal()">链接</a>',
].join('\n\n');

describe('article Markdown', () => {
  it('renders headings, lists and links, and leaves raw HTML, javascript: links and event attributes as text', () => {
    const html = renderMarkdown(`# 补贴对象\n\n- **高校毕业生**\n\n[政策原文](https://www.xm.gov.cn/zwgk/)\n\n${HOSTILE}`);
    expect(html).toContain('<h2>补贴对象</h2>');
    expect(html).toContain('<li><strong>高校毕业生</strong></li>');
    expect(html).toContain('<a href="https://www.xm.gov.cn/zwgk/" rel="nofollow noopener noreferrer">政策原文</a>');
    expect(html).not.toMatch(/<script|<img|<a [^>]*onclick|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe.each(backends)('the employment work website through its publishing process (%s)', (backend) => {
  let t: TestRuntime;
  let portal: ReturnType<typeof createPortalApp>;
  let staff: { caseworker: string; reviewer: string; supervisor: string };
  let articleId: string;
  let fileId: string;
  const get = (path: string) => portal.request(path);
  const article = {
    category: 'policies',
    title: '厦门市一次性创业补贴申领政策解读',
    documentNo: '厦人社〔2026〕41号',
    body: `## 补贴标准\n\n每户一次性创业补贴1万元。\n\n${HOSTILE}`,
  };

  beforeAll(async () => {
    t = await createTestRuntime(backend, { clock: testClock('2026-11-02T01:00:00.000Z') });
    portal = createPortalApp(t.rt);
    staff = { caseworker: await t.login('caseworker'), reviewer: await t.login('reviewer'), supervisor: await t.login('supervisor') };
    const centre = await t.request('POST', '/api/employers', { token: staff.caseworker, body: CENTRE });
    expect(centre.status, JSON.stringify(centre.body)).toBe(201);
    articleId = (await open(t, staff.caseworker, 'article-publishing', centre.body.id)).id;
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], '补贴申请表.pdf', { type: 'application/pdf' }));
    form.set('step', 'submit');
    form.set('material', 'article-attachment');
    const uploaded = await t.app.request(`/api/cases/${articleId}/attachments`, { method: 'POST', headers: { Authorization: `Bearer ${staff.caseworker}` }, body: form }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    expect(uploaded.status).toBe(201);
    fileId = ((await uploaded.json()) as { id: string }).id;
    await act(t, staff.caseworker, articleId, 'submit', { ...article, title: '一次性创业补贴政策' });
  }, 180_000);
  afterAll(() => t?.close());

  const eventsOf = async (id: string) => Number((await t.rt.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, id)))[0]!.n);
  const rowOf = (id: string) => t.rt.db.select().from(publicArticles).where(and(eq(publicArticles.caseId, id)));

  it('refuses the publication by the reviewer who last wrote the text (MAKER_CHECKER_VIOLATION), writing nothing; another reviewer publishes it', async () => {
    await act(t, staff.reviewer, articleId, 'returnForRevision', { revisionNote: '标题请写全' });
    // The reviewer corrects the title and resubmits: from then on the reviewer is its writer.
    await act(t, staff.reviewer, articleId, 'resubmit', article);
    const before = await getCase(t, staff.reviewer, articleId);
    const recorded = await eventsOf(articleId);
    const refused = await t.request('POST', `/api/cases/${articleId}/events`, { token: staff.reviewer, body: { type: 'publish', data: { opinion: '同意' }, version: before.version } });
    expect([refused.status, refused.body.code]).toEqual([403, 'MAKER_CHECKER_VIOLATION']);
    const after = await getCase(t, staff.reviewer, articleId);
    expect([after.state, after.version]).toEqual(['underReview', before.version]);
    expect(await eventsOf(articleId)).toBe(recorded);
    expect(await rowOf(articleId)).toEqual([]);
    expect((await get(`/news/articles/${articleId}`)).status).toBe(404);

    await act(t, staff.supervisor, articleId, 'publish', { opinion: '内容准确，同意发布' });
    const [row] = await rowOf(articleId);
    expect(row).toMatchObject({ category: 'policies', title: article.title, officeName: OFFICE, attachments: [{ id: fileId, fileName: '补贴申请表.pdf', mediaType: 'application/pdf' }] });
    // The workbench's history names who wrote (the last resubmit) and who published.
    const history = await caseHistory(t, staff.supervisor, articleId);
    expect(history.map((step) => step.event)).toEqual(['create', 'submit', 'returnForRevision', 'resubmit', 'publish']);
    expect(history.at(-2)!.actor.role).toBe('reviewer');
    expect(history.at(-1)!.actor.id).not.toBe(history.at(-2)!.actor.id);
  });

  it('shows the published article with its office, date, sanitised body and its file, in its column, search, feed and sitemap', async () => {
    const page = await get(`/news/articles/${articleId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1>厦门市一次性创业补贴申领政策解读</h1>');
    expect(html).toContain(`<dd id="article-office">${OFFICE}</dd>`);
    expect(html).toContain('2026年11月2日');
    expect(html).toContain('厦人社〔2026〕41号');
    expect(html).toContain('<h2>补贴标准</h2>');
    // No element carries an event attribute (attributes read as name="value" pairs: escaped text inside a value is no attribute).
    expect(html).not.toMatch(/<[a-z]+(\s+[\w-]+(="[^"]*")?)*\s+on\w+=/i);
    expect(html).not.toMatch(/<script>alert|<img|href="javascript:/i);
    expect(html).toContain('&lt;img src=x onerror=alert(3)&gt;');
    expect(html).not.toMatch(/标题请写全|同意发布|综合审核员|综合窗口经办员/);
    expect(html).toContain(`href="/news/articles/${articleId}/files/${fileId}"`);
    const file = await get(`/news/articles/${articleId}/files/${fileId}`);
    expect([file.status, file.headers.get('content-type'), await file.text()]).toEqual([200, 'application/pdf', '%PDF-1.4\n%%EOF\n']);

    const column = await (await get('/news/policies')).text();
    expect(column).toContain(`href="/news/articles/${articleId}"`);
    expect(await (await get('/news/news')).text()).not.toContain(articleId);
    expect(await (await get(`/news/search?q=${encodeURIComponent('补贴')}`)).text()).toContain('找到 1 条信息');
    expect(await (await get(`/news/search?q=${encodeURIComponent('招聘会')}`)).text()).toContain('找到 0 条信息');
    const en = await (await get(`/en/news/articles/${articleId}`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Published by');

    const feed = await get('/news/policies/feed.atom');
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await feed.text();
    expect(xml).toContain(`<id>http://localhost/news/articles/${articleId}</id>`);
    expect(xml).toContain(`<author><name>${OFFICE}</name></author>`);
    expect(await (await get('/sitemap.xml')).text()).toContain(`<loc>http://localhost/news/articles/${articleId}</loc>`);
    expect(await (await get('/')).text()).toContain('href="/news/policies"');
  });

  it('takes a withdrawn article off the site at once: its page says so with 410, and its column, feed, sitemap and file forget it', async () => {
    await act(t, staff.reviewer, articleId, 'withdraw', { withdrawalReason: '政策已调整' });
    expect(await rowOf(articleId)).toEqual([]);
    const gone = await get(`/news/articles/${articleId}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('该信息已撤下');
    expect(await (await get('/news/policies')).text()).not.toContain(articleId);
    expect(await (await get('/news/feed.atom')).text()).not.toContain(articleId);
    expect(await (await get('/sitemap.xml')).text()).not.toContain(articleId);
    expect((await get(`/news/articles/${articleId}/files/${fileId}`)).status).toBe(404);
    expect((await get('/news/unknown-column')).status).toBe(404);
  });
});
