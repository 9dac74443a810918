import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, parsePackageManifest, type PluginManifest } from '../../engine/index.ts';
import { persons } from '../../runtime/db/schema/index.ts';
import { loadPlugins, STANDARD_PACKAGES } from '../../runtime/plugins/index.ts';
import { citizenId, tableCounts } from '../support/fixtures.ts';
import { ministryPackage, plugins } from '../support/packages.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

const PROCESS = 'vocational-guidance';
const title = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const setSubject = (field: string, value: string) => ({ type: 'setSubject', params: { field, value } });

/**
 * Vocational guidance 1.1.0 as a ministry would upload it: the package declares a status of its
 * own, `guidanceStatus`, which acceptance sets and closure (whose rule reads it back from the
 * `person` fact) returns to its default. Declining sets a status no package declares, and a
 * session sets the declared status first to its default and then to a value it does not declare.
 */
function guidancePackage() {
  const read = (file: string) => JSON.parse(readFileSync(join(STANDARD_PACKAGES, PROCESS, file), 'utf8'));
  const manifest = { ...read('plugin.json'), version: '1.1.0', statuses: { guidanceStatus: { title: title('职业指导状态', 'Guidance status'), values: ['none', 'inGuidance'] } } };
  const flow = read(`${PROCESS}.flow.json`);
  flow.facts = { subject: { provider: 'person' } };
  flow.states.requested.on.accept.actions = [setSubject('guidanceStatus', 'inGuidance')];
  flow.states.requested.on.decline.actions = [setSubject('moodStatus', 'hopeful')];
  flow.states.inGuidance.on.recordSession.actions = [setSubject('guidanceStatus', 'none'), setSubject('guidanceStatus', 'graduated')];
  flow.states.inGuidance.on.close.rules = [{ id: 'in-guidance', cel: "facts.subject.guidanceStatus == 'inGuidance'", message: title('未在指导中', 'Not in guidance') }];
  flow.states.inGuidance.on.close.actions = [setSubject('guidanceStatus', 'none')];
  return { manifest, flows: { [`${PROCESS}.flow.json`]: flow } };
}

describe.each(backends)('subject statuses declared by packages (%s)', (backend) => {
  let t: TestRuntime;
  let caseworker: string;

  beforeAll(async () => {
    t = await createTestRuntime(backend);
    const installed = await t.request('POST', '/api/packages', { token: await t.login('ministry-admin'), body: guidancePackage() });
    expect(installed.status, JSON.stringify(installed.body)).toBe(201);
    caseworker = await t.login('caseworker');
  });
  afterAll(() => t.close());

  /** The statuses as stored: a status at its default has no key. */
  async function stored(personId: string) {
    const [row] = await t.rt.db.select({ statuses: persons.statuses }).from(persons).where(eq(persons.id, personId));
    return row!.statuses;
  }

  /** The statuses as the person API shows them: every declared one, `none` where not set. */
  async function shown(personId: string) {
    const response = await t.request('GET', `/api/persons/${personId}`, { token: caseworker });
    expect(response.status).toBe(200);
    return response.body.statuses as Record<string, string>;
  }

  it('sets a status the package declares by a step, shows it on the person, reads it in a later rule, and stores its default as no key', async () => {
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19900312', '017'), '林指导');
    expect(await shown(personId)).toEqual({ unemploymentStatus: 'none', employmentStatus: 'none', difficultyStatus: 'none', guidanceStatus: 'none' });
    const { id } = await open(t, caseworker, PROCESS, personId);

    expect((await act(t, caseworker, id, 'accept', { channel: 'walk-in', needs: ['job-search'] })).state).toBe('inGuidance');
    expect(await stored(personId)).toEqual({ guidanceStatus: 'inGuidance' });
    expect((await shown(personId)).guidanceStatus).toBe('inGuidance');

    // The closure's rule holds only if the person fact carries the status the acceptance set.
    expect((await act(t, caseworker, id, 'close', { outcome: 'training' })).state).toBe('closed');
    expect(await stored(personId)).toEqual({});
    expect((await shown(personId)).guidanceStatus).toBe('none');
  });

  it('refuses a status no package declares, and a value its package does not declare, with DEFINITION_INVALID, writing nothing', async () => {
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19900312', '025'), '林拒绝');
    const { id } = await open(t, caseworker, PROCESS, personId);
    const send = async (type: string, data: Record<string, unknown>) => {
      const { version } = await getCase(t, caseworker, id);
      return t.request('POST', `/api/cases/${id}/events`, { token: caseworker, body: { type, data, version } });
    };

    const before = await tableCounts(t.rt);
    const undeclaredKey = await send('decline', { declineReason: '不符合条件' });
    expect([undeclaredKey.status, undeclaredKey.body.code]).toEqual([500, 'DEFINITION_INVALID']);
    expect(await tableCounts(t.rt)).toEqual(before);
    expect(await stored(personId)).toEqual({});
    expect(await getCase(t, caseworker, id)).toMatchObject({ state: 'requested', version: 1 });

    await act(t, caseworker, id, 'accept', { channel: 'online', needs: ['career-planning'] });
    const accepted = await tableCounts(t.rt);
    // The step's first action (back to the default) is undone with it: the status stays as the acceptance set it.
    const undeclaredValue = await send('recordSession', { sessionDate: '2026-11-02', topic: 'career-planning', counsellorNotes: '了解求职意向' });
    expect([undeclaredValue.status, undeclaredValue.body.code]).toEqual([500, 'DEFINITION_INVALID']);
    expect(await tableCounts(t.rt)).toEqual(accepted);
    expect(await stored(personId)).toEqual({ guidanceStatus: 'inGuidance' });
    expect(await getCase(t, caseworker, id)).toMatchObject({ state: 'inGuidance', version: 2 });
  });
});

describe('the statuses the loaded packages declare', () => {
  it('are collected by key from every package, with their values (the first the default)', () => {
    const registry = loadPlugins(plugins);
    expect(Object.fromEntries([...registry.statuses].map(([key, declared]) => [key, declared.values]))).toEqual({
      unemploymentStatus: ['none', 'registered'],
      employmentStatus: ['none', 'employed'],
      difficultyStatus: ['none', 'recognized'],
    });
  });

  it('declare registered unemployment nationwide, naming the rule its refusal reports; a manifest whose declaration names no rule or message is refused', () => {
    const registry = loadPlugins(plugins);
    expect([...registry.statuses].filter(([, declared]) => declared.nationwide).map(([key, declared]) => [key, declared.nationwide!.rule])).toEqual([
      ['unemploymentStatus', 'one-active-registration'],
    ]);
    const manifest = JSON.parse(readFileSync(join(STANDARD_PACKAGES, 'unemployment-registration', 'plugin.json'), 'utf8'));
    for (const nationwide of [true, { rule: 'One Rule', message: title('已登记', 'Registered') }, { rule: 'one-rule' }]) {
      manifest.statuses.unemploymentStatus.nationwide = nationwide;
      expect(() => parsePackageManifest(manifest)).toThrow(expect.objectContaining({ code: 'PLUGIN_INVALID' }));
    }
  });

  it('refuses a status declared by two packages, which would set each other\u2019s', () => {
    const guidance = ministryPackage(PROCESS);
    const clashing: PluginManifest = { ...guidance, statuses: { employmentStatus: { title: title('就业状态', 'Employment status'), values: ['none', 'employed'] } } };
    const refusal = (() => {
      try {
        loadPlugins([...plugins.filter((p) => p !== guidance), clashing]);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(PlatformError);
    expect(refusal).toMatchObject({ code: 'PLUGIN_INVALID', details: { pluginId: PROCESS, status: 'employmentStatus', declaredBy: 'employment-registration' } });
  });

  it('name the registry flags of the personNationwide fact, each once across the packages and each a value of its status', () => {
    const registry = loadPlugins(plugins);
    expect(Object.fromEntries([...registry.statuses].map(([key, declared]) => [key, declared.registryFlags]))).toEqual({
      unemploymentStatus: { unemployed: 'registered' },
      employmentStatus: { employed: 'employed' },
      difficultyStatus: { recognized: 'recognized' },
    });
    const guidance = ministryPackage(PROCESS);
    const clashing: PluginManifest = { ...guidance, statuses: { guidanceStatus: { title: title('指导状态', 'Guidance status'), values: ['none', 'employed'], registryFlags: { employed: 'employed' } } } };
    expect(() => loadPlugins([...plugins.filter((p) => p !== guidance), clashing])).toThrow(
      expect.objectContaining({ code: 'PLUGIN_INVALID', details: { pluginId: PROCESS, registryFlag: 'employed', declaredBy: 'employment-registration' } }),
    );
    const manifest = JSON.parse(readFileSync(join(STANDARD_PACKAGES, 'unemployment-registration', 'plugin.json'), 'utf8'));
    manifest.statuses.unemploymentStatus.registryFlags = { unemployed: 'unemployed' };
    expect(() => parsePackageManifest(manifest)).toThrow(expect.objectContaining({ code: 'PLUGIN_INVALID' }));
  });
});
