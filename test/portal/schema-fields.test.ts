import { describe, expect, it } from 'vitest';
import { formData, formFields, inputValue, leafFields, type SchemaNode } from '../../portal/online-applications/schema-fields.ts';
import startUp from '../../plugins/start-up/start-up-subsidy.flow.json' with { type: 'json' };

const application = startUp.forms.application;

describe('the public form renderer: a process form\'s JSON Schema as plain inputs, and posted text as its data', () => {
  it('lays out the 一次性创业补贴 form by its ui:order: code fields as text, a date, an integer, yes/no, the fixed period hidden; English titles from x-i18n', () => {
    const fields = formFields(application.schema as SchemaNode, application.ui, 'en');
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['businessCreditCode', 'text', true],
      ['businessName', 'text', false],
      ['businessStartDate', 'date', true],
      ['amountFen', 'integer', true],
      ['graduate', 'boolean', true],
      ['incubatorCreditCode', 'text', false],
      ['period', 'hidden', true],
    ]);
    expect(fields[0]!.label).toBe('Business credit code');
  });

  it('reads posted text as data: empty fields left out, numbers and yes/no turned, a malformed number kept for the schema to name, constants fixed, nested objects grouped', () => {
    const fields = formFields(application.schema as SchemaNode, application.ui, 'zh-CN');
    const posted = new Map([['businessCreditCode', ' 91350203MA2Y3K1B9C '], ['businessName', ''], ['amountFen', '500000'], ['graduate', 'false'], ['period', 'twice']]);
    expect(formData(fields, (name) => posted.get(name))).toEqual({ businessCreditCode: '91350203MA2Y3K1B9C', amountFen: 500000, graduate: false, period: 'once' });
    expect(formData(fields, (name) => (name === 'amountFen' ? '5万' : undefined))).toEqual({ amountFen: '5万', period: 'once' });

    const nested: SchemaNode = { type: 'object', properties: { contact: { type: 'object', required: ['phone'], properties: { phone: { type: 'string', format: 'cn-mobile' }, since: { type: 'string', format: 'date' } } } } };
    const groups = formFields(nested, undefined, 'zh-CN');
    expect(leafFields(groups).map((f) => [f.name, f.kind, f.required])).toEqual([['contact.phone', 'tel', true], ['contact.since', 'date', false]]);
    const data = formData(groups, (name) => (name === 'contact.phone' ? '13905921234' : undefined));
    expect(data).toEqual({ contact: { phone: '13905921234' } });
    expect(inputValue(data, 'contact.phone')).toBe('13905921234');
  });
});
