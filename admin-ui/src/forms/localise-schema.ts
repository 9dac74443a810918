import type { Locale } from '../i18n.ts';

/** A JSON Schema as the API sends it: zh-CN `title`, English in `x-i18n.en`. */
export type JsonSchema = Record<string, unknown>;

/** Keywords whose value is one subschema. */
const ONE = ['items', 'additionalProperties', 'additionalItems', 'unevaluatedProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
/** Keywords whose value is a list of subschemas (`items` may be one too, in older drafts). */
const LIST = ['oneOf', 'anyOf', 'allOf', 'prefixItems', 'items'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function englishTitle(schema: JsonSchema): string | undefined {
  const i18n = schema['x-i18n'];
  return isSchema(i18n) && typeof i18n['en'] === 'string' ? i18n['en'] : undefined;
}

function translate(schema: JsonSchema): JsonSchema {
  const result: JsonSchema = { ...schema };
  const title = englishTitle(schema);
  if (title !== undefined) result['title'] = title;
  for (const keyword of ONE) {
    const sub = schema[keyword];
    if (isSchema(sub)) result[keyword] = translate(sub);
  }
  for (const keyword of LIST) {
    const subs = schema[keyword];
    if (Array.isArray(subs)) result[keyword] = subs.map((sub: unknown) => (isSchema(sub) ? translate(sub) : sub));
  }
  for (const keyword of MAP) {
    const subs = schema[keyword];
    if (isSchema(subs)) result[keyword] = Object.fromEntries(Object.entries(subs).map(([name, sub]) => [name, isSchema(sub) ? translate(sub) : sub]));
  }
  return result;
}

/**
 * A form schema in the reader's language: for English, every `title` (fields, choices of a
 * `oneOf`, nested objects and array items) is replaced by its `x-i18n.en`; zh-CN titles are the
 * schema's own, so the schema comes back unchanged. Validation keywords are never touched, and the
 * input is not modified.
 */
export function localiseSchema(schema: JsonSchema, locale: Locale): JsonSchema {
  return locale === 'zh-CN' ? schema : translate(schema);
}
