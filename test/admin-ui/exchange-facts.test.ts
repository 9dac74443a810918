import { describe, expect, it } from 'vitest';
import { exchangeFactLines } from '../../admin-ui/src/caseworker/case/exchange-facts.ts';

/** The messages, spelt as their key and variables: what each line says, without a locale. */
const t = ((key: string, vars: Record<string, string> = {}) => (Object.keys(vars).length === 0 ? key : `${key}(${Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(', ')})`)) as Parameters<typeof exchangeFactLines>[1];
const origin = { asOf: '2026-11-12T16:00:00.000Z', source: { member: '350200-901', messageId: 'm' }, caseworkerEntered: false };
const typed = { asOf: null, source: null, caseworkerEntered: true };

describe("the workbench's lines for the facts a step read from other agencies", () => {
  it('says each agency’s answer with its member and as-of time, a record it does not hold, and a caseworker’s value marked', () => {
    const lines = exchangeFactLines(
      [
        { name: 'registration', provider: 'marketRegulation', value: { found: true, name: '示例公司', legalRepresentative: '陈建国', status: 'revoked', establishedOn: '2019-04-08', ...origin } },
        { name: 'minimumLiving', provider: 'minimumLiving', value: { found: false, receiving: false, since: null, ...origin } },
        { name: 'disability', provider: 'disabilityCertificate', value: { found: null, holds: true, category: null, grade: null, validUntil: null, ...typed } },
        { name: 'other', provider: 'person', value: {} },
      ],
      t,
    );
    expect(lines).toEqual([
      { name: 'registration', text: 'factFromAgency(value=registrationValue(name=示例公司, representative=陈建国, status=status.revoked, establishedOn=2019-04-08), member=350200-901, asOf=2026/11/13 00:00:00)', marked: false },
      { name: 'minimumLiving', text: 'factNotFound(agency=civilAffairsAgency, member=350200-901, asOf=2026/11/13 00:00:00)', marked: false },
      { name: 'disability', text: 'factByCaseworker(value=certificateTyped, agency=disabledPersonsAgency)', marked: true },
    ]);
  });
});
