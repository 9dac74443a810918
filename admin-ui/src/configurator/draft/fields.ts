import type { Localized } from '../../api.ts';
import { fieldTitle } from '../paths.ts';
import type { FormDefinition } from '../types.ts';

type Schema = Record<string, unknown>;

/** The kinds of field a configurator can add, each a JSON Schema the platform's Ajv validates. */
export const fieldKinds = ['text', 'integer', 'number', 'date', 'boolean', 'choice', 'mobile', 'idNumber'] as const;
export type FieldKind = (typeof fieldKinds)[number];

/** A field being added to a form. */
export interface NewField {
  name: string;
  kind: FieldKind;
  title: Localized;
  required: boolean;
  maxLength?: number | null;
  minimum?: number | null;
  maximum?: number | null;
  options?: { code: string; title: Localized }[];
}

/** A field as the field table lists it. */
export interface FieldRow {
  name: string;
  title: Localized | null;
  kind: FieldKind | 'creditCode' | 'list' | 'group';
  required: boolean;
  options: { code: string; title: Localized }[] | null;
  /** Limits worth reading: maximum length, bounds, a pattern. */
  limits: { key: string; value: string | number }[];
}

const withTitle = (title: Localized, schema: Schema): Schema => ({ ...schema, title: title['zh-CN'], 'x-i18n': { en: title.en } });

/** The JSON Schema of a new field, with its zh-CN title and English `x-i18n`. */
export function fieldSchema(field: NewField): Schema {
  switch (field.kind) {
    case 'text':
      return withTitle(field.title, { type: 'string', ...(field.maxLength ? { maxLength: field.maxLength } : {}) });
    case 'integer':
    case 'number':
      return withTitle(field.title, {
        type: field.kind,
        ...(field.minimum !== null && field.minimum !== undefined ? { minimum: field.minimum } : {}),
        ...(field.maximum !== null && field.maximum !== undefined ? { maximum: field.maximum } : {}),
      });
    case 'date':
      return withTitle(field.title, { type: 'string', format: 'date' });
    case 'boolean':
      return withTitle(field.title, { type: 'boolean' });
    case 'mobile':
      return withTitle(field.title, { type: 'string', format: 'cn-mobile' });
    case 'idNumber':
      return withTitle(field.title, { type: 'string', format: 'cn-id-number' });
    case 'choice':
      return withTitle(field.title, { type: 'string', oneOf: (field.options ?? []).map((option) => withTitle(option.title, { const: option.code })) });
  }
}

/** The options of an enumerated field (`oneOf` of `const`, or `enum`); null for any other field. */
function enumOptions(schema: Schema): { code: string; title: Localized }[] | null {
  if (Array.isArray(schema['oneOf'])) {
    return (schema['oneOf'] as Schema[]).map((option) => ({ code: String(option['const']), title: fieldTitle(option) ?? { 'zh-CN': String(option['const']), en: String(option['const']) } }));
  }
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((value) => ({ code: String(value), title: { 'zh-CN': String(value), en: String(value) } }));
  return null;
}

function kindOf(schema: Schema): FieldRow['kind'] {
  if (enumOptions(schema)) return 'choice';
  const format = schema['format'];
  if (format === 'date') return 'date';
  if (format === 'cn-mobile') return 'mobile';
  if (format === 'cn-id-number') return 'idNumber';
  if (format === 'cn-credit-code') return 'creditCode';
  switch (schema['type']) {
    case 'boolean':
    case 'integer':
    case 'number':
      return schema['type'];
    case 'array':
      return 'list';
    case 'object':
      return 'group';
    default:
      return 'text';
  }
}

const LIMITS = ['minLength', 'maxLength', 'minimum', 'maximum', 'pattern'];

/** The fields of a form in the order it shows them (`ui:order`), each with its kind, whether it is required and its limits. */
export function fieldRows(form: FormDefinition): FieldRow[] {
  const properties = (form.schema['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(form.schema['required']) ? (form.schema['required'] as string[]) : []);
  const order = form.ui?.['ui:order'];
  const names = Object.keys(properties);
  const ordered = Array.isArray(order) ? [...(order as string[]).filter((name) => name in properties), ...names.filter((name) => !(order as string[]).includes(name))] : names;
  return ordered.map((name) => {
    const schema = properties[name]!;
    return {
      name,
      title: fieldTitle(schema),
      kind: kindOf(schema),
      required: required.has(name),
      options: enumOptions(schema),
      limits: LIMITS.filter((key) => schema[key] !== undefined).map((key) => ({ key, value: schema[key] as string | number })),
    };
  });
}

/** The form with a field being added shown in it, so the preview follows the editor as it is typed. */
export function withPendingField(form: FormDefinition, pending: { name: string; schema: Schema; required: boolean } | null): FormDefinition {
  if (!pending || !pending.name) return form;
  const properties = (form.schema['properties'] ?? {}) as Record<string, Schema>;
  if (pending.name in properties) return form;
  const required = Array.isArray(form.schema['required']) ? (form.schema['required'] as string[]) : [];
  const order = form.ui?.['ui:order'];
  return {
    ...form,
    schema: { ...form.schema, properties: { ...properties, [pending.name]: pending.schema }, ...(pending.required ? { required: [...required, pending.name] } : {}) },
    ui: Array.isArray(order) && !order.includes('*') ? { ...form.ui, 'ui:order': [...order, pending.name] } : form.ui,
  };
}

/** Options typed one a line as `code=中文=English` (the English title defaults to the Chinese). */
export function parseOptions(text: string): { code: string; title: Localized }[] {
  return text
    .split('\n')
    .map((line) => line.split('=').map((part) => part.trim()))
    .filter(([code]) => code)
    .map(([code, zh, en]) => ({ code: code!, title: { 'zh-CN': zh || code!, en: en || zh || code! } }));
}
