import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPackages, loadPlugins, readPackages, STANDARD_PACKAGES, withInstalled } from '../../runtime/plugins/index.ts';
import { packages } from '../../runtime/db/schema/index.ts';
import { fireDueTimers } from '../../runtime/timers/index.ts';
import { citizenId } from '../support/fixtures.ts';
import { plugins } from '../support/packages.ts';
import { backends, createTestRuntime, postgresUrl, type TestRuntime } from '../support/test-runtime.ts';
import { INSTALL_CHECK_MS, loadInstalledRegistry } from '../../runtime/packages/index.ts';
import { createApiApp } from '../../runtime/http/app.ts';

/** A package folder as an administrator uploads it: plugin.json and the flows it lists. */
function bundleOf(folder: string) {
  const read = (file: string) => JSON.parse(readFileSync(join(STANDARD_PACKAGES, folder, file), 'utf8'));
  const manifest = read('plugin.json');
  return { manifest, flows: Object.fromEntries((manifest.processes as string[]).map((file) => [file, read(file)])) };
}

async function count(t: TestRuntime, table: 'packages' | 'definitions' | 'audit_log') {
  const rows = await t.rt.db.execute<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number((Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows)[0]!.n);
}

describe.each(backends)('installing a package version through the API (%s)', (backend) => {
  let t: TestRuntime;
  let admin: string;
  beforeAll(async () => {
    t = await createTestRuntime(backend);
    admin = await t.login('ministry-admin');
  });
  afterAll(() => t.close());

  it('lists the packages in use to configurators and administrators only', async () => {
    const listed = await t.request('GET', '/api/packages', { token: await t.login('configurator') });
    expect(listed.status).toBe(200);
    const registration = listed.body.items.find((p: { id: string }) => p.id === 'unemployment-registration');
    expect(registration).toMatchObject({ version: '1.0.0', title: { 'zh-CN': '失业登记' }, processes: [{ id: 'unemployment-registration' }] });
    expect(listed.body.items).toHaveLength(t.rt.registry.plugins.length);
    expect((await t.request('GET', '/api/packages', { token: await t.login('caseworker') })).status).toBe(403);
  });

  it('refuses a city administrator, and a package with problems with every finding in both languages, writing nothing', async () => {
    const bundle = bundleOf('unemployment-registration');
    const upgrade = { ...bundle, manifest: { ...bundle.manifest, version: '1.1.0' } };
    expect((await t.request('POST', '/api/packages', { token: await t.login('admin'), body: upgrade })).body.code).toBe('ROLE_NOT_PERMITTED');

    const before = { packages: await count(t, 'packages'), definitions: await count(t, 'definitions'), audit: await count(t, 'audit_log') };
    const flow = structuredClone(bundle.flows['unemployment-registration.flow.json']);
    const { cel: _cel, ...workingAge } = flow.states.draft.on.submit.rules[0];
    flow.states.draft.on.submit.rules[0] = { ...workingAge, guard: 'noSuchGuard' };
    const added = flow.states.draft.on.submit.rules.length;
    flow.states.draft.on.submit.rules.push({ id: 'reads-unknown', cel: 'facts.taxRecord.paid', message: { 'zh-CN': '未知', en: 'Unknown' } });
    flow.states.draft.on.submit.rules.push({ id: 'calls-unknown', cel: 'ageInMonths(facts.subject.birthDate) >= 192', message: { 'zh-CN': '未知', en: 'Unknown' } });
    const broken = { manifest: { ...bundle.manifest, version: '1.1.0' }, flows: { 'unemployment-registration.flow.json': flow, 'stray.flow.json': {} } };
    const refused = await t.request('POST', '/api/packages', { token: admin, body: broken });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PLUGIN_INVALID');
    const found = refused.body.details.map((f: { file: string; path: string }) => `${f.file}:${f.path}`);
    expect(found).toEqual([
      'unemployment-registration.flow.json:states.draft.on.submit.rules.0.guard',
      `unemployment-registration.flow.json:states.draft.on.submit.rules.${added}.cel`,
      `unemployment-registration.flow.json:states.draft.on.submit.rules.${added + 1}.cel`,
      'stray.flow.json:',
    ]);
    expect(refused.body.details[1].message).toEqual({ 'zh-CN': '条件引用的事实 taxRecord 未在 facts 中声明', en: 'The condition reads fact taxRecord, which `facts` does not declare' });
    // A function neither CEL nor the platform's library has: a typo, or a package written for a later runtime.
    expect(refused.body.details[2].message.en).toBe("The condition calls ageInMonths, which is neither a CEL function nor one of the platform's CEL library");

    const badManifest = await t.request('POST', '/api/packages/check', { token: admin, body: { manifest: { ...bundle.manifest, version: 'one', locks: 'none' }, flows: bundle.flows } });
    expect(badManifest.status).toBe(200);
    expect(badManifest.body.findings.map((f: { path: string }) => f.path).sort()).toEqual(['locks', 'version']);
    expect(badManifest.body.findings[0].message['zh-CN']).toMatch(/^插件清单“(locks|version)”/);

    // The version in use, or an earlier one, is not a new version.
    const same = await t.request('POST', '/api/packages/check', { token: admin, body: bundle });
    expect(same.body.findings).toEqual([{ file: 'plugin.json', path: 'version', message: { 'zh-CN': '版本须高于在用的 1.0.0', en: 'The version must be later than 1.0.0, the one in use' } }]);

    expect({ packages: await count(t, 'packages'), definitions: await count(t, 'definitions'), audit: await count(t, 'audit_log') }).toEqual(before);
  });

  it('finds a listed flow that was not uploaded, and a package the platform would not load with (a meaning declared twice)', async () => {
    const bundle = bundleOf('employment-registration');
    const missing = await t.request('POST', '/api/packages/check', { token: admin, body: { manifest: { ...bundle.manifest, version: '1.2.0' }, flows: {} } });
    expect(missing.body.findings).toEqual([
      { file: 'employment-registration.flow.json', path: '', message: { 'zh-CN': '插件清单列出的流程文件 employment-registration.flow.json 未上传', en: 'The manifest lists employment-registration.flow.json, which was not uploaded' } },
    ]);
    const twice = { ...bundle.manifest, version: '1.2.0', meanings: { ...bundle.manifest.meanings, certified: { process: 'employment-registration', state: 'employed', event: 'register' } } };
    const clash = await t.request('POST', '/api/packages', { token: admin, body: { ...bundle, manifest: twice } });
    expect([clash.status, clash.body.code]).toEqual([422, 'PLUGIN_INVALID']);
    expect(clash.body.details).toEqual([expect.objectContaining({ file: 'plugin.json', message: expect.objectContaining({ en: expect.stringContaining('"declaredTwice":true') }) })]);
    expect((await t.request('GET', '/api/packages', { token: admin })).body.items.find((p: { id: string }) => p.id === 'employment-registration').version).toBe('1.1.0');

    // Another administrator's install of the same version landed first (this process still runs 1.1.0): the key refuses this one.
    const raced = { ...bundle.manifest, version: '1.3.0' };
    await t.rt.db.insert(packages).values({ id: 'employment-registration', version: '1.3.0', manifest: raced, flows: bundle.flows });
    const second = await t.request('POST', '/api/packages', { token: admin, body: { ...bundle, manifest: raced } });
    expect([second.status, second.body.code]).toEqual([409, 'DUPLICATE_RECORD']);
    expect(t.rt.registry.plugins.find((p) => p.id === 'employment-registration')?.version).toBe('1.1.0');
    await t.rt.db.delete(packages);
  });

  it('installs a new version: new cases start on it, a running case stays on its own', async () => {
    const caseworker = await t.login('caseworker');
    const person = async (serial: string) => (await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350203', '19900101', serial), name: '林测试', phone: '13912345678' } })).body.id as string;
    const before = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'employment-registration', subjectId: await person('051') } });
    expect(before.status).toBe(201);

    const bundle = bundleOf('employment-registration');
    const flow = structuredClone(bundle.flows['employment-registration.flow.json']);
    const intake = Object.values(flow.states as Record<string, { task?: { slaWorkingDays: number } }>).find((s) => s.task)!;
    intake.task!.slaWorkingDays += 2;
    const installed = await t.request('POST', '/api/packages', { token: admin, body: { manifest: { ...bundle.manifest, version: '1.2.0' }, flows: { 'employment-registration.flow.json': flow } } });
    expect(installed.status).toBe(201);
    expect(installed.body).toEqual({ id: 'employment-registration', version: '1.2.0', published: ['employment-registration'] });

    const after = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'employment-registration', subjectId: await person('073') } });
    expect(after.status).toBe(201);
    expect(after.body.definitionVersion).toBe(before.body.definitionVersion + 1);
    expect((await t.request('GET', `/api/cases/${before.body.id}`, { token: caseworker })).body.definitionVersion).toBe(before.body.definitionVersion);
    expect((await t.request('GET', '/api/packages', { token: admin })).body.items.find((p: { id: string }) => p.id === 'employment-registration').version).toBe('1.2.0');
    expect((await t.request('POST', '/api/packages', { token: admin, body: { manifest: { ...bundle.manifest, version: '1.2.0' }, flows: { 'employment-registration.flow.json': flow } } })).status).toBe(422);
    // A restart composes its registry as start-up does: the shipped packages, the installed newer versions over them.
    const restarted = loadPlugins(withInstalled(readPackages(), await installedPackages(t.rt.db)));
    expect(restarted.plugins.find((p) => p.id === 'employment-registration')?.version).toBe('1.2.0');
    expect(restarted.processes.get('employment-registration')?.compiled.hash).toBe(t.rt.registry.processes.get('employment-registration')?.compiled.hash);
  });
  it('escalates an overdue task to the post its definition names (task.escalateTo), else to the supervisor', async () => {
    const bundle = bundleOf('unemployment-registration');
    const flow = structuredClone(bundle.flows['unemployment-registration.flow.json']);
    flow.states.draft.task.escalateTo = 'unemployment-review';
    const installed = await t.request('POST', '/api/packages', { token: admin, body: { manifest: { ...bundle.manifest, version: '1.1.0' }, flows: { 'unemployment-registration.flow.json': flow } } });
    expect(installed.status).toBe(201);
    const caseworker = await t.login('caseworker');
    const subjectId = (await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350203', '19860101', '015'), name: '逾期丙', phone: '13912345678' } })).body.id as string;
    const late = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'unemployment-registration', subjectId } });
    expect(late.status).toBe(201);
    // A one-working-day draft opened on Monday 2 November is overdue on Wednesday.
    t.clock.set('2026-11-04T01:00:00.000Z');
    const fired = (await fireDueTimers(t.rt)).filter((f) => f.caseId === late.body.id);
    expect(fired).toEqual([{ caseId: late.body.id, kind: 'sla', state: 'draft', outcome: { escalated: expect.any(String), to: 'unemployment-review' } }]);
  });
});

describe.each(backends)('a new package added to a running platform with nothing changed outside its folder (%s)', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    // The platform as it was before 职业指导 existed: every shipped package but that one.
    t = await createTestRuntime(backend, { packages: plugins.filter((p) => p.id !== 'vocational-guidance') });
  });
  afterAll(() => t.close());

  it('installs vocational-guidance from its folder of JSON and runs a case through it', async () => {
    const caseworker = await t.login('caseworker');
    const subjectId = (await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350203', '19970315', '024'), name: '王晨', phone: '13912345678' } })).body.id as string;
    const before = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'vocational-guidance', subjectId } });
    expect([before.status, before.body.code]).toEqual([404, 'PROCESS_NOT_FOUND']);

    const installed = await t.request('POST', '/api/packages', { token: await t.login('ministry-admin'), body: bundleOf('vocational-guidance') });
    expect(installed.status).toBe(201);
    expect(installed.body).toEqual({ id: 'vocational-guidance', version: '1.0.0', published: ['vocational-guidance'] });

    const opened = await t.request('POST', '/api/cases', { token: caseworker, body: { processId: 'vocational-guidance', subjectId } });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ state: 'requested', definitionVersion: 1 });
    const inbox = await t.request('GET', '/api/tasks', { token: caseworker });
    expect(inbox.body.items.find((task: { caseId: string }) => task.caseId === opened.body.id)).toMatchObject({ state: 'requested' });
    let version = opened.body.version as number;
    const send = async (type: string, data: Record<string, unknown>) => {
      const response = await t.request('POST', `/api/cases/${opened.body.id}/events`, { token: caseworker, body: { type, data, version } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      version = response.body.version;
      return response.body;
    };
    await send('accept', { channel: 'walk-in', needs: ['career-planning'] });
    await send('recordSession', { sessionDate: '2026-11-02', topic: 'career-planning', counsellorNotes: '明确求职方向' });
    expect((await send('agreePlan', { planDate: '2026-11-02', careerGoal: '从事行政工作', measures: ['job-referral'] })).state).toBe('followingUp');
    expect(await send('close', { outcome: 'training' })).toMatchObject({ state: 'closed', status: 'final' });
    const history = await t.request('GET', `/api/cases/${opened.body.id}/history`, { token: caseworker });
    expect(history.body.items.map((r: { event: string }) => r.event)).toEqual(['create', 'accept', 'recordSession', 'agreePlan', 'close']);
  });
});

describe.skipIf(!postgresUrl)('a package version installed by another server process (postgres)', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('postgres');
  });
  afterAll(() => t.close());

  it('is run by this process from its first request after a check, with no restart', async () => {
    // A second server on the same database, started as production starts one.
    const other = await t.secondProcess();
    try {
      other.rt.registry = await loadInstalledRegistry(other.rt.db);
      const otherApp = createApiApp(other.rt);
      const ask = async (method: string, path: string, token: string, body?: unknown) => {
        const response = await otherApp.request(path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
        return { status: response.status, body: (await response.json()) as any };
      };
      const admin = await t.login('ministry-admin');
      const versionThere = async () => (await ask('GET', '/api/packages', admin)).body.items.find((p: { id: string }) => p.id === 'employment-registration').version;
      expect(await versionThere()).toBe('1.1.0');

      const bundle = bundleOf('employment-registration');
      const installed = await t.request('POST', '/api/packages', { token: admin, body: { ...bundle, manifest: { ...bundle.manifest, version: '1.2.0' } } });
      expect(installed.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, INSTALL_CHECK_MS + 100));
      expect(await versionThere()).toBe('1.2.0');
      const caseworker = await t.login('caseworker');
      const subjectId = (await t.request('POST', '/api/persons', { token: caseworker, body: { idNumber: citizenId('350203', '19900101', '093'), name: '林异程', phone: '13912345678' } })).body.id as string;
      const opened = await ask('POST', '/api/cases', caseworker, { processId: 'employment-registration', subjectId });
      expect(opened.status).toBe(201);
      expect(other.rt.registry.plugins.find((p) => p.id === 'employment-registration')?.version).toBe('1.2.0');
    } finally {
      await other.close();
    }
  });
});
