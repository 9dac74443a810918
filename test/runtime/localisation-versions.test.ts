import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayInput } from '../../engine/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const PROCESS = 'unemployment-registration';
const BASE = `/api/processes/${PROCESS}`;
const MINISTRY = { id: '000000', name: '人力资源和社会保障部', kind: 'ministry' };
const FUJIAN = { id: '350000', name: '福建省', kind: 'province' };
const XIAMEN = { id: '350200', name: '厦门市', kind: 'city' };

const title = (zh: string, en: string) => ({ 'zh-CN': zh, en });

interface Version {
  definitionId: string;
  version: number;
  level: { id: string; name: string; kind: string };
  publishedBy: { id: string; name: string } | null;
  publishedAt: string;
  basedOn: { definitionId: string; version: number; levelName: string } | null;
  operations: number | null;
  inForce: boolean;
}

// One runtime per backend; the tests build on each other: Xiamen publishes v2, the province
// publishes v3 with a lock Xiamen's overlay breaks (so Xiamen's v2 stops being in force), and
// Xiamen publishes v4 on the province's version.
describe.each(backends)('version history of a process through the API (%s)', (backend) => {
  let t: TestRuntime;
  let configurator: string;
  let provincial: string;
  let caseworker: string;
  let evaluator: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    configurator = await t.login('configurator');
    provincial = await t.login('provincial');
    caseworker = await t.login('caseworker');
    evaluator = await t.login('evaluator');
  });
  afterAll(() => t.close());

  async function versions(token: string): Promise<Version[]> {
    const response = await t.request('GET', `${BASE}/versions`, { token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.processId).toBe(PROCESS);
    return response.body.items;
  }

  /** Version numbers with their level and whether each is in force, newest first. */
  async function summary(token: string) {
    return (await versions(token)).map((v) => [v.version, v.level.id, v.inForce]);
  }

  async function publish(token: string, overlay: OverlayInput) {
    const saved = await t.request('PUT', `${BASE}/overlay`, { token, body: overlay });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.problems).toEqual([]);
    const published = await t.request('POST', `${BASE}/overlay/publish`, { token });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    return published.body;
  }

  async function displayName(token: string): Promise<{ id: string; name: string }> {
    const me = await t.request('GET', '/api/auth/me', { token });
    return { id: me.body.id, name: me.body.displayName };
  }

  it('lists the ministry standard alone, in force, before any level publishes', async () => {
    const [standard, ...others] = await versions(configurator);
    expect(others).toEqual([]);
    expect(standard).toEqual({
      definitionId: expect.any(String),
      version: 1,
      level: MINISTRY,
      publishedBy: null,
      publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      basedOn: null,
      operations: null,
      inForce: true,
    });
    expect(await summary(evaluator)).toEqual([[1, MINISTRY.id, true]]);
  });

  it('checks an unsaved overlay for an editor without saving it', async () => {
    const check = (token: string, body: unknown) => t.request('POST', `${BASE}/overlay/verify`, { token, body });
    const locked = await check(configurator, { overlay: { operations: [{ op: 'relabelState', state: 'registered', title: title('登记有效', 'Valid') }] } });
    expect(locked.status).toBe(200);
    expect(locked.body.problems).toEqual([expect.objectContaining({ code: 'OVERLAY_LOCK_VIOLATION', element: 'states.registered', lockedBy: 'ministry' })]);
    expect(locked.body.definition.states.registered.title.en).toBe('Valid');

    const sla = await check(configurator, { overlay: { operations: [{ op: 'setSla', state: 'submitted', workingDays: 5 }] } });
    expect(sla.body.problems).toEqual([]);
    expect(sla.body.definition.states.submitted.task.slaWorkingDays).toBe(5);

    // Nothing was saved: the level still edits an empty overlay, and the saved draft verifies as the standard.
    const view = await t.request('GET', `${BASE}/effective`, { token: configurator });
    expect(view.body.overlay).toEqual({ source: 'empty', overlay: { operations: [], parameters: [], locks: [], integrations: {} } });
    const saved = await t.request('POST', `${BASE}/overlay/verify`, { token: configurator });
    expect(saved.body.definition.states.submitted.task.slaWorkingDays).toBe(3);

    expect((await check(configurator, { overlay: { operations: [{ op: 'deleteRule' }] } })).status).toBe(400);
    expect((await check(evaluator, { overlay: {} })).status).toBe(403);
  });

  it("shows a city's version with its publisher and base to the city's units, not to the province", async () => {
    const ministryVersion = (await versions(configurator))[0]!;
    const published = await publish(configurator, { operations: [{ op: 'relabelState', state: 'submitted', title: title('初审', 'First review') }] });
    expect(published.version).toBe(2);

    const [v2, v1] = await versions(configurator);
    expect(v2).toEqual({
      definitionId: published.definitionId,
      version: 2,
      level: XIAMEN,
      publishedBy: await displayName(configurator),
      publishedAt: '2026-11-02T01:00:00.000Z',
      basedOn: { definitionId: ministryVersion.definitionId, version: 1, levelName: MINISTRY.name },
      operations: 1,
      inForce: true,
    });
    expect(v1).toMatchObject({ version: 1, inForce: false });
    // An office of the city uses the city's version; the province and its evaluator never see it.
    expect(await summary(caseworker)).toEqual([[2, XIAMEN.id, true], [1, MINISTRY.id, false]]);
    expect(await summary(provincial)).toEqual([[1, MINISTRY.id, true]]);
    expect(await summary(evaluator)).toEqual([[1, MINISTRY.id, true]]);
  });

  it("marks a city version built on a replaced base as not in force until the city publishes again", async () => {
    const lock = { element: 'states.submitted.title', reason: title('审核环节名称全省统一', 'The review step is named alike across the province') };
    t.clock.set('2026-11-02T02:00:00.000Z');
    const province = await publish(provincial, { operations: [{ op: 'setSla', state: 'draft', workingDays: 2 }], parameters: [{ id: 'refusalLimit', from: '2026-11-02', value: 2 }], locks: [lock] });
    expect(province.version).toBe(2);
    // Xiamen's relabel breaks the province's new lock: not rebased, the province's version applies there.
    expect(province.levelsBelow.rebased).toEqual([]);
    expect(province.levelsBelow.needsAttention).toEqual([expect.objectContaining({ orgUnitId: XIAMEN.id })]);

    // Highest first; of the two versions 2, the province's later one first.
    expect(await summary(configurator)).toEqual([[2, FUJIAN.id, true], [2, XIAMEN.id, false], [1, MINISTRY.id, false]]);
    expect(await summary(provincial)).toEqual([[2, FUJIAN.id, true], [1, MINISTRY.id, false]]);
    const [provinceVersion] = await versions(evaluator);
    expect(provinceVersion).toMatchObject({
      level: FUJIAN,
      publishedBy: await displayName(provincial),
      publishedAt: '2026-11-02T02:00:00.000Z',
      basedOn: { version: 1, levelName: MINISTRY.name },
      // The SLA and the parameter value.
      operations: 2,
      inForce: true,
    });

    t.clock.set('2026-11-02T03:00:00.000Z');
    const city = await publish(configurator, { operations: [{ op: 'setSla', state: 'submitted', workingDays: 5 }] });
    expect(city.version).toBe(3);
    const [v3] = await versions(caseworker);
    expect(v3).toMatchObject({ version: 3, level: XIAMEN, basedOn: { definitionId: province.definitionId, version: 2, levelName: FUJIAN.name }, inForce: true });
    expect(await summary(configurator)).toEqual([[3, XIAMEN.id, true], [2, FUJIAN.id, false], [2, XIAMEN.id, false], [1, MINISTRY.id, false]]);
  });

  it('refuses an unknown process and an anonymous caller', async () => {
    const unknown = await t.request('GET', '/api/processes/no-such-process/versions', { token: configurator });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PROCESS_NOT_FOUND');
    expect((await t.request('GET', `${BASE}/versions`)).status).toBe(401);
  });
});
