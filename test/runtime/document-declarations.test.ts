import { describe, expect, it } from 'vitest';
import type { DocumentDeclaration, PluginManifest } from '../../engine/index.ts';
import { loadPlugins, readPackages } from '../../runtime/plugins/index.ts';

/** The documents a package declares are checked when the packages load, so a broken one stops the start, not a print. */
describe('document declarations', () => {
  const list = readPackages();
  const registration = list.find((p) => p.id === 'unemployment-registration')!;
  const receipt = registration.documents![0]!;
  const withDocuments = (documents: DocumentDeclaration[]): PluginManifest[] => list.map((p) => (p === registration ? { ...p, documents } : p));
  const refusal = (documents: DocumentDeclaration[]) => {
    try {
      loadPlugins(withDocuments(documents));
    } catch (error) {
      return error;
    }
    return null;
  };

  it('loads the shipped declarations', () => {
    expect(registration.documents!.map((d) => d.id)).toEqual(['acceptance-receipt', 'employment-entrepreneurship-certificate', 'rejection-notice']);
    expect(() => loadPlugins(list)).not.toThrow();
  });

  it("refuses a document after an event its process lacks, or naming another package's process", () => {
    expect(refusal([{ ...receipt, after: 'noSuchEvent' }])).toMatchObject({ code: 'DEFINITION_INVALID', details: { document: 'acceptance-receipt', after: 'noSuchEvent' } });
    expect(refusal([{ ...receipt, process: 'employment-registration', after: 'register' }])).toMatchObject({ code: 'DEFINITION_INVALID', details: { process: 'employment-registration' } });
  });

  it('refuses two documents of one id, or one taking the id of the case summary', () => {
    expect(refusal([receipt, receipt])).toMatchObject({ code: 'PLUGIN_DUPLICATE_ID' });
    expect(refusal([{ ...receipt, id: 'case-summary' }])).toMatchObject({ code: 'PLUGIN_DUPLICATE_ID' });
  });
});
