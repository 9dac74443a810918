import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orgUnits, posts, tasks, userPosts } from '../../runtime/db/schema/index.ts';
import { ensureStandardPosts, standardPosts } from '../../runtime/seed/org-tree.ts';
import { adminCounts } from '../support/admin-counts.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const SIMING = '350203';
const SIMING_OFFICE = '350203-01';
const XIAGANG = '350203001';
const HONGSHAN = '350203001001';

describe.each(backends)('offices, posts and cities (%s)', (backend) => {
  let t: TestRuntime;
  let admin: string;
  let provincialAdmin: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    admin = await t.login('admin');
    provincialAdmin = await t.login('provincial-admin');
  });
  afterAll(() => t.close());

  async function refused(status: number, code: string, send: () => Promise<{ status: number; body: any }>) {
    const before = await adminCounts(t.rt);
    const response = await send();
    expect([response.status, response.body.code]).toEqual([status, code]);
    expect(await adminCounts(t.rt)).toEqual(before);
    return response;
  }
  const postAt = async (office: string, code: string) => (await t.rt.db.select().from(posts).where(and(eq(posts.orgUnitId, office), eq(posts.code, code))))[0];

  it('loads the tree a level at a time from the administrator\'s own unit, offices first', async () => {
    const root = await t.request('GET', '/api/admin/org/units', { token: admin });
    expect(root.body.items).toEqual([{ id: '350200', name: '厦门市', kind: 'city', hasChildren: true }]);
    const city = await t.request('GET', '/api/admin/org/units?parent=350200', { token: admin });
    expect(city.body.items[0]).toMatchObject({ id: '350200-01', kind: 'office', hasChildren: false });
    expect(city.body.items.filter((u: { kind: string }) => u.kind === 'district').map((u: { id: string }) => u.id)).toEqual(['350203', '350205', '350206', '350211', '350212', '350213']);
    const street = await t.request('GET', `/api/admin/org/units?parent=${XIAGANG}`, { token: admin });
    expect(street.body.items.every((u: { kind: string; hasChildren: boolean }) => u.kind === 'community' && !u.hasChildren)).toBe(true);
    expect(street.body.items.map((u: { id: string }) => u.id)).toContain(HONGSHAN);
    // Above the administrator: out of sight.
    expect((await t.request('GET', '/api/admin/org/units?parent=350000', { token: admin })).status).toBe(404);
  });

  it('finds units of the subtree by a part of the name or the start of the code, never above or beside it', async () => {
    const search = async (q: string, token = admin) => (await t.request('GET', `/api/admin/org/units?q=${encodeURIComponent(q)}`, { token })).body.items as { id: string; name: string; kind: string }[];
    expect((await search('厦港')).map((u) => u.id)).toContain(XIAGANG);
    expect((await search('厦港')).every((u) => u.name.includes('厦港'))).toBe(true);
    // By code: the unit itself first, then those below it; the offices' codes too.
    const byCode = await search(XIAGANG);
    expect(byCode[0]).toMatchObject({ id: XIAGANG, name: '厦港街道', kind: 'street', hasChildren: true });
    expect(byCode.map((u) => u.id)).toContain(HONGSHAN);
    expect(byCode.every((u) => u.id.startsWith(XIAGANG))).toBe(true);
    expect((await search(SIMING_OFFICE)).map((u) => u.id)).toEqual([SIMING_OFFICE]);
    // At most 50 answers where a short text matches thousands.
    expect(await search('3502')).toHaveLength(50);
    // Outside 厦门市: another city's code, the province, and a pattern character taken literally.
    expect(await search('350100')).toEqual([]);
    expect(await search('福建')).toEqual([]);
    expect(await search('%')).toEqual([]);
    // The province's administrator reaches 厦门市 from above.
    expect((await search('厦门', provincialAdmin))[0]).toMatchObject({ id: '350200', kind: 'city' });
    expect((await t.request('GET', `/api/admin/org/units?q=${'9'.repeat(41)}`, { token: admin })).status).toBe(400);
  });

  it('shows a unit with its ancestors, offices, posts and who holds each', async () => {
    const unit = await t.request('GET', `/api/admin/org/units/${SIMING}`, { token: admin });
    expect(unit.body.unit).toMatchObject({ id: SIMING, kind: 'district', standardPosts: false });
    expect(unit.body.ancestors.map((a: { id: string }) => a.id)).toEqual(['000000', '350000', '350200', SIMING]);
    const office = unit.body.offices[0];
    expect(office.id).toBe(SIMING_OFFICE);
    expect(office.posts).toHaveLength(standardPosts.length);
    const window = office.posts.find((p: { code: string }) => p.code === 'unemployment-window');
    expect(window.holders.map((h: { username: string }) => h.username)).toEqual(['caseworker', 'unemployment-clerk']);
  });

  it('creates a street service point and a village service point with posts of the catalogue or new ones; audited', async () => {
    const created = await t.request('POST', `/api/admin/org/units/${XIAGANG}/offices`, {
      token: admin,
      body: { name: '厦港街道劳动保障服务站', posts: [{ code: 'unemployment-window' }, { code: 'street-desk', name: { 'zh-CN': '街道综合窗口', en: 'Street service desk' } }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: `${XIAGANG}-01`, parentId: XIAGANG });
    expect(created.body.posts.map((p: { code: string; name: string }) => [p.code, p.name])).toEqual([['unemployment-window', '失业登记窗口'], ['street-desk', '街道综合窗口']]);
    const [unit] = await t.rt.db.select().from(orgUnits).where(eq(orgUnits.id, `${XIAGANG}-01`));
    expect(unit).toMatchObject({ kind: 'office', cityCode: '350200', standardPosts: false, path: `/000000/350000/350200/${SIMING}/${XIAGANG}/${XIAGANG}-01/` });
    const second = await t.request('POST', `/api/admin/org/units/${XIAGANG}/offices`, { token: admin, body: { name: '厦港街道第二服务站' } });
    expect(second.body.id).toBe(`${XIAGANG}-02`);
    const village = await t.request('POST', `/api/admin/org/units/${HONGSHAN}/offices`, { token: admin, body: { name: '鸿山社区服务点', posts: [{ code: 'employment-window' }] } });
    expect([village.status, village.body.id]).toEqual([201, `${HONGSHAN}-01`]);
    const [audit] = await t.rt.db.select().from(auditLog).where(and(eq(auditLog.action, 'org.office-create'), eq(auditLog.target, `${XIAGANG}-01`)));
    expect(audit!.details).toMatchObject({ parentId: XIAGANG, posts: ['unemployment-window', 'street-desk'] });
    // Start-up completes the catalogue of seeded offices only: these keep the posts they were given.
    await ensureStandardPosts(t.rt.db);
    expect(await t.rt.db.select().from(posts).where(eq(posts.orgUnitId, `${XIAGANG}-01`))).toHaveLength(2);
    // A user placed at the street may hold the posts of the service points in it, the village's too.
    const under = await t.request('GET', `/api/admin/org/units/${XIAGANG}/posts`, { token: admin });
    expect(under.body.items.map((p: { code: string; orgUnitId: string }) => `${p.orgUnitId} ${p.code}`)).toEqual([`${XIAGANG}-01 street-desk`, `${XIAGANG}-01 unemployment-window`, `${HONGSHAN}-01 employment-window`]);
  });

  it('refuses an office outside the subtree, under an office, a new code without names, and a code the office has', async () => {
    await refused(403, 'ORG_UNIT_OUT_OF_REACH', () => t.request('POST', '/api/admin/org/units/350000/offices', { token: admin, body: { name: '福建省就业服务中心' } }));
    await refused(400, 'BAD_REQUEST', () => t.request('POST', `/api/admin/org/units/${SIMING_OFFICE}/offices`, { token: admin, body: { name: '窗口下的窗口' } }));
    await refused(400, 'BAD_REQUEST', () => t.request('POST', `/api/admin/org/units/${SIMING}/offices`, { token: admin, body: { name: '思明区服务点', posts: [{ code: 'mystery-desk' }] } }));
    await refused(409, 'DUPLICATE_RECORD', () => t.request('POST', `/api/admin/org/offices/${SIMING_OFFICE}/posts`, { token: admin, body: { code: 'supervisor' } }));
    await refused(400, 'BAD_REQUEST', () => t.request('POST', `/api/admin/org/offices/${SIMING}/posts`, { token: admin, body: { code: 'supervisor' } }));
  });

  it('renames a post, keeping its code; the post names follow', async () => {
    const post = (await postAt(SIMING_OFFICE, 'guidance-window'))!;
    const renamed = await t.request('PATCH', `/api/admin/org/posts/${post.id}`, { token: admin, body: { name: { 'zh-CN': '职业指导室', en: 'Guidance room' } } });
    expect(renamed.body).toEqual({ id: post.id, code: 'guidance-window', name: '职业指导室', nameEn: 'Guidance room' });
    const [audit] = await t.rt.db.select().from(auditLog).where(and(eq(auditLog.action, 'org.post-rename'), eq(auditLog.target, post.id)));
    expect(audit!.details).toMatchObject({ from: { 'zh-CN': '职业指导岗' }, to: { 'zh-CN': '职业指导室' } });
  });

  it('removes a post only when no one holds it and no open task names it; the office then keeps its own list', async () => {
    const held = (await postAt(SIMING_OFFICE, 'unemployment-window'))!;
    const removed = await refused(409, 'POST_IN_USE', () => t.request('DELETE', `/api/admin/org/posts/${held.id}`, { token: admin }));
    expect(removed.body.details).toMatchObject({ holders: 2, openTasks: 0 });
    const survey = (await postAt(SIMING_OFFICE, 'survey-window'))!;
    // The generalist window (the demo caseworker) gives the survey post up: no one holds it then.
    await t.rt.db.delete(userPosts).where(eq(userPosts.postId, survey.id));
    const now = t.rt.clock();
    const taskId = randomUUID();
    await t.rt.db.insert(tasks).values({ cityCode: '350200', id: taskId, caseId: randomUUID(), state: 'draft', role: 'caseworker', post: 'survey-window', orgUnitId: SIMING_OFFICE, orgPath: `/000000/350000/350200/${SIMING}/${SIMING_OFFICE}/`, status: 'open', dueAt: now, openedAt: now });
    const named = await refused(409, 'POST_IN_USE', () => t.request('DELETE', `/api/admin/org/posts/${survey.id}`, { token: admin }));
    expect(named.body.details).toMatchObject({ holders: 0, openTasks: 1 });
    await t.rt.db.update(tasks).set({ status: 'done', closedAt: now }).where(eq(tasks.id, taskId));
    expect((await t.request('DELETE', `/api/admin/org/posts/${survey.id}`, { token: admin })).status).toBe(204);
    expect(await postAt(SIMING_OFFICE, 'survey-window')).toBeUndefined();
    await ensureStandardPosts(t.rt.db);
    expect(await postAt(SIMING_OFFICE, 'survey-window')).toBeUndefined();
    expect(await t.rt.db.select().from(auditLog).where(and(eq(auditLog.action, 'org.post-remove'), eq(auditLog.target, survey.id)))).toHaveLength(1);
  });

  it("lets a provincial administrator add a city of the province down to the villages with its first administrator, once", async () => {
    const cities = await t.request('GET', '/api/admin/cities', { token: provincialAdmin });
    expect(cities.body.items.map((c: { code: string; added: boolean }) => `${c.code}${c.added ? '+' : ''}`)).toEqual(['3501', '3502+', '3503', '3504', '3505', '3506', '3507', '3508', '3509']);
    const added = await t.request('POST', '/api/admin/cities', { token: provincialAdmin, body: { cityCode: '3503', administrator: { username: 'putian.admin', displayName: '莆田市管理员' } } });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ cityId: '350300', name: '莆田市', province: '福建省' });
    expect(added.body.units).toMatchObject({ province: 1, city: 1, district: 5, office: 6 });
    expect(added.body.units.community).toBeGreaterThan(900);
    // Everything but the province, which was there.
    const total = Object.values(added.body.units as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(added.body.inserted).toBe(total - 1);
    expect(await t.rt.db.select().from(orgUnits).where(like(orgUnits.path, '/000000/350000/350300/%'))).toHaveLength(total - 1);
    expect(await t.rt.db.select().from(posts).where(eq(posts.orgUnitId, '350300-01'))).toHaveLength(standardPosts.length);
    expect(added.body.administrator.user).toMatchObject({ username: 'putian.admin', role: 'admin', orgUnit: { id: '350300' }, mustChangePassword: true });
    await t.login('putian.admin', added.body.administrator.temporaryPassword);
    const again = await t.request('POST', '/api/admin/cities', { token: provincialAdmin, body: { cityCode: '3503' } });
    expect([again.status, again.body.inserted, again.body.administrator]).toEqual([200, 0, null]);
    expect(await t.rt.db.select().from(auditLog).where(eq(auditLog.action, 'org.city-add'))).toHaveLength(1);
  });

  it('refuses a city of another province, an unknown city and a taken username, writing nothing; a city administrator may not add cities', async () => {
    await refused(403, 'ORG_UNIT_OUT_OF_REACH', () => t.request('POST', '/api/admin/cities', { token: provincialAdmin, body: { cityCode: '3301' } }));
    await refused(404, 'NOT_FOUND', () => t.request('POST', '/api/admin/cities', { token: provincialAdmin, body: { cityCode: '3599' } }));
    await refused(409, 'DUPLICATE_RECORD', () => t.request('POST', '/api/admin/cities', { token: provincialAdmin, body: { cityCode: '3504', administrator: { username: 'admin', displayName: '重名' } } }));
    await refused(403, 'ROLE_NOT_PERMITTED', () => t.request('POST', '/api/admin/cities', { token: admin, body: { cityCode: '3504' } }));
  });
});
