import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namesPersonFields, personPrefill } from '../../admin-ui/src/forms/person-prefill.ts';

const person = { masked: false, phone: '13905927311', residenceArea: '350203001', address: '  ', email: null, hukouArea: '350203' };

describe('a case form prefilled from its person record', () => {
  it('takes each field the UI schema says comes from the record, when the record holds it', () => {
    const ui = {
      'ui:order': ['phone', 'area', 'address', 'email', 'note'],
      phone: { 'ui:options': { fromPerson: 'phone' } },
      area: { 'ui:widget': 'text', 'ui:options': { fromPerson: 'residenceArea' } },
      address: { 'ui:widget': 'textarea', 'ui:options': { fromPerson: 'address' } },
      email: { 'ui:options': { fromPerson: 'email' } },
      note: { 'ui:widget': 'textarea' },
    };
    expect(namesPersonFields(ui)).toBe(true);
    // A blank address and an email not on record give nothing; a field naming no record field neither.
    expect(personPrefill(ui, person)).toEqual({ phone: '13905927311', area: '350203001' });
  });

  it('takes nothing from a masked record, and a form naming no record field asks for none', () => {
    expect(personPrefill({ phone: { 'ui:options': { fromPerson: 'phone' } } }, { ...person, masked: true, phone: '139****7311' })).toEqual({});
    const plain = { 'ui:order': ['note'], note: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } } };
    expect(namesPersonFields(plain)).toBe(false);
    expect(personPrefill(plain, person)).toEqual({});
  });

  it('is declared by the unemployment registration form for the phone, residence and address the record holds', () => {
    const flow = JSON.parse(readFileSync(new URL('../../plugins/unemployment-registration/unemployment-registration.flow.json', import.meta.url), 'utf8')) as {
      forms: Record<string, { ui: Record<string, unknown> }>;
    };
    expect(personPrefill(flow.forms['registration']!.ui, person)).toEqual({ phone: '13905927311', residenceArea: '350203001' });
    expect(personPrefill(flow.forms['registration']!.ui, { ...person, address: '厦门市思明区' })).toMatchObject({ address: '厦门市思明区' });
  });
});
