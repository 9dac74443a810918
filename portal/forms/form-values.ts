import { isPlatformError, type FieldText, type FormDefinition } from '../../runtime/employer-accounts/index.ts';
import type { Lang } from '../locale.ts';

/** A JSON Schema property as the public forms read it. */
export interface FieldSchema {
  type?: string;
  format?: string;
  title?: string;
  'x-i18n'?: { en?: string };
  oneOf?: { const: string; title?: string; 'x-i18n'?: { en?: string } }[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** The properties of a form's schema, and which are required. */
export function formFields(form: FormDefinition): { properties: Record<string, FieldSchema>; required: Set<string> } {
  const schema = form.schema as { properties?: Record<string, FieldSchema>; required?: string[] };
  return { properties: schema.properties ?? {}, required: new Set(schema.required ?? []) };
}

/** A schema title in the page's language: the English of `x-i18n` on an English page. */
export function schemaTitle(lang: Lang, node: { title?: string; 'x-i18n'?: { en?: string } }): string {
  return lang === 'en' ? (node['x-i18n']?.en ?? node.title ?? '') : (node.title ?? '');
}

/**
 * A submitted HTML form as the data of a case form: only the schema's fields; an empty field left
 * out (so the schema says it is required); whole numbers turned into numbers where the schema asks
 * for them, anything else left as typed for the schema to refuse with its message. The one
 * validation is the server's: the engine checks the result against the same schema when it steps.
 */
export function formData(form: FormDefinition, body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { properties } = formFields(form);
  const data: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(properties)) {
    const raw = body[field];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') continue;
    data[field] = (schema.type === 'integer' && /^-?\d{1,15}$/.test(value)) || (schema.type === 'number' && /^-?\d{1,15}(\.\d+)?$/.test(value)) ? Number(value) : value;
  }
  return data;
}

/** What a refused submission says, for the form shown again: a message per field and the rules or refusal above them. */
export interface FormErrors {
  fields: Record<string, FieldText>;
  general: FieldText[];
}

/**
 * A refusal as the form shows it: `FORM_INVALID` field by field (the schema's bilingual messages),
 * `RULE_VIOLATION` by the rules' own messages, any other refusal by its code's message; undefined
 * for what is not a refusal (a fault is the server's, not the form's).
 */
export function formErrors(error: unknown): FormErrors | undefined {
  if (!isPlatformError(error) || error.kind !== 'refusal' && error.kind !== 'conflict') return undefined;
  const details = (error.details ?? {}) as { fields?: { field: string; text: FieldText }[]; violations?: { message: FieldText }[] };
  if (error.code === 'FORM_INVALID' && details.fields) {
    const fields: Record<string, FieldText> = {};
    for (const each of details.fields) fields[each.field] ??= each.text;
    return { fields, general: [] };
  }
  if (error.code === 'RULE_VIOLATION' && details.violations) return { fields: {}, general: details.violations.map((v) => v.message) };
  return { fields: {}, general: [error.localized] };
}
