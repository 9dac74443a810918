import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginManifest } from '../../engine/index.ts';
import { citizenId, registrationForm } from '../support/fixtures.ts';
import { plugins } from '../support/packages.ts';
import { restartedWithShippedPackages } from '../support/package-upgrade.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

type Json = Record<string, any>;

/** Employment difficulty as package 1.0.0 (process 1.1.0) had it: no 低保 or certificate facts, their rules or the caseworker's tick. */
function beforeAgencies(): PluginManifest[] {
  return plugins.map((plugin) => {
    if (plugin.id !== 'employment-difficulty') return plugin;
    const flow = structuredClone(plugin.definitions[0]) as Json;
    flow['version'] = '1.1.0';
    delete flow['facts'].minimumLiving;
    delete flow['facts'].disability;
    const verify = flow['states'].applied.on.verify;
    verify.rules = verify.rules.filter((rule: Json) => !['receives-minimum-living', 'holds-disability-certificate'].includes(rule['id']));
    delete flow['forms'].verification.schema.properties.holdsDisabilityCertificate;
    flow['forms'].verification.ui['ui:order'] = ['category', 'retirementCategory', 'evidence'];
    return { ...plugin, version: '1.0.0', definitions: [flow] } as PluginManifest;
  });
}

const verification = { category: 'disability', evidence: '残疾人证', retirementCategory: 'male-60' };

/**
 * Employment difficulty 1.1.0 reads the disability certificate from the disabled persons' federation:
 * a case opened on 1.0.0 keeps its definition and is verified on the caseworker's word as before, no
 * agency asked; a case opened after the upgrade asks, and with no federation wired and no tick is refused.
 */
describe.each(backends)('employment difficulty cases on 1.0.0 after the agencies upgrade (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(backend, { packages: beforeAgencies() });
    t.clock.set('2026-11-13T01:00:00.000Z');
  }, 120_000);
  afterAll(() => t?.close());

  it('keeps a running case on its version and asks the agency only for a case opened on the new one', async () => {
    const caseworker = await t.login('caseworker');
    const reviewer = await t.login('reviewer');
    const registered = async (idNumber: string, name: string) => {
      const personId = await registerPerson(t, caseworker, idNumber, name);
      const registration = (await open(t, caseworker, 'unemployment-registration', personId)).id;
      await act(t, caseworker, registration, 'submit', registrationForm({ unemployedSince: '2026-10-20' }));
      await act(t, reviewer, registration, 'approve', { opinion: '同意' });
      return personId;
    };
    const onOld = (await open(t, caseworker, 'employment-difficulty', await registered(citizenId('350203', '19800315', '571'), '旧版甲'))).id;
    const laterPerson = await registered(citizenId('350203', '19800315', '593'), '新版乙');

    const { installed, send, step } = await restartedWithShippedPackages(t, backend, caseworker);
    expect(installed).toEqual(['employment-difficulty']);

    expect((await step(onOld, 'verify', verification)).body.state).toBe('publicized');
    const opened = await send('POST', '/api/cases', { processId: 'employment-difficulty', subjectId: laterPerson });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body.definitionVersion).toBe((await getCase(t, caseworker, onOld)).definitionVersion + 1);
    const refused = await step(opened.body.id, 'verify', verification);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'EXCHANGE_PEER_UNAVAILABLE', details: { service: 'disabled-persons.certificate' } });
    expect((await step(opened.body.id, 'verify', { ...verification, holdsDisabilityCertificate: true })).body.state).toBe('publicized');
  });
});
