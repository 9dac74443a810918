import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts } from '../../runtime/db/schema/index.ts';
import { standardPosts } from '../../runtime/seed/org-tree.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const CITY_OFFICE = '350200-01';

describe.each(backends)('post names by code (%s)', (backend) => {
  let t: TestRuntime;
  let configurator: string;
  let caseworker: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    configurator = await t.login('configurator');
    caseworker = await t.login('caseworker');
    // The city office opens a desk of its own, and renames its supervisor post.
    await t.rt.db.insert(posts).values({ id: randomUUID(), orgUnitId: CITY_OFFICE, code: 'pilot-desk', name: '试点服务台', nameEn: 'Pilot desk' });
    await t.rt.db.update(posts).set({ name: '市局科长', nameEn: 'City supervisor' }).where(and(eq(posts.orgUnitId, CITY_OFFICE), eq(posts.code, 'supervisor')));
  });
  afterAll(() => t.close());

  const catalogue = async (token: string) => {
    const response = await t.request('GET', '/api/posts', { token });
    expect(response.status).toBe(200);
    return new Map<string, { 'zh-CN': string; en: string }>(response.body.items.map((p: { code: string; name: unknown }) => [p.code, p.name]));
  };

  it("names every post of the caller's subtree once, by the name most offices give it", async () => {
    const city = await catalogue(configurator);
    expect([...city.keys()].sort()).toEqual([...standardPosts.map((p) => p.code), 'pilot-desk'].sort());
    expect(city.get('unemployment-window')).toEqual({ 'zh-CN': '失业登记窗口', en: 'Unemployment registration window' });
    expect(city.get('pilot-desk')).toEqual({ 'zh-CN': '试点服务台', en: 'Pilot desk' });
    // One office of several calls it differently: the common name stands.
    expect(city.get('supervisor')).toEqual({ 'zh-CN': '业务科长', en: 'Office supervisor' });
  });

  it("leaves out the posts of offices outside the caller's subtree", async () => {
    const district = await catalogue(caseworker);
    expect(district.has('pilot-desk')).toBe(false);
    expect(district.get('supervisor')).toEqual({ 'zh-CN': '业务科长', en: 'Office supervisor' });
    expect(district.size).toBe(standardPosts.length);
  });

  it('refuses a caller who has not signed in', async () => {
    expect((await t.request('GET', '/api/posts')).status).toBe(401);
  });
});
