import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const API = '/api/processes/unemployment-registration';
const wechat = { op: 'addField', form: 'registration', field: 'wechat', schema: { type: 'string', title: '微信号', 'x-i18n': { en: 'WeChat' } } };
const citySla = { op: 'setSla', state: 'submitted', workingDays: 2 };

describe.each(backends)('a province publishing binds the cities below it (%s)', (backend) => {
  let t: TestRuntime;
  let city: string;
  let province: string;
  beforeAll(async () => {
    t = await createTestRuntime(backend);
    city = await t.login('configurator');
    province = await t.login('provincial');
  });
  afterAll(() => t.close());

  async function publish(token: string, overlay: Record<string, unknown>) {
    const saved = await t.request('PUT', `${API}/overlay`, { token, body: overlay });
    expect(saved.body.problems, JSON.stringify(saved.body)).toEqual([]);
    const published = await t.request('POST', `${API}/overlay/publish`, { token });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    return published.body;
  }

  const effective = async (token: string) => (await t.request('GET', `${API}/effective`, { token })).body;

  it('suspends a city version whose overlay no longer fits, until the city applies it again', async () => {
    const cityV2 = await publish(city, { operations: [wechat, citySla] });
    expect((await effective(city)).version).toBe(cityV2.version);

    // The province requires the address and locks the review deadline the city had changed.
    const provinceVersion = await publish(province, {
      operations: [{ op: 'requireField', form: 'registration', field: 'address' }],
      locks: [{ element: 'states.submitted.task.slaWorkingDays', reason: { 'zh-CN': '全省统一审核时限', en: 'One review deadline across the province' } }],
    });
    expect(provinceVersion.levelsBelow.rebased).toEqual([]);
    expect(provinceVersion.levelsBelow.needsAttention).toEqual([
      { orgUnitId: '350200', problems: [expect.objectContaining({ code: 'OVERLAY_LOCK_VIOLATION', element: 'states.submitted.task.slaWorkingDays', lockedBy: '350000' })] },
    ]);

    // Meanwhile the province's version is in force in the city: the address is required, no WeChat field.
    const suspended = await effective(city);
    expect(suspended).toMatchObject({ version: provinceVersion.version, level: '350000' });
    expect(suspended.definition.forms.registration.schema.required).toContain('address');
    expect(suspended.definition.forms.registration.schema.properties.wechat).toBeUndefined();
    expect(suspended.locks).toContainEqual(expect.objectContaining({ element: 'states.submitted.task.slaWorkingDays', lockedBy: '350000' }));

    // The city drops its deadline change and publishes again, on top of the province's version.
    const fixed = await publish(city, { operations: [wechat] });
    expect(fixed.basedOn).toBe(provinceVersion.definitionId);
    const inForce = await effective(city);
    expect(inForce.version).toBe(fixed.version);
    expect(inForce.definition.forms.registration.schema.required).toContain('address');
    expect(inForce.definition.forms.registration.schema.properties.wechat).toBeDefined();
  });

  it('applies a fitting city overlay again by itself when the province publishes once more', async () => {
    const before = await effective(city);
    const relabel = { op: 'relabelField', form: 'registration', field: 'address', title: { 'zh-CN': '现居住地址', en: 'Current address' } };
    const again = await publish(province, {
      operations: [{ op: 'requireField', form: 'registration', field: 'address' }, relabel],
      locks: [{ element: 'states.submitted.task.slaWorkingDays', reason: { 'zh-CN': '全省统一审核时限', en: 'One review deadline across the province' } }],
    });
    expect(again.levelsBelow.needsAttention).toEqual([]);
    expect(again.levelsBelow.rebased).toEqual([expect.objectContaining({ orgUnitId: '350200' })]);
    const after = await effective(city);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.level).toBe('350200');
    expect(after.definition.forms.registration.schema.properties.address.title).toBe('现居住地址');
    expect(after.definition.forms.registration.schema.properties.wechat).toBeDefined();
    const audit = await t.request('GET', `${API}/diff`, { token: city });
    expect(audit.body.levels.map((l: { level: string }) => l.level)).toEqual(['ministry', '350000', '350200']);
  });
});
