import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginManifest } from '../../engine/index.ts';
import { publicNotices } from '../../runtime/db/schema/index.ts';
import { citizenId } from '../support/fixtures.ts';
import { plugins } from '../support/packages.ts';
import { restartedWithShippedPackages } from '../support/package-upgrade.ts';
import { act, getCase, open, registerPerson } from '../support/steps.ts';
import { backends, createTestRuntime, type TestRuntime } from '../support/test-runtime.ts';

type Json = Record<string, any>;

/** The public-welfare post as package 1.0.0 had it: `place` straight to `placed`, no notice, its parameter, form and locks. */
function withoutNotice(): PluginManifest[] {
  return plugins.map((plugin) => {
    if (plugin.id !== 'public-welfare-post') return plugin;
    const flow = structuredClone(plugin.definitions[0]) as Json;
    flow['version'] = '1.0.0';
    delete flow['states'].publicized;
    flow['states'].postApproved.on.place.target = 'placed';
    delete flow['forms'].objection;
    return {
      ...plugin,
      version: '1.0.0',
      definitions: [flow],
      parameters: plugin.parameters.filter((parameter) => parameter.id !== 'noticeWorkingDays'),
      locks: plugin.locks.filter((lock) => !lock.element.startsWith('states.publicized')),
    } as PluginManifest;
  });
}

const UNIT = { code: '123502034265103M7Y', name: '厦门市思明区嘉莲街道社区服务中心' };
const placement = { employerCreditCode: UNIT.code, employerName: UNIT.name, employerAccount: '35101588001052500817', employerBank: '中国建设银行厦门嘉莲支行', postName: '社区公共服务协管员', placementStart: '2026-11-09', monthlySubsidyFen: 150_000, retirementCategory: 'male-60' };

/**
 * Issue 17 item 8: cases of the public-welfare post started on package 1.0.0 keep their definition
 * when 1.1.0 (the placement notice) is published: one placed goes on claiming, one not placed yet is
 * placed without a notice; a case opened after the upgrade is placed through the notice.
 */
describe.each(backends)('public-welfare post 1.0.0 cases after the notice upgrade (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(backend, { packages: withoutNotice() });
    t.clock.set('2026-11-13T01:00:00.000Z');
  }, 120_000);
  afterAll(() => t?.close());

  it('keeps running cases on 1.0.0 and opens new ones on the version with the notice', async () => {
    const caseworker = await t.login('caseworker');
    expect((await t.request('POST', '/api/employers', { token: caseworker, body: { creditCode: UNIT.code, name: UNIT.name } })).status).toBe(201);
    const person = async (idNumber: string, name: string) => {
      const id = await registerPerson(t, caseworker, idNumber, name);
      await t.rt.db.execute(sql`UPDATE persons SET statuses = '{"difficultyStatus":"recognized","employmentStatus":"employed"}'::jsonb WHERE id = ${id}`);
      return id;
    };
    const placedOnOld = (await open(t, caseworker, 'public-welfare-post', await person(citizenId('350203', '19750820', '031'), '陈国栋'))).id;
    expect((await act(t, caseworker, placedOnOld, 'place', placement)).state).toBe('placed');
    const waitingOnOld = (await open(t, caseworker, 'public-welfare-post', await person(citizenId('350206', '19780301', '053'), '林志强'))).id;

    // The platform restarts with the shipped packages: 1.1.0 is published over 1.0.0.
    const { installed, send, step } = await restartedWithShippedPackages(t, backend, caseworker);
    expect(installed).toEqual(['public-welfare-post']);
    const notices = async (caseId: string) => t.rt.db.select({ id: publicNotices.id }).from(publicNotices).where(eq(publicNotices.caseId, caseId));

    expect((await step(placedOnOld, 'submitClaim', { period: '2026-11', amountFen: 150_000 })).body.state).toBe('claimSubmitted');
    expect((await step(waitingOnOld, 'place', placement)).body.state).toBe('placed');
    expect(await notices(waitingOnOld)).toEqual([]);

    const opened = await send('POST', '/api/cases', { processId: 'public-welfare-post', subjectId: await person(citizenId('350211', '19800512', '077'), '吴建华') });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body.definitionVersion).toBe((await getCase(t, caseworker, waitingOnOld)).definitionVersion + 1);
    expect((await step(opened.body.id, 'place', placement)).body.state).toBe('publicized');
    expect(await notices(opened.body.id)).toHaveLength(1);
  });
});
