import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayInput } from '../../engine/index.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const BASE = '/api/processes/unemployment-registration';
const FUJIAN = '350000';
const XIAMEN = '350200';
// The test clock's day in China is 2026-11-02.
const TODAY = '2026-11-02';

interface Change {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

// The tests build on each other: the province lowers the refusal limit from today, then the city
// schedules a lower one for December and keeps it as a draft before publishing it.
describe.each(backends)('diff of the levels with their parameters (%s)', (backend) => {
  let t: TestRuntime;
  let configurator: string;
  let provincial: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    configurator = await t.login('configurator');
    provincial = await t.login('provincial');
  });
  afterAll(() => t.close());

  async function save(token: string, overlay: OverlayInput) {
    const saved = await t.request('PUT', `${BASE}/overlay`, { token, body: overlay });
    expect(saved.body.problems, JSON.stringify(saved.body)).toEqual([]);
  }

  async function diff(token: string): Promise<{ levels: { level: string; version: number | null }[]; changes: { from: string; to: string; changes: Change[] }[] }> {
    const response = await t.request('GET', `${BASE}/diff`, { token });
    expect(response.status).toBe(200);
    return response.body;
  }

  const parameterChanges = (changes: Change[]) => changes.filter((change) => change.path.startsWith('parameters.'));

  it('shows a level that changed only a parameter, with the value before and after', async () => {
    await save(provincial, { parameters: [{ id: 'refusalLimit', from: TODAY, value: 2 }] });
    const draft = await diff(provincial);
    expect(draft.levels).toEqual([{ level: 'ministry', version: 1 }, { level: 'draft', version: null }]);
    expect(draft.changes).toEqual([{ from: 'ministry', to: 'draft', changes: [{ path: 'parameters.refusalLimit', change: 'changed', before: 3, after: 2 }] }]);

    expect((await t.request('POST', `${BASE}/overlay/publish`, { token: provincial })).status).toBe(201);
    const published = await diff(provincial);
    expect(published.levels).toEqual([{ level: 'ministry', version: 1 }, { level: FUJIAN, version: 2 }]);
    expect(published.changes[0]!.changes).toEqual([{ path: 'parameters.refusalLimit', change: 'changed', before: 3, after: 2 }]);
  });

  it("shows a change scheduled for later as the values with their first days, against the province's", async () => {
    await save(configurator, { parameters: [{ id: 'refusalLimit', from: '2026-12-01', value: 1 }] });
    const { levels, changes } = await diff(configurator);
    expect(levels.map((l) => l.level)).toEqual(['ministry', FUJIAN, 'draft']);
    const scheduled = [{ path: 'parameters.refusalLimit', change: 'changed', before: 2, after: [{ from: TODAY, value: 2 }, { from: '2026-12-01', value: 1 }] }];
    expect(parameterChanges(changes[1]!.changes)).toEqual(scheduled);
    // The province's own change stays where it was made, and nothing else differs.
    expect(changes[0]!.changes).toEqual([{ path: 'parameters.refusalLimit', change: 'changed', before: 3, after: 2 }]);
    expect(changes[1]!.changes).toEqual(scheduled);

    expect((await t.request('POST', `${BASE}/overlay/publish`, { token: configurator })).status).toBe(201);
    const published = await diff(configurator);
    expect(published.levels.map((l) => l.level)).toEqual(['ministry', FUJIAN, XIAMEN]);
    expect(published.changes[1]!.changes).toEqual(scheduled);
  });

  it('adds no draft layer for a draft that sets what is already in force', async () => {
    await save(configurator, { parameters: [{ id: 'refusalLimit', from: '2026-12-01', value: 1 }] });
    expect((await diff(configurator)).levels.map((l) => l.level)).toEqual(['ministry', FUJIAN, XIAMEN]);
  });

  it("shows a task given to another role with the events it passes on, the city's parameter kept", async () => {
    await save(configurator, { operations: [{ op: 'setRole', state: 'submitted', role: 'caseworker' }], parameters: [{ id: 'refusalLimit', from: '2026-12-01', value: 1 }] });
    const { levels, changes } = await diff(configurator);
    expect(levels.map((l) => l.level)).toEqual(['ministry', FUJIAN, XIAMEN, 'draft']);
    expect(changes[2]!.changes.map(({ path, before, after }) => [path, before, after])).toEqual([
      ['states.submitted.task.role', 'reviewer', 'caseworker'],
      ['states.submitted.on.approve.roles', ['reviewer'], ['caseworker']],
      ['states.submitted.on.reject.roles', ['reviewer'], ['caseworker']],
      ['states.submitted.on.returnForCorrection.roles', ['reviewer'], ['caseworker']],
    ]);
  });
});
