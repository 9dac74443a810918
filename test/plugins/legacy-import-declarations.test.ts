import { describe, expect, it } from 'vitest';
import type { LegacyImport, PluginManifest } from '../../engine/index.ts';
import { loadPlugins } from '../../runtime/plugins/index.ts';
import { ministryPackage, plugins } from '../support/packages.ts';

const JOB_MATCHING = 'job-matching';

/** The packages with job matching's vacancy import declared as `change` makes it. */
function withVacancyImport(change: (declaration: LegacyImport) => LegacyImport): PluginManifest[] {
  const original = ministryPackage(JOB_MATCHING);
  const declaration = original.legacyImports!.publishedVacancy!;
  const changed: PluginManifest = { ...original, legacyImports: { ...original.legacyImports, publishedVacancy: change(structuredClone(declaration)) } };
  return plugins.map((plugin) => (plugin === original ? changed : plugin));
}

/** What loading refuses: the problems named in the refusal, or none when it loads. */
function refusedFor(list: PluginManifest[]): string[] | undefined {
  try {
    loadPlugins(list);
    return undefined;
  } catch (error) {
    expect(error).toMatchObject({ code: 'PLUGIN_INVALID', details: { pluginId: JOB_MATCHING, legacyImport: 'publishedVacancy' } });
    return (error as { details: { missing: string[] } }).details.missing;
  }
}

/**
 * A legacy import is data a package declares; loading checks it against the package's own process and
 * form, so a declaration that names what is not there never reaches a city's import screen.
 */
describe('legacy import declarations', () => {
  it('load as the ministry ships them: the vacancy import checks its columns against the posting form', () => {
    const declared = loadPlugins(plugins).legacyImports.get('publishedVacancy');
    expect(declared).toMatchObject({ subjectType: 'employer', exclusive: false });
    expect(Object.keys(declared!.fieldSchemas)).toEqual(expect.arrayContaining(['validFrom', 'title', 'occupation', 'payMaxFen']));
  });

  it('refuse a column that is no field of the form, an unknown code table and a key that is not a column', () => {
    const missing = refusedFor(
      withVacancyImport((declaration) => ({
        ...declaration,
        columns: [...declaration.columns!, { field: 'shoeSize', title: { 'zh-CN': '鞋码', en: 'Shoe size' }, required: false }, { ...declaration.columns![1]!, field: 'headcount', codeTable: 'no-such-table' }],
        keyFields: ['nickname'],
      })),
    );
    expect(missing).toEqual(expect.arrayContaining([expect.stringContaining('column shoeSize'), 'code table no-such-table', 'key field nickname']));
  });

  it('refuse a subject other than the process’s, and a person’s ID number copied into case data', () => {
    expect(refusedFor(withVacancyImport((declaration) => ({ ...declaration, subject: { type: 'person' } })))).toEqual([expect.stringContaining('subject person')]);
    expect(refusedFor(withVacancyImport((declaration) => ({ ...declaration, subject: { type: 'employer', field: 'noSuchField' } })))).toEqual(['subject field noSuchField']);
  });

  it('refuse a state the process does not have, and a second current state', () => {
    const missing = refusedFor(withVacancyImport((declaration) => ({ ...declaration, states: { ...declaration.states, archived: {} } })));
    expect(missing).toEqual(expect.arrayContaining(['state archived', 'state archived (ended)']));
  });
});
