import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../portal/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const XIAMEN = '350200';
const FUZHOU = '350100';
const GUIDE = '/guides/unemployment-registration';

/** The text of a page without its tags, for what a reader sees. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

// One runtime per backend; the tests build on each other: the guides as the ministry defines them,
// then 厦门市 publishes an overlay.
describe.each(backends)('service guides on the public site (%s)', (backend) => {
  let t: TestRuntime;
  let app: ReturnType<typeof createPortalApp>;
  const page = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, html: await response.text(), cache: response.headers.get('cache-control') };
  };

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    await t.addCity('3501');
    app = createPortalApp(t.rt);
  });
  afterAll(() => t?.close());

  it('lists the processes a city offers online, each linking to its guide for that city, in both languages', async () => {
    const zh = await page(`/guides?city=${XIAMEN}`);
    expect(zh.status).toBe(200);
    expect(zh.html).toContain('<h1 id="guides-heading">厦门市办事指南</h1>');
    expect(zh.html).toContain(`href="${GUIDE}?city=${XIAMEN}">失业登记</a>`);
    // 一次性创业补贴 is applied for online too: its application goes to the window's check before the notice.
    expect(zh.html).toContain(`href="/guides/start-up-subsidy?city=${XIAMEN}">一次性创业补贴</a>`);
    // Only processes naming the applicant on their first step: 失业保险金 is applied for at the window.
    expect(zh.html).not.toContain('/guides/unemployment-benefit');
    // The picker: a GET form, the city chosen.
    expect(zh.html).toContain('<form class="search-form" method="get" action="/guides"');
    expect(zh.html).toContain(`<option value="${XIAMEN}" selected="" lang="zh-CN">厦门市</option>`);
    const en = await page(`/en/guides?city=${XIAMEN}`);
    expect(en.html).toContain(`href="/en${GUIDE}?city=${XIAMEN}">Unemployment registration</a>`);
    expect(en.html).toContain(`<link rel="alternate" hreflang="zh-CN" href="http://localhost/guides?city=${XIAMEN}"/>`);
    // Without a city: the first the platform serves by code, the provincial capital.
    expect((await page('/guides')).html).toContain('福州市办事指南');
    // The header links to the guides on every page.
    expect((await page('/')).html).toContain('<a href="/guides">办事指南</a>');
  });

  it('shows a guide: steps with their posts and working days, the fields, documents, conditions, basis and offices', async () => {
    const { status, html, cache } = await page(`${GUIDE}?city=${XIAMEN}`);
    expect([status, cache]).toEqual([200, 'no-cache']);
    const text = textOf(html);
    expect(text).toContain('失业登记 厦门市');
    expect(text).toContain('受理 办理岗位：失业登记窗口 · 经办人员 时限：1 个工作日');
    expect(text).toContain('审核 办理岗位：失业登记审核岗 · 审核人员 时限：3 个工作日');
    expect(text).toContain('办结：已登记失业');
    expect(html).toContain('<span id="total-limit">4 个工作日</span>');
    expect(html).toMatch(/<h3 id="required-fields">必填项<\/h3><ul aria-labelledby="required-fields"><li data-field="category">失业人员类别<\/li>/);
    expect(text).toContain('解除劳动关系证明编号 (失业人员类别为“从企业、机关、事业单位等各类用人单位失业”时必填)');
    expect(html).toContain('<li data-field="address">联系地址</li>');
    expect(text).toContain('身份证明');
    expect(text).toContain('该人员已在全国范围内办理失业登记');
    expect(text).toContain('《劳动法》第十五条');
    expect(text).toContain('厦门市公共就业服务中心');
    expect(text).toContain('思明区公共就业服务中心');
    expect(text).not.toContain('福州市公共就业服务中心');

    const en = textOf((await page(`/en${GUIDE}?city=${XIAMEN}`)).html);
    expect(en).toContain('Review Handled by: Unemployment registration review · reviewer Time limit: 3 working days');
    expect(en).toContain('Category');
    expect(en).toContain('The person already holds an active unemployment registration nationwide');
  });

  it('shows 一次性创业补贴\'s guide: the window\'s check, the public notice for the period in force, the review, the payment', async () => {
    const { status, html } = await page(`/guides/start-up-subsidy?city=${XIAMEN}`);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('网上申请受理 办理岗位：补贴受理岗 · 经办人员 时限：5 个工作日');
    expect(text).toContain('公示 公示期：5 个工作日，期满无异议的进入下一环节');
    expect(text).toContain('审核 办理岗位：补贴审核岗 · 审核人员 时限：10 个工作日');
    expect(text).toContain('办结：已拨付');
    expect(html).toContain('<span id="total-limit">20 个工作日</span>');
    expect(html).not.toContain('data-state="applied"');
    expect(text).toContain('营业执照');
    expect(text).toContain('申请人不是创办主体登记的法定代表人（经营者）');
    const en = textOf((await page(`/en/guides/start-up-subsidy?city=${XIAMEN}`)).html);
    expect(en).toContain('Public notice Public notice for 5 working days; the next step follows when it ends without objection');
  });

  it('answers 404 for a city the platform does not serve and for a process not offered online', async () => {
    for (const path of [`${GUIDE}?city=350300`, `${GUIDE}?city=35020`, '/guides?city=999999', `/guides/unemployment-benefit?city=${XIAMEN}`, `/guides/no-such-process?city=${XIAMEN}`]) {
      expect((await page(path)).status, path).toBe(404);
    }
  });

  it('changes 厦门市’s guide the moment its overlay is published, and no other city’s', async () => {
    const configurator = await t.login('configurator');
    const overlay = {
      operations: [
        { op: 'addField', form: 'registration', field: 'hukouType', required: true, schema: { type: 'string', maxLength: 20, title: '户籍性质', 'x-i18n': { en: 'Household registration type' } } },
        { op: 'setSla', state: 'submitted', workingDays: 2 },
      ],
    };
    expect((await t.request('PUT', '/api/processes/unemployment-registration/overlay', { token: configurator, body: overlay })).status).toBe(200);
    // Saved but not published: the public guide is still the one in force.
    expect((await page(`${GUIDE}?city=${XIAMEN}`)).html).not.toContain('户籍性质');
    const published = await t.request('POST', '/api/processes/unemployment-registration/overlay/publish', { token: configurator });
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    const xiamen = await page(`${GUIDE}?city=${XIAMEN}`);
    expect(xiamen.html).toContain('<li data-field="hukouType">户籍性质</li>');
    expect(textOf(xiamen.html)).toContain('审核 办理岗位：失业登记审核岗 · 审核人员 时限：2 个工作日');
    expect(xiamen.html).toContain('<span id="total-limit">3 个工作日</span>');
    expect(xiamen.html).toContain(`第 ${published.body.version} 版（现行）`);
    expect((await page(`/en${GUIDE}?city=${XIAMEN}`)).html).toContain('<li data-field="hukouType">Household registration type</li>');

    const fuzhou = await page(`${GUIDE}?city=${FUZHOU}`);
    expect(fuzhou.status).toBe(200);
    expect(fuzhou.html).not.toContain('hukouType');
    expect(fuzhou.html).toContain('<span id="total-limit">4 个工作日</span>');
  });

  it('lists every city’s guides in the sitemap, in both languages', async () => {
    const xml = await (await app.request('/sitemap.xml')).text();
    expect(xml).toContain(`<loc>http://localhost${GUIDE}?city=${XIAMEN}</loc>`);
    expect(xml).toContain(`<loc>http://localhost/en${GUIDE}?city=${FUZHOU}</loc>`);
    expect(xml).toContain(`<loc>http://localhost/guides?city=${FUZHOU}</loc>`);
  });
});
