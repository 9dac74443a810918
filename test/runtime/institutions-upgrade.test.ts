import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginManifest } from '../../engine/index.ts';
import { citizenId, TRAINING_INSTITUTION } from '../support/fixtures.ts';
import { plugins } from '../support/packages.ts';
import { restartedWithShippedPackages } from '../support/package-upgrade.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

type Json = Record<string, any>;

/** The training subsidy as package 1.0.0 had it: the provider free text, no institution fact and no rule reading one. */
function freeTextTrainingSubsidy(): PluginManifest[] {
  return plugins.map((plugin) => {
    if (plugin.id !== 'training-subsidy') return plugin;
    const flow = structuredClone(plugin.definitions[0]) as Json;
    flow['version'] = '1.0.0';
    delete flow['facts'].institution;
    delete flow['facts'].assessmentBody;
    for (const state of Object.values(flow['states'] as Json)) {
      for (const event of Object.values((state.on ?? {}) as Json)) {
        if (event.rules) event.rules = event.rules.filter((rule: Json) => !/institution|assessment-body/.test(rule.id));
        if (event.rules?.length === 0) delete event.rules;
      }
    }
    const training = flow['forms'].training;
    delete training.schema.properties.institutionCreditCode;
    training.schema.properties.trainingProvider = { type: 'string', minLength: 1, maxLength: 100, title: '培训机构' };
    training.schema.required = ['classNo', 'trainingProvider', 'occupation', 'level', 'startDate'];
    training.ui = { 'ui:order': ['classNo', 'trainingProvider', 'occupation', 'level', 'startDate'] };
    delete flow['forms'].assessment.schema.properties.assessmentBodyCreditCode;
    delete flow['forms'].assessment.ui;
    return { ...plugin, version: '1.0.0', definitions: [flow] };
  });
}

/**
 * Issue 15, institutions: a case started on training subsidy 1.0.0, which named its provider in free
 * text, keeps its definition after 1.1.0 is published and goes on to its certificate; new cases open
 * on 1.1.0 and name a registered institution.
 */
describe.each(backends)('training subsidy 1.0.0 cases after the institutions upgrade (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(backend, { packages: freeTextTrainingSubsidy() });
    t.clock.set('2026-11-13T01:00:00.000Z');
  });
  afterAll(() => t.close());

  it('keeps a running case on its version and opens new ones on the version that names an institution', async () => {
    const caseworker = await t.login('caseworker');
    const personId = await registerPerson(t, caseworker, citizenId('350203', '19910506', '035'), '黄立新');
    const running = (await open(t, caseworker, 'training-subsidy', personId)).id;
    await act(t, caseworker, running, 'startTraining', { classNo: 'XM-OLD-01', trainingProvider: '厦门市某培训学校', occupation: '4-03-02-01', level: 4, startDate: '2026-09-01' });

    // The platform restarts with the shipped packages: 1.1.0 is published over 1.0.0.
    const { installed, send, step } = await restartedWithShippedPackages(t, backend, caseworker);
    expect(installed).toEqual(['training-subsidy']);

    expect((await step(running, 'assess', { result: 'pass', assessedOn: '2026-10-15' })).status).toBe(200);
    expect((await step(running, 'certify', { certificateNo: 'S3502OLD001', certificateType: 'skill-level', issuedOn: '2026-10-20' })).body.state).toBe('certified');

    const opened = await send('POST', '/api/cases', { processId: 'training-subsidy', subjectId: personId });
    expect(opened.body.definitionVersion).toBe((await getCase(t, caseworker, running)).definitionVersion + 1);
    const freeText = await step(opened.body.id, 'startTraining', { classNo: 'XM-NEW-01', trainingProvider: '厦门市某培训学校', occupation: '4-03-02-01', level: 4, startDate: '2026-11-02' });
    expect([freeText.status, freeText.body.code]).toEqual([422, 'FORM_INVALID']);
    expect((await step(opened.body.id, 'startTraining', { classNo: 'XM-NEW-01', institutionCreditCode: TRAINING_INSTITUTION, occupation: '4-03-02-01', level: 4, startDate: '2026-11-02' })).body.state).toBe('inTraining');
  });
});
