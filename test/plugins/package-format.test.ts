import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSIONS_VERSION } from '../../runtime/extensions/index.ts';
import { loadPlugins, readPackages, STANDARD_PACKAGES } from '../../runtime/plugins/index.ts';
import { refusal } from '../support/engine-assertions.ts';
import { plugins } from '../support/packages.ts';

const work = mkdtempSync(join(tmpdir(), 'pes-packages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of a shipped package under a folder of the test's own, its manifest changed by `edit`. */
function copyPackage(root: string, folder: string, as: string, edit: (manifest: Record<string, unknown>) => void = () => undefined) {
  cpSync(join(STANDARD_PACKAGES, folder), join(root, as), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, as, 'plugin.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(root, as, 'plugin.json'), JSON.stringify(manifest));
}

describe('process packages as data', () => {
  it('finds packages by their manifests, whatever their folder is called, and nothing else', () => {
    const root = join(work, 'found');
    mkdirSync(join(root, 'notes'), { recursive: true });
    writeFileSync(join(root, 'notes', 'README.md'), 'not a package');
    copyPackage(root, 'employment-registration', 'zz-employment');
    copyPackage(root, 'unemployment-registration', 'aa-unemployment');
    expect(readPackages(root).map((p) => [p.id, p.definitions.length])).toEqual([
      ['unemployment-registration', 1],
      ['employment-registration', 1],
    ]);
  });

  it('refuses a manifest that breaks the format, with every finding in zh-CN and English', () => {
    const root = join(work, 'broken');
    copyPackage(root, 'employment-registration', 'broken', (m) => {
      m['version'] = '1.0';
      m['processes'] = ['employment-registration.json'];
      m['colour'] = 'red';
    });
    const error = refusal(() => readPackages(root));
    expect(error.code).toBe('PLUGIN_INVALID');
    const findings = error.details as { path: string; message: { 'zh-CN': string; en: string } }[];
    expect(findings.map((f) => f.path).sort()).toEqual(['', 'processes.0', 'version']);
    for (const f of findings) expect(f.message['zh-CN']).toMatch(/^插件清单/);
    expect(findings.find((f) => f.path === 'version')!.message.en).toBe('semver');
  });

  it('refuses a package written for a later extension catalogue than the runtime has', () => {
    const root = join(work, 'later');
    copyPackage(root, 'employment-registration', 'later', (m) => (m['extensions'] = EXTENSIONS_VERSION + 1));
    const error = refusal(() => readPackages(root));
    expect(error.code).toBe('PLUGIN_INVALID');
    expect(error.details).toEqual([expect.objectContaining({ path: 'extensions' })]);
  });

  it('declares each meaning once, naming a process of its own package and elements that exist', () => {
    const registry = loadPlugins(plugins);
    expect(registry.meaning('publishedVacancy')).toEqual({ process: 'vacancy-posting', state: 'published', form: 'posting' });
    expect(refusal(() => loadPlugins(plugins.filter((p) => p.id !== 'job-matching')).meaning('publishedVacancy')).code).toBe('PROCESS_NOT_FOUND');

    const withMeanings = (id: string, meanings: Record<string, unknown>) => plugins.map((p) => (p.id === id ? { ...p, meanings: { ...p.meanings, ...meanings } } : p));
    const missingState = refusal(() => loadPlugins(withMeanings('employment-registration', { employed: { process: 'employment-registration', state: 'hired' } })));
    expect(missingState).toMatchObject({ code: 'PLUGIN_INVALID', details: { meaning: 'employed', missing: ['state hired'] } });
    const withoutPart = refusal(() => loadPlugins(withMeanings('employment-registration', { employed: { process: 'employment-registration' } })));
    expect(withoutPart.details).toMatchObject({ missing: ['state (required)'] });
    const othersProcess = refusal(() => loadPlugins(withMeanings('employment-registration', { certified: { process: 'training-subsidy', state: 'certified', event: 'certify' } })));
    expect(othersProcess.details).toMatchObject({ meaning: 'certified', missing: ['process training-subsidy in package employment-registration'] });
  });
});
