import { describe, expect, it } from 'vitest';
import { describeData } from '../../admin-ui/src/forms/describe-data.ts';
import { localiseSchema, type JsonSchema } from '../../admin-ui/src/forms/localise-schema.ts';
import flow from '../../plugins/unemployment-registration/unemployment-registration.flow.json' with { type: 'json' };

const registration = flow.forms.registration.schema as JsonSchema;
const review = flow.forms.review.schema as JsonSchema;

type Field = { title: string; oneOf?: { const: string; title: string }[] };
const field = (schema: JsonSchema, name: string) => (schema['properties'] as Record<string, Field>)[name]!;

describe('localising a form schema', () => {
  it('keeps the zh-CN titles the schema carries', () => {
    expect(localiseSchema(registration, 'zh-CN')).toBe(registration);
    expect(field(registration, 'phone').title).toBe('手机号码');
  });

  it('puts the English of x-i18n into every field title and every choice label', () => {
    const english = localiseSchema(registration, 'en');
    expect(field(english, 'phone').title).toBe('Mobile phone');
    expect(field(english, 'category').title).toBe('Category');
    expect(field(english, 'category').oneOf!.find((choice) => choice.const === 'lost-job')!.title).toBe('Lost a job with an employer (enterprise, government body, public institution, etc.)');
    expect(field(english, 'education').oneOf!.map((choice) => choice.title)).toContain('General senior secondary education');
  });

  it('leaves validation alone and does not touch the input', () => {
    const before = JSON.stringify(registration);
    const english = localiseSchema(registration, 'en');
    expect(JSON.stringify(registration)).toBe(before);
    expect(english['required']).toEqual(registration['required']);
    expect(english['then']).toEqual(registration['then']);
    expect(field(english, 'phone')).toMatchObject({ type: 'string', format: 'cn-mobile' });
    expect(field(english, 'category').oneOf!.map((choice) => choice.const)).toEqual(field(registration, 'category').oneOf!.map((choice) => choice.const));
  });

  it('reaches nested objects, array items and conditional branches, keeping a title without English', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        address: { type: 'object', title: '地址', 'x-i18n': { en: 'Address' }, properties: { street: { type: 'string', title: '街道', 'x-i18n': { en: 'Street' } } } },
        codes: { type: 'array', title: '代码', items: { type: 'string', oneOf: [{ const: 'a', title: '甲', 'x-i18n': { en: 'A' } }] } },
      },
      if: { properties: { codes: { title: '条件', 'x-i18n': { en: 'Condition' } } } },
    };
    const english = localiseSchema(schema, 'en') as { properties: Record<string, JsonSchema>; if: { properties: Record<string, JsonSchema> } };
    expect((english.properties['address']!['properties'] as Record<string, JsonSchema>)['street']!['title']).toBe('Street');
    expect(english.properties['address']!['title']).toBe('Address');
    expect(english.properties['codes']!['title']).toBe('代码');
    expect(((english.properties['codes']!['items'] as JsonSchema)['oneOf'] as JsonSchema[])[0]!['title']).toBe('A');
    expect(english.if.properties['codes']!['title']).toBe('Condition');
  });
});

describe('describing entered data', () => {
  it('reads a code of an x-code-table field, alone or in a list, as 名称 (代码) once its name is known, else as the code', () => {
    const schema: JsonSchema = {
      properties: {
        occupation: { type: 'string', title: '职业', 'x-code-table': 'occupation-2022' },
        areas: { type: 'array', title: '意向地区', items: { type: 'string', 'x-code-table': 'division' } },
      },
    };
    const known: Record<string, string> = { 'occupation-2022:2-06-03-00': '会计专业人员', 'division:350203': '思明区' };
    const names = (table: string, code: string) => known[`${table}:${code}`];
    expect(describeData({ occupation: '2-06-03-00', areas: ['350203', '350299'] }, schema, [], 'zh-CN', names)).toEqual([
      { field: 'occupation', label: '职业', value: '会计专业人员 (2-06-03-00)' },
      { field: 'areas', label: '意向地区', value: '思明区 (350203)、350299' },
    ]);
    expect(describeData({ occupation: '2-06-03-00' }, schema, [], 'zh-CN')).toEqual([{ field: 'occupation', label: '职业', value: '2-06-03-00' }]);
  });

  const data = { category: 'lost-job', phone: '13912345678', unemployedSince: '2026-09-30', note: '补充说明' };

  it('labels fields and choices from the form, in the schema order and the reader’s language', () => {
    expect(describeData(data, registration, [], 'zh-CN')).toEqual([
      { field: 'category', label: '失业人员类别', value: '从企业、机关、事业单位等各类用人单位失业' },
      { field: 'unemployedSince', label: '失业时间', value: '2026-09-30' },
      { field: 'phone', label: '手机号码', value: '13912345678' },
      { field: 'note', label: 'note', value: '补充说明' },
    ]);
    expect(describeData(data, registration, [], 'en').slice(0, 2)).toEqual([
      { field: 'category', label: 'Category', value: 'Lost a job with an employer (enterprise, government body, public institution, etc.)' },
      { field: 'unemployedSince', label: 'Unemployed since', value: '2026-09-30' },
    ]);
  });

  it('borrows labels from other known forms when the step has none, and reads booleans, lists and nested objects', () => {
    expect(describeData({ opinion: '同意', category: 'other' }, null, [review, registration], 'zh-CN')).toEqual([
      { field: 'opinion', label: '审核意见', value: '同意' },
      { field: 'category', label: '失业人员类别', value: '其他' },
    ]);
    const schema: JsonSchema = { properties: { involuntary: { type: 'boolean', title: '非本人意愿' }, areas: { type: 'array', title: '地区' }, address: { type: 'object', title: '地址', properties: { street: { title: '街道' } } } } };
    expect(describeData({ involuntary: false, areas: ['350203', '350206'], address: { street: '湖滨南路' }, empty: '' }, schema, [], 'zh-CN')).toEqual([
      { field: 'involuntary', label: '非本人意愿', value: '否' },
      { field: 'areas', label: '地区', value: '350203、350206' },
      { field: 'address.street', label: '地址 · 街道', value: '湖滨南路' },
    ]);
  });
});
