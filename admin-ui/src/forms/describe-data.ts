import type { Locale, Text } from '../i18n.ts';
import { codeLabel, codeTableOf, type CodeNames } from './code-tables.ts';
import { localiseSchema, type JsonSchema } from './localise-schema.ts';

/** One entered value as a person reads it: the field's label and the value's label. */
export interface DataRow {
  /** The dotted path of the field, e.g. `address.street`. */
  field: string;
  label: string;
  value: string;
}

const YES: Text = { 'zh-CN': '是', en: 'Yes' };
const NO: Text = { 'zh-CN': '否', en: 'No' };
const LIST_SEPARATOR: Text = { 'zh-CN': '、', en: ', ' };

function asSchema(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined;
}

function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  return (asSchema(schema?.['properties']) ?? {}) as Record<string, JsonSchema>;
}

/** The label of a choice (`oneOf`/`anyOf` of `const` with a title), or undefined when the value is not one. */
function choiceLabel(schema: JsonSchema | undefined, value: unknown): string | undefined {
  const choices = [...((schema?.['oneOf'] as unknown[] | undefined) ?? []), ...((schema?.['anyOf'] as unknown[] | undefined) ?? [])];
  const choice = choices.map(asSchema).find((c) => c !== undefined && c['const'] === value);
  return typeof choice?.['title'] === 'string' ? choice['title'] : undefined;
}

/** A code of an `x-code-table` field as `名称 (代码)`, or undefined when it is none or its name is not known. */
function codeText(schema: JsonSchema | undefined, value: unknown, names: CodeNames | undefined): string | undefined {
  const table = codeTableOf(schema);
  if (table === undefined || typeof value !== 'string') return undefined;
  const name = names?.(table, value);
  return name === undefined ? undefined : codeLabel(value, name);
}

function scalar(schema: JsonSchema | undefined, value: unknown, locale: Locale, names: CodeNames | undefined): string {
  const label = choiceLabel(schema, value) ?? codeText(schema, value, names);
  if (label !== undefined) return label;
  if (typeof value === 'boolean') return (value ? YES : NO)[locale];
  return String(value);
}

function rows(data: Record<string, unknown>, schemas: JsonSchema[], prefix: { field: string; label: string }, locale: Locale, names: CodeNames | undefined): DataRow[] {
  const known = new Set(schemas.flatMap((schema) => Object.keys(propertiesOf(schema))));
  const fields = [...schemas.flatMap((schema) => Object.keys(propertiesOf(schema))), ...Object.keys(data).filter((field) => !known.has(field))];
  const result: DataRow[] = [];
  for (const field of new Set(fields)) {
    const value = data[field];
    if (value === undefined || value === null || value === '') continue;
    const schema = schemas.map((s) => propertiesOf(s)[field]).find((s) => s !== undefined);
    const title = typeof schema?.['title'] === 'string' ? schema['title'] : field;
    const path = { field: prefix.field ? `${prefix.field}.${field}` : field, label: prefix.label ? `${prefix.label} · ${title}` : title };
    const nested = asSchema(value);
    if (nested) result.push(...rows(nested, schema ? [schema] : [], path, locale, names));
    else if (Array.isArray(value)) result.push({ ...path, value: value.map((item) => scalar(asSchema(schema?.['items']), item, locale, names)).join(LIST_SEPARATOR[locale]) });
    else result.push({ ...path, value: scalar(schema, value, locale, names) });
  }
  return result;
}

/**
 * A step's form data as labelled rows, never raw JSON: field labels and choice labels come from
 * the step's own form schema, else from any other known form that has the field (a case opened
 * by coordination carries data of the form its first action will show), else the field name.
 * Fields follow the schema's order; empty values are left out; nested objects become
 * `parent · child` rows; booleans read yes/no; a code of an `x-code-table` field reads `名称 (代码)`
 * once `names` knows it (the code alone before).
 */
export function describeData(data: Record<string, unknown>, own: JsonSchema | null, others: readonly JsonSchema[], locale: Locale, names?: CodeNames): DataRow[] {
  const schemas = [own, ...others].filter((schema): schema is JsonSchema => schema !== null).map((schema) => localiseSchema(schema, locale));
  return rows(data, schemas, { field: '', label: '' }, locale, names);
}
